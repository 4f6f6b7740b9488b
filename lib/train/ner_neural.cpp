#include "train/ner_neural.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "parser/kernels.h"
#include "train/parser/backprop.h"

namespace textgraph::train {

namespace {

namespace k = parser::kernels;
using ner::NeuralInputs;
using ner::NeuralNer;
using parser::Tensor;
using Rng = parser::train::Rng;

constexpr double kNever = -std::numeric_limits<double>::infinity();

void build_vocab(NeuralNer& net, const std::vector<NeuralExample>& examples, int min_count,
                 std::vector<int>& word_counts) {
  std::map<std::string, int> words, suffixes, prefixes, shapes;
  for (const NeuralExample& ex : examples)
    for (const Word& w : ex.sentence->words) {
      const std::string norm = parser::normalize_word(w.form);
      ++words[norm];
      ++suffixes[parser::suffix(norm, 3)];
      ++prefixes[parser::prefix(norm, 2)];
      ++shapes[parser::word_shape(w.form)];
    }
  using parser::train::add_counted;
  add_counted(net.words, words, min_count);
  add_counted(net.suffixes, suffixes, 2);
  add_counted(net.prefixes, prefixes, 2);
  add_counted(net.shapes, shapes, 2);
  word_counts = parser::train::counts_by_id(net.words, words);
}

void initialize(NeuralNer& net, Rng& rng) {
  using parser::train::fill_uniform;
  for (Tensor* e : {&net.emb_word, &net.emb_suffix, &net.emb_prefix, &net.emb_shape, &net.emb_cap,
                    &net.emb_gaz})
    fill_uniform(*e, 0.1f, rng);
  for (parser::LstmWeights& w : net.lstm)
    parser::train::initialize_lstm(w, net.config.lstm_dim, rng);
  fill_uniform(net.out_w, std::sqrt(6.0f / (net.out_w.rows + net.out_w.cols)), rng);
}

// The transition scores the CRF uses: learned where BILOU allows, -inf elsewhere.
void masked_transitions(const NeuralNer& net, const ner::LabelSet& labels,
                        std::vector<double>& out) {
  const int L = net.labels;
  out.assign(static_cast<std::size_t>((L + 1) * L), 0.0);
  for (int prev = -1; prev < L; ++prev)
    for (int cur = 0; cur < L; ++cur)
      out[(prev + 1) * L + cur] =
          labels.allowed(prev, cur) ? net.transitions.row(prev + 1)[cur] : kNever;
}

double log_sum_exp(const double* x, int n) {
  double m = kNever;
  for (int i = 0; i < n; ++i) m = std::max(m, x[i]);
  if (m == kNever) return kNever;
  double s = 0;
  for (int i = 0; i < n; ++i) s += std::exp(x[i] - m);
  return m + std::log(s);
}

// CRF negative log-likelihood of `gold`; adds d loss / d emission to dlogits
// and d loss / d transition to dtrans ((L + 1) x L).
double crf_loss(const std::vector<float>& logits, int n, int L, const std::vector<double>& trans,
                const ner::LabelSet& labels, const std::vector<int>& gold, float* dlogits,
                float* dtrans) {
  std::vector<double> alpha(static_cast<std::size_t>(n) * L), beta(alpha.size()), tmp(L);
  for (int y = 0; y < L; ++y) alpha[y] = logits[y] + trans[y];
  for (int i = 1; i < n; ++i)
    for (int y = 0; y < L; ++y) {
      for (int p = 0; p < L; ++p) tmp[p] = alpha[(i - 1) * L + p] + trans[(p + 1) * L + y];
      alpha[i * L + y] = log_sum_exp(tmp.data(), L) + logits[i * L + y];
    }
  for (int y = 0; y < L; ++y) beta[(n - 1) * L + y] = labels.may_end(y) ? 0.0 : kNever;
  for (int i = n - 2; i >= 0; --i)
    for (int y = 0; y < L; ++y) {
      for (int c = 0; c < L; ++c)
        tmp[c] = trans[(y + 1) * L + c] + logits[(i + 1) * L + c] + beta[(i + 1) * L + c];
      beta[i * L + y] = log_sum_exp(tmp.data(), L);
    }
  for (int y = 0; y < L; ++y) tmp[y] = alpha[(n - 1) * L + y] + beta[(n - 1) * L + y];
  const double log_z = log_sum_exp(tmp.data(), L);
  double gold_score = 0;
  for (int i = 0; i < n; ++i) {
    gold_score += logits[i * L + gold[i]] + trans[(i ? gold[i - 1] + 1 : 0) * L + gold[i]];
    dlogits[i * L + gold[i]] -= 1.0f;
    dtrans[(i ? gold[i - 1] + 1 : 0) * L + gold[i]] -= 1.0f;
  }
  for (int i = 0; i < n; ++i)
    for (int y = 0; y < L; ++y) {
      const double a = alpha[i * L + y] + beta[i * L + y];
      if (a == kNever) continue;
      const double p = std::exp(a - log_z);
      dlogits[i * L + y] += static_cast<float>(p);
      if (i == 0) dtrans[y] += static_cast<float>(p);
    }
  for (int i = 1; i < n; ++i)
    for (int p = 0; p < L; ++p) {
      const double a = alpha[(i - 1) * L + p];
      if (a == kNever) continue;
      for (int y = 0; y < L; ++y) {
        const double s = a + trans[(p + 1) * L + y] + logits[i * L + y] + beta[i * L + y];
        if (s == kNever) continue;
        dtrans[(p + 1) * L + y] += static_cast<float>(std::exp(s - log_z));
      }
    }
  return log_z - gold_score;
}

// Adds one sentence's gradient to g; returns its loss.
double backprop(const NeuralNer& net, const NeuralExample& ex, const NeuralInputs& base,
                const std::vector<int>& word_counts, const std::vector<double>& trans,
                const ner::LabelSet& labels, const NeuralTrainOptions& o, Rng& rng, NeuralNer& g) {
  const ner::NeuralConfig& c = net.config;
  const int steps = static_cast<int>(base.size());
  const int L = net.labels, h = c.lstm_dim, width = 2 * h, in = c.input_dim();
  if (steps == 0) return 0;
  std::vector<int> ids = base.ids;
  for (int t = 0; t < steps; ++t) {
    int& w = ids[t * NeuralInputs::kFeatures];
    const float cnt = static_cast<float>(word_counts[w]);
    if (o.word_dropout > 0 && rng.uniform() < o.word_dropout / (o.word_dropout + cnt))
      w = parser::Vocab::kUnknown;
  }
  // Embeddings.
  const auto tables = ner::embedding_tables(net);
  std::vector<float> x(static_cast<std::size_t>(steps) * in, 0.0f);
  for (int t = 0; t < steps; ++t) {
    float* row = x.data() + static_cast<std::size_t>(t) * in;
    for (int f = 0; f < NeuralInputs::kFeatures; ++f) {
      const Tensor& e = *tables[f];
      const float* src = e.row(ids[t * NeuralInputs::kFeatures + f]);
      std::copy(src, src + e.cols, row);
      row += e.cols;
    }
    for (int q = base.gaz_offsets[t]; q < base.gaz_offsets[t + 1]; ++q)
      k::axpy(1.0f, net.emb_gaz.row(base.gaz[q]), row, net.emb_gaz.cols);
  }
  std::vector<float> in_mask;
  if (o.input_dropout > 0) {
    const float keep = 1 - o.input_dropout;
    in_mask.resize(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      in_mask[i] = rng.uniform() < keep ? 1.0f / keep : 0.0f;
      x[i] *= in_mask[i];
    }
  }
  // BiLSTM.
  std::vector<float> enc(static_cast<std::size_t>(steps) * width, 0.0f);
  parser::LstmCache cache[2];
  for (int d = 0; d < 2; ++d)
    parser::lstm_forward(net.lstm[d], x.data(), steps, in, d == 1, enc.data() + d * h, width,
                         &cache[d]);
  std::vector<float> mask;
  if (o.encoding_dropout > 0) {
    const float keep = 1 - o.encoding_dropout;
    mask.resize(enc.size());
    for (std::size_t i = 0; i < enc.size(); ++i) {
      mask[i] = rng.uniform() < keep ? 1.0f / keep : 0.0f;
      enc[i] *= mask[i];
    }
  }
  // Output layer and loss.
  std::vector<float> logits(static_cast<std::size_t>(steps) * L);
  for (int t = 0; t < steps; ++t)
    std::copy(net.out_b.data.begin(), net.out_b.data.end(), logits.begin() + t * L);
  k::gemm_nn(enc.data(), net.out_w.data.data(), logits.data(), steps, width, L);
  std::vector<float> dlogits(logits.size(), 0.0f);
  double loss = 0;
  if (c.crf) {
    loss = crf_loss(logits, steps, L, trans, labels, ex.gold, dlogits.data(),
                    g.transitions.data.data());
  } else {
    for (int t = 0; t < steps; ++t) {
      const float* z = logits.data() + t * L;
      const float mx = *std::max_element(z, z + L);
      double sum = 0;
      for (int y = 0; y < L; ++y) sum += std::exp(static_cast<double>(z[y] - mx));
      for (int y = 0; y < L; ++y)
        dlogits[t * L + y] = static_cast<float>(std::exp(static_cast<double>(z[y] - mx)) / sum -
                                                (y == ex.gold[t] ? 1.0 : 0.0));
      loss += -(z[ex.gold[t]] - mx - std::log(sum));
    }
  }
  for (int t = 0; t < steps; ++t) k::axpy(1.0f, dlogits.data() + t * L, g.out_b.data.data(), L);
  k::gemm_tn(enc.data(), dlogits.data(), g.out_w.data.data(), steps, width, L);
  std::vector<float> denc(enc.size(), 0.0f);
  k::gemm_nt(dlogits.data(), net.out_w.data.data(), denc.data(), steps, width, L);
  if (!mask.empty())
    for (std::size_t i = 0; i < denc.size(); ++i) denc[i] *= mask[i];
  std::vector<float> dx(x.size(), 0.0f);
  for (int d = 0; d < 2; ++d)
    parser::train::lstm_backward(net.lstm[d], g.lstm[d], x.data(), steps, in, d == 1, cache[d],
                                 denc.data() + d * h, width, dx.data());
  if (!in_mask.empty())
    for (std::size_t i = 0; i < dx.size(); ++i) dx[i] *= in_mask[i];
  // Into the embedding rows used.
  Tensor* gtables[] = {&g.emb_word, &g.emb_suffix, &g.emb_prefix, &g.emb_shape, &g.emb_cap};
  for (int t = 0; t < steps; ++t) {
    const float* dt = dx.data() + static_cast<std::size_t>(t) * in;
    for (int f = 0; f < NeuralInputs::kFeatures; ++f) {
      Tensor& e = *gtables[f];
      k::axpy(1.0f, dt, e.row(ids[t * NeuralInputs::kFeatures + f]), e.cols);
      dt += e.cols;
    }
    for (int q = base.gaz_offsets[t]; q < base.gaz_offsets[t + 1]; ++q)
      k::axpy(1.0f, dt, g.emb_gaz.row(base.gaz[q]), g.emb_gaz.cols);
  }
  return loss;
}

class Adam {
 public:
  Adam(const NeuralNer& net, const NeuralTrainOptions& o) : o_(o) {
    for (const Tensor* t : net.tensors()) {
      m_.emplace_back(t->data.size(), 0.0f);
      v_.emplace_back(t->data.size(), 0.0f);
    }
  }
  void update(NeuralNer& net, NeuralNer& grads, float scale) {
    ++step_;
    auto params = net.tensors();
    auto gs = grads.tensors();
    double norm2 = 0;
    for (const Tensor* t : gs)
      for (float x : t->data) norm2 += static_cast<double>(x * scale) * (x * scale);
    const double norm = std::sqrt(norm2);
    if (norm > o_.clip) scale *= static_cast<float>(o_.clip / norm);
    const float c1 = 1 - std::pow(o_.beta1, static_cast<float>(step_));
    const float c2 = 1 - std::pow(o_.beta2, static_cast<float>(step_));
    const float a = o_.learning_rate * std::sqrt(c2) / c1;
    for (std::size_t t = 0; t < params.size(); ++t) {
      float* p = params[t]->data.data();
      float* gr = gs[t]->data.data();
      float* m = m_[t].data();
      float* v = v_[t].data();
      for (std::size_t i = 0; i < params[t]->data.size(); ++i) {
        const float g = gr[i] * scale;
        m[i] = o_.beta1 * m[i] + (1 - o_.beta1) * g;
        v[i] = o_.beta2 * v[i] + (1 - o_.beta2) * g * g;
        p[i] -= a * m[i] / (std::sqrt(v[i]) + 1e-8f);
        gr[i] = 0.0f;
      }
    }
  }

 private:
  const NeuralTrainOptions& o_;
  std::vector<std::vector<float>> m_, v_;
  long step_ = 0;
};

}  // namespace

std::shared_ptr<NeuralNer> train_neural_ner(const NeuralTrainOptions& o,
                                            const std::vector<NeuralExample>& examples, int labels,
                                            const ner::LabelSet& label_set,
                                            const std::function<double(const NeuralNer&)>& dev_f1,
                                            bool have_dev, int& best_epoch) {
  NeuralNer net;
  net.config = o.config;
  net.labels = labels;
  std::vector<int> word_counts;
  build_vocab(net, examples, o.min_word_count, word_counts);
  net.allocate();
  Rng rng(o.seed);
  initialize(net, rng);
  std::vector<NeuralInputs> inputs(examples.size());
  long words = 0;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    ner::neural_inputs(net, *examples[i].sentence, examples[i].toks, examples[i].info, inputs[i]);
    words += static_cast<long>(inputs[i].size());
  }
  if (o.log)
    *o.log << "ner: BiLSTM " << net.config.lstm_dim << "x2" << (net.config.crf ? " + CRF" : "")
           << ", " << net.words.size() << " words, " << net.parameter_count() << " parameters\n";

  NeuralNer grads = net;
  for (Tensor* t : grads.tensors()) std::fill(t->data.begin(), t->data.end(), 0.0f);
  Adam adam(net, o);
  NeuralNer averaged = net;
  long updates = 0;
  auto update_average = [&] {
    ++updates;
    const float d = std::min(o.average, (1.0f + updates) / (10.0f + updates));
    auto a = averaged.tensors();
    auto w = net.tensors();
    for (std::size_t t = 0; t < a.size(); ++t)
      for (std::size_t i = 0; i < a[t]->data.size(); ++i)
        a[t]->data[i] = d * a[t]->data[i] + (1 - d) * w[t]->data[i];
  };
  std::vector<std::size_t> order(examples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto best = std::make_shared<NeuralNer>();
  double best_f1 = -1;
  best_epoch = 0;
  std::vector<double> trans;
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    double loss = 0;
    long in_batch = 0, batch_words = 0;
    masked_transitions(net, label_set, trans);
    for (std::size_t i = 0; i < order.size(); ++i) {
      const std::size_t e = order[i];
      loss += backprop(net, examples[e], inputs[e], word_counts, trans, label_set, o, rng, grads);
      batch_words += static_cast<long>(inputs[e].size());
      if (++in_batch == o.batch || i + 1 == order.size()) {
        if (batch_words > 0) {
          adam.update(net, grads, 1.0f / static_cast<float>(batch_words));
          update_average();
          masked_transitions(net, label_set, trans);
        }
        in_batch = 0;
        batch_words = 0;
      }
    }
    NeuralNer candidate = averaged;
    candidate.finish();
    const double f1 = have_dev ? dev_f1(candidate) : 0.0;
    const bool better = !have_dev || f1 > best_f1;
    if (better) {
      *best = std::move(candidate);
      best_f1 = f1;
      best_epoch = epoch;
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (o.log) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "  epoch %d%s  loss %.4f  dev F1 %.2f  (%.0f s)\n", epoch,
                    better ? " *" : "", loss / std::max(1L, words), f1, secs);
      *o.log << buf;
    }
    if (have_dev && epoch - best_epoch >= o.patience) break;
  }
  return best;
}

}  // namespace textgraph::train
