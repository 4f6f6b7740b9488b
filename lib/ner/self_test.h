// Internal: the self-test an NER model carries in its metadata.
//
// At training time the tagger tags a few sentences written for the project
// (news text: people, organisations, places, demonyms) and stores their
// IOB2 tags under "self_test" in the metadata JSON. Loading re-tags them and
// refuses the model when anything differs (a damaged or misread model, or a
// build that computes differently).
#pragma once

#include <string>
#include <vector>

#include "textgraph/document.h"

namespace textgraph::ner {

// The sentences, already split into words (EWT conventions).
const std::vector<std::vector<std::string>>& self_test_sentences();

// The self-test sentences as Sentence values (forms only).
std::vector<Sentence> self_test_document();

}  // namespace textgraph::ner
