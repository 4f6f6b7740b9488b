// Tokenizer + sentence splitter throughput, one thread.
//
// usage: tokenizer_bench FILE [--runs N] [--pretokenized] [--from-conllu] [--conllu OUT]
//
// Reads FILE once (with --from-conllu, FILE is a CoNLL-U treebank whose raw
// text is rebuilt the CoNLL 2018 shared task way: the "# text" of the
// sentences of a paragraph joined by a space, paragraphs and documents
// separated by a blank line), tokenizes it N times (default 7) and prints tokens/s,
// words/s and MB/s of the median run, by wall time and by the thread's CPU
// time (on a shared machine the CPU time leaves out waiting for a core).
// Each run also times a baseline in the same process: splitting the text at
// whitespace into the same Document structure (one sentence per line), the
// least any tokenizer with this output must do; the ratio of the two is the
// figure least disturbed by other load. --conllu writes the result of the
// last run as CoNLL-U (forms, multiword tokens, SpaceAfter, sentence and
// paragraph breaks), which is how the accuracy figures in bench/README.md are
// scored.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "textgraph/conllu.h"
#include "textgraph/tokenizer.h"
#include "timing.h"

namespace {

using textgraph::bench::median;
using textgraph::bench::thread_cpu_seconds;
using textgraph::bench::wall_seconds;

// The baseline: whitespace-separated tokens, one sentence per line, in the
// Document the tokenizer fills (forms, spans, space_after).
textgraph::Document whitespace_split(const std::string& text) {
  textgraph::Document doc;
  doc.text = text;
  textgraph::Sentence* sentence = nullptr;
  std::size_t i = 0;
  const std::size_t n = text.size();
  const auto space = [&](std::size_t k) {
    return text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n';
  };
  while (i < n) {
    while (i < n && space(i)) {
      if (text[i] == '\n') sentence = nullptr;
      ++i;
    }
    if (i >= n) break;
    std::size_t j = i;
    while (j < n && !space(j)) ++j;
    if (!sentence) sentence = &doc.sentences.emplace_back();
    textgraph::Word& w = sentence->words.emplace_back();
    w.form = text.substr(i, j - i);
    w.span = {i, j};
    w.space_after = j < n;
    i = j;
  }
  return doc;
}

int usage() {
  std::cerr << "usage: tokenizer_bench FILE [--runs N] [--pretokenized] [--from-conllu] "
               "[--conllu OUT]\n";
  return 2;
}

// The raw text of a treebank, as the CoNLL 2018 shared task built it.
std::string raw_text(const std::vector<textgraph::Sentence>& sentences) {
  std::string text;
  bool first = true;
  for (const textgraph::Sentence& s : sentences) {
    bool new_document = false;
    for (const std::string& c : s.comments)
      new_document = new_document || c.rfind("newdoc", 0) == 0;
    if (!first) text += (s.new_paragraph || new_document) ? "\n\n" : " ";
    text += s.text;
    first = false;
  }
  return text + "\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::string path, conllu;
  bool from_conllu = false;
  int runs = 7;
  textgraph::TokenizerOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--conllu" && i + 1 < argc) {
      conllu = argv[++i];
    } else if (a == "--from-conllu") {
      from_conllu = true;
    } else if (a == "--pretokenized") {
      options.input = textgraph::TokenizerInput::kPretokenized;
    } else if (path.empty() && !a.empty() && a[0] != '-') {
      path = a;
    } else {
      return usage();
    }
  }
  if (path.empty()) return usage();
  std::string text;
  if (from_conllu) {
    auto treebank = textgraph::read_conllu(path);
    if (!treebank.ok()) {
      std::cerr << "tokenizer_bench: " << treebank.status().to_string() << "\n";
      return 1;
    }
    text = raw_text(*treebank);
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "tokenizer_bench: cannot read " << path << "\n";
      return 1;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }

  std::vector<double> wall, cpu, base_wall, base_cpu;
  std::size_t tokens = 0, words = 0, sentences = 0;
  textgraph::Document last;
  for (int r = 0; r < runs; ++r) {
    double c0 = thread_cpu_seconds(), w0 = wall_seconds();
    auto result = textgraph::tokenize(text, options);
    wall.push_back(wall_seconds() - w0);
    cpu.push_back(thread_cpu_seconds() - c0);
    if (!result.ok()) {
      std::cerr << "tokenizer_bench: " << result.status().to_string() << "\n";
      return 1;
    }
    tokens = words = 0;
    sentences = result->document.sentences.size();
    for (const auto& s : result->document.sentences) {
      words += s.words.size();
      tokens += s.words.size();
      for (const auto& m : s.multiword_tokens) tokens -= static_cast<std::size_t>(m.last - m.first);
    }
    if (r + 1 == runs) last = std::move(result->document);

    c0 = thread_cpu_seconds();
    w0 = wall_seconds();
    const textgraph::Document split = whitespace_split(text);
    base_wall.push_back(wall_seconds() - w0);
    base_cpu.push_back(thread_cpu_seconds() - c0);
    if (split.sentences.size() > text.size()) return 1;  // keeps the work observable
  }
  const double mw = median(wall), mc = median(cpu);
  const double bw = median(base_wall), bc = median(base_cpu);
  std::printf("input      %zu bytes, %zu sentences, %zu tokens, %zu words\n", text.size(),
              sentences, tokens, words);
  std::printf("runs       %d; median %.4f s wall, %.4f s thread CPU\n", runs, mw, mc);
  std::printf("tokens/s   %.0f wall, %.0f CPU\n", tokens / mw, tokens / mc);
  std::printf("words/s    %.0f wall, %.0f CPU\n", words / mw, words / mc);
  std::printf("MB/s       %.1f wall, %.1f CPU\n", text.size() / mw / 1e6, text.size() / mc / 1e6);
  std::printf("baseline   whitespace split into a Document: median %.4f s wall, %.4f s CPU\n", bw,
              bc);
  std::printf("ratio      tokenize / baseline: %.2f wall, %.2f CPU\n", mw / bw, mc / bc);

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
