// Internal: a fixed-size, zero-filled array of plain values whose memory,
// when it spans huge pages, is marked for transparent huge pages.
//
// Why: the hash tables of a large graph (the string index, the edge index)
// are read at random places, once per name or edge added. At a million
// edges they span tens of MB, thousands of 4 KiB pages, so most lookups
// also miss the TLB, and on a virtual machine a page walk costs several
// memory reads of its own; software prefetches of those slots help less
// when the translation is missing too. With 2 MiB pages the whole table is
// a handful of TLB entries (bench/README.md, "Small edge records"). Where
// the system has no huge pages the hint is ignored and nothing changes.
//
// T must be trivially copyable; all-zero bytes must be a valid empty T.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>

namespace textgraph {

// Memory for `bytes`, zero-filled; marked for huge pages when it spans at
// least one. Release with std::free.
inline void* allocate_zeroed_huge(std::size_t bytes) {
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  if (bytes < kHuge) {
    void* p = std::calloc(1, bytes ? bytes : 1);
    if (!p) throw std::bad_alloc();
    return p;
  }
  const std::size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
  void* p = std::aligned_alloc(kHuge, rounded);
  if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(p, rounded, MADV_HUGEPAGE);  // a hint; failure is harmless
#endif
  std::memset(p, 0, bytes);
  return p;
}

template <class T>
class HugeArray {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  HugeArray() = default;
  explicit HugeArray(std::size_t n)
      : data_(static_cast<T*>(allocate_zeroed_huge(n * sizeof(T)))), size_(n) {}
  HugeArray(const HugeArray& other) : HugeArray(other.size_) {
    if (size_) std::memcpy(static_cast<void*>(data_.get()), other.data_.get(), size_ * sizeof(T));
  }
  HugeArray& operator=(const HugeArray& other) {
    if (this != &other) *this = HugeArray(other);
    return *this;
  }
  HugeArray(HugeArray&&) noexcept = default;
  HugeArray& operator=(HugeArray&&) noexcept = default;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](std::size_t i) { return data_.get()[i]; }
  const T& operator[](std::size_t i) const { return data_.get()[i]; }
  const T* begin() const { return data_.get(); }
  const T* end() const { return data_.get() + size_; }

 private:
  struct Free {
    void operator()(T* p) const { std::free(p); }
  };
  std::unique_ptr<T, Free> data_;
  std::size_t size_ = 0;
};

}  // namespace textgraph
