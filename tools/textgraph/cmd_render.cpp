// `textgraph render`: draw a graph with Graphviz.
#include "commands.h"
#include "textgraph/formats.h"

namespace textgraph::cli {

namespace {

int run_render(Args& args) {
  const std::optional<std::string> output = args.option("--output", "-o");
  const std::string from = args.option("--from").value_or("");
  RenderOptions options;
  options.format = args.option("--format").value_or("");
  options.layout = args.option("--layout").value_or("");
  if (auto limit = args.integer("--dot-limit", 0, 100000000)) options.dot_limit = *limit;
  const std::vector<std::string> files = args.positionals();
  if (files.size() != 1) throw UsageError("render needs one GRAPH");
  if (!output) throw UsageError("no output given (-o FILE.svg)");
  Result<GraphFormat> in_format = graph_format_for(files[0], from);
  if (!in_format.ok()) return report(in_format.status());
  ReadReport ignored;
  Result<KnowledgeGraph> graph = read_graph(files[0], *in_format, &ignored);
  if (!graph.ok()) return report(graph.status());
  if (ignored.ignored) warn_ignored(files[0], ignored);
  if (Status s = render_graph(*graph, *output, options); !s.ok()) return report(s);
  return kOk;
}

}  // namespace

const Command kRender{
    "render", "draw a graph as SVG, PNG or PDF with Graphviz",
    "usage: textgraph render GRAPH -o OUT [--format svg|png|pdf] [--layout ENGINE]\n"
    "                        [--dot-limit N] [--from FORMAT]\n"
    "\n"
    "Lays the graph out and draws it with Graphviz. Nodes are shaped and coloured\n"
    "by entity type, edges labelled with their relation, negated relations dashed.\n"
    "\n"
    "  GRAPH          any readable graph or triple file (.json .graphml .dot .tsv .jsonl)\n"
    "  -o, --output   the image; its extension picks the format unless --format\n"
    "  --layout E     Graphviz engine: dot, sfdp, neato, fdp, circo, twopi\n"
    "                 (default: dot up to --dot-limit nodes, sfdp beyond)\n"
    "  --dot-limit N  default 300\n"
    "exit status: 0 ok, 1 bad input, 2 usage error (unknown format or engine)\n",
    run_render};

}  // namespace textgraph::cli
