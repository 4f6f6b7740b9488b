#include "ner/ner_model.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

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

// The first-pass label of a word as a context value: 0 = O, else 1 + label.
std::uint32_t context_label(int label) { return static_cast<std::uint32_t>(label) + 1; }

}  // namespace

void Pass::set(train::WeightTable table, const LabelSet& labels) {
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
  {
    ByteWriter w;
    first.weights.save(w);
    model.sections.push_back({"weights", w.take()});
  }
  {
    ByteWriter w;
    second.weights.save(w);
    model.sections.push_back({"weights2", w.take()});
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
  auto table = [&](const std::string& sec, bool required) {
    train::WeightTable t;
    read(sec, [&](ByteReader& in) {
      t = train::WeightTable::load(in);
      if ((required || t.num_features() > 0) && t.num_classes() != n)
        fail(ErrorCode::kModel, "section " + sec + " has " + std::to_string(t.num_classes()) +
                                    " labels, the model " + std::to_string(n) + " (corrupt model)");
    });
    return t;
  };
  m.first.set(table("weights", true), m.labels);
  m.second.set(table("weights2", false), m.labels);
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
  for (std::size_t i = 0; i < out.toks.size(); ++i) {
    word_features(out.toks, out.info, i, out.feats);
    out.offsets.push_back(static_cast<std::uint32_t>(out.feats.size()));
  }
}

void document_contexts(const LabelSet& labels, const std::vector<const PreparedSentence*>& sentences,
                       const std::vector<const std::vector<int>*>& first_labels,
                       std::vector<std::vector<DocumentContext>>& out) {
  const std::size_t types = labels.types().size();
  // Per capitalized form: how often each type (index 1 + type) or O (index 0) was given.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> given;
  std::unordered_map<std::uint64_t, bool> lower_seen;  // lowercase form seen in lower case
  auto is_cap = [](std::uint32_t cap) { return cap == kCapInitial || cap == kCapAll || cap == kCapMixed; };
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto& toks = sentences[s]->toks;
    const auto& y = *first_labels[s];
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (toks[i].cap == kCapLower && toks[i].start == 0) lower_seen[toks[i].lower] = true;
      if (!is_cap(toks[i].cap)) continue;
      auto& counts = given[toks[i].form];
      counts.resize(types + 1, 0);
      ++counts[y[i] == LabelSet::kO ? 0 : 1 + static_cast<std::size_t>(labels.type_of(y[i]))];
    }
  }
  out.resize(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto& toks = sentences[s]->toks;
    const auto& y = *first_labels[s];
    auto& ctx = out[s];
    ctx.assign(toks.size(), DocumentContext{});
    for (std::size_t i = 0; i < toks.size(); ++i) {
      DocumentContext& c = ctx[i];
      c.self = context_label(y[i]);
      c.left = i > 0 ? context_label(y[i - 1]) : 0;
      c.right = i + 1 < toks.size() ? context_label(y[i + 1]) : 0;
      if (!is_cap(toks[i].cap)) continue;
      c.lower_elsewhere = lower_seen.count(toks[i].lower) ? 1 : 2;
      // The other occurrences: this word's own label taken out.
      std::vector<std::uint32_t> counts = given[toks[i].form];
      --counts[y[i] == LabelSet::kO ? 0 : 1 + static_cast<std::size_t>(labels.type_of(y[i]))];
      std::uint32_t total = 0, best = 0;
      std::size_t arg = 0;
      for (std::size_t t = 0; t <= types; ++t) {
        total += counts[t];
        if (t > 0 && counts[t] > best) {
          best = counts[t];
          arg = t;
        }
      }
      if (best == 0) continue;
      c.majority = static_cast<std::uint32_t>(arg);
      c.share = best == total ? 3 : best * 2 >= total ? 2 : 1;
    }
  }
}

void decode(const NerModel& model, const Pass& pass, const PreparedSentence& sentence,
            const std::vector<DocumentContext>* context, std::vector<int>& labels) {
  const std::size_t n = sentence.toks.size();
  const int L = model.labels.size();
  thread_local std::vector<float> emit;
  thread_local std::vector<std::uint64_t> doc_feats;
  emit.assign(n * static_cast<std::size_t>(L), 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    float* e = emit.data() + i * static_cast<std::size_t>(L);
    std::span<const std::uint64_t> f(sentence.feats.data() + sentence.offsets[i],
                                     sentence.offsets[i + 1] - sentence.offsets[i]);
    pass.weights.add_scores(f, e);
    if (context) {
      doc_feats.clear();
      document_features(sentence.toks, i, (*context)[i], doc_feats);
      pass.weights.add_scores(doc_feats, e);
    }
  }
  viterbi(model.labels, emit.data(), n, pass.transitions.data(), labels);
}

void tag_document(const NerModel& model, std::span<Sentence> sentences) {
  thread_local std::vector<PreparedSentence> prepared;
  thread_local std::vector<std::vector<int>> first;
  thread_local std::vector<std::vector<DocumentContext>> contexts;
  if (prepared.size() < sentences.size()) prepared.resize(sentences.size());
  if (first.size() < sentences.size()) first.resize(sentences.size());
  std::vector<const PreparedSentence*> ps;
  std::vector<const std::vector<int>*> fl;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    prepare(model, sentences[s], prepared[s]);
    decode(model, model.first, prepared[s], nullptr, first[s]);
    ps.push_back(&prepared[s]);
    fl.push_back(&first[s]);
  }
  if (model.second.empty()) {
    for (std::size_t s = 0; s < sentences.size(); ++s) model.labels.decode(first[s], sentences[s]);
    return;
  }
  document_contexts(model.labels, ps, fl, contexts);
  std::vector<int> labels;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    decode(model, model.second, prepared[s], &contexts[s], labels);
    model.labels.decode(labels, sentences[s]);
  }
}

}  // namespace textgraph::ner
