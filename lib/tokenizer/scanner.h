// Internal: the first pass of the tokenizer. Cuts valid UTF-8 text into
// surface tokens (UD tokens, before multiword splitting) with their byte
// ranges and the whitespace that follows each one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "tokenizer/lexicon.h"

namespace textgraph::tokenizer {

struct RawToken {
  std::size_t begin = 0;     // first byte in the text
  std::size_t end = 0;       // one past the last byte
  bool space_after = false;  // whitespace (of any kind) follows
  std::uint8_t breaks = 0;   // line breaks in that whitespace: 0, 1, or 2 for two or
                             // more (a blank line: a paragraph break)
  Abbreviation abbreviation = Abbreviation::kNone;  // the token ends in a period that
                                                    // belongs to this kind of abbreviation
  bool initial = false;                             // a single capital letter and its period ("J.")
  bool emoticon = false;      // ":)", ";-)": belongs to the sentence before it
  bool split_period = false;  // set by the sentence splitter: the abbreviation ends a
                              // sentence, so its period is a token of its own (EWT: "etc .")
};

// Appends the tokens of `text` (valid UTF-8) to `out`.
void scan(std::string_view text, std::vector<RawToken>& out);

// Appends the tokens of one pre-tokenized line: runs of non-space characters
// are tokens as they are. `offset` is the line's position in the text.
void scan_pretokenized(std::string_view line, std::size_t offset, std::vector<RawToken>& out);

}  // namespace textgraph::tokenizer
