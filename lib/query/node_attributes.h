// Internal: a node's attributes (title, affiliation, role) as query and
// stats output shows them.
#pragma once

#include <string>

#include "formats/json.h"
#include "graph/graph_impl.h"

namespace textgraph {

// "title=Russian President; affiliation=Russia" ("" when the node has none):
// the most frequent value of each, in that order.
inline std::string attributes_text(const KnowledgeGraph::Impl& g, std::size_t v) {
  const NodeRec& n = g.node(v);
  std::string out;
  for (auto [name, list] :
       {std::pair{"title", &n.titles}, std::pair{"affiliation", &n.affiliations},
        std::pair{"role", &n.roles}}) {
    if (list->empty()) continue;
    if (!out.empty()) out += "; ";
    out += name;
    out += '=';
    out += g.top(*list);
  }
  return out;
}

// {"title":"Russian President","affiliation":"Russia"} ({} when none).
inline void append_attributes_json(std::string& out, const KnowledgeGraph::Impl& g, std::size_t v) {
  const NodeRec& n = g.node(v);
  out += '{';
  bool first = true;
  for (auto [name, list] :
       {std::pair{"title", &n.titles}, std::pair{"affiliation", &n.affiliations},
        std::pair{"role", &n.roles}}) {
    if (list->empty()) continue;
    out += first ? "\"" : ",\"";
    first = false;
    out += name;
    out += "\":";
    json::append_string(out, g.top(*list));
  }
  out += '}';
}

}  // namespace textgraph
