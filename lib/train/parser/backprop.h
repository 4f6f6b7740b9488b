// Internal (training): one sentence's loss and gradient for the parser
// network, following the dynamic oracle with error exploration
// (Goldberg & Nivre 2013; Kiperwasser & Goldberg 2016).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "parser/network.h"
#include "parser/transition.h"

namespace textgraph::parser::train {

// A small deterministic generator (splitmix64).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  float uniform() { return static_cast<float>(next() >> 40) / static_cast<float>(1ull << 24); }
  std::uint64_t below(std::uint64_t n) { return next() % n; }

 private:
  std::uint64_t state_;
};

struct Example {
  std::vector<TokenIds> ids;    // index 0 = root
  GoldTree gold;                // projectivized
  std::vector<int> upos, xpos;  // tag ids per word (index 0 unused), targets of aux_tagging
};

struct StepOptions {
  float word_dropout = 0.25f;     // alpha in alpha / (alpha + count)
  float tag_dropout = 0.0f;       // probability of hiding a word's input UPOS / XPOS
  float encoding_dropout = 0.2f;  // on BiLSTM outputs
  float hidden_dropout = 0.2f;    // on the scorer's hidden layer
  float explore = 0.0f;           // probability of following the model's own choice
  float aux_weight = 0.5f;        // weight of the tagging loss per word (aux_tagging)
};

struct StepStats {
  double loss = 0;
  long transitions = 0;
  long correct = 0;  // model's best action had zero cost
};

// Gradient buffers shaped like the network, plus which embedding rows changed.
struct Gradients {
  Network g;
  std::vector<std::vector<char>> touched;  // per embedding tensor, per row
  std::vector<std::vector<int>> touched_rows;
  void reset(const Network& net);
  void touch(int table, int row);
};

// Fills `t` uniformly in [-scale, scale) from `rng`.
void fill_uniform(Tensor& t, float scale, Rng& rng);

// Glorot-uniform input and recurrent weights of one LSTM direction with
// `lstm_dim` units, forget-gate bias 1 (open at first). Also used by the
// NER trainer.
void initialize_lstm(LstmWeights& w, int lstm_dim, Rng& rng);

// Adds every non-empty string of `counts` seen at least `min` times to
// `vocab`, in the map's sorted order (so ids, and models, are deterministic).
void add_counted(Vocab& vocab, const std::map<std::string, int>& counts, int min);

// The count of each entry of `vocab`, by id (0 for strings not in `counts`).
std::vector<int> counts_by_id(const Vocab& vocab, const std::map<std::string, int>& counts);

// Backward through one LSTM direction run by lstm_forward (its `cache`).
// `dout` holds dL/dh for every position (row stride `dout_stride`); adds
// parameter gradients to `g` and input gradients to `dx` (steps x in).
// Also used by the NER trainer.
void lstm_backward(const LstmWeights& w, LstmWeights& g, const float* x, int steps, int in,
                   bool reverse, const LstmCache& cache, const float* dout, int dout_stride,
                   float* dx);

// Adds the gradient of one sentence to `grads`.
StepStats backprop_sentence(const Network& net, const Example& ex,
                            const std::vector<int>& word_counts, const StepOptions& opt, Rng& rng,
                            Gradients& grads);

}  // namespace textgraph::parser::train
