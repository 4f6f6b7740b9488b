// Predicates, verb groups, xcomp chains and subjects.
#include <algorithm>

#include "extract/builder.h"
#include "extract/lexicon.h"

namespace textgraph::extraction {

namespace {

// Adverbs that modify the whole predication and read well inside a copular
// relation ("is also home to", "was still a member of").
bool clause_adverb(std::string_view lemma) {
  static constexpr std::string_view kAdverbs[] = {
      "also",      "still",      "now",        "already",    "often",     "always",
      "usually",   "reportedly", "allegedly",  "apparently", "currently", "once",
      "generally", "later",      "then",       "previously", "recently",  "formerly",
      "ever",      "initially",  "originally", "eventually", "finally",   "widely",
      "mostly",    "largely",    "officially", "effectively"};
  return std::find(std::begin(kAdverbs), std::end(kAdverbs), lemma) != std::end(kAdverbs);
}

bool wh_word(const Tree& t, int id) {
  const std::string& l = t.word(id).lemma;
  return t.has_feature(id, "PronType=Int") || t.has_feature(id, "PronType=Rel") || l == "when" ||
         l == "where" || l == "why" || l == "how" || l == "whenever" || l == "wherever";
}

// The first word of a copular predicate's own phrase (determiner, case,
// modifier or the head itself), after copula and adverbs.
int first_content(const Tree& t, int p) {
  for (int c : t.children(p)) {
    if (c > p) break;
    const Dep d = t.dep(c);
    if (d == Dep::kCase || d == Dep::kDet || d == Dep::kAmod || d == Dep::kCompound ||
        d == Dep::kNummod || d == Dep::kNmodPoss || d == Dep::kFlat)
      return t.first(c);
  }
  return p;
}

bool is_subject_dep(Dep d) {
  return d == Dep::kNsubj || d == Dep::kNsubjPass || d == Dep::kCsubj || d == Dep::kCsubjPass;
}

}  // namespace

Builder::Kind Builder::predicate_kind(int p) const {
  const Tree& t = *tree_;
  switch (t.dep(p)) {
    case Dep::kAmod:
    case Dep::kCompound:
    case Dep::kFlat:
    case Dep::kFixed:
    case Dep::kGoeswith:
    case Dep::kCase:
    case Dep::kMark:
    case Dep::kDet:
    case Dep::kReparandum:
    case Dep::kDiscourse:
    case Dep::kAux:
    case Dep::kAuxPass:
    case Dep::kCop:
    case Dep::kCc:
    case Dep::kPunct:
    case Dep::kNummod:
    case Dep::kOrphan:
      return Kind::kNone;
    default:
      break;
  }
  if (t.has_child(p, Dep::kCop)) return Kind::kCopular;
  if (!t.is_verb(p)) {
    // A mistagged verb ("The lodge hosts/NNS events"): the parse still gives
    // it a subject and an object.
    // A conjunct of a verb with an object of its own ("must refund money and
    // loses/NNS revenue") shares the first verb's subject.
    const bool subject =
        t.has_child(p, Dep::kNsubj) || t.has_child(p, Dep::kNsubjPass) ||
        compound_subject(p) != 0 ||
        (t.dep(p) == Dep::kConj && t.is_verb(t.head(p)) && !t.has_child(p, Dep::kCop));
    const bool object = t.has_child(p, Dep::kObj) || t.has_child(p, Dep::kCcomp);
    if (!(subject && object) || t.upos(p, "PRON") || t.upos(p, "PROPN")) return Kind::kNone;
  }
  // Main-verb "be" is existential ("there is") or elliptical in EWT; it has
  // no relation of its own to name.
  if (t.lemma(p, "be")) return Kind::kNone;
  // An infinitival modifier of a noun ("plans to strike") names no fact.
  if (t.dep(p) == Dep::kAcl && !t.has_child(p, Dep::kNsubj) && !t.has_child(p, Dep::kNsubjPass)) {
    for (int c : t.children(p))
      if (t.dep(c) == Dep::kMark && t.lemma(c, "to")) return Kind::kNone;
  }
  return Kind::kVerbal;
}

int Builder::compound_subject(int p) const {
  const Tree& t = *tree_;
  if (!t.has_child(p, Dep::kObj)) return 0;
  const Dep d = t.dep(p);
  if (d != Dep::kRoot && d != Dep::kConj && d != Dep::kParataxis && d != Dep::kCcomp) return 0;
  int found = 0;
  for (int c : t.children(p)) {
    if (c > p) break;
    if (t.dep(c) == Dep::kNsubj || t.dep(c) == Dep::kNsubjPass) return 0;
    if (t.dep(c) == Dep::kDet && found != 0) return 0;  // "the poll points": det first
    if (t.dep(c) == Dep::kCompound &&
        (t.upos(c, "PROPN") || t.upos(c, "NOUN") || t.upos(c, "PRON")))
      found = c;
  }
  // The last compound part right before the verb ("Mr. Baker" → Baker).
  return found != 0 && t.last(found) + 1 == p ? found : 0;
}

int Builder::verbal_xcomp(int p) const {
  const Tree& t = *tree_;
  if (t.has_child(p, Dep::kObj) || t.has_child(p, Dep::kIobj)) return 0;  // object control
  for (int c : t.children(p))
    if (t.dep(c) == Dep::kXcomp && predicate_kind(c) == Kind::kVerbal) return c;
  return 0;
}

bool Builder::in_chain(int p) const {
  const Tree& t = *tree_;
  if (t.dep(p) != Dep::kXcomp) return false;
  const int h = t.head(p);
  if (h == 0 || predicate_kind(h) == Kind::kNone) return false;
  if (t.has_child(h, Dep::kObj) || t.has_child(h, Dep::kIobj)) return false;
  // A verbal xcomp continues its head's relation; a copular one ("wants to
  // be president") is its head's object.
  return true;
}

void Builder::verb_group(int v, std::vector<int>& rel) const {
  const Tree& t = *tree_;
  const bool copular = t.has_child(v, Dep::kCop);
  int first = copular ? 0 : v;
  int last_function = 0;  // last auxiliary or copula
  int cop = 0;            // the copula nearest the predicate (a second one is a misparse)
  for (int c : t.children(v))
    if (t.dep(c) == Dep::kCop && (c < v || cop == 0)) cop = c;
  for (int c : t.children(v)) {
    const Dep d = t.dep(c);
    if (d == Dep::kCop && c != cop) continue;
    if (d == Dep::kAux || d == Dep::kAuxPass || d == Dep::kCop) {
      rel.push_back(c);
      if (first == 0 || c < first) first = c;
      last_function = std::max(last_function, c);
    } else if (d == Dep::kAdvmod && is_negation(t.word(c).lemma)) {
      rel.push_back(c);
    } else if (d == Dep::kCompoundPrt && !copular) {
      rel.push_back(c);
    }
  }
  if (!copular) rel.push_back(v);
  if (first == 0) return;
  // Adverbs inside the verb group ("has recently indicated", "reportedly
  // halted"): between the first auxiliary and the verb, or right before it.
  const int end = copular ? v : v;
  for (int c : t.children(v)) {
    if (t.dep(c) != Dep::kAdvmod || is_negation(t.word(c).lemma)) continue;
    if (c > end || !t.children(c).empty() || wh_word(t, c)) continue;
    bool inside = false;
    if (copular) {
      // "is actually in the process of", but not "is very big".
      inside = (c > first && c < last_function) || (c > first && clause_adverb(t.word(c).lemma)) ||
               (c > cop && !t.upos(v, "ADJ") && c < first_content(t, v));
    } else {
      inside = c > first;
      if (!inside) {
        // Right before the verb, possibly after other such adverbs.
        inside = true;
        for (int k = c + 1; k < v; ++k)
          if (t.head(k) != v || t.dep(k) != Dep::kAdvmod) inside = false;
      }
    }
    if (inside) rel.push_back(c);
  }
}

void Builder::inherited_aux(int p, std::vector<int>& rel) const {
  const Tree& t = *tree_;
  if (t.dep(p) != Dep::kConj) return;
  for (int c : t.children(p)) {
    const Dep d = t.dep(c);
    if (d == Dep::kAux || d == Dep::kAuxPass || d == Dep::kCop) return;
  }
  const std::string& x = t.word(p).xpos;
  const bool nonfinite = x == "VB" || x == "VBN" || x == "VBG" ||
                         t.has_feature(p, "VerbForm=Inf") || t.has_feature(p, "VerbForm=Part");
  if (!nonfinite) return;
  // Only a conjunct in the same form shares them: "has visited and met",
  // but not "will require bridging and finding".
  const int h = t.head(p);
  if (!x.empty() && !t.word(h).xpos.empty() && t.word(h).xpos != x) return;
  for (int c : t.children(h)) {
    const Dep d = t.dep(c);
    if ((d == Dep::kAux || d == Dep::kAuxPass) && c < h) rel.push_back(c);
  }
}

int Builder::subject_word(int p, SubjectSource& how, int& exclude) const {
  const Tree& t = *tree_;
  // With two subjects (a misparse), the one nearest before the predicate.
  int own = 0;
  for (int c : t.children(p))
    if (is_subject_dep(t.dep(c)) && (own == 0 || c < p)) own = c;
  // "Mr. Baker heads/NNS the association": the verb read as the head of a
  // noun compound, its subject as the compound's first part.
  if (own == 0) own = compound_subject(p);
  if (own != 0) {
    int clause = 0;
    const bool relative = antecedent(own, clause) != 0;
    // A relative pronoun without its antecedent says nothing ("which").
    if (!relative && is_relative_word(own)) return 0;
    how = relative ? SubjectSource::kModified : SubjectSource::kOwn;
    return own;
  }
  const int h = t.head(p);
  if (h == 0) return 0;
  switch (t.dep(p)) {
    case Dep::kConj: {
      if (predicate_kind(h) == Kind::kNone) {
        // A verb conjoined to the object it should follow ("hosts events,
        // banquets, and supports ..."): the subject of the clause around it.
        // Also hung lower, inside an oblique or a noun's modifier ("resigned
        // after the events of the trial and moved to Florida").
        if (!t.is_verb(p)) return 0;
        int g = h;
        while (g != 0 && predicate_kind(g) == Kind::kNone) {
          const Dep d = t.dep(g);
          if (d != Dep::kObj && d != Dep::kObl && d != Dep::kNmod) return 0;
          g = t.head(g);
        }
        if (g == 0) return 0;
        SubjectSource inner;
        const int s = subject_word(g, inner, exclude);
        how = SubjectSource::kConj;
        return s;
      }
      SubjectSource inner;
      const int s = subject_word(h, inner, exclude);
      how = inner == SubjectSource::kOwn ? SubjectSource::kConj : inner;
      return s;
    }
    case Dep::kXcomp: {
      const int obj = t.child(h, Dep::kObj);
      const int iobj = t.child(h, Dep::kIobj);
      how = SubjectSource::kControl;
      if (obj) return obj;
      if (iobj) return iobj;
      if (predicate_kind(h) == Kind::kNone) return 0;
      SubjectSource inner;
      return subject_word(h, inner, exclude);
    }
    case Dep::kAdvcl: {
      const std::string& x = t.word(p).xpos;
      bool nonfinite = x == "VBG" || x == "VBN" || x == "VB" || x == "TO" ||
                       t.has_feature(p, "VerbForm=Ger") || t.has_feature(p, "VerbForm=Inf") ||
                       t.has_feature(p, "VerbForm=Part");
      for (int c : t.children(p))
        if (t.dep(c) == Dep::kMark && t.lemma(c, "to")) nonfinite = true;
      // A copular adverbial ("Ready to talk, ...") has no verb form of its own.
      if (t.has_child(p, Dep::kCop)) nonfinite = false;
      if (!nonfinite || predicate_kind(h) == Kind::kNone) return 0;
      SubjectSource inner;
      const int s = subject_word(h, inner, exclude);
      how = SubjectSource::kAdverbial;
      return s;
    }
    case Dep::kAcl:
      if (!options_.participles) return 0;
      // "the process of reviewing": the noun does not do the reviewing.
      for (int c : t.children(p))
        if (t.dep(c) == Dep::kMark) return 0;
      how = SubjectSource::kModified;
      exclude = p;
      return h;
    case Dep::kAclRelcl:
      if (!options_.relative_clauses || relative_pronoun(p) != 0) return 0;
      how = SubjectSource::kModified;
      exclude = p;
      return h;
    default:
      return 0;
  }
}

bool Builder::subjects(int p, Frame& f) {
  SubjectSource how = SubjectSource::kOwn;
  int exclude = 0;
  const int s = subject_word(p, how, exclude);
  if (s == 0) return false;
  if (how == SubjectSource::kModified && tree_->dep(p) == Dep::kAclRelcl &&
      !options_.relative_clauses)
    return false;
  PhraseRules rules;
  rules.exclude = exclude;
  rules.strip_case = true;
  int subject = s;
  if (const int a = pronoun_antecedent(s); a != 0) {
    // The named subject of the clause the pronoun's clause hangs on stands
    // in for it; the part of its phrase that holds the pronoun stays out.
    subject = a;
    rules.exclude = 0;
    for (int c : tree_->children(a))
      if (tree_->dominates(c, s)) rules.exclude = c;
  }
  arg_conjuncts(subject, rules, f.subjects);
  if (f.subjects.empty() || f.subjects.front().ids.empty()) return false;
  f.features.subject = how;
  return true;
}

int Builder::pronoun_antecedent(int s) const {
  // "Rodan taught at Yale until he moved to Merck": a subject pronoun in a
  // clause that depends on (or is conjoined to) a clause with a named
  // subject before it most often stands for that subject. Only he/she with
  // a name, it with a singular noun, they with a plural or a name.
  const Tree& t = *tree_;
  if (!t.upos(s, "PRON") || !is_subject_dep(t.dep(s))) return 0;
  const std::string form = lower(t.word(s).form);
  if (form != "he" && form != "she" && form != "it" && form != "they") return 0;
  int cur = t.head(s);
  for (int steps = 0; cur != 0 && steps < 6; ++steps) {
    const Dep d = t.dep(cur);
    if (d != Dep::kAdvcl && d != Dep::kConj && d != Dep::kCcomp && d != Dep::kAclRelcl &&
        d != Dep::kXcomp && d != Dep::kObl && d != Dep::kObj && d != Dep::kNmod)
      return 0;
    cur = t.head(cur);
    if (cur == 0 || predicate_kind(cur) == Kind::kNone) continue;
    int n = 0;
    for (int c : t.children(cur))
      if (is_subject_dep(t.dep(c)) && c < s) n = c;
    if (n == 0) continue;
    if (t.upos(n, "PRON") || t.dominates(n, s)) return 0;
    const bool name = t.upos(n, "PROPN");
    const bool plural = t.has_feature(n, "Number=Plur") || t.word(n).xpos == "NNS" ||
                        t.word(n).xpos == "NNPS" || t.has_child(n, Dep::kConj);
    if (form == "they") return plural || name ? n : 0;
    if (plural) return 0;
    if (form == "it") return t.upos(n, "NOUN") || name ? n : 0;
    return name ? n : 0;
  }
  return 0;
}

void Builder::clause_frame(int p, Kind kind) {
  const Tree& t = *tree_;
  if (t.has_child(p, Dep::kExpl)) return;
  Construction c = kind == Kind::kCopular ? Construction::kCopular : Construction::kVerbal;
  if (t.dep(p) == Dep::kAclRelcl) c = Construction::kRelative;
  if (t.dep(p) == Dep::kAcl) c = Construction::kParticiple;

  Frame f;
  f.kind = c;
  f.anchor = p;
  if (!subjects(p, f)) return;

  std::vector<int> chain{p};
  for (int x = verbal_xcomp(p); x != 0; x = verbal_xcomp(x)) chain.push_back(x);

  // An object-controlled infinitive reads "to pay" on its own.
  if (t.dep(p) == Dep::kXcomp)
    for (int m : t.children(p))
      if (t.dep(m) == Dep::kMark && t.lemma(m, "to")) f.rel.push_back(m);
  verb_group(p, f.rel);
  inherited_aux(p, f.rel);
  if (kind == Kind::kCopular && chain.size() > 1) f.rel.push_back(p);  // "is able to ..."
  for (std::size_t i = 1; i < chain.size(); ++i) {
    const int x = chain[i];
    for (int m : t.children(x))
      if (t.dep(m) == Dep::kMark && t.lemma(m, "to")) f.rel.push_back(m);
    verb_group(x, f.rel);
  }

  f.features.predicate_dep = t.dep(p);
  f.features.chain = static_cast<int>(chain.size());
  f.features.depth = t.depth(p);
  for (int v : chain)
    for (int k : t.children(v)) {
      const Dep d = t.dep(k);
      if (d == Dep::kDep || d == Dep::kOrphan || d == Dep::kList) f.features.odd = true;
    }
  if (t.dep(p) == Dep::kDep || t.dep(p) == Dep::kList) f.features.odd = true;

  if (kind == Kind::kCopular && chain.size() == 1) {
    copular_arguments(f, p);
  } else {
    verbal_arguments(f, chain);
  }
  std::sort(f.rel.begin(), f.rel.end());
  f.rel.erase(std::unique(f.rel.begin(), f.rel.end()), f.rel.end());
  // A preposition fronted with its relative pronoun reads after the verb:
  // "the town in which they met" → "met in".
  std::stable_partition(f.rel.begin(), f.rel.end(), [&](int w) {
    return !(w < p && std::find(f.prep.begin(), f.prep.end(), w) != f.prep.end());
  });
  polarity_and_modality(f);
  if (f.objects.empty() && !options_.intransitive) return;
  frames_->push_back(std::move(f));
  const Frame& literal = frames_->back();
  if (literal.kind == Construction::kVerbal || literal.kind == Construction::kRelative ||
      literal.kind == Construction::kParticiple) {
    const std::size_t literal_index = frames_->size() - 1;
    const std::size_t before = frames_->size();
    light_verb(literal_index, chain);
    if (frames_->size() == before) noun_relation(literal_index, chain);
    response(literal_index, chain);
  }
}

void Builder::finite_modifier(int v) {
  // "Trump paused plans for strikes": a past-tense verb (VBD, never a
  // participle) that the parser read as an adjective inside a noun phrase,
  // with the phrase's first nouns as compounds. The nouns before the verb
  // are its subject, the rest of the phrase its object.
  const Tree& t = *tree_;
  if (t.dep(v) != Dep::kAmod || t.word(v).xpos != "VBD" || !t.children(v).empty()) return;
  const int n = t.head(v);
  if (n < v || !t.is_nominal(n)) return;
  Arg subject;
  for (int c : t.children(n)) {
    if (c > v) break;
    if (c == v) continue;
    const Dep d = t.dep(c);
    if (d != Dep::kCompound && d != Dep::kDet && d != Dep::kNmodPoss && d != Dep::kFlat) return;
    for (int k = t.first(c); k <= t.last(c); ++k) subject.ids.push_back(k);
  }
  if (subject.ids.empty() || subject.ids.back() + 1 != v) return;
  subject.head = subject.ids.back();
  if (!t.upos(subject.head, "PROPN") && !t.upos(subject.head, "NOUN")) return;
  Frame f;
  f.kind = Construction::kVerbal;
  f.anchor = v;
  f.rel.push_back(v);
  f.lemma = lower(t.word(v).lemma);
  f.features.subject = SubjectSource::kOwn;
  f.features.object = ObjectKind::kNominal;
  f.features.predicate_dep = Dep::kAmod;
  f.features.depth = t.depth(v);
  f.features.odd = true;  // a repair of the parse: ranked lower
  PhraseRules rules;
  Arg object = make_arg(n, rules);
  std::erase_if(object.ids, [&](int k) { return k <= v; });
  if (object.ids.empty()) return;
  f.subjects.push_back(std::move(subject));
  f.objects.push_back(std::move(object));
  frames_->push_back(std::move(f));
}

}  // namespace textgraph::extraction
