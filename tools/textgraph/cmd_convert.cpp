// `textgraph convert`: one graph format to another.
#include "commands.h"
#include "textgraph/formats.h"

namespace textgraph::cli {

void warn_ignored(const std::string& file, const ReadReport& report) {
  std::string names;
  for (const std::string& n : report.ignored_names) names += (names.empty() ? "" : ", ") + n;
  warn(file + ": skipped " + std::to_string(report.ignored) +
       " attribute values textgraph does not model: " + names);
}

namespace {

int run_convert(Args& args) {
  const std::string from = args.option("--from").value_or("");
  const std::string format = args.option("--format").value_or("");
  const std::vector<std::string> files = args.positionals();
  if (files.size() != 2) throw UsageError("convert needs IN and OUT");
  Result<GraphFormat> in_format = graph_format_for(files[0], from);
  if (!in_format.ok()) return report(in_format.status());
  Result<GraphFormat> out_format = graph_format_for(files[1], format);
  if (!out_format.ok()) return report(out_format.status());
  if (!can_read(*in_format))
    return report(Status::error(
        ErrorCode::kUsage,
        std::string(graph_format_name(*in_format)) + " files can be written but not read",
        {files[0]}));
  ReadReport ignored;
  Result<KnowledgeGraph> graph = read_graph(files[0], *in_format, &ignored);
  if (!graph.ok()) return report(graph.status());
  if (ignored.ignored) warn_ignored(files[0], ignored);
  if (Status s = write_graph(*graph, files[1], *out_format); !s.ok()) return report(s);
  return kOk;
}

}  // namespace

const Command kConvert{
    "convert", "convert a graph between formats (json, graphml, dot, gexf, tsv, ...)",
    "usage: textgraph convert IN OUT [--from FORMAT] [--format FORMAT]\n"
    "\n"
    "Reads a graph and writes it in another format. Formats follow the file\n"
    "extensions unless --from (input) or --format (output) say otherwise.\n"
    "\n"
    "  read:  .json .graphml .dot/.gv, and triple files .tsv .jsonl (built into a graph)\n"
    "  write: .json .graphml .gexf .dot/.gv .tsv .jsonl .carb\n"
    "  '-' is standard input/output (needs --from/--format)\n"
    "\n"
    "JSON is lossless; GraphML and DOT written by textgraph read back exactly.\n"
    "Attributes of foreign files that textgraph does not model are skipped with a\n"
    "warning that names them.\n"
    "exit status: 0 ok, 1 bad input (message names FILE:LINE[:COL]), 2 usage error\n",
    run_convert};

}  // namespace textgraph::cli
