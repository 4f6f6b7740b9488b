#include <charconv>
#include <tuple>

#include "core/error.h"
#include "formats/graph_io.h"
#include "formats/json.h"
#include "formats/text_check.h"
#include "formats/triple_codec.h"

namespace textgraph {

namespace {

void check_field(const std::string& s, const char* what, const Location& where) {
  const std::size_t bad = find_disallowed(s);
  if (bad != std::string::npos)
    fail_input(std::string(what) + " holds " + describe_disallowed(s, bad), where);
}

}  // namespace

void note_ignored(ReadReport& report, std::string_view name) {
  ++report.ignored;
  for (const std::string& n : report.ignored_names)
    if (n == name) return;
  report.ignored_names.emplace_back(name);
}

void import_node(GraphImpl& g, const NodeImport& n, const Location& where) {
  check_field(n.id, "node id", where);
  check_field(n.label, "node label", where);
  check_field(n.type, "node type", where);
  if (n.id.empty()) fail_input("node id is empty", where);
  const std::uint32_t key = g.pool.intern(n.id);
  if (g.find_node(n.id)) fail_input("duplicate node id '" + n.id + "'", where);
  const std::uint32_t v = g.node_for_key(key);
  NodeRec& r = g.g[v];
  auto fill = [&](const std::vector<Tally>& from, TallyList& to, const char* what) {
    for (const Tally& t : from) {
      check_field(t.text, what, where);
      if (t.text.empty()) fail_input(std::string(what) + " entry is empty", where);
      GraphImpl::tally(to, g.pool.intern(t.text), t.count);
    }
  };
  fill(n.aliases, r.aliases, "alias");
  fill(n.actors, r.actors, "actor");
  fill(n.types, r.types, "type");
  fill(n.titles, r.titles, "title");
  fill(n.affiliations, r.affiliations, "affiliation");
  fill(n.roles, r.roles, "role");
  // A name known only from the file (no tallies) is kept as an alias seen 0
  // times, so the label survives and counts stay honest.
  if (r.aliases.empty() && r.actors.empty() && !n.label.empty() && n.label != n.id)
    r.aliases.push_back({g.pool.intern(n.label), 0});
  if (r.types.empty() && !n.type.empty()) r.types.push_back({g.pool.intern(n.type), 0});
  // Likewise a title, affiliation or role given without its tally.
  for (auto [value, list, what] : {std::tuple{&n.title, &r.titles, "node title"},
                                   std::tuple{&n.affiliation, &r.affiliations, "node affiliation"},
                                   std::tuple{&n.role, &r.roles, "node role"}}) {
    check_field(*value, what, where);
    if (list->empty() && !value->empty()) list->push_back({g.pool.intern(*value), 0});
  }
  if (n.mentions) {
    r.mentions = *n.mentions;
  } else {
    for (const TallyRec& t : r.aliases) r.mentions += t.count;
  }
}

void import_edge(GraphImpl& g, const EdgeImport& e, const Location& where) {
  const auto source = g.find_node(e.source);
  if (!source) fail_input("edge source '" + e.source + "' is not a node", where);
  const auto target = g.find_node(e.target);
  if (!target) fail_input("edge target '" + e.target + "' is not a node", where);
  import_edge(g, *source, *target, e, where);
}

void import_edge(GraphImpl& g, std::uint32_t source_vertex, std::uint32_t target_vertex,
                 const EdgeImport& e, const Location& where) {
  import_edge(g, source_vertex, target_vertex, relation_key(g, e.relation, e.label), e, where);
}

std::uint32_t relation_key(GraphImpl& g, std::string_view relation, std::string_view label) {
  std::string key = node_key(relation);
  if (key.empty()) key = node_key(label);
  return g.pool.intern(key);
}

void import_edge(GraphImpl& g, std::uint32_t source_vertex, std::uint32_t target_vertex,
                 std::uint32_t key, const EdgeImport& e, const Location& where) {
  const std::optional<std::uint32_t> source = source_vertex, target = target_vertex;
  check_field(e.relation, "edge relation", where);
  check_field(e.label, "edge label", where);
  if (key == 0) fail_input("edge has neither a relation nor a label", where);
  if (!e.provenance_json.empty()) {
    const std::uint32_t edge = g.edge_for(*source, *target, key, e.polarity);
    const std::vector<Triple> parsed =
        parse_provenance(e.provenance_json, where, edge_context(g, edge));
    import_edge(g, *source, *target, key, e, parsed.data(), parsed.size(), nullptr, where);
    return;
  }
  import_edge(g, *source, *target, key, e, e.provenance.data(), e.provenance.size(), nullptr,
              where);
}

void import_edge(GraphImpl& g, std::uint32_t source, std::uint32_t target, std::uint32_t key,
                 const EdgeImport& e, const Triple* provenance, std::size_t n,
                 const std::uint32_t* label_ids, const Location& where) {
  check_field(e.relation, "edge relation", where);
  check_field(e.label, "edge label", where);
  if (key == 0) fail_input("edge has neither a relation nor a label", where);
  const std::uint32_t edge = g.edge_for(source, target, key, e.polarity);
  if (n) {
    // Most observations carry the texts their edge implies; their ids are known.
    const std::uint32_t likely[3] = {label_ids ? label_ids[source] : g.label_id(source), key,
                                     label_ids ? label_ids[target] : g.label_id(target)};
    for (std::size_t i = 0; i < n; ++i) {
      check_triple_or_throw(provenance[i], where);
      GraphImpl::NewObs o;
      g.make_obs(provenance[i], likely, o);
      g.add_observation(edge, o);
    }
    return;
  }
  Triple t;
  t.subject.text = g.label(source);
  t.object.text = g.label(target);
  t.relation.text = e.label.empty() ? e.relation : e.label;
  t.relation.lemma = e.relation;
  t.polarity = e.polarity;
  t.confidence = e.confidence.value_or(1.0);
  check_triple_or_throw(t, where);
  GraphImpl::NewObs o;
  g.make_obs(t, nullptr, o);
  g.add_observation(edge, o);
}

void append_tallies(std::string& out, const GraphImpl& g, const TallyList& list) {
  out += '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) out += ',';
    out += '[';
    json::append_string(out, g.str(list[i].text));
    out += ',';
    json::append_uint(out, list[i].count);
    out += ']';
  }
  out += ']';
}

TripleContext edge_context(const GraphImpl& g, std::size_t edge) {
  return {g.label(g.source(edge)), g.str(g.edge(edge).relation), g.label(g.target(edge))};
}

void append_provenance(std::string& out, const GraphImpl& g, std::size_t edge, Triple& scratch,
                       const TripleContext& context) {
  const EdgeRec& e = g.edge(edge);
  out += '[';
  bool first = true;
  for (const ObsRec& o : g.obs_of(edge)) {
    if (!first) out += ',';
    first = false;
    g.fill_triple(e, o, scratch);
    append_triple_json(out, scratch, true, &context);
  }
  out += ']';
}

namespace {

// Embedded JSON sits inside one attribute; its own offsets mean little to a
// user, so the error names the attribute's location and the JSON's problem.
template <class F>
void embedded(std::string_view json_text, const char* what, const Location& where, F&& f) {
  try {
    json::Parser in(json_text, "");
    f(in);
    in.expect_end();
  } catch (const Error& e) {
    fail_input(std::string(what) + " is not valid: " + e.what() + " (at byte " +
                   std::to_string(e.where().column) + " of the value)",
               where);
  }
}

}  // namespace

std::vector<Tally> parse_tallies(std::string_view text, const Location& where) {
  std::vector<Tally> out;
  embedded(text, "tally list", where, [&](json::Parser& in) {
    in.begin_array();
    while (in.next_element()) {
      in.begin_array();
      Tally t;
      if (!in.next_element()) in.fail_value("expected [text, count]");
      in.get_string(t.text);
      if (!in.next_element()) in.fail_value("expected [text, count]");
      t.count = static_cast<std::size_t>(in.get_uint());
      if (in.next_element()) in.fail_value("expected [text, count]");
      out.push_back(std::move(t));
    }
  });
  return out;
}

std::vector<Triple> parse_provenance(std::string_view text, const Location& where,
                                     const TripleContext& context) {
  std::vector<Triple> out;
  embedded(text, "provenance", where, [&](json::Parser& in) {
    in.begin_array();
    while (in.next_element()) {
      out.emplace_back();
      read_triple_json(in, out.back(), &context);
    }
  });
  return out;
}

std::uint64_t parse_count(std::string_view s, const char* what, const Location& where) {
  std::uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size())
    fail_input(std::string(what) + " '" + std::string(s) + "' is not a non-negative integer",
               where);
  return v;
}

double parse_confidence(std::string_view s, const Location& where) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size())
    fail_input("confidence '" + std::string(s) + "' is not a number", where);
  if (!(v >= 0.0 && v <= 1.0))
    fail_input("confidence " + std::string(s) + " is not within [0, 1]", where);
  return v;
}

Polarity parse_polarity(std::string_view s, const Location& where) {
  if (s == "positive" || s.empty()) return Polarity::kPositive;
  if (s == "negative") return Polarity::kNegative;
  fail_input("polarity must be positive or negative, not '" + std::string(s) + "'", where);
}

}  // namespace textgraph
