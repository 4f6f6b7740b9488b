// textgraph/conllu.h — reading and writing CoNLL-U (Universal Dependencies).
//
// Usage:
//   textgraph::Result<std::vector<textgraph::Sentence>> s = textgraph::read_conllu("dev.conllu");
//   if (!s.ok()) { report(s.status()); return; }   // "dev.conllu:120: expected 10 columns ..."
//   for (const auto& sentence : *s) textgraph::write_conllu(sentence, std::cout);
//
//   // Streaming, for large files:
//   textgraph::ConlluReader reader("big.conllu");
//   textgraph::Sentence sentence;
//   while (true) {
//     textgraph::Result<bool> got = reader.next(sentence);
//     if (!got.ok()) { report(got.status()); break; }
//     if (!*got) break;   // end of input
//     use(sentence);
//   }
//
// Reading: multiword token lines ("3-4 don't") become MultiwordToken and are
// kept; empty nodes ("8.1", enhanced UD) are skipped; "# sent_id = ", "# text
// = " and "# newpar" fill their fields; all comments are kept in order, and
// the writer puts them back in place, so reading and writing a valid file
// gives it back byte for byte (empty nodes aside).
// In MISC, SpaceAfter=No sets space_after = false and NER=B-PER sets the
// word's ner field; both are removed from misc (the writer puts them back).
// "_" becomes "" in every string column (except a FORM or LEMMA that is the
// underscore character itself, which CoNLL-U cannot tell apart: a word "_"
// with lemma "_" keeps both).
//
// Failure: malformed input (wrong column count, bad or non-consecutive ids,
// a multiword range that does not fit, invalid UTF-8, a head out of range)
// gives ErrorCode::kInvalidInput naming the file and 1-based line. A missing
// file gives ErrorCode::kIo. Offsets (Span) are left unknown: CoNLL-U holds
// no source text.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "textgraph/document.h"
#include "textgraph/status.h"

namespace textgraph {

class ConlluReader {
 public:
  // path "-" reads standard input. An unreadable file is reported by next().
  explicit ConlluReader(const std::string& path);
  // Reads from a stream owned by the caller; `name` is used in messages.
  ConlluReader(std::istream& in, std::string name);
  ~ConlluReader();
  ConlluReader(ConlluReader&&) noexcept;
  ConlluReader& operator=(ConlluReader&&) noexcept;

  // The next sentence into `out`: true if one was read, false at the end.
  [[nodiscard]] Result<bool> next(Sentence& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

[[nodiscard]] Result<std::vector<Sentence>> read_conllu(const std::string& path);
[[nodiscard]] Result<std::vector<Sentence>> parse_conllu(std::string_view text,
                                                         const std::string& name);

// Writes one sentence followed by a blank line. "# text" is rebuilt from the
// forms and space_after when Sentence::text is empty.
void write_conllu(const Sentence& sentence, std::ostream& out);
std::string to_conllu(const Sentence& sentence);

// The surface text of a sentence rebuilt from its tokens (multiword tokens
// by their surface form) and space_after flags.
std::string surface_text(const Sentence& sentence);

}  // namespace textgraph
