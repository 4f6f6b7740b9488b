#include "parser/decode.h"

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
  return p;
}

namespace {

void prepare(const Network& net, const Precomputed& pre, const std::vector<TokenIds>& ids,
             Workspace& ws) {
  encode_fast(net, pre.inputs, ids, ws.encodings);
  precompute(net, ws.encodings, static_cast<int>(ids.size()), ws.pre_tokens);
  ws.hidden.resize(net.config.hidden);
  ws.scores.resize(net.codec().count());
}

}  // namespace

void greedy_parse(const Network& net, const Precomputed& pre,
                  const std::vector<TokenIds>& ids, Workspace& ws, std::vector<int>& heads,
                  std::vector<int>& labels, std::vector<int>* actions,
                  std::vector<float>* trace) {
  const int n = static_cast<int>(ids.size()) - 1;
  const ActionCodec codec = net.codec();
  prepare(net, pre, ids, ws);
  State state(n);
  while (!state.final()) {
    score_state(net, state, ws.pre_tokens.data(), pre.pre_null.data(), ws.hidden.data(),
                ws.scores.data());
    const int a = best_legal(state, codec, ws.scores.data());
    if (actions) actions->push_back(a);
    if (trace) trace->push_back(ws.scores[a]);
    state.apply(codec, a);
  }
  heads = state.heads();
  labels = state.labels();
}

std::vector<float> replay_scores(const Network& net, const Precomputed& pre,
                                 const std::vector<TokenIds>& ids,
                                 const std::vector<int>& actions, Workspace& ws) {
  const int n = static_cast<int>(ids.size()) - 1;
  const ActionCodec codec = net.codec();
  prepare(net, pre, ids, ws);
  State state(n);
  std::vector<float> out;
  for (int a : actions) {
    if (state.final() || !state.legal(codec, a)) break;
    score_state(net, state, ws.pre_tokens.data(), pre.pre_null.data(), ws.hidden.data(),
                ws.scores.data());
    out.push_back(ws.scores[a]);
    state.apply(codec, a);
  }
  return out;
}

}  // namespace textgraph::parser
