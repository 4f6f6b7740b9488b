// Internal: the averaged multiclass perceptron (Collins 2002) shared by every
// trained stage: the POS tagger, the dependency parser, the NER tagger.
//
// Two classes, one for each side of training:
//
//   PerceptronTrainer  learns: sparse weights per (feature key, class) with
//                      lazily kept sums for averaging. Memory grows with the
//                      number of (feature, class) pairs ever updated.
//   WeightTable        predicts: the averaged weights, pruned and frozen into
//                      a compact open-addressing table; saved into and loaded
//                      from a model section. Read-only, so one table can be
//                      used by any number of threads at once.
//
// Usage (one training example = one classification decision):
//
//   PerceptronTrainer trainer(num_classes);
//   std::vector<std::uint64_t> feats = ...;          // keys from hashing.h
//   std::vector<float> scores(num_classes, 0.0f);
//   trainer.add_scores(feats, scores);
//   const int guess = argmax(scores);                 // restricted as the task needs
//   trainer.update(feats, gold, guess);               // no-op when gold == guess
//   trainer.tick();                                   // once per example, always
//   ...
//   WeightTable table = trainer.average(/*min_weight=*/1e-3f);
//   table.add_scores(feats, scores);                  // at prediction time
//
//   ByteWriter out; table.save(out);                  // into a model section
//   ByteReader in(bytes, "m.tgm: section weights"); WeightTable t = WeightTable::load(in);
//
// Determinism: no randomness here; with the same sequence of calls the
// weights are bit-identical. Shuffle with Rng (rng.h) seeded from --seed.
//
// Failure: WeightTable::load throws textgraph::Error(kModel) naming the section
// when the bytes are truncated or inconsistent (never reads out of bounds).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "model/bytes.h"

namespace textgraph::train {

class WeightTable {
 public:
  WeightTable() = default;

  int num_classes() const { return num_classes_; }
  std::size_t num_features() const { return rows_; }
  std::size_t num_weights() const { return classes_.size(); }

  // scores[c] += weight(key, c) for every class c with a weight; unknown keys add nothing.
  void add_scores(std::uint64_t key, float* scores) const {
    std::size_t i = key & mask_;
    const std::uint32_t check = fingerprint(key);
    if (slots_.empty()) return;
    while (true) {
      const Slot& s = slots_[i];
      if (s.check == 0) return;
      if (s.check == check) {
        const std::uint32_t end = row_start_[s.row + 1];
        for (std::uint32_t k = row_start_[s.row]; k < end; ++k) scores[classes_[k]] += weights_[k];
        return;
      }
      i = (i + 1) & mask_;
    }
  }
  void add_scores(std::span<const std::uint64_t> keys, float* scores) const {
    for (std::uint64_t k : keys) add_scores(k, scores);
  }

  // Serialized layout: u32 classes, u64 rows, u64 weights, f32 scale, then
  // per row: u64 key, u16 count; then per weight: u16 class, i16 quantized value.
  void save(ByteWriter& out) const;
  static WeightTable load(ByteReader& in);

  // Builds the table from (key, class, weight) rows, sorted by key: used by
  // PerceptronTrainer::average and load. Weights are quantized to 16 bits.
  struct Row {
    std::uint64_t key;
    std::vector<std::pair<std::uint16_t, float>> weights;
  };
  static WeightTable build(int num_classes, std::vector<Row> rows);

 private:
  struct Slot {
    std::uint32_t check = 0;  // fingerprint of the key (never 0 in a used slot)
    std::uint32_t row = 0;    // index into row_start_
  };
  static std::uint32_t fingerprint(std::uint64_t key) {
    return static_cast<std::uint32_t>(key >> 32) | 1u;
  }
  void index_rows();

  int num_classes_ = 0;
  std::size_t rows_ = 0;
  std::uint64_t mask_ = 0;
  std::vector<Slot> slots_;               // power-of-two sized, linear probing
  std::vector<std::uint64_t> keys_;       // key of each row (kept for saving)
  std::vector<std::uint32_t> row_start_;  // rows_ + 1 offsets into classes_/weights_
  std::vector<std::uint16_t> classes_;
  std::vector<float> weights_;            // dequantized
  float scale_ = 1.0f;                    // weight = quantized * scale_
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}

  int num_classes() const { return num_classes_; }

  // scores[c] += current (not averaged) weight of every key for class c.
  void add_scores(std::span<const std::uint64_t> keys, float* scores) const;
  // The perceptron step: +amount on (key, gold), -amount on (key, guess) for
  // every key. Does nothing when gold == guess.
  void update(std::span<const std::uint64_t> keys, int gold, int guess, float amount = 1.0f);
  // Moves the averaging clock one example on; call once per example.
  void tick() { ++clock_; }
  std::uint64_t clock() const { return clock_; }
  std::size_t num_features() const { return rows_.size(); }

  // The averaged weights; pairs with |weight| < min_weight are dropped.
  WeightTable average(float min_weight = 0.0f) const;

 private:
  struct Entry {
    std::uint16_t cls;
    float weight;
    double total;          // sum of weight over the clock ticks up to `stamp`
    std::uint64_t stamp;   // clock of the last change
  };
  void add(std::uint64_t key, int cls, float delta);

  int num_classes_;
  std::uint64_t clock_ = 0;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;  // key -> rows_ index
  std::vector<std::vector<Entry>> rows_;
  std::vector<std::uint64_t> row_keys_;
};

// Index of the highest of scores[0..n); ties go to the lower index, so
// decisions are deterministic.
int argmax(const float* scores, int n);

}  // namespace textgraph::train
