#include "formats/json.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "core/error.h"
#include "core/utf8.h"

namespace textgraph::json {

namespace {

constexpr char kHex[] = "0123456789abcdef";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

void append_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // start of the pending run of bytes that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void append_double(std::string& out, double v) {
  char buf[32];
  // std::to_chars without a precision gives the shortest round-trip form,
  // which is also deterministic across runs and machines.
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) fail(ErrorCode::kInternal, "cannot format number");
  out.append(buf, end);
}

void append_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  out.append(buf, end);
}

const char* type_name(Type t) {
  switch (t) {
    case Type::kObject:
      return "an object";
    case Type::kArray:
      return "an array";
    case Type::kString:
      return "a string";
    case Type::kNumber:
      return "a number";
    case Type::kBool:
      return "true or false";
    case Type::kNull:
      return "null";
  }
  return "a value";
}

Parser::Parser(std::string_view text, std::string name, std::size_t first_line,
               std::size_t first_column)
    : text_(text),
      name_(std::move(name)),
      first_line_(first_line),
      first_column_(first_column),
      scan_line_(first_line) {}

Location Parser::location(std::size_t offset) const {
  if (offset > text_.size()) offset = text_.size();
  // Readers ask for locations in increasing order (one per record), so the
  // count resumes where the last one stopped instead of starting over.
  // A step back (to the start of the record being read) walks back too.
  for (; scan_at_ > offset; --scan_at_)
    if (text_[scan_at_ - 1] == '\n') --scan_line_;
  if (scan_at_ < scan_line_start_) {
    const std::size_t nl = text_.rfind('\n', scan_at_ ? scan_at_ - 1 : 0);
    scan_line_start_ = (nl == std::string_view::npos || nl >= scan_at_) ? 0 : nl + 1;
  }
  for (; scan_at_ < offset; ++scan_at_)
    if (text_[scan_at_] == '\n') {
      ++scan_line_;
      scan_line_start_ = scan_at_ + 1;
    }
  const std::size_t column =
      (scan_line_ == first_line_ ? first_column_ : 1) + (offset - scan_line_start_);
  return {name_, scan_line_, column};
}

void Parser::fail_at(std::size_t offset, const std::string& message) const {
  fail_input(message, location(offset));
}

void Parser::skip_space() {
  while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
}

bool Parser::at_end() {
  skip_space();
  return pos_ >= text_.size();
}

void Parser::expect_end() {
  if (!at_end()) fail_at(pos_, "unexpected text after the JSON value");
}

Type Parser::peek() {
  skip_space();
  value_pos_ = pos_;
  if (pos_ >= text_.size()) fail_at(pos_, "unexpected end of JSON input");
  const char c = text_[pos_];
  switch (c) {
    case '{':
      return Type::kObject;
    case '[':
      return Type::kArray;
    case '"':
      return Type::kString;
    case 't':
    case 'f':
      return Type::kBool;
    case 'n':
      return Type::kNull;
    default:
      if (c == '-' || (c >= '0' && c <= '9')) return Type::kNumber;
  }
  if (c == '}' || c == ']' || c == ',' || c == ':')
    fail_at(pos_, std::string("expected a JSON value, found '") + c + "'");
  fail_at(pos_, "expected a JSON value");
}

void Parser::expect_type(Type want) {
  const Type got = peek();
  if (got != want)
    fail_at(pos_, std::string("expected ") + type_name(want) + ", found " + type_name(got));
}

void Parser::begin_object() {
  expect_type(Type::kObject);
  if (first_.size() >= kMaxDepth) fail_at(pos_, "JSON nested too deeply");
  ++pos_;
  first_.push_back(true);
}

void Parser::begin_array() {
  expect_type(Type::kArray);
  if (first_.size() >= kMaxDepth) fail_at(pos_, "JSON nested too deeply");
  ++pos_;
  first_.push_back(true);
}

bool Parser::next_member(std::string& key) {
  skip_space();
  if (pos_ >= text_.size()) fail_at(pos_, "unexpected end of JSON input inside an object");
  if (text_[pos_] == '}') {
    ++pos_;
    first_.pop_back();
    return false;
  }
  if (!first_.back()) {
    if (text_[pos_] != ',') fail_at(pos_, "expected ',' or '}' in object");
    ++pos_;
    skip_space();
  }
  first_.back() = false;
  if (pos_ >= text_.size() || text_[pos_] != '"')
    fail_at(pos_, "expected a member name in double quotes");
  value_pos_ = pos_;
  key.clear();
  read_string_into(&key);
  skip_space();
  if (pos_ >= text_.size() || text_[pos_] != ':') fail_at(pos_, "expected ':' after member name");
  ++pos_;
  return true;
}

bool Parser::next_element() {
  skip_space();
  if (pos_ >= text_.size()) fail_at(pos_, "unexpected end of JSON input inside an array");
  if (text_[pos_] == ']') {
    ++pos_;
    first_.pop_back();
    return false;
  }
  if (!first_.back()) {
    if (text_[pos_] != ',') fail_at(pos_, "expected ',' or ']' in array");
    ++pos_;
  }
  first_.back() = false;
  return true;
}

std::string Parser::get_string() {
  std::string s;
  get_string(s);
  return s;
}

void Parser::get_string(std::string& out) {
  expect_type(Type::kString);
  out.clear();
  read_string_into(&out);
}

std::uint32_t Parser::read_hex4() {
  if (pos_ + 4 > text_.size()) fail_at(pos_, "truncated \\u escape");
  std::uint32_t v = 0;
  for (int k = 0; k < 4; ++k) {
    const char c = text_[pos_ + k];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= static_cast<std::uint32_t>(c - 'A' + 10);
    else
      fail_at(pos_ + k, "bad hex digit in \\u escape");
  }
  pos_ += 4;
  return v;
}

// out == nullptr: the string is checked and skipped, not kept.
void Parser::read_string_into(std::string* out) {
  ++pos_;  // opening quote
  const std::size_t n = text_.size();
  while (true) {
    // Copy the longest run of plain bytes at once; most strings are one run.
    // Eight bytes at a time while they are printable ASCII other than '"'
    // and '\\' (most names and keys), which need no UTF-8 check.
    std::size_t run = pos_;
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    while (run + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, text_.data() + run, 8);
      const std::uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
      // A high bit of `stop` is set for a byte >= 0x80, < 0x20, '"' or '\\'
      // (and perhaps for bytes after one of those): the byte loop takes over.
      const std::uint64_t stop = (w | (w - kOnes * 0x20) | ((quote - kOnes) & ~quote) |
                                  ((backslash - kOnes) & ~backslash)) &
                                 kHigh;
      if (stop) break;
      run += 8;
    }
    bool ascii = true;
    while (run < n) {
      const unsigned char c = static_cast<unsigned char>(text_[run]);
      if (c == '"' || c == '\\' || c < 0x20) break;
      ascii &= c < 0x80;
      ++run;
    }
    if (run > pos_) {
      const std::string_view piece = text_.substr(pos_, run - pos_);
      const std::size_t bad = ascii ? std::string_view::npos : utf8::find_invalid(piece);
      if (bad != std::string_view::npos) fail_at(pos_ + bad, "invalid UTF-8 in JSON string");
      if (out) out->append(piece);
      pos_ = run;
    }
    if (pos_ >= n) fail_at(pos_, "unterminated JSON string");
    const char c = text_[pos_];
    if (c == '"') {
      ++pos_;
      return;
    }
    if (c != '\\') fail_at(pos_, "raw control character in JSON string (use an escape)");
    if (pos_ + 1 >= n) fail_at(pos_, "unterminated JSON string");
    const char e = text_[pos_ + 1];
    const std::size_t escape_at = pos_;
    pos_ += 2;
    std::string ignored;
    std::string& to = out ? *out : ignored;
    switch (e) {
      case '"':
        to += '"';
        break;
      case '\\':
        to += '\\';
        break;
      case '/':
        to += '/';
        break;
      case 'b':
        to += '\b';
        break;
      case 'f':
        to += '\f';
        break;
      case 'n':
        to += '\n';
        break;
      case 'r':
        to += '\r';
        break;
      case 't':
        to += '\t';
        break;
      case 'u': {
        std::uint32_t cp = read_hex4();
        if (cp >= 0xDC00 && cp <= 0xDFFF) fail_at(escape_at, "lone low surrogate in \\u escape");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (pos_ + 2 > n || text_[pos_] != '\\' || text_[pos_ + 1] != 'u')
            fail_at(escape_at, "high surrogate \\u escape not followed by a low surrogate");
          pos_ += 2;
          const std::uint32_t lo = read_hex4();
          if (lo < 0xDC00 || lo > 0xDFFF)
            fail_at(escape_at, "high surrogate \\u escape not followed by a low surrogate");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        utf8::append(to, cp);
        break;
      }
      default:
        fail_at(escape_at, std::string("unknown escape '\\") + e + "' in JSON string");
    }
  }
}

std::string_view Parser::scan_number() {
  expect_type(Type::kNumber);
  const std::size_t start = pos_;
  const std::size_t n = text_.size();
  auto digit = [&](std::size_t i) { return i < n && text_[i] >= '0' && text_[i] <= '9'; };
  if (text_[pos_] == '-') ++pos_;
  if (!digit(pos_)) fail_at(pos_, "malformed number");
  if (text_[pos_] == '0') {
    ++pos_;
    if (digit(pos_)) fail_at(pos_, "leading zero in number");
  } else {
    while (digit(pos_)) ++pos_;
  }
  if (pos_ < n && text_[pos_] == '.') {
    ++pos_;
    if (!digit(pos_)) fail_at(pos_, "malformed number: digit expected after '.'");
    while (digit(pos_)) ++pos_;
  }
  if (pos_ < n && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    ++pos_;
    if (pos_ < n && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (!digit(pos_)) fail_at(pos_, "malformed number: digit expected in exponent");
    while (digit(pos_)) ++pos_;
  }
  return text_.substr(start, pos_ - start);
}

double Parser::get_double() {
  const std::string_view s = scan_number();
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v))
    fail_at(value_pos_, "number out of range");
  return v;
}

std::uint64_t Parser::get_uint() {
  const std::string_view s = scan_number();
  std::uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size())
    fail_at(value_pos_, "expected a non-negative integer, found " + std::string(s));
  return v;
}

bool Parser::get_bool() {
  expect_type(Type::kBool);
  if (text_.substr(pos_, 4) == "true") {
    pos_ += 4;
    return true;
  }
  if (text_.substr(pos_, 5) == "false") {
    pos_ += 5;
    return false;
  }
  fail_at(pos_, "expected true or false");
}

void Parser::get_null() {
  expect_type(Type::kNull);
  if (text_.substr(pos_, 4) != "null") fail_at(pos_, "expected null");
  pos_ += 4;
}

void Parser::skip() {
  // begin_object/begin_array refuse nesting beyond kMaxDepth, which bounds
  // this recursion too. Strings are checked as get_string would, not copied.
  std::string key;
  switch (peek()) {
    case Type::kObject:
      begin_object();
      while (next_member(key)) skip();
      break;
    case Type::kArray:
      begin_array();
      while (next_element()) skip();
      break;
    case Type::kString:
      read_string_into(nullptr);
      break;
    case Type::kNumber:
      scan_number();
      break;
    case Type::kBool:
      get_bool();
      break;
    case Type::kNull:
      get_null();
      break;
  }
}

}  // namespace textgraph::json
