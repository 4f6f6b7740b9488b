// textgraph/train.h — training the project's models (`textgraph train KIND`).
//
// Usage:
//   textgraph::TaggerTrainOptions options;
//   options.train_files = {"en_ewt-ud-train.conllu"};
//   options.dev_file = "en_ewt-ud-dev.conllu";   // picks the best epoch, reports scores
//   options.seed = 1;
//   options.log = &std::cerr;                     // progress, one line per epoch
//   textgraph::Result<textgraph::TaggerTrainResult> r =
//       textgraph::train_tagger(options, "tagger.tgm");
//   if (!r.ok()) report(r.status());
//
// Training is deterministic: the same files, options and seed give a
// byte-identical model file. The model records the training files, their
// license, the command, the options and the dev scores in its metadata,
// plus self-test sentences checked on every load (see tagger.h).
//
// Failure: unreadable or malformed CoNLL-U gives the reader's error (FILE:LINE);
// training data without usable sentences gives ErrorCode::kInvalidInput; an
// output that cannot be written gives ErrorCode::kIo (an existing file is
// left untouched).
//
// Other kinds (parser, NER) add their own Options/Result/train_* here, built
// on the shared perceptron code in lib/train/ (see lib/train/README.md).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "textgraph/ner.h"
#include "textgraph/status.h"
#include "textgraph/tagger.h"

namespace textgraph {

struct TaggerTrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U; sentences without XPOS are used for
                                         // lemmas only, words without lemmas for tags only
  std::string dev_file;                  // CoNLL-U with gold tags; "" = none (all epochs run)
  int epochs = 15;                       // at most this many passes over the training data
  int patience = 4;                      // stop after this many epochs without a better dev score
  std::uint64_t seed = 1;                // shuffling seed
  int passes = 2;                        // 2 = a second pass sees the first pass's tags
                                         // of the words to the right
  int folds = 4;                         // jackknife folds giving the second pass its input
  int lemma_epochs = 10;                 // passes of the lemma script classifier
  int min_ambiguity_count = 3;           // forms seen less often get no ambiguity class
  std::string license;                   // recorded in the model; "" = derived from file names
  std::string command;                   // the command line, recorded in the model
  std::ostream* log = nullptr;           // progress lines; nullptr = silent
};

struct TaggerTrainResult {
  TaggerScores dev;             // of the saved model on dev_file (zeros without one)
  int best_epoch = 0;           // the epoch whose weights were kept
  double seconds = 0;           // wall time of the whole training
  std::size_t model_bytes = 0;  // size of the written file
};

[[nodiscard]] Result<TaggerTrainResult> train_tagger(const TaggerTrainOptions& options,
                                                     const std::string& output_path);

}  // namespace textgraph

// --- `textgraph train ner` -------------------------------------------------
//
// Usage:
//   textgraph::NerTrainOptions options;
//   options.train_files = {"en_ewt-ud-train.iob2"};   // IOB2, Universal NER layout
//   options.dev_file = "en_ewt-ud-dev.iob2";          // picks the best epoch, reports F1
//   textgraph::Result<textgraph::NerTrainResult> r = textgraph::train_ner(options, "ner.tgm");
//
// Deterministic like train_tagger. Failure: unreadable or malformed IOB2
// gives the reader's error (FILE:LINE); training data without entities gives
// ErrorCode::kInvalidInput; a malformed actor dictionary gives its error
// (FILE:LINE); an output that cannot be written gives ErrorCode::kIo (an
// existing file is left untouched).
namespace textgraph {

struct NerTrainOptions {
  std::vector<std::string> train_files;  // IOB2 files (Universal NER layout)
  std::string dev_file;                  // IOB2 with gold tags: picks the best epoch;
                                         // "" = none (all epochs run, their average is kept)
  std::string actors_file;               // actor dictionary whose names become gazetteer
                                         // entries; "" = the shipped one (actors.tsv in
                                         // default_model_dir()), "none" = no gazetteer
  int epochs = 20;                       // at most this many passes over the training data
  int patience = 4;                      // stop after this many epochs without a better dev F1
  std::uint64_t seed = 1;                // shuffling seed
  int casing_min_count = 2;              // forms seen fewer times stay out of the casing lexicon
  int min_word_count = 2;                // rarer words lose their identity: they are trained
                                         // as the unknown words of new text are seen
  std::string license;                   // recorded in the model; "" = derived from file names
  std::string command;                   // the command line, recorded in the model
  std::ostream* log = nullptr;           // progress lines; nullptr = silent
  // The scorer: "perceptron" (averaged structured perceptron over sparse
  // features), "bilstm" (a BiLSTM over word, affix, shape, casing and
  // gazetteer embeddings; the options below apply to it only) or "hybrid"
  // (both trained, their scores summed, the perceptron's weight picked on
  // dev_file from a fixed grid).
  std::string architecture = "perceptron";
  int lstm_dim = 64;           // bilstm: LSTM units per direction
  int word_dim = 64;           // bilstm: word embedding size
  bool crf = false;            // bilstm: train label transitions as a linear-chain CRF
  int batch = 32;              // bilstm: sentences per update
  float dropout = 0.25f;       // bilstm: dropout on the BiLSTM outputs
  float input_dropout = 0.0f;  // bilstm: dropout on the embeddings
  float word_dropout = 0.25f;  // bilstm: alpha of word dropout, alpha / (alpha + count)
};

struct NerTrainResult {
  NerScores dev;                // of the saved model on dev_file (zeros without one)
  int best_epoch = 0;           // the epoch whose weights were kept
  double seconds = 0;           // wall time of the whole training
  std::size_t model_bytes = 0;  // size of the written file
};

[[nodiscard]] Result<NerTrainResult> train_ner(const NerTrainOptions& options,
                                               const std::string& output_path);

}  // namespace textgraph
