#include "extract/builder.h"

namespace textgraph::extraction {

void Builder::run(const Tree& tree, std::vector<Frame>& frames) {
  tree_ = &tree;
  frames_ = &frames;
  frames.clear();
  past_tense_ = false;
  for (int r : tree.children(0)) {
    if (tree.word(r).xpos == "VBD" || tree.has_feature(r, "Tense=Past")) past_tense_ = true;
    for (int c : tree.children(r)) {
      const Dep d = tree.dep(c);
      if ((d == Dep::kAux || d == Dep::kAuxPass || d == Dep::kCop) &&
          (tree.word(c).xpos == "VBD" || tree.has_feature(c, "Tense=Past")))
        past_tense_ = true;
    }
    break;
  }
  for (int p = 1; p <= tree.size(); ++p) {
    const Kind kind = predicate_kind(p);
    if (kind != Kind::kNone && !in_chain(p) && !gerund_object(p)) clause_frame(p, kind);
    finite_modifier(p);
    appositions(p);
    nominalisation(p);
    implicit(p);
  }
}

}  // namespace textgraph::extraction
