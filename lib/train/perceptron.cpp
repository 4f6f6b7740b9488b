#include "train/perceptron.h"

#include <algorithm>
#include <cmath>

namespace textgraph::train {

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
  t.row_start_.push_back(0);
  for (const Row& r : rows) {
    const std::size_t before = t.classes_.size();
    for (const auto& [c, w] : r.weights) {
      const long q = std::lround(w / t.scale_);
      if (q == 0) continue;  // below the quantization step: no effect worth keeping
      t.classes_.push_back(c);
      t.weights_.push_back(static_cast<float>(q) * t.scale_);
    }
    if (t.classes_.size() == before) continue;
    t.keys_.push_back(r.key);
    t.row_start_.push_back(static_cast<std::uint32_t>(t.classes_.size()));
  }
  t.rows_ = t.keys_.size();
  t.index_rows();
  return t;
}

void WeightTable::index_rows() {
  std::size_t size = 16;
  while (size < rows_ + rows_ / 2) size <<= 1;  // load factor at most 2/3
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  for (std::size_t r = 0; r < rows_; ++r) {
    std::size_t i = keys_[r] & mask_;
    const std::uint32_t check = fingerprint(keys_[r]);
    // Two keys with the same home chain and fingerprint are indistinguishable
    // at lookup; the first row wins. Rare enough (about 2^-31 per pair) to ignore.
    while (slots_[i].check != 0 && slots_[i].check != check) i = (i + 1) & mask_;
    if (slots_[i].check == 0) slots_[i] = Slot{check, static_cast<std::uint32_t>(r)};
  }
}

void WeightTable::save(ByteWriter& out) const {
  out.put<std::uint32_t>(static_cast<std::uint32_t>(num_classes_));
  out.put<std::uint64_t>(rows_);
  out.put<std::uint64_t>(classes_.size());
  out.put<float>(scale_);
  for (std::size_t r = 0; r < rows_; ++r) {
    out.put<std::uint64_t>(keys_[r]);
    out.put<std::uint16_t>(static_cast<std::uint16_t>(row_start_[r + 1] - row_start_[r]));
  }
  for (std::size_t k = 0; k < classes_.size(); ++k) {
    out.put<std::uint16_t>(classes_[k]);
    out.put<std::int16_t>(static_cast<std::int16_t>(std::lround(weights_[k] / scale_)));
  }
}

WeightTable WeightTable::load(ByteReader& in) {
  WeightTable t;
  t.num_classes_ = static_cast<int>(in.get<std::uint32_t>());
  const auto rows = in.get<std::uint64_t>();
  const auto weights = in.get<std::uint64_t>();
  t.scale_ = in.get<float>();
  if (t.num_classes_ < 0 || t.num_classes_ > 65535 || (t.num_classes_ == 0 && rows != 0) || rows > (1ULL << 31) ||
      weights > (1ULL << 31) || !(t.scale_ > 0.0f) || !std::isfinite(t.scale_))
    fail(ErrorCode::kModel, "weight table header is invalid (corrupt model)");
  t.rows_ = rows;
  t.keys_.reserve(rows);
  t.row_start_.reserve(rows + 1);
  t.row_start_.push_back(0);
  std::uint64_t total = 0;
  for (std::uint64_t r = 0; r < rows; ++r) {
    t.keys_.push_back(in.get<std::uint64_t>());
    total += in.get<std::uint16_t>();
    if (total > weights) fail(ErrorCode::kModel, "weight table rows overflow (corrupt model)");
    t.row_start_.push_back(static_cast<std::uint32_t>(total));
  }
  if (total != weights) fail(ErrorCode::kModel, "weight table size mismatch (corrupt model)");
  t.classes_.resize(weights);
  t.weights_.resize(weights);
  for (std::uint64_t k = 0; k < weights; ++k) {
    t.classes_[k] = in.get<std::uint16_t>();
    if (t.classes_[k] >= t.num_classes_)
      fail(ErrorCode::kModel, "weight table class out of range (corrupt model)");
    t.weights_[k] = static_cast<float>(in.get<std::int16_t>()) * t.scale_;
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

}  // namespace textgraph::train
