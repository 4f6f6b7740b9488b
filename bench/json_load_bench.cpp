// What bounds loading a JSON node-link graph: times, each `--runs` times
// (medians of CPU seconds of this process), on the file held in memory:
//
//   syntax     one pass of our strict reader (json::Parser::skip over the whole
//              document: UTF-8, escapes and numbers checked, nothing kept)
//   rapidjson  RapidJSON's SAX reader with a handler that keeps nothing, UTF-8
//              validated (the reader RapidJSON offers for a no-DOM load)
//   insitu     the same, in-situ (strings decoded in place, on a copy of the
//              text made outside the timing)
//   load       the whole read_graph(FILE, kJson) that graph_bench times
//
// The first three are lower bounds for the parsing part of a load through
// that reader; `load` minus `syntax` is what filling the graph costs.
//
// usage: json_load_bench GRAPH.json [--runs N]
#include <rapidjson/reader.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "formats/json.h"
#include "textgraph/formats.h"
#include "timing.h"

using namespace textgraph;

namespace {

using textgraph::bench::cpu_seconds;
using textgraph::bench::median;

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "json_load_bench: %s\n", message.c_str());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) die("usage: json_load_bench GRAPH.json [--runs N]");
  const std::string path = argv[1];
  int runs = 3;
  for (int i = 2; i + 1 < argc; i += 2)
    if (std::string(argv[i]) == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
  std::ifstream file(path, std::ios::binary);
  if (!file) die(path + ": cannot open");
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string text = buffer.str();
  const double mb = static_cast<double>(text.size()) / 1e6;

  std::vector<double> syntax, rapid, insitu, load;
  std::size_t edges = 0;
  for (int r = 0; r < runs; ++r) {
    double t0 = cpu_seconds();
    try {
      json::Parser parser(text, path);
      parser.skip();
      parser.expect_end();
    } catch (const std::exception& e) {
      die(e.what());
    }
    syntax.push_back(cpu_seconds() - t0);

    constexpr unsigned kFlags = rapidjson::kParseValidateEncodingFlag;
    rapidjson::BaseReaderHandler<> ignore;
    rapidjson::Reader reader;
    t0 = cpu_seconds();
    rapidjson::StringStream in(text.c_str());
    if (reader.Parse<kFlags>(in, ignore).IsError()) die(path + ": RapidJSON refuses it");
    rapid.push_back(cpu_seconds() - t0);

    std::string copy = text;
    t0 = cpu_seconds();
    rapidjson::InsituStringStream in_place(copy.data());
    if (reader.Parse<kFlags | rapidjson::kParseInsituFlag>(in_place, ignore).IsError())
      die(path + ": RapidJSON refuses it");
    insitu.push_back(cpu_seconds() - t0);

    t0 = cpu_seconds();
    Result<KnowledgeGraph> g = read_graph(path, GraphFormat::kJson);
    if (!g.ok()) die(g.status().message());
    load.push_back(cpu_seconds() - t0);
    edges = g->edge_count();
  }
  const double m = static_cast<double>(edges) / 1e6;
  const auto line = [&](const char* what, const std::vector<double>& t) {
    const double s = median(t);
    std::printf("%-10s cpu %7.3f s %7.1f MB/s %6.2f M edges/s\n", what, s, mb / s, m / s);
  };
  std::printf("%s: %.1f MB, %zu edges; %d runs, medians\n", path.c_str(), mb, edges, runs);
  line("syntax", syntax);
  line("rapidjson", rapid);
  line("insitu", insitu);
  line("load", load);
  return 0;
}
