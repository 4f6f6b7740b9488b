// Neighbourhoods and shortest paths with Boost.Graph breadth-first search.
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/pending/queue.hpp>
#include <limits>

#include "formats/export_order.h"
#include "graph/graph_impl.h"
#include "textgraph/query.h"

namespace textgraph {

namespace {

constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();

// The knowledge graph seen without direction; each edge keeps its index.
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                         boost::no_property, std::uint32_t>;

Undirected undirected_view(const KnowledgeGraph::Impl& g) {
  Undirected u(g.node_count());
  for (std::size_t e = 0; e < g.edges.size(); ++e)
    boost::add_edge(g.source(e), g.target(e), static_cast<std::uint32_t>(e), u);
  return u;
}

std::uint32_t index_of(const Undirected& u, Undirected::edge_descriptor e) { return u[e]; }
std::uint32_t index_of(const BoostGraph& g, EdgeDesc e) { return g[e].index; }

// Breadth-first search from every source at once; fills distance and the
// edge each node was first reached by.
template <class Graph>
void bfs(const Graph& graph, const std::vector<std::size_t>& sources,
         std::vector<std::size_t>& distance, std::vector<std::uint32_t>& via) {
  const std::size_t n = boost::num_vertices(graph);
  distance.assign(n, kUnreached);
  via.assign(n, UINT32_MAX);
  if (sources.empty()) return;
  for (std::size_t s : sources) distance[s] = 0;
  struct Visitor : boost::default_bfs_visitor {
    std::vector<std::size_t>* distance;
    std::vector<std::uint32_t>* via;
    void tree_edge(typename boost::graph_traits<Graph>::edge_descriptor e, const Graph& g) const {
      const std::size_t s = boost::source(e, g), t = boost::target(e, g);
      (*distance)[t] = (*distance)[s] + 1;
      (*via)[t] = index_of(g, e);
    }
  } visitor;
  visitor.distance = &distance;
  visitor.via = &via;
  std::vector<boost::default_color_type> color(n, boost::white_color);
  boost::queue<std::size_t> queue;
  boost::breadth_first_search(
      graph, sources.begin(), sources.end(), queue, visitor,
      boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, graph)));
}

}  // namespace

std::vector<std::size_t> neighbors(const KnowledgeGraph& graph, std::string_view node,
                                   std::size_t depth) {
  const KnowledgeGraph::Impl& g = graph_impl(graph);
  std::vector<std::size_t> distance;
  std::vector<std::uint32_t> via;
  bfs(undirected_view(g), match_nodes(graph, node), distance, via);
  std::vector<std::size_t> out;
  for (std::uint32_t e : export_order(g).edges)
    if (std::min(distance[g.source(e)], distance[g.target(e)]) < depth) out.push_back(e);
  return out;
}

std::vector<std::size_t> shortest_path(const KnowledgeGraph& graph, std::string_view from,
                                       std::string_view to, bool directed) {
  const KnowledgeGraph::Impl& g = graph_impl(graph);
  std::vector<std::size_t> distance;
  std::vector<std::uint32_t> via;
  if (directed)
    bfs(g.g, match_nodes(graph, from), distance, via);
  else
    bfs(undirected_view(g), match_nodes(graph, from), distance, via);
  // The nearest target; ties go to the lowest node index (deterministic).
  std::size_t best = kUnreached;
  for (std::size_t t : match_nodes(graph, to))
    if (distance[t] != kUnreached && (best == kUnreached || distance[t] < distance[best])) best = t;
  std::vector<std::size_t> path;
  if (best == kUnreached) return path;
  for (std::size_t v = best; distance[v] > 0;) {
    const std::uint32_t e = via[v];
    path.push_back(e);
    v = g.source(e) == v ? g.target(e) : g.source(e);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace textgraph
