// textgraph/graph.h — the knowledge graph: actors and the relations between them.
//
// Usage:
//   textgraph::KnowledgeGraph graph;
//   for (const textgraph::Triple& t : triples)
//     if (textgraph::Status s = graph.add(t); !s.ok()) return s;
//   for (std::size_t e = 0; e < graph.edge_count(); ++e) {
//     textgraph::Edge edge = graph.edge(e);
//     std::cout << graph.node(edge.source).label << " -[" << edge.label << "]-> "
//               << graph.node(edge.target).label << " x" << edge.count << "\n";
//   }
//   graph.merge(other_graph);   // same graph as one run over both inputs
//
// The graph is a directed multigraph (Boost.Graph adjacency_list behind a
// pimpl). Nodes are entities, edges are relations between them; several
// edges may join the same two nodes (different relations, or the same
// relation with opposite polarity).
//
// Merging. A triple's subject and object are looked up by their node key:
// node_key() of the argument's actor when it has one, else of its text. An
// edge is identified by (subject node, relation key, polarity, object node),
// where the relation key is node_key() of the relation lemma, or of its text
// when the lemma is empty. Adding a triple whose edge exists already merges
// into it: count grows, the triple is appended to the edge's provenance, the
// confidence is combined by noisy-or (1 - Π(1 - c_i)), and the nodes' alias,
// actor, type, title, affiliation and role tallies grow (an argument counts
// for each non-empty one it carries). Nothing is dropped: every triple added can be
// read back, field for field, from Edge::provenance.
//
// Order and determinism. Nodes and edges are numbered 0, 1, ... in order of
// first appearance (indices, stable while the graph lives; the stable name of
// a node across graphs and files is its id), provenance and tallies keep the
// order of addition, and ties ("most frequent label") go to the one seen
// first. Exports list nodes by id and edges by (subject id, object id,
// relation), so files do not depend on the order of addition (formats.h).
// merge(A, B) gives the same graph, and byte-identical exports, as one run
// adding A's triples then B's; the confidence product is folded one
// observation at a time in that same order, so even its last bit agrees.
//
// Failure: add() refuses (kInvalidInput, graph unchanged) a triple that
// check_triple() (formats.h) refuses. Accessors take indices below
// node_count() / edge_count(); other indices are a programming error with
// undefined behaviour, as for std::vector::operator[]. Not thread-safe:
// one writer, or any number of readers, at a time.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "textgraph/status.h"
#include "textgraph/triple.h"

namespace textgraph {

// The key nodes (and relations) merge on: ASCII letters lower-cased, runs of
// whitespace (ASCII whitespace and U+00A0 NO-BREAK SPACE) collapsed to one
// space, leading and trailing whitespace removed. Other bytes are kept as
// they are, so UTF-8 stays valid. "  Vladimir\tPUTIN " → "vladimir putin".
// This is the one place the entity stage will replace with real canonical
// names; everything else calls it.
std::string node_key(std::string_view text);

// A text with how often it was seen.
struct Tally {
  std::string text;       // as written
  std::size_t count = 0;  // times seen (0 for a name known only from an imported file)
  bool operator==(const Tally&) const = default;
};

struct Node {
  std::string id;              // stable id: the node key (see node_key); unique in the graph
  std::string label;           // shown name: the most frequent actor spelling, else the most
                               // frequent alias, else the id
  std::string type;            // most frequent non-empty entity type; "" = unknown
  std::size_t mentions = 0;    // how many triple arguments named this node
  std::vector<Tally> aliases;  // surface texts that named it, in order of first appearance
  std::vector<Tally> actors;   // canonical actor spellings, in order of first appearance
  std::vector<Tally> types;    // entity types given, in order of first appearance
  // Attributes (Argument::title, affiliation, role), each the most frequent
  // value given ("" = none), with every value and its count beside it:
  std::string title;                // "Russian President"
  std::string affiliation;          // "Russia"
  std::string role;                 // "leaders" (a group of a country: "Iranian leaders")
  std::vector<Tally> titles;        // in order of first appearance
  std::vector<Tally> affiliations;  // in order of first appearance
  std::vector<Tally> roles;         // in order of first appearance
};

struct Edge {
  std::size_t source = 0;  // node index of the subject
  std::size_t target = 0;  // node index of the object
  std::string relation;    // relation key: node_key(lemma, else text); merge key
  std::string label;       // most frequent surface relation text (relation.text)
  Polarity polarity = Polarity::kPositive;
  double confidence = 0;           // noisy-or of the provenance confidences
  std::size_t count = 0;           // observations merged into this edge (= provenance.size())
  std::vector<Triple> provenance;  // every triple merged here, in order of addition
};

class KnowledgeGraph {
 public:
  KnowledgeGraph();
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;
  KnowledgeGraph(const KnowledgeGraph& other);  // deep copy
  KnowledgeGraph& operator=(const KnowledgeGraph& other);

  // Adds one observation (see "Merging" above). On error the graph is unchanged.
  [[nodiscard]] Status add(const Triple& triple);
  // Adds many, in order, all or nothing: every triple is checked first, and
  // if one is refused ("triple 12: subject.text is empty") none is added.
  [[nodiscard]] Status add(const std::vector<Triple>& triples);
  // Adds every node, edge and observation of other, in other's order.
  void merge(const KnowledgeGraph& other);

  std::size_t node_count() const;
  std::size_t edge_count() const;
  std::size_t observation_count() const;  // sum of Edge::count

  // Copies of one node / edge; with_provenance = false leaves Edge::provenance
  // empty (count still says how many there are), which is much cheaper.
  Node node(std::size_t index) const;
  Edge edge(std::size_t index, bool with_provenance = true) const;
  // Cheap views for loops over large graphs.
  std::string_view node_id(std::size_t index) const;
  std::string node_label(std::size_t index) const;

  // Index of the node whose id is exactly `id`.
  std::optional<std::size_t> find_node(std::string_view id) const;
  // Edge indices leaving / entering a node, in edge order.
  std::vector<std::size_t> out_edges(std::size_t node) const;
  std::vector<std::size_t> in_edges(std::size_t node) const;

  struct Impl;  // lib/graph/graph_impl.h; used by the format readers and writers

 private:
  std::unique_ptr<Impl> impl_;
  friend Impl& graph_impl(KnowledgeGraph& g);
  friend const Impl& graph_impl(const KnowledgeGraph& g);
};

}  // namespace textgraph
