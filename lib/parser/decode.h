// Internal: greedy decoding with the network, shared by Parser and the trainer.
#pragma once

#include <vector>

#include "parser/network.h"

namespace textgraph::parser {

// What inference precomputes once per model: the null token's first-layer
// contribution and the first BiLSTM layer's input tables.
struct Precomputed {
  std::vector<float> pre_null;
  InputTables inputs;
  // The output layer with its columns padded to a multiple of 8 (zeros),
  // so that every column is computed by the vector loops. (No more: the
  // layer is read once per transition, mostly from L2, so padding costs.)
  int padded_actions = 0;
  std::vector<float> w2, b2;
};
Precomputed precompute_model(const Network& net);

// Scratch buffers reused across sentences by one thread.
struct Workspace {
  std::vector<float> encodings, pre_tokens, hidden, scores;
};

// The highest-scoring legal action (lowest id on ties), or -1 when none is legal.
int best_legal(const State& state, const ActionCodec& codec, const float* scores);

// Parses one sentence given its feature ids (index 0 = root). `heads` and
// `labels` get n + 1 entries (index 0 unused). When `trace` is not null it
// receives the score of every action taken.
void greedy_parse(const Network& net, const Precomputed& pre, const std::vector<TokenIds>& ids,
                  Workspace& ws, std::vector<int>& heads, std::vector<int>& labels,
                  std::vector<int>* actions = nullptr, std::vector<float>* trace = nullptr);

// Replays `actions` and returns the score of each (for the model self-test).
std::vector<float> replay_scores(const Network& net, const Precomputed& pre,
                                 const std::vector<TokenIds>& ids, const std::vector<int>& actions,
                                 Workspace& ws);

}  // namespace textgraph::parser
