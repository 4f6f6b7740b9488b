// Node-link JSON, the lossless native format (layout in formats.h).
#include <cstdint>

#include "core/error.h"
#include "formats/export_order.h"
#include "formats/graph_io.h"
#include "formats/json.h"
#include "formats/triple_codec.h"

namespace textgraph {

using namespace std::string_view_literals;  // key == "name"sv compares lengths first

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
    json::append_uint(b, r.count);
    b += ",\"weight\":";
    json::append_uint(b, r.count);
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

// The "links" array. Each link costs a chain of dependent cache misses (the
// target's name in the string index, its vertex, its in-edge list, the edge
// index slot), so links are read in groups: a group is parsed first (its
// provenance records without their context, which only fills in texts the
// records leave out), then the group's lookups walk that chain stage by
// stage with prefetches, so the misses of different links overlap, and then
// the links are imported one by one in file order, exactly as one at a time.
//
// Errors keep the order and wording of reading one link at a time: when
// anything in a link's parse throws, the links before it are imported first
// (their errors come first in the file), then the link is read again from
// its start by read_one(), the one-link-at-a-time reader, which throws what
// it always threw.
class LinkReader {
 public:
  LinkReader(std::string_view text, const std::string& name, json::Parser& in, GraphImpl& g,
             ReadReport& report)
      : text_(text), name_(name), in_(in), g_(g), report_(report) {
    // Labels depend only on the nodes, which are all read now.
    labels_.resize(g.node_count());
    label_ids_.resize(g.node_count());
    for (std::size_t v = 0; v < labels_.size(); ++v) {
      label_ids_[v] = g.label_id(v);
      labels_[v] = g.str(label_ids_[v]);
    }
  }

  void read() {
    in_.begin_array();
    for (;;) {
      bool more = false;
      try {
        more = in_.next_element();
      } catch (const Error&) {
        flush();
        throw;
      }
      if (!more) break;
      const json::Parser::Mark mark = in_.mark();
      Link& link = links_[used_];
      bool parsed = false;
      try {
        parsed = parse(link);
      } catch (const Error&) {
      }
      if (!parsed) {
        flush();
        in_.reset(mark);
        read_one();
        continue;
      }
      if (++used_ == kGroup) flush();
    }
    flush();
  }

 private:
  static constexpr std::size_t kGroup = 16;

  struct Link {
    std::size_t at = 0;                // offset of the link object
    EdgeImport edge;                   // provenance left empty: the records are in records_
    std::size_t first = 0, count = 0;  // its records in records_ / texts_
    std::uint64_t target_hash = 0;
    std::optional<std::uint32_t> target_id;  // pool id of the target's name
    std::optional<std::uint32_t> s, t;       // vertices
  };

  static void clear_edge(EdgeImport& edge) {
    edge.source.clear();
    edge.target.clear();
    edge.relation.clear();
    edge.label.clear();
    edge.polarity = Polarity::kPositive;
    edge.confidence.reset();
  }

  // The members of a link both readers read the same way.
  enum class Member { kNone, kSource, kTarget, kRelation, kLabel, kOther };

  // Reads the value of `field` into `edge` when it is one of the link's own
  // members and says which (kNone: not one of them, nothing read). Throws
  // for a bad polarity or confidence.
  Member read_edge_member(const std::string& field, EdgeImport& edge) {
    if (field == "source"sv) {
      read_id(in_, edge.source);
      return Member::kSource;
    }
    if (field == "target"sv) {
      read_id(in_, edge.target);
      return Member::kTarget;
    }
    if (field == "relation"sv) {
      in_.get_string(edge.relation);
      return Member::kRelation;
    }
    if (field == "label"sv) {
      in_.get_string(edge.label);
      return Member::kLabel;
    }
    if (field == "polarity"sv) {
      in_.get_string(value_);
      if (value_ == "negative"sv)
        edge.polarity = Polarity::kNegative;
      else if (value_ != "positive"sv)
        in_.fail_value("polarity must be positive or negative, not '" + value_ + "'");
      return Member::kOther;
    }
    if (field == "confidence"sv) {
      edge.confidence = in_.get_double();
      if (!(*edge.confidence >= 0 && *edge.confidence <= 1))
        in_.fail_value("confidence must be within [0, 1]");
      return Member::kOther;
    }
    if (field == "key"sv || field == "count"sv || field == "weight"sv) {
      in_.skip();  // derived: networkx's edge key, and the provenance size
      return Member::kOther;
    }
    return Member::kNone;
  }

  // Parses one link into `link` (no lookup, no import). False, or an
  // Error, when the link needs read_one(): source or target missing, or a
  // value read_one() reports.
  bool parse(Link& link) {
    in_.peek();
    link.at = in_.value_offset();
    EdgeImport& edge = link.edge;
    clear_edge(edge);
    const std::size_t first = records_used_;  // the group's records so far
    link.first = first;
    link.count = 0;
    bool has_source = false, has_target = false;
    in_.begin_object();
    while (in_.next_member(field_)) {
      const Member m = read_edge_member(field_, edge);
      has_source |= m == Member::kSource;
      has_target |= m == Member::kTarget;
      if (m != Member::kNone) continue;
      if (field_ == "provenance"sv) {
        link.first = first;  // a repeated member replaces the earlier one
        link.count = 0;
        in_.begin_array();
        while (in_.next_element()) {
          const std::size_t i = link.first + link.count++;
          if (i == records_.size()) {
            records_.emplace_back();
            texts_.emplace_back();
          }
          read_triple_json(in_, records_[i], texts_[i]);
        }
      } else {
        note_ignored(report_, field_);
        in_.skip();
      }
    }
    records_used_ = link.first + link.count;
    return has_source && has_target;
  }

  // Looks up and imports the parsed links, in order.
  void flush() {
    const std::size_t n = used_;
    used_ = 0;
    records_used_ = 0;
    if (!n) return;
    for (std::size_t i = 0; i < n; ++i) {
      Link& l = links_[i];
      l.s = find_source(l.edge.source);
      l.target_hash = StringPool::hash(l.edge.target);
      g_.pool.prefetch_slot(l.target_hash);
    }
    for (std::size_t i = 0; i < n; ++i) g_.pool.prefetch_record(links_[i].target_hash);
    for (std::size_t i = 0; i < n; ++i) {
      Link& l = links_[i];
      l.target_id = g_.pool.find(l.edge.target, l.target_hash);
      if (l.target_id && *l.target_id < g_.node_of.size())
        __builtin_prefetch(&g_.node_of[*l.target_id]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      Link& l = links_[i];
      l.t.reset();
      if (!l.target_id || *l.target_id >= g_.node_of.size() || g_.node_of[*l.target_id] == kNoNode)
        continue;
      const std::uint32_t t = g_.node_of[*l.target_id];
      l.t = t;
      __builtin_prefetch(&g_.g.m_vertices[t]);
      __builtin_prefetch(&label_ids_[t]);
      __builtin_prefetch(&labels_[t]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      const Link& l = links_[i];
      if (!l.s || !l.t) continue;
      const auto& in = in_edge_list(g_.g, *l.t);
      __builtin_prefetch(in.data() + in.size());
      // The edge index slot, when the relation key is known without interning.
      const std::optional<std::uint32_t> id = g_.pool.find(l.edge.relation);
      if (id && *id < key_of_text_.size() && key_of_text_[*id] != kNoNode &&
          key_of_text_[*id] <= kMaxRelationId)
        g_.edge_index.prefetch(
            {*l.s, *l.t, key_of_text_[*id] << 1 | (l.edge.polarity == Polarity::kNegative)});
    }
    for (std::size_t i = 0; i < n; ++i) {
      const Link& l = links_[i];
      const std::uint32_t relation = key_for(l.edge.relation, l.edge.label);
      try {
        if (l.s && l.t) {
          const TripleContext context{labels_[*l.s], g_.str(relation), labels_[*l.t]};
          for (std::size_t k = l.first; k < l.first + l.count; ++k)
            apply_context(records_[k], texts_[k], context);
          import_edge(g_, *l.s, *l.t, relation, l.edge, records_.data() + l.first, l.count,
                      label_ids_.data(), {});
        } else {
          import_edge(g_, l.edge, {});  // reports the unknown endpoint
        }
      } catch (const Error& e) {
        in_.fail_at(l.at, e.what());
      }
    }
  }

  // Files written by textgraph list links by source, so the source's
  // lookup is usually the previous link's.
  std::optional<std::uint32_t> find_source(const std::string& source) {
    if (!last_s_ || source != last_source_) {
      last_source_ = source;
      last_s_ = g_.find_node(source);
    }
    return last_s_;
  }

  // Relation key by pool id of the relation text (kNoNode = not known
  // yet): a handful of relations repeat across a million links.
  std::uint32_t key_for(const std::string& relation, const std::string& label) {
    const std::optional<std::uint32_t> id = g_.pool.find(relation);
    if (id && *id < key_of_text_.size() && key_of_text_[*id] != kNoNode) return key_of_text_[*id];
    const std::string k = node_key(relation);
    if (k.empty()) return relation_key(g_, relation, label);  // the label's: not cached
    const std::uint32_t key = g_.pool.intern(k);
    if (const std::optional<std::uint32_t> again = g_.pool.find(relation)) {
      if (*again >= key_of_text_.size()) key_of_text_.resize(g_.pool.size(), kNoNode);
      key_of_text_[*again] = key;
    }
    return key;
  }

  std::string_view label_of(std::uint32_t v) const {
    return v < labels_.size() ? labels_[v] : g_.label(v);
  }

  // One link, read and imported on its own (what every link went through
  // before groups): the reference for errors, used when parse() gives up.
  void read_one() {
    std::size_t records_used = 0;
    const auto next_record = [&]() -> Triple& {
      if (records_used == one_records_.size()) one_records_.emplace_back();
      return one_records_[records_used++];
    };
    std::string field;
    in_.peek();
    const std::size_t at = in_.value_offset();
    clear_edge(edge_);
    records_used = 0;
    bool has_source = false, has_target = false, has_relation = false, has_label = false;
    bool provenance_read = false;
    std::size_t provenance_at = 0, provenance_end = 0;
    std::optional<std::uint32_t> s, t;
    std::uint32_t relation = 0;
    in_.begin_object();
    while (in_.next_member(field)) {
      if (provenance_read && (field == "source"sv || field == "target"sv || field == "relation"sv ||
                              field == "label"sv)) {
        // The provenance was read in a context this member changes:
        // read it again once the link is complete.
        provenance_read = false;
        records_used = 0;
      }
      const Member m = read_edge_member(field, edge_);
      has_source |= m == Member::kSource;
      has_target |= m == Member::kTarget;
      has_relation |= m == Member::kRelation;
      has_label |= m == Member::kLabel;
      if (m != Member::kNone) continue;
      if (field == "provenance"sv) {
        // Its texts depend on the endpoints and the relation key. When
        // those are known already (textgraph writes provenance last) it
        // is read here; else once the link is complete.
        in_.peek();
        provenance_at = in_.value_offset();
        records_used = 0;  // a repeated member replaces the earlier one
        provenance_read = false;
        bool known = has_source && has_target && has_relation && has_label;
        if (known) {
          s = find_source(edge_.source);
          t = g_.find_node(edge_.target);
          known = s && t;
        }
        if (known) {
          relation = key_for(edge_.relation, edge_.label);
          const TripleContext context{label_of(*s), g_.str(relation), label_of(*t)};
          in_.begin_array();
          while (in_.next_element()) read_triple_json(in_, next_record(), &context);
          provenance_read = true;
        } else {
          in_.skip();
        }
        provenance_end = in_.offset();
      } else {
        note_ignored(report_, field);
        in_.skip();
      }
    }
    if (!has_source || !has_target) in_.fail_at(at, "link needs \"source\" and \"target\"");
    if (!provenance_read) {
      s = find_source(edge_.source);
      t = g_.find_node(edge_.target);
      relation = key_for(edge_.relation, edge_.label);
    }
    if (!provenance_read && provenance_end > provenance_at && s && t) {
      const TripleContext context{label_of(*s), g_.str(relation), label_of(*t)};
      // The sub-parser counts from 1:1; its errors are moved to where
      // the provenance sits in the file (worked out only then).
      json::Parser sub(text_.substr(provenance_at, provenance_end - provenance_at), name_);
      try {
        sub.begin_array();
        while (sub.next_element()) read_triple_json(sub, next_record(), &context);
      } catch (const Error& e) {
        const Location base = in_.location(provenance_at);
        const Location at = e.where();
        fail_input(e.what(), {name_, base.line + at.line - 1,
                              at.line == 1 ? base.column + at.column - 1 : at.column});
      }
    }
    try {
      if (s && t)
        import_edge(g_, *s, *t, relation, edge_, one_records_.data(), records_used,
                    label_ids_.data(), {});
      else
        import_edge(g_, edge_, {});  // reports the unknown endpoint
    } catch (const Error& e) {
      in_.fail_at(at, e.what());
    }
  }

  std::string_view text_;
  const std::string& name_;
  json::Parser& in_;
  GraphImpl& g_;
  ReadReport& report_;
  std::vector<std::string_view> labels_;  // by vertex
  std::vector<std::uint32_t> label_ids_;  // the same as pool ids
  std::string last_source_;
  std::optional<std::uint32_t> last_s_;
  std::vector<std::uint32_t> key_of_text_;
  std::string field_, value_;
  Link links_[kGroup];
  std::size_t used_ = 0;          // links parsed, not imported yet
  std::size_t records_used_ = 0;  // their records, from records_[0] on
  // Provenance records of the group's links (reused, so their strings keep
  // their capacity) and which texts each record had.
  std::vector<Triple> records_;
  std::vector<RecordTexts> texts_;
  EdgeImport edge_;                  // read_one()'s link ...
  std::vector<Triple> one_records_;  // ... and its records
};

}  // namespace

void read_json_graph(std::string_view text, const std::string& name, GraphImpl& g,
                     ReadReport& report) {
  json::Parser in(text, name);
  if (in.at_end()) in.fail_at(0, "empty file: expected a JSON node-link graph");
  in.begin_object();
  std::string key, field;
  bool seen_nodes = false;
  NodeImport node;
  while (in.next_member(key)) {
    if (key == "directed"sv || key == "multigraph"sv) {
      in.get_bool();  // textgraph graphs are always directed multigraphs
    } else if (key == "graph"sv) {
      in.skip();
    } else if (key == "nodes"sv) {
      seen_nodes = true;
      in.begin_array();
      while (in.next_element()) {
        in.peek();
        const std::size_t at = in.value_offset();
        node = NodeImport();
        bool has_id = false;
        in.begin_object();
        while (in.next_member(field)) {
          if (field == "id"sv) {
            read_id(in, node.id);
            has_id = true;
          } else if (field == "label"sv) {
            in.get_string(node.label);
          } else if (field == "type"sv) {
            in.get_string(node.type);
          } else if (field == "mentions"sv) {
            node.mentions = in.get_uint();
          } else if (field == "aliases"sv) {
            read_tallies(in, node.aliases);
          } else if (field == "actors"sv) {
            read_tallies(in, node.actors);
          } else if (field == "types"sv) {
            read_tallies(in, node.types);
          } else if (field == "title"sv) {
            in.get_string(node.title);
          } else if (field == "affiliation"sv) {
            in.get_string(node.affiliation);
          } else if (field == "role"sv) {
            in.get_string(node.role);
          } else if (field == "titles"sv) {
            read_tallies(in, node.titles);
          } else if (field == "affiliations"sv) {
            read_tallies(in, node.affiliations);
          } else if (field == "roles"sv) {
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
    } else if (key == "links"sv || key == "edges"sv) {
      if (!seen_nodes) in.fail_value("\"nodes\" must come before \"" + key + "\"");
      LinkReader(text, name, in, g, report).read();
    } else {
      note_ignored(report, key);
      in.skip();
    }
  }
  in.expect_end();
}

}  // namespace textgraph
