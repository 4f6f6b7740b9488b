#include "tokenizer/chars.h"

#include "core/utf8.h"

namespace textgraph::tokenizer {

bool is_space_slow(char32_t c) noexcept {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool is_line_break(char32_t c) noexcept {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

bool is_letter_slow(char32_t c) noexcept {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c < 0x2000) return !is_space(c);
  // Punctuation, currency, letterlike and number forms, arrows, mathematical
  // and technical symbols, box drawing, shapes, dingbats, and the CJK,
  // fullwidth and emoji punctuation/symbol blocks. U+FFFD stays a letter so
  // that a word with one broken byte is still one word.
  if (c <= 0x206F) return false;
  if (c >= 0x20A0 && c <= 0x2BFF) return false;
  if (c >= 0x2E00 && c <= 0x2E7F) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE10 && c <= 0xFE1F) return false;
  if (c >= 0xFE30 && c <= 0xFE6F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c >= 0xFF3B && c <= 0xFF40) return false;
  if (c >= 0xFF5B && c <= 0xFF65) return false;
  if (c >= 0xFFF0 && c <= 0xFFFC) return false;
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;
  return true;
}

bool is_upper(char32_t c) noexcept {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c >= 0x178 && c <= 0x17E) return c == 0x178 || c % 2 == 1;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

bool is_lower(char32_t c) noexcept {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return !is_upper(c);
  if (c >= 0x3B1 && c <= 0x3C9) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  return false;
}

bool is_apostrophe(char32_t c) noexcept {
  return c == '\'' || c == 0x2019 || c == '`' || c == 0x02BC;
}

bool is_quote(char32_t c) noexcept {
  return c == '"' || is_apostrophe(c) || (c >= 0x2018 && c <= 0x201F) || c == 0xAB || c == 0xBB ||
         c == 0x2039 || c == 0x203A || c == 0x300C || c == 0x300D;
}

bool is_opening_bracket(char32_t c) noexcept {
  return c == '(' || c == '[' || c == '{' || c == '<' || c == 0x2329 || c == 0x27E8 ||
         c == 0x3008 || c == 0x300A || c == 0x3010 || c == 0xFF08 || c == 0xFF3B;
}

bool is_closing_bracket(char32_t c) noexcept {
  return c == ')' || c == ']' || c == '}' || c == '>' || c == 0x232A || c == 0x27E9 ||
         c == 0x3009 || c == 0x300B || c == 0x3011 || c == 0xFF09 || c == 0xFF3D;
}

bool is_final_punct(char32_t c) noexcept {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C || c == 0x2047 ||
         c == 0x2048 || c == 0x2049 || c == 0x3002 || c == 0xFF01 || c == 0xFF0E || c == 0xFF1F;
}

bool is_dash(char32_t c) noexcept {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 ||
         c == 0xFF0D;
}

char32_t peek_slow(std::string_view s, std::size_t i, std::size_t& length) noexcept {
  std::size_t j = i;
  const char32_t c = utf8::decode(s, j);
  length = j - i;
  return c;
}

std::size_t previous(std::string_view s, std::size_t i) noexcept {
  std::size_t j = i - 1;
  // Step back over at most three continuation bytes; the text is repaired
  // UTF-8, so a lead byte is always near.
  for (int k = 0; k < 3 && j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80; ++k) --j;
  return j;
}

}  // namespace textgraph::tokenizer
