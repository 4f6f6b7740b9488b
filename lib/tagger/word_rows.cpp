#include "tagger/word_rows.h"

#include <unordered_set>

#include "train/hashing.h"

namespace textgraph::tagger {

void WordRows::build(const std::vector<std::string_view>& forms, const AmbiguityMap& amb,
                     std::initializer_list<const train::WeightTable*> tables) {
  clear();
  std::vector<std::string_view> unique;
  {
    std::unordered_set<std::string_view> seen;
    for (std::string_view f : forms)
      if (seen.insert(f).second) unique.push_back(f);
  }
  // One call for all forms: exactly what tagging computes for each of them,
  // but for `sentence`, which depends on the other words of a sentence.
  prepare_tokens(unique, amb, hashes_);
  for (TokenHashes& t : hashes_) t.sentence = 0;

  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
  keys.reserve(unique.size());
  form_start_.reserve(unique.size() + 1);
  form_start_.push_back(0);
  for (std::size_t k = 0; k < unique.size(); ++k) {
    forms_ += unique[k];
    form_start_.push_back(static_cast<std::uint32_t>(forms_.size()));
    keys.emplace_back(train::hash_string(unique[k]), static_cast<std::uint32_t>(k));
  }
  // A form whose 64-bit hash equals an earlier form's is unreachable (find()
  // compares the bytes and says kNone): it is then tagged the plain way.
  index_.build(keys, FlatIndex::kFirstWins);

  std::vector<std::uint64_t> feats;
  for (const train::WeightTable* table : tables) {
    const auto width = static_cast<std::size_t>(table->padded_classes());
    widths_.push_back(width);
    rows_.emplace_back();
    if (table->num_features() == 0) continue;
    rows_.back().assign(unique.size() * width, 0);
    for (std::size_t k = 0; k < unique.size(); ++k) {
      feats.clear();
      own_features(hashes_[k], feats);
      table->add_scores(feats, rows_.back().data() + k * width);
    }
  }
}

void WordRows::prefetch_entry(std::uint32_t k, std::size_t table) const {
  __builtin_prefetch(&form_start_[k]);
  __builtin_prefetch(forms_.data() + form_start_[k]);  // usually cached after the line above
  const char* h = reinterpret_cast<const char*>(&hashes_[k]);
  for (std::size_t line = 0; line < sizeof(TokenHashes); line += 64) __builtin_prefetch(h + line);
  __builtin_prefetch(h + sizeof(TokenHashes) - 1);
  if (!has_rows(table)) return;
  const char* r = reinterpret_cast<const char*>(row(table, k));
  for (std::size_t line = 0; line < widths_[table] * sizeof(std::int32_t); line += 64)
    __builtin_prefetch(r + line);
}

void WordRows::find_all(const std::vector<std::string_view>& forms,
                        std::vector<std::uint32_t>& found) const {
  thread_local std::vector<std::uint64_t> hash_of;  // scratch, kept from call to call
  const std::size_t n = forms.size();
  found.assign(n, kNone);
  if (hashes_.empty()) return;
  hash_of.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    hash_of[i] = train::hash_string(forms[i]);
    prefetch(hash_of[i]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    found[i] = candidate(hash_of[i]);
    if (found[i] != kNone) prefetch_entry(found[i], 0);
  }
  for (std::size_t i = 0; i < n; ++i)
    if (found[i] != kNone && stored_form(found[i]) != forms[i]) found[i] = kNone;
}

std::size_t WordRows::memory_bytes() const {
  std::size_t bytes = forms_.capacity() + form_start_.capacity() * sizeof(std::uint32_t) +
                      hashes_.capacity() * sizeof(TokenHashes) + index_.memory_bytes();
  for (const auto& r : rows_) bytes += r.capacity() * sizeof(std::int32_t);
  return bytes;
}

}  // namespace textgraph::tagger
