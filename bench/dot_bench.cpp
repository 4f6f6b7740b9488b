// Where the time of the DOT export goes: loads a JSON node-link graph
// (normally the graph_bench export bench.json), then times, each
// `--runs` times (medians of CPU seconds of this process):
//
//   build    DotWriter's constructor: agopen, agattr, agnode, agedge, agxset
//   agwrite  cgraph's agwrite alone on that graph, through the exporter's own
//            output discipline into its buffered Sink, onto /dev/null
//   close    agclose and the release of cgraph's memory
//   export   the whole write_graph(..., kDot) into FILE (what graph_bench times)
//
// The first three are also timed with cgraph's default memory discipline
// (skip with --arena-only 1).
//
// usage: dot_bench GRAPH [--runs N] [--out FILE] [--arena-only 1]
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "formats/cgraph_util.h"
#include "formats/sink.h"
#include "textgraph/formats.h"
#include "timing.h"

using namespace textgraph;

namespace {

using textgraph::bench::cpu_seconds;
using textgraph::bench::median;

// Output discipline for the comparison run with cgraph's default memory
// discipline: the same buffered Sink the exporter uses.
int put_string(void* chan, const char* str) {
  auto* sink = static_cast<Sink*>(chan);
  sink->buf() += str;
  sink->maybe_flush();
  return 1;
}

int flush_nothing(void*) { return 0; }

struct Times {
  std::vector<double> build, write, close;
  void print(const char* what, std::uint64_t bytes) const {
    const double mb = static_cast<double>(bytes) / 1e6;
    std::printf(
        "%s\n  build   %7.3f s\n  agwrite %7.3f s %7.1f MB/s (%.1f MB)\n  close   %7.3f s\n", what,
        median(build), median(write), mb / median(write), mb, median(close));
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dot_bench GRAPH [--runs N] [--out FILE]\n");
    return 2;
  }
  int runs = 3;
  std::string out_path = "dot_bench.dot";
  bool arena_only = false;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--runs")
      runs = std::stoi(argv[i + 1]);
    else if (k == "--out")
      out_path = argv[i + 1];
    else if (k == "--arena-only")
      arena_only = std::string(argv[i + 1]) == "1";
  }
  Result<KnowledgeGraph> loaded = read_graph(argv[1], GraphFormat::kJson);
  if (!loaded.ok()) {
    std::fprintf(stderr, "dot_bench: %s\n", loaded.status().to_string().c_str());
    return 1;
  }
  const KnowledgeGraph& graph = *loaded;
  const KnowledgeGraph::Impl& g = graph_impl(graph);
  std::printf("%zu nodes, %zu edges; %d runs, medians of CPU seconds\n", graph.node_count(),
              graph.edge_count(), runs);

  Times arena, plain;
  std::vector<double> total;
  std::uint64_t bytes = 0;
  for (int r = 0; r < runs; ++r) {
    {  // the exporter's own steps (arena memory discipline)
      const double t0 = cpu_seconds();
      DotWriter writer(g);
      const double t1 = cpu_seconds();
      std::ofstream null_out("/dev/null", std::ios::binary);
      Sink sink(null_out);
      writer.write(sink);
      sink.flush();
      bytes = sink.bytes();
      const double t2 = cpu_seconds();
      writer.close();
      const double t3 = cpu_seconds();
      arena.build.push_back(t1 - t0);
      arena.write.push_back(t2 - t1);
      arena.close.push_back(t3 - t2);
    }
    if (!arena_only) {  // the same graph with cgraph's default memory discipline
      const double t0 = cpu_seconds();
      Agiodisc_t io = {nullptr, put_string, flush_nothing};
      Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
      CgraphPtr cg = build_cgraph(g, CgraphContent::kData, &disc);
      const double t1 = cpu_seconds();
      std::ofstream null_out("/dev/null", std::ios::binary);
      Sink sink(null_out);
      agwrite(cg.get(), &sink);
      sink.flush();
      const double t2 = cpu_seconds();
      cg.reset();
      const double t3 = cpu_seconds();
      plain.build.push_back(t1 - t0);
      plain.write.push_back(t2 - t1);
      plain.close.push_back(t3 - t2);
    }
    const double t4 = cpu_seconds();
    if (Status s = write_graph(graph, out_path, GraphFormat::kDot); !s.ok()) {
      std::fprintf(stderr, "dot_bench: %s\n", s.to_string().c_str());
      return 1;
    }
    total.push_back(cpu_seconds() - t4);
  }
  arena.print("DotWriter (arena memory discipline, as exported)", bytes);
  if (!arena_only) plain.print("cgraph default memory discipline (AgMemDisc)", bytes);
  const double file_mb = static_cast<double>(std::filesystem::file_size(out_path)) / 1e6;
  std::printf("write_graph(kDot) into %s: %.3f s, %.1f MB/s (%.1f MB)\n", out_path.c_str(),
              median(total), file_mb / median(total), file_mb);
  return 0;
}
