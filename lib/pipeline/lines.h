// Internal: one sentence per line (InputOptions::sentence_per_line).
#pragma once

#include <cstddef>

#include "textgraph/document.h"

namespace textgraph::pipeline {

// The tokenizer, with LineBreaks::kSentence, ends a sentence at every line
// break but may also end one inside a line ("He left. She stayed."). This
// joins the sentences of each line back into one, as long as the result has
// at most `max_words` words (0 = no limit; a longer line stays cut as the
// tokenizer cut it). Spans must be set (tokenizer output, before tagging).
void join_sentences_of_lines(Document& doc, std::size_t max_words);

}  // namespace textgraph::pipeline
