// Internal: a streaming IOB2 reader (read_iob2 of textgraph/ner.h reads
// whole files with it; tag_file streams documents).
//
//   LineReader lines(path);
//   Iob2Reader reader(lines);
//   Sentence s;
//   while (reader.next(s)) use(s);   // throws Error(kInvalidInput) naming FILE:LINE
#pragma once

#include "core/files.h"
#include "textgraph/document.h"

namespace textgraph {

class Iob2Reader {
 public:
  explicit Iob2Reader(LineReader& lines) : lines_(lines) {}
  // The next sentence into s: false at the end of the input.
  bool next(Sentence& s);

 private:
  LineReader& lines_;
};

}  // namespace textgraph
