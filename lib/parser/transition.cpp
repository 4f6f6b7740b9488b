#include "parser/transition.h"

#include <algorithm>

namespace textgraph::parser {

State::State(int n)
    : n_(n),
      heads_(n + 1, kNone),
      labels_(n + 1, kNone),
      lc1_(n + 1, kNone),
      lc2_(n + 1, kNone),
      rc1_(n + 1, kNone),
      rc2_(n + 1, kNone),
      children_(n + 1, 0) {
  stack_.reserve(n + 1);
  stack_.push_back(0);
}

bool State::legal(const ActionCodec& codec, int action) const {
  if (action < 0 || action >= codec.count()) return false;
  if (codec.is_shift(action)) return !buffer_empty();
  const int l = codec.label(action);
  if (codec.is_left(action)) return !buffer_empty() && stack_.size() >= 2 && l != kRootLabel;
  if (stack_.size() < 2) return false;
  // RIGHT: onto the root only at the very end and only as "root".
  if (stack(1) == 0) return buffer_empty() && l == kRootLabel;
  return l != kRootLabel;
}

void State::attach(int h, int d, int l) {
  heads_[d] = h;
  labels_[d] = l;
  ++children_[h];
  if (d < h) {
    if (lc1_[h] == kNone || d < lc1_[h]) {
      lc2_[h] = lc1_[h];
      lc1_[h] = d;
    } else if (lc2_[h] == kNone || d < lc2_[h]) {
      lc2_[h] = d;
    }
  } else {
    if (rc1_[h] == kNone || d > rc1_[h]) {
      rc2_[h] = rc1_[h];
      rc1_[h] = d;
    } else if (rc2_[h] == kNone || d > rc2_[h]) {
      rc2_[h] = d;
    }
  }
}

void State::apply(const ActionCodec& codec, int action) {
  if (codec.is_shift(action)) {
    stack_.push_back(buffer_++);
    return;
  }
  const int s0 = stack_.back();
  stack_.pop_back();
  attach(codec.is_left(action) ? buffer_ : stack_.back(), s0, codec.label(action));
}

Oracle::Oracle(const GoldTree& gold, const ActionCodec& codec) : gold_(gold), codec_(codec) {}

int Oracle::dependents_in_buffer(const State& state, int w) const {
  // Gold dependents of w at or after b0: every such word is still unattached
  // in the buffer, because buffer words get heads only when they leave it.
  const int b0 = state.buffer(0);
  if (b0 == kNone) return 0;
  int count = 0;
  const int n = gold_.size();
  for (int d = std::max(b0, w + 1); d <= n; ++d) count += gold_.heads[d] == w;
  return count;
}

int Oracle::cost(const State& state, int action) const {
  const int s0 = state.stack(0);
  const int s1 = state.stack(1);
  const int b0 = state.buffer(0);
  if (codec_.is_shift(action)) {
    // b0 can no longer take a head from below s0, nor dependents from the stack.
    int cost = 0;
    const int h = gold_.heads[b0];
    if (h < b0 && h != s0 && state.head(h) == kNone) ++cost;  // h is on the stack
    for (int d = 1; d < b0; ++d)
      if (gold_.heads[d] == b0 && state.head(d) == kNone) ++cost;
    return cost;
  }
  const int h = gold_.heads[s0];
  const int l = codec_.label(action);
  int cost = dependents_in_buffer(state, s0);
  if (codec_.is_left(action)) {
    if (h == b0)
      cost += gold_.labels[s0] != l;
    else if (h == s1 || (b0 != kNone && h > b0))
      ++cost;
  } else {
    if (h == s1)
      cost += gold_.labels[s0] != l;
    else if (b0 != kNone && h >= b0)
      ++cost;
  }
  return cost;
}

bool is_projective(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  for (int d = 1; d <= n; ++d) {
    const int lo = std::min(d, heads[d]), hi = std::max(d, heads[d]);
    for (int e = lo + 1; e < hi; ++e) {
      // Every word strictly inside the arc must be dominated by its head.
      int a = e;
      int steps = 0;
      while (a != 0 && a != heads[d] && steps++ <= n) a = heads[a];
      if (a != heads[d]) return false;
    }
  }
  return true;
}

int projectivize(std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  auto dominated = [&](int e, int h) {
    int steps = 0;
    while (e != 0 && e != h && steps++ <= n) e = heads[e];
    return e == h;
  };
  int lifts = 0;
  while (true) {
    int best = kNone, best_len = n + 2;
    for (int d = 1; d <= n; ++d) {
      const int h = heads[d];
      const int lo = std::min(d, h), hi = std::max(d, h);
      if (hi - lo >= best_len) continue;
      for (int e = lo + 1; e < hi; ++e)
        if (!dominated(e, h)) {
          best = d;
          best_len = hi - lo;
          break;
        }
    }
    if (best == kNone || heads[heads[best]] < 0) return lifts;
    if (heads[best] == 0) return lifts;  // cannot lift above the root
    heads[best] = heads[heads[best]];
    ++lifts;
  }
}

}  // namespace textgraph::parser
