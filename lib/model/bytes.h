// Internal: little-endian serialization for model sections.
//
// ByteWriter appends fixed-width integers, floats, strings and vectors to a
// std::string; ByteReader reads them back and throws Error(kModel) naming the
// model and section when the bytes run out, so a truncated or corrupt
// section can never be read past its end.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/error.h"

namespace textgraph {

class ByteWriter {
 public:
  template <class T>
  void put(T value) {
    static_assert(std::is_arithmetic_v<T>);
    char buf[sizeof(T)];
    std::memcpy(buf, &value, sizeof(T));  // the project targets little-endian hosts only
    out_.append(buf, sizeof(T));
  }
  void put_string(std::string_view s) {
    put<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  template <class T>
  void put_vector(const std::vector<T>& v) {
    static_assert(std::is_arithmetic_v<T>);
    put<std::uint64_t>(v.size());
    if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void put_strings(const std::vector<std::string>& v) {
    put<std::uint32_t>(static_cast<std::uint32_t>(v.size()));
    for (const auto& s : v) put_string(s);
  }
  std::string& bytes() { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  // `what` names the data in errors, e.g. "tagger.tgm: section weights".
  ByteReader(std::string_view data, std::string what) : data_(data), what_(std::move(what)) {}

  template <class T>
  T get() {
    static_assert(std::is_arithmetic_v<T>);
    need(sizeof(T));
    T value;
    std::memcpy(&value, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return value;
  }
  std::string get_string() {
    const auto n = get<std::uint32_t>();
    need(n);
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  template <class T>
  std::vector<T> get_vector() {
    static_assert(std::is_arithmetic_v<T>);
    const auto n = get<std::uint64_t>();
    if (n > (data_.size() - pos_) / sizeof(T)) truncated();
    std::vector<T> v(n);
    if (n)
      std::memcpy(v.data(), data_.data() + pos_, n * sizeof(T));  // data() may be null when empty
    pos_ += n * sizeof(T);
    return v;
  }
  std::vector<std::string> get_strings() {
    const auto n = get<std::uint32_t>();
    if (n > data_.size() - pos_) truncated();  // each string takes at least 4 bytes
    std::vector<std::string> v;
    v.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) v.push_back(get_string());
    return v;
  }
  // The next n raw bytes.
  std::string_view get_bytes(std::size_t n) {
    need(n);
    std::string_view v = data_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  bool at_end() const { return pos_ == data_.size(); }
  std::size_t position() const { return pos_; }
  // Call after the last read: trailing bytes mean the layout does not match.
  void expect_end() const {
    if (!at_end()) fail(ErrorCode::kModel, what_ + ": unexpected trailing bytes (corrupt model)");
  }

 private:
  void need(std::size_t n) const {
    if (n > data_.size() - pos_) truncated();
  }
  [[noreturn]] void truncated() const {
    fail(ErrorCode::kModel, what_ + ": truncated at byte " + std::to_string(pos_));
  }

  std::string_view data_;
  std::size_t pos_ = 0;
  std::string what_;
};

}  // namespace textgraph
