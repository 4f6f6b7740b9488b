// Internal: an open-addressing hash index from keys to dense uint32 ids.
//
// The table stores only (hash, id); the keys live elsewhere (a string pool,
// the edge records) and the caller's `same(id)` predicate compares them. That
// keeps the index at 8 bytes a slot, which matters at millions of edges.
#pragma once

#include <cstdint>
#include <optional>

#include "core/error.h"
#include "graph/huge_array.h"

namespace textgraph {

inline std::uint64_t mix64(std::uint64_t x) {
  // splitmix64 finaliser: cheap and spreads every input bit.
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

class IdTable {
 public:
  template <class Same>
  std::optional<std::uint32_t> find(std::uint64_t hash, Same same) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t h = static_cast<std::uint32_t>(hash);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const std::uint64_t s = slots_[i];
      if (s == 0) return std::nullopt;
      if (static_cast<std::uint32_t>(s >> 32) == h) {
        const std::uint32_t id = static_cast<std::uint32_t>(s) - 1;
        if (same(id)) return id;
      }
    }
  }

  // Software prefetch of the slot a lookup of `hash` starts at: batches of
  // lookups issue these first so that their cache misses overlap.
  void prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<std::uint32_t>(hash) & mask_]);
  }
  // The id of the first slot whose stored hash bits equal hash's (a likely
  // match, not a checked one), without comparing keys; for prefetching what
  // the id points at.
  std::optional<std::uint32_t> likely(std::uint64_t hash) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t h = static_cast<std::uint32_t>(hash);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const std::uint64_t s = slots_[i];
      if (s == 0) return std::nullopt;
      if (static_cast<std::uint32_t>(s >> 32) == h) return static_cast<std::uint32_t>(s) - 1;
    }
  }

  // Precondition: no id with an equal key is present.
  void insert(std::uint64_t hash, std::uint32_t id) {
    if (id == UINT32_MAX) fail(ErrorCode::kInternal, "graph too large (more than 4e9 items)");
    if ((size_ + 1) * 2 > slots_.size()) grow();
    place((hash & 0xffffffffULL) << 32 | (std::uint64_t{id} + 1));
    ++size_;
  }

  void clear() {
    slots_ = HugeArray<std::uint64_t>();
    mask_ = 0;
    size_ = 0;
  }
  std::size_t size() const { return size_; }

 private:
  void place(std::uint64_t slot) {
    for (std::size_t i = (slot >> 32) & mask_;; i = (i + 1) & mask_)
      if (slots_[i] == 0) {
        slots_[i] = slot;
        return;
      }
  }
  void grow() {
    HugeArray<std::uint64_t> old = std::move(slots_);
    slots_ = HugeArray<std::uint64_t>(old.empty() ? 64 : old.size() * 2);
    mask_ = slots_.size() - 1;
    for (std::uint64_t s : old)
      if (s) place(s);
  }

  HugeArray<std::uint64_t> slots_;  // zero = empty
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace textgraph
