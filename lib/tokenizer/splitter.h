// Internal: sentence boundaries over the scanner's tokens, by rule.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "tokenizer/scanner.h"

namespace textgraph::tokenizer {

// True when the single line breaks of the text look like hard wrapping
// (lines that continue mid-sentence) rather than structure (headlines, list
// items, one sentence per line).
bool looks_hard_wrapped(std::string_view text, const std::vector<RawToken>& tokens);

// Appends to `ends`, for each sentence in order, the index one past its last
// token; the last entry is tokens.size(). Paragraph breaks always end a
// sentence, single line breaks when `line_breaks_end` is true. An abbreviation
// that ends a sentence gets split_period set.
void split_sentences(std::string_view text, std::vector<RawToken>& tokens, bool line_breaks_end,
                     std::vector<std::size_t>& ends);

}  // namespace textgraph::tokenizer
