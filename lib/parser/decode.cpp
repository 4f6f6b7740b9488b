#include "parser/decode.h"

#include <algorithm>

#include "parser/kernels.h"

namespace textgraph::parser {

int best_legal(const State& state, const ActionCodec& codec, const float* scores) {
  int best = -1;
  for (int a = 0; a < codec.count(); ++a)
    if ((best < 0 || scores[a] > scores[best]) && state.legal(codec, a)) best = a;
  return best;
}

Precomputed precompute_model(const Network& net) {
  Precomputed p;
  precompute_null(net, p.pre_null);
  p.inputs = build_input_tables(net);
  const int actions = net.w2.cols, hid = net.w2.rows;
  p.padded_actions = (actions + 7) / 8 * 8;
  p.w2.assign(static_cast<std::size_t>(hid) * p.padded_actions, 0.0f);
  for (int j = 0; j < hid; ++j)
    std::copy(net.w2.row(j), net.w2.row(j) + actions,
              p.w2.begin() + static_cast<std::size_t>(j) * p.padded_actions);
  p.b2.assign(p.padded_actions, 0.0f);
  std::copy(net.b2.data.begin(), net.b2.data.end(), p.b2.begin());
  return p;
}

namespace {

void score(const Network& net, const Precomputed& pre, const State& state, Workspace& ws) {
  hidden_layer(net, state, ws.pre_tokens.data(), pre.pre_null.data(), ws.hidden.data());
  std::copy(pre.b2.begin(), pre.b2.end(), ws.scores.begin());
  kernels::sparse_gemv(ws.hidden.data(), pre.w2.data(), ws.scores.data(), net.config.hidden,
                       pre.padded_actions);
}

}  // namespace

namespace {

void prepare(const Network& net, const Precomputed& pre, const std::vector<TokenIds>& ids,
             Workspace& ws) {
  encode_fast(net, pre.inputs, ids, ws.encodings);
  precompute(net, ws.encodings, static_cast<int>(ids.size()), ws.pre_tokens);
  ws.hidden.resize(net.config.hidden);
  ws.scores.resize(pre.padded_actions);
}

}  // namespace

void greedy_parse(const Network& net, const Precomputed& pre, const std::vector<TokenIds>& ids,
                  Workspace& ws, std::vector<int>& heads, std::vector<int>& labels,
                  std::vector<int>* actions, std::vector<float>* trace) {
  const int n = static_cast<int>(ids.size()) - 1;
  const ActionCodec codec = net.codec();
  prepare(net, pre, ids, ws);
  State state(n);
  while (!state.final()) {
    score(net, pre, state, ws);
    const int a = best_legal(state, codec, ws.scores.data());
    if (actions) actions->push_back(a);
    if (trace) trace->push_back(ws.scores[a]);
    state.apply(codec, a);
  }
  heads = state.heads();
  labels = state.labels();
}

std::vector<float> replay_scores(const Network& net, const Precomputed& pre,
                                 const std::vector<TokenIds>& ids, const std::vector<int>& actions,
                                 Workspace& ws) {
  const int n = static_cast<int>(ids.size()) - 1;
  const ActionCodec codec = net.codec();
  prepare(net, pre, ids, ws);
  State state(n);
  std::vector<float> out;
  for (int a : actions) {
    if (state.final() || !state.legal(codec, a)) break;
    score(net, pre, state, ws);
    out.push_back(ws.scores[a]);
    state.apply(codec, a);
  }
  return out;
}

}  // namespace textgraph::parser
