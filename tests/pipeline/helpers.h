// Shared helpers for the pipeline tests.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "textgraph/pipeline.h"

namespace textgraph::testing {

inline std::string data_path(const std::string& name) {
  return std::string(TEXTGRAPH_TEST_DATA) + "/pipeline/" + name;
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The default models, loaded once for the whole test program.
inline const Analyzer& default_analyzer() {
  static const Analyzer analyzer = [] {
    Result<Analyzer> a = Analyzer::load();
    if (!a.ok()) {
      ADD_FAILURE() << a.status().to_string();
      std::abort();
    }
    return std::move(a).value();
  }();
  return analyzer;
}

// Every chunk of the reader, analyzed on `threads` threads, as CoNLL-U.
inline std::string run_to_conllu(DocumentReader& reader, std::size_t threads,
                                 const Analyzer& analyzer = default_analyzer(),
                                 Status* status = nullptr) {
  std::ostringstream out;
  ConlluChunkWriter writer(out);
  const Status st = analyze_stream(reader, analyzer, threads, [&](Chunk& c) {
    writer.write(c);
    return Status();
  });
  if (status)
    *status = st;
  else
    EXPECT_TRUE(st.ok()) << st.to_string();
  return out.str();
}

inline std::string text_to_conllu(const std::string& text, const InputOptions& options,
                                  std::size_t threads) {
  std::istringstream in(text);
  Result<DocumentReader> reader = DocumentReader::from_stream(in, "input", options);
  EXPECT_TRUE(reader.ok()) << reader.status().to_string();
  return run_to_conllu(*reader, threads);
}

// "" if the sentence's heads form one tree with exactly one root, else why not.
inline std::string tree_problem(const Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const Word& w = s.words[static_cast<std::size_t>(i)];
    if (w.head < 0 || w.head > n)
      return "word " + std::to_string(i + 1) + " has head " + std::to_string(w.head);
    if (w.deprel.empty()) return "word " + std::to_string(i + 1) + " has no deprel";
    if (w.head == 0) ++roots;
    // Walking up from every word must reach the root within n steps.
    int at = i + 1, steps = 0;
    while (at != 0 && steps <= n) {
      at = s.words[static_cast<std::size_t>(at - 1)].head;
      ++steps;
    }
    if (at != 0) return "cycle through word " + std::to_string(i + 1);
  }
  if (n > 0 && roots != 1) return std::to_string(roots) + " roots";
  return "";
}

inline void expect_analyzed(const Document& doc) {
  for (const Sentence& s : doc.sentences) {
    EXPECT_EQ(tree_problem(s), "");
    for (const Word& w : s.words) {
      EXPECT_FALSE(w.upos.empty()) << w.form;
      EXPECT_FALSE(w.xpos.empty()) << w.form;
    }
  }
}

}  // namespace textgraph::testing
