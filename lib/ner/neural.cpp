#include "ner/neural.h"

#include <algorithm>

#include "core/error.h"
#include "parser/kernels.h"

namespace textgraph::ner {

namespace k = parser::kernels;

namespace {

constexpr std::uint32_t kLayoutVersion = 1;

void put_tensor(ByteWriter& w, const Tensor& t) {
  w.put<std::int32_t>(t.rows);
  w.put<std::int32_t>(t.cols);
  w.put_vector(t.data);
}

void get_tensor(ByteReader& r, Tensor& t) {
  const int rows = r.get<std::int32_t>(), cols = r.get<std::int32_t>();
  std::vector<float> data = r.get_vector<float>();
  if (rows != t.rows || cols != t.cols || data.size() != t.data.size())
    fail(ErrorCode::kModel, "section network: tensor of unexpected shape (corrupt model)");
  t.data = std::move(data);
}

}  // namespace

void NeuralNer::allocate() {
  const NeuralConfig& c = config;
  emb_word.resize(words.size(), c.word_dim);
  emb_suffix.resize(suffixes.size(), c.suffix_dim);
  emb_prefix.resize(prefixes.size(), c.prefix_dim);
  emb_shape.resize(shapes.size(), c.shape_dim);
  emb_cap.resize(kCapIds, c.cap_dim);
  emb_gaz.resize(kGazIds, c.gaz_dim);
  for (LstmWeights& w : lstm) {
    w.wx.resize(c.input_dim(), 4 * c.lstm_dim);
    w.wh.resize(c.lstm_dim, 4 * c.lstm_dim);
    w.b.resize(1, 4 * c.lstm_dim);
  }
  out_w.resize(2 * c.lstm_dim, labels);
  out_b.resize(1, labels);
  transitions.resize(labels + 1, labels);
}

std::vector<Tensor*> NeuralNer::tensors() {
  std::vector<Tensor*> t = {&emb_word, &emb_suffix, &emb_prefix, &emb_shape, &emb_cap, &emb_gaz};
  for (LstmWeights& w : lstm) {
    t.push_back(&w.wx);
    t.push_back(&w.wh);
    t.push_back(&w.b);
  }
  for (Tensor* x : {&out_w, &out_b, &transitions}) t.push_back(x);
  return t;
}

std::vector<const Tensor*> NeuralNer::tensors() const {
  std::vector<const Tensor*> out;
  for (Tensor* t : const_cast<NeuralNer*>(this)->tensors()) out.push_back(t);
  return out;
}

std::size_t NeuralNer::parameter_count() const {
  std::size_t n = 0;
  for (const Tensor* t : tensors()) n += t->data.size();
  return n;
}

std::vector<const Tensor*> embedding_tables(const NeuralNer& net) {
  return {&net.emb_word,  &net.emb_suffix, &net.emb_prefix,
          &net.emb_shape, &net.emb_cap,    &net.emb_gaz};
}

void NeuralNer::finish() {
  out_wt.resize(out_w.cols, out_w.rows);
  for (int r = 0; r < out_w.rows; ++r)
    for (int c = 0; c < out_w.cols; ++c) out_wt.row(c)[r] = out_w.row(r)[c];
  const auto tables = embedding_tables(*this);
  for (int d = 0; d < 2; ++d) {
    input_tables[d].clear();
    int offset = 0;
    for (const Tensor* e : tables) {
      Tensor table;
      table.resize(e->rows, lstm[d].wx.cols);
      if (e->cols > 0)
        k::gemm_nn(e->data.data(), lstm[d].wx.row(offset), table.data.data(), e->rows, e->cols,
                   lstm[d].wx.cols);
      offset += e->cols;
      input_tables[d].push_back(std::move(table));
    }
  }
}

void NeuralNer::emissions(const NeuralInputs& in, std::vector<float>& out) const {
  const int steps = static_cast<int>(in.size());
  const int h = config.lstm_dim, h4 = 4 * h, width = 2 * h;
  thread_local std::vector<float> z, enc;
  z.resize(static_cast<std::size_t>(steps) * h4);
  enc.assign(static_cast<std::size_t>(steps) * width, 0.0f);
  for (int d = 0; d < 2; ++d) {
    const std::vector<Tensor>& tables = input_tables[d];
    for (int t = 0; t < steps; ++t) {
      float* zt = z.data() + static_cast<std::size_t>(t) * h4;
      std::copy(lstm[d].b.data.begin(), lstm[d].b.data.end(), zt);
      const int* ids = in.ids.data() + static_cast<std::size_t>(t) * NeuralInputs::kFeatures;
      for (int f = 0; f < NeuralInputs::kFeatures; ++f)
        k::axpy(1.0f, tables[f].row(ids[f]), zt, h4);
      for (int g = in.gaz_offsets[t]; g < in.gaz_offsets[t + 1]; ++g)
        k::axpy(1.0f, tables[NeuralInputs::kFeatures].row(in.gaz[g]), zt, h4);
    }
    parser::lstm_recur(lstm[d], z, steps, d == 1, enc.data() + d * h, width, nullptr);
  }
  // Few labels: a dot product per label beats gemm_nn's narrow-column tail.
  out.resize(static_cast<std::size_t>(steps) * labels);
  for (int t = 0; t < steps; ++t) {
    const float* e = enc.data() + static_cast<std::size_t>(t) * width;
    float* o = out.data() + static_cast<std::size_t>(t) * labels;
    for (int y = 0; y < labels; ++y) o[y] = out_b.data[y] + k::dot(e, out_wt.row(y), width);
  }
}

void neural_inputs(const NeuralNer& net, const Sentence& sentence,
                   const std::vector<NerToken>& toks, const SentenceInfo& info, NeuralInputs& out) {
  const std::size_t n = sentence.words.size();
  out.ids.resize(n * NeuralInputs::kFeatures);
  out.gaz.clear();
  out.gaz_offsets.assign(1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& form = sentence.words[i].form;
    const std::string norm = parser::normalize_word(form);
    const NerToken& t = toks[i];
    int* ids = out.ids.data() + i * NeuralInputs::kFeatures;
    ids[0] = net.words.id(norm);
    ids[1] = net.suffixes.id(parser::suffix(norm, 3));
    ids[2] = net.prefixes.id(parser::prefix(norm, 2));
    ids[3] = net.shapes.id(parser::word_shape(form));
    const std::uint32_t cap = std::min<std::uint32_t>(t.cap, 5);
    const std::uint32_t casing = std::min<std::uint32_t>(t.casing, 5);
    ids[4] =
        static_cast<int>(cap + 6 * (casing + 6 * (std::min<std::uint32_t>(t.start, 2) +
                                                  3 * std::min<std::uint32_t>(info.casing, 2))));
    for (std::uint64_t g : t.gaz)
      if (g != 0 && g < static_cast<std::uint64_t>(kGazIds)) out.gaz.push_back(static_cast<int>(g));
    if (static_cast<int>(out.gaz.size()) == out.gaz_offsets.back()) out.gaz.push_back(0);
    out.gaz_offsets.push_back(static_cast<int>(out.gaz.size()));
  }
}

void NeuralNer::save(ByteWriter& w) const {
  w.put<std::uint32_t>(kLayoutVersion);
  const NeuralConfig& c = config;
  for (int v : {c.word_dim, c.suffix_dim, c.prefix_dim, c.shape_dim, c.cap_dim, c.gaz_dim,
                c.lstm_dim, c.crf, labels})
    w.put<std::int32_t>(v);
  for (const Vocab* v : {&words, &suffixes, &prefixes, &shapes}) w.put_strings(v->strings());
  for (const Tensor* t : tensors()) put_tensor(w, *t);
}

NeuralNer NeuralNer::load(ByteReader& r) {
  if (r.get<std::uint32_t>() != kLayoutVersion)
    fail(ErrorCode::kModel, "section network: unknown layout version (newer model?)");
  NeuralNer net;
  NeuralConfig& c = net.config;
  for (int* v : {&c.word_dim, &c.suffix_dim, &c.prefix_dim, &c.shape_dim, &c.cap_dim, &c.gaz_dim,
                 &c.lstm_dim, &c.crf, &net.labels}) {
    *v = r.get<std::int32_t>();
    if (*v < 0 || *v > 4096)
      fail(ErrorCode::kModel, "section network: size out of range (corrupt model)");
  }
  if (c.lstm_dim == 0 || net.labels == 0 || c.input_dim() == 0)
    fail(ErrorCode::kModel, "section network: inconsistent sizes (corrupt model)");
  for (Vocab* v : {&net.words, &net.suffixes, &net.prefixes, &net.shapes}) {
    std::vector<std::string> strings = r.get_strings();
    if (strings.size() < 2 || strings.size() > (1u << 24))
      fail(ErrorCode::kModel, "section network: invalid vocabulary (corrupt model)");
    *v = Vocab::from_strings(std::move(strings));
  }
  net.allocate();
  for (Tensor* t : net.tensors()) get_tensor(r, *t);
  net.finish();
  return net;
}

}  // namespace textgraph::ner
