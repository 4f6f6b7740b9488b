#include "parser/model_io.h"

#include <cmath>

#include "core/error.h"
#include "model/bytes.h"
#include "parser/decode.h"

namespace textgraph::parser {

namespace {

constexpr std::uint32_t kLayoutVersion = 1;

struct Probe {
  const char* forms;
  const char* upos;
  const char* xpos;
};

// Sentences written for the project, tagged by hand.
const Probe kProbes[] = {
    {"The minister said on Tuesday that talks with Russian envoys would resume in Geneva .",
     "DET NOUN VERB ADP PROPN SCONJ NOUN ADP ADJ NOUN AUX VERB ADP PROPN PUNCT",
     "DT NN VBD IN NNP IN NNS IN JJ NNS MD VB IN NNP ."},
    {"Iranian officials have reacted to U.S. pressure with sharp warnings .",
     "ADJ NOUN AUX VERB ADP PROPN NOUN ADP ADJ NOUN PUNCT", "JJ NNS VBP VBN IN NNP NN IN JJ NNS ."},
    {"Did you read the report , or not ?", "AUX PRON VERB DET NOUN PUNCT CCONJ PART PUNCT",
     "VBD PRP VB DT NN , CC RB ."},
};

std::vector<std::string> split(const char* s) {
  std::vector<std::string> out;
  std::string cur;
  for (const char* p = s; *p; ++p) {
    if (*p == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(*p);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

void put_config(ByteWriter& w, const NetworkConfig& c) {
  w.put<std::uint32_t>(kLayoutVersion);
  for (int v : {c.word_dim, c.suffix_dim, c.prefix_dim, c.shape_dim, c.upos_dim, c.xpos_dim,
                c.lstm_layers, c.lstm_dim, c.hidden})
    w.put<std::int32_t>(v);
  std::vector<std::uint8_t> t, l;
  for (Slot s : c.token_slots) t.push_back(static_cast<std::uint8_t>(s));
  for (Slot s : c.label_slots) l.push_back(static_cast<std::uint8_t>(s));
  w.put_vector(t);
  w.put_vector(l);
  w.put<std::uint8_t>(c.aux_tagging ? 1 : 0);
}

NetworkConfig get_config(ByteReader& r, const std::string& what) {
  if (r.get<std::uint32_t>() != kLayoutVersion)
    fail(ErrorCode::kModel, what + ": unknown parser layout version (newer model?)");
  NetworkConfig c;
  for (int* v : {&c.word_dim, &c.suffix_dim, &c.prefix_dim, &c.shape_dim, &c.upos_dim, &c.xpos_dim,
                 &c.lstm_layers, &c.lstm_dim, &c.hidden}) {
    *v = r.get<std::int32_t>();
    if (*v < 0 || *v > 4096) fail(ErrorCode::kModel, what + ": size out of range (corrupt model)");
  }
  if (c.lstm_layers > 8 || c.hidden == 0 || (c.lstm_layers > 0 && c.lstm_dim == 0) ||
      c.input_dim() == 0)
    fail(ErrorCode::kModel, what + ": inconsistent sizes (corrupt model)");
  auto slots = [&](std::vector<Slot>& out) {
    out.clear();
    for (std::uint8_t s : r.get_vector<std::uint8_t>()) {
      if (s >= static_cast<std::uint8_t>(Slot::kCount))
        fail(ErrorCode::kModel, what + ": unknown feature slot (newer model?)");
      out.push_back(static_cast<Slot>(s));
    }
  };
  slots(c.token_slots);
  slots(c.label_slots);
  c.aux_tagging = r.get<std::uint8_t>() != 0;
  if (c.token_slots.empty()) fail(ErrorCode::kModel, what + ": no feature slots (corrupt model)");
  r.expect_end();
  return c;
}

Vocab get_vocab(ByteReader& r, const std::string& what) {
  std::vector<std::string> s = r.get_strings();
  if (s.size() < 2) fail(ErrorCode::kModel, what + ": vocabulary too small (corrupt model)");
  Vocab v = Vocab::from_strings(s);
  if (static_cast<std::size_t>(v.size()) != s.size())
    fail(ErrorCode::kModel, what + ": duplicate vocabulary entries (corrupt model)");
  return v;
}

void put_cases(ByteWriter& w, const std::vector<SelfTestCase>& cases) {
  w.put<std::uint32_t>(static_cast<std::uint32_t>(cases.size()));
  for (const SelfTestCase& c : cases) {
    w.put_strings(c.forms);
    w.put_strings(c.upos);
    w.put_strings(c.xpos);
    w.put_vector(c.actions);
    w.put_vector(c.scores);
  }
}

}  // namespace

std::vector<SelfTestCase> make_self_test(const Network& net) {
  const Precomputed pre = precompute_model(net);
  Workspace ws;
  std::vector<SelfTestCase> cases;
  for (const Probe& p : kProbes) {
    SelfTestCase c;
    c.forms = split(p.forms);
    c.upos = split(p.upos);
    c.xpos = split(p.xpos);
    std::vector<int> heads, labels;
    greedy_parse(net, pre, token_ids(net.vocab, c.forms, c.upos, c.xpos), ws, heads, labels,
                 &c.actions, &c.scores);
    cases.push_back(std::move(c));
  }
  return cases;
}

ModelFile to_model(const Network& net, const std::string& metadata_json) {
  ModelFile m;
  m.kind = "parser";
  m.metadata_json = metadata_json;
  ByteWriter config;
  put_config(config, net.config);
  ByteWriter vocab;
  for (const Vocab* v : {&net.vocab.words, &net.vocab.suffixes, &net.vocab.prefixes,
                         &net.vocab.shapes, &net.vocab.upos, &net.vocab.xpos})
    vocab.put_strings(v->strings());
  vocab.put_strings(net.vocab.labels);
  ByteWriter weights;
  for (const Tensor* t : net.tensors()) {
    weights.put<std::int32_t>(t->rows);
    weights.put<std::int32_t>(t->cols);
    weights.put_vector(t->data);
  }
  ByteWriter selftest;
  put_cases(selftest, make_self_test(net));
  m.sections = {{"config", config.take()},
                {"vocab", vocab.take()},
                {"weights", weights.take()},
                {"selftest", selftest.take()}};
  return m;
}

std::unique_ptr<Network> network_from_model(const ModelFile& model, const std::string& name) {
  if (model.kind != "parser")
    fail(ErrorCode::kModel, name + ": a '" + model.kind + "' model, not a parser model",
         Location{name});
  auto section = [&](const char* s) {
    const std::string* p = model.section(s);
    if (!p) fail(ErrorCode::kModel, name + ": missing section '" + s + "'", Location{name});
    return ByteReader(*p, name + ": section " + s);
  };
  auto net = std::make_unique<Network>();
  ByteReader config = section("config");
  net->config = get_config(config, name);
  ByteReader vocab = section("vocab");
  for (Vocab* v : {&net->vocab.words, &net->vocab.suffixes, &net->vocab.prefixes,
                   &net->vocab.shapes, &net->vocab.upos, &net->vocab.xpos})
    *v = get_vocab(vocab, name);
  net->vocab.labels = vocab.get_strings();
  vocab.expect_end();
  if (net->vocab.labels.empty() || net->vocab.labels[0] != "root")
    fail(ErrorCode::kModel, name + ": label 0 must be 'root' (corrupt model)", Location{name});
  net->allocate();
  ByteReader weights = section("weights");
  for (Tensor* t : net->tensors()) {
    const int rows = weights.get<std::int32_t>(), cols = weights.get<std::int32_t>();
    std::vector<float> data = weights.get_vector<float>();
    if (rows != t->rows || cols != t->cols || data.size() != t->data.size())
      fail(ErrorCode::kModel, name + ": weights do not fit the configuration (corrupt model)",
           Location{name});
    for (float x : data)
      if (!std::isfinite(x))
        fail(ErrorCode::kModel, name + ": non-finite weight (corrupt model)", Location{name});
    t->data = std::move(data);
  }
  weights.expect_end();

  ByteReader st = section("selftest");
  const auto count = st.get<std::uint32_t>();
  const Precomputed pre = precompute_model(*net);
  Workspace ws;
  for (std::uint32_t i = 0; i < count; ++i) {
    SelfTestCase c;
    c.forms = st.get_strings();
    c.upos = st.get_strings();
    c.xpos = st.get_strings();
    c.actions = st.get_vector<int>();
    c.scores = st.get_vector<float>();
    const std::vector<float> got =
        replay_scores(*net, pre, token_ids(net->vocab, c.forms, c.upos, c.xpos), c.actions, ws);
    bool ok = got.size() == c.scores.size() && c.actions.size() == 2 * c.forms.size();
    for (std::size_t k = 0; ok && k < got.size(); ++k)
      ok = std::fabs(got[k] - c.scores[k]) <= 1e-3f * std::max(1.0f, std::fabs(c.scores[k]));
    if (!ok)
      fail(ErrorCode::kModel,
           name + ": self-test failed: the model does not reproduce its saved scores",
           Location{name});
  }
  st.expect_end();
  return net;
}

}  // namespace textgraph::parser
