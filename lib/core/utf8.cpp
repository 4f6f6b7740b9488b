#include "core/utf8.h"

namespace textgraph::utf8 {

std::size_t sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const std::size_t n = s.size();
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  // Second-byte ranges follow Table 3-7 of the Unicode standard, which is
  // what rules out overlongs and surrogates without decoding.
  unsigned char lo = 0x80, hi = 0xBF;
  std::size_t len;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + 1 >= n || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (i + k >= n || (byte(i + k) & 0xC0) != 0x80) return 0;
  return len;
}

std::size_t find_invalid(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    // ASCII fast path: most input is plain ASCII.
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = sequence_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::size_t maximal_subpart(std::string_view s, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  unsigned char lo = 0x80, hi = 0xBF;
  std::size_t len;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  std::size_t k = 1;
  if (i + k < s.size() && byte(i + k) >= lo && byte(i + k) <= hi) {
    ++k;
    while (k < len && i + k < s.size() && (byte(i + k) & 0xC0) == 0x80) ++k;
  }
  return k;
}

std::size_t repair(std::string& s) {
  std::size_t first = find_invalid(s);
  if (first == std::string::npos) return 0;
  std::string out(s, 0, first);
  out.reserve(s.size() + 16);
  std::size_t count = 0;
  std::size_t i = first;
  while (i < s.size()) {
    const std::size_t len = sequence_length(s, i);
    if (len > 0) {
      out.append(s, i, len);
      i += len;
    } else {
      out += kReplacementUtf8;
      ++count;
      i += maximal_subpart(s, i);
    }
  }
  s.swap(out);
  return count;
}

char32_t decode(std::string_view s, std::size_t& i) noexcept {
  const std::size_t len = sequence_length(s, i);
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (len == 0) {
    ++i;
    return kReplacement;
  }
  char32_t cp;
  switch (len) {
    case 1:
      cp = byte(i);
      break;
    case 2:
      cp = ((byte(i) & 0x1F) << 6) | (byte(i + 1) & 0x3F);
      break;
    case 3:
      cp = ((byte(i) & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F);
      break;
    default:
      cp = ((byte(i) & 0x07) << 18) | ((byte(i + 1) & 0x3F) << 12) | ((byte(i + 2) & 0x3F) << 6) |
           (byte(i + 3) & 0x3F);
  }
  i += len;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace textgraph::utf8
