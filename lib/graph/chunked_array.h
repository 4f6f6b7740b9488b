// Internal: an append-only array of plain records in fixed chunks of about
// 4 MiB that never move.
//
// Why not std::vector for the edge records: at a million edges the vector
// is 150 MB, and each time it grows it copies everything into freshly
// mapped memory, so every byte is written two or three times and every page
// faulted in twice; on the shared VM page faults and clearing new pages
// were a fifth of building or loading a large graph (bench/README.md). Here
// each record is written once, in place. Chunks after the first are marked
// for transparent huge pages where the system offers them (one fault per
// 2 MiB instead of per 4 KiB); the first chunk is not, so a small graph
// keeps a small footprint (untouched pages of a chunk cost nothing).
//
// T must be trivially copyable and destructible (records of ids and numbers).
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

namespace textgraph {

template <class T>
class ChunkedArray {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  static constexpr std::size_t kAlign = std::size_t{2} << 20;  // a huge page
  static constexpr std::size_t kChunkBytes = std::size_t{4} << 20;
  static constexpr std::size_t kPerChunk = kChunkBytes / sizeof(T);

  ChunkedArray() = default;
  ChunkedArray(const ChunkedArray& other) { *this = other; }
  ChunkedArray& operator=(const ChunkedArray& other) {
    if (this == &other) return *this;
    chunks_.clear();
    size_ = 0;
    for (std::size_t c = 0; c < other.chunks_.size(); ++c) {
      add_chunk();
      const std::size_t n = std::min(kPerChunk, other.size_ - c * kPerChunk);
      std::memcpy(static_cast<void*>(chunks_.back().get()), other.chunks_[c].get(), n * sizeof(T));
    }
    size_ = other.size_;
    return *this;
  }
  ChunkedArray(ChunkedArray&&) noexcept = default;
  ChunkedArray& operator=(ChunkedArray&&) noexcept = default;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](std::size_t i) { return chunks_[i / kPerChunk].get()[i % kPerChunk]; }
  const T& operator[](std::size_t i) const { return chunks_[i / kPerChunk].get()[i % kPerChunk]; }
  T& back() { return (*this)[size_ - 1]; }

  // Appends a value-initialised T (default member initialisers apply).
  T& emplace_back() {
    if (size_ == chunks_.size() * kPerChunk) add_chunk();
    T* at = chunks_.back().get() + size_ % kPerChunk;
    ++size_;
    return *::new (static_cast<void*>(at)) T();
  }

 private:
  struct Free {
    void operator()(T* p) const { std::free(p); }
  };

  void add_chunk() {
    void* p = std::aligned_alloc(kAlign, kChunkBytes);
    if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    if (!chunks_.empty()) madvise(p, kChunkBytes, MADV_HUGEPAGE);  // a hint; failure is harmless
#endif
    chunks_.emplace_back(static_cast<T*>(p));
  }

  std::vector<std::unique_ptr<T, Free>> chunks_;
  std::size_t size_ = 0;
};

}  // namespace textgraph
