// Internal: cutting a text stream into chunks of whole paragraphs (or whole
// lines), so that arbitrarily large inputs are analyzed in bounded memory.
//
// Where a cut goes depends only on the bytes of the text, never on how much
// was read at a time: find_cut() answers "need more bytes" until the answer
// is certain (a whitespace run that reaches the end of what was read may go
// on, so a break is only taken once the run is seen whole).
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace textgraph::pipeline {

enum class CutMode {
  kParagraphs,  // running text: cut at paragraph breaks (blank lines)
  kLines,       // one sentence per line: cut at line breaks
};

struct CutRule {
  CutMode mode = CutMode::kParagraphs;
  std::size_t target = 32 * 1024;  // cut at the first break at or after this offset (>= 1)
  std::size_t max = 1 << 20;       // ... if there is one by this offset (>= target); else a
                                   // line break, a space, or a character boundary before it
};

struct Cut {
  std::size_t end = 0;     // the chunk is text[0, end)
  bool paragraph = false;  // the text after `end` starts a paragraph
};

// Where the chunk at the start of `text` ends, or nullopt when the bytes so
// far cannot tell and more are needed. `eof`: text holds the rest of the
// document. For non-empty text the cut is at least 1 byte; with eof there
// always is one.
std::optional<Cut> find_cut(std::string_view text, bool eof, const CutRule& rule);

// Cuts one document into chunks, read from a stream in blocks or held in
// memory. Every document gives at least one chunk (an empty one when the
// document is empty).
class TextChunker {
 public:
  // Reads `in` (owned by the caller) in blocks of `block` bytes; a read
  // error throws Error(kIo) naming `name`.
  TextChunker(std::istream& in, std::string name, const CutRule& rule,
              std::size_t block = 64 * 1024);
  // Cuts `text`, held in memory.
  TextChunker(std::string text, const CutRule& rule);

  struct Piece {
    std::string text;              // the chunk's bytes
    std::size_t offset = 0;        // of text[0] in the document
    std::size_t line = 1;          // 1-based line of text[0] in the document
    bool starts_paragraph = true;  // false when cut inside a paragraph
  };

  // The next chunk into `out`; false at the end of the document.
  bool next(Piece& out);
  // Bytes of the document passed on in chunks so far.
  std::size_t consumed() const { return offset_; }

 private:
  void read_more();

  std::istream* in_ = nullptr;
  std::string name_;
  CutRule rule_;
  std::size_t block_ = 0;
  std::string buffer_;  // unread bytes start at buffer_[pos_]
  std::size_t pos_ = 0;
  bool eof_ = false;
  bool emitted_ = false;
  std::size_t offset_ = 0;  // document offset of buffer_[pos_]
  std::size_t line_ = 1;    // line of buffer_[pos_]
  bool starts_paragraph_ = true;
};

}  // namespace textgraph::pipeline
