// Objects and extra arguments of a predicate; passive agents.
#include <algorithm>

#include "extract/builder.h"
#include "extract/lexicon.h"

namespace textgraph::extraction {

namespace {

bool has_case(const Tree& t, int id) {
  for (int c : t.children(id))
    if (t.dep(c) == Dep::kCase && !t.upos(c, "PART")) return true;
  return false;
}

bool is_oblique(Dep d) { return d == Dep::kObl || d == Dep::kOblBare || d == Dep::kOblAgent; }

// A preposition left behind by its object ("the limits they believe in",
// "were acted on"): it belongs to the relation.
bool stranded(const Tree& t, int c) {
  return t.upos(c, "ADP") && t.children(c).empty() &&
         (t.dep(c) == Dep::kObl || t.dep(c) == Dep::kOblBare || t.dep(c) == Dep::kAdvmod);
}

}  // namespace

bool Builder::is_passive(int v) const {
  const Tree& t = *tree_;
  for (int c : t.children(v)) {
    const Dep d = t.dep(c);
    if (d == Dep::kNsubjPass || d == Dep::kAuxPass || d == Dep::kCsubjPass) return true;
  }
  const bool participle = t.word(v).xpos == "VBN" ||
                          (t.has_feature(v, "VerbForm=Part") && t.has_feature(v, "Tense=Past"));
  if (!participle) return false;
  // A reduced participle modifier ("the talks hosted by ..."), not a full
  // clause that the annotation calls acl ("where X have replaced Y").
  if (t.dep(v) == Dep::kAcl) return !t.has_child(v, Dep::kNsubj) && !t.has_child(v, Dep::kAux);
  // A participle conjoined to a passive shares its auxiliaries.
  if (t.dep(v) == Dep::kConj && !t.has_child(v, Dep::kAux) && !t.has_child(v, Dep::kNsubj))
    return is_passive(t.head(v));
  return false;
}

int Builder::agent_of(int v) const {
  const Tree& t = *tree_;
  for (int c : t.children(v))
    if (t.dep(c) == Dep::kOblAgent) return c;
  for (int c : t.children(v)) {
    if (t.dep(c) != Dep::kObl) continue;
    for (int k : t.children(c))
      if (t.dep(k) == Dep::kCase && t.lemma(k, "by") && t.children(k).empty()) return c;
  }
  return 0;
}

bool Builder::is_prepositional_gerund(int c) const {
  const Tree& t = *tree_;
  if (t.dep(c) != Dep::kAdvcl) return false;
  if (t.word(c).xpos != "VBG" && !t.has_feature(c, "VerbForm=Ger")) return false;
  if (t.has_child(c, Dep::kNsubj)) return false;
  for (int m : t.children(c))
    if (t.dep(m) == Dep::kMark && is_prepositional_mark(t.word(m).lemma)) return true;
  return false;
}

void Builder::lift_preposition(Arg& a, Frame& f) const {
  // "by Freddie Mac securities" with "by" hung on an inner word: the
  // preposition still opens the phrase and belongs to the relation.
  const Tree& t = *tree_;
  if (a.ids.size() < 2) return;
  const int first = a.ids.front();
  if (!t.upos(first, "ADP") || t.dep(first) != Dep::kCase || !t.children(first).empty()) return;
  if (std::find(f.prep.begin(), f.prep.end(), first) != f.prep.end()) return;
  a.ids.erase(a.ids.begin());
  f.prep.push_back(first);
  f.rel.push_back(first);
}

bool Builder::gerund_object(int p) const {
  const Tree& t = *tree_;
  if (!is_prepositional_gerund(p)) return false;
  // "left without paying": the gerund did not happen.
  for (int m : t.children(p))
    if (t.dep(m) == Dep::kMark && t.lemma(m, "without")) return true;
  const int h = t.head(p);
  if (h == 0 || t.has_child(h, Dep::kObj) || t.has_child(h, Dep::kIobj) ||
      t.has_child(h, Dep::kCcomp))
    return false;
  // The head's first argument after it: "aimed at ending the conflict".
  for (int c : t.children(h))
    if (c > h && c < p && t.dep(c) == Dep::kObl && has_case(t, c)) return false;
  return true;
}

void Builder::add_extras(Frame& f, int v, int skip, int skip_also) {
  const Tree& t = *tree_;
  PhraseRules rules;
  for (int c : t.children(v)) {
    if (c == skip || c == skip_also) continue;
    const Dep d = t.dep(c);
    bool take = is_oblique(d) || d == Dep::kIobj || d == Dep::kObj || d == Dep::kCcomp ||
                is_prepositional_gerund(c);
    if (d == Dep::kXcomp && predicate_kind(c) != Kind::kVerbal) take = true;
    // Object control: "ordered Meta to pay a fine" keeps "to pay a fine".
    if (d == Dep::kXcomp && !in_chain(c)) take = true;
    // "According to X" is attribution, not an argument.
    if (!take || according_to(t, c) || stranded(t, c)) continue;
    rules.clause = d == Dep::kCcomp || d == Dep::kXcomp || d == Dep::kAdvcl;
    f.extras.push_back(make_arg(c, rules));
    if (f.extras.back().ids.empty()) f.extras.pop_back();
  }
}

void Builder::verbal_arguments(Frame& f, const std::vector<int>& chain) {
  const Tree& t = *tree_;
  const int p = chain.front();
  const int v = chain.back();
  const bool passive = is_passive(v);
  const int agent = passive ? agent_of(v) : 0;
  // "the talks hosted by Saudi Arabia": the relation reads "be hosted by",
  // as a full clause would.
  if (passive && v == p && t.dep(p) == Dep::kAcl && !t.has_child(p, Dep::kAuxPass) &&
      !t.has_child(p, Dep::kAux))
    f.implied_before = "be";

  int obj = t.child(v, Dep::kObj);
  const int iobj = t.child(v, Dep::kIobj);
  const int ccomp = t.child(v, Dep::kCcomp);
  if (obj == 0 && ccomp == 0 && chain.size() == 1) obj = shared_object(v);
  int predicative = 0;
  for (int c : t.children(v))
    if (t.dep(c) == Dep::kXcomp && predicate_kind(c) != Kind::kVerbal && in_chain(c)) {
      predicative = c;
      break;
    }

  int left_behind = 0;
  for (int c : t.children(v))
    if (c > v && stranded(t, c)) {
      left_behind = c;
      break;
    }

  int primary = 0;
  ObjectKind kind = ObjectKind::kNone;
  if (obj) {
    primary = obj;
    kind = ObjectKind::kNominal;
  } else if (iobj) {
    primary = iobj;
    kind = ObjectKind::kNominal;
  } else if (ccomp) {
    primary = ccomp;
    kind = ObjectKind::kClause;
  } else if (predicative) {
    primary = predicative;
    kind = ObjectKind::kPredicative;
  } else if (!agent) {
    // The first oblique after the verb lends the relation its preposition
    // (with a by-agent, the agent's "by" takes that place).
    for (int c : t.children(v)) {
      // After the verb, or a fronted relative ("the town in which they met").
      if ((c < v && !is_relative_word(c)) || c == agent || c == left_behind || according_to(t, c))
        continue;
      if ((t.dep(c) == Dep::kObl && has_case(t, c)) || is_prepositional_gerund(c)) {
        primary = c;
        kind = ObjectKind::kPrepositional;
        break;
      }
    }
    if (!primary)
      for (int c : t.children(v))
        if (c > v && c != agent && c != left_behind && is_oblique(t.dep(c)) &&
            !according_to(t, c)) {
          primary = c;
          kind = ObjectKind::kBare;
          break;
        }
    // Nothing after the verb: an oblique before it still completes the
    // clause ("Several years later the line was abandoned"), as it reads.
    if (!primary && !left_behind)
      for (int c : t.children(v))
        if (c < v && c != agent && is_oblique(t.dep(c)) && !according_to(t, c) &&
            !is_relative_word(c)) {
          primary = c;
          kind = ObjectKind::kFronted;
          break;
        }
  }

  // A relative clause with no relative word and an object gap: "the deal
  // Iran signed" — the antecedent is the object.
  if (!primary && t.dep(p) == Dep::kAclRelcl && options_.relative_clauses &&
      f.features.subject == SubjectSource::kOwn && relative_pronoun(p) == 0 &&
      predicate_kind(p) == Kind::kVerbal) {
    PhraseRules rules;
    rules.exclude = p;
    rules.strip_case = true;
    arg_conjuncts(t.head(p), rules, f.objects);
    kind = left_behind ? ObjectKind::kPrepositional : ObjectKind::kNominal;
    f.kind = Construction::kRelative;
  }
  if (left_behind) {
    f.rel.push_back(left_behind);
    if (!(primary && (kind == ObjectKind::kPrepositional || kind == ObjectKind::kClause)))
      f.prep.push_back(left_behind);
  }

  // "the section where the tanks were located": the place is the object,
  // read with "in".
  if (!primary && f.objects.empty() && options_.relative_clauses &&
      (t.dep(p) == Dep::kAclRelcl || t.dep(p) == Dep::kAcl) &&
      f.features.subject == SubjectSource::kOwn && t.is_nominal(t.head(p))) {
    const int r = relative_pronoun(p);
    if (r != 0 && lower(t.word(r).form) == "where" && t.head(r) == v) {
      PhraseRules rules;
      rules.exclude = p;
      rules.strip_case = true;
      arg_conjuncts(t.head(p), rules, f.objects);
      kind = ObjectKind::kPrepositional;
      f.kind = Construction::kRelative;
      f.implied = "in";
    }
  }

  // "X, the Pentagon said": the reporting clause's object is the clause it
  // hangs on.
  if (!primary && f.objects.empty() && t.dep(p) == Dep::kParataxis &&
      is_reporting_verb(t.word(p).lemma) && f.features.subject == SubjectSource::kOwn) {
    if (!options_.reporting_triples) {
      f.subjects.clear();
      return;
    }
    PhraseRules rules;
    rules.clause = true;
    rules.exclude = p;
    rules.strip_mark = true;
    f.objects.push_back(make_arg(t.head(p), rules));
    kind = ObjectKind::kClause;
    f.kind = Construction::kReporting;
  }

  if (primary) {
    PhraseRules rules;
    switch (kind) {
      case ObjectKind::kPrepositional: {
        std::vector<int> prep;
        if (t.dep(primary) == Dep::kAdvcl) {
          for (int m : t.children(primary))
            if (t.dep(m) == Dep::kMark && !t.lemma(m, "to")) prep.push_back(m);
          rules.clause = true;
          rules.strip_mark = true;
          f.objects.push_back(make_arg(primary, rules));
        } else {
          case_words(t, primary, prep);
          rules.strip_case = true;
          arg_conjuncts(primary, rules, f.objects);
        }
        f.rel.insert(f.rel.end(), prep.begin(), prep.end());
        f.prep = prep;
        break;
      }
      case ObjectKind::kClause: {
        for (int m : t.children(primary))
          if (t.dep(m) == Dep::kMark && is_complementizer(t.word(m).lemma)) f.rel.push_back(m);
        rules.clause = true;
        rules.strip_mark = true;
        f.objects.push_back(make_arg(primary, rules));
        break;
      }
      case ObjectKind::kPredicative: {
        // "wants to be governor": "to be" joins the relation.
        std::vector<int> link;
        for (int c : t.children(primary)) {
          const Dep d = t.dep(c);
          if ((d == Dep::kMark && t.lemma(c, "to")) || d == Dep::kCop || d == Dep::kAux)
            link.push_back(c);
        }
        if (!link.empty() && t.has_child(primary, Dep::kCop)) {
          f.rel.insert(f.rel.end(), link.begin(), link.end());
          f.prep = link;
        }
        arg_conjuncts(primary, rules, f.objects);
        break;
      }
      case ObjectKind::kFronted:
        f.objects.push_back(make_arg(primary, rules));
        if (f.objects.back().ids.empty()) f.objects.pop_back();
        break;
      default:
        arg_conjuncts(primary, rules, f.objects);
        break;
    }
  }
  f.features.object = f.objects.empty() ? ObjectKind::kNone : kind;

  if (kind == ObjectKind::kPrepositional && !f.objects.empty())
    lift_preposition(f.objects.front(), f);
  if (passive && agent) {
    // The graph reads the active way round: agent -[host]-> patient.
    std::vector<Arg> patients = std::move(f.subjects);
    f.subjects.clear();
    PhraseRules rules;
    rules.strip_case = true;
    arg_conjuncts(agent, rules, f.subjects);
    std::vector<int> by;
    case_words(t, agent, by);
    f.rel.insert(f.rel.end(), by.begin(), by.end());
    if (by.empty() && !f.subjects.empty()) {
      Frame scratch;
      lift_preposition(f.subjects.front(), scratch);
      f.rel.insert(f.rel.end(), scratch.prep.begin(), scratch.prep.end());
    }
    // "He was awarded the medal by X": the patient is the object read
    // passively; an object of its own moves to the extras.
    for (Arg& a : f.objects) f.extras.push_back(std::move(a));
    f.objects = std::move(patients);
    f.passive = true;
    f.features.subject = SubjectSource::kAgent;
    f.features.object = ObjectKind::kNominal;
  }
  // "is going to meet" is a future, not a going: the lemma starts after it.
  bool future = t.lemma(p, "go") && t.word(p).xpos == "VBG" && t.has_child(p, Dep::kAux);
  if (future) {
    const int next = chain.size() > 1 ? chain[1] : predicative;
    future = false;
    if (next)
      for (int m : t.children(next))
        if (t.dep(m) == Dep::kMark && t.lemma(m, "to")) future = true;
  }
  if (future) {
    const std::vector<int> rest(chain.begin() + 1, chain.end());
    f.lemma = rest.empty() ? std::string() : chain_lemma(rest, passive && !agent);
    if (f.modality.empty()) f.modality = "will";
  } else {
    f.lemma = chain_lemma(chain, passive && !agent);
  }
  if (!f.prep.empty()) {
    std::string prep = prep_lemma(f.prep);
    if (f.lemma.empty() && prep.rfind("to ", 0) == 0) prep.erase(0, 3);
    append_word(f.lemma, prep);
  }
  append_word(f.lemma, f.implied);

  for (std::size_t i = 0; i < chain.size(); ++i) {
    const int c = chain[i];
    add_extras(f, c, i + 1 == chain.size() ? primary : 0, i + 1 == chain.size() ? agent : 0);
  }
  std::sort(f.extras.begin(), f.extras.end(),
            [](const Arg& a, const Arg& b) { return a.ids.front() < b.ids.front(); });
}

void Builder::copular_arguments(Frame& f, int p) {
  const Tree& t = *tree_;
  PhraseRules rules;
  rules.predicate = true;
  rules.drop = &f.rel;

  std::vector<int> prep;
  case_words(t, p, prep);
  int used = 0;
  if (!prep.empty()) {
    // "The summit is in Geneva": the preposition joins the relation.
    rules.strip_case = true;
    arg_conjuncts(p, rules, f.objects);
    f.rel.insert(f.rel.end(), prep.begin(), prep.end());
    f.lemma = "be";
    append_word(f.lemma, prep_lemma(prep));
    f.features.object = ObjectKind::kPrepositional;
  } else {
    int of = 0;
    if (t.upos(p, "NOUN") && !quantity_noun(lower(t.word(p).lemma))) {
      for (int c : t.children(p))
        if (c > p && t.dep(c) == Dep::kNmod && has_case(t, c)) {
          of = c;
          break;
        }
    } else if (t.upos(p, "ADJ")) {
      for (int c : t.children(p))
        if (c > p && t.dep(c) == Dep::kObl && has_case(t, c)) {
          of = c;
          break;
        }
    }
    if (of) {
      // "X is the president of Y" → be president of; "X is responsible for Y".
      std::string lemma = "be";
      const int cop = t.child(p, Dep::kCop);
      for (int c : t.children(p)) {
        if (c > p || c < cop) continue;
        const Dep d = t.dep(c);
        if (d == Dep::kDet || d == Dep::kAmod || d == Dep::kCompound || d == Dep::kNummod ||
            d == Dep::kNmodPoss) {
          for (int k = t.first(c); k <= t.last(c); ++k) f.rel.push_back(k);
          if (d == Dep::kAmod || d == Dep::kCompound) append_word(lemma, lower(t.word(c).lemma));
        }
      }
      // "is more effective than": degree adverbs of an adjective stay with it.
      if (t.upos(p, "ADJ"))
        for (int c : t.children(p))
          if (c > cop && c < p && t.dep(c) == Dep::kAdvmod && !is_negation(t.word(c).lemma))
            f.rel.push_back(c);
      f.rel.push_back(p);
      append_word(lemma, lower(t.word(p).lemma));
      case_words(t, of, prep);
      f.rel.insert(f.rel.end(), prep.begin(), prep.end());
      append_word(lemma, prep_lemma(prep));
      f.lemma = lemma;
      PhraseRules orules;
      orules.strip_case = true;
      arg_conjuncts(of, orules, f.objects);
      used = of;
      f.features.object = ObjectKind::kPrepositional;
    } else {
      arg_conjuncts(p, rules, f.objects);
      f.lemma = "be";
      f.features.object = ObjectKind::kNominal;
    }
  }
  if (f.objects.empty() || f.objects.front().ids.empty()) {
    f.objects.clear();
    f.features.object = ObjectKind::kNone;
  }
  PhraseRules extra_rules;
  for (int c : t.children(p)) {
    if (c == used) continue;
    const Dep d = t.dep(c);
    if (d == Dep::kObl || d == Dep::kOblBare || d == Dep::kCcomp) {
      extra_rules.clause = d == Dep::kCcomp;
      f.extras.push_back(make_arg(c, extra_rules));
      if (f.extras.back().ids.empty()) f.extras.pop_back();
    }
  }
}

}  // namespace textgraph::extraction
