// Internal: the self-test a tagger model carries in its metadata.
//
// At training time the tagger tags a few sentences written for the project
// and stores, per word, "UPOS\tXPOS\tFEATS\tLEMMA" under "self_test" in the
// metadata JSON. Loading re-tags them and refuses the model when anything
// differs (a damaged or misread model, or a build that computes differently).
#pragma once

#include <string>
#include <vector>

#include "textgraph/document.h"

namespace textgraph::tagger {

// The sentences, already split into words (EWT conventions).
const std::vector<std::vector<std::string>>& self_test_sentences();

// "UPOS\tXPOS\tFEATS\tLEMMA" of a tagged word.
std::string self_test_line(const Word& word);

// A sentence with the given forms and nothing else set.
Sentence sentence_of(const std::vector<std::string>& forms);

}  // namespace textgraph::tagger
