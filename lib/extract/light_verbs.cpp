// Light verbs ("held talks with Y" → talk with Y), nominalisations
// ("Russia's invasion of Ukraine" → Russia invade Ukraine) and the implicit
// possessive and locative relations of noun phrases.
#include <algorithm>

#include "extract/builder.h"
#include "extract/lexicon.h"

namespace textgraph::extraction {

namespace {

// The oblique or nominal modifier that names the event's target, with the
// reading it gives: the first whose preposition the table knows.
int event_target(const Tree& t, int noun, int verb, EventNoun& reading) {
  std::vector<int> prep;
  const std::string noun_lemma = lower(t.word(noun).lemma);
  auto try_child = [&](int c) {
    case_words(t, c, prep);
    if (prep.size() != 1) return false;
    return event_noun(noun_lemma, lower(t.word(prep.front()).lemma), reading);
  };
  for (int c : t.children(noun))
    if (c > noun && t.dep(c) == Dep::kNmod && try_child(c)) return c;
  if (verb != 0)
    for (int c : t.children(verb))
      if (c > noun && t.dep(c) == Dep::kObl && try_child(c)) return c;
  return 0;
}

}  // namespace

std::string Builder::light_verb_head(const std::vector<int>& chain, int v) const {
  const Tree& t = *tree_;
  std::vector<int> head_chain(chain.begin(), chain.end() - 1);
  std::string lemma;
  if (!head_chain.empty()) {
    lemma = chain_lemma(head_chain, false);
    for (int m : t.children(v))
      if (t.dep(m) == Dep::kMark && t.lemma(m, "to")) append_word(lemma, "to");
  }
  return lemma;
}

void Builder::light_verb(std::size_t literal_index, const std::vector<int>& chain) {
  const Tree& t = *tree_;
  if (!options_.light_verbs) return;
  const int v = chain.back();
  const Frame& literal = (*frames_)[literal_index];
  if (literal.passive || literal.features.object != ObjectKind::kNominal) return;
  if (!is_light_verb(lower(t.word(v).lemma)) || is_passive(v)) return;
  const int noun = t.child(v, Dep::kObj);
  if (noun == 0 || !t.upos(noun, "NOUN")) return;
  if (!is_event_noun(lower(t.word(noun).lemma))) return;
  EventNoun reading;
  const int target = event_target(t, noun, v, reading);
  if (target == 0) return;

  Frame f;
  f.kind = Construction::kLightVerb;
  f.anchor = noun;
  f.subjects = literal.subjects;
  f.features = literal.features;
  f.features.object = ObjectKind::kNominal;
  f.negative = literal.negative;
  f.modality = literal.modality;
  f.rel = literal.rel;
  // "issued a stern warning to": the noun and what stands between it and
  // the verb join the relation text.
  for (int c : t.children(noun))
    if (c > v && c < noun && (t.dep(c) == Dep::kDet || t.dep(c) == Dep::kAmod))
      for (int k = t.first(c); k <= t.last(c); ++k) f.rel.push_back(k);
  f.rel.push_back(noun);
  std::vector<int> prep;
  case_words(t, target, prep);
  f.rel.insert(f.rel.end(), prep.begin(), prep.end());
  std::sort(f.rel.begin(), f.rel.end());
  f.rel.erase(std::unique(f.rel.begin(), f.rel.end()), f.rel.end());

  std::string lemma = light_verb_head(chain, v);
  append_word(lemma, reading.verb);
  append_word(lemma, reading.prep);
  f.lemma = lemma;
  PhraseRules rules;
  rules.strip_case = true;
  arg_conjuncts(target, rules, f.objects);
  if (f.objects.empty()) return;
  for (const Arg& e : literal.extras)
    if (e.head != target) f.extras.push_back(e);
  frames_->push_back(std::move(f));
}

void Builder::response(std::size_t literal_index, const std::vector<int>& chain) {
  // "Iranian leaders responded to U.S. pressure with stern warnings": the
  // "with" noun names what was done to the one addressed.
  const Tree& t = *tree_;
  if (!options_.light_verbs) return;
  const int v = chain.back();
  const Frame& literal = (*frames_)[literal_index];
  if (literal.passive || is_passive(v)) return;
  std::string_view target_prep;
  if (!response_verb(lower(t.word(v).lemma), target_prep)) return;
  std::vector<int> prep;
  const auto one_prep = [&](int c, std::string_view p) {
    case_words(t, c, prep);
    return prep.size() == 1 && lower(t.word(prep.front()).lemma) == p;
  };
  int target = 0;
  for (int c : t.children(v)) {
    if (target_prep.empty() ? t.dep(c) == Dep::kObj
                            : t.dep(c) == Dep::kObl && one_prep(c, target_prep)) {
      target = c;
      break;
    }
  }
  // A to-phrase is nominal whatever its tag ("to U.S. pressure/VB").
  if (target == 0 || t.upos(target, "PRON")) return;
  if (target_prep.empty() && !t.is_nominal(target)) return;
  // The act hangs on the verb, or on the target when the parser attached it
  // there ("pressure with stern warnings").
  std::string_view act_verb;
  int act = 0;
  const auto try_act = [&](int c) {
    return (t.dep(c) == Dep::kObl || t.dep(c) == Dep::kNmod) && c > target && t.upos(c, "NOUN") &&
           one_prep(c, "with") && response_act(lower(t.word(c).lemma), act_verb);
  };
  for (int c : t.children(v))
    if (try_act(c)) act = c;
  bool on_target = false;
  if (act == 0)
    for (int c : t.children(target))
      if (try_act(c)) {
        act = c;
        on_target = true;
      }
  if (act == 0) return;
  // The literal reading then keeps the act as its own argument, as it does
  // when the parser hangs it on the verb.
  if (on_target) {
    Frame& l = (*frames_)[literal_index];
    for (Arg& o : l.objects) std::erase_if(o.ids, [&](int k) { return t.dominates(act, k); });
    std::erase_if(l.objects, [](const Arg& o) { return o.ids.empty(); });
    Arg extra;
    extra.head = act;
    for (int k = t.first(act); k <= t.last(act); ++k) extra.ids.push_back(k);
    trim_punct(t, extra.ids);
    l.extras.push_back(std::move(extra));
    std::sort(l.extras.begin(), l.extras.end(),
              [](const Arg& a, const Arg& b) { return a.head < b.head; });
  }
  // "responded to U.S. pressure": the warning is addressed to whoever is
  // behind the pressure, a name before the noun; otherwise to the target.
  int addressee = target;
  if (!t.upos(target, "PROPN"))
    for (int c : t.children(target))
      if (c < target && (t.dep(c) == Dep::kCompound || t.dep(c) == Dep::kNmodPoss) &&
          t.upos(c, "PROPN"))
        addressee = c;

  Frame f;
  f.kind = Construction::kLightVerb;
  f.anchor = act;
  f.subjects = literal.subjects;
  f.features = literal.features;
  f.features.object = ObjectKind::kNominal;
  f.negative = literal.negative;
  f.modality = literal.modality;
  // "have responded with stern warnings": the verb group, "with", the act.
  for (int w : literal.rel)
    if (std::find(literal.prep.begin(), literal.prep.end(), w) == literal.prep.end() &&
        !t.dominates(target, w))
      f.rel.push_back(w);
  case_words(t, act, prep);
  f.rel.insert(f.rel.end(), prep.begin(), prep.end());
  for (int c : t.children(act))
    if (c < act && (t.dep(c) == Dep::kAmod || t.dep(c) == Dep::kDet))
      for (int k = t.first(c); k <= t.last(c); ++k) f.rel.push_back(k);
  f.rel.push_back(act);
  std::sort(f.rel.begin(), f.rel.end());
  f.rel.erase(std::unique(f.rel.begin(), f.rel.end()), f.rel.end());

  std::string lemma = light_verb_head(chain, v);
  append_word(lemma, act_verb);
  f.lemma = lemma;
  PhraseRules rules;
  rules.strip_case = true;
  rules.exclude = act;
  if (addressee == target) {
    arg_conjuncts(target, rules, f.objects);
  } else {
    f.objects.push_back(make_arg(addressee, rules));
  }
  if (f.objects.empty() || f.objects.front().ids.empty()) return;
  for (const Arg& e : literal.extras)
    if (e.head != act && e.head != target) f.extras.push_back(e);
  frames_->push_back(std::move(f));
}

void Builder::noun_relation(std::size_t literal_index, const std::vector<int>& chain) {
  // "took a quick interest in the hunt" → took a quick interest in | the
  // hunt: Open IE annotators read a verb, its object noun and the noun's
  // preposition as one relation. Only with implicit relations (benchmark
  // output), ranked by its own features below the literal reading.
  const Tree& t = *tree_;
  if (!options_.implicit_relations) return;
  const int v = chain.back();
  const Frame& literal = (*frames_)[literal_index];
  if (literal.passive || literal.features.object != ObjectKind::kNominal) return;
  const int noun = t.child(v, Dep::kObj);
  if (noun == 0 || !t.upos(noun, "NOUN") || quantity_noun(lower(t.word(noun).lemma))) return;
  int target = 0;
  std::vector<int> prep;
  for (int c : t.children(noun)) {
    if (c < noun) continue;
    if (t.dep(c) == Dep::kNmod && t.word(c).deprel == "nmod") {
      case_words(t, c, prep);
      if (prep.size() == 1 && t.upos(prep.front(), "ADP")) target = c;
    }
    break;  // only a modifier right after the noun
  }
  if (target == 0 || t.first(target) != noun + 1) return;

  Frame f;
  f.kind = Construction::kImplicit;
  f.anchor = noun;
  f.subjects = literal.subjects;
  f.features = literal.features;
  f.features.object = ObjectKind::kPrepositional;
  f.negative = literal.negative;
  f.modality = literal.modality;
  f.rel = literal.rel;
  for (int c : t.children(noun)) {
    if (c > noun) break;
    const Dep d = t.dep(c);
    if (d == Dep::kDet || d == Dep::kAmod || d == Dep::kCompound || d == Dep::kNummod ||
        d == Dep::kNmodPoss)
      for (int k = t.first(c); k <= t.last(c); ++k) f.rel.push_back(k);
  }
  f.rel.push_back(noun);
  f.rel.insert(f.rel.end(), prep.begin(), prep.end());
  std::sort(f.rel.begin(), f.rel.end());
  f.rel.erase(std::unique(f.rel.begin(), f.rel.end()), f.rel.end());
  f.lemma = chain_lemma(chain, false);
  append_word(f.lemma, lower(t.word(noun).lemma));
  append_word(f.lemma, prep_lemma(prep));
  PhraseRules rules;
  rules.strip_case = true;
  arg_conjuncts(target, rules, f.objects);
  if (f.objects.empty()) return;
  f.extras = literal.extras;
  frames_->push_back(std::move(f));
}

void Builder::nominalisation(int n) {
  const Tree& t = *tree_;
  if (!options_.nominalisations || !t.upos(n, "NOUN")) return;
  if (!is_event_noun(lower(t.word(n).lemma))) return;
  int agent = 0;
  for (int c : t.children(n)) {
    if (t.dep(c) == Dep::kNmodPoss) {
      agent = c;
      break;
    }
    if (t.dep(c) == Dep::kNmod)
      for (int k : t.children(c))
        if (t.dep(k) == Dep::kCase && t.lemma(k, "by")) agent = c;
  }
  if (agent == 0) return;
  EventNoun reading;
  const int patient = event_target(t, n, 0, reading);
  if (patient == 0 || patient == agent) return;

  Frame f;
  f.kind = Construction::kNominal;
  f.anchor = n;
  f.features.subject = SubjectSource::kSynthetic;
  f.features.object = ObjectKind::kNominal;
  f.features.predicate_dep = t.dep(n);
  f.features.depth = t.depth(n);
  f.rel.push_back(n);
  std::vector<int> prep;
  case_words(t, patient, prep);
  f.rel.insert(f.rel.end(), prep.begin(), prep.end());
  if (t.dep(agent) == Dep::kNmod) {
    case_words(t, agent, prep);
    f.rel.insert(f.rel.end(), prep.begin(), prep.end());
  }
  std::sort(f.rel.begin(), f.rel.end());
  f.lemma = std::string(reading.verb);
  append_word(f.lemma, reading.prep);
  PhraseRules rules;
  rules.strip_case = true;
  arg_conjuncts(agent, rules, f.subjects);
  arg_conjuncts(patient, rules, f.objects);
  if (f.subjects.empty() || f.objects.empty()) return;
  frames_->push_back(std::move(f));
}

int Builder::possessive_antecedent(int noun, int pronoun) const {
  const Tree& t = *tree_;
  // By form: taggers differ on the lemma of "her" ("she" or "her").
  const std::string form = lower(t.word(pronoun).form);
  const std::string l = form == "his"     ? "he"
                        : form == "her"   ? "she"
                        : form == "its"   ? "it"
                        : form == "their" ? "they"
                                          : "";
  if (l.empty()) return 0;
  // The subject of the nearest clause around the noun, when it is a name or
  // a noun phrase of its own (not another pronoun, not the noun itself).
  for (int up = t.head(noun); up != 0; up = t.head(up)) {
    if (predicate_kind(up) == Kind::kNone) continue;
    SubjectSource how;
    int exclude = 0;
    const int s = subject_word(up, how, exclude);
    if (s == 0 || t.upos(s, "PRON") || t.dominates(s, noun) || t.dominates(noun, s)) return 0;
    const bool plural =
        t.has_feature(s, "Number=Plur") || t.word(s).xpos == "NNS" || t.word(s).xpos == "NNPS";
    if ((l == "they") != plural) return 0;
    // "his death" after "a gravestone": he and she want a name.
    if ((l == "he" || l == "she") && !t.upos(s, "PROPN")) return 0;
    return s;
  }
  return 0;
}

void Builder::implicit(int n) {
  const Tree& t = *tree_;
  if (!options_.implicit_relations || !t.is_nominal(n) || t.upos(n, "PRON")) return;
  for (int c : t.children(n)) {
    const Dep d = t.dep(c);
    // "his profession" in a clause about Byron: Byron has the profession.
    int resolved = 0;
    if (d == Dep::kNmodPoss && t.upos(c, "PRON")) resolved = possessive_antecedent(n, c);
    const bool possessor = d == Dep::kNmodPoss && (!t.upos(c, "PRON") || resolved != 0);
    // "Henry Hall in Glasgow", "the talks with Iran": a plain nmod (not
    // nmod:desc, :tmod, :unmarked) with one preposition.
    std::vector<int> prep;
    bool located = false;
    // Not over a verb the parser read as a modifier ("Trump paused/amod plans
    // for strikes"): that phrase is a clause (finite_modifier).
    bool clause = false;
    for (int k : t.children(n))
      if (t.dep(k) == Dep::kAmod && t.word(k).xpos == "VBD") clause = true;
    if (d == Dep::kNmod && t.word(c).deprel == "nmod" && c > n && !t.upos(c, "PRON") && !clause) {
      case_words(t, c, prep);
      located =
          prep.size() == 1 && t.upos(prep.front(), "ADP") && !quantity_noun(lower(t.word(n).lemma));
    }
    if (!possessor && !located) continue;
    Frame f;
    f.kind = Construction::kImplicit;
    f.anchor = c;
    f.features.subject = SubjectSource::kSynthetic;
    f.features.object = ObjectKind::kNominal;
    f.features.predicate_dep = d;
    f.features.depth = t.depth(c);
    PhraseRules rules;
    rules.strip_case = true;
    rules.split_conj = true;
    if (possessor) {
      // "Brazil's president" → Brazil -[have]-> president.
      f.lemma = "have";
      f.synthetic = past_tense_ ? "had" : "has";
      if (resolved) {
        PhraseRules r;
        r.strip_case = true;
        r.split_conj = true;
        r.exclude = n;
        f.subjects.push_back(make_arg(resolved, r));
      } else {
        f.subjects.push_back(make_arg(c, rules));
      }
      rules.exclude = c;
      rules.strip_case = true;
      f.objects.push_back(make_arg(n, rules));
    } else {
      // "Henry Hall in Glasgow" → Henry Hall -[be in]-> Glasgow. Between two
      // names the reading is sure; elsewhere ("the list of properties") it is
      // a weaker guess, told apart by its object kind.
      const std::string p = lower(t.word(prep.front()).lemma);
      f.lemma = "be " + p;
      f.synthetic = f.lemma;
      if (!(t.upos(c, "PROPN") && t.upos(n, "PROPN") && p == "in"))
        f.features.object = ObjectKind::kPrepositional;
      rules.exclude = c;
      f.subjects.push_back(make_arg(n, rules));
      PhraseRules orules;
      orules.strip_case = true;
      f.objects.push_back(make_arg(c, orules));
    }
    if (f.subjects.front().ids.empty() || f.objects.front().ids.empty()) continue;
    frames_->push_back(std::move(f));
  }
}

}  // namespace textgraph::extraction
