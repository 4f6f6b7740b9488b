// NER throughput on one thread, and entity scores against gold tags.
//
//   ner_bench [--model M] [--runs N] [--tagger T] [--pipeline] GOLD.iob2
//
// Tags GOLD's words N times with NerTagger::tag and prints words/s by wall
// time and by the thread's CPU time for each run and their median, the
// model's load time, peak memory, and the entity scores of the last run.
// With --tagger, each run also times the POS tagger (Tagger::tag) on the
// same words in the same process.
// With --pipeline, each run also analyzes GOLD's "# text" lines (one line
// per sentence) as raw text with the parse pipeline (Analyzer::analyze_text
// with the shipped tagger and parser: tokenize, tag, parse), then times the
// NER step on the pipeline's own tokens, one thread, one after the other:
// the share ner / (pipeline + ner) is what entities add to `textgraph parse
// --ner` (issue 6's budget for entities and coreference is 20%).
// Times vary with the load on the machine: compare medians and ratios.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "textgraph/ner.h"
#include "textgraph/pipeline.h"
#include "textgraph/tagger.h"
#include "timing.h"

namespace {

using textgraph::bench::median;
using textgraph::bench::thread_cpu_seconds;
using textgraph::bench::wall_seconds;

long peak_rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path, tagger_path, gold_path;
  int runs = 7;
  bool pipeline = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--model" && i + 1 < argc)
      model_path = argv[++i];
    else if (a == "--tagger" && i + 1 < argc)
      tagger_path = argv[++i];
    else if (a == "--pipeline")
      pipeline = true;
    else if (a == "--runs" && i + 1 < argc)
      runs = std::max(1, std::stoi(argv[++i]));
    else
      gold_path = a;
  }
  if (gold_path.empty()) {
    std::cerr << "usage: ner_bench [--model M] [--runs N] [--tagger T] [--pipeline] GOLD.iob2\n";
    return 2;
  }
  auto gold = textgraph::read_iob2(gold_path);
  if (!gold.ok()) {
    std::cerr << gold.status().to_string() << "\n";
    return 1;
  }
  const double t0 = wall_seconds();
  auto ner = model_path.empty() ? textgraph::NerTagger::load_default()
                                : textgraph::NerTagger::load(model_path);
  const double load_s = wall_seconds() - t0;
  if (!ner.ok()) {
    std::cerr << ner.status().to_string() << "\n";
    return 1;
  }
  std::optional<textgraph::Tagger> tagger;
  if (!tagger_path.empty()) {
    auto t = textgraph::Tagger::load(tagger_path);
    if (!t.ok()) {
      std::cerr << t.status().to_string() << "\n";
      return 1;
    }
    tagger = std::move(*t);
  }
  std::optional<textgraph::Analyzer> analyzer;
  std::string text;
  if (pipeline) {
    auto a = textgraph::Analyzer::load();
    if (!a.ok()) {
      std::cerr << a.status().to_string() << "\n";
      return 1;
    }
    analyzer = std::move(*a);
    for (const auto& s : *gold) text += s.text + "\n";
  }
  std::size_t words = 0;
  for (const auto& s : *gold) words += s.words.size();
  std::printf("model load: %.0f ms\n", load_s * 1000);

  std::vector<textgraph::Sentence> input = *gold;
  for (auto& s : input)
    for (auto& w : s.words) w.ner.clear();
  std::vector<double> wall, cpu, tagger_cpu, ratio, pipe_rate, ner_rate, share;
  std::vector<textgraph::Sentence> tagged;
  for (int r = 0; r < runs; ++r) {
    tagged = input;
    const double w0 = wall_seconds(), c0 = thread_cpu_seconds();
    ner->tag(tagged);
    const double c1 = thread_cpu_seconds(), w1 = wall_seconds();
    wall.push_back(static_cast<double>(words) / (w1 - w0));
    cpu.push_back(static_cast<double>(words) / (c1 - c0));
    std::printf("run %d: %.0f words/s wall, %.0f words/s cpu", r + 1, wall.back(), cpu.back());
    if (tagger) {
      std::vector<textgraph::Sentence> pos = input;
      const double p0 = thread_cpu_seconds();
      for (auto& s : pos) tagger->tag(s);
      const double p1 = thread_cpu_seconds();
      tagger_cpu.push_back(static_cast<double>(words) / (p1 - p0));
      ratio.push_back((c1 - c0) / (p1 - p0));
      std::printf("; tagger %.0f words/s cpu, ner/tagger time %.3f", tagger_cpu.back(),
                  ratio.back());
    }
    if (analyzer) {
      const double a0 = thread_cpu_seconds();
      auto doc = analyzer->analyze_text(text);
      const double a1 = thread_cpu_seconds();
      if (!doc.ok()) {
        std::cerr << doc.status().to_string() << "\n";
        return 1;
      }
      std::size_t tokens = 0;
      for (const auto& s : doc->sentences) tokens += s.words.size();
      ner->tag(*doc);
      const double a2 = thread_cpu_seconds();
      pipe_rate.push_back(static_cast<double>(tokens) / (a1 - a0));
      ner_rate.push_back(static_cast<double>(tokens) / (a2 - a1));
      share.push_back((a2 - a1) / (a2 - a0));
      std::printf("; pipeline %.0f words/s cpu, ner on its words %.0f words/s, ner share %.2f%%",
                  pipe_rate.back(), ner_rate.back(), 100 * share.back());
    }
    std::printf("\n");
  }
  std::printf("median: %.0f words/s wall, %.0f words/s cpu (%zu words, %d runs, one thread)\n",
              median(wall), median(cpu), words, runs);
  if (tagger)
    std::printf("median tagger: %.0f words/s cpu; ner/tagger time %.3f\n", median(tagger_cpu),
                median(ratio));
  if (analyzer)
    std::printf(
        "median pipeline (tokenize+tag+parse): %.0f words/s cpu; ner on the same words: "
        "%.0f words/s cpu; ner share of parse --ner: %.2f%%\n",
        median(pipe_rate), median(ner_rate), 100 * median(share));
  std::printf("peak memory: %ld MB\n", peak_rss_kb() / 1024);
  std::cout << textgraph::format_scores(textgraph::compare_entities(*gold, tagged));
  return 0;
}
