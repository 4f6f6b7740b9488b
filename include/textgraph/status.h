// textgraph/status.h — how every library call reports failure.
//
// Usage:
//   textgraph::Result<textgraph::KnowledgeGraph> graph = textgraph::load_graph("g.json");
//   if (!graph.ok()) {
//     std::cerr << "textgraph: error: " << graph.status().to_string() << "\n";
//     return 1;
//   }
//   use(*graph);
//
// Calls at the library edge return Status (no value) or Result<T> (a value or
// a Status). Both are [[nodiscard]]: ignoring an error is a compile warning.
// No exception crosses the library edge; inside the library, code throws
// textgraph::Error (lib/core/error.h) and the edge converts it.
//
// A Status names what went wrong (ErrorCode, for programs), says it in words
// (message, for people), and where (Location: file, 1-based line and column,
// or a byte offset) when the problem is in some input.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace textgraph {

// What kind of failure; the CLI maps these to exit statuses (see tools/).
enum class ErrorCode {
  kOk = 0,
  kInvalidInput,  // the input is malformed (bad UTF-8, bad JSON, wrong columns, ...)
  kIo,            // a file could not be opened, read, written or renamed
  kUsage,         // the caller asked for something that makes no sense (bad option value)
  kModel,         // a model file is missing, truncated, corrupt or of a newer version
  kUnsupported,   // a valid request this build cannot serve (unknown format, ...)
  kInternal,      // a bug: an invariant of textgraph itself did not hold
};

// Where in an input a problem lies. Every field is optional: 0 / empty means
// unknown. Lines and columns are 1-based; columns count bytes.
struct Location {
  std::string file;        // path as the user gave it, "-" or "<stdin>" for standard input
  std::size_t line = 0;    // 1-based line, 0 = unknown
  std::size_t column = 0;  // 1-based byte column within the line, 0 = unknown
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // success

  static Status error(ErrorCode code, std::string message, Location where = {}) {
    Status s;
    s.code_ = code;
    s.message_ = std::move(message);
    s.where_ = std::move(where);
    return s;
  }

  bool ok() const noexcept { return code_ == ErrorCode::kOk; }
  ErrorCode code() const noexcept { return code_; }
  const std::string& message() const noexcept { return message_; }
  const Location& where() const noexcept { return where_; }

  // "FILE:LINE:COL: message", leaving out the parts that are unknown.
  std::string to_string() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  Location where_;
};

// A value of type T, or the Status saying why there is none.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit on purpose
  Result(Status error) : v_(std::move(error)) {  // NOLINT: implicit on purpose
    if (std::get<Status>(v_).ok())
      v_ = Status::error(ErrorCode::kInternal, "Result built from an ok Status");
  }

  bool ok() const noexcept { return std::holds_alternative<T>(v_); }
  // The error; an ok Status when there is a value.
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

  // Precondition for the accessors: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace textgraph
