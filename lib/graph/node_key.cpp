#include <string>
#include <string_view>

#include "textgraph/graph.h"

namespace textgraph {

std::string node_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
      pending_space = !out.empty();
      if (nbsp) ++i;
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    // Only ASCII letters are folded: bytes of multi-byte UTF-8 sequences are
    // all >= 0x80 and pass through untouched.
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace textgraph
