// Internal (training): the BiLSTM NER scorer (ner/neural.h), trained with
// Adam on per-word cross-entropy or, with config.crf, on the negative
// log-likelihood of a linear-chain CRF over BILOU labels, with word dropout
// (Kiperwasser & Goldberg 2016) and dropout on the BiLSTM outputs; a running
// average of the weights is what gets evaluated and kept. The LSTM forward
// and backward passes are the parser's (parser/network.h,
// train/parser/backprop.h).
//
//   NeuralTrainOptions o;  o.config.lstm_dim = 64;  ...
//   std::shared_ptr<ner::NeuralNer> net = train_neural_ner(o, sentences, gold, toks, infos,
//                                                          labels, dev_f1);
//
// Deterministic for a seed (one thread, fixed summation order).
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <vector>

#include "ner/features.h"
#include "ner/labels.h"
#include "ner/neural.h"
#include "textgraph/document.h"

namespace textgraph::train {

struct NeuralTrainOptions {
  ner::NeuralConfig config;     // sizes (and crf)
  int epochs = 20;              // at most this many passes
  int patience = 4;             // stop after this many epochs without a better dev F1
  std::uint64_t seed = 1;       // initialization, shuffling, dropout
  int min_word_count = 2;       // rarer normalized forms share the unknown embedding
  int batch = 32;               // sentences per update
  float learning_rate = 2e-3f;  // Adam
  float beta1 = 0.9f, beta2 = 0.9f;
  float clip = 5.0f;               // global gradient norm limit per update
  float average = 0.999f;          // decay of the weight average
  float word_dropout = 0.25f;      // alpha in alpha / (alpha + count)
  float encoding_dropout = 0.25f;  // on the BiLSTM outputs
  float input_dropout = 0.0f;      // on the BiLSTM inputs (the embeddings)
  std::ostream* log = nullptr;     // progress lines
};

// One training sentence: its words, their prepared tokens and gold labels.
struct NeuralExample {
  const Sentence* sentence = nullptr;
  std::vector<ner::NerToken> toks;
  ner::SentenceInfo info;
  std::vector<int> gold;  // BILOU label ids
};

// Trains a network over `labels` (LabelSet::size()) from examples; dev_f1
// scores a candidate (finish() already called) and picks the best epoch
// (without dev data, pass a function returning 0: the last epoch is kept).
// best_epoch receives the epoch kept.
std::shared_ptr<ner::NeuralNer> train_neural_ner(
    const NeuralTrainOptions& options, const std::vector<NeuralExample>& examples, int labels,
    const ner::LabelSet& label_set, const std::function<double(const ner::NeuralNer&)>& dev_f1,
    bool have_dev, int& best_epoch);

}  // namespace textgraph::train
