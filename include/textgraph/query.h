// textgraph/query.h — asking a knowledge graph questions.
//
// Usage:
//   textgraph::Result<textgraph::Pattern> p = textgraph::parse_pattern("Putin -[?]-> ?");
//   if (!p.ok()) return p.status();                       // kUsage: malformed pattern
//   std::vector<std::size_t> rows = textgraph::match_pattern(graph, *p);
//   std::cout << textgraph::format_rows(graph, rows, textgraph::RowFormat::kTable);
//
//   rows = textgraph::neighbors(graph, "Putin", 2);       // edges within 2 hops
//   rows = textgraph::shortest_path(graph, "Putin", "Zelensky", false);
//   textgraph::GraphStats s = textgraph::graph_stats(graph, 10);
//   std::cout << textgraph::format_stats(graph, s, textgraph::RowFormat::kJson);
//
// Matching. Text names a node when node_key(text) equals the node_key of
// the node's id, label, one of its aliases or one of its actor spellings:
// case-insensitive for ASCII letters, whitespace-insensitive. "?" matches
// anything. A relation text matches an edge when its node_key equals the
// edge's relation key or the node_key of the relation text or lemma of one
// of its observations ("met with" finds an edge keyed "meet with" that was
// once written "met with").
//
// Results are edge indices in the graph's export order (by subject id,
// object id, relation; see formats.h), so output is deterministic. An empty
// result is not an error; the CLI turns it into exit status 1, like grep.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "textgraph/graph.h"
#include "textgraph/status.h"

namespace textgraph {

// 'SUBJECT -[RELATION]-> OBJECT'; an empty part means "?" (anything).
struct Pattern {
  std::string subject;   // "" = any node
  std::string relation;  // "" = any relation
  std::string object;    // "" = any node
};

// Fails with kUsage, saying what is expected, when text is not of the form
// "S -[R]-> O" (spaces around the parts are optional; each part is "?" or text).
[[nodiscard]] Result<Pattern> parse_pattern(std::string_view text);

// Node indices named by text (see "Matching"), in index order.
std::vector<std::size_t> match_nodes(const KnowledgeGraph& graph, std::string_view text);

// Edges matching the pattern.
std::vector<std::size_t> match_pattern(const KnowledgeGraph& graph, const Pattern& pattern);

// Edges touching a node within `depth` hops of any node named by `node`,
// following edges in both directions (depth 1 = the node's own edges).
std::vector<std::size_t> neighbors(const KnowledgeGraph& graph, std::string_view node,
                                   std::size_t depth);

// The edges of a shortest path (breadth-first search, Boost.Graph) from a
// node named `from` to a node named `to`, in path order; empty when there is
// none. directed = false lets the path follow edges against their direction.
std::vector<std::size_t> shortest_path(const KnowledgeGraph& graph, std::string_view from,
                                       std::string_view to, bool directed);

enum class RowFormat { kTable, kTsv, kJson };

// "table" | "tsv" | "json"; kUsage otherwise.
[[nodiscard]] Result<RowFormat> row_format_named(std::string_view name);

// One row per edge: subject, relation (surface label), object, polarity,
// confidence, count, provenance columns (document, sentence index and
// sentence text of the first observation; the JSON rows carry every
// observation), and the subject's and object's attributes
// ("title=Russian President; affiliation=Russia", "" when none; JSON rows:
// "subject_attributes":{"title":...,"affiliation":...,"role":...}). The
// table is for people: cells are shortened to 60 characters and line breaks
// shown as \n. TSV escapes fields like the triple
// TSV (\t \n \r \\) and starts with a header line. JSON is an array, one row
// per line.
std::string format_rows(const KnowledgeGraph& graph, const std::vector<std::size_t>& edges,
                        RowFormat format);

struct RankedNode {
  std::size_t node = 0;  // node index
  double score = 0;      // degree (in + out edges) or PageRank
};

struct RelationCount {
  std::string relation;          // relation key
  std::size_t edges = 0;         // edges with this relation
  std::size_t observations = 0;  // observations merged into them
};

struct GraphStats {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  std::size_t observations = 0;
  std::size_t documents = 0;  // distinct non-empty provenance document ids
  std::size_t negative_edges = 0;
  std::vector<RankedNode> by_degree;     // top entities, highest first (ties: by id)
  std::vector<RankedNode> by_pagerank;   // Boost.Graph page_rank, damping 0.85, 50 iterations
  std::vector<RelationCount> relations;  // every relation, most edges first (ties: by key)
};

// Counts, the `top` best-connected entities, and the relation histogram.
// PageRank is Boost.Graph's page_rank (parallel edges count as many links),
// scaled so that the scores of all nodes sum to 1.
GraphStats graph_stats(const KnowledgeGraph& graph, std::size_t top);

// Same three formats as format_rows. TSV lines are `section TAB ...`. Top
// entities show their attributes as format_rows does (table: in brackets
// after the label; TSV: a last column; JSON: an "attributes" object).
std::string format_stats(const KnowledgeGraph& graph, const GraphStats& stats, RowFormat format);

}  // namespace textgraph
