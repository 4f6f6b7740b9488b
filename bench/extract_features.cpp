// Development aid: CaRB lines with the confidence features of each triple,
// for refitting the confidence weights (lib/extract/confidence.cpp).
//
//   extract_features [--no-implicit] PARSED.conllu > lines.tsv
//
// Each line is a CaRB tabbed line (sentence, confidence, relation,
// arguments) followed by a TAB, "#", and the kConfidenceFeatures numbers
// separated by spaces. Implicit relations are on, as for `extract --format
// carb`.
#include <iostream>
#include <string>
#include <vector>

#include "extract/builder.h"
#include "textgraph/conllu.h"
#include "textgraph/extractor.h"

int main(int argc, char** argv) {
  std::string path;
  textgraph::ExtractOptions options;
  options.implicit_relations = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--no-implicit") options.implicit_relations = false;
    else path = a;
  }
  if (path.empty()) {
    std::cerr << "usage: extract_features [--no-implicit] PARSED.conllu\n";
    return 2;
  }
  textgraph::ConlluReader reader(path);
  textgraph::Sentence sentence;
  std::size_t index = 0;
  std::vector<textgraph::Triple> triples;
  std::vector<double> rows;
  while (true) {
    auto got = reader.next(sentence);
    if (!got.ok()) {
      std::cerr << got.status().to_string() << "\n";
      return 1;
    }
    if (!*got) break;
    triples.clear();
    rows.clear();
    textgraph::extraction::extract_with_features(sentence, index++, options, triples, rows);
    for (std::size_t k = 0; k < triples.size(); ++k) {
      // The first line only: a passive's second, active line is derived.
      std::string line = textgraph::carb_line(triples[k]);
      line.erase(line.find('\n'));
      std::cout << line << "\t#";
      for (int j = 0; j < textgraph::extraction::kConfidenceFeatures; ++j)
        std::cout << ' ' << rows[k * textgraph::extraction::kConfidenceFeatures + j];
      std::cout << '\n';
    }
  }
  return 0;
}
