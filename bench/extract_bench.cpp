// Extractor throughput on one thread over parsed sentences.
//
//   extract_bench [--runs N] [--implicit] PARSED.conllu
//
// Prints, for each run, words/s and sentences/s of textgraph::extract over
// the whole file (read once beforehand), then the medians, the triple count
// and peak memory (VmHWM). Times vary with the load on the machine: compare
// medians of runs made side by side.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "textgraph/conllu.h"
#include "textgraph/extractor.h"

namespace {

long peak_rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int runs = 5;
  textgraph::ExtractOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc)
      runs = std::max(1, std::stoi(argv[++i]));
    else if (a == "--implicit")
      options.implicit_relations = true;
    else
      path = a;
  }
  if (path.empty()) {
    std::cerr << "usage: extract_bench [--runs N] [--implicit] PARSED.conllu\n";
    return 2;
  }
  auto sentences = textgraph::read_conllu(path);
  if (!sentences.ok()) {
    std::cerr << sentences.status().to_string() << "\n";
    return 1;
  }
  textgraph::Document doc;
  doc.sentences = std::move(*sentences);
  std::size_t words = 0;
  for (const auto& s : doc.sentences) words += s.words.size();

  std::vector<double> wps, sps;
  std::size_t triples = 0;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<textgraph::Triple> out = textgraph::extract(doc, options);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    triples = out.size();
    wps.push_back(static_cast<double>(words) / s);
    sps.push_back(static_cast<double>(doc.sentences.size()) / s);
    std::cout << "run " << r + 1 << ": " << static_cast<long>(wps.back()) << " words/s, "
              << static_cast<long>(sps.back()) << " sentences/s\n";
  }
  std::cout << "sentences " << doc.sentences.size() << ", words " << words << ", triples "
            << triples << "\nmedian " << static_cast<long>(median(wps)) << " words/s, "
            << static_cast<long>(median(sps)) << " sentences/s\npeak memory " << peak_rss_kb()
            << " kB\n";
  return 0;
}
