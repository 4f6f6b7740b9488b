// Self-test sentences stored in a model's metadata and checked on load.
//
// The metadata's "self_test" member is an array of {"words": [forms...],
// "expected": [one string per word]}; what the expected string holds is the
// model kind's business (the tagger writes "UPOS XPOS lemma ...", NER the
// IOB2 tag). A stage passes a function that labels the forms of one
// sentence the way its expected strings are written.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace textgraph {

using SelfTestLabeler =
    std::function<std::vector<std::string>(const std::vector<std::string>& forms)>;

// Labels every self-test sentence of `metadata` with `label` and compares.
// Throws Error kModel naming `name` when the metadata is not a JSON object,
// has no self-test sentences, has a malformed entry, or a label differs
// (a damaged model or a build that reads it differently).
void run_self_test(const std::string& metadata, const std::string& name,
                   const SelfTestLabeler& label);

}  // namespace textgraph
