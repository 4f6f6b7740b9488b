// Internal: a small strict JSON reader (pull style) and the writing helpers
// every JSON output of textgraph uses.
//
// Why not RapidJSON's DOM: graph files reach hundreds of megabytes and a DOM
// costs several times the file in memory; a pull reader fills our structs
// straight from the text, and reports errors as FILE:LINE:COL.
//
// Parser is strict RFC 8259: no comments, no trailing commas, no NaN; strings
// must be valid UTF-8 with no raw control characters; \u escapes must not
// leave a lone surrogate. Nesting deeper than kMaxDepth is refused (so hostile
// input cannot exhaust the stack). Every error throws textgraph::Error
// (kInvalidInput) located at the offending byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "textgraph/status.h"

namespace textgraph::json {

inline constexpr std::size_t kMaxDepth = 256;

// Appends s as a JSON string literal, quotes included. Non-ASCII UTF-8 is
// written as is; control characters, '"' and '\\' are escaped.
void append_string(std::string& out, std::string_view s);
// Appends the shortest decimal that reads back as exactly v (finite v only).
void append_double(std::string& out, double v);
void append_uint(std::string& out, std::uint64_t v);

enum class Type { kObject, kArray, kString, kNumber, kBool, kNull };
const char* type_name(Type t);

class Parser {
 public:
  // text must outlive the parser. name, first_line and first_column say
  // where text[0] sits in the user's file, for messages.
  Parser(std::string_view text, std::string name, std::size_t first_line = 1,
         std::size_t first_column = 1);

  // Type of the next value (skips whitespace); fails at end of input or on a
  // byte that cannot start a value.
  Type peek();

  // Objects: begin_object(); while (next_member(key)) { read the value }.
  void begin_object();
  bool next_member(std::string& key);
  // Arrays: begin_array(); while (next_element()) { read the value }.
  void begin_array();
  bool next_element();

  std::string get_string();
  void get_string(std::string& out);
  double get_double();
  std::uint64_t get_uint();  // a non-negative integer without fraction or exponent
  bool get_bool();
  void get_null();
  void skip();  // any value

  // Whitespace only until the end.
  void expect_end();
  bool at_end();

  // Offset of the value last started (peek/get/begin), for semantic errors
  // such as "confidence must be in [0, 1]".
  std::size_t value_offset() const { return value_pos_; }
  std::size_t offset() const { return pos_; }
  Location location(std::size_t offset) const;
  [[noreturn]] void fail_at(std::size_t offset, const std::string& message) const;
  // At the value last started.
  [[noreturn]] void fail_value(const std::string& message) const { fail_at(value_pos_, message); }

  // A position to come back to, to read a value again: reset() returns to
  // it from anywhere inside the container that was open at mark(), also
  // after an error thrown there.
  struct Mark {
    std::size_t pos, value_pos, depth;
  };
  Mark mark() const { return {pos_, value_pos_, first_.size()}; }
  void reset(const Mark& m) {
    pos_ = m.pos;
    value_pos_ = m.value_pos;
    first_.resize(m.depth);
  }

 private:
  void skip_space();
  void expect_type(Type want);
  void read_string_into(std::string* out);  // nullptr: check and skip only
  std::uint32_t read_hex4();
  std::string_view scan_number();

  std::string_view text_;
  std::string name_;
  std::size_t first_line_;
  std::size_t first_column_;
  std::size_t pos_ = 0;
  std::size_t value_pos_ = 0;
  std::vector<bool> first_;  // per open container: no member/element read yet
  mutable std::size_t scan_at_ = 0, scan_line_ = 1, scan_line_start_ = 0;  // location() cache
};

}  // namespace textgraph::json
