#include "formats/text_check.h"

#include <cstdio>

#include "core/utf8.h"

namespace textgraph {

std::size_t find_disallowed(std::string_view s) noexcept {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    if (c < 0x20) {
      if (c == '\t' || c == '\n' || c == '\r') {
        ++i;
        continue;
      }
      return i;
    }
    const std::size_t len = utf8::sequence_length(s, i);
    if (len == 0) return i;
    // U+FFFE and U+FFFF are EF BF BE / EF BF BF.
    if (len == 3 && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        static_cast<unsigned char>(s[i + 2]) >= 0xBE)
      return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string describe_disallowed(std::string_view s, std::size_t offset) {
  if (offset >= s.size()) return "bad text";
  const unsigned char c = static_cast<unsigned char>(s[offset]);
  char buf[48];
  if (c == 0) return "NUL byte (binary data?)";
  if (c < 0x20) {
    std::snprintf(buf, sizeof buf, "control character U+%04X", c);
    return buf;
  }
  if (utf8::sequence_length(s, offset) == 0) {
    std::snprintf(buf, sizeof buf, "invalid UTF-8 (byte 0x%02X)", c);
    return buf;
  }
  return "non-character U+FFFE/U+FFFF";
}

}  // namespace textgraph
