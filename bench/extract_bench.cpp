// extract_bench: speed and memory of the whole job, text → triples → graph
// (what `textgraph build INPUT -o OUT` runs, minus writing the file).
//
//   extract_bench [--runs N] [--threads 1,2] [--repeat K] [--no-graph]
//                 [--sentence-per-line] [--model-dir DIR] INPUT...
//   extract_bench --rules [--runs N] [--implicit] PARSED.conllu
//
// Loads the models once (not timed), then per round and per thread count:
// DocumentReader over INPUT... (each given K times, so that a corpus K times
// as large streams through), extract_documents() on N threads, every triple
// added to a fresh KnowledgeGraph (with --no-graph: only counted, the
// streaming `textgraph extract` case). Prints each run and the medians of
// tokens/s and sentences/s by wall time and by process CPU time (all
// threads), the triples, nodes and edges, and the peak resident memory of
// the process (compare --repeat 1 and --repeat 4 in separate invocations),
// and the share of wall time spent adding to the graph on the calling thread
// (the serial part: with it at s, N threads give at most 1 / (s + (1 - s) / N)).
//
// --rules: the extraction rules alone on trees already parsed (read once),
// one thread, words/s and sentences/s.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "textgraph/conllu.h"
#include "textgraph/extractor.h"
#include "textgraph/graph.h"
#include "textgraph/textgraph.h"
#include "timing.h"

namespace {

using textgraph::bench::median;

using Clock = std::chrono::steady_clock;

double process_cpu() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

[[noreturn]] void die(const textgraph::Status& st) {
  std::cerr << "extract_bench: " << st.to_string() << "\n";
  std::exit(1);
}

std::size_t tokens_of(const textgraph::Sentence& s) {
  std::size_t n = s.words.size();
  for (const textgraph::MultiwordToken& m : s.multiword_tokens)
    n -= static_cast<std::size_t>(m.last - m.first);
  return n;
}

// Counts what was analysed, on the worker threads: with whole-corpus actor
// linking the sink receives the chunks without their documents.
class Counter : public textgraph::AnalysisStep {
 public:
  std::string name() const override { return "count"; }
  textgraph::Status run(textgraph::Document& document) const override {
    std::size_t t = 0;
    for (const textgraph::Sentence& s : document.sentences) t += tokens_of(s);
    tokens += t;
    sentences += document.sentences.size();
    return {};
  }
  mutable std::atomic<std::size_t> tokens{0};
  mutable std::atomic<std::size_t> sentences{0};
};

int rules_only(const std::string& path, int runs, bool implicit) {
  textgraph::ExtractOptions options;
  options.implicit_relations = implicit;
  auto sentences = textgraph::read_conllu(path);
  if (!sentences.ok()) die(sentences.status());
  textgraph::Document doc;
  doc.sentences = std::move(*sentences);
  std::size_t words = 0;
  for (const auto& s : doc.sentences) words += s.words.size();
  std::vector<double> wps, sps;
  std::size_t triples = 0;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = Clock::now();
    triples = textgraph::extract(doc, options).size();
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    wps.push_back(static_cast<double>(words) / s);
    sps.push_back(static_cast<double>(doc.sentences.size()) / s);
  }
  std::cout << "rules only: sentences " << doc.sentences.size() << ", words " << words
            << ", triples " << triples << "\nmedian " << static_cast<long>(median(wps))
            << " words/s, " << static_cast<long>(median(sps)) << " sentences/s\npeak memory "
            << peak_rss_mb() << " MB\n";
  return 0;
}

struct Run {
  double wall = 0, cpu = 0;
  double serial = 0;  // seconds in the sink (graph.add): the part no thread count spreads
  std::size_t tokens = 0, sentences = 0, triples = 0, nodes = 0, edges = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  int runs = 5;
  std::size_t repeat = 1;
  bool graph = true, rules = false, implicit = false;
  std::vector<std::size_t> thread_counts = {1, 2};
  textgraph::TextGraphOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--runs" && has_value) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--repeat" && has_value) {
      repeat = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
    } else if (a == "--threads" && has_value) {
      thread_counts.clear();
      std::stringstream list(argv[++i]);
      for (std::string t; std::getline(list, t, ',');)
        thread_counts.push_back(static_cast<std::size_t>(std::max(1, std::atoi(t.c_str()))));
    } else if (a == "--model-dir" && has_value) {
      options.analyzer.model_dir = argv[++i];
    } else if (a == "--no-graph") {
      graph = false;
      // What `textgraph extract` does: triples handed on chunk by chunk.
      options.linking = textgraph::ActorLinking::kInOrder;
    } else if (a == "--sentence-per-line") {
      options.input.sentence_per_line = true;
    } else if (a == "--rules") {
      rules = true;
    } else if (a == "--implicit") {
      implicit = true;
    } else if (a.empty() || a[0] != '-' || a == "-") {
      inputs.push_back(a);
    } else {
      inputs.clear();
      break;
    }
  }
  if (inputs.empty() || (rules && inputs.size() != 1)) {
    std::cerr << "usage: extract_bench [--runs N] [--threads 1,2] [--repeat K] [--no-graph]\n"
                 "                     [--sentence-per-line] [--model-dir DIR] INPUT...\n"
                 "       extract_bench --rules [--runs N] [--implicit] PARSED.conllu\n";
    return 2;
  }
  if (rules) return rules_only(inputs[0], runs, implicit);
  options.extract.implicit_relations = implicit;

  const auto load_start = Clock::now();
  textgraph::Result<textgraph::Analyzer> analyzer = textgraph::Analyzer::load(options.analyzer);
  if (!analyzer.ok()) die(analyzer.status());
  const auto counter = std::make_shared<Counter>();
  analyzer->add_step(counter);
  std::cout << "models loaded in "
            << std::chrono::duration<double>(Clock::now() - load_start).count() << " s, peak "
            << peak_rss_mb() << " MB\n";

  std::vector<std::string> all;
  for (std::size_t k = 0; k < repeat; ++k) all.insert(all.end(), inputs.begin(), inputs.end());

  std::vector<std::vector<Run>> results(thread_counts.size());
  for (int r = 0; r < runs; ++r) {
    for (std::size_t c = 0; c < thread_counts.size(); ++c) {
      options.threads = thread_counts[c];
      Run run;
      textgraph::KnowledgeGraph g;
      textgraph::Result<textgraph::DocumentReader> reader =
          textgraph::DocumentReader::open(all, options.input);
      if (!reader.ok()) die(reader.status());
      const auto start = Clock::now();
      const double cpu_start = process_cpu();
      const textgraph::Status st = textgraph::extract_documents(
          *reader, *analyzer, options,
          [&](const textgraph::Chunk&, std::vector<textgraph::Triple>& triples) {
            run.triples += triples.size();
            const auto sink_start = Clock::now();
            if (graph)
              for (const textgraph::Triple& t : triples)
                if (textgraph::Status s = g.add(t); !s.ok()) return s;
            run.serial += std::chrono::duration<double>(Clock::now() - sink_start).count();
            return textgraph::Status();
          });
      if (!st.ok()) die(st);
      run.wall = std::chrono::duration<double>(Clock::now() - start).count();
      run.cpu = process_cpu() - cpu_start;
      run.tokens = counter->tokens.exchange(0);
      run.sentences = counter->sentences.exchange(0);
      run.nodes = g.node_count();
      run.edges = g.edge_count();
      std::cout << "run " << r + 1 << " -j " << options.threads << ": "
                << static_cast<long>(static_cast<double>(run.tokens) / run.wall) << " tokens/s, "
                << static_cast<long>(static_cast<double>(run.sentences) / run.wall)
                << " sentences/s (wall); "
                << static_cast<long>(static_cast<double>(run.tokens) / run.cpu)
                << " tokens/s (CPU)\n";
      results[c].push_back(run);
    }
  }
  const Run& any = results[0][0];
  std::cout << "input x" << repeat << ": tokens " << any.tokens << ", sentences " << any.sentences
            << ", triples " << any.triples;
  if (graph) std::cout << ", nodes " << any.nodes << ", edges " << any.edges;
  std::cout << "\n";
  double base = 0;
  for (std::size_t c = 0; c < thread_counts.size(); ++c) {
    std::vector<double> tw, sw, tc, serial;
    for (const Run& x : results[c]) {
      serial.push_back(x.serial / x.wall);
      tw.push_back(static_cast<double>(x.tokens) / x.wall);
      sw.push_back(static_cast<double>(x.sentences) / x.wall);
      tc.push_back(static_cast<double>(x.tokens) / x.cpu);
    }
    if (c == 0) base = median(tw);
    std::cout << "median -j " << thread_counts[c] << ": " << static_cast<long>(median(tw))
              << " tokens/s, " << static_cast<long>(median(sw)) << " sentences/s (wall), "
              << static_cast<long>(median(tc)) << " tokens/s (CPU), wall speed-up x"
              << median(tw) / base << ", graph.add " << 100 * median(serial) << "% of wall\n";
  }
  std::cout << "peak memory " << peak_rss_mb() << " MB\n";
  return 0;
}
