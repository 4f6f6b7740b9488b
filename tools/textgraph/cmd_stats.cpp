// `textgraph stats`: counts, central entities, relation histogram.
#include <iostream>

#include "commands.h"
#include "textgraph/formats.h"
#include "textgraph/query.h"

namespace textgraph::cli {

namespace {

int run_stats(Args& args) {
  const std::string from = args.option("--from").value_or("");
  const std::string format_name = args.option("--format").value_or("table");
  const long top = args.integer("--top", 0, 1000000).value_or(10);
  const std::vector<std::string> pos = args.positionals();
  if (pos.size() != 1) throw UsageError("stats needs one GRAPH");
  Result<RowFormat> format = row_format_named(format_name);
  if (!format.ok()) throw UsageError(format.status().message());
  Result<GraphFormat> in_format = graph_format_for(pos[0], from);
  if (!in_format.ok()) return report(in_format.status());
  ReadReport ignored;
  Result<KnowledgeGraph> graph = read_graph(pos[0], *in_format, &ignored);
  if (!graph.ok()) return report(graph.status());
  if (ignored.ignored) warn_ignored(pos[0], ignored);
  const GraphStats stats = graph_stats(*graph, static_cast<std::size_t>(top));
  std::cout << format_stats(*graph, stats, *format);
  return kOk;
}

}  // namespace

const Command kStats{
    "stats", "count nodes and edges, rank entities (degree, PageRank), list relations",
    "usage: textgraph stats GRAPH [--top N] [--format table|tsv|json] [--from FORMAT]\n"
    "\n"
    "Prints the numbers of nodes, edges, observations, documents and relations,\n"
    "the top N entities (default 10) by degree and by PageRank (Boost.Graph,\n"
    "damping 0.85, scores summing to 1), and how many edges each relation has.\n"
    "exit status: 0 ok, 1 bad input, 2 usage error\n",
    run_stats};

}  // namespace textgraph::cli
