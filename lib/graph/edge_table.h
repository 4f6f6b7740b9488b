// Internal: the index from an edge's merge key (source, target, relation,
// polarity) to its edge index. Keys sit in the slots themselves, so a lookup
// reads one cache line instead of chasing a second array: at millions of
// edges that miss is most of the cost of adding a triple.
#pragma once

#include <cstdint>
#include <optional>

#include "core/error.h"
#include "graph/huge_array.h"
#include "graph/id_table.h"

namespace textgraph {

class EdgeTable {
 public:
  struct Key {
    std::uint32_t source, target, relation_polarity;  // relation pool id << 1 | negative
    bool operator==(const Key&) const = default;
  };

  std::optional<std::uint32_t> find(const Key& k) const {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t i = hash(k) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.edge_plus_one == 0) return std::nullopt;
      if (s.key == k) return s.edge_plus_one - 1;
    }
  }

  // Software prefetch of the slot a lookup of k starts at.
  void prefetch(const Key& k) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash(k) & mask_]);
  }

  // Precondition: k is not present.
  void insert(const Key& k, std::uint32_t edge) {
    if (edge == UINT32_MAX) fail(ErrorCode::kInternal, "graph too large (more than 4e9 edges)");
    if ((size_ + 1) * 2 > slots_.size()) grow();
    place({k, edge + 1});
    ++size_;
  }

 private:
  struct Slot {
    Key key;
    std::uint32_t edge_plus_one;  // 0 = empty
  };

  static std::uint64_t hash(const Key& k) {
    return mix64((std::uint64_t{k.source} << 32 | k.target) ^ mix64(k.relation_polarity));
  }
  void place(const Slot& slot) {
    for (std::size_t i = hash(slot.key) & mask_;; i = (i + 1) & mask_)
      if (slots_[i].edge_plus_one == 0) {
        slots_[i] = slot;
        return;
      }
  }
  void grow() {
    HugeArray<Slot> old = std::move(slots_);
    slots_ = HugeArray<Slot>(old.empty() ? 64 : old.size() * 2);
    mask_ = slots_.size() - 1;
    for (const Slot& s : old)
      if (s.edge_plus_one) place(s);
  }

  HugeArray<Slot> slots_;  // zero = empty
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace textgraph
