// textgraph/parser.h — the dependency parser: fills Word::head and
// Word::deprel (Universal Dependencies relations, subtypes included).
//
// Usage:
//   textgraph::Result<textgraph::Parser> parser = textgraph::Parser::load("models/parser.tgm");
//   if (!parser.ok()) { report(parser.status()); return; }  // names the file and the problem
//   for (textgraph::Sentence& s : doc.sentences)
//     if (auto st = parser->parse(s); !st.ok()) report(st);
//   // every word now has head (0 = root) and deprel ("nsubj", "obl:tmod", ...)
//
// The parser reads each word's form, and its UPOS and XPOS when set (run the
// tagger first: the model was trained on predicted tags; missing tags are
// treated as unknown and cost accuracy). It is a greedy transition-based
// parser (arc-hybrid) over a BiLSTM token encoder and a feed-forward scorer;
// the time taken is linear in the sentence length. The output is always a
// projective tree with exactly one word attached to the root. "Sentences"
// longer than 2048 words (run-on text) are parsed in pieces of 2048 words,
// each later piece's root attached to the first one's as "parataxis".
//
// Thread safety: a loaded Parser is immutable; parse() may be called from
// any number of threads at once. Results do not depend on the thread count.
//
// Failure: load() fails with ErrorCode::kModel, naming the file, for a
// missing, truncated, corrupt, newer-format or non-parser model and when the
// model's self-test (known scores on built-in sentences) does not reproduce.
// parse() fails with ErrorCode::kInvalidInput only for a sentence it cannot
// hold (more than 10 million words); an empty sentence is left as it is.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "textgraph/document.h"
#include "textgraph/model.h"
#include "textgraph/status.h"

namespace textgraph {

namespace parser {
struct Network;
struct Precomputed;
}  // namespace parser

class Parser {
 public:
  // Reads and self-tests a model file of kind "parser".
  [[nodiscard]] static Result<Parser> load(const std::string& path);
  // The same from a container already in memory; `name` is used in messages.
  [[nodiscard]] static Result<Parser> from_model(const ModelFile& model, const std::string& name);
  // The default model: default_model_dir() + "/parser.tgm".
  [[nodiscard]] static Result<Parser> load_default();

  Parser(Parser&&) noexcept;
  Parser& operator=(Parser&&) noexcept;
  ~Parser();

  // Sets head and deprel of every word of the sentence.
  [[nodiscard]] Status parse(Sentence& sentence) const;
  // Parses every sentence of the document.
  [[nodiscard]] Status parse(Document& document) const;

  // The model's JSON metadata (training data, licenses, command, scores).
  const std::string& metadata_json() const;
  // The relation labels the model can assign.
  const std::vector<std::string>& labels() const;

  // For the trainer: a parser around a network built in memory (no self-test).
  explicit Parser(std::unique_ptr<parser::Network> network, std::string metadata_json = "{}");
  const parser::Network& network() const { return *net_; }

 private:
  std::unique_ptr<parser::Network> net_;
  std::unique_ptr<parser::Precomputed> pre_;  // tables derived from the network at load
  std::string metadata_;
};

}  // namespace textgraph
