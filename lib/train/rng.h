// Internal: the deterministic random numbers of training (shuffling the
// examples each epoch). std::shuffle and the std distributions are not
// specified exactly by the standard, so they could give different models on
// different standard libraries; this one is fixed arithmetic (splitmix64).
//
//   Rng rng(seed);
//   rng.shuffle(order);   // same seed -> same order, everywhere
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "train/hashing.h"

namespace textgraph::train {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }
  // Uniform in [0, n), n > 0 (the tiny modulo bias does not matter here).
  std::uint64_t below(std::uint64_t n) { return next() % n; }

  // Fisher-Yates.
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  std::uint64_t state_;
};

}  // namespace textgraph::train
