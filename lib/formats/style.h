// Internal: how entity types look in the visual formats (DOT, GraphML and
// GEXF colours, DOT shapes). One table so every format agrees.
#pragma once

#include <string>
#include <string_view>

namespace textgraph {

struct NodeStyle {
  unsigned char r, g, b;    // fill colour
  const char* shape;        // Graphviz shape
  std::string hex() const;  // "#rrggbb"
};

// PERSON/PER blue ellipse, ORG orange box, GPE/LOC green hexagon, NORP
// purple, EVENT pink, unknown ("") grey; any other type gets a stable colour
// from a fixed palette chosen by a hash of its name.
NodeStyle style_for_type(std::string_view type);

}  // namespace textgraph
