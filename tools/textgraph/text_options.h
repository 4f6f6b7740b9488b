// Options shared by `textgraph extract` and `textgraph build`: how documents
// are read and analysed, which triples the rules give, threads; the progress
// line; the closing warnings. One place, so that a new option (an entity
// view, an actor file) reaches both commands at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "cli.h"
#include "textgraph/textgraph.h"

namespace textgraph::cli {

// Help text of the options read_text_options() takes (for the usage texts).
extern const std::string_view kTextOptionsHelp;
// Help text on what INPUT may be.
extern const std::string_view kDocumentInputsHelp;

// Consumes the shared options from `args`; throws UsageError on a bad value.
// `carb_output`: CaRB output turns on implicit relations unless --no-implicit.
// `linking`: the command's default for --link.
TextGraphOptions read_text_options(Args& args, bool carb_output = false,
                                   ActorLinking linking = ActorLinking::kWholeCorpus);

// "\rtextgraph extract: 45% of 27.0 MB" on standard error, only when it is a
// terminal and the run has lasted more than a second (long inputs); at most
// five updates a second; the line is cleared when done.
class Progress {
 public:
  explicit Progress(std::string command);
  ~Progress() { done(); }
  void update(const ReadProgress& p);
  void done();

 private:
  std::string command_;
  bool terminal_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

// Warnings after a run: repaired UTF-8 per file, no sentences at all.
void warn_after(const TextGraphReport& report);

}  // namespace textgraph::cli
