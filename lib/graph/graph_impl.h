// Internal: the representation behind KnowledgeGraph, shared with the format
// readers and writers (lib/formats) and the queries (lib/query).
//
// Strings are interned in one StringPool; node and edge records hold pool
// ids. Observations (the triples merged into an edge) are stored compactly as
// ObsRec and turned back into Triple on demand.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "graph/edge_table.h"
#include "graph/small_list.h"
#include "graph/string_pool.h"
#include "textgraph/graph.h"

namespace textgraph {

struct TallyRec {
  std::uint32_t text = 0;  // pool id
  std::uint64_t count = 0;
};

using TallyList = SmallList<TallyRec>;

struct NodeRec {
  std::uint32_t id = 0;  // pool id of the node key
  std::uint64_t mentions = 0;
  TallyList aliases;  // the first entry sits in the record itself (see small_list.h)
  TallyList actors;
  TallyList types;
  // Argument::title, affiliation and role values, tallied like the aliases.
  TallyList titles;
  TallyList affiliations;
  TallyList roles;
};

struct ArgRec {
  std::uint32_t text = 0, type = 0, actor = 0;         // pool ids
  std::uint32_t title = 0, affiliation = 0, role = 0;  // pool ids
  std::uint32_t span_count = 0;                        // spans of this argument in ObsRec::spans
};

// One triple merged into an edge, minus what the edge itself holds
// (polarity). Spans of subject, relation and object follow one another in
// `spans`.
struct ObsRec {
  ArgRec subject, object;
  std::uint32_t rel_text = 0, rel_lemma = 0, rel_span_count = 0;
  std::uint32_t modality = 0, source = 0, verb = 0, document = 0, sentence_text = 0;
  std::uint64_t sentence = 0;
  double confidence = 1;
  std::vector<Span> spans;
  std::shared_ptr<const std::vector<Argument>> extra;  // null when none (the usual case)
};

struct EdgeRec {
  std::uint32_t index = 0;     // position in Impl::edges
  std::uint32_t relation = 0;  // pool id of the relation key
  Polarity polarity = Polarity::kPositive;
  double keep = 1;        // Π(1 - c_i), folded in observation order
  SmallList<ObsRec> obs;  // the first observation sits in the record itself
  double confidence() const { return 1.0 - keep; }
};

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeRec, EdgeRec>;
using Vertex = BoostGraph::vertex_descriptor;
using EdgeDesc = BoostGraph::edge_descriptor;

inline constexpr std::uint32_t kNoNode = UINT32_MAX;

struct KnowledgeGraph::Impl {
  StringPool pool;
  BoostGraph g;
  std::vector<EdgeDesc> edges;         // by edge index
  std::vector<std::uint32_t> node_of;  // pool id of a node key → vertex, kNoNode if none
  EdgeTable edge_index;                // (source, target, relation, polarity) → edge index
  // Caches for add(), sparing node_key() and a second lookup for every name
  // seen before: the pool's aux value of a name (an argument's actor, else
  // its text) is the vertex it resolves to; relation_of_name maps a lemma's
  // or text's pool id to its relation key. kNoNode = not resolved yet.
  std::vector<std::uint32_t> relation_of_name;
  std::uint64_t observations = 0;

  Impl() = default;
  Impl(const Impl& other);

  std::size_t node_count() const { return boost::num_vertices(g); }
  const NodeRec& node(std::size_t v) const { return g[v]; }
  const EdgeRec& edge(std::size_t e) const { return g[edges[e]]; }
  std::size_t source(std::size_t e) const { return boost::source(edges[e], g); }
  std::size_t target(std::size_t e) const { return boost::target(edges[e], g); }
  std::string_view str(std::uint32_t id) const { return pool.get(id); }

  // Node for a key (created empty when new).
  std::uint32_t node_for_key(std::uint32_t key);
  std::optional<std::uint32_t> find_node(std::string_view key) const;
  // Edge for (source, target, relation key, polarity), created when new.
  std::uint32_t edge_for(std::uint32_t source, std::uint32_t target, std::uint32_t relation,
                         Polarity polarity);
  void add_observation(std::uint32_t edge, ObsRec obs);

  // Tallies: add `count` to text's entry (appended when new).
  static void tally(TallyList& list, std::uint32_t text, std::uint64_t count);

  // The validated triple's arguments counted on its nodes, and the observation.
  void add_triple(const Triple& t);
  // add_triple for each, in order, with the same result; see knowledge_graph.cpp.
  void add_batch(const Triple* triples, std::size_t n);
  // The vertex for an argument (created when new), with its text, type and
  // actor interned into ids.
  std::uint32_t vertex_for(const Argument& a, ArgRec& ids);

  // Derived values.
  std::string_view label(std::size_t v) const { return str(label_id(v)); }
  std::uint32_t label_id(std::size_t v) const;  // pool id of the label
  std::string_view type(std::size_t v) const;
  // Most frequent entry of a tally list ("" when empty; ties: the earliest).
  std::string_view top(const TallyList& list) const;
  std::string_view edge_label(std::size_t e) const;
  void fill_triple(const EdgeRec& e, const ObsRec& o, Triple& out) const;
  // An observation from a triple. `likely` holds pool ids of the subject,
  // relation and object texts the caller expects (kNoNode = no guess); a
  // right guess spares a string lookup.
  ObsRec make_obs(const Triple& t, const std::uint32_t* likely = nullptr);
  // The rest of an observation once its arguments' and relation's ids are known.
  void fill_obs(const Triple& t, ObsRec& o);
};

KnowledgeGraph::Impl& graph_impl(KnowledgeGraph& g);
const KnowledgeGraph::Impl& graph_impl(const KnowledgeGraph& g);

}  // namespace textgraph
