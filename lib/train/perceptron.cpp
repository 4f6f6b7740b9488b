#include "train/perceptron.h"

#include <algorithm>
#include <cmath>
#include <limits>

#if defined(__linux__)
#include <sys/mman.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define TEXTGRAPH_X86_DISPATCH 1
#endif

namespace textgraph::train {

void advise_huge_pages(void* p, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  madvise(p, bytes, MADV_HUGEPAGE);  // a hint: failure only costs speed
#else
  (void)p;
  (void)bytes;
#endif
}

void PerceptronTrainer::add_scores(std::span<const std::uint64_t> keys, float* scores) const {
  for (std::uint64_t k : keys) {
    auto it = index_.find(k);
    if (it == index_.end()) continue;
    for (const Entry& e : rows_[it->second]) scores[e.cls] += e.weight;
  }
}

void PerceptronTrainer::add(std::uint64_t key, int cls, float delta) {
  auto [it, inserted] = index_.try_emplace(key, static_cast<std::uint32_t>(rows_.size()));
  if (inserted) {
    rows_.emplace_back();
    row_keys_.push_back(key);
  }
  std::vector<Entry>& row = rows_[it->second];
  for (Entry& e : row) {
    if (e.cls != cls) continue;
    e.total += static_cast<double>(e.weight) * static_cast<double>(clock_ - e.stamp);
    e.stamp = clock_;
    e.weight += delta;
    return;
  }
  row.push_back({static_cast<std::uint16_t>(cls), delta, 0.0, clock_});
}

void PerceptronTrainer::update(std::span<const std::uint64_t> keys, int gold, int guess,
                               float amount) {
  if (gold == guess) return;
  for (std::uint64_t k : keys) {
    add(k, gold, amount);
    if (guess >= 0) add(k, guess, -amount);
  }
}

WeightTable PerceptronTrainer::average(float min_weight) const {
  std::vector<WeightTable::Row> rows;
  rows.reserve(rows_.size());
  const double clock = clock_ ? static_cast<double>(clock_) : 1.0;
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    WeightTable::Row row{row_keys_[r], {}};
    for (const Entry& e : rows_[r]) {
      const double total =
          e.total + static_cast<double>(e.weight) * static_cast<double>(clock_ - e.stamp);
      const auto avg = static_cast<float>(total / clock);
      if (std::fabs(avg) >= min_weight && avg != 0.0f) row.weights.emplace_back(e.cls, avg);
    }
    if (row.weights.empty()) continue;
    std::sort(row.weights.begin(), row.weights.end());
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return WeightTable::build(num_classes_, std::move(rows));
}

WeightTable WeightTable::build(int num_classes, std::vector<Row> rows) {
  WeightTable t;
  t.num_classes_ = num_classes;
  float max_abs = 0.0f;
  for (const Row& r : rows)
    for (const auto& [c, w] : r.weights) max_abs = std::max(max_abs, std::fabs(w));
  t.scale_ = max_abs > 0.0f ? max_abs / 32767.0f : 1.0f;
  for (const Row& r : rows) {
    const std::size_t before = t.entries_.size();
    for (const auto& [c, w] : r.weights) {
      const long q = std::lround(w / t.scale_);
      if (q == 0) continue;  // below the quantization step: no effect worth keeping
      t.entries_.push_back({c, static_cast<std::int16_t>(q)});
    }
    if (t.entries_.size() == before) continue;
    t.keys_.push_back(r.key);
    t.counts_.push_back(static_cast<std::uint32_t>(t.entries_.size() - before));
  }
  t.index_rows();
  return t;
}

std::vector<WeightTable::Row> WeightTable::rows() const {
  std::vector<Row> out;
  out.reserve(keys_.size());
  std::size_t start = 0;
  for (std::size_t r = 0; r < keys_.size(); ++r) {
    Row row{keys_[r], {}};
    for (std::uint32_t k = 0; k < counts_[r]; ++k) {
      const Entry& e = entries_[start + k];
      row.weights.emplace_back(e.cls, static_cast<float>(e.weight) * scale_);
    }
    start += counts_[r];
    out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  return out;
}

void WeightTable::index_rows() {
  std::size_t size = 16;
  while (size < keys_.size() + keys_.size() / 2) size <<= 1;  // load factor at most 2/3
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  padded_classes_ = (num_classes_ + 15) / 16 * 16;
  dense_.clear();
  std::uint32_t start = 0;
  for (std::size_t r = 0; r < keys_.size(); ++r) {
    std::size_t i = keys_[r] & mask_;
    const std::uint32_t check = fingerprint(keys_[r]);
    // Two keys with the same home chain and fingerprint are indistinguishable
    // at lookup; the first row wins. Rare enough (about 2^-31 per pair) to ignore.
    while (slots_[i].check != 0 && slots_[i].check != check) i = (i + 1) & mask_;
    if (slots_[i].check == 0) {
      slots_[i] = Slot{check, start, counts_[r]};
      // Dense when it costs at most 4x the sparse bytes (entries are 4 bytes,
      // dense values 2).
      if (counts_[r] * 8 >= static_cast<std::uint32_t>(num_classes_) && counts_[r] >= 8) {
        slots_[i].start = static_cast<std::uint32_t>(dense_.size());
        slots_[i].count = kDense;
        dense_.resize(dense_.size() + static_cast<std::size_t>(padded_classes_), 0);
        for (std::uint32_t k = 0; k < counts_[r]; ++k) {
          const Entry& e = entries_[start + k];
          dense_[slots_[i].start + e.cls] = e.weight;
        }
      }
    }
    start += counts_[r];
  }
}

namespace {

// Adds n (a multiple of 16) 16-bit weights to 32-bit scores: a plain loop
// the compiler vectorizes for the baseline instruction set.
inline __attribute__((always_inline)) void add_dense_plain(const std::int16_t* d,
                                                           std::int32_t* scores, int n) {
  for (int c = 0; c < n; ++c) scores[c] += d[c];
}

// The same into float scores (callers size them num_classes()).
inline __attribute__((always_inline)) void add_dense_float(const std::int16_t* d, float* scores,
                                                           int n) {
  for (int c = 0; c < n; ++c) scores[c] += static_cast<float>(d[c]);
}

}  // namespace

// The sums: three sweeps over a batch of keys (prefetch the home slots, find
// the slots and prefetch their rows, then add), so that the misses of
// different keys overlap; sparse entries are added one by one, dense rows
// (N values) with DENSE. A macro, not a lambda: the
// AVX2 copy must be compiled inside a function with the AVX2 target, and a
// lambda's body would not be.
#define TEXTGRAPH_ADD_SCORES(DENSE, N)                                                           \
  if (slots_.empty()) return;                                                                    \
  constexpr std::size_t kBatch = 64;                                                             \
  const Slot* found[kBatch];                                                                     \
  for (std::size_t base = 0; base < keys.size(); base += kBatch) {                               \
    const std::size_t n = std::min(kBatch, keys.size() - base);                                  \
    for (std::size_t k = 0; k < n; ++k) __builtin_prefetch(&slots_[keys[base + k] & mask_]);     \
    for (std::size_t k = 0; k < n; ++k) {                                                        \
      found[k] = find(keys[base + k]);                                                           \
      if (!found[k]) continue;                                                                   \
      if (found[k]->count != kDense) {                                                           \
        __builtin_prefetch(entries_.data() + found[k]->start);                                   \
      } else {                                                                                   \
        const char* d = reinterpret_cast<const char*>(dense_.data() + found[k]->start);          \
        for (int line = 0; line < padded_classes_ * 2; line += 64) __builtin_prefetch(d + line); \
      }                                                                                          \
    }                                                                                            \
    for (std::size_t k = 0; k < n; ++k) {                                                        \
      const Slot* s = found[k];                                                                  \
      if (!s) continue;                                                                          \
      if (s->count == kDense) {                                                                  \
        DENSE(dense_.data() + s->start, scores, N);                                              \
        continue;                                                                                \
      }                                                                                          \
      const Entry* e = entries_.data() + s->start;                                               \
      const std::uint32_t count = s->count;                                                      \
      for (std::uint32_t j = 0; j < count; ++j) scores[e[j].cls] += e[j].weight;                 \
    }                                                                                            \
  }

#if TEXTGRAPH_X86_DISPATCH
namespace {

__attribute__((target("avx2"), always_inline)) inline void add_dense_avx2(const std::int16_t* d,
                                                                          std::int32_t* scores,
                                                                          int n) {
  for (int c = 0; c < n; c += 16) {
    const __m256i w = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(d + c));
    const __m256i lo = _mm256_cvtepi16_epi32(_mm256_castsi256_si128(w));
    const __m256i hi = _mm256_cvtepi16_epi32(_mm256_extracti128_si256(w, 1));
    auto* s = reinterpret_cast<__m256i*>(scores + c);
    _mm256_storeu_si256(s, _mm256_add_epi32(_mm256_loadu_si256(s), lo));
    _mm256_storeu_si256(s + 1, _mm256_add_epi32(_mm256_loadu_si256(s + 1), hi));
  }
}

const bool kHasAvx2 = __builtin_cpu_supports("avx2");

}  // namespace

__attribute__((target("avx2"))) void WeightTable::add_scores_avx2(
    std::span<const std::uint64_t> keys, std::int32_t* scores) const {
  TEXTGRAPH_ADD_SCORES(add_dense_avx2, padded_classes_);
}
#endif

void WeightTable::add_scores(std::span<const std::uint64_t> keys, std::int32_t* scores) const {
#if TEXTGRAPH_X86_DISPATCH
  if (kHasAvx2) {
    add_scores_avx2(keys, scores);
    return;
  }
#endif
  TEXTGRAPH_ADD_SCORES(add_dense_plain, padded_classes_);
}

void WeightTable::add_scores(std::span<const std::uint64_t> keys, float* scores) const {
  TEXTGRAPH_ADD_SCORES(add_dense_float, num_classes_);
}

#undef TEXTGRAPH_ADD_SCORES

void WeightTable::save(ByteWriter& out) const {
  out.put<std::uint32_t>(static_cast<std::uint32_t>(num_classes_));
  out.put<std::uint64_t>(keys_.size());
  out.put<std::uint64_t>(entries_.size());
  out.put<float>(scale_);
  for (std::size_t r = 0; r < keys_.size(); ++r) {
    out.put<std::uint64_t>(keys_[r]);
    out.put<std::uint16_t>(static_cast<std::uint16_t>(counts_[r]));
  }
  for (const Entry& e : entries_) {
    out.put<std::uint16_t>(e.cls);
    out.put<std::int16_t>(e.weight);
  }
}

WeightTable WeightTable::load(ByteReader& in) {
  WeightTable t;
  t.num_classes_ = static_cast<int>(in.get<std::uint32_t>());
  const auto rows = in.get<std::uint64_t>();
  const auto weights = in.get<std::uint64_t>();
  t.scale_ = in.get<float>();
  if (t.num_classes_ < 0 || t.num_classes_ > 65535 || (t.num_classes_ == 0 && rows != 0) ||
      rows > (1ULL << 31) || weights > (1ULL << 31) || !(t.scale_ > 0.0f) ||
      !std::isfinite(t.scale_))
    fail(ErrorCode::kModel, "weight table header is invalid (corrupt model)");
  t.keys_.reserve(rows);
  t.counts_.reserve(rows);
  std::uint64_t total = 0;
  for (std::uint64_t r = 0; r < rows; ++r) {
    t.keys_.push_back(in.get<std::uint64_t>());
    t.counts_.push_back(in.get<std::uint16_t>());
    total += t.counts_.back();
    if (total > weights) fail(ErrorCode::kModel, "weight table rows overflow (corrupt model)");
  }
  if (total != weights) fail(ErrorCode::kModel, "weight table size mismatch (corrupt model)");
  t.entries_.resize(weights);
  for (std::uint64_t k = 0; k < weights; ++k) {
    t.entries_[k].cls = in.get<std::uint16_t>();
    t.entries_[k].weight = in.get<std::int16_t>();
    if (t.entries_[k].cls >= t.num_classes_)
      fail(ErrorCode::kModel, "weight table class out of range (corrupt model)");
  }
  t.index_rows();
  return t;
}

int argmax(const float* scores, int n) {
  int best = 0;
  for (int c = 1; c < n; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

int argmax(const std::int32_t* scores, int n) {
  int best = 0;
  for (int c = 1; c < n; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

namespace {

int argmax2_plain(const std::int32_t* scores, int n, std::int32_t* second) {
  int best = 0;
  std::int32_t top = scores[0], next = std::numeric_limits<std::int32_t>::min();
  for (int c = 1; c < n; ++c) {
    const std::int32_t v = scores[c];
    if (v > top) {
      next = top;
      top = v;
      best = c;
    } else if (v > next) {
      next = v;
    }
  }
  *second = next;
  return best;
}

#if TEXTGRAPH_X86_DISPATCH
// The same in three vector sweeps: the maximum, its first index, then the
// maximum of the others (with the best lane masked out).
__attribute__((target("avx2"))) int argmax2_avx2(const std::int32_t* scores, int n,
                                                 std::int32_t* second) {
  const int blocks = n / 8 * 8;
  auto load = [&](int c) __attribute__((target("avx2"))) {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scores + c));
  };
  auto horizontal_max = [](__m256i v) __attribute__((target("avx2"))) {
    __m128i m = _mm_max_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    m = _mm_max_epi32(m, _mm_shuffle_epi32(m, 0x4e));
    m = _mm_max_epi32(m, _mm_shuffle_epi32(m, 0xb1));
    return _mm_cvtsi128_si32(m);
  };
  const std::int32_t kMin = std::numeric_limits<std::int32_t>::min();
  __m256i mx = _mm256_set1_epi32(kMin);
  for (int c = 0; c < blocks; c += 8) mx = _mm256_max_epi32(mx, load(c));
  std::int32_t top = horizontal_max(mx);
  for (int c = blocks; c < n; ++c) top = std::max(top, scores[c]);
  int best = -1;
  const __m256i t = _mm256_set1_epi32(top);
  for (int c = 0; c < blocks && best < 0; c += 8) {
    const int m = _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(load(c), t)));
    if (m) best = c + __builtin_ctz(static_cast<unsigned>(m));
  }
  for (int c = blocks; c < n && best < 0; ++c)
    if (scores[c] == top) best = c;
  __m256i rest = _mm256_set1_epi32(kMin);
  const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  const __m256i skip = _mm256_set1_epi32(best);
  for (int c = 0; c < blocks; c += 8) {
    const __m256i at_best = _mm256_cmpeq_epi32(_mm256_add_epi32(lanes, _mm256_set1_epi32(c)), skip);
    rest = _mm256_max_epi32(rest, _mm256_blendv_epi8(load(c), _mm256_set1_epi32(kMin), at_best));
  }
  std::int32_t next = horizontal_max(rest);
  for (int c = blocks; c < n; ++c)
    if (c != best) next = std::max(next, scores[c]);
  *second = next;
  return best;
}
#endif

}  // namespace

int argmax2(const std::int32_t* scores, int n, std::int32_t* second) {
#if TEXTGRAPH_X86_DISPATCH
  if (kHasAvx2) return argmax2_avx2(scores, n, second);
#endif
  return argmax2_plain(scores, n, second);
}

}  // namespace textgraph::train
