// Internal: the character classes the tokenizer needs, for code points.
// No Unicode database: ASCII and Latin-1 exactly, the punctuation, symbol and
// space blocks by range, and every other code point counts as a letter (the
// tokenizer only has to keep scripts it does not know together as words).
#pragma once

#include <cstddef>
#include <string_view>

namespace textgraph::tokenizer {

// Whitespace between tokens: ASCII spaces and controls, NBSP, the U+2000
// spaces, line/paragraph separators, ideographic space and the BOM / zero
// width no-break space.
bool is_space_slow(char32_t c) noexcept;
inline bool is_space(char32_t c) noexcept {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return is_space_slow(c);
}
// A line break for sentence splitting (LF, VT, FF, NEL, U+2028, U+2029; a CR
// counts unless it is followed by LF, see the scanner).
bool is_line_break(char32_t c) noexcept;
inline bool is_digit(char32_t c) noexcept { return c >= '0' && c <= '9'; }  // ASCII only
// Letters, combining marks and anything outside the punctuation/symbol blocks.
bool is_letter_slow(char32_t c) noexcept;
inline bool is_letter(char32_t c) noexcept {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return is_letter_slow(c);
}
inline bool is_alnum(char32_t c) noexcept { return is_digit(c) || is_letter(c); }
bool is_upper(char32_t c) noexcept;  // Latin, Greek and Cyrillic capitals
bool is_lower(char32_t c) noexcept;  // Latin, Greek and Cyrillic small letters

// ' ’ ` and the modifier letter apostrophe: inside words they are apostrophes.
bool is_apostrophe(char32_t c) noexcept;
// Quotation marks of every kind, including the apostrophes above.
bool is_quote(char32_t c) noexcept;
bool is_opening_bracket(char32_t c) noexcept;  // ( [ { < and their Unicode kin
bool is_closing_bracket(char32_t c) noexcept;  // ) ] } >
// . ! ? … and their fullwidth/CJK forms: the marks that can end a sentence.
bool is_final_punct(char32_t c) noexcept;
bool is_dash(char32_t c) noexcept;  // - and the Unicode dashes and minus

// The code point at s[i] and its length in bytes (1 for malformed bytes,
// which decode as U+FFFD). Precondition: i < s.size().
char32_t peek_slow(std::string_view s, std::size_t i, std::size_t& length) noexcept;
inline char32_t peek(std::string_view s, std::size_t i, std::size_t& length) noexcept {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    length = 1;
    return b;
  }
  return peek_slow(s, i, length);
}
// The code point at s[i], or 0 when i is at or past the end.
inline char32_t at(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return 0;
  std::size_t length;
  return peek(s, i, length);
}
// The start of the code point that ends just before s[i] (i > 0).
std::size_t previous(std::string_view s, std::size_t i) noexcept;

// ASCII lower-casing, enough for lexicon look-ups of English words.
inline char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

}  // namespace textgraph::tokenizer
