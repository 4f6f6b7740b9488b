// Internal: the arc-hybrid transition system (Kuhlmann et al. 2011) with a
// single-root constraint, its dynamic oracle (Goldberg & Nivre 2013), and
// projectivization of training trees.
//
// Words are numbered 1..n as in CoNLL-U; 0 is the artificial root, which
// starts alone on the stack. Actions:
//   SHIFT       move b0 onto the stack
//   LEFT(l)     s0 <-l- b0, pop s0          (needs a buffer and s0 != root)
//   RIGHT(l)    s1 -l-> s0, pop s0          (needs two stack items)
// RIGHT onto the root is legal only when the buffer is empty, and only with
// the root label; every other arc must use a non-root label. Hence every
// complete parse takes exactly 2n transitions and is a tree with exactly one
// word attached to the root, and some action is legal in every non-final
// state.
#pragma once

#include <cstdint>
#include <vector>

namespace textgraph::parser {

inline constexpr int kNone = -1;      // "no such token" in feature positions
inline constexpr int kRootLabel = 0;  // label id 0 is always "root"

// Action encoding over L labels: 0 = SHIFT, 1 + l = LEFT(l), 1 + L + l = RIGHT(l).
struct ActionCodec {
  int labels = 0;
  int count() const { return 1 + 2 * labels; }
  static constexpr int shift() { return 0; }
  int left(int l) const { return 1 + l; }
  int right(int l) const { return 1 + labels + l; }
  bool is_shift(int a) const { return a == 0; }
  bool is_left(int a) const { return a >= 1 && a < 1 + labels; }
  bool is_right(int a) const { return a >= 1 + labels; }
  int label(int a) const { return is_left(a) ? a - 1 : a - 1 - labels; }
};

// A parser configuration for a sentence of n words.
class State {
 public:
  explicit State(int n);

  int size() const { return n_; }
  bool final() const { return buffer_ > n_ && stack_.size() == 1; }
  // Stack item i from the top (0 = s0), or kNone.
  int stack(int i) const {
    return i < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - i] : kNone;
  }
  int stack_size() const { return static_cast<int>(stack_.size()); }
  // Buffer item i from the front (0 = b0), or kNone.
  int buffer(int i) const { return buffer_ + i <= n_ ? buffer_ + i : kNone; }
  bool buffer_empty() const { return buffer_ > n_; }

  // Attachments so far: head(w) is kNone until w is attached.
  int head(int w) const { return heads_[w]; }
  int label(int w) const { return labels_[w]; }
  // Leftmost / second leftmost child, rightmost / second rightmost child, or kNone.
  int left_child(int w, int k) const { return k == 0 ? lc1_[w] : lc2_[w]; }
  int right_child(int w, int k) const { return k == 0 ? rc1_[w] : rc2_[w]; }
  // Number of words currently attached to w (0 for kNone).
  int child_count(int w) const { return w == kNone ? 0 : children_[w]; }

  bool legal(const ActionCodec& codec, int action) const;
  // Precondition: legal(codec, action).
  void apply(const ActionCodec& codec, int action);

  const std::vector<int>& heads() const { return heads_; }
  const std::vector<int>& labels() const { return labels_; }

 private:
  void attach(int h, int d, int l);

  int n_;
  int buffer_ = 1;  // first word of the buffer; n_ + 1 when empty
  std::vector<int> stack_;
  std::vector<int> heads_, labels_, lc1_, lc2_, rc1_, rc2_, children_;
};

// A gold tree: heads[w] and labels[w] for w = 1..n (index 0 unused).
struct GoldTree {
  std::vector<int> heads;
  std::vector<int> labels;
  int size() const { return static_cast<int>(heads.size()) - 1; }
};

// Dynamic oracle: the number of gold arcs (head and label) an action makes
// unreachable from `state`. Exact for projective gold trees; an action is
// optimal iff its cost is 0 (or the minimum, when no action is free).
class Oracle {
 public:
  Oracle(const GoldTree& gold, const ActionCodec& codec);
  // Precondition: state.legal(codec, action).
  int cost(const State& state, int action) const;

 private:
  // Gold dependents of w still in the buffer, counted directly.
  int dependents_in_buffer(const State& state, int w) const;

  const GoldTree& gold_;
  ActionCodec codec_;
};

// True when no arc crosses another and none covers the root's arc.
bool is_projective(const std::vector<int>& heads);
// Lifts non-projective arcs (the shortest first) to the head's head until the
// tree is projective; labels stay with their dependents. Returns the number
// of lifts. heads[0] is ignored.
int projectivize(std::vector<int>& heads);

}  // namespace textgraph::parser
