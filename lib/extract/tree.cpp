#include "extract/tree.h"

#include <algorithm>
#include <utility>

namespace textgraph::extraction {

namespace {

struct DepName {
  std::string_view name;
  Dep dep;
};

// Full relation names first; a subtype not listed falls back to its base.
constexpr DepName kDeps[] = {
    {"root", Dep::kRoot},
    {"nsubj", Dep::kNsubj},
    {"nsubj:pass", Dep::kNsubjPass},
    {"csubj", Dep::kCsubj},
    {"csubj:pass", Dep::kCsubjPass},
    {"obj", Dep::kObj},
    {"iobj", Dep::kIobj},
    {"obl", Dep::kObl},
    {"obl:tmod", Dep::kOblBare},
    {"obl:npmod", Dep::kOblBare},
    {"obl:unmarked", Dep::kOblBare},
    {"obl:agent", Dep::kOblAgent},
    {"ccomp", Dep::kCcomp},
    {"xcomp", Dep::kXcomp},
    {"advcl", Dep::kAdvcl},
    {"advcl:relcl", Dep::kAdvclRelcl},
    {"advmod", Dep::kAdvmod},
    {"aux", Dep::kAux},
    {"aux:pass", Dep::kAuxPass},
    {"cop", Dep::kCop},
    {"mark", Dep::kMark},
    {"case", Dep::kCase},
    {"det", Dep::kDet},
    {"nmod", Dep::kNmod},
    {"nmod:poss", Dep::kNmodPoss},
    {"amod", Dep::kAmod},
    {"nummod", Dep::kNummod},
    {"appos", Dep::kAppos},
    {"acl", Dep::kAcl},
    {"acl:relcl", Dep::kAclRelcl},
    {"compound", Dep::kCompound},
    {"compound:prt", Dep::kCompoundPrt},
    {"flat", Dep::kFlat},
    {"fixed", Dep::kFixed},
    {"conj", Dep::kConj},
    {"cc", Dep::kCc},
    {"cc:preconj", Dep::kCcPreconj},
    {"punct", Dep::kPunct},
    {"expl", Dep::kExpl},
    {"parataxis", Dep::kParataxis},
    {"discourse", Dep::kDiscourse},
    {"vocative", Dep::kVocative},
    {"list", Dep::kList},
    {"dislocated", Dep::kDislocated},
    {"orphan", Dep::kOrphan},
    {"goeswith", Dep::kGoeswith},
    {"reparandum", Dep::kReparandum},
    {"dep", Dep::kDep},
};

Dep lookup(std::string_view name, bool& found) {
  for (const DepName& d : kDeps)
    if (d.name == name) {
      found = true;
      return d.dep;
    }
  found = false;
  return Dep::kOther;
}

}  // namespace

Dep parse_dep(std::string_view deprel) {
  bool found = false;
  Dep d = lookup(deprel, found);
  if (found) return d;
  const std::size_t colon = deprel.find(':');
  if (colon == std::string_view::npos) return Dep::kOther;
  const std::string_view base = deprel.substr(0, colon);
  // Unlisted nmod/obl subtypes (nmod:tmod, nmod:unmarked, nmod:desc, ...)
  // modify like their base; other subtypes fall back the same way.
  d = lookup(base, found);
  return found ? d : Dep::kOther;
}

namespace {

bool argument_slot(std::string_view deprel) {
  const std::string_view base = deprel.substr(0, deprel.find(':'));
  return base == "obj" || base == "iobj" || base == "obl" || base == "nmod";
}

bool proper_noun(const Word& w) { return w.upos == "PROPN" || w.xpos == "NNP" || w.xpos == "NNPS"; }

// A -s word the tagger read as a present-tense verb: letters only, not "'s".
bool verb_like_plural(const Word& w) {
  if (w.xpos != "VBZ" || w.form.size() < 3) return false;
  for (char c : w.form)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  const char last = w.form.back();
  const char before = w.form[w.form.size() - 2];
  return (last == 's' || last == 'S') && before != 's' && before != 'S';
}

// The word `w` (1-based) is a plural noun after the name ending at w-1; the
// name's head, or 0.
int plural_after_name(const Sentence& s, int w) {
  const auto at = [&](int id) -> const Word& { return s.words[static_cast<std::size_t>(id - 1)]; };
  const int n = static_cast<int>(s.words.size());
  if (w < 2 || !verb_like_plural(at(w)) || !proper_noun(at(w - 1))) return 0;
  // A verb of its own clause, not an auxiliary ("the culture of Bhutan is
  // reflected"), a conjunct ("Iran and Zero confronts") or the main verb.
  const std::string_view own = std::string_view(at(w).deprel).substr(0, at(w).deprel.find(':'));
  if (at(w).upos != "VERB" || own == "aux" || own == "cop" || own == "conj" || own == "root")
    return 0;
  // Up the name: flat/compound/amod parts hang on a later or earlier part of
  // the same run before w.
  int r = w - 1;
  for (int steps = 0; steps < n; ++steps) {
    const Word& x = at(r);
    const std::string_view d = x.deprel;
    if (x.head <= 0 || x.head >= w || !proper_noun(at(x.head))) break;
    if (d != "flat" && d != "compound" && d != "amod" && d.substr(0, 5) != "flat:") break;
    r = x.head;
  }
  if (!argument_slot(at(r).deprel)) return 0;
  const int verb = at(r).head;
  if (verb == 0 || verb == w) return 0;
  // w must not dominate the name's head (a cycle once w takes its place).
  for (int cur = verb, steps = 0; cur != 0 && steps <= n; cur = at(cur).head, ++steps)
    if (cur == w) return 0;
  for (int k = 1; k <= n; ++k) {
    if (at(k).head != w) continue;
    const std::string_view base = std::string_view(at(k).deprel).substr(0, at(k).deprel.find(':'));
    if (base == "nsubj" || base == "csubj" || base == "obj" || base == "iobj" || base == "expl" ||
        base == "aux" || base == "cop")
      return 0;
  }
  return r;
}

}  // namespace

bool repair_sentence(const Sentence& in, Sentence& out) {
  const int n = static_cast<int>(in.words.size());
  for (int i = 1; i <= n; ++i) {
    const Word& x = in.words[static_cast<std::size_t>(i - 1)];
    if (x.head < 0 || x.head > n) return false;
  }
  bool copied = false;
  for (int w = 2; w <= n; ++w) {
    const Sentence& cur = copied ? out : in;
    const int r = plural_after_name(cur, w);
    if (r == 0) continue;
    if (!copied) {
      out = in;
      copied = true;
    }
    auto at = [&](int id) -> Word& { return out.words[static_cast<std::size_t>(id - 1)]; };
    Word& noun = at(w);
    Word& name = at(r);
    const int verb = name.head;
    // The noun takes the name's place; the name becomes its compound and
    // hands over its case words and determiners ("with the ... envoys").
    noun.upos = "NOUN";
    noun.xpos = "NNS";
    noun.feats = "Number=Plur";
    if (noun.lemma.empty() || noun.lemma == noun.form)
      noun.lemma = noun.form.substr(0, noun.form.size() - 1);
    noun.head = verb;
    noun.deprel = name.deprel;
    name.head = w;
    name.deprel = "compound";
    for (int k = 1; k <= n; ++k) {
      Word& c = at(k);
      if (c.head == r && k < r && (c.deprel == "case" || c.deprel == "det")) c.head = w;
      // The verb-like dependents the noun collected ("to discuss ...") go
      // back to the clause.
      const std::string_view base = std::string_view(c.deprel).substr(0, c.deprel.find(':'));
      if (c.head == w && k != r &&
          (base == "advcl" || base == "xcomp" || base == "ccomp" || base == "parataxis")) {
        c.head = verb;
        if (base == "xcomp") c.deprel = "advcl";
      }
    }
  }
  return copied;
}

Tree::Check Tree::build(const Sentence& sentence) {
  sentence_ = &sentence;
  size_ = static_cast<int>(sentence.words.size());
  const auto n = static_cast<std::size_t>(size_);
  head_.assign(n + 1, 0);
  dep_.assign(n + 1, Dep::kRoot);
  start_.assign(n + 2, 0);
  kids_.assign(n, 0);
  token_.assign(n + 1, -1);
  first_.assign(n + 1, 0);
  last_.assign(n + 1, 0);
  depth_.assign(n + 1, 0);
  if (size_ == 0) return Check::kUnparsed;

  for (std::size_t i = 1; i <= n; ++i) {
    const Word& w = sentence.words[i - 1];
    if (w.head < 0 || w.deprel.empty()) return Check::kUnparsed;
    if (w.head > size_ || w.head == static_cast<int>(i)) return Check::kMalformed;
    head_[i] = w.head;
    dep_[i] = parse_dep(w.deprel);
  }

  // A parser sometimes labels a verb's prepositional argument nmod ("consists
  // of/nmod the U.S."); the rules read it as the oblique it is.
  for (std::size_t i = 1; i <= n; ++i) {
    const int h = head_[i];
    if (dep_[i] == Dep::kNmod && h > 0 &&
        sentence.words[static_cast<std::size_t>(h - 1)].upos == "VERB")
      dep_[i] = Dep::kObl;
  }

  // Depths by walking up with memoisation; a walk longer than the sentence
  // means a cycle.
  for (std::size_t i = 1; i <= n; ++i) {
    int steps = 0;
    int cur = static_cast<int>(i);
    while (cur != 0 && depth_[static_cast<std::size_t>(cur)] == 0) {
      cur = head_[static_cast<std::size_t>(cur)];
      if (++steps > size_) return Check::kMalformed;
    }
    int d = cur == 0 ? 0 : depth_[static_cast<std::size_t>(cur)];
    // Second pass assigns depths from the top of the walked chain down.
    int chain = steps;
    cur = static_cast<int>(i);
    while (cur != 0 && depth_[static_cast<std::size_t>(cur)] == 0) {
      depth_[static_cast<std::size_t>(cur)] = d + chain;
      --chain;
      cur = head_[static_cast<std::size_t>(cur)];
    }
  }

  // Children lists by counting sort: ascending ids fall out of the id loop.
  for (std::size_t i = 1; i <= n; ++i) ++start_[static_cast<std::size_t>(head_[i]) + 1];
  for (std::size_t i = 1; i < start_.size(); ++i) start_[i] += start_[i - 1];
  {
    std::vector<int>& fill = first_;  // borrowed as cursor, reset below
    for (std::size_t i = 0; i <= n; ++i) fill[i] = start_[i];
    for (std::size_t i = 1; i <= n; ++i)
      kids_[static_cast<std::size_t>(fill[static_cast<std::size_t>(head_[i])]++)] =
          static_cast<int>(i);
  }

  // Subtree extents: visit words deepest first so children come before heads.
  for (std::size_t i = 1; i <= n; ++i) first_[i] = last_[i] = static_cast<int>(i);
  std::vector<int> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<int>(i + 1);
  std::sort(order.begin(), order.end(), [this](int a, int b) {
    return depth_[static_cast<std::size_t>(a)] > depth_[static_cast<std::size_t>(b)] ||
           (depth_[static_cast<std::size_t>(a)] == depth_[static_cast<std::size_t>(b)] && a < b);
  });
  for (int id : order) {
    const auto h = static_cast<std::size_t>(head_[static_cast<std::size_t>(id)]);
    if (h == 0) continue;
    first_[h] = std::min(first_[h], first_[static_cast<std::size_t>(id)]);
    last_[h] = std::max(last_[h], last_[static_cast<std::size_t>(id)]);
  }

  for (std::size_t t = 0; t < sentence.multiword_tokens.size(); ++t) {
    const MultiwordToken& m = sentence.multiword_tokens[t];
    for (int id = std::max(1, m.first); id <= std::min(size_, m.last); ++id)
      token_[static_cast<std::size_t>(id)] = static_cast<int>(t);
  }
  return Check::kOk;
}

int Tree::child(int id, Dep d) const {
  for (int c : children(id))
    if (dep(c) == d) return c;
  return 0;
}

bool Tree::dominates(int b, int a) const {
  if (b == 0) return true;
  while (a != 0) {
    if (a == b) return true;
    if (depth(a) <= depth(b)) return false;
    a = head(a);
  }
  return false;
}

bool Tree::is_nominal(int id) const {
  const std::string& u = word(id).upos;
  return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "SYM" || u == "X";
}

bool Tree::is_verb(int id) const {
  const Word& w = word(id);
  if (w.upos == "VERB") return true;
  if (w.upos != "AUX") return false;
  const Dep d = dep(id);
  return d != Dep::kAux && d != Dep::kAuxPass && d != Dep::kCop;
}

bool Tree::has_feature(int id, std::string_view feature) const {
  const std::string& f = word(id).feats;
  std::size_t pos = 0;
  while (pos <= f.size()) {
    std::size_t bar = f.find('|', pos);
    if (bar == std::string::npos) bar = f.size();
    if (std::string_view(f).substr(pos, bar - pos) == feature) return true;
    pos = bar + 1;
  }
  return false;
}

}  // namespace textgraph::extraction
