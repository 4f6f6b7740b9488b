// The arc-hybrid system and its dynamic oracle: the properties the trainer
// relies on, checked exhaustively on small sentences.
#include "parser/transition.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <tuple>

namespace textgraph::parser {
namespace {

// A random projective tree with one root: the arcs of a random legal action sequence.
GoldTree random_tree(int n, int labels, std::mt19937& rng) {
  const ActionCodec codec{labels};
  State s(n);
  while (!s.final()) {
    std::vector<int> legal;
    for (int a = 0; a < codec.count(); ++a)
      if (s.legal(codec, a)) legal.push_back(a);
    s.apply(codec, legal[rng() % legal.size()]);
  }
  return GoldTree{s.heads(), s.labels()};
}

int loss(const State& s, const GoldTree& g) {
  int wrong = 0;
  for (int w = 1; w <= g.size(); ++w) wrong += s.head(w) != g.heads[w] || s.label(w) != g.labels[w];
  return wrong;
}

// The fewest errors any continuation from `s` can end with (exhaustive search).
int best_loss(const State& s, const GoldTree& g, const ActionCodec& codec,
              std::map<std::vector<int>, int>& memo) {
  if (s.final()) return loss(s, g);
  std::vector<int> key = s.heads();
  key.insert(key.end(), s.labels().begin(), s.labels().end());
  for (int i = 0; i < s.stack_size(); ++i) key.push_back(s.stack(i));
  key.push_back(-100 - (s.buffer(0) == kNone ? 0 : s.buffer(0)));
  if (auto it = memo.find(key); it != memo.end()) return it->second;
  int best = 1 << 20;
  for (int a = 0; a < codec.count(); ++a) {
    if (!s.legal(codec, a)) continue;
    State next = s;
    next.apply(codec, a);
    best = std::min(best, best_loss(next, g, codec, memo));
  }
  memo[key] = best;
  return best;
}

bool is_tree_with_one_root(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  int roots = 0;
  for (int w = 1; w <= n; ++w) {
    if (heads[w] < 0 || heads[w] > n || heads[w] == w) return false;
    roots += heads[w] == 0;
    int a = w, steps = 0;
    while (a != 0) {
      a = heads[a];
      if (++steps > n) return false;  // a cycle
    }
  }
  return roots == 1;
}

TEST(ArcHybrid, EveryActionSequenceGivesATreeWithOneRootIn2nSteps) {
  std::mt19937 rng(7);
  const ActionCodec codec{4};
  for (int trial = 0; trial < 500; ++trial) {
    const int n = 1 + static_cast<int>(rng() % 40);
    State s(n);
    int steps = 0;
    while (!s.final()) {
      std::vector<int> legal;
      for (int a = 0; a < codec.count(); ++a)
        if (s.legal(codec, a)) legal.push_back(a);
      ASSERT_FALSE(legal.empty()) << "stuck in a non-final state";
      s.apply(codec, legal[rng() % legal.size()]);
      ++steps;
    }
    EXPECT_EQ(steps, 2 * n);
    EXPECT_TRUE(is_tree_with_one_root(s.heads()));
    EXPECT_TRUE(is_projective(s.heads()));
    for (int w = 1; w <= n; ++w)
      EXPECT_EQ(s.label(w) == kRootLabel, s.head(w) == 0) << "root label only on the root arc";
  }
}

TEST(ArcHybrid, ChildrenAreTrackedInOrder) {
  const ActionCodec codec{3};
  State s(4);                     // words 1 2 3 4; 1 <- 3, 2 <- 3, 3 -> 4, root -> 3
  s.apply(codec, codec.shift());  // [0 1]
  s.apply(codec, codec.shift());  // [0 1 2]
  s.apply(codec, codec.left(1));  // 2 <- 3
  s.apply(codec, codec.left(2));  // 1 <- 3
  EXPECT_EQ(s.left_child(3, 0), 1);
  EXPECT_EQ(s.left_child(3, 1), 2);
  EXPECT_EQ(s.child_count(3), 2);
  s.apply(codec, codec.shift());   // [0 3]
  s.apply(codec, codec.shift());   // [0 3 4]
  s.apply(codec, codec.right(1));  // 3 -> 4
  EXPECT_EQ(s.right_child(3, 0), 4);
  EXPECT_EQ(s.right_child(3, 1), kNone);
  EXPECT_FALSE(s.legal(codec, codec.right(1))) << "only 'root' attaches to the root";
  EXPECT_TRUE(s.legal(codec, codec.right(kRootLabel)));
  s.apply(codec, codec.right(kRootLabel));
  EXPECT_TRUE(s.final());
  EXPECT_EQ(s.heads(), (std::vector<int>{kNone, 3, 3, 0, 3}));
}

TEST(ArcHybrid, NoRootArcBeforeTheBufferIsEmpty) {
  const ActionCodec codec{2};
  State s(2);
  s.apply(codec, codec.shift());
  EXPECT_FALSE(s.legal(codec, codec.right(kRootLabel)));
  EXPECT_FALSE(s.legal(codec, codec.left(kRootLabel)));
  EXPECT_TRUE(s.legal(codec, codec.left(1)));
}

TEST(DynamicOracle, CostIsZeroAlongGoldPathsAndLeadsToTheGoldTree) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 300; ++trial) {
    const int n = 1 + static_cast<int>(rng() % 30);
    const ActionCodec codec{5};
    const GoldTree gold = random_tree(n, codec.labels, rng);
    const Oracle oracle(gold, codec);
    State s(n);
    while (!s.final()) {
      std::vector<int> free;
      for (int a = 0; a < codec.count(); ++a)
        if (s.legal(codec, a) && oracle.cost(s, a) == 0) free.push_back(a);
      ASSERT_FALSE(free.empty()) << "no zero-cost action on a gold path";
      s.apply(codec, free[rng() % free.size()]);  // any zero-cost path
    }
    EXPECT_EQ(s.heads(), gold.heads);
    for (int w = 1; w <= n; ++w) EXPECT_EQ(s.label(w), gold.labels[w]);
  }
}

TEST(DynamicOracle, CostEqualsExactLossIncreaseFromAnyReachableState) {
  std::mt19937 rng(3);
  for (int trial = 0; trial < 250; ++trial) {
    const int n = 1 + static_cast<int>(rng() % 6);
    const ActionCodec codec{3};
    const GoldTree gold = random_tree(n, codec.labels, rng);
    const Oracle oracle(gold, codec);
    // A random (often wrong) prefix, then check every legal action there.
    State s(n);
    const int prefix = static_cast<int>(rng() % (2 * n));
    for (int i = 0; i < prefix; ++i) {
      std::vector<int> legal;
      for (int a = 0; a < codec.count(); ++a)
        if (s.legal(codec, a)) legal.push_back(a);
      s.apply(codec, legal[rng() % legal.size()]);
    }
    std::map<std::vector<int>, int> memo;
    const int here = best_loss(s, gold, codec, memo);
    for (int a = 0; a < codec.count(); ++a) {
      if (!s.legal(codec, a)) continue;
      State next = s;
      next.apply(codec, a);
      EXPECT_EQ(oracle.cost(s, a), best_loss(next, gold, codec, memo) - here)
          << "trial " << trial << " action " << a;
    }
  }
}

TEST(Projectivize, LiftsCrossingArcsAndKeepsProjectiveTrees) {
  // 1 <- 3, 2 <- 4 cross; root -> 3, 3 -> 4.
  std::vector<int> heads = {-1, 3, 4, 0, 3};
  EXPECT_FALSE(is_projective(heads));
  EXPECT_EQ(projectivize(heads), 1);
  EXPECT_TRUE(is_projective(heads));
  EXPECT_EQ(heads, (std::vector<int>{-1, 3, 3, 0, 3}));

  std::mt19937 rng(5);
  for (int trial = 0; trial < 100; ++trial) {
    GoldTree g = random_tree(1 + static_cast<int>(rng() % 20), 2, rng);
    std::vector<int> h = g.heads;
    EXPECT_EQ(projectivize(h), 0);
    EXPECT_EQ(h, g.heads);
    // Scramble one head (keeping a tree) and check the result is projective.
    const int n = g.size();
    for (int tries = 0; tries < 5 && n > 2; ++tries) {
      const int d = 1 + static_cast<int>(rng() % n), to = 1 + static_cast<int>(rng() % n);
      std::vector<int> t = g.heads;
      if (t[d] == 0 || to == d) continue;
      t[d] = to;
      if (!is_tree_with_one_root(t)) continue;
      projectivize(t);
      EXPECT_TRUE(is_projective(t));
      EXPECT_TRUE(is_tree_with_one_root(t));
    }
  }
}

}  // namespace
}  // namespace textgraph::parser
