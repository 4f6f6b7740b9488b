// Internal: a buffered output for the exporters. Writers append to buf() and
// call maybe_flush(); large exports stream out in 64 KiB pieces instead of
// being built in memory.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "core/error.h"

namespace textgraph {

class Sink {
 public:
  explicit Sink(std::ostream& out) : out_(out) { buf_.reserve(kChunk * 2); }
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

  std::string& buf() { return buf_; }
  void maybe_flush() {
    if (buf_.size() >= kChunk) flush();
  }
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    written_ += buf_.size();
    buf_.clear();
    if (!out_) fail(ErrorCode::kIo, "write failed (disk full or closed pipe?)");
  }
  std::uint64_t bytes() const { return written_ + buf_.size(); }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  std::ostream& out_;
  std::string buf_;
  std::uint64_t written_ = 0;
};

}  // namespace textgraph
