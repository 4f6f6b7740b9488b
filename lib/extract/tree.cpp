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
