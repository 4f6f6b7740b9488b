// Internal: the parser's model sections, and the self-test run on load.
//
// Sections: "config" (sizes and feature slots), "vocab" (string tables and
// labels), "weights" (every tensor: rows, cols, floats), "selftest" (a few
// built-in sentences, the actions the network took on them when saved and
// each action's score). On load the actions are replayed and the scores
// must agree within a small tolerance, which catches a model whose numbers
// were damaged or are read differently by this build.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "parser/network.h"
#include "textgraph/model.h"

namespace textgraph::parser {

struct SelfTestCase {
  std::vector<std::string> forms, upos, xpos;
  std::vector<int> actions;
  std::vector<float> scores;
};

// Parses the built-in probe sentences with `net` and records the result.
std::vector<SelfTestCase> make_self_test(const Network& net);

ModelFile to_model(const Network& net, const std::string& metadata_json);
// Throws Error(kModel) naming `name` when a section is missing or does not
// fit the configuration, or when the self-test fails.
std::unique_ptr<Network> network_from_model(const ModelFile& model, const std::string& name);

}  // namespace textgraph::parser
