#include "train/parser/backprop.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "parser/kernels.h"

namespace textgraph::parser::train {

namespace k = kernels;

void Gradients::reset(const Network& net) {
  if (g.tensors().size() != net.tensors().size() || g.w1.data.size() != net.w1.data.size()) {
    g.config = net.config;
    g.vocab = net.vocab;
    g.allocate();
    touched.assign(6, {});
    touched_rows.assign(6, {});
    auto emb = g.tensors();
    for (int t = 0; t < 6; ++t) touched[t].assign(emb[t]->rows, 0);
  }
  auto tensors = g.tensors();
  for (std::size_t t = 0; t < tensors.size(); ++t) {
    if (t < 6) {
      for (int r : touched_rows[t]) {
        std::fill(tensors[t]->row(r), tensors[t]->row(r) + tensors[t]->cols, 0.0f);
        touched[t][r] = 0;
      }
      touched_rows[t].clear();
    } else {
      std::fill(tensors[t]->data.begin(), tensors[t]->data.end(), 0.0f);
    }
  }
}

void Gradients::touch(int table, int row) {
  if (!touched[table][row]) {
    touched[table][row] = 1;
    touched_rows[table].push_back(row);
  }
}

void fill_uniform(Tensor& t, float scale, Rng& rng) {
  for (float& x : t.data) x = (2 * rng.uniform() - 1) * scale;
}

void initialize_lstm(LstmWeights& w, int lstm_dim, Rng& rng) {
  const int h = lstm_dim;
  fill_uniform(w.wx, std::sqrt(6.0f / static_cast<float>(w.wx.rows + h)), rng);
  fill_uniform(w.wh, std::sqrt(6.0f / static_cast<float>(2 * h)), rng);
  for (int j = 0; j < h; ++j) w.b.data[h + j] = 1.0f;
}

void add_counted(Vocab& vocab, const std::map<std::string, int>& counts, int min) {
  for (const auto& [s, n] : counts)
    if (n >= min && !s.empty()) vocab.add(s);
}

std::vector<int> counts_by_id(const Vocab& vocab, const std::map<std::string, int>& counts) {
  std::vector<int> out(static_cast<std::size_t>(vocab.size()), 0);
  for (const auto& [s, n] : counts)
    if (int id = vocab.id(s); id != Vocab::kUnknown) out[id] = n;
  return out;
}

void lstm_backward(const LstmWeights& w, LstmWeights& g, const float* x, int steps, int in,
                   bool reverse, const LstmCache& cache, const float* dout, int dout_stride,
                   float* dx) {
  const int h4 = w.wh.cols, h = h4 / 4;
  std::vector<float> dz(static_cast<std::size_t>(steps) * h4, 0.0f);
  std::vector<float> hprev(static_cast<std::size_t>(steps) * h, 0.0f);
  std::vector<float> dh_next(h, 0.0f), dc_next(h, 0.0f);
  for (int s = steps - 1; s >= 0; --s) {
    const int t = reverse ? steps - 1 - s : s;
    const int tp = reverse ? t + 1 : t - 1;
    const float* gates = cache.gates.data() + static_cast<std::size_t>(t) * h4;
    const float* c = cache.cells.data() + static_cast<std::size_t>(t) * h;
    const float* cprev = s > 0 ? cache.cells.data() + static_cast<std::size_t>(tp) * h : nullptr;
    const float* d = dout + static_cast<std::size_t>(t) * dout_stride;
    float* dzt = dz.data() + static_cast<std::size_t>(t) * h4;
    for (int j = 0; j < h; ++j) {
      const float i = gates[j], f = gates[h + j], gg = gates[2 * h + j], o = gates[3 * h + j];
      const float dh = d[j] + dh_next[j];
      const float tc = std::tanh(c[j]);
      const float dc = dc_next[j] + dh * o * (1 - tc * tc);
      const float cp = cprev ? cprev[j] : 0.0f;
      dzt[j] = dc * gg * i * (1 - i);
      dzt[h + j] = dc * cp * f * (1 - f);
      dzt[2 * h + j] = dc * i * (1 - gg * gg);
      dzt[3 * h + j] = dh * tc * o * (1 - o);
      dc_next[j] = dc * f;
    }
    if (s > 0) {
      const float* hp = cache.hidden.data() + static_cast<std::size_t>(tp) * h;
      std::copy(hp, hp + h, hprev.begin() + static_cast<std::size_t>(t) * h);
      for (int j = 0; j < h; ++j) dh_next[j] = k::dot(w.wh.row(j), dzt, h4);
    }
  }
  k::gemm_tn(x, dz.data(), g.wx.data.data(), steps, in, h4);
  k::gemm_tn(hprev.data(), dz.data(), g.wh.data.data(), steps, h, h4);
  for (int t = 0; t < steps; ++t)
    k::axpy(1.0f, dz.data() + static_cast<std::size_t>(t) * h4, g.b.data.data(), h4);
  k::gemm_nt(dz.data(), w.wx.data.data(), dx, steps, in, h4);
}

StepStats backprop_sentence(const Network& net, const Example& ex,
                            const std::vector<int>& word_counts, const StepOptions& opt, Rng& rng,
                            Gradients& grads) {
  const NetworkConfig& c = net.config;
  Network& g = grads.g;
  const int steps = static_cast<int>(ex.ids.size());
  const int n = steps - 1;
  const int width = c.encoding_dim();
  const int hid = c.hidden;
  const int slots = static_cast<int>(c.token_slots.size());
  const ActionCodec codec = net.codec();
  const int actions = codec.count();
  const int labels = codec.labels;

  std::vector<TokenIds> ids = ex.ids;
  for (int t = 1; t < steps; ++t) {
    const float cnt = static_cast<float>(word_counts[ids[t].word]);
    if (opt.word_dropout > 0 && rng.uniform() < opt.word_dropout / (opt.word_dropout + cnt))
      ids[t].word = Vocab::kUnknown;
    // Hidden tags teach the parser not to trust a tagger blindly.
    if (opt.tag_dropout > 0 && rng.uniform() < opt.tag_dropout) ids[t].upos = Vocab::kUnknown;
    if (opt.tag_dropout > 0 && rng.uniform() < opt.tag_dropout) ids[t].xpos = Vocab::kUnknown;
  }

  EncoderCache cache;
  std::vector<float> enc;
  encode(net, ids, enc, &cache);
  std::vector<float> mask;
  if (opt.encoding_dropout > 0) {
    const float keep = 1 - opt.encoding_dropout;
    mask.resize(enc.size());
    for (std::size_t i = 0; i < enc.size(); ++i) {
      mask[i] = rng.uniform() < keep ? 1.0f / keep : 0.0f;
      enc[i] *= mask[i];
    }
  }
  std::vector<float> pre, pre_null;
  precompute(net, enc, steps, pre);
  precompute_null(net, pre_null);
  const std::size_t stride = net.w1.cols;
  std::vector<float> dpre(pre.size(), 0.0f), dpre_null(pre_null.size(), 0.0f);

  Oracle oracle(ex.gold, codec);
  State state(n);
  std::vector<float> hidden(hid), hmask(hid), scores(actions), dscores(actions), dh(hid);
  std::vector<int> cost(actions);
  std::vector<int> tok(slots), lab_rows(c.label_slots.size());
  StepStats stats;
  const float hkeep = 1 - opt.hidden_dropout;
  while (!state.final()) {
    // Forward: the same sums as hidden_layer, with dropout on the hidden layer.
    std::copy(net.b1.data.begin(), net.b1.data.end(), hidden.begin());
    for (int s = 0; s < slots; ++s) {
      tok[s] = slot_token(state, c.token_slots[s]);
      const float* row =
          tok[s] == kNone ? pre_null.data() + s * hid : pre.data() + tok[s] * stride + s * hid;
      k::axpy(1.0f, row, hidden.data(), hid);
    }
    for (std::size_t s = 0; s < c.label_slots.size(); ++s) {
      const int t = slot_token(state, c.label_slots[s]);
      lab_rows[s] = static_cast<int>(s) * (labels + 1) + (t == kNone ? labels : state.label(t));
      k::axpy(1.0f, net.label_table.row(lab_rows[s]), hidden.data(), hid);
    }
    for (int j = 0; j < hid; ++j) {
      hmask[j] = hidden[j] > 0 ? 1.0f : 0.0f;
      if (opt.hidden_dropout > 0 && hmask[j] != 0) hmask[j] = rng.uniform() < hkeep ? 1 / hkeep : 0;
      hidden[j] *= hmask[j];
    }
    std::copy(net.b2.data.begin(), net.b2.data.end(), scores.begin());
    for (int j = 0; j < hid; ++j)
      if (hidden[j] != 0) k::axpy(hidden[j], net.w2.row(j), scores.data(), actions);

    // Loss: -log of the probability mass on the cheapest legal actions.
    int min_cost = std::numeric_limits<int>::max();
    float max_score = -std::numeric_limits<float>::infinity();
    for (int a = 0; a < actions; ++a) {
      if (!state.legal(codec, a)) {
        cost[a] = -1;
        continue;
      }
      cost[a] = oracle.cost(state, a);
      min_cost = std::min(min_cost, cost[a]);
      max_score = std::max(max_score, scores[a]);
    }
    double z = 0, z_good = 0;
    for (int a = 0; a < actions; ++a) {
      if (cost[a] < 0) continue;
      const double e = std::exp(static_cast<double>(scores[a] - max_score));
      z += e;
      if (cost[a] == min_cost) z_good += e;
    }
    stats.loss += -std::log(z_good / z);
    ++stats.transitions;
    int predicted = -1, best_good = -1;
    for (int a = 0; a < actions; ++a) {
      if (cost[a] < 0) {
        dscores[a] = 0;
        continue;
      }
      const double p = std::exp(static_cast<double>(scores[a] - max_score)) / z;
      dscores[a] = static_cast<float>(p - (cost[a] == min_cost ? p * z / z_good : 0.0));
      if (predicted < 0 || scores[a] > scores[predicted]) predicted = a;
      if (cost[a] == min_cost && (best_good < 0 || scores[a] > scores[best_good])) best_good = a;
    }
    if (cost[predicted] == min_cost) ++stats.correct;

    // Backward through the scorer for this step.
    k::axpy(1.0f, dscores.data(), g.b2.data.data(), actions);
    for (int j = 0; j < hid; ++j) {
      if (hidden[j] == 0) {
        dh[j] = 0;
        continue;
      }
      k::axpy(hidden[j], dscores.data(), g.w2.row(j), actions);
      dh[j] = k::dot(net.w2.row(j), dscores.data(), actions) * hmask[j];
    }
    k::axpy(1.0f, dh.data(), g.b1.data.data(), hid);
    for (int s = 0; s < slots; ++s) {
      float* row =
          tok[s] == kNone ? dpre_null.data() + s * hid : dpre.data() + tok[s] * stride + s * hid;
      k::axpy(1.0f, dh.data(), row, hid);
    }
    for (int r : lab_rows) k::axpy(1.0f, dh.data(), g.label_table.row(r), hid);

    const bool follow_model = opt.explore > 0 && rng.uniform() < opt.explore;
    state.apply(codec, follow_model ? predicted : best_good);
  }

  // Back through the precomputed first layer.
  k::gemm_tn(enc.data(), dpre.data(), g.w1.data.data(), steps, width, stride);
  k::gemm_tn(net.null_token.data.data(), dpre_null.data(), g.w1.data.data(), 1, width, stride);
  std::vector<float> denc(enc.size(), 0.0f);
  k::gemm_nt(dpre.data(), net.w1.data.data(), denc.data(), steps, width, stride);
  if (c.aux_tagging) {
    // Tagging heads on the encodings (the same dropout as the parser sees).
    auto head = [&](const Tensor& w, const Tensor& b, Tensor& gw, Tensor& gb,
                    const std::vector<int>& gold) {
      const int tags = w.cols;
      std::vector<float> logits(tags), d(tags);
      for (int t = 1; t < steps; ++t) {
        const int y = gold[t];
        if (y == Vocab::kUnknown) continue;
        const float* e = enc.data() + static_cast<std::size_t>(t) * width;
        std::copy(b.data.begin(), b.data.end(), logits.begin());
        k::gemm_nn(e, w.data.data(), logits.data(), 1, width, tags);
        const float mx = *std::max_element(logits.begin(), logits.end());
        double z = 0;
        for (int j = 0; j < tags; ++j) z += std::exp(static_cast<double>(logits[j] - mx));
        for (int j = 0; j < tags; ++j)
          d[j] = opt.aux_weight *
                 static_cast<float>(std::exp(static_cast<double>(logits[j] - mx)) / z -
                                    (j == y ? 1.0 : 0.0));
        stats.loss += opt.aux_weight * -(logits[y] - mx - std::log(z));
        k::axpy(1.0f, d.data(), gb.data.data(), tags);
        k::gemm_tn(e, d.data(), gw.data.data(), 1, width, tags);
        k::gemm_nt(d.data(), w.data.data(), denc.data() + static_cast<std::size_t>(t) * width, 1,
                   width, tags);
      }
    };
    head(net.aux_upos_w, net.aux_upos_b, g.aux_upos_w, g.aux_upos_b, ex.upos);
    head(net.aux_xpos_w, net.aux_xpos_b, g.aux_xpos_w, g.aux_xpos_b, ex.xpos);
  }
  k::gemm_nt(dpre_null.data(), net.w1.data.data(), g.null_token.data.data(), 1, width, stride);
  if (!mask.empty())
    for (std::size_t i = 0; i < denc.size(); ++i) denc[i] *= mask[i];

  // Back through the BiLSTM layers, top first.
  std::vector<float> dx = std::move(denc);
  for (int l = c.lstm_layers - 1; l >= 0; --l) {
    const int in = l == 0 ? c.input_dim() : 2 * c.lstm_dim;
    std::vector<float> dbelow(static_cast<std::size_t>(steps) * in, 0.0f);
    for (int d = 0; d < 2; ++d)
      lstm_backward(net.lstm[2 * l + d], g.lstm[2 * l + d], cache.inputs[l].data(), steps, in,
                    d == 1, cache.lstm[2 * l + d], dx.data() + d * c.lstm_dim, width,
                    dbelow.data());
    dx = std::move(dbelow);
  }

  // Into the embedding rows that were used.
  const int in = c.input_dim();
  Tensor* tables[] = {&g.emb_word,  &g.emb_suffix, &g.emb_prefix,
                      &g.emb_shape, &g.emb_upos,   &g.emb_xpos};
  for (int t = 0; t < steps; ++t) {
    const int rows[] = {ids[t].word,  ids[t].suffix, ids[t].prefix,
                        ids[t].shape, ids[t].upos,   ids[t].xpos};
    const float* d = dx.data() + static_cast<std::size_t>(t) * in;
    for (int e = 0; e < 6; ++e) {
      if (tables[e]->cols == 0) continue;
      grads.touch(e, rows[e]);
      k::axpy(1.0f, d, tables[e]->row(rows[e]), tables[e]->cols);
      d += tables[e]->cols;
    }
  }
  return stats;
}

}  // namespace textgraph::parser::train
