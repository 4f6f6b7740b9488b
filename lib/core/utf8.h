// Internal: UTF-8 checking, repair and decoding shared by every reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace textgraph::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;
inline constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// Length in bytes of the well-formed sequence starting at s[i], or 0 if the
// bytes there are not well-formed UTF-8 (overlongs, surrogates and code points
// above U+10FFFF count as malformed, as in the Unicode standard).
std::size_t sequence_length(std::string_view s, std::size_t i) noexcept;

// Offset of the first malformed byte, or std::string_view::npos if s is valid.
std::size_t find_invalid(std::string_view s) noexcept;

inline bool is_valid(std::string_view s) noexcept {
  return find_invalid(s) == std::string_view::npos;
}

// Length of the maximal subpart of the ill-formed sequence at s[i] (the
// longest prefix that could still begin a well-formed sequence; at least 1):
// the bytes repair() replaces by one U+FFFD. Precondition: i < s.size() and
// sequence_length(s, i) == 0.
std::size_t maximal_subpart(std::string_view s, std::size_t i) noexcept;

// Replaces each maximal malformed subpart with U+FFFD (the W3C/Unicode
// "substitution of maximal subparts" practice); returns how many were replaced.
std::size_t repair(std::string& s);

// Decodes the code point at s[i] and advances i. Malformed bytes decode as
// U+FFFD and advance by one byte. Precondition: i < s.size().
char32_t decode(std::string_view s, std::size_t& i) noexcept;

// Appends the UTF-8 encoding of cp (U+FFFD for invalid code points).
void append(std::string& out, char32_t cp);

}  // namespace textgraph::utf8
