// `textgraph build`: triples → knowledge graph file.
#include <iostream>

#include "commands.h"
#include "textgraph/formats.h"

namespace textgraph::cli {

namespace {

int run_build(Args& args) {
  const std::optional<std::string> output = args.option("--output", "-o");
  const std::string from = args.option("--from").value_or("");
  const std::string format = args.option("--format").value_or("");
  const std::vector<std::string> inputs = args.positionals();
  if (inputs.empty()) throw UsageError("no triple file given");
  if (!output) throw UsageError("no output given (-o FILE)");
  Result<GraphFormat> out_format = graph_format_for(*output, format);
  if (!out_format.ok()) return report(out_format.status());

  KnowledgeGraph graph;
  for (const std::string& input : inputs) {
    Result<TripleFormat> in_format =
        !from.empty()  ? triple_format_named(from)
        : input == "-" ? Result<TripleFormat>(Status::error(
                             ErrorCode::kUsage, "standard input needs --from tsv|jsonl"))
                       : triple_format_of(input);
    if (!in_format.ok()) return report(in_format.status());
    if (*in_format == TripleFormat::kCarb)
      return report(Status::error(ErrorCode::kUsage, "CaRB files cannot be read", {input}));
    TripleReader reader(input, *in_format);
    Triple t;
    while (true) {
      Result<bool> got = reader.next(t);
      if (!got.ok()) return report(got.status());
      if (!*got) break;
      if (Status s = graph.add(t); !s.ok()) return report(s);
    }
  }
  if (Status s = write_graph(graph, *output, *out_format); !s.ok()) return report(s);
  return kOk;
}

}  // namespace

const Command kBuild{
    "build", "build a knowledge graph from triple files (TSV or JSONL)",
    "usage: textgraph build TRIPLES... -o OUT [--from tsv|jsonl] [--format FORMAT]\n"
    "\n"
    "Builds one knowledge graph from triple files and writes it to OUT.\n"
    "Triples that say the same thing (same subject, relation, polarity and object)\n"
    "merge into one edge: its count grows, provenance is kept, confidences combine.\n"
    "\n"
    "  TRIPLES        .tsv:   subject TAB relation TAB object [TAB confidence]\n"
    "                 .jsonl: one triple record per line (see the README)\n"
    "                 '-' reads standard input (needs --from)\n"
    "  -o, --output   the graph file; its extension picks the format:\n"
    "                 .json (lossless) .graphml .gexf .dot .tsv .jsonl .carb\n"
    "                 '-' writes standard output (needs --format)\n"
    "  --from F       triple format of the inputs: tsv or jsonl\n"
    "  --format F     graph format: json, graphml, gexf, dot, tsv, jsonl, carb\n"
    "\n"
    "The output is written atomically: on any error no file is created and an\n"
    "existing OUT is left as it was.\n"
    "exit status: 0 ok, 1 bad input (message names FILE:LINE[:COL]), 2 usage error\n",
    run_build};

}  // namespace textgraph::cli
