#include <algorithm>

#include "formats/export_order.h"
#include "graph/graph_impl.h"
#include "textgraph/query.h"

namespace textgraph {

namespace {

std::string_view trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\n\r");
  if (b == std::string_view::npos) return {};
  const std::size_t e = s.find_last_not_of(" \t\n\r");
  return s.substr(b, e - b + 1);
}

std::string part(std::string_view s) {
  s = trim(s);
  return s == "?" ? std::string() : std::string(s);
}

}  // namespace

Result<Pattern> parse_pattern(std::string_view text) {
  const std::size_t open = text.find("-[");
  const std::size_t close = text.rfind("]->");
  if (open == std::string_view::npos || close == std::string_view::npos || close < open + 2)
    return Status::error(ErrorCode::kUsage,
                         "a pattern looks like 'SUBJECT -[RELATION]-> OBJECT' where each part is "
                         "'?' or text, not '" +
                             std::string(text) + "'");
  Pattern p;
  p.subject = part(text.substr(0, open));
  p.relation = part(text.substr(open + 2, close - open - 2));
  p.object = part(text.substr(close + 3));
  return p;
}

std::vector<std::size_t> match_nodes(const KnowledgeGraph& graph, std::string_view text) {
  const KnowledgeGraph::Impl& g = graph_impl(graph);
  const std::string key = node_key(text);
  std::vector<std::size_t> out;
  if (key.empty()) return out;
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    const NodeRec& n = g.node(v);
    bool hit = g.str(n.id) == key || node_key(g.label(v)) == key;
    for (const auto* list : {&n.aliases, &n.actors})
      for (std::size_t i = 0; !hit && i < list->size(); ++i)
        hit = node_key(g.str((*list)[i].text)) == key;
    if (hit) out.push_back(v);
  }
  return out;
}

namespace {

bool relation_matches(const KnowledgeGraph::Impl& g, std::size_t e, const std::string& key) {
  if (g.str(g.edge(e).relation) == key) return true;
  for (const ObsRec& o : g.obs_of(e))
    if (node_key(g.str(o.rel_text)) == key || (o.rel_lemma && node_key(g.str(o.rel_lemma)) == key))
      return true;
  return false;
}

}  // namespace

std::vector<std::size_t> match_pattern(const KnowledgeGraph& graph, const Pattern& pattern) {
  const KnowledgeGraph::Impl& g = graph_impl(graph);
  // Node sets as flags, so each edge is checked in constant time.
  auto flags = [&](const std::string& text) {
    std::vector<char> f(g.node_count(), text.empty() ? 1 : 0);
    if (!text.empty())
      for (std::size_t v : match_nodes(graph, text)) f[v] = 1;
    return f;
  };
  const std::vector<char> subjects = flags(pattern.subject);
  const std::vector<char> objects = flags(pattern.object);
  const std::string relation = node_key(pattern.relation);
  std::vector<std::size_t> out;
  for (std::uint32_t e : export_order(g).edges) {
    if (!subjects[g.source(e)] || !objects[g.target(e)]) continue;
    if (!relation.empty() && !relation_matches(g, e, relation)) continue;
    out.push_back(e);
  }
  return out;
}

}  // namespace textgraph
