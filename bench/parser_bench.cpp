// parser_bench MODEL FILE.conllu [RUNS] [OUTPUT.conllu]: parsing speed on one
// thread (tags and tokens as given in the file), peak memory, model size, and
// UAS/LAS against the file's own trees (CoNLL 2018 definitions, gold tokens).
// OUTPUT, when given, receives the parsed sentences.
//
// Prints the median tokens/s over RUNS passes (default 5), the fastest pass,
// the same per second of this thread's CPU time (steadier on a busy machine),
// the load time and the process's peak resident memory. Timing covers
// Parser::parse only (no reading or writing).
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "textgraph/conllu.h"
#include "textgraph/parser.h"
#include "timing.h"
#include "train/parser/parser_trainer.h"

int main(int argc, char** argv) {
  using Clock = std::chrono::steady_clock;
  if (argc < 3) {
    std::cerr << "usage: parser_bench MODEL FILE.conllu [RUNS] [OUTPUT.conllu]\n";
    return 2;
  }
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  const auto t0 = Clock::now();
  auto parser = textgraph::Parser::load(argv[1]);
  const double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
  if (!parser.ok()) {
    std::cerr << parser.status().to_string() << "\n";
    return 1;
  }
  auto gold = textgraph::read_conllu(argv[2]);
  if (!gold.ok()) {
    std::cerr << gold.status().to_string() << "\n";
    return 1;
  }
  long words = 0;
  for (const auto& s : *gold) words += static_cast<long>(s.words.size());
  // CPU time of this thread as well as wall time: on a shared machine the
  // wall clock also counts time spent waiting for a core.
  const auto cpu_now = textgraph::bench::thread_cpu_seconds;
  std::vector<double> rates, cpu_rates;
  std::vector<textgraph::Sentence> last;
  for (int r = 0; r < runs; ++r) {
    std::vector<textgraph::Sentence> work = *gold;
    const auto start = Clock::now();
    const double cpu_start = cpu_now();
    for (auto& s : work)
      if (auto st = parser->parse(s); !st.ok()) {
        std::cerr << st.to_string() << "\n";
        return 1;
      }
    rates.push_back(words / std::chrono::duration<double>(Clock::now() - start).count());
    cpu_rates.push_back(words / (cpu_now() - cpu_start));
    last = std::move(work);
  }
  const auto scores = textgraph::parser::train::score_parses(*gold, last);
  if (argc > 4) {
    std::ofstream out(argv[4], std::ios::binary);
    for (const auto& s : last) textgraph::write_conllu(s, out);
  }
  std::sort(rates.begin(), rates.end());
  std::sort(cpu_rates.begin(), cpu_rates.end());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("words per pass      %ld (%zu sentences)\n", words, gold->size());
  std::printf("parse tokens/s      median %.0f, best %.0f over %d passes (1 thread)\n",
              rates[rates.size() / 2], rates.back(), runs);
  std::printf("parse tokens/CPU-s   median %.0f, best %.0f\n", cpu_rates[cpu_rates.size() / 2],
              cpu_rates.back());
  std::printf("accuracy            UAS %.2f LAS %.2f (%ld words)\n", scores.uas(), scores.las(),
              scores.words);
  std::printf("model load          %.3f s\n", load_s);
  std::printf("model size          %.2f MB\n",
              std::filesystem::file_size(argv[1]) / (1024.0 * 1024.0));
  std::printf("peak resident       %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
