// Conjunct lists and what the conjuncts of a coordinated verb share.
#include "extract/builder.h"

namespace textgraph::extraction {

bool Builder::splittable(int head, int c) const {
  const Tree& t = *tree_;
  if (t.dep(c) != Dep::kConj || t.head(c) != head) return false;
  // A conjunct with its own clause structure is a predicate of its own.
  for (int k : t.children(c)) {
    const Dep d = t.dep(k);
    if (d == Dep::kNsubj || d == Dep::kNsubjPass || d == Dep::kCop || d == Dep::kAux ||
        d == Dep::kAuxPass || d == Dep::kMark)
      return false;
  }
  if (t.is_verb(c)) return false;
  // Nominal with nominal, adjective with adjective or noun (predicates).
  const bool head_nominal = t.is_nominal(head);
  const bool c_nominal = t.is_nominal(c);
  if (head_nominal && c_nominal) return true;
  const bool head_adj = t.upos(head, "ADJ");
  const bool c_adj = t.upos(c, "ADJ");
  return (head_adj || c_adj) && (head_adj || head_nominal) && (c_adj || c_nominal);
}

void Builder::arg_conjuncts(int head, const PhraseRules& rules, std::vector<Arg>& out) const {
  out.clear();
  if (head == 0) return;
  const Tree& t = *tree_;
  bool split = false;
  if (options_.expand_coordination && !rules.clause)
    for (int c : t.children(head))
      if (c != rules.exclude && splittable(head, c)) {
        split = true;
        break;
      }
  if (!split) {
    out.push_back(make_arg(head, rules));
    if (out.back().ids.empty()) out.pop_back();
    return;
  }
  PhraseRules each = rules;
  each.split_conj = true;
  out.push_back(make_arg(head, each));
  if (out.back().ids.empty()) out.pop_back();
  for (int c : t.children(head)) {
    if (c == rules.exclude || !splittable(head, c)) continue;
    out.push_back(make_arg(c, each));
    if (out.back().ids.empty()) out.pop_back();
  }
}

int Builder::shared_object(int p) const {
  const Tree& t = *tree_;
  if (t.dep(p) != Dep::kConj) return 0;
  const int h = t.head(p);
  if (predicate_kind(h) != Kind::kVerbal) return 0;
  // "buy and sell stocks": UD hangs the shared object on the first verb; it
  // belongs to a later verb too when it comes after that verb.
  const int obj = t.child(h, Dep::kObj);
  if (obj == 0 || obj < p) return 0;
  if (t.has_child(p, Dep::kObj) || t.has_child(p, Dep::kCcomp) || t.has_child(p, Dep::kXcomp))
    return 0;
  return obj;
}

}  // namespace textgraph::extraction
