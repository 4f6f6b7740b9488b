// Internal: interned strings. Id 0 is always the empty string, so empty
// fields (most provenance fields of TSV input) cost nothing to store or look up.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "graph/id_table.h"

namespace textgraph {

class StringPool {
 public:
  StringPool() { views_.emplace_back(); }
  StringPool(const StringPool& other) : StringPool() { copy_from(other); }
  StringPool& operator=(const StringPool& other) {
    if (this != &other) {
      blocks_.clear();
      views_.assign(1, std::string_view());
      index_.clear();
      used_ = capacity_ = 0;
      copy_from(other);
    }
    return *this;
  }
  StringPool(StringPool&&) noexcept = default;
  StringPool& operator=(StringPool&&) noexcept = default;

  std::uint32_t intern(std::string_view s) {
    if (s.empty()) return 0;
    const std::uint64_t h = hash(s);
    if (auto id = index_.find(h, [&](std::uint32_t i) { return views_[i] == s; })) return *id;
    const auto id = static_cast<std::uint32_t>(views_.size());
    views_.push_back(store(s));
    index_.insert(h, id);
    return id;
  }
  // The id of s if interned, else nullopt (never adds).
  std::optional<std::uint32_t> find(std::string_view s) const {
    if (s.empty()) return 0;
    return index_.find(hash(s), [&](std::uint32_t i) { return views_[i] == s; });
  }
  std::string_view get(std::uint32_t id) const { return views_[id]; }
  std::size_t size() const { return views_.size(); }

 private:
  static std::uint64_t hash(std::string_view s) { return mix64(std::hash<std::string_view>{}(s)); }

  // Bytes live in large blocks that never move, so views stay valid.
  std::string_view store(std::string_view s) {
    if (s.size() > capacity_ - used_) {
      capacity_ = std::max<std::size_t>(s.size(), 1 << 20);
      blocks_.push_back(std::make_unique<char[]>(capacity_));
      used_ = 0;
    }
    char* p = blocks_.back().get() + used_;
    std::copy(s.begin(), s.end(), p);
    used_ += s.size();
    return {p, s.size()};
  }
  void copy_from(const StringPool& other) {
    for (std::size_t i = 1; i < other.views_.size(); ++i) intern(other.views_[i]);
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
  std::vector<std::string_view> views_;
  IdTable index_;
};

}  // namespace textgraph
