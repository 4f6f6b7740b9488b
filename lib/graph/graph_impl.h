// Internal: the representation behind KnowledgeGraph, shared with the format
// readers and writers (lib/formats) and the queries (lib/query).
//
// Strings are interned in one StringPool; node and edge records hold pool
// ids. Observations (the triples merged into an edge) are stored compactly as
// ObsRec and ObsDetail (edge_records.h) and turned back into Triple on demand.
//
// Layout (bench/README.md, "Flat graph layout"): boost::adjacency_list holds the
// vertices with their NodeRec and, per edge, only its index; the edge
// records, the observations and all spans sit in flat arrays
// indexed by number, so adding an edge or an observation allocates nothing
// of its own (Boost's per-vertex edge vectors still grow by doubling) and
// touches few cache lines.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "graph/chunked_array.h"
#include "graph/edge_records.h"
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

// What Boost.Graph holds per edge: the index of its EdgeRec in Impl::edges.
struct EdgeLink {
  std::uint32_t index = 0;
};

// Edges in a vector (EdgeListS = vecS): adding one allocates no list node.
// Edge descriptors of such a graph point into that vector and are not kept.
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeRec,
                                         EdgeLink, boost::no_property, boost::vecS>;
using Vertex = BoostGraph::vertex_descriptor;
using EdgeDesc = BoostGraph::edge_descriptor;

inline constexpr std::uint32_t kNoNode = UINT32_MAX;

struct KnowledgeGraph::Impl {
  StringPool pool;
  BoostGraph g;                               // vertices (NodeRec) and the edges' adjacency
  ChunkedArray<EdgeRec> edges;                // by edge index
  ChunkedArray<ObsRec> first_obs;             // by edge index: its first observation
  ChunkedArray<ObsRec> more_obs;              // the others, chained per edge
  std::vector<ObsDetail> details;             // of the observations having one
  std::vector<Span> spans;                    // every observation's spans, one run each
  std::vector<std::vector<Argument>> extras;  // Triple::extra of the observations having one
  std::vector<std::uint32_t> node_of;         // pool id of a node key → vertex, kNoNode if none
  EdgeTable edge_index;                       // (source, target, relation, polarity) → edge index
  // Caches for add(), sparing node_key() and a second lookup for every name
  // seen before: the pool's aux value of a name (an argument's actor, else
  // its text) is the vertex it resolves to; relation_of_name maps a lemma's
  // or text's pool id to its relation key. kNoNode = not resolved yet.
  std::vector<std::uint32_t> relation_of_name;
  std::uint64_t observations = 0;

  Impl() = default;
  Impl(const Impl& other) = default;

  std::size_t node_count() const { return boost::num_vertices(g); }
  const NodeRec& node(std::size_t v) const { return g[v]; }
  const EdgeRec& edge(std::size_t e) const { return edges[e]; }
  std::size_t source(std::size_t e) const { return edges[e].source; }
  std::size_t target(std::size_t e) const { return edges[e].target; }
  // An edge's observations, by edge index: the first one's address does not
  // wait for the edge record (exports visit edges out of storage order).
  ObsList obs_of(std::size_t e) const { return {edges[e], first_obs[e], more_obs}; }
  // An observation's detail (all empty for most).
  const ObsDetail& detail_of(const ObsRec& o) const {
    static const ObsDetail kEmpty;
    return o.detail == kNoObs ? kEmpty : details[o.detail];
  }
  const Span* spans_of(const ObsDetail& d) const { return spans.data() + d.spans; }
  std::string_view str(std::uint32_t id) const { return pool.get(id); }

  // Node for a key (created empty when new).
  std::uint32_t node_for_key(std::uint32_t key);
  std::optional<std::uint32_t> find_node(std::string_view key) const;
  // Edge for (source, target, relation key, polarity), created when new.
  std::uint32_t edge_for(std::uint32_t source, std::uint32_t target, std::uint32_t relation,
                         Polarity polarity);
  // An observation being put together: its record and its detail.
  struct NewObs {
    ObsRec rec;
    ObsDetail detail;
  };
  // Appends o (its spans and extra stored already, see fill_obs) to the edge;
  // its detail goes to `details` unless empty.
  void add_observation(std::uint32_t edge, const NewObs& o);

  // Tallies: add `count` to text's entry (appended when new).
  static void tally(TallyList& list, std::uint32_t text, std::uint64_t count);

  // The validated triple's arguments counted on its nodes, and the observation.
  // `name_hash`, when given, holds StringPool::hash() of the subject's and
  // the object's name (actor, else text), which add_batch has worked out.
  void add_triple(const Triple& t, const std::uint64_t* name_hash = nullptr);
  // add_triple for each, in order, with the same result; see knowledge_graph.cpp.
  void add_batch(const Triple* triples, std::size_t n);
  // The vertex for an argument (created when new), with its text, type and
  // actor interned into ids.
  std::uint32_t vertex_for(const Argument& a, std::uint32_t& text, ArgDetail& ids,
                           const std::uint64_t* name_hash);

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
  void make_obs(const Triple& t, const std::uint32_t* likely, NewObs& out);
  // The rest of an observation once its arguments' and relation's ids are
  // known; its spans and extra arguments are appended to spans / extras.
  void fill_obs(const Triple& t, NewObs& o);
  // Appends spans to `spans`; returns where they start.
  std::uint64_t store_spans(const Span* first, std::size_t n);
};

KnowledgeGraph::Impl& graph_impl(KnowledgeGraph& g);
const KnowledgeGraph::Impl& graph_impl(const KnowledgeGraph& g);

}  // namespace textgraph
