#include "train/perceptron.h"

#include <gtest/gtest.h>

#include <limits>

#include "core/error.h"
#include "train/epochs.h"
#include "train/hashing.h"
#include "train/rng.h"

namespace textgraph::train {
namespace {

// Keys are stored in model files: these values must never change.
TEST(Hashing, IsStable) {
  EXPECT_EQ(hash_string(""), hash_string(""));
  EXPECT_NE(hash_string("a"), hash_string("b"));
  EXPECT_NE(hash_string("abcdefgh1"), hash_string("abcdefgh2"));
  EXPECT_EQ(hash_string("textgraph"), 15660504853184111326ULL);
  EXPECT_EQ(feature(3, hash_string("word")), 6899607566679761768ULL);
  EXPECT_NE(feature(3, 1), feature(4, 1));
  EXPECT_NE(feature(3, 1, 2), feature(3, 2, 1));
  EXPECT_NE(feature(3, 0), 0u);
}

TEST(Rng, SameSeedSameOrder) {
  std::vector<int> a(50), b(50);
  for (int i = 0; i < 50; ++i) a[i] = b[i] = i;
  Rng r1(42), r2(42);
  r1.shuffle(a);
  r2.shuffle(b);
  EXPECT_EQ(a, b);
  std::vector<int> c = a;
  Rng(43).shuffle(c);
  EXPECT_NE(a, c);
}

// A toy problem: class = which of two keys is present.
TEST(Perceptron, LearnsAndAverages) {
  PerceptronTrainer trainer(3);
  const std::vector<std::vector<std::uint64_t>> xs = {{feature(1, 1), feature(9, 0)},
                                                      {feature(1, 2), feature(9, 0)},
                                                      {feature(1, 3), feature(9, 0)}};
  EpochOptions options;
  options.epochs = 5;
  options.patience = 5;
  int mistakes = 0;
  WeightTable table = run_epochs(
      trainer, xs.size(), options,
      [&](std::size_t i) {
        float scores[3] = {0, 0, 0};
        trainer.add_scores(xs[i], scores);
        const int guess = argmax(scores, 3);
        mistakes += guess != static_cast<int>(i);
        trainer.update(xs[i], static_cast<int>(i), guess);
        trainer.tick();
      },
      [&](const WeightTable& t) {
        int ok = 0;
        for (std::size_t i = 0; i < xs.size(); ++i) {
          float scores[3] = {0, 0, 0};
          t.add_scores(xs[i], scores);
          ok += argmax(scores, 3) == static_cast<int>(i);
        }
        return static_cast<double>(ok);
      },
      nullptr);
  EXPECT_GT(mistakes, 0);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    float scores[3] = {0, 0, 0};
    table.add_scores(xs[i], scores);
    EXPECT_EQ(argmax(scores, 3), static_cast<int>(i));
  }
  EXPECT_EQ(table.num_classes(), 3);
  EXPECT_GE(table.num_features(), 3u);
}

WeightTable sample_table(int classes, int rows) {
  std::vector<WeightTable::Row> r;
  for (int k = 0; k < rows; ++k) {
    WeightTable::Row row{feature(5, static_cast<std::uint64_t>(k)), {}};
    for (int c = 0; c < classes; c += 1 + k % 3) row.weights.emplace_back(c, 0.5f * (k - c));
    if (!row.weights.empty()) r.push_back(row);
  }
  std::sort(r.begin(), r.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return WeightTable::build(classes, r);
}

TEST(WeightTable, SavesAndLoadsExactly) {
  const WeightTable t = sample_table(40, 300);  // has dense and sparse rows
  ByteWriter w;
  t.save(w);
  const std::string bytes = w.take();
  ByteReader r(bytes, "test");
  const WeightTable back = WeightTable::load(r);
  EXPECT_TRUE(r.at_end());
  EXPECT_EQ(back.num_features(), t.num_features());
  EXPECT_EQ(back.num_weights(), t.num_weights());
  for (int k = 0; k < 310; ++k) {
    std::vector<float> a(40, 0.0f), b(40, 0.0f);
    const std::uint64_t key = feature(5, static_cast<std::uint64_t>(k));
    t.add_scores(key, a.data());
    const std::uint64_t keys[] = {key, key};
    back.add_scores(std::span<const std::uint64_t>(keys, 1), b.data());
    EXPECT_EQ(a, b);
  }
}

// The integer scores are the float scores in units of scale(), exactly, for
// sparse and dense rows and a class count that is not a multiple of 16.
TEST(WeightTable, IntegerScoresMatchFloatScores) {
  for (int classes : {3, 37, 122}) {
    const WeightTable t = sample_table(classes, 400);
    ASSERT_EQ(t.padded_classes() % 16, 0);
    ASSERT_GE(t.padded_classes(), classes);
    std::vector<std::uint64_t> keys;
    for (int k = 0; k < 420; k += 7) keys.push_back(feature(5, static_cast<std::uint64_t>(k)));
    std::vector<float> f(static_cast<std::size_t>(classes), 0.0f);
    std::vector<std::int32_t> q(static_cast<std::size_t>(t.padded_classes()), 0);
    t.add_scores(keys, f.data());
    t.add_scores(keys, q.data());
    for (int c = 0; c < classes; ++c) EXPECT_EQ(static_cast<float>(q[c]), f[c]) << classes;
    for (int c = classes; c < t.padded_classes(); ++c) EXPECT_EQ(q[c], 0);
    EXPECT_EQ(argmax(q.data(), classes), argmax(f.data(), classes));
  }
}

// argmax2: the first best index, and the best of the others (equal on a tie).
TEST(Argmax, SecondBest) {
  std::int32_t second = 0;
  const std::int32_t one[] = {5};
  EXPECT_EQ(argmax2(one, 1, &second), 0);
  EXPECT_EQ(second, std::numeric_limits<std::int32_t>::min());
  for (int n : {2, 7, 8, 9, 16, 31, 122}) {
    for (int trial = 0; trial < 20; ++trial) {
      std::vector<std::int32_t> v(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) v[i] = ((i * 7919 + trial * 104729) % 23) - 11;
      int best = 0;
      for (int i = 1; i < n; ++i)
        if (v[i] > v[best]) best = i;
      std::int32_t expected = std::numeric_limits<std::int32_t>::min();
      for (int i = 0; i < n; ++i)
        if (i != best) expected = std::max(expected, v[i]);
      EXPECT_EQ(argmax2(v.data(), n, &second), best) << n;
      EXPECT_EQ(second, expected) << n;
      EXPECT_EQ(argmax(v.data(), n), best);
    }
  }
  const std::int32_t tie[] = {1, 9, 3, 9};
  EXPECT_EQ(argmax2(tie, 4, &second), 1);
  EXPECT_EQ(second, 9);
}

TEST(WeightTable, RefusesDamagedBytes) {
  ByteWriter w;
  sample_table(10, 50).save(w);
  const std::string bytes = w.take();
  for (std::size_t cut : {std::size_t{3}, std::size_t{20}, bytes.size() - 1}) {
    ByteReader r(std::string_view(bytes).substr(0, cut), "t.tgm: section weights");
    EXPECT_THROW(WeightTable::load(r), Error) << cut;
  }
  std::string bad = bytes;
  bad[bad.size() - 4] = 99;  // a class id beyond the table's 10 classes
  ByteReader r(bad, "t.tgm");
  try {
    WeightTable::load(r);
    ADD_FAILURE() << "loaded a table with a bad class";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kModel);
  }
}

}  // namespace
}  // namespace textgraph::train
