#include "tagger/lemmatizer.h"

#include <algorithm>
#include <cmath>
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

std::string recase(EditScript::Case c, std::string_view form) {
  std::string s(form);
  switch (c) {
    case EditScript::Case::kKeep:
      break;
    case EditScript::Case::kLower:
      s = ascii_lower(s);
      break;
    case EditScript::Case::kTitle:
      s = ascii_lower(s);
      if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
      break;
    case EditScript::Case::kNoCommas:
      s.erase(std::remove(s.begin(), s.end(), ','), s.end());
      break;
  }
  return s;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::uint64_t dict_key(std::string_view form, std::string_view xpos) {
  return hash_string(form, hash_string(xpos));
}

// The other verb tags, in the order a tagger confuses them with `xpos`;
// empty for a tag that is not a verb's.
const std::vector<std::string_view>& verb_tag_siblings(std::string_view xpos) {
  static const std::vector<std::string_view> kNone;
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kOrder = {
      {"VBD", {"VBN", "VBP", "VB", "VBZ", "VBG"}}, {"VBN", {"VBD", "VB", "VBP", "VBZ", "VBG"}},
      {"VB", {"VBP", "VBN", "VBD", "VBZ", "VBG"}}, {"VBP", {"VB", "VBD", "VBN", "VBZ", "VBG"}},
      {"VBZ", {"VB", "VBP", "VBD", "VBN", "VBG"}}, {"VBG", {"VB", "VBP", "VBD", "VBN", "VBZ"}}};
  for (const auto& [tag, others] : kOrder)
    if (tag == xpos) return others;
  return kNone;
}

bool has_upper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Features of the script classifier. Template ids are part of the model format.
void script_features(std::string_view form, std::string_view upos, std::string_view xpos,
                     std::vector<std::uint64_t>& out) {
  const std::string lower = ascii_lower(form);
  const std::uint64_t x = hash_string(xpos);
  const std::uint64_t u = hash_string(upos);
  std::uint64_t casing = 0;  // 0 lower, 1 title, 2 all caps, 3 other
  if (has_upper(form)) {
    const std::string_view rest = form.substr(1);
    if (!has_upper(rest))
      casing = 1;
    else if (lower == form ||
             std::none_of(form.begin(), form.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      casing = 2;
    else
      casing = 3;
  }
  out.push_back(feature(101, x));
  out.push_back(feature(102, u));
  out.push_back(feature(103, x, casing));
  for (std::size_t n = 1; n <= 6; ++n) {
    const std::uint64_t suf = lower.size() >= n
                                  ? hash_string(std::string_view(lower).substr(lower.size() - n))
                                  : hash_string(lower) + 7;
    out.push_back(feature(104, suf, x, n));
    out.push_back(feature(105, suf, n));
  }
  out.push_back(feature(106, hash_string(word_shape(form)), x));
  out.push_back(feature(107, form.find(',') != std::string_view::npos, x));
  out.push_back(feature(108, std::min<std::size_t>(lower.size(), 8), x));
}

// Features that count only for scripts whose output is a known lemma.
void known_features(std::string_view xpos, std::vector<std::uint64_t>& out) {
  out.push_back(feature(109, 1));
  out.push_back(feature(110, hash_string(xpos)));
}

}  // namespace

std::string EditScript::to_string() const {
  static const char kCase[] = {'K', 'L', 'T', 'C'};
  return std::string(1, kCase[static_cast<int>(casing)]) + "|" + strip + "|" + append;
}

bool EditScript::from_string(std::string_view text, EditScript& out) {
  if (text.size() < 3 || text[1] != '|') return false;
  const std::string_view rest = text.substr(2);
  const std::size_t bar = rest.find('|');
  if (bar == std::string_view::npos) return false;
  switch (text[0]) {
    case 'K':
      out.casing = Case::kKeep;
      break;
    case 'L':
      out.casing = Case::kLower;
      break;
    case 'T':
      out.casing = Case::kTitle;
      break;
    case 'C':
      out.casing = Case::kNoCommas;
      break;
    default:
      return false;
  }
  out.strip = std::string(rest.substr(0, bar));
  out.append = std::string(rest.substr(bar + 1));
  return true;
}

EditScript derive_script(std::string_view form, std::string_view lemma) {
  EditScript best;
  std::size_t best_cost = static_cast<std::size_t>(-1);
  for (int c = 0; c < 4; ++c) {
    const auto casing = static_cast<EditScript::Case>(c);
    const std::string s = recase(casing, form);
    std::size_t common = 0;
    while (common < s.size() && common < lemma.size() && s[common] == lemma[common]) ++common;
    const std::size_t cost = (s.size() - common) + (lemma.size() - common);
    if (cost < best_cost) {
      best_cost = cost;
      best.casing = casing;
      best.strip = s.substr(common);
      best.append = std::string(lemma.substr(common));
    }
  }
  return best;
}

bool apply_script(const EditScript& script, std::string_view form, std::string& lemma) {
  std::string s = recase(script.casing, form);
  if (!ends_with(s, script.strip)) return false;
  s.resize(s.size() - script.strip.size());
  s += script.append;
  if (s.empty()) return false;
  lemma = std::move(s);
  return true;
}

bool Lemmatizer::known_lemma(std::string_view lemma) const {
  return std::binary_search(known_lemmas_.begin(), known_lemmas_.end(), hash_string(lemma));
}

void Lemmatizer::index() {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
  keys.reserve(dict_.size());
  for (std::size_t i = 0; i < dict_.size(); ++i)
    keys.emplace_back(dict_key(dict_[i].form, dict_[i].xpos), static_cast<std::uint32_t>(i));
  dict_index_.build(keys, FlatIndex::kFirstWins);
}

const std::string* Lemmatizer::lookup(std::string_view form, std::string_view xpos) const {
  const std::uint32_t* found = dict_index_.find(dict_key(form, xpos));
  if (!found) return nullptr;
  const DictEntry& e = dict_[*found];
  // The hash is 64 bits; check the strings anyway so a lookup can never be wrong.
  if (e.form != form || e.xpos != xpos) return nullptr;
  return &e.lemma;
}

std::vector<std::string_view> Lemmatizer::forms() const {
  std::vector<std::string_view> out;
  out.reserve(dict_.size());
  for (const DictEntry& e : dict_) out.push_back(e.form);
  return out;
}

void Lemmatizer::prefetch_slot(std::string_view form, std::string_view xpos) const {
  dict_index_.prefetch(dict_key(form, xpos));
}

void Lemmatizer::prefetch_entry(std::string_view form, std::string_view xpos) const {
  if (const std::uint32_t* found = dict_index_.find(dict_key(form, xpos))) {
    const char* e = reinterpret_cast<const char*>(&dict_[*found]);
    __builtin_prefetch(e);
    __builtin_prefetch(e + sizeof(DictEntry) - 1);
  }
}

std::string Lemmatizer::lemma(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  if (const std::string* l = lookup(form, xpos)) return *l;
  if (has_upper(form) && upos != "PROPN") {
    if (const std::string* l = lookup(ascii_lower(form), xpos)) return *l;
  }
  // The verb tags of a form share its lemma: a form seen only under another
  // verb tag ("won"/VBD -> "win" for "won"/VBN, "stole"/VBD for "stole"/VBP)
  // is better served by that entry than by a guessed suffix rule. The
  // likeliest confusion of each tag is tried first.
  for (std::string_view other : verb_tag_siblings(xpos))
    if (const std::string* l = lookup(form, other)) return *l;
  return known_spelling(classify(form, upos, xpos), form, xpos);
}

std::string Lemmatizer::known_spelling(std::string l, std::string_view form,
                                       std::string_view xpos) const {
  // A name typed in lowercase ("florida", "jill") keeps the capitals its
  // lemma has elsewhere: when only the capitalized spelling is a training
  // lemma, use it. Gold EWT train, lowercase proper nouns: 125 lemmas
  // capitalized, 284 kept; the known-lemma test separates the two.
  if ((xpos == "NNP" || xpos == "NNPS") && !l.empty() && l[0] >= 'a' && l[0] <= 'z' &&
      !has_upper(l)) {
    std::string title = recase(EditScript::Case::kTitle, l);
    if (known_lemma(title) && !known_lemma(l)) return title;
  }
  // A suffix rule can stop one letter short of the stem: a doubled
  // consonant ("hottest" -> "hott") or an "e" ("potatoes" -> "potatoe").
  // When the result is no training lemma and the shorter stem is, take it.
  // Only for a lemma the rule made shorter than the form: words kept whole
  // ("Glenn", "fate") are left alone.
  if (l.size() >= 3 && l.size() < form.size() && !has_upper(l) && !known_lemma(l)) {
    const char last = l.back();
    const bool doubled = last == l[l.size() - 2] &&
                         std::string_view("bdfgklmnprstvz").find(last) != std::string_view::npos;
    if (doubled || last == 'e') {
      std::string shorter = l.substr(0, l.size() - 1);
      if (known_lemma(shorter)) return shorter;
    }
  }
  return l;
}

std::string Lemmatizer::classify(std::string_view form, std::string_view upos,
                                 std::string_view xpos) const {
  if (scripts_.empty() || form.empty()) return std::string(form);
  std::vector<std::uint64_t> feats;
  script_features(form, upos, xpos, feats);
  // Exact integer sums of the quantized weights (see WeightTable).
  const std::size_t padded =
      std::max(static_cast<std::size_t>(weights_.padded_classes()), scripts_.size());
  std::vector<std::int32_t> scores(padded, 0);
  weights_.add_scores(feats, scores.data());
  // Scores a script gains when the lemma it makes is a training lemma.
  std::vector<std::int32_t> known_scores(padded, 0);
  const bool use_known = !known_lemmas_.empty();
  if (use_known) {
    feats.clear();
    known_features(xpos, feats);
    weights_.add_scores(feats, known_scores.data());
  }
  // Best-scoring script that fits the form (ties to the lower index); the
  // form itself if none does. The form is recased once per casing, and a
  // script's lemma is only built when its score could still win: this runs
  // for every word missing from the dictionary.
  std::string recased[4];
  bool have[4] = {false, false, false, false};
  std::string out, best;
  std::int32_t best_score = 0;
  bool found = false;
  for (std::size_t i = 0; i < scripts_.size(); ++i) {
    const std::int32_t upper = scores[i] + (use_known ? std::max(known_scores[i], 0) : 0);
    if (found && !(upper > best_score)) continue;
    const EditScript& script = scripts_[i];
    const auto c = static_cast<std::size_t>(script.casing);
    if (!have[c]) {
      recased[c] = recase(script.casing, form);
      have[c] = true;
    }
    const std::string& base = recased[c];
    if (!ends_with(base, script.strip)) continue;
    const std::size_t keep = base.size() - script.strip.size();
    if (keep + script.append.size() == 0) continue;
    out.assign(base, 0, keep);
    out += script.append;
    const std::int32_t score = scores[i] + (use_known && known_lemma(out) ? known_scores[i] : 0);
    if (found && !(score > best_score)) continue;
    best = out;
    best_score = score;
    found = true;
  }
  return found ? best : std::string(form);
}

Lemmatizer Lemmatizer::train(const std::vector<LemmaExample>& examples,
                             const LemmatizerOptions& options, std::ostream* log) {
  Lemmatizer lem;
  // Dictionary: most frequent lemma per (form, xpos); ties to the smaller string.
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>> counts;
  std::map<std::string, int> form_counts;
  std::map<std::string, int> lemma_counts;
  std::map<std::pair<std::string, std::string>, int> form_lemma_counts;
  for (const LemmaExample& e : examples) {
    if (e.lemma.empty()) continue;
    ++counts[{e.form, e.xpos}][e.lemma];
    ++form_counts[e.form];
    ++lemma_counts[e.lemma];
    ++form_lemma_counts[{e.form, e.lemma}];
  }
  if (options.known_bonus)
    for (const auto& [l, n] : lemma_counts) lem.known_lemmas_.push_back(hash_string(l));
  std::sort(lem.known_lemmas_.begin(), lem.known_lemmas_.end());
  lem.known_lemmas_.erase(std::unique(lem.known_lemmas_.begin(), lem.known_lemmas_.end()),
                          lem.known_lemmas_.end());
  // In training, "known" must not count the example's own form: at tagging
  // time the words sent to the classifier are missing from the dictionary,
  // so their lemma is known only through other words.
  auto known_elsewhere = [&](const std::string& form, const std::string& lemma) {
    auto it = lemma_counts.find(lemma);
    if (it == lemma_counts.end()) return false;
    auto own = form_lemma_counts.find({form, lemma});
    return it->second - (own == form_lemma_counts.end() ? 0 : own->second) > 0;
  };
  for (const auto& [key, lemmas] : counts) {
    const auto best =
        std::max_element(lemmas.begin(), lemmas.end(), [](const auto& a, const auto& b) {
          return a.second < b.second;  // first maximum = smallest string among ties
        });
    lem.dict_.push_back({key.first, key.second, best->first});
  }
  lem.index();

  // Script classifier, trained on (form, upos, xpos, lemma) types of rare forms.
  struct Item {
    std::string form, upos, xpos;
    int script;
  };
  // Scripts seen once are mostly typos ("excelnt" -> "excellent") and would
  // only teach the classifier to invent words; they are left out.
  std::map<std::string, int> script_counts;
  std::vector<std::pair<std::size_t, EditScript>> candidates;  // example index, script
  std::map<std::tuple<std::string, std::string, std::string, std::string>, int> seen;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    const LemmaExample& e = examples[i];
    if (e.lemma.empty() || form_counts[e.form] > options.max_form_count) continue;
    if (seen[{e.form, e.upos, e.xpos, e.lemma}]++) continue;
    EditScript s = derive_script(e.form, e.lemma);
    ++script_counts[s.to_string()];
    candidates.emplace_back(i, std::move(s));
  }
  std::map<std::string, int> script_ids;
  std::vector<Item> items;
  for (const auto& [i, s] : candidates) {
    const std::string name = s.to_string();
    if (script_counts[name] < options.min_script_count) continue;
    auto [it, inserted] = script_ids.try_emplace(name, static_cast<int>(script_ids.size()));
    if (inserted) lem.scripts_.push_back(s);
    items.push_back({examples[i].form, examples[i].upos, examples[i].xpos, it->second});
  }
  if (items.empty()) return lem;
  const int n = static_cast<int>(lem.scripts_.size());
  train::PerceptronTrainer trainer(n);
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(static_cast<std::size_t>(n));
  std::string out;
  // Scripts whose output is a lemma known from other words get the weights
  // of known_features on top of their own: one more set of classes'
  // weights, learned by the same perceptron.
  std::vector<char> known(static_cast<std::size_t>(n));
  std::vector<std::uint64_t> kfeats;
  std::vector<float> kscores(static_cast<std::size_t>(n));
  auto best_fitting = [&](const Item& item) {
    int best = -1;
    std::int32_t best_score = 0;
    for (int c = 0; c < n; ++c) {
      known[c] = 0;
      if (!apply_script(lem.scripts_[c], item.form, out)) continue;
      known[c] = options.known_bonus && known_elsewhere(item.form, out) ? 1 : 0;
      const float score = scores[c] + (known[c] ? kscores[c] : 0.0f);
      if (best < 0 || score > best_score) {
        best = c;
        best_score = score;
      }
    }
    return best;
  };
  train::EpochOptions eo;
  eo.epochs = options.epochs;
  eo.patience = options.epochs;
  eo.seed = options.seed;
  int correct = 0;
  lem.weights_ = train::run_epochs(
      trainer, items.size(), eo,
      [&](std::size_t i) {
        const Item& item = items[i];
        feats.clear();
        script_features(item.form, item.upos, item.xpos, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.add_scores(feats, scores.data());
        kfeats.clear();
        known_features(item.xpos, kfeats);
        std::fill(kscores.begin(), kscores.end(), 0.0f);
        trainer.add_scores(kfeats, kscores.data());
        const int guess = best_fitting(item);
        if (guess == item.script) ++correct;
        trainer.update(feats, item.script, guess);
        if (guess != item.script) {
          if (known[item.script]) trainer.update(kfeats, item.script, -1, 1.0f);
          if (guess >= 0 && known[guess]) trainer.update(kfeats, guess, -1, -1.0f);
        }
        trainer.tick();
      },
      // The last epoch is kept: the examples are the training types, so a
      // score on them only grows; report training accuracy for the log.
      [&](const train::WeightTable&) {
        const double acc = static_cast<double>(correct) / static_cast<double>(items.size());
        correct = 0;
        return acc;
      },
      [&](const train::EpochReport& r) {
        if (log)
          *log << "lemma scripts epoch " << r.epoch << ": train accuracy " << r.dev_score * 100
               << " (" << items.size() << " types, " << n << " scripts)\n";
      });
  return lem;
}

void Lemmatizer::save(ModelFile& model) const {
  ByteWriter dict;
  std::vector<std::string> forms, xpos, lemmas;
  for (const DictEntry& e : dict_) {
    forms.push_back(e.form);
    xpos.push_back(e.xpos);
    lemmas.push_back(e.lemma);
  }
  dict.put_strings(forms);
  dict.put_strings(xpos);
  dict.put_strings(lemmas);
  model.sections.push_back({"lemma_dict", dict.take()});
  std::vector<std::string> names;
  for (const EditScript& s : scripts_) names.push_back(s.to_string());
  ByteWriter scripts;
  scripts.put_strings(names);
  model.sections.push_back({"lemma_scripts", scripts.take()});
  ByteWriter weights;
  weights_.save(weights);
  model.sections.push_back({"lemma_weights", weights.take()});
  ByteWriter known;
  known.put<std::uint64_t>(known_lemmas_.size());
  for (std::uint64_t h : known_lemmas_) known.put<std::uint64_t>(h);
  model.sections.push_back({"lemma_known", known.take()});
}

namespace {
const std::string& need_section(const ModelFile& model, const std::string& name,
                                const char* section) {
  const std::string* s = model.section(section);
  if (!s) fail(ErrorCode::kModel, std::string("model has no section '") + section + "'", {name});
  return *s;
}
}  // namespace

Lemmatizer Lemmatizer::load(const ModelFile& model, const std::string& name) {
  Lemmatizer lem;
  {
    ByteReader in(need_section(model, name, "lemma_dict"), name + ": section lemma_dict");
    std::vector<std::string> forms = in.get_strings();
    std::vector<std::string> xpos = in.get_strings();
    std::vector<std::string> lemmas = in.get_strings();
    in.expect_end();
    if (forms.size() != xpos.size() || forms.size() != lemmas.size())
      fail(ErrorCode::kModel, "section lemma_dict is inconsistent (corrupt model)", {name});
    lem.dict_.reserve(forms.size());
    for (std::size_t i = 0; i < forms.size(); ++i)
      lem.dict_.push_back({std::move(forms[i]), std::move(xpos[i]), std::move(lemmas[i])});
  }
  {
    ByteReader in(need_section(model, name, "lemma_scripts"), name + ": section lemma_scripts");
    for (const std::string& s : in.get_strings()) {
      EditScript script;
      if (!EditScript::from_string(s, script))
        fail(ErrorCode::kModel, "section lemma_scripts holds a bad script (corrupt model)", {name});
      lem.scripts_.push_back(std::move(script));
    }
    in.expect_end();
  }
  {
    ByteReader in(need_section(model, name, "lemma_weights"), name + ": section lemma_weights");
    lem.weights_ = train::WeightTable::load(in);
    in.expect_end();
    if (!lem.scripts_.empty() &&
        lem.weights_.num_classes() != static_cast<int>(lem.scripts_.size()))
      fail(ErrorCode::kModel, "lemma weights do not match the scripts (corrupt model)", {name});
  }
  // Optional: models written before the known-lemma bonus have no such section.
  if (const std::string* section = model.section("lemma_known")) {
    ByteReader in(*section, name + ": section lemma_known");
    const auto n = in.get<std::uint64_t>();
    if (n > section->size() / 8)
      fail(ErrorCode::kModel, "section lemma_known is inconsistent (corrupt model)", {name});
    lem.known_lemmas_.resize(n);
    for (std::uint64_t& h : lem.known_lemmas_) h = in.get<std::uint64_t>();
    in.expect_end();
    if (!std::is_sorted(lem.known_lemmas_.begin(), lem.known_lemmas_.end()))
      fail(ErrorCode::kModel, "section lemma_known is not sorted (corrupt model)", {name});
  }
  lem.index();
  return lem;
}

}  // namespace textgraph::tagger
