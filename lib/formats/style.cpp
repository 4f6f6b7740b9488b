#include "formats/style.h"

#include <cstdint>
#include <cstdio>

namespace textgraph {

std::string NodeStyle::hex() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  return buf;
}

NodeStyle style_for_type(std::string_view type) {
  if (type.empty()) return {0xe0, 0xe0, 0xe0, "ellipse"};
  if (type == "PERSON" || type == "PER") return {0xa6, 0xce, 0xe3, "ellipse"};
  if (type == "ORG") return {0xfd, 0xbf, 0x6f, "box"};
  if (type == "GPE" || type == "LOC") return {0xb2, 0xdf, 0x8a, "hexagon"};
  if (type == "NORP") return {0xca, 0xb2, 0xd6, "ellipse"};
  if (type == "EVENT") return {0xfb, 0x9a, 0x99, "octagon"};
  // FNV-1a: the same type gets the same colour in every run and format.
  std::uint32_t h = 2166136261u;
  for (char c : type) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  static const NodeStyle palette[] = {
      {0x8d, 0xd3, 0xc7, "ellipse"}, {0xff, 0xff, 0xb3, "ellipse"}, {0xbe, 0xba, 0xda, "ellipse"},
      {0xfc, 0xcd, 0xe5, "ellipse"}, {0xd9, 0xd9, 0x99, "ellipse"}, {0xcc, 0xeb, 0xc5, "ellipse"},
  };
  return palette[h % (sizeof palette / sizeof palette[0])];
}

}  // namespace textgraph
