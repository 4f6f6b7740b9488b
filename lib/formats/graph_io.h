// Internal: the per-format graph readers and writers behind formats.h, and
// the import helpers they share.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/sink.h"
#include "formats/triple_codec.h"
#include "graph/graph_impl.h"
#include "textgraph/formats.h"

namespace textgraph {

using GraphImpl = KnowledgeGraph::Impl;

void write_json_graph(const GraphImpl& g, Sink& out);
void write_graphml(const GraphImpl& g, Sink& out);
void write_gexf(const GraphImpl& g, Sink& out);
void write_dot(const GraphImpl& g, Sink& out);
void write_tsv_graph(const GraphImpl& g, Sink& out);
void write_jsonl_graph(const GraphImpl& g, Sink& out);
void write_carb_graph(const GraphImpl& g, Sink& out);

void read_json_graph(std::string_view text, const std::string& name, GraphImpl& g,
                     ReadReport& report);
void read_graphml(std::string_view text, const std::string& name, GraphImpl& g, ReadReport& report);
void read_dot(std::string_view text, const std::string& name, GraphImpl& g, ReadReport& report);

// A node as a file describes it. Lists left empty fall back to label/type.
struct NodeImport {
  std::string id;
  std::string label;
  std::string type;
  std::optional<std::uint64_t> mentions;
  std::vector<Tally> aliases, actors, types;
  std::string title, affiliation, role;  // single values (files of other tools)
  std::vector<Tally> titles, affiliations, roles;
};

// An edge as a file describes it. Without provenance, one observation is
// built from the label/relation and confidence.
struct EdgeImport {
  std::string source, target;  // node ids
  std::string relation, label;
  Polarity polarity = Polarity::kPositive;
  std::optional<double> confidence;
  std::vector<Triple> provenance;  // read already (JSON reader) ...
  std::string provenance_json;     // ... or still as JSON text (GraphML, DOT), read on import
                                   // with the edge as context (see TripleContext)
};

// Both throw Error(kInvalidInput) at `where` for a duplicate node id, an
// unknown endpoint, empty relation, text no format can hold, ...
void import_node(GraphImpl& g, const NodeImport& node, const Location& where);
void import_edge(GraphImpl& g, const EdgeImport& edge, const Location& where);
// The same with both endpoints already looked up (vertex indices).
void import_edge(GraphImpl& g, std::uint32_t source, std::uint32_t target, const EdgeImport& edge,
                 const Location& where);
// The same with the relation key known too: the pool id of
// node_key(relation), or of node_key(label) when that is empty (0 when both
// are: an error). See relation_key().
void import_edge(GraphImpl& g, std::uint32_t source, std::uint32_t target, std::uint32_t key,
                 const EdgeImport& edge, const Location& where);
// The same with the observations given as n triples at `provenance` (in
// place of edge.provenance and provenance_json; n = 0: one observation made
// from the edge) and, when not null, the pool ids of the nodes' labels by
// vertex (label_ids[v] == label_id(v)).
void import_edge(GraphImpl& g, std::uint32_t source, std::uint32_t target, std::uint32_t key,
                 const EdgeImport& edge, const Triple* provenance, std::size_t n,
                 const std::uint32_t* label_ids, const Location& where);
// Pool id of the relation key of an edge with this relation and label
// (interned when new; 0 when both texts are blank).
std::uint32_t relation_key(GraphImpl& g, std::string_view relation, std::string_view label);

void note_ignored(ReadReport& report, std::string_view name);

// A node's attribute tallies by name, in the order files list them.
struct AttributeList {
  const char* single;  // "title": the most frequent value
  const char* plural;  // "titles": every value with its count
  TallyList NodeRec::*list;
};
inline constexpr AttributeList kNodeAttributes[] = {
    {"title", "titles", &NodeRec::titles},
    {"affiliation", "affiliations", &NodeRec::affiliations},
    {"role", "roles", &NodeRec::roles},
};

// Tally lists as JSON text ([["Putin",2],...]), used inside GraphML and DOT.
void append_tallies(std::string& out, const GraphImpl& g, const TallyList& list);
std::vector<Tally> parse_tallies(std::string_view json, const Location& where);
// The texts an edge's observations leave out in graph files.
TripleContext edge_context(const GraphImpl& g, std::size_t edge);
// Provenance lists as JSON text ([TRIPLE,...]), compact, in the edge's context.
void append_provenance(std::string& out, const GraphImpl& g, std::size_t edge, Triple& scratch,
                       const TripleContext& context);
std::vector<Triple> parse_provenance(std::string_view json, const Location& where,
                                     const TripleContext& context);

// Parsing numbers held in text attributes (GraphML, DOT).
std::uint64_t parse_count(std::string_view s, const char* what, const Location& where);
double parse_confidence(std::string_view s, const Location& where);
Polarity parse_polarity(std::string_view s, const Location& where);
inline const char* polarity_name(Polarity p) {
  return p == Polarity::kNegative ? "negative" : "positive";
}

}  // namespace textgraph
