// Graph benchmark: 1,000,000 triples over 100,000 entities — build, export
// to every format, load JSON back. Prints one line per measured step with
// the median of --runs runs, and the process's peak resident memory.
//
// usage: graph_bench [--triples N] [--entities N] [--runs N] [--dir DIR] [--only STEP]
//                    [--formats LIST]
//   STEP: build, parse, export, load (default: all). DIR receives the files
//   (triples.tsv input, bench.* outputs); default: the current directory.
//   LIST: the exports to time, comma-separated (json,graphml,gexf,dot,tsv,
//   jsonl,carb); default: all.
//
// The triples are synthetic but shaped like news: entity names of two or
// three words, 60 relation phrases, subjects and objects drawn with a skew
// (a few entities take part in many relations), about 8% repeats that merge.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "textgraph/formats.h"
#include "textgraph/graph.h"
#include "timing.h"

using namespace textgraph;
using Clock = std::chrono::steady_clock;

namespace {

using textgraph::bench::cpu_seconds;
using textgraph::bench::median;

struct Options {
  std::size_t triples = 1000000;
  std::size_t entities = 100000;
  int runs = 5;
  std::string dir = ".";
  std::string only;
  std::string formats;  // comma-separated export formats; empty = all
};

// Deterministic generator (xorshift64*), independent of the standard library.
struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 2685821657736338717ULL;
  }
  double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
};

std::vector<std::string> entity_names(std::size_t n) {
  static const char* const syllables[] = {"ka",  "ro", "vel", "mi",  "tan", "sor", "el",  "bru",
                                          "dan", "is", "ol",  "gra", "pe",  "zu",  "nor", "ha"};
  std::vector<std::string> names;
  names.reserve(n);
  Rng rng{0x9E3779B97F4A7C15ULL};
  for (std::size_t i = 0; i < n; ++i) {
    std::string name;
    const int words = 2 + static_cast<int>(rng.next() % 2);
    for (int w = 0; w < words; ++w) {
      if (w) name += ' ';
      const std::size_t start = name.size();
      const int parts = 2 + static_cast<int>(rng.next() % 2);
      for (int p = 0; p < parts; ++p) name += syllables[rng.next() % 16];
      name[start] = static_cast<char>(name[start] - 'a' + 'A');
    }
    name += ' ' + std::to_string(i);  // unique
    names.push_back(std::move(name));
  }
  return names;
}

std::vector<std::string> relation_names() {
  static const char* const verbs[] = {"meet with",
                                      "warn",
                                      "criticise",
                                      "praise",
                                      "sanction",
                                      "accuse",
                                      "support",
                                      "attack",
                                      "negotiate with",
                                      "call",
                                      "visit",
                                      "reject",
                                      "sign a deal with",
                                      "threaten",
                                      "host",
                                      "condemn",
                                      "invite",
                                      "pressure",
                                      "fund",
                                      "arm",
                                      "deny",
                                      "blame",
                                      "thank",
                                      "urge",
                                      "talk to",
                                      "respond to",
                                      "travel to",
                                      "appoint",
                                      "fire",
                                      "sue",
                                      "join",
                                      "leave",
                                      "ally with",
                                      "oppose",
                                      "investigate",
                                      "question",
                                      "arrest",
                                      "release",
                                      "meet",
                                      "welcome",
                                      "endorse",
                                      "challenge",
                                      "defeat",
                                      "beat",
                                      "lead",
                                      "advise",
                                      "brief",
                                      "join forces with",
                                      "cooperate with",
                                      "trade with",
                                      "export to",
                                      "import from",
                                      "border",
                                      "invade",
                                      "occupy",
                                      "withdraw from",
                                      "mediate between",
                                      "recognise",
                                      "boycott",
                                      "honour"};
  return {std::begin(verbs), std::end(verbs)};
}

struct Spec {
  std::uint32_t s, r, o;
  float confidence;
};

std::vector<Spec> triple_specs(const Options& opt) {
  Rng rng{42};
  std::vector<Spec> specs;
  specs.reserve(opt.triples);
  const auto pick = [&] {
    // Squaring a uniform number skews towards low indices: hubs.
    const double u = rng.unit();
    return static_cast<std::uint32_t>(static_cast<double>(opt.entities) * u * u);
  };
  for (std::size_t i = 0; i < opt.triples; ++i) {
    if (i > 0 && rng.next() % 100 < 8) {  // a repeat of an earlier triple
      Spec again = specs[rng.next() % specs.size()];
      again.confidence = 0.5f + static_cast<float>(rng.unit()) * 0.5f;
      specs.push_back(again);
      continue;
    }
    specs.push_back({pick(), static_cast<std::uint32_t>(rng.next() % 60), pick(),
                     0.5f + static_cast<float>(rng.unit()) * 0.5f});
  }
  return specs;
}

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Times f() `runs` times; returns {median wall, median CPU} seconds.
template <class F>
std::pair<double, double> timed(int runs, F&& f) {
  std::vector<double> wall, cpu;
  for (int r = 0; r < runs; ++r) {
    const double c0 = cpu_seconds();
    const auto t0 = Clock::now();
    f();
    wall.push_back(seconds_since(t0));
    cpu.push_back(cpu_seconds() - c0);
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

void die(const Status& s) {
  std::fprintf(stderr, "graph_bench: %s\n", s.to_string().c_str());
  std::exit(1);
}

// Adds the triples in batches of 4096 (all-or-nothing adds).
KnowledgeGraph build(const std::vector<Spec>& specs, const std::vector<std::string>& names,
                     const std::vector<std::string>& relations) {
  KnowledgeGraph g;
  std::vector<Triple> batch(4096);
  std::size_t used = 0;
  const auto flush = [&] {
    batch.resize(used);
    if (Status st = g.add(batch); !st.ok()) die(st);
    batch.resize(4096);
    used = 0;
  };
  for (const Spec& s : specs) {
    Triple& t = batch[used++];
    t.subject.text = names[s.s];
    t.relation.text = relations[s.r];
    t.object.text = names[s.o];
    t.confidence = s.confidence;
    if (used == batch.size()) flush();
  }
  flush();
  return g;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as each step ends
  Options opt;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--triples")
      opt.triples = std::stoul(v);
    else if (k == "--entities")
      opt.entities = std::stoul(v);
    else if (k == "--runs")
      opt.runs = std::stoi(v);
    else if (k == "--dir")
      opt.dir = v;
    else if (k == "--only")
      opt.only = v;
    else if (k == "--formats")
      opt.formats = "," + v + ",";
    else {
      std::fprintf(stderr, "graph_bench: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  const auto want = [&](const char* step) { return opt.only.empty() || opt.only == step; };
  std::filesystem::create_directories(opt.dir);
  const std::string base = opt.dir + "/bench";

  const std::vector<std::string> names = entity_names(opt.entities);
  const std::vector<std::string> relations = relation_names();
  const std::vector<Spec> specs = triple_specs(opt);
  std::printf("input: %zu triples over %zu entities, %zu relations; %d runs, medians\n",
              specs.size(), names.size(), relations.size(), opt.runs);

  const std::string tsv = opt.dir + "/triples.tsv";  // the input (bench.tsv is an export)
  if (!std::filesystem::exists(tsv)) {
    std::ofstream out(tsv, std::ios::binary);
    char conf[32];
    for (const Spec& s : specs) {
      std::snprintf(conf, sizeof conf, "%.3f", s.confidence);
      out << names[s.s] << '\t' << relations[s.r] << '\t' << names[s.o] << '\t' << conf << '\n';
    }
  }

  if (want("build")) {
    std::size_t nodes = 0, edges = 0;
    // The graph is destroyed outside the timed region.
    std::unique_ptr<KnowledgeGraph> g;
    std::vector<double> wall, cpu;
    for (int r = 0; r < opt.runs; ++r) {
      g.reset();
      const double c0 = cpu_seconds();
      const auto t0 = Clock::now();
      g = std::make_unique<KnowledgeGraph>(build(specs, names, relations));
      wall.push_back(seconds_since(t0));
      cpu.push_back(cpu_seconds() - c0);
    }
    nodes = g->node_count();
    edges = g->edge_count();
    g.reset();
    const double w = median(wall), c = median(cpu);
    const double n = static_cast<double>(specs.size()) / 1e6;
    std::printf(
        "build          wall %7.3f s %7.2f M triples/s | cpu %7.3f s %7.2f M/s | "
        "%zu nodes, %zu edges | peak %ld MB\n",
        w, n / w, c, n / c, nodes, edges, peak_rss_mb());
  }

  if (want("parse")) {
    auto [w, c] = timed(opt.runs, [&] {
      Result<KnowledgeGraph> g = read_graph(tsv, GraphFormat::kTsv);
      if (!g.ok()) die(g.status());
    });
    const double n = static_cast<double>(specs.size()) / 1e6;
    std::printf(
        "read tsv+build wall %7.3f s %7.2f M triples/s | cpu %7.3f s %7.2f M/s | "
        "peak %ld MB\n",
        w, n / w, c, n / c, peak_rss_mb());
  }

  if (want("export")) {
    const KnowledgeGraph g = build(specs, names, relations);
    const GraphFormat formats[] = {GraphFormat::kJson, GraphFormat::kGraphml, GraphFormat::kGexf,
                                   GraphFormat::kDot,  GraphFormat::kTsv,     GraphFormat::kJsonl,
                                   GraphFormat::kCarb};
    for (GraphFormat f : formats) {
      if (!opt.formats.empty() &&
          opt.formats.find(std::string(",") + graph_format_name(f) + ",") == std::string::npos)
        continue;
      const std::string path = base + "." + graph_format_name(f);
      auto [w, c] = timed(opt.runs, [&] {
        if (Status s = write_graph(g, path, f); !s.ok()) die(s);
      });
      const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
      std::printf(
          "export %-7s wall %7.3f s %7.1f MB/s     | cpu %7.3f s %7.1f MB/s | "
          "%.1f MB | peak %ld MB\n",
          graph_format_name(f), w, mb / w, c, mb / c, mb, peak_rss_mb());
    }
  }

  if (want("load")) {
    // Loads what the export step wrote (writing it first if it is missing),
    // with no other graph in memory.
    const std::string json = base + ".json";
    if (!std::filesystem::exists(json)) {
      const KnowledgeGraph g = build(specs, names, relations);
      if (Status s = write_graph(g, json, GraphFormat::kJson); !s.ok()) die(s);
    }
    std::size_t edges = 0;
    auto [w, c] = timed(opt.runs, [&] {
      Result<KnowledgeGraph> back = read_graph(json, GraphFormat::kJson);
      if (!back.ok()) die(back.status());
      edges = back->edge_count();
    });
    const double n = static_cast<double>(edges) / 1e6;
    std::printf(
        "load json      wall %7.3f s %7.2f M edges/s   | cpu %7.3f s %7.2f M/s | "
        "%zu edges | peak %ld MB\n",
        w, n / w, c, n / c, edges, peak_rss_mb());
  }

  std::printf("peak resident memory: %ld MB\n", peak_rss_mb());
  return 0;
}
