#include <set>
#include <string>

#include "textgraph/tagger.h"

namespace textgraph {

namespace {

// The universal features of the CoNLL 2018 evaluation script; other
// features (Typo, ExtPos, NumForm, Style, ...) are ignored by UFeats.
const std::set<std::string, std::less<>>& universal_features() {
  static const std::set<std::string, std::less<>> kSet = {
      "PronType", "NumType", "Poss",  "Reflex",   "Foreign",  "Abbr",     "Gender",
      "Animacy",  "Number",  "Case",  "Definite", "Degree",   "VerbForm", "Mood",
      "Tense",    "Aspect",  "Voice", "Evident",  "Polarity", "Person",   "Polite"};
  return kSet;
}

std::string universal_only(const std::string& feats) {
  std::string out;
  std::size_t start = 0;
  while (start < feats.size()) {
    std::size_t bar = feats.find('|', start);
    if (bar == std::string::npos) bar = feats.size();
    const std::string_view f(feats.data() + start, bar - start);
    const std::size_t eq = f.find('=');
    if (eq != std::string_view::npos && universal_features().count(f.substr(0, eq))) {
      if (!out.empty()) out += '|';
      out += f;
    }
    start = bar + 1;
  }
  return out;
}

}  // namespace

TaggerScores compare_tags(const std::vector<Sentence>& gold, const std::vector<Sentence>& system) {
  std::size_t n = 0, upos = 0, xpos = 0, feats = 0, all = 0, lemma = 0;
  for (std::size_t s = 0; s < gold.size(); ++s) {
    const auto& g = gold[s].words;
    for (std::size_t i = 0; i < g.size(); ++i) {
      ++n;
      if (s >= system.size() || i >= system[s].words.size()) continue;
      const Word& w = system[s].words[i];
      const bool u = w.upos == g[i].upos, x = w.xpos == g[i].xpos,
                 f = universal_only(w.feats) == universal_only(g[i].feats);
      upos += u;
      xpos += x;
      feats += f;
      all += u && x && f;
      lemma += g[i].lemma.empty() || w.lemma == g[i].lemma;
    }
  }
  TaggerScores r;
  r.words = n;
  const double d = n ? 100.0 / static_cast<double>(n) : 0.0;
  r.upos = static_cast<double>(upos) * d;
  r.xpos = static_cast<double>(xpos) * d;
  r.ufeats = static_cast<double>(feats) * d;
  r.alltags = static_cast<double>(all) * d;
  r.lemmas = static_cast<double>(lemma) * d;
  return r;
}

TaggerScores score_tagger(const Tagger& tagger, const std::vector<Sentence>& gold) {
  std::vector<Sentence> system = gold;
  for (Sentence& s : system) tagger.tag(s);
  return compare_tags(gold, system);
}

}  // namespace textgraph
