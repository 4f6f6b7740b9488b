// What the tagger's own-form score rows (lib/tagger/word_rows.h) buy, in one
// process: tags a file alternately with the rows and without them (the same
// model, its rows moved out for the round: every feature looked up, the same
// weight tables in memory), so the machine's load hits both sides alike.
//
//   tagger_rows_bench [--model M] [--rounds N] GOLD.conllu
//
// Prints the rows' size, memory and build time, the share of GOLD's words
// they cover, then per side the median words/s (thread CPU time) of
// tag + FEATS + lemmas (what Tagger::tag does) and of the tag classifier
// alone, and the median of the paired per-round ratios. Also checks that
// both sides give the same classes (exit status 1 if not).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "tagger/tagger_model.h"
#include "textgraph/conllu.h"
#include "textgraph/model.h"
#include "textgraph/tagger.h"
#include "timing.h"
#include "train/hashing.h"

namespace {

using textgraph::bench::thread_cpu_seconds;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace textgraph;
  std::string model_path = default_model_dir() + "/" + kTaggerModelFile, gold_path;
  int rounds = 10;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--model" && i + 1 < argc)
      model_path = argv[++i];
    else if (a == "--rounds" && i + 1 < argc)
      rounds = std::max(1, std::stoi(argv[++i]));
    else
      gold_path = a;
  }
  if (gold_path.empty()) {
    std::fprintf(stderr, "usage: tagger_rows_bench [--model M] [--rounds N] GOLD.conllu\n");
    return 2;
  }
  auto gold = read_conllu(gold_path);
  auto file = load_model(model_path);
  if (!gold.ok() || !file.ok()) {
    std::fprintf(stderr, "%s\n", (gold.ok() ? file.status() : gold.status()).to_string().c_str());
    return 1;
  }
  tagger::TaggerModel model = tagger::TaggerModel::load(*file, model_path);
  tagger::WordRows rows = std::move(model.word_rows);
  const double t0 = thread_cpu_seconds();
  model.build_word_rows();
  const double build_ms = (thread_cpu_seconds() - t0) * 1e3;
  model.word_rows.clear();
  auto set_rows = [&](bool on) {
    if (on && model.word_rows.size() == 0) model.word_rows = std::move(rows);
    if (!on && model.word_rows.size() != 0) rows = std::move(model.word_rows);
    if (!on) model.word_rows.clear();
  };

  std::vector<std::vector<std::string_view>> forms;
  std::size_t words = 0, known = 0;
  for (const Sentence& s : *gold) {
    forms.emplace_back();
    for (const Word& w : s.words) {
      forms.back().push_back(w.form);
      known += rows.find(w.form, train::hash_string(w.form)) != tagger::WordRows::kNone;
    }
    words += s.words.size();
  }
  std::printf("word rows: %zu forms, %.1f MB, built in %.1f ms (CPU); %.2f%% of the %zu words\n",
              rows.size(), static_cast<double>(rows.memory_bytes()) / 1e6, build_ms,
              100.0 * static_cast<double>(known) / static_cast<double>(words), words);

  std::vector<double> full[2], classes_only[2], full_ratio, classes_ratio;
  std::vector<int> a, b;
  bool same = true;
  for (int r = 0; r < rounds; ++r) {
    for (int side = 0; side < 2; ++side) {
      set_rows(side == 0);
      const tagger::TaggerModel& m = model;
      std::vector<Sentence> tagged = *gold;
      double start = thread_cpu_seconds();
      for (Sentence& s : tagged) tagger::tag_sentence(m, s);
      full[side].push_back(static_cast<double>(words) / (thread_cpu_seconds() - start));
      start = thread_cpu_seconds();
      for (const auto& f : forms) tagger::tag_classes(m, f, a);
      classes_only[side].push_back(static_cast<double>(words) / (thread_cpu_seconds() - start));
    }
    full_ratio.push_back(full[0].back() / full[1].back());
    classes_ratio.push_back(classes_only[0].back() / classes_only[1].back());
  }
  for (const auto& f : forms) {
    set_rows(true);
    tagger::tag_classes(model, f, a);
    set_rows(false);
    tagger::tag_classes(model, f, b);
    same = same && a == b;
  }
  std::printf("tag + FEATS + lemmas: %.0f words/s with rows, %.0f without; paired ratio %.3f\n",
              median(full[0]), median(full[1]), median(full_ratio));
  std::printf("tag classes only:     %.0f words/s with rows, %.0f without; paired ratio %.3f\n",
              median(classes_only[0]), median(classes_only[1]), median(classes_ratio));
  std::printf("same classes with and without rows: %s (%d rounds, one thread)\n",
              same ? "yes" : "NO", rounds);
  return same ? 0 : 1;
}
