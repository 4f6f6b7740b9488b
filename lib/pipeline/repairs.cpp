#include "pipeline/repairs.h"

#include <algorithm>

#include "core/utf8.h"
#include "textgraph/pipeline.h"

namespace textgraph {
namespace pipeline {

std::vector<std::pair<std::size_t, std::size_t>> repair_points(std::string_view raw) {
  std::vector<std::pair<std::size_t, std::size_t>> points;
  std::size_t i = 0;  // in raw
  std::size_t j = 0;  // in the repaired text
  while (i < raw.size()) {
    const std::size_t bad = utf8::find_invalid(raw.substr(i));
    if (bad == std::string_view::npos) break;
    i += bad;
    j += bad;
    // Same walk as utf8::repair(): one replacement per maximal subpart.
    i += utf8::maximal_subpart(raw, i);
    j += utf8::kReplacementUtf8.size();
    points.emplace_back(j, i);
  }
  return points;
}

}  // namespace pipeline

std::size_t Chunk::source_offset(std::size_t text_offset) const {
  if (repairs.empty() || text_offset < repairs.front().first) return offset + text_offset;
  // The last replacement ending at or before text_offset: the bytes after
  // it are copied unchanged.
  auto it = std::upper_bound(repairs.begin(), repairs.end(), text_offset,
                             [](std::size_t v, const auto& p) { return v < p.first; });
  --it;
  return offset + it->second + (text_offset - it->first);
}

}  // namespace textgraph
