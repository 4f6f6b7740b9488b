// Internal: a list that keeps its first element inside itself and moves to
// the heap from the second on.
//
// Most nodes have one alias and most edges one observation. With a
// std::vector each of those single elements is a heap allocation of its own
// and one more cache miss each time it is read or counted; at a million
// edges those misses are a large part of building and exporting the graph.
// Elements stay contiguous (data() is the inline slot or the heap array), so
// a SmallList reads like a vector: size(), [i], range-for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace textgraph {

template <class T>
class SmallList {
 public:
  SmallList() = default;
  SmallList(const SmallList&) = default;
  SmallList(SmallList&&) noexcept = default;
  SmallList& operator=(const SmallList&) = default;
  SmallList& operator=(SmallList&&) noexcept = default;

  std::size_t size() const { return heap_.empty() ? used_ : heap_.size(); }
  bool empty() const { return size() == 0; }
  const T* data() const { return heap_.empty() ? &first_ : heap_.data(); }
  T* data() { return heap_.empty() ? &first_ : heap_.data(); }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size(); }
  T* begin() { return data(); }
  T* end() { return data() + size(); }
  const T& operator[](std::size_t i) const { return data()[i]; }
  T& operator[](std::size_t i) { return data()[i]; }
  const T& front() const { return data()[0]; }
  T& back() { return data()[size() - 1]; }

  void push_back(T value) {
    if (heap_.empty()) {
      if (!used_) {
        first_ = std::move(value);
        used_ = true;
        return;
      }
      heap_.reserve(2);
      heap_.push_back(std::move(first_));
      first_ = T();
    }
    heap_.push_back(std::move(value));
  }

 private:
  T first_{};            // the only element while heap_ is empty and used_
  bool used_ = false;    // first_ holds an element (meaningful while heap_ is empty)
  std::vector<T> heap_;  // every element, once there are two or more
};

}  // namespace textgraph
