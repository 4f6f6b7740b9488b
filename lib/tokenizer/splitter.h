// Internal: sentence boundaries over the scanner's tokens, by rule.
//
// Why rules and not a trained classifier: an averaged-perceptron boundary
// classifier over the same tokens (word, shape and rule-decision features,
// trained on EWT train) raised EWT dev Sentences F1 from 86.1 to 90.0-90.5
// but lowered GUM dev (news among it) by 0.6-1.0, and nearly all it gained
// were e-mail headers, signatures and URL lists that the CoNLL 2018 raw text
// joins into one line; in real text those stand on lines of their own, which
// the line-break rule handles. Rules need no model file and cost little time.
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
