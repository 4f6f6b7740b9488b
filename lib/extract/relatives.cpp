// Relative clauses (the antecedent fills the gap) and appositions.
// Participial modifiers share the clause rules: their subject is the noun
// they modify (clauses.cpp, subject_word) and a past participle reads as a
// passive (arguments.cpp, is_passive).
#include <algorithm>

#include "extract/builder.h"
#include "extract/lexicon.h"

namespace textgraph::extraction {

namespace {

bool relative_lemma(std::string_view l) {
  return l == "who" || l == "whom" || l == "which" || l == "that" || l == "whose";
}

}  // namespace

// A relative word of a relative clause: a pronoun ("who", "which", "that",
// "whose") or a relative adverb ("where", "when").
bool Builder::is_relative_word(int id) const {
  const Tree& t = *tree_;
  if (t.has_feature(id, "PronType=Rel")) return true;
  const Word& w = t.word(id);
  return (w.upos == "PRON" || w.upos == "DET") && relative_lemma(w.lemma) &&
         t.word(id).feats.find("PronType=Dem") == std::string::npos;
}

int Builder::relative_pronoun(int clause) const {
  const Tree& t = *tree_;
  // Relative words open their clause: look among the words before the
  // predicate, at most three levels down ("the deal which he hopes to sign").
  for (int id = t.first(clause); id < clause; ++id) {
    if (!is_relative_word(id)) continue;
    int up = id, steps = 0;
    while (up != clause && up != 0 && steps < 4) {
      if (t.dep(up) == Dep::kAclRelcl) break;
      up = t.head(up);
      ++steps;
    }
    if (up == clause) return id;
  }
  // Fronted inside a preposition phrase after the predicate is not English;
  // a relative object of a later verb ("which he hopes to sign") comes first.
  return 0;
}

int Builder::antecedent(int word, int& clause) const {
  const Tree& t = *tree_;
  clause = 0;
  if (!options_.relative_clauses || !is_relative_word(word)) return 0;
  int up = t.head(word);
  while (up != 0 && t.dep(up) != Dep::kAclRelcl) {
    const Dep d = t.dep(up);
    // Do not climb out of the clause the pronoun belongs to.
    if (d == Dep::kCcomp || d == Dep::kAcl || d == Dep::kParataxis || d == Dep::kRoot) return 0;
    up = t.head(up);
  }
  if (up == 0 || word > up) return 0;
  clause = up;
  return t.head(up);
}

Arg Builder::make_arg(int head, const PhraseRules& rules) const {
  Arg a;
  int clause = 0;
  PhraseRules r = rules;
  a.head = head;
  if (const int n = antecedent(head, clause); n != 0) {
    // The antecedent stands in for the relative pronoun.
    r = PhraseRules();
    r.strip_case = true;
    r.exclude = clause;
    a.head = n;
  }
  // A copular predicate standing for its noun ("this is a story trying to
  // ..."): the noun phrase without subject and copula.
  if (!r.clause && a.head > 0 && tree_->has_child(a.head, Dep::kCop)) r.predicate = true;
  collect_phrase(*tree_, a.head, r, a.ids);
  return a;
}

void Builder::appositions(int n) {
  const Tree& t = *tree_;
  if (!options_.appositions || !t.is_nominal(n)) return;
  title(n);
  for (int c : t.children(n)) {
    if (t.dep(c) != Dep::kAppos) continue;
    // Ages and amounts ("Stanley Ray, 66,") are not what a name is; "one of
    // the prisoners" is.
    if (!t.is_nominal(c) || t.upos(c, "NUM")) continue;
    if (t.upos(n, "NUM") && !t.has_child(n, Dep::kNmod)) continue;
    Frame f;
    f.kind = Construction::kApposition;
    f.anchor = c;
    f.lemma = "be";
    f.synthetic = f.lemma;
    f.features.subject = SubjectSource::kSynthetic;
    f.features.object = ObjectKind::kNominal;
    f.features.predicate_dep = Dep::kAppos;
    f.features.depth = t.depth(c);
    PhraseRules srules;
    srules.strip_case = true;
    srules.split_conj = true;
    srules.exclude = c;
    f.subjects.push_back(make_arg(n, srules));
    PhraseRules orules;
    arg_conjuncts(c, orules, f.objects);
    if (f.subjects.front().ids.empty() || f.objects.empty()) continue;
    frames_->push_back(std::move(f));
  }
}

void Builder::title(int n) {
  // "Russian President Vladimir Putin", "former U.S. Attorney Todd Graves":
  // a title before a name says what the named one is. The title is a noun
  // hung on the name (compound, or nmod:desc in recent UD English) whose
  // word is a known title; the name is what follows it.
  const Tree& t = *tree_;
  if (!t.upos(n, "PROPN") || t.dep(n) == Dep::kCompound || t.dep(n) == Dep::kFlat) return;
  int title = 0;
  for (int c : t.children(n)) {
    if (c > n) break;
    const std::string& rel = t.word(c).deprel;
    if (rel != "compound" && rel != "nmod:desc") continue;
    if (!t.upos(c, "NOUN") && !t.upos(c, "PROPN")) continue;
    if (is_title(lower(t.word(c).form)) || is_title(lower(t.word(c).lemma))) title = c;
  }
  if (title == 0 || t.last(title) + 1 > n) return;
  Frame f;
  f.kind = Construction::kApposition;
  f.anchor = title;
  f.lemma = "be";
  f.synthetic = f.lemma;
  f.features.subject = SubjectSource::kSynthetic;
  f.features.object = ObjectKind::kPredicative;
  f.features.predicate_dep = Dep::kCompound;
  f.features.depth = t.depth(n);
  Arg name;
  name.head = n;
  for (int k = t.last(title) + 1; k <= t.last(n); ++k) {
    if (k == n) {
      name.ids.push_back(k);
    } else if (t.head(k) == n && (t.dep(k) == Dep::kFlat || t.dep(k) == Dep::kCompound)) {
      for (int j = t.first(k); j <= t.last(k); ++j) name.ids.push_back(j);
    } else if (k > n) {
      break;
    }
  }
  std::sort(name.ids.begin(), name.ids.end());
  name.ids.erase(std::unique(name.ids.begin(), name.ids.end()), name.ids.end());
  // The title with what qualifies it before it ("former", "U.S.").
  Arg role;
  role.head = title;
  for (int c : t.children(n)) {
    if (c > title) break;
    const Dep d = t.dep(c);
    if (c != title && d != Dep::kAmod && d != Dep::kCompound && d != Dep::kNmod) continue;
    for (int j = t.first(c); j <= t.last(c); ++j) role.ids.push_back(j);
  }
  trim_punct(t, role.ids);
  if (name.ids.empty() || role.ids.empty()) return;
  f.subjects.push_back(std::move(name));
  f.objects.push_back(std::move(role));
  frames_->push_back(std::move(f));
}

}  // namespace textgraph::extraction
