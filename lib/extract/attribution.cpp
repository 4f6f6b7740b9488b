// Polarity, modality and attribution of a frame.
#include "extract/builder.h"
#include "extract/lexicon.h"

namespace textgraph::extraction {

void Builder::polarity_and_modality(Frame& f) const {
  const Tree& t = *tree_;
  for (int w : f.rel) {
    const Word& word = t.word(w);
    const std::string l = lower(word.lemma.empty() ? word.form : word.lemma);
    if (t.dep(w) == Dep::kAdvmod && (is_negation(l) || is_negation(lower(word.form))))
      f.negative = true;
    if (f.modality.empty() && t.dep(w) == Dep::kAux && is_modal(l)) f.modality = l;
  }
}

// "according to X".
bool according_to(const Tree& t, int c) {
  if (t.dep(c) != Dep::kObl) return false;
  for (int k : t.children(c))
    if (t.dep(k) == Dep::kCase && t.lemma(k, "accord")) return true;
  for (int k : t.children(c))
    if (t.dep(k) == Dep::kCase && lower(t.word(k).form) == "according") return true;
  return false;
}

bool Builder::attribution(int anchor, std::vector<int>& source, std::string& verb) const {
  const Tree& t = *tree_;
  int prev = 0;
  for (int cur = anchor; cur != 0; prev = cur, cur = t.head(cur)) {
    for (int c : t.children(cur)) {
      if (c == prev) continue;
      if (according_to(t, c)) {
        PhraseRules rules;
        rules.strip_case = true;
        source = make_arg(c, rules).ids;
        verb = "according to";
        return true;
      }
      // "X, the Pentagon said": a reporting verb in parataxis with a subject
      // and nothing said of its own.
      if (t.dep(c) == Dep::kParataxis && is_reporting_verb(lower(t.word(c).lemma)) &&
          !t.has_child(c, Dep::kObj) && !t.has_child(c, Dep::kCcomp)) {
        SubjectSource how;
        int exclude = 0;
        const int s = subject_word(c, how, exclude);
        if (s != 0 && how == SubjectSource::kOwn) {
          PhraseRules rules;
          source = make_arg(s, rules).ids;
          verb = lower(t.word(c).lemma);
          return true;
        }
      }
    }
    if (t.dep(cur) == Dep::kCcomp) {
      const int h = t.head(cur);
      if (h != 0 && is_reporting_verb(lower(t.word(h).lemma))) {
        SubjectSource how;
        int exclude = 0;
        const int s = subject_word(h, how, exclude);
        if (s != 0) {
          PhraseRules rules;
          rules.exclude = exclude;
          source = make_arg(s, rules).ids;
          verb = lower(t.word(h).lemma);
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace textgraph::extraction
