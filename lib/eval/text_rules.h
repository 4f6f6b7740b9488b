// Internal: the two character rules of the shared task's evaluation that
// depend on Unicode data: which characters are dropped from forms before the
// texts are compared, and how forms are lowercased for the word alignment.
#pragma once

#include <string>
#include <string_view>

namespace textgraph::eval {

// True for the characters of Unicode category Zs (space separators: U+0020,
// U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F, U+3000).
bool is_space_separator(char32_t cp) noexcept;

// `form` without its Zs characters. Precondition: valid UTF-8.
std::string strip_space_separators(std::string_view form);

// `form` lowercased as Python's str.lower() does it (Unicode 14 data), except
// that a capital sigma always becomes U+03C3 (Python picks U+03C2 at the end
// of a word). Precondition: valid UTF-8.
std::string lowercase(std::string_view form);

}  // namespace textgraph::eval
