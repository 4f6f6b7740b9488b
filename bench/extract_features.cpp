// Development aid: CaRB lines with the confidence features of each triple,
// for refitting the confidence weights (lib/extract/confidence.cpp).
//
//   extract_features [--no-implicit] PARSED.conllu > lines.tsv
//   extract_features [--no-implicit] --sentence-per-line SENTENCES.txt
//                    [--models DIR] [--conllu PARSED_OUT.conllu] > lines.tsv
//
// Each line is a CaRB tabbed line (sentence, confidence, relation,
// arguments) followed by a TAB, "#", and the kConfidenceFeatures numbers
// separated by spaces. Implicit relations are on, as for `extract --format
// carb`. With --sentence-per-line the input is one tokenized sentence per
// line (as `extract --sentence-per-line` reads it), tagged and parsed with the
// models; --conllu also writes those parses, so that later runs (and
// `textgraph extract --input conllu`) can skip the parser.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/builder.h"
#include "textgraph/conllu.h"
#include "textgraph/extractor.h"
#include "textgraph/pipeline.h"

namespace {

void emit(const textgraph::Sentence& sentence, std::size_t index,
          const textgraph::ExtractOptions& options) {
  std::vector<textgraph::Triple> triples;
  std::vector<double> rows;
  textgraph::extraction::extract_with_features(sentence, index, options, triples, rows);
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

}  // namespace

int main(int argc, char** argv) {
  std::string path, models, conllu_out;
  bool per_line = false;
  textgraph::ExtractOptions options;
  options.implicit_relations = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--no-implicit")
      options.implicit_relations = false;
    else if (a == "--sentence-per-line")
      per_line = true;
    else if (a == "--models" && i + 1 < argc)
      models = argv[++i];
    else if (a == "--conllu" && i + 1 < argc)
      conllu_out = argv[++i];
    else
      path = a;
  }
  if (path.empty()) {
    std::cerr << "usage: extract_features [--no-implicit] PARSED.conllu\n"
                 "       extract_features [--no-implicit] --sentence-per-line TEXT "
                 "[--models DIR] [--conllu OUT]\n";
    return 2;
  }
  if (per_line) {
    textgraph::AnalyzerOptions aopts;
    aopts.model_dir = models;
    auto analyzer = textgraph::Analyzer::load(aopts);
    if (!analyzer.ok()) {
      std::cerr << analyzer.status().to_string() << "\n";
      return 1;
    }
    textgraph::InputOptions in;
    in.format = textgraph::InputFormat::kText;
    in.sentence_per_line = true;
    auto reader = textgraph::DocumentReader::open({path}, in);
    if (!reader.ok()) {
      std::cerr << reader.status().to_string() << "\n";
      return 1;
    }
    std::ofstream conllu;
    if (!conllu_out.empty()) conllu.open(conllu_out);
    std::size_t index = 0;
    const textgraph::Status st = textgraph::analyze_stream(
        *reader, *analyzer, 1, [&](textgraph::Chunk& chunk) -> textgraph::Status {
          for (textgraph::Sentence& s : chunk.document.sentences) {
            if (s.text.empty()) s.text = textgraph::surface_text(s);
            if (conllu.is_open()) textgraph::write_conllu(s, conllu);
            emit(s, index++, options);
          }
          return {};
        });
    if (!st.ok()) {
      std::cerr << st.to_string() << "\n";
      return 1;
    }
    return 0;
  }
  textgraph::ConlluReader reader(path);
  textgraph::Sentence sentence;
  std::size_t index = 0;
  while (true) {
    auto got = reader.next(sentence);
    if (!got.ok()) {
      std::cerr << got.status().to_string() << "\n";
      return 1;
    }
    if (!*got) break;
    emit(sentence, index++, options);
  }
  return 0;
}
