// Internal: the neural NER scorer, a BiLSTM over word, affix, shape,
// capitalization and gazetteer embeddings with a linear output over the
// BILOU labels (Huang, Xu and Yu 2015; Lample et al. 2016), decoded by the
// same constrained Viterbi search as the perceptron (ner_model.h).
//
// It reuses the dependency parser's building blocks: its string tables and
// word normalization (parser/token_features.h), its LSTM weights and
// recurrence (parser/network.h) and its SIMD kernels (parser/kernels.h).
//
//   NeuralNer net = ...;                        // trained (lib/train) or load()ed
//   NeuralInputs in;
//   neural_inputs(net, sentence, toks, info, in);  // toks/info from prepare_sentence
//   net.emissions(in, emit);                    // n x labels scores
//
// Inputs of one word: its normalized form (lowercase, digits as 0), the
// last three and first two code points of it, its shape, one id for
// (capitalization, casing-lexicon class, sentence position, sentence
// casing) and the gazetteer matches covering it (a sum of embeddings, or a
// "no match" one). With `transitions` trained (CRF), label pairs get learned
// scores; without, only the BILOU constraints apply.
//
// Failure: load() throws Error(kModel) through ByteReader when the section
// is truncated, of an unknown layout, or inconsistent.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/bytes.h"
#include "ner/features.h"
#include "parser/network.h"
#include "parser/token_features.h"

namespace textgraph::ner {

using parser::LstmWeights;
using parser::Tensor;
using parser::Vocab;

// Sizes; saved with the model.
struct NeuralConfig {
  int word_dim = 64;    // normalized form
  int suffix_dim = 24;  // last three code points
  int prefix_dim = 16;  // first two code points
  int shape_dim = 16;   // parser::word_shape
  int cap_dim = 16;     // capitalization x casing class x position x sentence casing
  int gaz_dim = 16;     // gazetteer category and role
  int lstm_dim = 64;    // per direction
  int crf = 0;          // 1 = transition scores trained as a linear-chain CRF

  int input_dim() const {
    return word_dim + suffix_dim + prefix_dim + shape_dim + cap_dim + gaz_dim;
  }
};

// Row counts of the two tables not backed by a vocabulary.
constexpr int kCapIds = 6 * 6 * 3 * 3;  // cap, casing class, start, sentence casing
constexpr int kGazIds = 64;             // 0 = no match, else NerToken::gaz values

// The input ids of a sentence's words.
struct NeuralInputs {
  static constexpr int kFeatures = 5;  // word, suffix, prefix, shape, cap (gaz apart)
  std::vector<int> ids;                // n x kFeatures
  std::vector<int> gaz;                // gazetteer ids, word after word
  std::vector<int> gaz_offsets;        // gaz of word i: [gaz_offsets[i], gaz_offsets[i + 1])
  std::size_t size() const { return ids.size() / kFeatures; }
};

struct NeuralNer {
  NeuralConfig config;
  int labels = 0;  // LabelSet::size()
  Vocab words, suffixes, prefixes, shapes;
  Tensor emb_word, emb_suffix, emb_prefix, emb_shape, emb_cap, emb_gaz;
  LstmWeights lstm[2];  // forward, backward
  Tensor out_w;         // 2H x labels
  Tensor out_b;         // 1 x labels
  Tensor transitions;   // (labels + 1) x labels, row 0 = start (CRF only)

  // Inference tables: per direction, per embedding table, rows x 4H (the
  // table times its slice of Wx), built by finish(); make inference a few
  // vector additions per word before the recurrence.
  std::vector<Tensor> input_tables[2];
  Tensor out_wt;  // out_w transposed (labels x 2H): one dot product per label

  // Shapes every tensor for config, labels and the vocabularies (zeros).
  void allocate();
  // Every trained tensor, in a fixed order (saving, loading, optimizing).
  std::vector<Tensor*> tensors();
  std::vector<const Tensor*> tensors() const;
  std::size_t parameter_count() const;
  // Builds input_tables; call after training or loading.
  void finish();

  // Scores of every label for every word (n x labels) from the input
  // tables (finish() must have run).
  void emissions(const NeuralInputs& in, std::vector<float>& out) const;

  void save(ByteWriter& out) const;
  static NeuralNer load(ByteReader& in);
};

// The inputs of a sentence (toks and info from prepare_sentence).
void neural_inputs(const NeuralNer& net, const Sentence& sentence,
                   const std::vector<NerToken>& toks, const SentenceInfo& info, NeuralInputs& out);

// The embedding tables in input order (word, suffix, prefix, shape, cap, gaz).
std::vector<const Tensor*> embedding_tables(const NeuralNer& net);

}  // namespace textgraph::ner
