#include <algorithm>
#include <boost/graph/page_rank.hpp>
#include <cstdio>
#include <set>

#include "formats/json.h"
#include "formats/triple_codec.h"
#include "graph/graph_impl.h"
#include "query/node_attributes.h"
#include "textgraph/query.h"

namespace textgraph {

GraphStats graph_stats(const KnowledgeGraph& graph, std::size_t top) {
  const KnowledgeGraph::Impl& g = graph_impl(graph);
  GraphStats s;
  s.nodes = g.node_count();
  s.edges = g.edges.size();
  s.observations = static_cast<std::size_t>(g.observations);

  std::set<std::uint32_t> documents;
  std::vector<RelationCount> relations;
  std::vector<std::size_t> relation_slot(g.pool.size(), SIZE_MAX);
  for (std::size_t e = 0; e < g.edges.size(); ++e) {
    const EdgeRec& r = g.edge(e);
    if (r.polarity == Polarity::kNegative) ++s.negative_edges;
    for (const ObsRec& o : g.obs_of(e))
      if (o.document) documents.insert(o.document);
    if (relation_slot[r.relation] == SIZE_MAX) {
      relation_slot[r.relation] = relations.size();
      relations.push_back({std::string(g.str(r.relation)), 0, 0});
    }
    RelationCount& c = relations[relation_slot[r.relation]];
    ++c.edges;
    c.observations += r.count;
  }
  s.documents = documents.size();
  std::sort(relations.begin(), relations.end(), [](const RelationCount& a, const RelationCount& b) {
    return a.edges != b.edges ? a.edges > b.edges : a.relation < b.relation;
  });
  s.relations = std::move(relations);

  // Highest score first; equal scores in id order, so output never depends
  // on the order nodes were added in.
  auto rank = [&](const std::vector<double>& score) {
    std::vector<std::size_t> order(score.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const std::size_t n = std::min(top, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<long>(n), order.end(),
                      [&](std::size_t a, std::size_t b) {
                        if (score[a] != score[b]) return score[a] > score[b];
                        return g.str(g.node(a).id) < g.str(g.node(b).id);
                      });
    std::vector<RankedNode> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back({order[i], score[order[i]]});
    return out;
  };
  std::vector<double> degree(s.nodes);
  for (std::size_t v = 0; v < s.nodes; ++v)
    degree[v] = static_cast<double>(boost::out_degree(v, g.g) + boost::in_degree(v, g.g));
  s.by_degree = rank(degree);

  std::vector<double> pagerank(s.nodes, 0.0);
  if (s.nodes) {
    boost::graph::page_rank(
        g.g,
        boost::make_iterator_property_map(pagerank.begin(), boost::get(boost::vertex_index, g.g)),
        boost::graph::n_iterations(50), 0.85);
    double sum = 0;
    for (double r : pagerank) sum += r;
    if (sum > 0)
      for (double& r : pagerank) r /= sum;
  }
  s.by_pagerank = rank(pagerank);
  return s;
}

namespace {

std::string fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

std::string format_stats(const KnowledgeGraph& graph, const GraphStats& s, RowFormat format) {
  const KnowledgeGraph::Impl& g = graph_impl(graph);
  std::string out;
  const std::pair<const char*, std::size_t> counts[] = {{"nodes", s.nodes},
                                                        {"edges", s.edges},
                                                        {"observations", s.observations},
                                                        {"documents", s.documents},
                                                        {"negative_edges", s.negative_edges},
                                                        {"relations", s.relations.size()}};
  if (format == RowFormat::kJson) {
    out += "{";
    bool first = true;
    for (const auto& [k, v] : counts) {
      out += first ? "\"" : ",\"";
      first = false;
      out += k;
      out += "\":";
      json::append_uint(out, v);
    }
    for (const auto& [key, list] :
         {std::pair{"top_degree", &s.by_degree}, std::pair{"top_pagerank", &s.by_pagerank}}) {
      out += ",\n\"";
      out += key;
      out += "\":[";
      for (std::size_t i = 0; i < list->size(); ++i) {
        out += i ? ",{\"id\":" : "{\"id\":";
        json::append_string(out, g.str(g.node((*list)[i].node).id));
        out += ",\"label\":";
        json::append_string(out, g.label((*list)[i].node));
        out += ",\"score\":";
        json::append_double(out, (*list)[i].score);
        out += ",\"attributes\":";
        append_attributes_json(out, g, (*list)[i].node);
        out += '}';
      }
      out += ']';
    }
    out += ",\n\"relation_histogram\":[";
    for (std::size_t i = 0; i < s.relations.size(); ++i) {
      out += i ? ",{\"relation\":" : "{\"relation\":";
      json::append_string(out, s.relations[i].relation);
      out += ",\"edges\":";
      json::append_uint(out, s.relations[i].edges);
      out += ",\"observations\":";
      json::append_uint(out, s.relations[i].observations);
      out += '}';
    }
    out += "]}\n";
    return out;
  }
  if (format == RowFormat::kTsv) {
    for (const auto& [k, v] : counts)
      out += std::string("count\t") + k + "\t" + std::to_string(v) + "\n";
    for (const auto& [key, list] :
         {std::pair{"degree", &s.by_degree}, std::pair{"pagerank", &s.by_pagerank}})
      for (const RankedNode& r : *list) {
        out += key;
        out += '\t';
        append_tsv_field(out, g.str(g.node(r.node).id), false);
        out += '\t';
        append_tsv_field(out, g.label(r.node), false);
        out += '\t';
        json::append_double(out, r.score);
        out += '\t';
        append_tsv_field(out, attributes_text(g, r.node), false);
        out += '\n';
      }
    for (const RelationCount& r : s.relations) {
      out += "relation\t";
      append_tsv_field(out, r.relation, false);
      out += '\t' + std::to_string(r.edges) + '\t' + std::to_string(r.observations) + '\n';
    }
    return out;
  }
  // The label, then the attributes in brackets when the node has some.
  auto label = [&](std::size_t v) {
    auto shorten = [](std::string l) {
      for (char& c : l)
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
      if (l.size() > 60) l = l.substr(0, 57) + "...";
      return l;
    };
    std::string l = shorten(std::string(g.label(v)));
    const std::string attributes = attributes_text(g, v);
    if (!attributes.empty()) l += "  [" + shorten(attributes) + "]";
    return l;
  };
  for (const auto& [k, v] : counts) {
    std::string key = k;
    std::replace(key.begin(), key.end(), '_', ' ');
    out += key + std::string(16 - key.size(), ' ') + std::to_string(v) + "\n";
  }
  out += "\ntop entities by degree\n";
  for (std::size_t i = 0; i < s.by_degree.size(); ++i)
    out += "  " + std::to_string(i + 1) + ".\t" + fixed(s.by_degree[i].score, 0) + "\t" +
           label(s.by_degree[i].node) + "\n";
  out += "\ntop entities by PageRank\n";
  for (std::size_t i = 0; i < s.by_pagerank.size(); ++i)
    out += "  " + std::to_string(i + 1) + ".\t" + fixed(s.by_pagerank[i].score, 4) + "\t" +
           label(s.by_pagerank[i].node) + "\n";
  out += "\nrelations (edges, observations)\n";
  for (const RelationCount& r : s.relations) {
    std::string rel = r.relation;
    for (char& c : rel)
      if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    out +=
        "  " + std::to_string(r.edges) + "\t" + std::to_string(r.observations) + "\t" + rel + "\n";
  }
  return out;
}

}  // namespace textgraph
