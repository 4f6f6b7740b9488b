// Internal: what the DOT writer, the DOT reader and the renderer share about
// Graphviz cgraph.
#pragma once

#include <graphviz/cgraph.h>

#include <memory>
#include <string>
#include <string_view>

#include "graph/graph_impl.h"

namespace textgraph {

// Graphviz escString: "\\" for a backslash, "\n" for a newline, "\r" for a
// carriage return. Labels then render as written, and since every backslash
// is doubled no value ends in a lone backslash or holds a backslash-newline,
// the two things cgraph's writer and lexer do not round-trip. A leading '%'
// gets a backslash before it (cgraph reads "%..." names as its own ids).
std::string dot_escape(std::string_view s);
// The inverse (a leading backslash-percent is '%'); also reads foreign escapes: "\l" is a
// newline and any other
// "\x" is kept as it is (Graphviz's "\N", "\G" are handled by the reader).
std::string dot_unescape(std::string_view s);

struct CgraphCloser {
  void operator()(Agraph_t* g) const {
    if (g) agclose(g);
  }
};
using CgraphPtr = std::unique_ptr<Agraph_t, CgraphCloser>;

enum class CgraphContent {
  kData,     // every attribute: the lossless DOT export
  kDisplay,  // only what drawing needs: the renderer
};

// Builds a cgraph digraph (non-strict) from the graph in export order.
// disc may be null (default disciplines).
CgraphPtr build_cgraph(const KnowledgeGraph::Impl& g, CgraphContent content, Agdisc_t* disc);

}  // namespace textgraph
