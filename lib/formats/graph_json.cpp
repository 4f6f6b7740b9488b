// Node-link JSON, the lossless native format (layout in formats.h).
#include <cstdint>

#include "core/error.h"
#include "formats/export_order.h"
#include "formats/graph_io.h"
#include "formats/json.h"
#include "formats/triple_codec.h"

namespace textgraph {

namespace {

// networkx keys parallel edges 0, 1, 2, ... per (source, target) pair. In
// export order parallel edges are neighbours, so counting runs is enough.
class ParallelKeys {
 public:
  std::uint32_t next(std::size_t source, std::size_t target) {
    if (source != source_ || target != target_) {
      source_ = source;
      target_ = target;
      run_ = 0;
    }
    return run_++;
  }

 private:
  std::size_t source_ = SIZE_MAX, target_ = SIZE_MAX;
  std::uint32_t run_ = 0;
};

}  // namespace

void write_json_graph(const GraphImpl& g, Sink& out) {
  std::string& b = out.buf();
  b += "{\"directed\":true,\"multigraph\":true,\"graph\":{\"generator\":\"textgraph\","
       "\"format\":\"textgraph-node-link\",\"version\":1},\n\"nodes\":[";
  const ExportOrder order = export_order(g);
  for (std::size_t i = 0; i < order.nodes.size(); ++i) {
    const std::size_t v = order.nodes[i];
    const NodeRec& n = g.node(v);
    b += i ? ",\n{\"id\":" : "\n{\"id\":";
    json::append_string(b, g.str(n.id));
    b += ",\"label\":";
    json::append_string(b, order.label[v]);
    b += ",\"type\":";
    json::append_string(b, g.type(v));
    b += ",\"mentions\":";
    json::append_uint(b, n.mentions);
    b += ",\"aliases\":";
    append_tallies(b, g, n.aliases);
    b += ",\"actors\":";
    append_tallies(b, g, n.actors);
    b += ",\"types\":";
    append_tallies(b, g, n.types);
    // Attributes only when the node has them, so graphs without keep their bytes.
    for (const AttributeList& a : kNodeAttributes) {
      if ((n.*a.list).empty()) continue;
      b += ",\"";
      b += a.single;
      b += "\":";
      json::append_string(b, g.top(n.*a.list));
    }
    for (const AttributeList& a : kNodeAttributes) {
      if ((n.*a.list).empty()) continue;
      b += ",\"";
      b += a.plural;
      b += "\":";
      append_tallies(b, g, n.*a.list);
    }
    b += '}';
    out.maybe_flush();
  }
  b += "],\n\"links\":[";
  ParallelKeys keys;
  Triple scratch;
  for (std::size_t i = 0; i < order.edges.size(); ++i) {
    const std::size_t e = order.edges[i];
    const EdgeRec& r = g.edge(e);
    const std::size_t s = g.source(e), t = g.target(e);
    b += i ? ",\n{\"source\":" : "\n{\"source\":";
    json::append_string(b, order.id[s]);
    b += ",\"target\":";
    json::append_string(b, order.id[t]);
    b += ",\"key\":";
    json::append_uint(b, keys.next(s, t));
    b += ",\"relation\":";
    json::append_string(b, g.str(r.relation));
    b += ",\"label\":";
    json::append_string(b, g.edge_label(e));
    b += ",\"polarity\":\"";
    b += polarity_name(r.polarity);
    b += "\",\"confidence\":";
    json::append_double(b, r.confidence());
    b += ",\"count\":";
    json::append_uint(b, r.obs.size());
    b += ",\"weight\":";
    json::append_uint(b, r.obs.size());
    b += ",\"provenance\":";
    append_provenance(b, g, e, scratch, {order.label[s], g.str(r.relation), order.label[t]});
    b += '}';
    out.maybe_flush();
  }
  b += "]}\n";
}

namespace {

void read_tallies(json::Parser& in, std::vector<Tally>& out) {
  out.clear();
  in.begin_array();
  while (in.next_element()) {
    in.peek();
    const std::size_t at = in.value_offset();
    in.begin_array();
    Tally t;
    if (!in.next_element()) in.fail_at(at, "expected [text, count]");
    in.get_string(t.text);
    if (!in.next_element()) in.fail_at(at, "expected [text, count]");
    t.count = static_cast<std::size_t>(in.get_uint());
    if (in.next_element()) in.fail_at(at, "expected [text, count]");
    out.push_back(std::move(t));
  }
}

// networkx writes integer node ids as numbers; they become their decimal text.
void read_id(json::Parser& in, std::string& out) {
  if (in.peek() == json::Type::kNumber) {
    out.clear();
    json::append_uint(out, in.get_uint());
  } else {
    in.get_string(out);
  }
}

}  // namespace

void read_json_graph(std::string_view text, const std::string& name, GraphImpl& g,
                     ReadReport& report) {
  json::Parser in(text, name);
  if (in.at_end()) in.fail_at(0, "empty file: expected a JSON node-link graph");
  in.begin_object();
  std::string key, field;
  bool seen_nodes = false;
  std::vector<std::string_view> labels;  // by vertex, once the nodes are read
  const auto label_of = [&](std::uint32_t v) { return v < labels.size() ? labels[v] : g.label(v); };
  NodeImport node;
  EdgeImport edge;
  while (in.next_member(key)) {
    if (key == "directed" || key == "multigraph") {
      in.get_bool();  // textgraph graphs are always directed multigraphs
    } else if (key == "graph") {
      in.skip();
    } else if (key == "nodes") {
      seen_nodes = true;
      in.begin_array();
      while (in.next_element()) {
        in.peek();
        const std::size_t at = in.value_offset();
        node = NodeImport();
        bool has_id = false;
        in.begin_object();
        while (in.next_member(field)) {
          if (field == "id") {
            read_id(in, node.id);
            has_id = true;
          } else if (field == "label") {
            in.get_string(node.label);
          } else if (field == "type") {
            in.get_string(node.type);
          } else if (field == "mentions") {
            node.mentions = in.get_uint();
          } else if (field == "aliases") {
            read_tallies(in, node.aliases);
          } else if (field == "actors") {
            read_tallies(in, node.actors);
          } else if (field == "types") {
            read_tallies(in, node.types);
          } else if (field == "title") {
            in.get_string(node.title);
          } else if (field == "affiliation") {
            in.get_string(node.affiliation);
          } else if (field == "role") {
            in.get_string(node.role);
          } else if (field == "titles") {
            read_tallies(in, node.titles);
          } else if (field == "affiliations") {
            read_tallies(in, node.affiliations);
          } else if (field == "roles") {
            read_tallies(in, node.roles);
          } else {
            note_ignored(report, field);
            in.skip();
          }
        }
        if (!has_id) in.fail_at(at, "node has no \"id\"");
        // Locations cost a scan, so they are worked out only for an error.
        try {
          import_node(g, node, {});
        } catch (const Error& e) {
          in.fail_at(at, e.what());
        }
      }
    } else if (key == "links" || key == "edges") {
      if (!seen_nodes) in.fail_value("\"nodes\" must come before \"" + key + "\"");
      // Labels depend only on the nodes, which are all read now.
      labels.resize(g.node_count());
      for (std::size_t v = 0; v < labels.size(); ++v) labels[v] = g.label(v);
      // Files written by textgraph list links by source, so the source's
      // lookup is usually the previous link's.
      std::string last_source;
      std::optional<std::uint32_t> last_s;
      // Relation key by pool id of the relation text (kNoNode = not known
      // yet): a handful of relations repeat across a million links.
      std::vector<std::uint32_t> key_of_text;
      const auto key_for = [&](const std::string& relation, const std::string& label) {
        const std::optional<std::uint32_t> id = g.pool.find(relation);
        if (id && *id < key_of_text.size() && key_of_text[*id] != kNoNode) return key_of_text[*id];
        const std::string k = node_key(relation);
        if (k.empty()) return relation_key(g, relation, label);  // the label's: not cached
        const std::uint32_t key = g.pool.intern(k);
        if (const std::optional<std::uint32_t> again = g.pool.find(relation)) {
          if (*again >= key_of_text.size()) key_of_text.resize(g.pool.size(), kNoNode);
          key_of_text[*again] = key;
        }
        return key;
      };
      const auto find_source = [&] {
        if (!last_s || edge.source != last_source) {
          last_source = edge.source;
          last_s = g.find_node(edge.source);
        }
        return last_s;
      };
      in.begin_array();
      while (in.next_element()) {
        in.peek();
        const std::size_t at = in.value_offset();
        edge.source.clear();
        edge.target.clear();
        edge.relation.clear();
        edge.label.clear();
        edge.polarity = Polarity::kPositive;
        edge.confidence.reset();
        edge.provenance.clear();
        bool has_source = false, has_target = false, has_relation = false, has_label = false;
        bool provenance_read = false;
        std::size_t provenance_at = 0, provenance_end = 0;
        std::optional<std::uint32_t> s, t;
        std::uint32_t relation = 0;
        in.begin_object();
        while (in.next_member(field)) {
          if (provenance_read &&
              (field == "source" || field == "target" || field == "relation" || field == "label")) {
            // The provenance was read in a context this member changes:
            // read it again once the link is complete.
            provenance_read = false;
            edge.provenance.clear();
          }
          if (field == "source") {
            read_id(in, edge.source);
            has_source = true;
          } else if (field == "target") {
            read_id(in, edge.target);
            has_target = true;
          } else if (field == "relation") {
            in.get_string(edge.relation);
            has_relation = true;
          } else if (field == "label") {
            in.get_string(edge.label);
            has_label = true;
          } else if (field == "polarity") {
            in.get_string(field);
            if (field == "negative")
              edge.polarity = Polarity::kNegative;
            else if (field != "positive")
              in.fail_value("polarity must be positive or negative, not '" + field + "'");
          } else if (field == "confidence") {
            edge.confidence = in.get_double();
            if (!(*edge.confidence >= 0 && *edge.confidence <= 1))
              in.fail_value("confidence must be within [0, 1]");
          } else if (field == "key" || field == "count" || field == "weight") {
            in.skip();  // derived: networkx's edge key, and the provenance size
          } else if (field == "provenance") {
            // Its texts depend on the endpoints and the relation key. When
            // those are known already (textgraph writes provenance last) it
            // is read here; else once the link is complete.
            in.peek();
            provenance_at = in.value_offset();
            edge.provenance.clear();  // a repeated member replaces the earlier one
            provenance_read = false;
            bool known = has_source && has_target && has_relation && has_label;
            if (known) {
              s = find_source();
              t = g.find_node(edge.target);
              known = s && t;
            }
            if (known) {
              relation = key_for(edge.relation, edge.label);
              const TripleContext context{label_of(*s), g.str(relation), label_of(*t)};
              in.begin_array();
              while (in.next_element()) {
                edge.provenance.emplace_back();
                read_triple_json(in, edge.provenance.back(), &context);
              }
              provenance_read = true;
            } else {
              in.skip();
            }
            provenance_end = in.offset();
          } else {
            note_ignored(report, field);
            in.skip();
          }
        }
        if (!has_source || !has_target) in.fail_at(at, "link needs \"source\" and \"target\"");
        if (!provenance_read) {
          s = find_source();
          t = g.find_node(edge.target);
          relation = key_for(edge.relation, edge.label);
        }
        if (!provenance_read && provenance_end > provenance_at && s && t) {
          const TripleContext context{label_of(*s), g.str(relation), label_of(*t)};
          // The sub-parser counts from 1:1; its errors are moved to where
          // the provenance sits in the file (worked out only then).
          json::Parser sub(text.substr(provenance_at, provenance_end - provenance_at), name);
          try {
            sub.begin_array();
            while (sub.next_element()) {
              edge.provenance.emplace_back();
              read_triple_json(sub, edge.provenance.back(), &context);
            }
          } catch (const Error& e) {
            const Location base = in.location(provenance_at);
            const Location at = e.where();
            fail_input(e.what(), {name, base.line + at.line - 1,
                                  at.line == 1 ? base.column + at.column - 1 : at.column});
          }
        }
        try {
          if (s && t)
            import_edge(g, *s, *t, relation, edge, {});
          else
            import_edge(g, edge, {});  // reports the unknown endpoint
        } catch (const Error& e) {
          in.fail_at(at, e.what());
        }
      }
    } else {
      note_ignored(report, key);
      in.skip();
    }
  }
  in.expect_end();
}

}  // namespace textgraph
