// Internal: a read-only hash index from 64-bit keys (already hashes) to
// 32-bit values, for the tagger's dictionaries.
//
//   FlatIndex index;
//   index.build(pairs, FlatIndex::kFirstWins);   // std::vector<std::pair<u64, u32>>
//   if (const std::uint32_t* v = index.find(key)) use(*v);
//   index.prefetch(key);   // ahead of a find(key), to overlap cache misses
//
// One open-addressing array (linear probing, load at most 1/2), so a look-up
// is usually one cache miss where std::unordered_map takes three or four
// (bucket, node, then a division for the bucket index). Keys may be any
// value, 0 included. Never fails; find() is thread-safe.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace textgraph::tagger {

class FlatIndex {
 public:
  // Which value a key given twice keeps.
  enum Duplicates { kFirstWins, kLastWins };

  void build(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& items,
             Duplicates duplicates) {
    std::size_t size = 16;
    while (size < items.size() * 2) size <<= 1;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (const auto& [key, value] : items) {
      std::size_t i = spread(key) & mask_;
      while (slots_[i].used && slots_[i].key != key) i = (i + 1) & mask_;
      if (slots_[i].used && duplicates == kFirstWins) continue;
      slots_[i] = Slot{key, value, 1};
    }
  }

  // Starts loading the memory find(key) reads first (no effect on results).
  void prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[spread(key) & mask_]);
  }

  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

  const std::uint32_t* find(std::uint64_t key) const {
    if (slots_.empty()) return nullptr;
    std::size_t i = spread(key) & mask_;
    while (slots_[i].used) {
      if (slots_[i].key == key) return &slots_[i].value;
      i = (i + 1) & mask_;
    }
    return nullptr;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t value = 0;
    std::uint32_t used = 0;
  };
  // Keys are hashes already, but of any quality: mix the high bits in.
  static std::uint64_t spread(std::uint64_t key) { return key ^ (key >> 29) ^ (key >> 47); }

  std::vector<Slot> slots_;
  std::uint64_t mask_ = 0;
};

}  // namespace textgraph::tagger
