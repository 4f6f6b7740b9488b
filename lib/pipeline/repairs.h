// Internal: where UTF-8 repair moved the bytes of a text, so that offsets
// into the repaired text can be turned back into offsets into the input.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace textgraph::pipeline {

// For each U+FFFD that utf8::repair() puts into `raw`: (offset just after
// it in the repaired text, offset just after the bytes it replaced in raw),
// in order. Empty when raw is valid UTF-8.
std::vector<std::pair<std::size_t, std::size_t>> repair_points(std::string_view raw);

}  // namespace textgraph::pipeline
