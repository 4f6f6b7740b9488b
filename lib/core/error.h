// Internal: the exception the library throws inside, and the guard that turns
// it into a Status at the library edge. Never include from include/.
#pragma once

#include <exception>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

#include "textgraph/status.h"

namespace textgraph {

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, Location where = {})
      : std::runtime_error(message), code_(code), where_(std::move(where)) {}

  ErrorCode code() const noexcept { return code_; }
  const Location& where() const noexcept { return where_; }
  Status status() const { return Status::error(code_, what(), where_); }

 private:
  ErrorCode code_;
  Location where_;
};

[[noreturn]] inline void fail(ErrorCode code, const std::string& message, Location where = {}) {
  throw Error(code, message, std::move(where));
}

[[noreturn]] inline void fail_input(const std::string& message, Location where = {}) {
  throw Error(ErrorCode::kInvalidInput, message, std::move(where));
}

// Runs f() and converts whatever it throws into a Status.
template <class F>
Status guard(F&& f) {
  try {
    f();
    return Status();
  } catch (const Error& e) {
    return e.status();
  } catch (const std::bad_alloc&) {
    return Status::error(ErrorCode::kInternal, "out of memory");
  } catch (const std::exception& e) {
    return Status::error(ErrorCode::kInternal, e.what());
  }
}

// Runs f() -> T and converts whatever it throws into a Result<T>.
template <class T, class F>
Result<T> guard_result(F&& f) {
  try {
    return Result<T>(f());
  } catch (const Error& e) {
    return e.status();
  } catch (const std::bad_alloc&) {
    return Status::error(ErrorCode::kInternal, "out of memory");
  } catch (const std::exception& e) {
    return Status::error(ErrorCode::kInternal, e.what());
  }
}

}  // namespace textgraph
