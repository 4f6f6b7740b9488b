#include "parser/network.h"

#include <algorithm>
#include <cmath>

#include "parser/kernels.h"

namespace textgraph::parser {

const char* slot_name(Slot s) {
  static const char* const kNames[] = {"s0",     "s1",     "s2",     "s3",    "b0",   "b1",
                                       "b2",     "b3",     "s0l1",   "s0l2",  "s0r1", "s0r2",
                                       "s1l1",   "s1l2",   "s1r1",   "s1r2",  "b0l1", "b0l2",
                                       "s0l1l1", "s0r1r1", "s1l1l1", "s1r1r1"};
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<int>(Slot::kCount));
  return kNames[static_cast<int>(s)];
}

int slot_token(const State& st, Slot s) {
  auto lc = [&](int w, int k) { return w == kNone ? kNone : st.left_child(w, k); };
  auto rc = [&](int w, int k) { return w == kNone ? kNone : st.right_child(w, k); };
  switch (s) {
    case Slot::kS0:
      return st.stack(0);
    case Slot::kS1:
      return st.stack(1);
    case Slot::kS2:
      return st.stack(2);
    case Slot::kS3:
      return st.stack(3);
    case Slot::kB0:
      return st.buffer(0);
    case Slot::kB1:
      return st.buffer(1);
    case Slot::kB2:
      return st.buffer(2);
    case Slot::kB3:
      return st.buffer(3);
    case Slot::kS0L1:
      return lc(st.stack(0), 0);
    case Slot::kS0L2:
      return lc(st.stack(0), 1);
    case Slot::kS0R1:
      return rc(st.stack(0), 0);
    case Slot::kS0R2:
      return rc(st.stack(0), 1);
    case Slot::kS1L1:
      return lc(st.stack(1), 0);
    case Slot::kS1L2:
      return lc(st.stack(1), 1);
    case Slot::kS1R1:
      return rc(st.stack(1), 0);
    case Slot::kS1R2:
      return rc(st.stack(1), 1);
    case Slot::kB0L1:
      return lc(st.buffer(0), 0);
    case Slot::kB0L2:
      return lc(st.buffer(0), 1);
    case Slot::kS0L1L1:
      return lc(lc(st.stack(0), 0), 0);
    case Slot::kS0R1R1:
      return rc(rc(st.stack(0), 0), 0);
    case Slot::kS1L1L1:
      return lc(lc(st.stack(1), 0), 0);
    case Slot::kS1R1R1:
      return rc(rc(st.stack(1), 0), 0);
    case Slot::kCount:
      break;
  }
  return kNone;
}

void Network::allocate() {
  const NetworkConfig& c = config;
  emb_word.resize(vocab.words.size(), c.word_dim);
  emb_suffix.resize(vocab.suffixes.size(), c.suffix_dim);
  emb_prefix.resize(vocab.prefixes.size(), c.prefix_dim);
  emb_shape.resize(vocab.shapes.size(), c.shape_dim);
  emb_upos.resize(vocab.upos.size(), c.upos_dim);
  emb_xpos.resize(vocab.xpos.size(), c.xpos_dim);
  lstm.assign(2 * c.lstm_layers, {});
  for (int l = 0; l < c.lstm_layers; ++l)
    for (int d = 0; d < 2; ++d) {
      LstmWeights& w = lstm[2 * l + d];
      w.wx.resize(l == 0 ? c.input_dim() : 2 * c.lstm_dim, 4 * c.lstm_dim);
      w.wh.resize(c.lstm_dim, 4 * c.lstm_dim);
      w.b.resize(1, 4 * c.lstm_dim);
    }
  const int slots = static_cast<int>(c.token_slots.size());
  const int labels = static_cast<int>(vocab.labels.size());
  null_token.resize(1, c.encoding_dim());
  w1.resize(c.encoding_dim(), slots * c.hidden);
  label_table.resize(static_cast<int>(c.label_slots.size()) * (labels + 1), c.hidden);
  b1.resize(1, c.hidden);
  w2.resize(c.hidden, codec().count());
  b2.resize(1, codec().count());
  const bool aux = c.aux_tagging;
  aux_upos_w.resize(aux ? c.encoding_dim() : 0, aux ? vocab.upos.size() : 0);
  aux_upos_b.resize(aux ? 1 : 0, aux ? vocab.upos.size() : 0);
  aux_xpos_w.resize(aux ? c.encoding_dim() : 0, aux ? vocab.xpos.size() : 0);
  aux_xpos_b.resize(aux ? 1 : 0, aux ? vocab.xpos.size() : 0);
}

std::vector<Tensor*> Network::tensors() {
  std::vector<Tensor*> t = {&emb_word, &emb_suffix, &emb_prefix, &emb_shape, &emb_upos, &emb_xpos};
  for (LstmWeights& w : lstm) {
    t.push_back(&w.wx);
    t.push_back(&w.wh);
    t.push_back(&w.b);
  }
  for (Tensor* x : {&null_token, &w1, &label_table, &b1, &w2, &b2, &aux_upos_w, &aux_upos_b,
                    &aux_xpos_w, &aux_xpos_b})
    t.push_back(x);
  return t;
}

std::vector<const Tensor*> Network::tensors() const {
  std::vector<const Tensor*> out;
  for (Tensor* t : const_cast<Network*>(this)->tensors()) out.push_back(t);
  return out;
}

std::size_t Network::parameter_count() const {
  std::size_t n = 0;
  for (const Tensor* t : tensors()) n += t->data.size();
  return n;
}

std::vector<TokenIds> token_ids(const Vocabularies& v, const std::vector<std::string>& forms,
                                const std::vector<std::string>& upos,
                                const std::vector<std::string>& xpos) {
  std::vector<TokenIds> ids(forms.size() + 1);
  ids[0] = {Vocab::kRoot, Vocab::kRoot, Vocab::kRoot, Vocab::kRoot, Vocab::kRoot, Vocab::kRoot};
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const std::string norm = normalize_word(forms[i]);
    TokenIds& t = ids[i + 1];
    t.word = v.words.id(norm);
    t.suffix = v.suffixes.id(suffix(norm, 3));
    t.prefix = v.prefixes.id(prefix(norm, 2));
    t.shape = v.shapes.id(word_shape(forms[i]));
    t.upos = i < upos.size() ? v.upos.id(upos[i]) : Vocab::kUnknown;
    t.xpos = i < xpos.size() ? v.xpos.id(xpos[i]) : Vocab::kUnknown;
  }
  return ids;
}

namespace {

void embed(const Network& net, const std::vector<TokenIds>& ids, std::vector<float>& x) {
  const NetworkConfig& c = net.config;
  const int in = c.input_dim();
  x.assign(ids.size() * in, 0.0f);
  for (std::size_t t = 0; t < ids.size(); ++t) {
    float* row = x.data() + t * in;
    auto put = [&](const Tensor& e, int id) {
      std::copy(e.row(id), e.row(id) + e.cols, row);
      row += e.cols;
    };
    put(net.emb_word, ids[t].word);
    put(net.emb_suffix, ids[t].suffix);
    put(net.emb_prefix, ids[t].prefix);
    put(net.emb_shape, ids[t].shape);
    put(net.emb_upos, ids[t].upos);
    put(net.emb_xpos, ids[t].xpos);
  }
}

}  // namespace

// The recurrence of one direction over z (steps x 4H, input projection and
// bias already added); overwrites z with the gate activations.
void lstm_recur(const LstmWeights& w, std::vector<float>& z, int steps, bool reverse, float* out,
                int out_stride, LstmCache* cache) {
  const int h4 = w.wh.cols, h = h4 / 4;
  std::vector<float> hprev(h, 0.0f), cprev(h, 0.0f), tc(h);
  if (cache) {
    cache->gates.assign(static_cast<std::size_t>(steps) * h4, 0.0f);
    cache->cells.assign(static_cast<std::size_t>(steps) * h, 0.0f);
    cache->hidden.assign(static_cast<std::size_t>(steps) * h, 0.0f);
  }
  for (int s = 0; s < steps; ++s) {
    const int t = reverse ? steps - 1 - s : s;
    float* zt = z.data() + static_cast<std::size_t>(t) * h4;
    if (s > 0) kernels::gemm_nn(hprev.data(), w.wh.data.data(), zt, 1, h, h4);
    // Gates i, f, o are sigmoids and g a tanh; the layout keeps each in a block.
    kernels::sigmoid_inplace(zt, 2 * h);
    kernels::tanh_inplace(zt + 2 * h, h);
    kernels::sigmoid_inplace(zt + 3 * h, h);
    for (int j = 0; j < h; ++j) tc[j] = cprev[j] = zt[h + j] * cprev[j] + zt[j] * zt[2 * h + j];
    kernels::tanh_inplace(tc.data(), h);
    for (int j = 0; j < h; ++j) hprev[j] = zt[3 * h + j] * tc[j];
    std::copy(hprev.begin(), hprev.end(), out + static_cast<std::size_t>(t) * out_stride);
    if (cache) {
      std::copy(zt, zt + h4, cache->gates.begin() + static_cast<std::size_t>(t) * h4);
      std::copy(cprev.begin(), cprev.end(), cache->cells.begin() + static_cast<std::size_t>(t) * h);
      std::copy(hprev.begin(), hprev.end(),
                cache->hidden.begin() + static_cast<std::size_t>(t) * h);
    }
  }
}

namespace {

const Tensor* embedding(const Network& net, int f) {
  const Tensor* e[] = {&net.emb_word,  &net.emb_suffix, &net.emb_prefix,
                       &net.emb_shape, &net.emb_upos,   &net.emb_xpos};
  return e[f];
}

int feature_id(const TokenIds& t, int f) {
  const int ids[] = {t.word, t.suffix, t.prefix, t.shape, t.upos, t.xpos};
  return ids[f];
}

}  // namespace

void lstm_forward(const LstmWeights& w, const float* x, int steps, int in, bool reverse, float* out,
                  int out_stride, LstmCache* cache) {
  const int h4 = w.wh.cols;
  std::vector<float> z(static_cast<std::size_t>(steps) * h4);
  for (int t = 0; t < steps; ++t) std::copy(w.b.data.begin(), w.b.data.end(), z.begin() + t * h4);
  kernels::gemm_nn(x, w.wx.data.data(), z.data(), steps, in, h4);
  lstm_recur(w, z, steps, reverse, out, out_stride, cache);
}

InputTables build_input_tables(const Network& net) {
  InputTables t;
  if (net.config.lstm_layers == 0) return t;
  for (int d = 0; d < 2; ++d) {
    const LstmWeights& w = net.lstm[d];
    int offset = 0;
    for (int f = 0; f < 6; ++f) {
      const Tensor* e = embedding(net, f);
      Tensor table;
      table.resize(e->rows, w.wx.cols);
      if (e->cols > 0)
        kernels::gemm_nn(e->data.data(), w.wx.row(offset), table.data.data(), e->rows, e->cols,
                         w.wx.cols);
      offset += e->cols;
      t.tables[d].push_back(std::move(table));
    }
  }
  return t;
}

void encode_fast(const Network& net, const InputTables& tables, const std::vector<TokenIds>& ids,
                 std::vector<float>& out) {
  const NetworkConfig& c = net.config;
  if (c.lstm_layers == 0 || tables.empty()) {
    encode(net, ids, out, nullptr);
    return;
  }
  const int steps = static_cast<int>(ids.size());
  const int width = 2 * c.lstm_dim, h4 = 4 * c.lstm_dim;
  out.assign(static_cast<std::size_t>(steps) * width, 0.0f);
  std::vector<float> z(static_cast<std::size_t>(steps) * h4);
  for (int d = 0; d < 2; ++d) {
    const LstmWeights& w = net.lstm[d];
    for (int t = 0; t < steps; ++t) {
      float* zt = z.data() + static_cast<std::size_t>(t) * h4;
      std::copy(w.b.data.begin(), w.b.data.end(), zt);
      const float* rows[6];
      std::size_t count = 0;
      for (int f = 0; f < 6; ++f)
        if (embedding(net, f)->cols > 0)
          rows[count++] = tables.tables[d][f].row(feature_id(ids[t], f));
      kernels::add_rows(rows, count, zt, h4);
    }
    lstm_recur(w, z, steps, d == 1, out.data() + d * c.lstm_dim, width, nullptr);
  }
  std::vector<float> x;
  for (int l = 1; l < c.lstm_layers; ++l) {
    x = out;
    for (int d = 0; d < 2; ++d)
      lstm_forward(net.lstm[2 * l + d], x.data(), steps, width, d == 1, out.data() + d * c.lstm_dim,
                   width, nullptr);
  }
}

void encode(const Network& net, const std::vector<TokenIds>& ids, std::vector<float>& out,
            EncoderCache* cache) {
  const NetworkConfig& c = net.config;
  const int steps = static_cast<int>(ids.size());
  std::vector<float> x;
  embed(net, ids, x);
  if (c.lstm_layers == 0) {
    if (cache) cache->inputs = {x};
    out = std::move(x);
    return;
  }
  if (cache) {
    cache->inputs.assign(c.lstm_layers, {});
    cache->lstm.assign(2 * c.lstm_layers, {});
  }
  int in = c.input_dim();
  const int width = 2 * c.lstm_dim;
  for (int l = 0; l < c.lstm_layers; ++l) {
    out.assign(static_cast<std::size_t>(steps) * width, 0.0f);
    for (int d = 0; d < 2; ++d)
      lstm_forward(net.lstm[2 * l + d], x.data(), steps, in, d == 1, out.data() + d * c.lstm_dim,
                   width, cache ? &cache->lstm[2 * l + d] : nullptr);
    if (cache) cache->inputs[l] = std::move(x);
    x = out;
    in = width;
  }
}

void precompute(const Network& net, const std::vector<float>& encodings, int tokens,
                std::vector<float>& out) {
  out.assign(static_cast<std::size_t>(tokens) * net.w1.cols, 0.0f);
  kernels::gemm_nn(encodings.data(), net.w1.data.data(), out.data(), tokens, net.w1.rows,
                   net.w1.cols);
}

void precompute_null(const Network& net, std::vector<float>& out) {
  out.assign(net.w1.cols, 0.0f);
  kernels::gemm_nn(net.null_token.data.data(), net.w1.data.data(), out.data(), 1, net.w1.rows,
                   net.w1.cols);
}

void hidden_layer(const Network& net, const State& state, const float* pre_tokens,
                  const float* pre_null, float* hidden) {
  const NetworkConfig& c = net.config;
  const int hid = c.hidden;
  const std::size_t stride = net.w1.cols;
  std::copy(net.b1.data.begin(), net.b1.data.end(), hidden);
  // The rows to add, in slot order (the order of the sums is part of the
  // result): token slots, then label slots.
  thread_local std::vector<const float*> rows;
  rows.clear();
  for (std::size_t k = 0; k < c.token_slots.size(); ++k) {
    const int tok = slot_token(state, c.token_slots[k]);
    rows.push_back(tok == kNone ? pre_null + k * hid : pre_tokens + tok * stride + k * hid);
  }
  const int labels = static_cast<int>(net.vocab.labels.size());
  for (std::size_t k = 0; k < c.label_slots.size(); ++k) {
    const int tok = slot_token(state, c.label_slots[k]);
    const int l = tok == kNone ? labels : state.label(tok);
    rows.push_back(net.label_table.row(static_cast<int>(k) * (labels + 1) + l));
  }
  kernels::add_rows(rows.data(), rows.size(), hidden, hid);
  for (int j = 0; j < hid; ++j) hidden[j] = std::max(hidden[j], 0.0f);
}

}  // namespace textgraph::parser
