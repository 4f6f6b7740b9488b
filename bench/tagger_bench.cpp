// Tagger + lemmatizer throughput on one thread, and per-word accuracy with
// gold tokens.
//
//   tagger_bench [--model M] [--runs N] [--output TAGGED.conllu] GOLD.conllu
//
// Prints model load time, words/s of Tagger::tag over the whole file for each
// run and their median, peak memory (VmHWM), and the scores of the tagged
// words against the file's gold tags. Times vary with the load on the
// machine: compare medians of runs made side by side.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "textgraph/conllu.h"
#include "textgraph/tagger.h"
#include "timing.h"

namespace {

using textgraph::bench::thread_cpu_seconds;

long peak_rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path, output, gold_path;
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--model" && i + 1 < argc)
      model_path = argv[++i];
    else if (a == "--runs" && i + 1 < argc)
      runs = std::max(1, std::stoi(argv[++i]));
    else if (a == "--output" && i + 1 < argc)
      output = argv[++i];
    else
      gold_path = a;
  }
  if (gold_path.empty()) {
    std::cerr << "usage: tagger_bench [--model M] [--runs N] [--output OUT.conllu] GOLD.conllu\n";
    return 2;
  }
  auto gold = textgraph::read_conllu(gold_path);
  if (!gold.ok()) {
    std::cerr << gold.status().to_string() << "\n";
    return 1;
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto tagger =
      model_path.empty() ? textgraph::Tagger::load_default() : textgraph::Tagger::load(model_path);
  const double load_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!tagger.ok()) {
    std::cerr << tagger.status().to_string() << "\n";
    return 1;
  }
  std::size_t words = 0;
  for (const auto& s : *gold) words += s.words.size();
  std::cout << "model load: " << load_s * 1000 << " ms\n";
  std::vector<double> rates, cpu_rates;
  std::vector<textgraph::Sentence> tagged;
  for (int r = 0; r < runs; ++r) {
    tagged = *gold;
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_seconds();
    for (auto& s : tagged) tagger->tag(s);
    const double cpu = thread_cpu_seconds() - cpu_start;
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rates.push_back(static_cast<double>(words) / secs);
    cpu_rates.push_back(static_cast<double>(words) / cpu);
    std::cout << "run " << r + 1 << ": " << static_cast<long>(rates.back()) << " words/s wall, "
              << static_cast<long>(cpu_rates.back()) << " words/s cpu\n";
  }
  std::sort(rates.begin(), rates.end());
  std::sort(cpu_rates.begin(), cpu_rates.end());
  std::cout << "median: " << static_cast<long>(rates[rates.size() / 2]) << " words/s wall, "
            << static_cast<long>(cpu_rates[cpu_rates.size() / 2]) << " words/s cpu (" << words
            << " words, " << runs << " runs, one thread)\n";
  std::cout << "peak memory: " << peak_rss_kb() / 1024 << " MB\n";
  const auto sc = textgraph::compare_tags(*gold, tagged);
  std::printf("UPOS %.2f  XPOS %.2f  UFeats %.2f  AllTags %.2f  Lemmas %.2f  (%zu words)\n",
              sc.upos, sc.xpos, sc.ufeats, sc.alltags, sc.lemmas, sc.words);
  if (!output.empty()) {
    std::ofstream out(output);
    for (const auto& s : tagged) textgraph::write_conllu(s, out);
  }
  return 0;
}
