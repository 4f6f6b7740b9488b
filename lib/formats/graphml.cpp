// GraphML, following Gephi's import conventions (see formats.h).
#include <map>
#include <tuple>

#include "core/error.h"
#include "formats/export_order.h"
#include "formats/graph_io.h"
#include "formats/json.h"
#include "formats/style.h"
#include "formats/xml.h"

namespace textgraph {

namespace {

struct KeyDef {
  const char* id;
  const char* domain;
  const char* name;
  const char* type;
};

constexpr KeyDef kKeys[] = {
    {"v_label", "node", "label", "string"},
    {"v_type", "node", "type", "string"},
    {"v_mentions", "node", "mentions", "int"},
    {"v_aliases", "node", "aliases", "string"},
    {"v_actors", "node", "actors", "string"},
    {"v_types", "node", "types", "string"},
    {"v_title", "node", "title", "string"},
    {"v_affiliation", "node", "affiliation", "string"},
    {"v_role", "node", "role", "string"},
    {"v_titles", "node", "titles", "string"},
    {"v_affiliations", "node", "affiliations", "string"},
    {"v_roles", "node", "roles", "string"},
    {"v_r", "node", "r", "int"},
    {"v_g", "node", "g", "int"},
    {"v_b", "node", "b", "int"},
    {"e_label", "edge", "label", "string"},
    {"e_relation", "edge", "relation", "string"},
    {"e_polarity", "edge", "polarity", "string"},
    {"e_confidence", "edge", "confidence", "double"},
    {"e_weight", "edge", "weight", "double"},
    {"e_count", "edge", "count", "int"},
    {"e_provenance", "edge", "provenance", "string"},
};

void data(std::string& b, const char* key, std::string_view value) {
  b += "<data key=\"";
  b += key;
  b += "\">";
  xml::append_text(b, value);
  b += "</data>";
}

// Empty strings are left out: networkx would read an empty <data> as "None".
void data_if(std::string& b, const char* key, std::string_view value) {
  if (!value.empty()) data(b, key, value);
}

}  // namespace

void write_graphml(const GraphImpl& g, Sink& out) {
  std::string& b = out.buf();
  b += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
       "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
       "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const KeyDef& k : kKeys) {
    b += "<key id=\"";
    b += k.id;
    b += "\" for=\"";
    b += k.domain;
    b += "\" attr.name=\"";
    b += k.name;
    b += "\" attr.type=\"";
    b += k.type;
    b += "\"/>\n";
  }
  b += "<graph id=\"G\" edgedefault=\"directed\">\n";
  std::string scratch;
  const ExportOrder order = export_order(g);
  for (std::size_t i = 0; i < order.nodes.size(); ++i) {
    const std::size_t v = order.nodes[i];
    const NodeRec& n = g.node(v);
    b += "<node id=\"";
    xml::append_attribute(b, g.str(n.id));
    b += "\">";
    data(b, "v_label", order.label[v]);
    const std::string_view type = g.type(v);
    data_if(b, "v_type", type);
    scratch.clear();
    json::append_uint(scratch, n.mentions);
    data(b, "v_mentions", scratch);
    for (auto [key, list] : {std::pair{"v_aliases", &n.aliases}, std::pair{"v_actors", &n.actors},
                             std::pair{"v_types", &n.types}}) {
      if (list->empty()) continue;
      scratch.clear();
      append_tallies(scratch, g, *list);
      data(b, key, scratch);
    }
    for (auto [single, plural, list] :
         {std::tuple{"v_title", "v_titles", &n.titles},
          std::tuple{"v_affiliation", "v_affiliations", &n.affiliations},
          std::tuple{"v_role", "v_roles", &n.roles}}) {
      if (list->empty()) continue;
      data(b, single, g.top(*list));
      scratch.clear();
      append_tallies(scratch, g, *list);
      data(b, plural, scratch);
    }
    const NodeStyle st = style_for_type(type);
    for (auto [key, c] : {std::pair{"v_r", st.r}, std::pair{"v_g", st.g}, std::pair{"v_b", st.b}}) {
      scratch.clear();
      json::append_uint(scratch, c);
      data(b, key, scratch);
    }
    b += "</node>\n";
    out.maybe_flush();
  }
  Triple triple;
  for (std::size_t i = 0; i < order.edges.size(); ++i) {
    const std::size_t e = order.edges[i];
    const EdgeRec& r = g.edge(e);
    b += "<edge id=\"e";
    json::append_uint(b, i);
    b += "\" source=\"";
    xml::append_attribute(b, order.id[g.source(e)]);
    b += "\" target=\"";
    xml::append_attribute(b, order.id[g.target(e)]);
    b += "\">";
    data(b, "e_label", g.edge_label(e));
    data(b, "e_relation", g.str(r.relation));
    data(b, "e_polarity", polarity_name(r.polarity));
    scratch.clear();
    json::append_double(scratch, r.confidence());
    data(b, "e_confidence", scratch);
    scratch.clear();
    json::append_uint(scratch, r.count);
    data(b, "e_weight", scratch);
    data(b, "e_count", scratch);
    scratch.clear();
    append_provenance(scratch, g, e, triple,
                      {order.label[g.source(e)], g.str(r.relation), order.label[g.target(e)]});
    data(b, "e_provenance", scratch);
    b += "</edge>\n";
    out.maybe_flush();
  }
  b += "</graph>\n</graphml>\n";
}

// ── Reading ─────────────────────────────────────────────────────────────────

namespace {

struct Key {
  std::string domain;                   // node, edge, graph, all, ...
  std::string name;                     // attr.name (the id when absent)
  std::optional<std::string> fallback;  // <default>
};

bool display_attribute(std::string_view name) {
  for (const char* d : {"r", "g", "b", "x", "y", "z", "size", "color", "shape", "width", "height"})
    if (name == d) return true;
  return false;
}

struct Values {
  std::vector<std::pair<const Key*, std::string>> items;
  void set(const Key* k, std::string v) {
    for (auto& item : items)
      if (item.first == k) {
        item.second = std::move(v);
        return;
      }
    items.emplace_back(k, std::move(v));
  }
};

class GraphmlReader {
 public:
  GraphmlReader(std::string_view text, const std::string& name, GraphImpl& g, ReadReport& report)
      : x_(text, name), g_(g), report_(report) {}

  void run() {
    if (x_.next() != xml::Reader::Event::kStart || x_.name() != "graphml")
      x_.fail("expected a <graphml> root element");
    bool seen_graph = false;
    while (true) {
      const auto ev = x_.next();
      if (ev == xml::Reader::Event::kEnd) break;
      if (ev != xml::Reader::Event::kStart) continue;
      if (x_.name() == "key") {
        read_key();
      } else if (x_.name() == "graph") {
        if (seen_graph) x_.fail("more than one <graph>; textgraph reads one graph per file");
        seen_graph = true;
        read_graph();
      } else {
        x_.skip_element();  // <desc>, <data> for the document
      }
    }
    while (x_.next() != xml::Reader::Event::kEof) {
    }
    if (!seen_graph) x_.fail_at(0, "no <graph> element in the GraphML file");
    for (auto& [edge, where] : edges_) import_edge(g_, edge, where);
  }

 private:
  std::string required(const char* attr) {
    const std::string* v = x_.attribute(attr);
    if (!v) x_.fail("<" + x_.name() + "> needs a '" + attr + "' attribute");
    return *v;
  }

  void read_key() {
    const std::string id = required("id");
    Key k;
    const std::string* domain = x_.attribute("for");
    k.domain = domain ? *domain : "all";
    const std::string* name = x_.attribute("attr.name");
    k.name = name ? *name : id;
    while (true) {
      const auto ev = x_.next();
      if (ev == xml::Reader::Event::kEnd) break;
      if (ev == xml::Reader::Event::kStart) {
        if (x_.name() == "default")
          k.fallback = x_.element_text();
        else
          x_.skip_element();
      }
    }
    if (keys_.count(id)) x_.fail("duplicate key id '" + id + "'");
    keys_.emplace(id, std::move(k));
  }

  // Collects the <data> children of the current node or edge.
  Values read_data(const char* domain) {
    Values values;
    for (const auto& [id, k] : keys_)
      if (k.fallback && (k.domain == domain || k.domain == "all")) values.set(&k, *k.fallback);
    while (true) {
      const auto ev = x_.next();
      if (ev == xml::Reader::Event::kEnd) break;
      if (ev != xml::Reader::Event::kStart) continue;
      if (x_.name() == "data") {
        const std::string key = required("key");
        auto it = keys_.find(key);
        if (it == keys_.end()) x_.fail("<data> refers to undeclared key '" + key + "'");
        values.set(&it->second, x_.element_text());
      } else if (x_.name() == "graph") {
        x_.fail("nested graphs are not supported");
      } else {
        x_.skip_element();  // <port>, <desc>
      }
    }
    return values;
  }

  void read_graph() {
    while (true) {
      const auto ev = x_.next();
      if (ev == xml::Reader::Event::kEnd) return;
      if (ev != xml::Reader::Event::kStart) continue;
      const Location where = x_.location();
      if (x_.name() == "node") {
        NodeImport n;
        n.id = required("id");
        for (auto& [k, v] : read_data("node").items) {
          const std::string& name = k->name;
          if (name == "label")
            n.label = v;
          else if (name == "type")
            n.type = v;
          else if (name == "mentions")
            n.mentions = parse_count(v, "mentions", where);
          else if (name == "aliases")
            n.aliases = parse_tallies(v, where);
          else if (name == "actors")
            n.actors = parse_tallies(v, where);
          else if (name == "types")
            n.types = parse_tallies(v, where);
          else if (name == "title")
            n.title = v;
          else if (name == "affiliation")
            n.affiliation = v;
          else if (name == "role")
            n.role = v;
          else if (name == "titles")
            n.titles = parse_tallies(v, where);
          else if (name == "affiliations")
            n.affiliations = parse_tallies(v, where);
          else if (name == "roles")
            n.roles = parse_tallies(v, where);
          else if (!display_attribute(name))
            note_ignored(report_, name);
        }
        import_node(g_, n, where);
      } else if (x_.name() == "edge") {
        EdgeImport e;
        e.source = required("source");
        e.target = required("target");
        for (auto& [k, v] : read_data("edge").items) {
          const std::string& name = k->name;
          if (name == "label")
            e.label = v;
          else if (name == "relation")
            e.relation = v;
          else if (name == "polarity")
            e.polarity = parse_polarity(v, where);
          else if (name == "confidence")
            e.confidence = parse_confidence(v, where);
          else if (name == "provenance")
            e.provenance_json = v;
          else if (name == "weight" || name == "count")
            continue;  // derived from provenance
          else if (!display_attribute(name))
            note_ignored(report_, name);
        }
        edges_.emplace_back(std::move(e), where);
      } else if (x_.name() == "hyperedge") {
        x_.fail("hyperedges are not supported");
      } else {
        x_.skip_element();
      }
    }
  }

  xml::Reader x_;
  GraphImpl& g_;
  ReadReport& report_;
  std::map<std::string, Key> keys_;
  // Edges may name nodes declared after them, so they are added at the end.
  std::vector<std::pair<EdgeImport, Location>> edges_;
};

}  // namespace

void read_graphml(std::string_view text, const std::string& name, GraphImpl& g,
                  ReadReport& report) {
  GraphmlReader(text, name, g, report).run();
}

}  // namespace textgraph
