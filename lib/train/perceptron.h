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
#include <cstdlib>
#include <new>
#include <span>
#include <unordered_map>
#include <vector>

#include "model/bytes.h"

namespace textgraph::train {

// Allocates large arrays on 2 MB boundaries and asks Linux for transparent
// huge pages: the weight tables are read at random, and with 4 KB pages most
// look-ups would also miss the TLB. Elsewhere it is a plain aligned allocator.
void advise_huge_pages(void* p, std::size_t bytes);  // no-op where unsupported

template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocator rebinding
  T* allocate(std::size_t n);
  void deallocate(T* p, std::size_t) { std::free(p); }
  bool operator==(const HugePageAllocator&) const { return true; }
};
template <class T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

class WeightTable {
 public:
  WeightTable() = default;

  int num_classes() const { return num_classes_; }
  std::size_t num_features() const { return keys_.size(); }
  std::size_t num_weights() const { return entries_.size(); }
  // Scores added by add_scores are in units of scale(): the real score is
  // the sum times scale(). Argmax needs no scaling; the sums are of 16-bit
  // integers, so they are exact in float and the same on every machine.
  float scale() const { return scale_; }

  // scores[c] += weight(key, c) / scale() for every class c with a weight;
  // unknown keys add nothing.
  void add_scores(std::uint64_t key, float* scores) const {
    if (const Slot* s = find(key)) accumulate(*s, scores);
  }
  // The same for many keys; the memory look-ups of all keys are overlapped
  // (prefetched), which is what makes tagging fast.
  void add_scores(std::span<const std::uint64_t> keys, float* scores) const;
  // The same in integers: scores[c] += the quantized weight (in units of
  // scale()). `scores` must hold padded_classes() values (the ones past
  // num_classes() stay 0). Sums are exact, so the argmax is the same as with
  // float scores; dense rows are added with SIMD (AVX2 when the CPU has it,
  // chosen at run time; every path gives the same integers).
  void add_scores(std::span<const std::uint64_t> keys, std::int32_t* scores) const;
  // num_classes() rounded up to a multiple of 16 (the SIMD width of dense rows).
  int padded_classes() const { return padded_classes_; }

  // Serialized layout: u32 classes, u64 rows, u64 weights, f32 scale, then
  // per row: u64 key, u16 count; then per weight: u16 class, i16 quantized value.
  void save(ByteWriter& out) const;
  static WeightTable load(ByteReader& in);

  // One feature's weights, for building tables.
  struct Row {
    std::uint64_t key;
    std::vector<std::pair<std::uint16_t, float>> weights;  // (class, weight), sorted by class
  };
  // Builds the table from rows sorted by key (used by PerceptronTrainer::average). Weights are
  // quantized to 16 bits with one scale for the table.
  static WeightTable build(int num_classes, std::vector<Row> rows);
  // The rows back, dequantized, sorted by key.
  std::vector<Row> rows() const;

 private:
  struct Slot {
    std::uint32_t check = 0;  // fingerprint of the key (never 0 in a used slot)
    std::uint32_t start = 0;  // first entry, or first value in dense_ when count == kDense
    std::uint32_t count = 0;  // number of entries, or kDense
  };
  // Rows with weights for many classes are stored densely (one value per
  // class) so that adding them is a straight vectorizable loop.
  static constexpr std::uint32_t kDense = 0xffffffffu;
  struct Entry {
    std::uint16_t cls;
    std::int16_t weight;  // in units of scale_
  };
  static std::uint32_t fingerprint(std::uint64_t key) {
    return static_cast<std::uint32_t>(key >> 32) | 1u;
  }
  const Slot* find(std::uint64_t key) const {
    if (slots_.empty()) return nullptr;
    std::size_t i = key & mask_;
    const std::uint32_t check = fingerprint(key);
    while (true) {
      const Slot& s = slots_[i];
      if (s.check == check) return &s;
      if (s.check == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
#if defined(__x86_64__) && defined(__GNUC__)
  void add_scores_avx2(std::span<const std::uint64_t> keys, std::int32_t* scores) const;
#endif
  void accumulate(const Slot& s, float* scores) const {
    if (s.count == kDense) {
      const std::int16_t* d = dense_.data() + s.start;
      for (int c = 0; c < num_classes_; ++c) scores[c] += static_cast<float>(d[c]);
      return;
    }
    const Entry* e = entries_.data() + s.start;
    for (std::uint32_t k = 0; k < s.count; ++k) scores[e[k].cls] += static_cast<float>(e[k].weight);
  }
  void index_rows();

  int num_classes_ = 0;
  std::uint64_t mask_ = 0;
  HugeVector<Slot> slots_;             // power-of-two sized, linear probing
  std::vector<std::uint64_t> keys_;    // key of each row, in entry order (kept for saving)
  std::vector<std::uint32_t> counts_;  // entries of each row
  HugeVector<Entry> entries_;          // all rows' weights, row after row
  HugeVector<std::int16_t> dense_;     // the dense copies of rows with many entries,
                                       // padded_classes_ values each (zeros past the end)
  int padded_classes_ = 0;             // num_classes_ rounded up to a multiple of 16
  float scale_ = 1.0f;                 // weight = quantized * scale_
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
    double total;         // sum of weight over the clock ticks up to `stamp`
    std::uint64_t stamp;  // clock of the last change
  };
  void add(std::uint64_t key, int cls, float delta);

  int num_classes_;
  std::uint64_t clock_ = 0;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;  // key -> rows_ index
  std::vector<std::vector<Entry>> rows_;
  std::vector<std::uint64_t> row_keys_;
};

template <class T>
T* HugePageAllocator<T>::allocate(std::size_t n) {
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  const std::size_t bytes = n * sizeof(T);
  const std::size_t align = bytes >= kHuge ? kHuge : 64;
  void* p = std::aligned_alloc(align, (bytes + align - 1) / align * align);
  if (!p) throw std::bad_alloc();
  if (bytes >= kHuge) advise_huge_pages(p, (bytes + align - 1) / align * align);
  return static_cast<T*>(p);
}

// Index of the highest of scores[0..n); ties go to the lower index, so
// decisions are deterministic.
int argmax(const float* scores, int n);
int argmax(const std::int32_t* scores, int n);
// argmax, and the highest score of the other classes in *second (equal to
// the best one on a tie; INT32_MIN when n == 1).
int argmax2(const std::int32_t* scores, int n, std::int32_t* second);

}  // namespace textgraph::train
