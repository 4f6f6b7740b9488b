// `textgraph query`: edges by pattern, neighbourhood or path. Exit status
// follows grep: 0 rows found, 1 none, 2 error.
#include <iostream>

#include "commands.h"
#include "textgraph/formats.h"
#include "textgraph/query.h"

namespace textgraph::cli {

namespace {

constexpr int kFound = 0, kNone = 1, kError = 2;

int run_query(Args& args) {
  const std::string from = args.option("--from").value_or("");
  const std::string format_name = args.option("--format").value_or("table");
  const std::optional<std::string> around = args.option("--neighbors");
  const std::optional<long> depth = args.integer("--depth", 0, 1000000);
  const bool path = args.flag("--path");
  const bool directed = args.flag("--directed");
  const std::optional<long> limit = args.integer("--limit", 0, 1L << 40);
  const std::vector<std::string> pos = args.positionals();
  if (pos.empty()) throw UsageError("no GRAPH given");
  if ((around ? 1 : 0) + (path ? 1 : 0) > 1)
    throw UsageError("use one of PATTERN, --neighbors NODE, --path A B");
  if (path && pos.size() != 3) throw UsageError("--path needs two nodes: GRAPH --path A B");
  if (around && pos.size() != 1) throw UsageError("--neighbors takes no PATTERN");
  if (!path && !around && pos.size() != 2) throw UsageError("give GRAPH and one PATTERN");
  if (depth && !around) throw UsageError("--depth goes with --neighbors");
  if (directed && !path) throw UsageError("--directed goes with --path");

  Result<RowFormat> format = row_format_named(format_name);
  if (!format.ok()) throw UsageError(format.status().message());
  Result<Pattern> pattern = Pattern();
  if (!path && !around) {
    pattern = parse_pattern(pos[1]);
    if (!pattern.ok()) throw UsageError(pattern.status().message());
  }
  Result<GraphFormat> in_format = graph_format_for(pos[0], from);
  if (!in_format.ok()) throw UsageError(in_format.status().message());
  ReadReport ignored;
  Result<KnowledgeGraph> graph = read_graph(pos[0], *in_format, &ignored);
  if (!graph.ok()) {
    report(graph.status());
    return kError;
  }
  if (ignored.ignored) warn_ignored(pos[0], ignored);

  std::vector<std::size_t> rows;
  if (path) {
    for (const std::string& name : {pos[1], pos[2]})
      if (match_nodes(*graph, name).empty()) warn("no node matches '" + name + "'");
    rows = shortest_path(*graph, pos[1], pos[2], directed);
  } else if (around) {
    if (match_nodes(*graph, *around).empty()) warn("no node matches '" + *around + "'");
    rows = neighbors(*graph, *around, static_cast<std::size_t>(depth.value_or(1)));
  } else {
    rows = match_pattern(*graph, *pattern);
  }
  if (limit && rows.size() > static_cast<std::size_t>(*limit))
    rows.resize(static_cast<std::size_t>(*limit));
  if (rows.empty() && *format != RowFormat::kJson) return kNone;
  std::cout << format_rows(*graph, rows, *format);
  return rows.empty() ? kNone : kFound;
}

}  // namespace

const Command kQuery{
    "query", "find relations by pattern, neighbourhood or path",
    "usage: textgraph query GRAPH 'SUBJECT -[RELATION]-> OBJECT' [options]\n"
    "       textgraph query GRAPH --neighbors NODE [--depth N] [options]\n"
    "       textgraph query GRAPH --path A B [--directed] [options]\n"
    "\n"
    "Each part of a pattern is '?' (anything) or text matched against node labels,\n"
    "ids, aliases and actor names, or relation lemmas and surface forms: case and\n"
    "spacing do not matter. Examples:\n"
    "  textgraph query g.json 'Putin -[?]-> ?'\n"
    "  textgraph query g.json '? -[meet with]-> ?' --format json\n"
    "  textgraph query g.json --neighbors Iran --depth 2\n"
    "  textgraph query g.json --path Putin Zelensky\n"
    "\n"
    "  --neighbors NODE  edges within --depth hops of NODE (default 1), any direction\n"
    "  --path A B        the edges of a shortest path from A to B (breadth-first);\n"
    "                    against edge direction too unless --directed\n"
    "  --format F        table (default), tsv (with a header line) or json\n"
    "  --limit N         at most N rows\n"
    "  --from FORMAT     the graph's format when its extension does not say\n"
    "\n"
    "Rows: subject, relation, object, polarity, confidence, count, and the document,\n"
    "sentence and text of the first observation (json: every observation).\n"
    "exit status: 0 rows found, 1 no rows, 2 error (like grep)\n",
    run_query};

}  // namespace textgraph::cli
