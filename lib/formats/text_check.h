// Internal: the text every field of a triple or graph may hold.
//
// Allowed: valid UTF-8 without NUL, without C0 control characters other than
// tab, newline and carriage return, and without the non-characters U+FFFE and
// U+FFFF. That is exactly what XML 1.0 can carry, so every export format can
// hold every label byte for byte.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace textgraph {

// Offset of the first byte that is not allowed, or npos.
std::size_t find_disallowed(std::string_view s) noexcept;

// Words for the problem at s[offset] ("invalid UTF-8", "control character
// U+0001", ...), for messages.
std::string describe_disallowed(std::string_view s, std::size_t offset);

}  // namespace textgraph
