// Internal: the parser's scoring network and its parameters.
//
// Token encoder: per word, the concatenated embeddings of its normalized
// form, suffix, prefix, shape, UPOS and XPOS (any of them may be switched
// off by a zero dimension) run through `lstm_layers` bidirectional LSTM
// layers (Kiperwasser & Goldberg 2016); the artificial root is token 0 of
// the sequence with its own reserved ids.
//
// Transition scorer: a feed-forward layer over the encodings of the tokens
// in `token_slots` (a learned vector stands in for an empty slot) plus
// learned per-slot label vectors of the children in `label_slots`, ReLU,
// and a linear output over all actions. The first layer is linear in each
// token's encoding, so it is computed once per token and slot for the whole
// sentence (Chen & Manning's precomputation), and a transition costs only a
// few vector additions and the output layer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parser/token_features.h"
#include "parser/transition.h"

namespace textgraph::parser {

// Positions in a configuration a feature can read.
enum class Slot : std::uint8_t {
  kS0,
  kS1,
  kS2,
  kS3,
  kB0,
  kB1,
  kB2,
  kB3,
  kS0L1,
  kS0L2,
  kS0R1,
  kS0R2,
  kS1L1,
  kS1L2,
  kS1R1,
  kS1R2,
  kB0L1,
  kB0L2,
  kS0L1L1,
  kS0R1R1,
  kS1L1L1,
  kS1R1R1,
  kCount
};
const char* slot_name(Slot s);
// The token at slot s of the state, or kNone.
int slot_token(const State& state, Slot s);

// Sizes and feature choices; saved with the model.
struct NetworkConfig {
  int word_dim = 64, suffix_dim = 24, prefix_dim = 16, shape_dim = 16, upos_dim = 24, xpos_dim = 24;
  int lstm_layers = 1;  // 0 = no encoder: slots read the raw embeddings
  int lstm_dim = 64;    // per direction
  int hidden = 200;
  // Multi-task training (stack-propagation, Zhang & Weiss 2016): the
  // encoder also learns to predict each word's UPOS and XPOS from its
  // encoding. Training reads these heads to shape the encoder; at run time
  // they re-tag the tagger's words (retag.h, Retagging in textgraph/parser.h).
  bool aux_tagging = false;
  std::vector<Slot> token_slots = {Slot::kS0, Slot::kS1, Slot::kS2, Slot::kB0};
  std::vector<Slot> label_slots = {Slot::kS0L1, Slot::kS0L2, Slot::kS0R1, Slot::kS0R2,
                                   Slot::kS1L1, Slot::kS1R1, Slot::kB0L1, Slot::kB0L2};

  int input_dim() const {
    return word_dim + suffix_dim + prefix_dim + shape_dim + upos_dim + xpos_dim;
  }
  int encoding_dim() const { return lstm_layers > 0 ? 2 * lstm_dim : input_dim(); }
};

// A dense parameter block, row-major.
struct Tensor {
  int rows = 0, cols = 0;
  std::vector<float> data;
  void resize(int r, int c) {
    rows = r;
    cols = c;
    data.assign(static_cast<std::size_t>(r) * c, 0.0f);
  }
  float* row(int r) { return data.data() + static_cast<std::size_t>(r) * cols; }
  const float* row(int r) const { return data.data() + static_cast<std::size_t>(r) * cols; }
};

struct LstmWeights {
  Tensor wx;  // input_dim x 4H (gates i, f, g, o)
  Tensor wh;  // H x 4H
  Tensor b;   // 1 x 4H
};

struct Vocabularies {
  Vocab words, suffixes, prefixes, shapes, upos, xpos;
  std::vector<std::string> labels;  // labels[0] == "root"
};

struct Network {
  NetworkConfig config;
  Vocabularies vocab;
  Tensor emb_word, emb_suffix, emb_prefix, emb_shape, emb_upos, emb_xpos;
  std::vector<LstmWeights> lstm;  // layer-major: [2 * layer + direction], 0 = forward
  Tensor null_token;              // 1 x encoding_dim
  Tensor w1;                      // encoding_dim x (slots * hidden)
  Tensor label_table;             // (label_slots * (labels + 1)) x hidden; row labels = none
  Tensor b1;                      // 1 x hidden
  Tensor w2;                      // hidden x actions
  Tensor b2;                      // 1 x actions
  Tensor aux_upos_w, aux_upos_b;  // encoding_dim x upos, 1 x upos (0 x 0 unless aux_tagging)
  Tensor aux_xpos_w, aux_xpos_b;  // encoding_dim x xpos, 1 x xpos

  ActionCodec codec() const { return ActionCodec{static_cast<int>(vocab.labels.size())}; }
  // Sets every tensor to its shape for config and vocab (zero-filled).
  void allocate();
  // Every tensor, in a fixed order (for saving, loading and optimizing).
  std::vector<Tensor*> tensors();
  std::vector<const Tensor*> tensors() const;
  std::size_t parameter_count() const;
};

// Feature ids for a sentence: index 0 is the root, 1..n the words.
std::vector<TokenIds> token_ids(const Vocabularies& vocab, const std::vector<std::string>& forms,
                                const std::vector<std::string>& upos,
                                const std::vector<std::string>& xpos);

// Intermediate values of one sentence's forward pass, kept for training.
struct LstmCache {
  std::vector<float> gates;   // T x 4H after nonlinearity, in sequence order of the direction
  std::vector<float> cells;   // T x H
  std::vector<float> hidden;  // T x H
};
struct EncoderCache {
  std::vector<std::vector<float>> inputs;  // per layer: T x in (layer 0: embeddings)
  std::vector<LstmCache> lstm;             // per layer and direction
};

// Runs embeddings and the BiLSTM over T = n + 1 tokens; `out` gets T x
// encoding_dim. `cache` may be null (inference). `embeddings_out` receives
// the input layer when not null.
void encode(const Network& net, const std::vector<TokenIds>& ids, std::vector<float>& out,
            EncoderCache* cache);
// The recurrence of one direction over z (steps x 4H, input projection and
// bias already added); overwrites z with the gate activations. Also used by
// the NER network (lib/ner/neural.cpp).
void lstm_recur(const LstmWeights& w, std::vector<float>& z, int steps, bool reverse, float* out,
                int out_stride, LstmCache* cache);
// One LSTM direction over T inputs of width `in`; `reverse` runs right to left.
void lstm_forward(const LstmWeights& w, const float* x, int steps, int in, bool reverse, float* out,
                  int out_stride, LstmCache* cache);

// Inference shortcut for the first BiLSTM layer: its input projection is
// linear in each embedding, so Wx * x is the sum of one precomputed row per
// feature (embedding row times its slice of Wx), built once at load time.
struct InputTables {
  // [direction][feature]: vocabulary size x 4H; features in TokenIds order.
  std::vector<Tensor> tables[2];
  bool empty() const { return tables[0].empty(); }
};
InputTables build_input_tables(const Network& net);
// encode() for inference using the tables (same result up to rounding).
void encode_fast(const Network& net, const InputTables& tables, const std::vector<TokenIds>& ids,
                 std::vector<float>& out);

// The first layer's per-token contributions: T x (slots * hidden).
void precompute(const Network& net, const std::vector<float>& encodings, int tokens,
                std::vector<float>& out);
// The null token's contributions: slots * hidden.
void precompute_null(const Network& net, std::vector<float>& out);

// The scorer's hidden layer (after ReLU) for `state`, from the precomputed
// tables; the output layer is applied by the caller.
void hidden_layer(const Network& net, const State& state, const float* pre_tokens,
                  const float* pre_null, float* hidden);

}  // namespace textgraph::parser
