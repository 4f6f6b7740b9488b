// Internal: the order exports list nodes and edges in.
//
// Exports are canonical: nodes sorted by id (bytewise), edges by (source id,
// target id, relation key, positive before negative). The order depends only
// on what the graph holds, never on the order triples arrived in, so a graph
// written, read back (from any format) and written again gives the same
// bytes, and merge(A, B) exports exactly like one run over A and B.
// Lists inside a node or edge (aliases, provenance) keep their own order.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/graph_impl.h"

namespace textgraph {

struct ExportOrder {
  std::vector<std::uint32_t> nodes;  // node indices in export order
  std::vector<std::uint32_t> edges;  // edge indices in export order
  // By node index: its id and label, looked up once (each edge names two
  // nodes; at a million edges fetching them again is most of an export).
  std::vector<std::string_view> id;
  std::vector<std::string_view> label;
};

ExportOrder export_order(const KnowledgeGraph::Impl& g);

}  // namespace textgraph
