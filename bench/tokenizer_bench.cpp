// Tokenizer + sentence splitter throughput, one thread.
//
// usage: tokenizer_bench FILE [--runs N] [--pretokenized] [--conllu OUT]
//
// Reads FILE once, tokenizes it N times (default 7) and prints the median,
// fastest and slowest run as tokens/s, words/s and MB/s. Each run also
// times a baseline in the same process: splitting the text at whitespace
// into the same Document structure (one sentence per line), the least any
// tokenizer with this output must do; the ratio of the two medians is less
// sensitive to the load of a shared machine than either time. --conllu writes the
// result of the last run as CoNLL-U (forms, multiword tokens, SpaceAfter,
// sentence and paragraph breaks), which is how the accuracy figures in
// bench/README.md are scored.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "textgraph/conllu.h"
#include "textgraph/tokenizer.h"

namespace {

// The baseline: whitespace-separated tokens, one sentence per line, in the
// Document the tokenizer fills (forms, spans, space_after).
textgraph::Document whitespace_split(const std::string& text) {
  textgraph::Document doc;
  doc.text = text;
  textgraph::Sentence* sentence = nullptr;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) {
      if (text[i] == '\n') sentence = nullptr;
      ++i;
    }
    if (i >= n) break;
    std::size_t j = i;
    while (j < n && text[j] != ' ' && text[j] != '\t' && text[j] != '\r' && text[j] != '\n') ++j;
    if (!sentence) sentence = &doc.sentences.emplace_back();
    textgraph::Word& w = sentence->words.emplace_back();
    w.form = text.substr(i, j - i);
    w.span = {i, j};
    w.space_after = j < n;
    i = j;
  }
  return doc;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path, conllu;
  int runs = 7;
  textgraph::TokenizerOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--conllu" && i + 1 < argc) {
      conllu = argv[++i];
    } else if (a == "--pretokenized") {
      options.input = textgraph::TokenizerInput::kPretokenized;
    } else if (path.empty() && a[0] != '-') {
      path = a;
    } else {
      std::cerr << "usage: tokenizer_bench FILE [--runs N] [--pretokenized] [--conllu OUT]\n";
      return 2;
    }
  }
  if (path.empty()) {
    std::cerr << "usage: tokenizer_bench FILE [--runs N] [--pretokenized] [--conllu OUT]\n";
    return 2;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "tokenizer_bench: cannot read " << path << "\n";
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();

  std::vector<double> seconds, baseline;
  std::size_t tokens = 0, words = 0, sentences = 0;
  textgraph::Document last;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    auto result = textgraph::tokenize(text, options);
    const auto stop = std::chrono::steady_clock::now();
    if (!result.ok()) {
      std::cerr << "tokenizer_bench: " << result.status().to_string() << "\n";
      return 1;
    }
    seconds.push_back(std::chrono::duration<double>(stop - start).count());
    tokens = words = 0;
    sentences = result->document.sentences.size();
    for (const auto& s : result->document.sentences) {
      words += s.words.size();
      tokens += s.words.size();
      for (const auto& m : s.multiword_tokens) tokens -= static_cast<std::size_t>(m.last - m.first);
    }
    if (r + 1 == runs) last = std::move(result->document);
    const auto b0 = std::chrono::steady_clock::now();
    const textgraph::Document split = whitespace_split(text);
    const auto b1 = std::chrono::steady_clock::now();
    if (split.sentences.size() > text.size()) return 1;  // keeps the work observable
    baseline.push_back(std::chrono::duration<double>(b1 - b0).count());
  }
  std::sort(seconds.begin(), seconds.end());
  std::sort(baseline.begin(), baseline.end());
  const double median = seconds[seconds.size() / 2];
  const double base = baseline[baseline.size() / 2];
  std::printf("input      %zu bytes, %zu sentences, %zu tokens, %zu words\n", text.size(),
              sentences, tokens, words);
  std::printf("runs       %d (median %.4f s, fastest %.4f s, slowest %.4f s)\n", runs, median,
              seconds.front(), seconds.back());
  std::printf("tokens/s   %.0f (median run)\n", tokens / median);
  std::printf("words/s    %.0f\n", words / median);
  std::printf("MB/s       %.1f\n", text.size() / median / 1e6);
  std::printf(
      "baseline   whitespace split into a Document: median %.4f s; tokenize/baseline %.2f\n", base,
      median / base);

  if (!conllu.empty()) {
    std::ofstream out(conllu, std::ios::binary);
    int k = 0;
    for (auto& s : last.sentences) {
      s.id = std::to_string(++k);
      textgraph::write_conllu(s, out);
    }
    if (!out) {
      std::cerr << "tokenizer_bench: cannot write " << conllu << "\n";
      return 1;
    }
  }
  return 0;
}
