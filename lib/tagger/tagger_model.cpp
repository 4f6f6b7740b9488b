#include "tagger/tagger_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "model/bytes.h"
#include "train/hashing.h"

namespace textgraph::tagger {

namespace {

const std::string& need_section(const ModelFile& model, const std::string& name,
                                const char* section) {
  const std::string* s = model.section(section);
  if (!s) fail(ErrorCode::kModel, std::string("model has no section '") + section + "'", {name});
  return *s;
}

}  // namespace

void TaggerModel::save_sections(ModelFile& model) const {
  ByteWriter classes;
  std::vector<std::string> names;
  for (std::size_t c = 0; c < upos.size(); ++c) names.push_back(upos[c] + "\t" + xpos[c]);
  classes.put_strings(names);
  model.sections.push_back({"classes", classes.take()});

  // Sorted by key (entries() is), so the file does not depend on hashing.
  const auto& amb = ambiguity.entries();
  ByteWriter a;
  a.put<std::uint64_t>(amb.size());
  for (const auto& [k, v] : amb) {
    a.put<std::uint64_t>(k);
    a.put<std::uint64_t>(v);
  }
  model.sections.push_back({"ambiguity", a.take()});

  ByteWriter w;
  weights.save(w);
  model.sections.push_back({"weights", w.take()});
  ByteWriter w2;
  w2.put<float>(margin);
  weights2.save(w2);
  model.sections.push_back({"weights2", w2.take()});

  feats.save(model);
  lemmatizer.save(model);
}

TaggerModel TaggerModel::load(const ModelFile& model, const std::string& name) {
  TaggerModel m;
  {
    ByteReader in(need_section(model, name, "classes"), name + ": section classes");
    for (const std::string& s : in.get_strings()) {
      const std::size_t tab = s.find('\t');
      if (tab == std::string::npos)
        fail(ErrorCode::kModel, "section classes holds a bad class (corrupt model)", {name});
      m.upos.push_back(s.substr(0, tab));
      m.xpos.push_back(s.substr(tab + 1));
    }
    in.expect_end();
    if (m.upos.empty()) fail(ErrorCode::kModel, "model has no tag classes (corrupt model)", {name});
  }
  {
    ByteReader in(need_section(model, name, "ambiguity"), name + ": section ambiguity");
    const auto n = in.get<std::uint64_t>();
    if (n > model.section("ambiguity")->size() / 16)
      fail(ErrorCode::kModel, "section ambiguity is truncated (corrupt model)", {name});
    std::vector<std::pair<std::uint64_t, std::uint64_t>> entries(n);
    for (auto& [k, v] : entries) {
      k = in.get<std::uint64_t>();
      v = in.get<std::uint64_t>();
    }
    m.ambiguity.assign(std::move(entries));
    in.expect_end();
  }
  {
    ByteReader in(need_section(model, name, "weights"), name + ": section weights");
    m.weights = train::WeightTable::load(in);
    in.expect_end();
    if (m.weights.num_classes() != m.num_classes())
      fail(ErrorCode::kModel, "tag weights do not match the classes (corrupt model)", {name});
  }
  {
    ByteReader in(need_section(model, name, "weights2"), name + ": section weights2");
    m.margin = in.get<float>();
    m.weights2 = train::WeightTable::load(in);
    in.expect_end();
    if (!(m.margin >= 0.0f) ||
        (m.weights2.num_features() != 0 && m.weights2.num_classes() != m.num_classes()))
      fail(ErrorCode::kModel, "second-pass weights do not match the classes (corrupt model)",
           {name});
  }
  m.feats = FeatsModel::load(model, name, m.num_classes());
  m.lemmatizer = Lemmatizer::load(model, name);
  m.build_word_rows();
  return m;
}

void TaggerModel::build_word_rows() {
  // The forms of the lemma dictionary seen often enough in training to have
  // an ambiguity class: on the shipped model 46% of its forms, 88% of EWT
  // dev's words (all of its forms: 92%), for half the memory and load time.
  std::vector<std::string_view> forms;
  for (std::string_view f : lemmatizer.forms())
    if (ambiguity.find(train::hash_string(ascii_lower(f)))) forms.push_back(f);
  word_rows.build(forms, ambiguity, {&weights, &weights2});
}

void greedy_pass(const train::WeightTable& weights, const std::vector<TokenHashes>& toks,
                 const std::vector<int>* first, std::vector<int>& classes) {
  const int n = weights.num_classes();
  classes.assign(toks.size(), 0);
  std::vector<std::uint64_t> feats;
  feats.reserve(80);
  std::vector<std::int32_t> scores(static_cast<std::size_t>(weights.padded_classes()));
  for (std::size_t i = 0; i < toks.size(); ++i) {
    feats.clear();
    const int t1 = i >= 1 ? classes[i - 1] : -1;
    static_features(toks, i, feats);
    history_features(toks, i, t1, i >= 2 ? classes[i - 2] : -1, feats);
    if (first) right_features(toks, i, *first, t1, feats);
    std::fill(scores.begin(), scores.end(), 0);
    weights.add_scores(feats, scores.data());
    classes[i] = train::argmax(scores.data(), n);
  }
}

std::size_t tag_classes(const TaggerModel& model, const std::vector<std::string_view>& forms,
                        std::vector<int>& classes, float margin) {
  const std::size_t n = forms.size();
  const int c = model.num_classes();
  // Scratch buffers of this thread, kept from sentence to sentence.
  thread_local std::vector<TokenHashes> toks;
  thread_local std::vector<std::uint64_t> feats;
  thread_local std::vector<std::int32_t> scores;
  thread_local std::vector<float> margins;
  thread_local std::vector<int> first;
  thread_local std::vector<std::uint32_t> known;  // word_rows entry of each word, or kNone
  thread_local std::vector<const TokenHashes*> known_hashes;
  const WordRows& rows = model.word_rows;
  rows.find_all(forms, known);
  known_hashes.assign(n, nullptr);
  for (std::size_t i = 0; i < n; ++i)
    if (known[i] != WordRows::kNone) known_hashes[i] = &rows.hashes(known[i]);
  prepare_tokens(forms, model.ambiguity, toks, &known_hashes);
  // Integer scores: exact sums of the quantized weights (see WeightTable).
  // A known word starts from its own-form row (the same integers as adding
  // its own features one by one) and adds only the context features.
  scores.resize(static_cast<std::size_t>(
      std::max(model.weights.padded_classes(), model.weights2.padded_classes())));
  // Word i's scores before its remaining features for pass `table` (0 or 1).
  auto start_word = [&](std::size_t table, const train::WeightTable& weights, std::size_t i) {
    feats.clear();
    if (rows.has_rows(table) && known[i] != WordRows::kNone) {
      std::copy_n(rows.row(table, known[i]), static_cast<std::size_t>(weights.padded_classes()),
                  scores.data());
      context_features(toks, i, feats);
    } else {
      std::fill(scores.begin(), scores.end(), 0);
      static_features(toks, i, feats);
    }
  };
  margins.resize(n);
  classes.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    start_word(0, model.weights, i);
    history_features(toks, i, i >= 1 ? classes[i - 1] : -1, i >= 2 ? classes[i - 2] : -1, feats);
    model.weights.add_scores(feats, scores.data());
    std::int32_t second = 0;
    const int best = train::argmax2(scores.data(), c, &second);
    classes[i] = best;
    margins[i] = c > 1 ? static_cast<float>(scores[best] - second) * model.weights.scale()
                       : std::numeric_limits<float>::infinity();
  }
  if (model.passes() < 2) return 0;
  if (margin < 0.0f) margin = model.margin;
  first = classes;
  std::size_t rerun = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (margins[i] >= margin) continue;
    ++rerun;
    const int t1 = i >= 1 ? classes[i - 1] : -1;
    start_word(1, model.weights2, i);
    history_features(toks, i, t1, i >= 2 ? classes[i - 2] : -1, feats);
    right_features(toks, i, first, t1, feats);
    model.weights2.add_scores(feats, scores.data());
    classes[i] = train::argmax(scores.data(), c);
  }
  return rerun;
}

void tag_sentence(const TaggerModel& model, Sentence& sentence) {
  std::vector<std::string_view> forms;
  forms.reserve(sentence.words.size());
  for (const Word& w : sentence.words) forms.push_back(w.form);
  std::vector<int> classes;
  tag_classes(model, forms, classes);
  complete_sentence(model, sentence, &classes, forms);
}

void complete_sentence(const TaggerModel& model, Sentence& sentence,
                       const std::vector<int>* classes) {
  std::vector<std::string_view> forms;
  forms.reserve(sentence.words.size());
  for (const Word& w : sentence.words) forms.push_back(w.form);
  complete_sentence(model, sentence, classes, forms);
}

void complete_sentence(const TaggerModel& model, Sentence& sentence,
                       const std::vector<int>* classes,
                       const std::vector<std::string_view>& forms) {
  auto xpos = [&](std::size_t i) -> const std::string& {
    return classes ? model.xpos[static_cast<std::size_t>((*classes)[i])] : sentence.words[i].xpos;
  };
  // The lemma dictionary's memory, fetched for all words at once (the
  // look-ups below then rarely wait), while FEATS are predicted.
  for (std::size_t i = 0; i < forms.size(); ++i) model.lemmatizer.prefetch_slot(forms[i], xpos(i));
  std::vector<const std::string*> feats;
  if (classes) model.feats.predict(forms, *classes, feats);
  for (std::size_t i = 0; i < forms.size(); ++i) model.lemmatizer.prefetch_entry(forms[i], xpos(i));
  for (std::size_t i = 0; i < sentence.words.size(); ++i) {
    Word& w = sentence.words[i];
    if (classes) {
      const auto c = static_cast<std::size_t>((*classes)[i]);
      w.upos = model.upos[c];
      w.xpos = model.xpos[c];
      w.feats = *feats[i];
    }
    w.lemma = model.lemmatizer.lemma(w.form, w.upos, w.xpos);
  }
}

}  // namespace textgraph::tagger
