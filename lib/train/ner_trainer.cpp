// `textgraph train ner`: the NER tagger, trained from IOB2 files into one
// "ner" model. A structured (Viterbi-decoded) averaged perceptron over
// BILOU labels; optionally a second, document-level pass trained on
// jackknifed first-pass output.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <limits>
#include <set>
#include <map>
#include <iostream>
#include <cstdlib>
#include "textgraph/conllu.h"

#include "core/error.h"
#include "ner/ner_model.h"
#include "ner/self_test.h"
#include "textgraph/actors.h"
#include "textgraph/train.h"
#include "train/epochs.h"

namespace textgraph {

namespace {

using ner::LabelSet;
using ner::NerModel;
using ner::PreparedSentence;

struct Corpus {
  std::string name;  // file name without directories (recorded in the model)
  std::vector<Sentence> sentences;
  std::size_t words = 0;
  std::size_t entities = 0;
};

Corpus read_corpus(const std::string& path) {
  Result<std::vector<Sentence>> s = read_iob2(path);
  if (!s.ok()) throw Error(s.status().code(), s.status().message(), s.status().where());
  Corpus c;
  c.name = std::filesystem::path(path).filename().string();
  c.sentences = std::move(*s);
  // EXPERIMENT: POS tags joined by sent_id.
  for (const char* var : {"TG_NER_POS_TRAIN", "TG_NER_POS_DEV"}) {
    const char* f = std::getenv(var);
    if (!f) continue;
    auto conllu = read_conllu(f);
    if (!conllu.ok()) continue;
    std::map<std::string, const Sentence*> by_id;
    for (const Sentence& x : *conllu) by_id[x.id] = &x;
    std::size_t joined = 0;
    for (Sentence& x : c.sentences) {
      auto it = by_id.find(x.id);
      if (it == by_id.end() || it->second->words.size() != x.words.size()) continue;
      ++joined;
      for (std::size_t i = 0; i < x.words.size(); ++i) x.words[i].xpos = it->second->words[i].xpos;
    }
    std::cerr << var << ": joined " << joined << " of " << c.sentences.size() << "\n";
  }
  for (const Sentence& x : c.sentences) {
    c.words += x.words.size();
    c.entities += entity_spans(x).size();
  }
  return c;
}

bool starts_document(const Sentence& s) {
  return std::any_of(s.comments.begin(), s.comments.end(),
                     [](const std::string& c) { return c.rfind("newdoc", 0) == 0; });
}

std::string license_of(const std::vector<Corpus>& corpora) {
  for (const Corpus& c : corpora) {
    std::string n = ner::ascii_lower(c.name);
    if (n.find("ewt") == std::string::npos) return "unknown: see the licenses of the training data";
  }
  return "CC BY-SA 4.0";
}

// A training or dev sentence, prepared once.
struct Example {
  const Sentence* sentence = nullptr;
  PreparedSentence prepared;
  PreparedSentence unknown;  // every word unknown (word dropout)
  std::vector<int> gold;
  std::size_t document = 0;  // index of its document
};

// Documents as ranges of example indices.
std::vector<std::pair<std::size_t, std::size_t>> documents_of(std::vector<Example>& examples) {
  std::vector<std::pair<std::size_t, std::size_t>> docs;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    if (i == 0 || starts_document(*examples[i].sentence)) docs.emplace_back(i, i);
    docs.back().second = i + 1;
    examples[i].document = docs.size() - 1;
  }
  return docs;
}

std::string scores_line(const NerScores& s) {
  std::string out;
  char buf[96];
  for (const auto& [type, c] : s.by_type) {
    std::snprintf(buf, sizeof buf, "%s %.2f  ", type.c_str(), c.f1());
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "all P %.2f R %.2f F1 %.2f", s.all.precision(), s.all.recall(),
                s.all.f1());
  return out + buf;
}

void write_counts(rapidjson::Writer<rapidjson::StringBuffer>& w, const EntityCounts& c) {
  auto num = [&](const char* k, double v) {
    w.Key(k);
    w.Double(std::round(v * 100) / 100);
  };
  w.StartObject();
  w.Key("gold");
  w.Uint64(c.gold);
  w.Key("predicted");
  w.Uint64(c.predicted);
  w.Key("correct");
  w.Uint64(c.correct);
  num("precision", c.precision());
  num("recall", c.recall());
  num("f1", c.f1());
  w.EndObject();
}

void write_scores(rapidjson::Writer<rapidjson::StringBuffer>& w, const NerScores& s) {
  w.StartObject();
  w.Key("sentences");
  w.Uint64(s.sentences);
  w.Key("words");
  w.Uint64(s.words);
  w.Key("all");
  write_counts(w, s.all);
  for (const auto& [type, c] : s.by_type) {
    w.Key(type.c_str());
    write_counts(w, c);
  }
  w.EndObject();
}

// The mean of several weight tables (models trained on different orders
// of the data): smoother weights than any one of them.
train::WeightTable mean_table(const std::vector<train::WeightTable>& tables) {
  std::map<std::uint64_t, std::map<std::uint16_t, float>> sum;
  for (const train::WeightTable& t : tables)
    for (const train::WeightTable::Row& r : t.rows())
      for (const auto& [c, w] : r.weights) sum[r.key][c] += w;
  std::vector<train::WeightTable::Row> rows;
  const float k = static_cast<float>(tables.size());
  for (const auto& [key, weights] : sum) {
    train::WeightTable::Row row{key, {}};
    for (const auto& [c, w] : weights) row.weights.emplace_back(c, w / k);
    rows.push_back(std::move(row));
  }
  return train::WeightTable::build(tables.front().num_classes(), std::move(rows));
}

class Trainer {
 public:
  Trainer(const NerTrainOptions& options) : options_(options), log_(options.log) {}
  NerTrainResult run(const std::string& output_path);

 private:
  void learn(train::PerceptronTrainer& trainer, const Example& ex,
             const std::vector<ner::DocumentContext>* context);
  // Trains a pass on a subset of the examples; with dev selection the best
  // dev epoch is kept (and reported in *best_epoch), else all epochs run.
  train::WeightTable train_pass(const std::vector<std::size_t>& subset,
                                const std::vector<std::vector<ner::DocumentContext>>* contexts,
                                int epochs, bool dev_select, int* best_epoch, const char* label);
  // Dev F1 of a first pass, or of a second pass over the given first pass.
  std::vector<Sentence> tag_dev(const train::WeightTable& first, const train::WeightTable* second);
  std::vector<std::vector<ner::DocumentContext>> contexts_of(
      const std::vector<Example>& examples, const std::vector<std::pair<std::size_t, std::size_t>>& docs,
      const std::vector<std::vector<int>>& first_labels);

  const NerTrainOptions& options_;
  std::ostream* log_;
  NerModel model_;
  std::vector<Example> train_;
  std::vector<Example> dev_;
  std::vector<std::pair<std::size_t, std::size_t>> train_docs_;
  std::vector<std::pair<std::size_t, std::size_t>> dev_docs_;
  std::vector<Sentence> dev_gold_;
  // Scratch.
  std::vector<float> emit_, trans_;
  std::vector<int> predicted_;
  std::vector<std::uint64_t> feats_;
  std::vector<bool> dropped_;
  double dropout_ = std::getenv("TG_NER_DROPOUT") ? std::atof(std::getenv("TG_NER_DROPOUT")) : 0.0;
  train::Rng rng_{options_.seed ^ 0x5bd1e995ULL};
};

void Trainer::learn(train::PerceptronTrainer& trainer, const Example& ex,
                    const std::vector<ner::DocumentContext>* context) {
  const std::size_t n = ex.gold.size();
  const int L = model_.labels.size();
  const auto Ls = static_cast<std::size_t>(L);
  trans_.assign((Ls + 1) * Ls, 0.0f);
  for (int prev = LabelSet::kStart; prev < L; ++prev) {
    const std::uint64_t key = ner::transition_key(prev);
    float* row = trans_.data() + static_cast<std::size_t>(prev + 1) * Ls;
    trainer.add_scores(std::span<const std::uint64_t>(&key, 1), row);
    for (int cur = 0; cur < L; ++cur)
      if (!model_.labels.allowed(prev, cur)) row[cur] = -std::numeric_limits<float>::infinity();
  }
  emit_.assign(n * Ls, 0.0f);
  dropped_.assign(n, false);
  if (dropout_ > 0 && !ex.unknown.toks.empty())
    for (std::size_t i = 0; i < n; ++i) dropped_[i] = rng_.below(1000000) < dropout_ * 1000000;
  auto word_feats = [&](std::size_t i) {
    const PreparedSentence& p = dropped_[i] ? ex.unknown : ex.prepared;
    feats_.assign(p.feats.begin() + p.offsets[i], p.feats.begin() + p.offsets[i + 1]);
    if (context) ner::document_features(ex.prepared.toks, i, (*context)[i], feats_);
  };
  for (std::size_t i = 0; i < n; ++i) {
    word_feats(i);
    trainer.add_scores(feats_, emit_.data() + i * Ls);
  }
  ner::viterbi(model_.labels, emit_.data(), n, trans_.data(), predicted_);
  for (std::size_t i = 0; i < n; ++i) {
    const int gold = ex.gold[i], guess = predicted_[i];
    if (gold != guess) {
      word_feats(i);
      trainer.update(feats_, gold, guess);
    }
    const int gold_prev = i ? ex.gold[i - 1] : LabelSet::kStart;
    const int guess_prev = i ? predicted_[i - 1] : LabelSet::kStart;
    if (gold_prev != guess_prev || gold != guess) {
      const std::uint64_t g = ner::transition_key(gold_prev), p = ner::transition_key(guess_prev);
      trainer.update(std::span<const std::uint64_t>(&g, 1), gold, -1, 1.0f);
      trainer.update(std::span<const std::uint64_t>(&p, 1), guess, -1, -1.0f);
    }
  }
  trainer.tick();
}

std::vector<std::vector<ner::DocumentContext>> Trainer::contexts_of(
    const std::vector<Example>& examples, const std::vector<std::pair<std::size_t, std::size_t>>& docs,
    const std::vector<std::vector<int>>& first_labels) {
  std::vector<std::vector<ner::DocumentContext>> out(examples.size());
  for (const auto& [b, e] : docs) {
    std::vector<const PreparedSentence*> ps;
    std::vector<const std::vector<int>*> fl;
    for (std::size_t i = b; i < e; ++i) {
      ps.push_back(&examples[i].prepared);
      fl.push_back(&first_labels[i]);
    }
    std::vector<std::vector<ner::DocumentContext>> c;
    ner::document_contexts(model_.labels, ps, fl, c);
    for (std::size_t i = b; i < e; ++i) out[i] = std::move(c[i - b]);
  }
  return out;
}

std::vector<Sentence> Trainer::tag_dev(const train::WeightTable& first,
                                       const train::WeightTable* second) {
  ner::Pass p1, p2;
  p1.set(first, model_.labels);
  std::vector<std::vector<int>> labels(dev_.size());
  for (std::size_t i = 0; i < dev_.size(); ++i) ner::decode(model_, p1, dev_[i].prepared, nullptr, labels[i]);
  if (second) {
    p2.set(*second, model_.labels);
    const auto contexts = contexts_of(dev_, dev_docs_, labels);
    for (std::size_t i = 0; i < dev_.size(); ++i)
      ner::decode(model_, p2, dev_[i].prepared, &contexts[i], labels[i]);
  }
  std::vector<Sentence> out = dev_gold_;
  for (std::size_t i = 0; i < dev_.size(); ++i) model_.labels.decode(labels[i], out[i]);
  return out;
}

train::WeightTable Trainer::train_pass(const std::vector<std::size_t>& subset,
                                       const std::vector<std::vector<ner::DocumentContext>>* contexts,
                                       int epochs, bool dev_select, int* best_epoch, const char* label) {
  train::PerceptronTrainer trainer(model_.labels.size());
  train::EpochOptions eo;
  eo.epochs = epochs;
  const bool select = dev_select && !dev_.empty();
  eo.patience = select ? options_.patience : epochs;
  eo.seed = options_.seed;
  int epoch = 0;
  // The second pass is scored over the first pass kept so far (model_.first).
  return train::run_epochs(
      trainer, subset.size(), eo,
      [&](std::size_t k) {
        const std::size_t e = subset[k];
        learn(trainer, train_[e], contexts ? &(*contexts)[e] : nullptr);
      },
      [&](const train::WeightTable& t) {
        ++epoch;
        if (!select) return static_cast<double>(epoch);
        const NerScores s = contexts ? compare_entities(dev_gold_, tag_dev(model_.first.weights, &t))
                                     : compare_entities(dev_gold_, tag_dev(t, nullptr));
        if (log_) *log_ << "  dev " << scores_line(s);
        return s.all.f1();
      },
      [&](const train::EpochReport& r) {
        if (r.best && best_epoch) *best_epoch = r.epoch;
        if (log_)
          *log_ << (select ? "\n" : "") << "  " << label << " epoch " << r.epoch
                << (r.best ? " *" : "") << "  (" << r.features << " features, "
                << static_cast<int>(r.seconds) << " s)\n";
      });
}

NerTrainResult Trainer::run(const std::string& output_path) {
  const auto start = std::chrono::steady_clock::now();
  if (options_.train_files.empty()) fail(ErrorCode::kUsage, "no training files given");
  std::vector<Corpus> corpora;
  for (const std::string& f : options_.train_files) corpora.push_back(read_corpus(f));
  Corpus dev;
  if (!options_.dev_file.empty()) dev = read_corpus(options_.dev_file);

  // Entity types, in string order.
  std::set<std::string> types;
  std::vector<const Sentence*> sentences;
  for (const Corpus& c : corpora)
    for (const Sentence& s : c.sentences) {
      sentences.push_back(&s);
      for (const EntitySpan& e : entity_spans(s)) types.insert(e.type);
    }
  if (types.empty())
    fail(ErrorCode::kInvalidInput, "the training files hold no entity", {options_.train_files.front()});
  model_.labels = LabelSet(std::vector<std::string>(types.begin(), types.end()));

  // Gazetteer from the actor dictionary, casing lexicon from the training text.
  std::string actors_name = "none";
  if (options_.actors_file != "none") {
    ActorDictionary actors;
    const std::string path = options_.actors_file.empty()
                                 ? default_model_dir() + "/actors.tsv"
                                 : options_.actors_file;
    if (Status s = actors.add_file(path); !s.ok()) throw Error(s.code(), s.message(), s.where());
    model_.gazetteer.add_actors(actors);
    actors_name = std::filesystem::path(path).filename().string();
  }
  model_.gazetteer.finish();
  model_.casing = ner::build_casing_lexicon(sentences, options_.casing_min_count);
  model_.vocabulary = ner::build_vocabulary(sentences, options_.min_word_count);

  train_.resize(sentences.size());
  NerModel unknown_model = model_;
  unknown_model.vocabulary.clear();
  std::size_t train_words = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    train_[i].sentence = sentences[i];
    ner::prepare(model_, *sentences[i], train_[i].prepared);
    if (dropout_ > 0) ner::prepare(unknown_model, *sentences[i], train_[i].unknown);
    train_[i].gold = model_.labels.encode(*sentences[i]);
    train_words += sentences[i]->words.size();
  }
  train_docs_ = documents_of(train_);
  dev_.resize(dev.sentences.size());
  for (std::size_t i = 0; i < dev.sentences.size(); ++i) {
    dev_[i].sentence = &dev.sentences[i];
    ner::prepare(model_, dev.sentences[i], dev_[i].prepared);
  }
  dev_docs_ = documents_of(dev_);
  dev_gold_ = dev.sentences;
  if (log_)
    *log_ << "ner: " << train_.size() << " sentences, " << train_words << " words, "
          << train_docs_.size() << " documents, " << model_.labels.size() << " labels, "
          << model_.gazetteer.size() << " gazetteer entries, " << model_.casing.size()
          << " casing entries, " << model_.vocabulary.size() << " known words\n";

  NerTrainResult result;
  if (const char* e = std::getenv("TG_NER_CV")) {
    // EXPERIMENT: k-fold cross-validation by document, fixed epochs.
    const std::size_t folds = std::atoi(e);
    std::vector<Sentence> gold, sys;
    for (std::size_t f = 0; f < folds; ++f) {
      std::vector<std::size_t> rest;
      for (std::size_t i = 0; i < train_.size(); ++i)
        if (train_[i].document % folds != f) rest.push_back(i);
      ner::Pass p;
      p.set(train_pass(rest, nullptr, options_.epochs, false, nullptr, "cv"), model_.labels);
      std::vector<int> y;
      for (std::size_t i = 0; i < train_.size(); ++i)
        if (train_[i].document % folds == f) {
          ner::decode(model_, p, train_[i].prepared, nullptr, y);
          gold.push_back(*train_[i].sentence);
          sys.push_back(*train_[i].sentence);
          model_.labels.decode(y, sys.back());
        }
    }
    const NerScores s = compare_entities(gold, sys);
    std::cout << "CV " << scores_line(s) << "\n";
    std::exit(0);
  }
  std::vector<std::size_t> all(train_.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  result.best_epoch = options_.epochs;
  model_.first.set(train_pass(all, nullptr, options_.epochs, true, &result.best_epoch, "pass 1"),
                   model_.labels);
  if (const char* e = std::getenv("TG_NER_ENSEMBLE")) {
    std::vector<train::WeightTable> tables{model_.first.weights};
    NerTrainOptions o = options_;
    for (int k = 1; k < std::atoi(e); ++k) {
      const_cast<NerTrainOptions&>(options_).seed = o.seed + 1000 * k;
      tables.push_back(train_pass(all, nullptr, result.best_epoch, false, nullptr, "member"));
    }
    const_cast<NerTrainOptions&>(options_).seed = o.seed;
    model_.first.set(mean_table(tables), model_.labels);
  }
  if (log_)
    *log_ << "ner pass 1: kept epoch " << result.best_epoch << ", "
          << model_.first.weights.num_features() << " features, "
          << model_.first.weights.num_weights() << " weights\n";
  if (!dev_.empty())
    result.dev_first_pass = compare_entities(dev_gold_, tag_dev(model_.first.weights, nullptr));

  if (options_.passes >= 2) {
    // The second pass learns from first-pass labels as they are on unseen
    // text: each fold of documents is tagged by a first pass trained without it.
    std::vector<std::vector<int>> first(train_.size());
    const std::size_t folds = static_cast<std::size_t>(std::max(2, options_.folds));
    for (std::size_t f = 0; f < folds; ++f) {
      std::vector<std::size_t> rest;
      for (std::size_t i = 0; i < train_.size(); ++i)
        if (train_[i].document % folds != f) rest.push_back(i);
      ner::Pass p;
      p.set(train_pass(rest, nullptr, result.best_epoch, false, nullptr, "fold"), model_.labels);
      for (std::size_t i = 0; i < train_.size(); ++i)
        if (train_[i].document % folds == f) ner::decode(model_, p, train_[i].prepared, nullptr, first[i]);
    }
    const auto contexts = contexts_of(train_, train_docs_, first);
    result.best_epoch2 = options_.epochs;
    model_.second.set(train_pass(all, &contexts, options_.epochs, true, &result.best_epoch2, "pass 2"),
                      model_.labels);
    if (log_)
      *log_ << "ner pass 2: kept epoch " << result.best_epoch2 << ", "
            << model_.second.weights.num_features() << " features, "
            << model_.second.weights.num_weights() << " weights\n";
  }

  // Dev scores of the whole tagger, the way NerTagger runs it.
  if (!dev_.empty()) {
    std::vector<Sentence> tagged = dev_gold_;
    for (const auto& [b, e] : dev_docs_)
      ner::tag_document(model_, std::span<Sentence>(tagged.data() + b, e - b));
    result.dev = compare_entities(dev_gold_, tagged);
  }

  // Metadata.
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("kind");
  w.String(kNerModelKind);
  w.Key("description");
  w.String("named entities (IOB2), Viterbi-decoded averaged perceptron over BILOU labels");
  w.Key("types");
  w.StartArray();
  for (const std::string& t : model_.labels.types()) w.String(t.c_str());
  w.EndArray();
  w.Key("data");
  w.StartArray();
  for (const Corpus& c : corpora) {
    w.StartObject();
    w.Key("file");
    w.String(c.name.c_str());
    w.Key("sentences");
    w.Uint64(c.sentences.size());
    w.Key("words");
    w.Uint64(c.words);
    w.Key("entities");
    w.Uint64(c.entities);
    w.EndObject();
  }
  w.EndArray();
  w.Key("gazetteer");
  w.StartObject();
  w.Key("file");
  w.String(actors_name.c_str());
  w.Key("entries");
  w.Uint64(model_.gazetteer.size());
  w.EndObject();
  w.Key("license");
  w.String(options_.license.empty() ? license_of(corpora).c_str() : options_.license.c_str());
  w.Key("command");
  w.String(options_.command.c_str());
  w.Key("options");
  w.StartObject();
  w.Key("seed");
  w.Uint64(options_.seed);
  w.Key("epochs");
  w.Int(options_.epochs);
  w.Key("patience");
  w.Int(options_.patience);
  w.Key("passes");
  w.Int(options_.passes);
  w.Key("folds");
  w.Int(options_.folds);
  w.Key("casing_min_count");
  w.Int(options_.casing_min_count);
  w.Key("min_word_count");
  w.Int(options_.min_word_count);
  w.Key("best_epoch");
  w.Int(result.best_epoch);
  w.Key("best_epoch_pass2");
  w.Int(result.best_epoch2);
  w.EndObject();
  if (!dev.name.empty()) {
    w.Key("dev");
    w.StartObject();
    w.Key("file");
    w.String(dev.name.c_str());
    w.Key("scores");
    write_scores(w, result.dev);
    w.Key("first_pass");
    write_scores(w, result.dev_first_pass);
    w.EndObject();
  }
  w.Key("self_test");
  w.StartArray();
  {
    std::vector<Sentence> doc = ner::self_test_document();
    ner::tag_document(model_, doc);
    for (const Sentence& s : doc) {
      w.StartObject();
      w.Key("words");
      w.StartArray();
      for (const Word& word : s.words) w.String(word.form.c_str());
      w.EndArray();
      w.Key("expected");
      w.StartArray();
      for (const Word& word : s.words) w.String(word.ner.c_str());
      w.EndArray();
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();

  ModelFile file;
  file.kind = kNerModelKind;
  file.metadata_json = buf.GetString();
  model_.save_sections(file);
  if (Status s = save_model(file, output_path); !s.ok()) throw Error(s.code(), s.message(), s.where());
  // Read it back through the public loader: the file must pass its own self-test.
  Result<NerTagger> check = NerTagger::load(output_path);
  if (!check.ok())
    fail(ErrorCode::kInternal, "the model just written does not load: " + check.status().to_string());
  result.model_bytes = std::filesystem::file_size(output_path);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (log_) {
    if (!dev.name.empty()) {
      *log_ << "dev " << dev.name << " first pass: " << scores_line(result.dev_first_pass) << "\n";
      *log_ << "dev " << dev.name << ": " << scores_line(result.dev) << "\n";
    }
    *log_ << "wrote " << output_path << " (" << result.model_bytes << " bytes) in "
          << static_cast<int>(result.seconds) << " s\n";
  }
  return result;
}

}  // namespace

Result<NerTrainResult> train_ner(const NerTrainOptions& options, const std::string& output_path) {
  return guard_result<NerTrainResult>([&] { return Trainer(options).run(output_path); });
}

}  // namespace textgraph
