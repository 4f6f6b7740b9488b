// `textgraph build INPUT... -o GRAPH`: documents and triple files → a graph file.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "core/error.h"
#include "core/files.h"
#include "text_options.h"
#include "textgraph/entities.h"
#include "textgraph/formats.h"
#include "textgraph/textgraph.h"

namespace textgraph::cli {

namespace {

const std::string kUsageText =
    std::string(
        "usage: textgraph build INPUT... -o OUT [-o OUT...] [--format FORMAT] [OPTIONS]\n"
        "\n"
        "Builds one knowledge graph from documents (analysed and extracted as\n"
        "`textgraph extract` does) and from triple files, and writes it to each OUT.\n"
        "Triples that say the same thing (same subject, relation, polarity and object)\n"
        "merge into one edge: its count grows, provenance is kept, confidences combine.\n"
        "\n"
        "Each INPUT holds triples or documents. Triples:\n"
        "  *.tsv    subject TAB relation TAB object [TAB confidence]\n"
        "  *.jsonl  when its first non-blank line is an object with a \"subject\"\n"
        "           member: triple records, as `textgraph extract` writes them;\n"
        "           otherwise the file is a document stream (below)\n"
        "  with --from tsv|jsonl, every input (standard input too)\n"
        "Everything else is documents:\n") +
    std::string(kDocumentInputsHelp) +
    "Inputs are read in the order given.\n"
    "\n"
    "options:\n"
    "  -o, --output OUT      a graph file, written atomically; its extension picks\n"
    "                        the format: .json (lossless) .graphml .gexf .dot .tsv\n"
    "                        .jsonl .carb, or an image drawn with Graphviz as\n"
    "                        `textgraph render` does: .svg .png .pdf; '-' writes\n"
    "                        standard output (needs --format). Repeat -o for several.\n"
    "  --format F            graph format of the single OUT: json, graphml, gexf,\n"
    "                        dot, tsv, jsonl, carb\n"
    "  --from tsv|jsonl      every input is a triple file of this format\n"
    "  --actor-table FILE    also write the actors found in the documents (actor\n"
    "                        view): actor, type, mentions, every phrase that named it\n"
    "                        with its count, attributes (title, affiliation, role),\n"
    "                        tab-separated\n"
    "  --stats               print document, sentence, triple, node and edge counts\n"
    "                        to standard error\n" +
    std::string(kTextOptionsHelp) +
    "\n"
    "A progress line is shown on standard error when it is a terminal and the\n"
    "run lasts more than a second.\n"
    "\n"
    "Outputs are written only once every input has been read, each atomically:\n"
    "on bad input no file is created and an existing OUT is left as it was.\n"
    "exit status: 0 ok, 1 bad input or model (message names FILE:LINE[:COL]),\n"
    "2 usage error\n";

// One output file: a graph format, or an image drawn by Graphviz.
struct Output {
  std::string path;
  bool image = false;  // .svg, .png, .pdf: render_graph()
  GraphFormat format{};
};

bool is_image(const std::string& path) {
  for (std::string_view ext : {".svg", ".png", ".pdf"})
    if (path.size() > ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0)
      return true;
  return false;
}

int run_build(Args& args) {
  const std::vector<std::string> paths = args.options("--output", "-o");
  const std::string from = args.option("--from").value_or("");
  const std::string format = args.option("--format").value_or("");
  const bool print_stats = args.flag("--stats");
  const std::optional<std::string> actor_table = args.option("--actor-table");
  TextGraphOptions options = read_text_options(args);
  ActorLinker linker;
  options.linker = &linker;
  if (actor_table && options.view != EntityView::kActors)
    throw UsageError("--actor-table needs the actor view");
  const std::vector<std::string> inputs = args.positionals();
  if (inputs.empty()) throw UsageError("no input (give a FILE, a DIR, or - for standard input)");
  if (paths.empty()) throw UsageError("no output given (-o FILE)");
  if (!format.empty() && paths.size() > 1)
    throw UsageError("--format applies to a single -o; with several, extensions say");
  std::vector<Output> outputs;
  for (const std::string& path : paths) {
    Output out{path};
    if (format.empty() && is_image(path)) {
      out.image = true;
    } else {
      Result<GraphFormat> f = graph_format_for(path, format);
      if (!f.ok()) return report(f.status());
      out.format = *f;
    }
    outputs.push_back(out);
  }
  if (!from.empty()) {
    if (from != "tsv" && from != "jsonl")
      throw UsageError("--from must be tsv or jsonl, not '" + from + "'");
    options.triples = from == "tsv" ? TripleFormat::kTsv : TripleFormat::kJsonl;
  }

  Progress progress("textgraph build");
  options.progress = [&](const ReadProgress& p) { progress.update(p); };
  TextGraphReport summary;
  KnowledgeGraph graph;
  Status status = build_graph(inputs, options, graph, &summary);
  progress.done();
  warn_after(summary);
  for (const Output& out : outputs) {
    if (!status.ok()) break;
    status = out.image ? render_graph(graph, out.path) : write_graph(graph, out.path, out.format);
  }
  if (status.ok() && actor_table)
    status = guard([&] {
      OutputFile out(*actor_table);
      out.stream() << actor_table_tsv(linker.table());
      out.commit();
    });
  if (!status.ok()) return report(status);
  if (print_stats)
    std::cerr << "documents " << summary.documents << "  sentences " << summary.extract.sentences
              << "  words " << summary.words << "  triples " << summary.extract.triples
              << "  triple files " << summary.triple_files << "  triples read "
              << summary.triples_read << "  nodes " << graph.node_count() << "  edges "
              << graph.edge_count() << "\n";
  return kOk;
}

}  // namespace

const Command kBuild{"build", "build a knowledge graph from documents or triple files", kUsageText,
                     run_build};

}  // namespace textgraph::cli
