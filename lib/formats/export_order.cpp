#include "formats/export_order.h"

#include <algorithm>
#include <numeric>

namespace textgraph {

ExportOrder export_order(const KnowledgeGraph::Impl& g) {
  ExportOrder order;
  order.id.resize(g.node_count());
  order.label.resize(g.node_count());
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    order.id[v] = g.str(g.node(v).id);
    order.label[v] = g.label(v);
  }
  order.nodes.resize(g.node_count());
  std::iota(order.nodes.begin(), order.nodes.end(), 0u);
  std::sort(order.nodes.begin(), order.nodes.end(),
            [&](std::uint32_t a, std::uint32_t b) { return order.id[a] < order.id[b]; });
  std::vector<std::uint32_t> rank(order.nodes.size());
  for (std::size_t i = 0; i < order.nodes.size(); ++i)
    rank[order.nodes[i]] = static_cast<std::uint32_t>(i);

  // Relation keys are ranked once, so the edge sort compares integers only.
  std::vector<std::uint32_t> relations;
  relations.reserve(g.edges.size());
  for (std::size_t e = 0; e < g.edges.size(); ++e) relations.push_back(g.edge(e).relation);
  std::sort(relations.begin(), relations.end());
  relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
  std::sort(relations.begin(), relations.end(),
            [&](std::uint32_t a, std::uint32_t b) { return g.str(a) < g.str(b); });
  std::vector<std::uint32_t> relation_rank(g.pool.size(), 0);
  for (std::size_t i = 0; i < relations.size(); ++i)
    relation_rank[relations[i]] = static_cast<std::uint32_t>(i);

  struct Key {
    std::uint64_t ends;
    std::uint64_t relation;
    std::uint32_t edge;
  };
  std::vector<Key> keys(g.edges.size());
  for (std::size_t e = 0; e < g.edges.size(); ++e) {
    const EdgeRec& r = g.edge(e);
    keys[e] = {std::uint64_t{rank[g.source(e)]} << 32 | rank[g.target(e)],
               std::uint64_t{relation_rank[r.relation]} << 1 | (r.polarity == Polarity::kNegative),
               static_cast<std::uint32_t>(e)};
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return a.ends != b.ends ? a.ends < b.ends : a.relation < b.relation;
  });
  order.edges.reserve(keys.size());
  for (const Key& k : keys) order.edges.push_back(k.edge);
  return order;
}

}  // namespace textgraph
