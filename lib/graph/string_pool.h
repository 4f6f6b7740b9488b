// Internal: interned strings. Id 0 is always the empty string, so empty
// fields (most provenance fields of TSV input) cost nothing to store or look up.
//
// Each string is stored once, in large blocks that never move, as a record
// [length][id][aux][bytes]. The hash index points at records directly, so a
// lookup touches the index slot and the record only; `aux` is a spare 32-bit
// value per string for the graph's caches (initially kNoAux), read on the
// same cache line.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "graph/huge_array.h"
#include "graph/id_table.h"

namespace textgraph {

class StringPool {
 public:
  static constexpr std::uint32_t kNoAux = UINT32_MAX;

  StringPool() { views_.emplace_back(); }
  StringPool(const StringPool& other) : StringPool() { copy_from(other); }
  StringPool& operator=(const StringPool& other) {
    if (this != &other) {
      blocks_.clear();
      views_.assign(1, std::string_view());
      index_.clear();
      used_ = capacity_ = 0;
      empty_record_[2] = kNoAux;
      copy_from(other);
    }
    return *this;
  }
  StringPool(StringPool&&) noexcept = default;
  StringPool& operator=(StringPool&&) noexcept = default;

  // Empty strings (most fields of most triples) are answered before hashing.
  std::uint32_t intern(std::string_view s) { return s.empty() ? 0 : *intern_record(s); }

  // For batches (see KnowledgeGraph::Impl::add_batch): the hash of a string,
  // then prefetches of its index slot and, once that slot is in cache, of its
  // record. They only read, so they never change what a lookup finds.
  static std::uint64_t hash(std::string_view s) { return mix64(std::hash<std::string_view>{}(s)); }
  void prefetch_slot(std::uint64_t h) const { index_.prefetch(h); }
  void prefetch_record(std::uint64_t h) const {
    if (const std::optional<std::uint32_t> slot = index_.likely(h))
      __builtin_prefetch(record(*slot));
  }
  // The spare value of s when interned (kNoAux when s is not, or has none).
  std::uint32_t find_aux(std::string_view s, std::uint64_t h) const {
    if (s.empty()) return empty_record_[2];
    std::uint32_t aux = kNoAux;
    index_.find(h, [&](std::uint32_t slot) {
      const std::uint32_t* rec = record(slot);
      if (rec[0] != s.size() || std::memcmp(rec + 3, s.data(), s.size()) != 0) return false;
      aux = rec[2];
      return true;
    });
    return aux;
  }

  // The id of s, adding it when new; aux_of(id) is then one load away.
  // Returns a pointer to the record's id field.
  std::uint32_t* intern_record(std::string_view s) {
    return s.empty() ? &empty_record_[1] : intern_record(s, hash(s));
  }
  // The same with s's hash() known.
  std::uint32_t* intern_record(std::string_view s, std::uint64_t h) {
    if (s.empty()) return &empty_record_[1];
    std::uint32_t* found = nullptr;
    index_.find(h, [&](std::uint32_t slot) {
      std::uint32_t* rec = record(slot);
      if (rec[0] != s.size() || std::memcmp(rec + 3, s.data(), s.size()) != 0) return false;
      found = rec + 1;
      return true;
    });
    if (found) return found;
    const auto id = static_cast<std::uint32_t>(views_.size());
    const std::uint32_t slot = store(s, id);
    index_.insert(h, slot);
    std::uint32_t* rec = record(slot);
    views_.emplace_back(reinterpret_cast<const char*>(rec + 3), s.size());
    return rec + 1;
  }

  // The id of s if interned, else nullopt (never adds).
  std::optional<std::uint32_t> find(std::string_view s) const {
    return s.empty() ? std::optional<std::uint32_t>(0) : find(s, hash(s));
  }

  // The same with s's hash() known.
  std::optional<std::uint32_t> find(std::string_view s, std::uint64_t h) const {
    if (s.empty()) return 0;
    std::optional<std::uint32_t> id;
    index_.find(h, [&](std::uint32_t slot) {
      const std::uint32_t* rec = record(slot);
      if (rec[0] != s.size() || std::memcmp(rec + 3, s.data(), s.size()) != 0) return false;
      id = rec[1];
      return true;
    });
    return id;
  }

  std::string_view get(std::uint32_t id) const { return views_[id]; }
  std::size_t size() const { return views_.size(); }

  // The spare value of a string, by id or by the pointer intern_record gave.
  std::uint32_t& aux(std::uint32_t id) {
    return id ? *reinterpret_cast<std::uint32_t*>(const_cast<char*>(views_[id].data()) - 4)
              : empty_record_[2];
  }
  static std::uint32_t& aux_of_record(std::uint32_t* id_field) { return id_field[1]; }

 private:
  static constexpr std::size_t kBlockBits = 22;  // 4 MiB blocks; offsets in 4-byte units

  std::uint32_t* record(std::uint32_t slot) const {
    return reinterpret_cast<std::uint32_t*>(blocks_[slot >> (kBlockBits - 2)].get()) +
           (slot & ((1u << (kBlockBits - 2)) - 1));
  }

  // Appends a record; returns its slot: block number and offset in words.
  std::uint32_t store(std::string_view s, std::uint32_t id) {
    const std::size_t words = 3 + (s.size() + 3) / 4;
    if (words > capacity_ - used_) {
      // 4095 blocks of 4 MiB (the slot keeps 12 bits of block number); a
      // string larger than a block gets a block of its own.
      if (blocks_.size() >= 4095) fail(ErrorCode::kInternal, "graph too large (string pool full)");
      capacity_ = std::max<std::size_t>(words, std::size_t{1} << (kBlockBits - 2));
      blocks_.emplace_back(
          static_cast<std::uint32_t*>(allocate_zeroed_huge(capacity_ * sizeof(std::uint32_t))));
      used_ = 0;
    }
    std::uint32_t* rec = blocks_.back().get() + used_;
    rec[0] = static_cast<std::uint32_t>(s.size());
    rec[1] = id;
    rec[2] = kNoAux;
    std::memcpy(rec + 3, s.data(), s.size());
    const auto slot = static_cast<std::uint32_t>((blocks_.size() - 1) << (kBlockBits - 2) | used_);
    used_ += words;
    return slot;
  }

  void copy_from(const StringPool& other) {
    for (std::size_t i = 1; i < other.views_.size(); ++i) {
      const auto id = static_cast<std::uint32_t>(i);
      aux(intern(other.views_[i])) = const_cast<StringPool&>(other).aux(id);
    }
    empty_record_[2] = other.empty_record_[2];
  }

  struct Free {
    void operator()(std::uint32_t* p) const { std::free(p); }
  };
  // Read at random places (a name's record per lookup), so in huge pages
  // like the index (huge_array.h).
  std::vector<std::unique_ptr<std::uint32_t, Free>> blocks_;
  std::size_t used_ = 0;      // words used in the last block
  std::size_t capacity_ = 0;  // words in the last block
  std::vector<std::string_view> views_;
  IdTable index_;                                   // hash → record slot
  std::uint32_t empty_record_[3] = {0, 0, kNoAux};  // the empty string: length, id 0, aux
};

}  // namespace textgraph
