#include "ner/self_test.h"

namespace textgraph::ner {

const std::vector<std::vector<std::string>>& self_test_sentences() {
  static const std::vector<std::vector<std::string>> kSentences = {
      {"Russian", "President", "Vladimir", "Putin", "met", "U.S.", "envoys", "at", "the", "Kremlin",
       "on", "Tuesday", "."},
      {"Iranian", "leaders", "warned", "Washington", "after", "the", "International", "Atomic",
       "Energy", "Agency", "criticized", "Tehran", "."},
      {"Putin", "told", "reporters", "in", "Moscow", "that", "NATO", "was", "to", "blame", "."},
      {"Maria", "Lopez", "works", "for", "Microsoft", "in", "Seattle", "and", "she", "likes", "it",
       "."},
  };
  return kSentences;
}

std::vector<Sentence> self_test_document() {
  std::vector<Sentence> out;
  for (const auto& forms : self_test_sentences()) {
    Sentence s;
    for (const std::string& f : forms) {
      Word w;
      w.form = f;
      s.words.push_back(std::move(w));
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace textgraph::ner
