// Internal (training): trains the dependency parser from CoNLL-U treebanks
// and scores parses the CoNLL 2018 way. Used by `textgraph train parser`.
//
// Usage:
//   parser::train::TrainOptions opt;
//   opt.train = {"en_ewt-ud-train.conllu"};
//   opt.dev = "en_ewt-ud-dev.conllu";
//   opt.output = "parser.tgm";
//   if (Status s = parser::train::train_parser(opt); !s.ok()) ...
//
// Training reads the tags found in the files: give it files whose UPOS/XPOS
// were predicted by the tagger (jack-knifed for the training file) so that
// training matches use. Deterministic for a given seed (one thread).
//
// Failure: unreadable or malformed files (kIo / kInvalidInput naming
// FILE:LINE), a training set without trees (kInvalidInput), options out of
// range (kUsage), an unwritable output (kIo).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parser/network.h"
#include "textgraph/document.h"
#include "textgraph/status.h"
#include "train/parser/backprop.h"

namespace textgraph::parser::train {

// Jack-knifing: trains a tagger on `train` and tags `held_out` in place
// (UPOS, XPOS and whatever else the tagger predicts). `fold` is 0-based.
using TagFold = std::function<Status(const std::vector<Sentence>& train,
                                     std::vector<Sentence>& held_out, int fold)>;
// Tags sentences in place with a finished tagger (for the dev file).
using TagSentences = std::function<Status(std::vector<Sentence>& sentences)>;

// Splits `sentences` into k contiguous folds (so documents mostly stay
// together, as they would in new text) and replaces each fold's tags by
// those of a tagger trained on the other k - 1 folds. Trees are kept.
[[nodiscard]] Status jackknife(std::vector<Sentence>& sentences, int k, const TagFold& tag_fold);

struct TrainOptions {
  std::vector<std::string> train;  // CoNLL-U files with trees
  // Optional CoNLL-U files parallel to `train` (same sentences and words in
  // the same order) whose UPOS/XPOS are the parser's input, e.g. tags
  // predicted by jack-knifing with an external tagger. Without them the
  // tags in `train` are the input. The tags in `train` are always the
  // targets of aux_tagging.
  std::vector<std::string> input_tags;
  std::string dev;        // CoNLL-U file for model selection; "" = keep the last epoch
  std::string output;     // model path
  NetworkConfig network;  // sizes and features
  int epochs = 15;
  int batch = 32;               // sentences per update
  float learning_rate = 2e-3f;  // Adam
  float beta1 = 0.9f, beta2 = 0.9f;
  float clip = 5.0f;       // global gradient norm limit per update
  float average = 0.999f;  // decay of the weight average that is evaluated and
                           // saved (0 = no averaging)
  float decay = 0.75f;     // learning-rate factor per epoch after `decay_from`
  int decay_from = 8;
  int min_word_count = 2;  // rarer words share the unknown embedding
  StepOptions step;        // dropout; step.explore is set per epoch
  int explore_from = 2;    // first epoch (1-based) with error exploration
  float explore = 0.9f;    // probability of following the model then
  std::uint64_t seed = 1;
  long max_sentences = 0;       // use only the first N training sentences (0 = all)
  int jackknife = 0;            // > 1: retag the training data with k folds (tag_fold)
  TagFold tag_fold;             // required when jackknife > 1
  TagSentences tag_dev;         // when set, retags the dev sentences before use
  std::string save_input_tags;  // when set, the training sentences with the tags the
                                // parser reads (e.g. jack-knifed) are written here as
                                // CoNLL-U, for --input-tags in later runs
  std::string tags;             // how the tags were obtained, for the metadata
  std::string command;          // recorded in the model metadata
  std::function<void(const std::string&)> log;  // progress lines; may be empty
};

struct ParseScores {
  long words = 0;    // gold words scored
  long heads = 0;    // correct heads
  long labeled = 0;  // correct heads with the correct universal relation
  double uas() const { return words ? 100.0 * heads / words : 0; }
  double las() const { return words ? 100.0 * labeled / words : 0; }
};

// UAS and LAS over the words of sentences with the same words (gold
// tokenization): punctuation included, relation subtypes ignored.
ParseScores score_parses(const std::vector<Sentence>& gold, const std::vector<Sentence>& parsed);

// The universal part of a relation: "nsubj:pass" -> "nsubj".
std::string universal_relation(const std::string& deprel);

[[nodiscard]] Status train_parser(const TrainOptions& options);

}  // namespace textgraph::parser::train
