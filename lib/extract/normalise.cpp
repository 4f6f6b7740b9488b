// Relation lemmas: the graph edge names a relation by its content words in
// dictionary form ("has been warning" → "warn", "met with" → "meet with",
// "is preparing to meet with" → "prepare to meet with"); auxiliaries, modals,
// negation and adverbs are left to polarity and modality.
#include "extract/builder.h"

namespace textgraph::extraction {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void append_word(std::string& s, std::string_view word) {
  if (word.empty()) return;
  if (!s.empty()) s += ' ';
  s.append(word);
}

namespace {

std::string lemma_of(const Tree& t, int id) {
  const Word& w = t.word(id);
  return lower(w.lemma.empty() ? w.form : w.lemma);
}

}  // namespace

std::string Builder::chain_lemma(const std::vector<int>& chain, bool passive_reading) const {
  const Tree& t = *tree_;
  std::string out;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    const int v = chain[i];
    if (i > 0) {
      bool to = false;
      for (int m : t.children(v))
        if (t.dep(m) == Dep::kMark && t.lemma(m, "to")) to = true;
      if (to) append_word(out, "to");
    }
    const bool last = i + 1 == chain.size();
    if (t.has_child(v, Dep::kCop)) {
      append_word(out, "be");
      append_word(out, lemma_of(t, v));
    } else if (is_passive(v) && (!last || passive_reading)) {
      // Without an agent the passive stays a passive: "be hosted in".
      append_word(out, "be");
      append_word(out, lower(t.word(v).form));
    } else {
      append_word(out, lemma_of(t, v));
    }
    for (int c : t.children(v))
      if (t.dep(c) == Dep::kCompoundPrt) append_word(out, lemma_of(t, c));
  }
  return out;
}

std::string Builder::prep_lemma(const std::vector<int>& words) const {
  std::string out;
  for (int w : words) {
    if (!out.empty()) out += ' ';
    out += lemma_of(*tree_, w);
  }
  return out;
}

}  // namespace textgraph::extraction
