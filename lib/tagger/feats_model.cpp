#include "tagger/feats_model.h"

#include <algorithm>
#include <map>
#include <ostream>

#include "core/error.h"
#include "model/bytes.h"
#include "tagger/features.h"
#include "train/epochs.h"
#include "train/hashing.h"

namespace textgraph::tagger {

using train::feature;
using train::hash_string;

namespace {

std::uint64_t dict_key(std::string_view lower_form, std::uint32_t cls) {
  return hash_string(lower_form, cls * 0x9e3779b97f4a7c15ULL + 17);
}

// A class needs the classifier when its second most frequent FEATS is common
// enough to matter.
constexpr int kMinChoiceCount = 20;

}  // namespace

const std::string& FeatsModel::lookup(std::string_view lower_form, int cls,
                                      std::uint32_t* id) const {
  std::uint32_t v = defaults_[static_cast<std::size_t>(cls)];
  const std::uint32_t* i = map_.find(dict_key(lower_form, static_cast<std::uint32_t>(cls)));
  if (i) {
    const FormEntry& e = forms_[*i];
    if (e.form == lower_form && e.cls == static_cast<std::uint32_t>(cls)) v = e.value;
  }
  if (id) *id = v;
  return values_[v];
}

void FeatsModel::index() {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
  keys.reserve(forms_.size());
  for (std::size_t i = 0; i < forms_.size(); ++i)
    keys.emplace_back(dict_key(forms_[i].form, forms_[i].cls), static_cast<std::uint32_t>(i));
  map_.build(keys, FlatIndex::kLastWins);
}

// Template ids are part of the model format (append only).
void FeatsModel::features(const std::vector<std::string>& lower,
                          const std::vector<std::uint64_t>& hashes, const std::vector<int>& classes,
                          std::size_t i, std::uint32_t dict_value,
                          std::vector<std::uint64_t>& out) const {
  const auto c = static_cast<std::uint64_t>(classes[i]);
  auto cls_at = [&](long j) -> std::uint64_t {
    return j < 0 || j >= static_cast<long>(classes.size())
               ? 0xffff
               : static_cast<std::uint64_t>(classes[static_cast<std::size_t>(j)]);
  };
  auto word_at = [&](long j) -> std::uint64_t {
    return j < 0 || j >= static_cast<long>(lower.size()) ? 0xffff
                                                         : hashes[static_cast<std::size_t>(j)];
  };
  const long k = static_cast<long>(i);
  const std::uint64_t w = hashes[i];
  out.push_back(feature(201, c));
  out.push_back(feature(202, c, w));
  out.push_back(feature(203, c, dict_value));
  out.push_back(feature(204, c, word_at(k - 1)));
  out.push_back(feature(205, c, cls_at(k - 1)));
  out.push_back(feature(206, c, cls_at(k - 2)));
  out.push_back(feature(207, c, word_at(k - 2)));
  out.push_back(feature(208, c, cls_at(k - 3)));
  out.push_back(feature(209, c, word_at(k + 1)));
  out.push_back(feature(210, c, cls_at(k + 1)));
  out.push_back(feature(211, c, cls_at(k - 1), cls_at(k + 1)));
  out.push_back(feature(212, c, i == 0));
  const std::string_view l = lower[i];
  out.push_back(feature(213, c, hash_string(l.substr(l.size() >= 3 ? l.size() - 3 : 0))));
  // The nearest nominal to the left stands in for the subject (person and
  // number of finite verbs): pronouns by form, nouns by tag.
  for (long j = k - 1; j >= 0 && j >= k - 6; --j) {
    const auto cj = static_cast<std::size_t>(classes[static_cast<std::size_t>(j)]);
    if (cj >= nominal_.size() || !nominal_[cj]) continue;
    out.push_back(feature(214, c, nominal_[cj] == 2 ? word_at(j) : cls_at(j)));
    out.push_back(feature(215, c, k - j));
    break;
  }
}

FeatsModel FeatsModel::train(const std::vector<const Sentence*>& sentences,
                             const std::vector<std::vector<int>>& class_ids,
                             const std::vector<std::string>& upos, int epochs, std::uint64_t seed,
                             std::ostream* log) {
  FeatsModel m;
  const std::size_t num_classes = upos.size();
  for (const std::string& u : upos)
    m.nominal_.push_back(u == "PRON" ? 2 : (u == "NOUN" || u == "PROPN") ? 1 : 0);
  std::map<std::string, int> value_counts;
  for (const Sentence* s : sentences)
    for (const Word& w : s->words) ++value_counts[w.feats];
  std::map<std::string, std::uint32_t> value_ids;
  for (const auto& [v, n] : value_counts) {
    value_ids[v] = static_cast<std::uint32_t>(m.values_.size());
    m.values_.push_back(v);
  }
  if (m.values_.empty()) m.values_.push_back("");
  // Dictionary and per-class counts; ties go to the smaller id.
  std::map<std::pair<std::string, int>, std::map<std::uint32_t, int>> form_counts;
  std::vector<std::map<std::uint32_t, int>> class_counts(num_classes);
  for (std::size_t s = 0; s < sentences.size(); ++s)
    for (std::size_t i = 0; i < sentences[s]->words.size(); ++i) {
      const Word& w = sentences[s]->words[i];
      const int c = class_ids[s][i];
      ++form_counts[{ascii_lower(w.form), c}][value_ids[w.feats]];
      ++class_counts[static_cast<std::size_t>(c)][value_ids[w.feats]];
    }
  auto most = [](const std::map<std::uint32_t, int>& counts) {
    std::uint32_t best = counts.empty() ? 0 : counts.begin()->first;
    int n = -1;
    for (const auto& [v, k] : counts)
      if (k > n) best = v, n = k;
    return best;
  };
  m.choices_.resize(num_classes);
  for (std::size_t c = 0; c < num_classes; ++c) {
    m.defaults_.push_back(most(class_counts[c]));
    int frequent = 0;
    for (const auto& [v, k] : class_counts[c]) frequent += k >= kMinChoiceCount;
    if (frequent >= 2)
      for (const auto& [v, k] : class_counts[c])
        if (k >= 2) m.choices_[c].push_back(v);
  }
  for (const auto& [key, counts] : form_counts) {
    const std::uint32_t best = most(counts);
    if (best == m.defaults_[static_cast<std::size_t>(key.second)]) continue;
    m.forms_.push_back({key.first, static_cast<std::uint32_t>(key.second), best});
  }
  m.index();

  // The classifier, trained on the gold classes.
  std::vector<std::vector<std::string>> lowers(sentences.size());
  std::vector<std::vector<std::uint64_t>> hashes(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s)
    for (const Word& w : sentences[s]->words) {
      lowers[s].push_back(ascii_lower(w.form));
      hashes[s].push_back(hash_string(lowers[s].back()));
    }
  const int n = static_cast<int>(m.values_.size());
  train::PerceptronTrainer trainer(n);
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(static_cast<std::size_t>(n));
  std::size_t decisions = 0, correct = 0;
  auto decide = [&](const std::vector<std::uint32_t>& choices) {
    std::uint32_t best = choices.front();
    for (std::uint32_t v : choices)
      if (scores[v] > scores[best]) best = v;
    return static_cast<int>(best);
  };
  train::EpochOptions eo;
  eo.epochs = epochs;
  eo.patience = epochs;
  eo.seed = seed;
  m.weights_ = train::run_epochs(
      trainer, sentences.size(), eo,
      [&](std::size_t s) {
        for (std::size_t i = 0; i < lowers[s].size(); ++i) {
          const auto& choices = m.choices_[static_cast<std::size_t>(class_ids[s][i])];
          if (choices.empty()) continue;
          std::uint32_t dict_value = 0;
          m.lookup(lowers[s][i], class_ids[s][i], &dict_value);
          feats.clear();
          m.features(lowers[s], hashes[s], class_ids[s], i, dict_value, feats);
          std::fill(scores.begin(), scores.end(), 0.0f);
          trainer.add_scores(feats, scores.data());
          const int guess = decide(choices);
          const int gold = static_cast<int>(value_ids[sentences[s]->words[i].feats]);
          ++decisions;
          correct += guess == gold;
          trainer.update(feats, gold, guess);
          trainer.tick();
        }
      },
      [&](const train::WeightTable&) {
        const double acc =
            decisions ? static_cast<double>(correct) / static_cast<double>(decisions) : 0;
        decisions = correct = 0;
        return acc;
      },
      [&](const train::EpochReport& r) {
        if (log)
          *log << "feats epoch " << r.epoch << ": train accuracy " << r.dev_score * 100 << "\n";
      });
  return m;
}

void FeatsModel::predict(const std::vector<std::string_view>& forms,
                         const std::vector<int>& classes,
                         std::vector<const std::string*>& out) const {
  std::vector<std::string> lower;
  std::vector<std::uint64_t> hashes;
  lower.reserve(forms.size());
  hashes.reserve(forms.size());
  for (std::string_view f : forms) {
    lower.push_back(ascii_lower(f));
    hashes.push_back(hash_string(lower.back()));
  }
  // The dictionary look-ups of all words overlap: their slots, then their
  // entries are fetched before the first look-up waits for memory.
  for (std::size_t i = 0; i < forms.size(); ++i)
    map_.prefetch(dict_key(lower[i], static_cast<std::uint32_t>(classes[i])));
  for (std::size_t i = 0; i < forms.size(); ++i)
    if (const std::uint32_t* e =
            map_.find(dict_key(lower[i], static_cast<std::uint32_t>(classes[i]))))
      __builtin_prefetch(&forms_[*e]);
  out.assign(forms.size(), nullptr);
  std::vector<std::uint64_t> feats;
  std::vector<std::int32_t> scores;  // exact integer sums (see WeightTable)
  for (std::size_t i = 0; i < forms.size(); ++i) {
    std::uint32_t dict_value = 0;
    out[i] = &lookup(lower[i], classes[i], &dict_value);
    const auto& choices = choices_[static_cast<std::size_t>(classes[i])];
    if (choices.empty() || weights_.num_features() == 0) continue;
    feats.clear();
    features(lower, hashes, classes, i, dict_value, feats);
    scores.assign(static_cast<std::size_t>(weights_.padded_classes()), 0);
    weights_.add_scores(feats, scores.data());
    std::uint32_t best = choices.front();
    for (std::uint32_t v : choices)
      if (scores[v] > scores[best]) best = v;
    out[i] = &values_[best];
  }
}

void FeatsModel::save(ModelFile& model) const {
  ByteWriter out;
  out.put_strings(values_);
  std::vector<std::string> forms;
  std::vector<std::uint32_t> classes, values;
  for (const FormEntry& e : forms_) {
    forms.push_back(e.form);
    classes.push_back(e.cls);
    values.push_back(e.value);
  }
  out.put_strings(forms);
  out.put_vector(classes);
  out.put_vector(values);
  out.put_vector(defaults_);
  out.put_vector(nominal_);
  out.put<std::uint32_t>(static_cast<std::uint32_t>(choices_.size()));
  for (const auto& c : choices_) out.put_vector(c);
  weights_.save(out);
  model.sections.push_back({"feats", out.take()});
}

FeatsModel FeatsModel::load(const ModelFile& model, const std::string& name, int num_classes) {
  const std::string* section = model.section("feats");
  if (!section) fail(ErrorCode::kModel, "model has no section 'feats'", {name});
  FeatsModel m;
  ByteReader in(*section, name + ": section feats");
  m.values_ = in.get_strings();
  std::vector<std::string> forms = in.get_strings();
  const std::vector<std::uint32_t> form_classes = in.get_vector<std::uint32_t>();
  const std::vector<std::uint32_t> form_values = in.get_vector<std::uint32_t>();
  m.defaults_ = in.get_vector<std::uint32_t>();
  m.nominal_ = in.get_vector<std::uint8_t>();
  const auto n = in.get<std::uint32_t>();
  if (n != static_cast<std::uint32_t>(num_classes))
    fail(ErrorCode::kModel, "section feats does not match the tag classes (corrupt model)", {name});
  for (std::uint32_t c = 0; c < n; ++c) m.choices_.push_back(in.get_vector<std::uint32_t>());
  m.weights_ = train::WeightTable::load(in);
  in.expect_end();
  const std::size_t values = m.values_.size();
  bool ok =
      values > 0 && form_classes.size() == forms.size() && form_values.size() == forms.size() &&
      m.defaults_.size() == static_cast<std::size_t>(num_classes) &&
      m.nominal_.size() == static_cast<std::size_t>(num_classes) &&
      (m.weights_.num_features() == 0 || m.weights_.num_classes() == static_cast<int>(values));
  for (std::uint32_t c : form_classes) ok = ok && c < static_cast<std::uint32_t>(num_classes);
  for (std::uint32_t v : form_values) ok = ok && v < values;
  for (std::uint32_t v : m.defaults_) ok = ok && v < values;
  for (const auto& choices : m.choices_)
    for (std::uint32_t v : choices) ok = ok && v < values;
  if (!ok) fail(ErrorCode::kModel, "section feats is inconsistent (corrupt model)", {name});
  m.forms_.reserve(forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i)
    m.forms_.push_back({std::move(forms[i]), form_classes[i], form_values[i]});
  m.index();
  return m;
}

}  // namespace textgraph::tagger
