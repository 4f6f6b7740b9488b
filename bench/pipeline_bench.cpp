// pipeline_bench TEXT [--runs N] [--threads 1,2] [--chunk-size BYTES] [--model-dir DIR]:
// speed of the whole `textgraph parse --input text` pipeline (reading,
// chunking, tokenizing, tagging, parsing, writing CoNLL-U to a byte counter)
// and its peak memory, against a baseline run in the same process.
//
// Each round runs, one after the other so that load changes on a shared
// machine hit them alike:
//   baseline   tokenize() the whole text, Tagger::tag and Parser::parse every
//              sentence: the stages' own cost, no reading, chunks, threads
//              or output (its whole-text Document costs memory, so it runs
//              after the first round's pipeline runs have had their peak
//              memory measured);
//   -j N       DocumentReader over the file, analyze_stream on N threads,
//              ConlluChunkWriter.
// Prints per configuration the median over the rounds of tokens/s by wall
// time and by process CPU time (all threads), and the ratios of the medians.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "textgraph/parser.h"
#include "textgraph/pipeline.h"
#include "textgraph/tagger.h"
#include "textgraph/tokenizer.h"
#include "timing.h"

namespace {

using textgraph::bench::median;

using Clock = std::chrono::steady_clock;

// An output that only counts bytes.
class CountingBuffer : public std::streambuf {
 public:
  std::size_t bytes = 0;

 protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) ++bytes;
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<std::size_t>(n);
    return n;
  }
};

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

struct Timing {
  double wall = 0;
  double cpu = 0;
};

template <class F>
Timing timed(F&& f) {
  const auto start = Clock::now();
  const double cpu_start = process_cpu();
  f();
  return {std::chrono::duration<double>(Clock::now() - start).count(), process_cpu() - cpu_start};
}

[[noreturn]] void die(const textgraph::Status& st) {
  std::cerr << "pipeline_bench: " << st.to_string() << "\n";
  std::exit(1);
}

struct Config {
  std::string name;
  std::size_t threads = 0;  // 0 = the baseline
  std::vector<double> wall_rates, cpu_rates;
};

}  // namespace

int main(int argc, char** argv) {
  std::string file, model_dir;
  int runs = 5;
  std::vector<std::size_t> thread_counts = {1, 2};
  std::size_t chunk = textgraph::InputOptions().chunk_bytes;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--runs" && has_value) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--threads" && has_value) {
      thread_counts.clear();
      std::stringstream list(argv[++i]);
      for (std::string t; std::getline(list, t, ',');)
        thread_counts.push_back(static_cast<std::size_t>(std::max(1, std::atoi(t.c_str()))));
    } else if (a == "--chunk-size" && has_value) {
      chunk = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
    } else if (a == "--model-dir" && has_value) {
      model_dir = argv[++i];
    } else if (file.empty() && a[0] != '-') {
      file = a;
    } else {
      file.clear();
      break;
    }
  }
  if (file.empty()) {
    std::cerr << "usage: pipeline_bench TEXT [--runs N] [--threads 1,2] [--chunk-size BYTES] "
                 "[--model-dir DIR]\n";
    return 2;
  }

  textgraph::AnalyzerOptions options;
  options.model_dir = model_dir;
  std::optional<textgraph::Result<textgraph::Analyzer>> loaded;
  const Timing load = timed([&] { loaded.emplace(textgraph::Analyzer::load(options)); });
  if (!loaded->ok()) die(loaded->status());
  const textgraph::Analyzer& analyzer = loaded->value();
  const long rss_loaded = peak_rss_mb();

  textgraph::InputOptions input;
  input.chunk_bytes = chunk;
  input.max_chunk_bytes = std::max(input.max_chunk_bytes, chunk);
  std::string text;  // for the baseline, read once outside the timing
  {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }

  std::size_t tokens = 0, words = 0, sentences = 0, bytes_out = 0;
  auto run_pipeline = [&](std::size_t threads) {
    textgraph::Result<textgraph::DocumentReader> reader =
        textgraph::DocumentReader::open({file}, input);
    if (!reader.ok()) die(reader.status());
    CountingBuffer counter;
    std::ostream out(&counter);
    textgraph::ConlluChunkWriter writer(out);
    const textgraph::Status st =
        textgraph::analyze_stream(*reader, analyzer, threads, [&](textgraph::Chunk& c) {
          writer.write(c);
          return textgraph::Status();
        });
    if (!st.ok()) die(st);
    tokens = writer.tokens();
    words = writer.words();
    sentences = writer.sentences();
    bytes_out = counter.bytes;
  };
  auto run_baseline = [&] {
    textgraph::Result<textgraph::Tokenized> t = textgraph::tokenize(text);
    if (!t.ok()) die(t.status());
    for (textgraph::Sentence& s : t->document.sentences) {
      analyzer.tagger().tag(s);
      if (const textgraph::Status st = analyzer.parser().parse(s); !st.ok()) die(st);
    }
  };

  std::vector<Config> configs;
  configs.push_back({"baseline (stages, 1 thread)", 0, {}, {}});
  for (std::size_t t : thread_counts)
    configs.push_back({"pipeline -j " + std::to_string(t), t, {}, {}});
  long rss_pipeline = 0;
  for (int round = 0; round < runs; ++round) {
    // The baseline goes last in the first round (memory), first afterwards.
    for (std::size_t k = 0; k < configs.size(); ++k) {
      Config& c = configs[round == 0 ? (k + 1) % configs.size() : k];
      const Timing t =
          c.threads == 0 ? timed(run_baseline) : timed([&] { run_pipeline(c.threads); });
      if (round == 0 && c.threads != 0) rss_pipeline = peak_rss_mb();
      c.wall_rates.push_back(static_cast<double>(tokens) / t.wall);
      c.cpu_rates.push_back(static_cast<double>(tokens) / t.cpu);
    }
  }

  std::printf("input               %s: %zu bytes, %zu tokens, %zu words, %zu sentences\n",
              file.c_str(), text.size(), tokens, words, sentences);
  std::printf("output              %zu bytes of CoNLL-U per run\n", bytes_out);
  std::printf("model load          %.2f s wall, %.2f s CPU\n", load.wall, load.cpu);
  std::printf("runs                %d rounds; chunk size %zu bytes\n", runs, chunk);
  std::printf("%-28s %16s %16s\n", "median tokens/s", "wall", "CPU (all threads)");
  for (const Config& c : configs)
    std::printf("%-28s %16.0f %16.0f\n", c.name.c_str(), median(c.wall_rates), median(c.cpu_rates));
  const double base_wall = median(configs[0].wall_rates), base_cpu = median(configs[0].cpu_rates);
  for (std::size_t k = 1; k < configs.size(); ++k)
    std::printf("%-28s wall %.2f, CPU %.2f of the baseline; wall %.2f of -j %zu\n",
                configs[k].name.c_str(), median(configs[k].wall_rates) / base_wall,
                median(configs[k].cpu_rates) / base_cpu,
                median(configs[k].wall_rates) / median(configs[1].wall_rates), configs[1].threads);
  std::printf(
      "peak RSS            %ld MB after loading, %ld MB after the pipeline runs, "
      "%ld MB after the baseline (whole-text Document)\n",
      rss_loaded, rss_pipeline, peak_rss_mb());
  return 0;
}
