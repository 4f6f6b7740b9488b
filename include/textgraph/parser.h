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
// Re-tagging: a model trained with --aux-tagging also carries tagging heads
// on its BiLSTM encoder, which reads the whole sentence and the tagger's own
// tags. parse(sentence, retagging) lets them re-choose each word's (UPOS,
// XPOS) pair among a fixed set (the tagger's pairs), with a bonus for the
// pair and the UPOS the word already has; on EWT dev this is more accurate
// than the tagger alone (models/README.md). Only upos and xpos change: the
// caller refreshes lemma and feats (Tagger::complete()).
//
//   textgraph::Retagging r = parser->retagging(tagger->tag_pairs());
//   tagger->tag(s);
//   if (auto st = parser->parse(s, r); !st.ok()) report(st);
//   tagger->complete(s);                       // lemmas and FEATS of the new tags
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

#include <cstddef>
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

// The pairs a re-tagging parse may choose from, resolved against one
// parser's model by Parser::retagging(); use it only with that parser.
struct Retagging {
  std::vector<TagPair> pairs;  // the candidates, in order (ties go to the earlier)
  std::vector<int> upos_ids;   // the model's UPOS id of each pair
  std::vector<int> xpos_ids;   // the model's XPOS id of each pair
  // Log-probability bonuses for keeping what the word has: its whole pair,
  // and its UPOS. Chosen on EWT dev (models/README.md).
  float keep_pair = 1.0f;
  float keep_upos = 1.0f;
  bool empty() const { return pairs.empty(); }
};

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

  // True when the model has tagging heads (trained with --aux-tagging).
  bool can_retag() const;
  // The candidates for re-tagging: the pairs among `pairs` whose UPOS and
  // XPOS the model knows. Empty when the model cannot re-tag.
  Retagging retagging(const std::vector<TagPair>& pairs) const;
  // parse(), then re-tags each word whose current pair is one of
  // `retag.pairs` (other words keep their tags; an empty `retag` changes
  // nothing). `changed`, when not null, receives how many words got new tags.
  [[nodiscard]] Status parse(Sentence& sentence, const Retagging& retag,
                             std::size_t* changed = nullptr) const;

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

// Repairs of predicted annotation that need the tree; for words the tagger
// tagged, after parse() (the pipeline applies them together with
// re-tagging). Each follows a Penn Treebank convention that the tree decides:
//   repair_tags_from_tree: a particle (compound:prt) is RP; a VBD verb
//     with a passive or perfect auxiliary is VBN, and so is a JJ with a
//     perfect "have" but no copula ("you've won"); a VBN root verb after its
//     subject, with no auxiliary, copula or be/get/have before it, is VBD;
//     a capitalized JJ (amod) or NN/NNS (compound, flat) of a capitalized
//     proper noun, not sentence-initial, is NNP/NNPS ("Urban Development
//     Office"); a VBP verb after a modal, do-support or "to" is VB; a VB
//     verb heading a clause with a plural or first/second person subject
//     and no auxiliary is VBP; a JJR/JJS modifying a verb is the adverb
//     RBR/RBS ("works better"). Changes xpos, and upos where the UD
//     category changes too: call Tagger::complete() afterwards for FEATS
//     and lemmas.
//   repair_lemmas_from_tree: "'s" as the auxiliary of a participle, or before
//     "been", is "have" ("he's gone"); call after Tagger::complete().
// Both return how many words they changed and never fail.
std::size_t repair_tags_from_tree(Sentence& sentence);
std::size_t repair_lemmas_from_tree(Sentence& sentence);

}  // namespace textgraph
