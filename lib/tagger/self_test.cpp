#include "tagger/self_test.h"

namespace textgraph::tagger {

const std::vector<std::vector<std::string>>& self_test_sentences() {
  static const std::vector<std::vector<std::string>> kSentences = {
      {"The", "ministers", "met", "in", "Geneva", "on", "Tuesday", "and", "agreed", "to", "resume",
       "talks", "."},
      {"She", "has", "n't", "seen", "the", "latest", "figures", ",", "which", "were", "released",
       "by", "the", "U.S.", "Treasury", "."},
      {"Prices", "rose", "3.5", "%", "in", "2023", ",", "driven", "by", "higher", "energy", "costs",
       "."},
      {"Why", "would", "anyone", "buy", "those", "overpriced", "gadgets", "?"},
      // Words no training corpus has: affix, shape and context features.
      {"Snorfling", "glimmers", "outflanked", "the", "Zyxlandian", "delegates", "in", "Qarvonia",
       "."},
  };
  return kSentences;
}

std::string self_test_line(const Word& word) {
  return word.upos + "\t" + word.xpos + "\t" + word.feats + "\t" + word.lemma;
}

Sentence sentence_of(const std::vector<std::string>& forms) {
  Sentence s;
  for (const std::string& f : forms) {
    Word w;
    w.form = f;
    s.words.push_back(std::move(w));
  }
  return s;
}

}  // namespace textgraph::tagger
