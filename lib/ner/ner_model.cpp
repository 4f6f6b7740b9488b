#include "ner/ner_model.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "core/error.h"
#include "model/bytes.h"

namespace textgraph::ner {

namespace {

constexpr float kNever = -std::numeric_limits<float>::infinity();

const std::string& section(const ModelFile& model, const std::string& name,
                           const std::string& file) {
  const std::string* s = model.section(name);
  if (!s) fail(ErrorCode::kModel, "model has no section '" + name + "'", {file});
  return *s;
}

}  // namespace

void Scorer::set(train::WeightTable table, const LabelSet& labels) {
  weights = std::move(table);
  const int n = labels.size();
  transitions.assign(static_cast<std::size_t>((n + 1) * n), 0.0f);
  for (int prev = LabelSet::kStart; prev < n; ++prev) {
    float* row = transitions.data() + static_cast<std::size_t>((prev + 1) * n);
    if (weights.num_classes() == n) weights.add_scores(transition_key(prev), row);
    for (int cur = 0; cur < n; ++cur)
      if (!labels.allowed(prev, cur)) row[cur] = kNever;
  }
}

void NerModel::set_neural(std::shared_ptr<const NeuralNer> net) {
  neural = std::move(net);
  const int n = labels.size();
  neural_transitions.assign(static_cast<std::size_t>((n + 1) * n), 0.0f);
  for (int prev = LabelSet::kStart; prev < n; ++prev) {
    float* row = neural_transitions.data() + static_cast<std::size_t>((prev + 1) * n);
    for (int cur = 0; cur < n; ++cur)
      row[cur] = !labels.allowed(prev, cur) ? kNever
                 : neural->config.crf       ? neural->transitions.row(prev + 1)[cur]
                                            : 0.0f;
  }
}

void NerModel::save_sections(ModelFile& model) const {
  {
    ByteWriter w;
    w.put_strings(labels.types());
    model.sections.push_back({"types", w.take()});
  }
  {
    ByteWriter w;
    gazetteer.save(w);
    model.sections.push_back({"gazetteer", w.take()});
  }
  {
    std::vector<std::pair<std::uint64_t, std::uint8_t>> rows(casing.begin(), casing.end());
    std::sort(rows.begin(), rows.end());
    ByteWriter w;
    w.put<std::uint64_t>(rows.size());
    for (const auto& [h, c] : rows) {
      w.put<std::uint64_t>(h);
      w.put<std::uint8_t>(c);
    }
    model.sections.push_back({"casing", w.take()});
  }
  {
    std::vector<std::uint64_t> words(vocabulary.begin(), vocabulary.end());
    std::sort(words.begin(), words.end());
    ByteWriter w;
    w.put_vector(words);
    model.sections.push_back({"vocabulary", w.take()});
  }
  if (neural) {
    ByteWriter w;
    neural->save(w);
    model.sections.push_back({"network", w.take()});
  }
  if (!neural || mix > 0) {
    ByteWriter w;
    scorer.weights.save(w);
    model.sections.push_back({"weights", w.take()});
  }
  if (neural && mix > 0) {
    ByteWriter w;
    w.put<float>(mix);
    model.sections.push_back({"mix", w.take()});
  }
}

NerModel NerModel::load(const ModelFile& model, const std::string& name) {
  // Every error names the file (as its location) and the section.
  auto read = [&](const std::string& sec, auto&& parse) {
    ByteReader in(section(model, sec, name), "section " + sec);
    try {
      parse(in);
      in.expect_end();
    } catch (const Error& e) {
      std::string message = e.what();
      if (message.rfind("section " + sec, 0) != 0) message = "section " + sec + ": " + message;
      throw Error(ErrorCode::kModel, message, {name});
    }
  };
  NerModel m;
  read("types", [&](ByteReader& in) {
    std::vector<std::string> types = in.get_strings();
    if (types.empty() || types.size() > 1000 || !std::is_sorted(types.begin(), types.end()) ||
        std::adjacent_find(types.begin(), types.end()) != types.end() ||
        std::any_of(types.begin(), types.end(), [](const std::string& t) { return t.empty(); }))
      fail(ErrorCode::kModel, "section types is invalid (corrupt model)");
    m.labels = LabelSet(std::move(types));
  });
  read("gazetteer", [&](ByteReader& in) { m.gazetteer = Gazetteer::load(in); });
  read("casing", [&](ByteReader& in) {
    const auto n = in.get<std::uint64_t>();
    if (n > (1ULL << 28)) fail(ErrorCode::kModel, "section casing is invalid (corrupt model)");
    for (std::uint64_t k = 0; k < n; ++k) {
      const auto h = in.get<std::uint64_t>();
      const auto c = in.get<std::uint8_t>();
      if (c < 1 || c > 5) fail(ErrorCode::kModel, "section casing is invalid (corrupt model)");
      m.casing.emplace(h, c);
    }
  });
  read("vocabulary", [&](ByteReader& in) {
    const std::vector<std::uint64_t> words = in.get_vector<std::uint64_t>();
    m.vocabulary.insert(words.begin(), words.end());
  });
  const int n = m.labels.size();
  if (model.section("network")) {
    auto net = std::make_shared<NeuralNer>();
    read("network", [&](ByteReader& in) {
      *net = NeuralNer::load(in);
      if (net->labels != n)
        fail(ErrorCode::kModel, "section network has " + std::to_string(net->labels) +
                                    " labels, the model " + std::to_string(n) + " (corrupt model)");
    });
    m.set_neural(std::move(net));
    if (!model.section("weights")) return m;
    read("mix", [&](ByteReader& in) {
      m.mix = in.get<float>();
      if (!(m.mix > 0 && m.mix < 1e6f))
        fail(ErrorCode::kModel, "section mix is invalid (corrupt model)");
    });
  }
  train::WeightTable weights;
  read("weights", [&](ByteReader& in) {
    weights = train::WeightTable::load(in);
    if (weights.num_classes() != n)
      fail(ErrorCode::kModel, "section weights has " + std::to_string(weights.num_classes()) +
                                  " labels, the model " + std::to_string(n) + " (corrupt model)");
  });
  m.scorer.set(std::move(weights), m.labels);
  return m;
}

void viterbi(const LabelSet& labels, const float* emit, std::size_t n, const float* transitions,
             std::vector<int>& out) {
  out.assign(n, LabelSet::kO);
  if (n == 0) return;
  const int L = labels.size();
  thread_local std::vector<float> delta;
  thread_local std::vector<int> back;
  delta.assign(n * static_cast<std::size_t>(L), kNever);
  back.assign(n * static_cast<std::size_t>(L), 0);
  for (int y = 0; y < L; ++y) delta[static_cast<std::size_t>(y)] = emit[y] + transitions[y];
  for (std::size_t i = 1; i < n; ++i) {
    const float* prev = delta.data() + (i - 1) * static_cast<std::size_t>(L);
    float* cur = delta.data() + i * static_cast<std::size_t>(L);
    int* bp = back.data() + i * static_cast<std::size_t>(L);
    const float* e = emit + i * static_cast<std::size_t>(L);
    for (int y = 0; y < L; ++y) {
      float best = kNever;
      int arg = 0;
      for (int p = 0; p < L; ++p) {
        const float s = prev[p] + transitions[static_cast<std::size_t>((p + 1) * L + y)];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[y] = best + e[y];
      bp[y] = arg;
    }
  }
  const float* last = delta.data() + (n - 1) * static_cast<std::size_t>(L);
  int y = LabelSet::kO;
  float best = kNever;
  for (int k = 0; k < L; ++k)
    if (labels.may_end(k) && last[k] > best) {
      best = last[k];
      y = k;
    }
  for (std::size_t i = n; i-- > 0;) {
    out[i] = y;
    if (i > 0) y = back[i * static_cast<std::size_t>(L) + static_cast<std::size_t>(y)];
  }
}

void prepare(const NerModel& model, const Sentence& sentence, PreparedSentence& out) {
  prepare_sentence(sentence, model.gazetteer, model.casing, model.vocabulary, out.toks, out.info);
  out.feats.clear();
  out.offsets.assign(1, 0);
  if (model.neural) {
    neural_inputs(*model.neural, sentence, out.toks, out.info, out.neural);
    if (model.mix <= 0) return;
  }
  for (std::size_t i = 0; i < out.toks.size(); ++i) {
    word_features(out.toks, out.info, i, out.feats);
    out.offsets.push_back(static_cast<std::uint32_t>(out.feats.size()));
  }
}

void decode(const NerModel& model, const Scorer& scorer, const PreparedSentence& sentence,
            std::vector<int>& labels) {
  const std::size_t n = sentence.toks.size();
  const auto L = static_cast<std::size_t>(model.labels.size());
  thread_local std::vector<float> emit;
  if (model.neural && model.mix <= 0) {
    model.neural->emissions(sentence.neural, emit);
    viterbi(model.labels, emit.data(), n, model.neural_transitions.data(), labels);
    return;
  }
  emit.assign(n * L, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    std::span<const std::uint64_t> f(sentence.feats.data() + sentence.offsets[i],
                                     sentence.offsets[i + 1] - sentence.offsets[i]);
    scorer.weights.add_scores(f, emit.data() + i * L);
  }
  if (model.neural) {
    // Hybrid: the network's log-probabilities (its raw scores for a CRF)
    // plus the perceptron's scores times mix.
    thread_local std::vector<float> net_emit, trans;
    model.neural->emissions(sentence.neural, net_emit);
    const float m = model.mix;
    for (std::size_t i = 0; i < n; ++i) {
      float* row = net_emit.data() + i * L;
      if (!model.neural->config.crf) {
        const float mx = *std::max_element(row, row + L);
        double z = 0;
        for (std::size_t y = 0; y < L; ++y) z += std::exp(static_cast<double>(row[y] - mx));
        const float lz = mx + static_cast<float>(std::log(z));
        for (std::size_t y = 0; y < L; ++y) row[y] -= lz;
      }
      for (std::size_t y = 0; y < L; ++y) emit[i * L + y] = row[y] + m * emit[i * L + y];
    }
    trans.resize(model.neural_transitions.size());
    for (std::size_t k = 0; k < trans.size(); ++k)
      trans[k] = model.neural_transitions[k] + m * scorer.transitions[k];
    viterbi(model.labels, emit.data(), n, trans.data(), labels);
    return;
  }
  viterbi(model.labels, emit.data(), n, scorer.transitions.data(), labels);
}

void tag_sentence(const NerModel& model, Sentence& sentence) {
  thread_local PreparedSentence prepared;
  thread_local std::vector<int> labels;
  prepare(model, sentence, prepared);
  decode(model, model.scorer, prepared, labels);
  model.labels.decode(labels, sentence);
}

}  // namespace textgraph::ner
