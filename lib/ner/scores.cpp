// Entity spans and conlleval-style scores (see textgraph/ner.h).
#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include "textgraph/ner.h"

namespace textgraph {

std::vector<EntitySpan> entity_spans(const Sentence& sentence) {
  std::vector<EntitySpan> out;
  bool open = false;
  EntitySpan cur;
  const std::size_t n = sentence.words.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& tag = sentence.words[i].ner;
    const bool inside = tag.size() > 2 && tag[1] == '-' && (tag[0] == 'B' || tag[0] == 'I');
    const std::string_view type = inside ? std::string_view(tag).substr(2) : std::string_view();
    const bool continues = inside && tag[0] == 'I' && open && cur.type == type;
    if (open && !continues) {
      cur.last = i;
      out.push_back(cur);
      open = false;
    }
    if (inside && !continues) {
      cur.first = i;
      cur.type = std::string(type);
      open = true;
    }
  }
  if (open) {
    cur.last = n;
    out.push_back(cur);
  }
  return out;
}

double EntityCounts::precision() const {
  return predicted ? 100.0 * static_cast<double>(correct) / static_cast<double>(predicted) : 0.0;
}
double EntityCounts::recall() const {
  return gold ? 100.0 * static_cast<double>(correct) / static_cast<double>(gold) : 0.0;
}
double EntityCounts::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

NerScores compare_entities(const std::vector<Sentence>& gold, const std::vector<Sentence>& system) {
  NerScores scores;
  const std::size_t n = std::max(gold.size(), system.size());
  static const Sentence kEmpty;
  for (std::size_t s = 0; s < n; ++s) {
    const Sentence& g = s < gold.size() ? gold[s] : kEmpty;
    const Sentence& p = s < system.size() ? system[s] : kEmpty;
    ++scores.sentences;
    const bool aligned = g.words.size() == p.words.size();
    const std::vector<EntitySpan> ge = entity_spans(g);
    const std::vector<EntitySpan> pe = entity_spans(p);
    scores.words += g.words.size();
    if (aligned)
      for (std::size_t i = 0; i < g.words.size(); ++i) {
        const std::string& a = g.words[i].ner;
        const std::string& b = p.words[i].ner;
        scores.tags_correct += (a.empty() ? "O" : a) == (b.empty() ? "O" : b);
      }
    std::set<std::tuple<std::size_t, std::size_t, std::string>> gold_set;
    for (const EntitySpan& e : ge) {
      gold_set.emplace(e.first, e.last, e.type);
      ++scores.all.gold;
      ++scores.by_type[e.type].gold;
    }
    for (const EntitySpan& e : pe) {
      ++scores.all.predicted;
      EntityCounts& t = scores.by_type[e.type];
      ++t.predicted;
      if (aligned && gold_set.count({e.first, e.last, e.type})) {
        ++scores.all.correct;
        ++t.correct;
      }
    }
  }
  return scores;
}

NerScores score_ner(const NerTagger& tagger, const std::vector<Sentence>& gold) {
  std::vector<Sentence> system = gold;
  for (Sentence& s : system)
    for (Word& w : s.words) w.ner.clear();
  tagger.tag(system);
  return compare_entities(gold, system);
}

std::string format_scores(const NerScores& scores) {
  std::string out;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-8s %9s %9s %9s %7s %7s %7s\n", "type", "gold", "predicted",
                "correct", "P", "R", "F1");
  out += buf;
  auto line = [&](const std::string& name, const EntityCounts& c) {
    std::snprintf(buf, sizeof buf, "%-8s %9zu %9zu %9zu %7.2f %7.2f %7.2f\n", name.c_str(), c.gold,
                  c.predicted, c.correct, c.precision(), c.recall(), c.f1());
    out += buf;
  };
  for (const auto& [type, c] : scores.by_type) line(type, c);
  line("all", scores.all);
  std::snprintf(buf, sizeof buf, "tag accuracy %.2f%% of %zu words in %zu sentences\n",
                scores.words ? 100.0 * static_cast<double>(scores.tags_correct) /
                                   static_cast<double>(scores.words)
                             : 0.0,
                scores.words, scores.sentences);
  out += buf;
  return out;
}

}  // namespace textgraph
