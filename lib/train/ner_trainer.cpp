// `textgraph train ner`: the NER tagger, trained from IOB2 files into one
// "ner" model: a structured (Viterbi-decoded) averaged perceptron over
// BILOU labels (Collins 2002), with the best epoch chosen on the dev file.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <ostream>
#include <set>

#include "core/error.h"
#include "ner/ner_model.h"
#include "ner/self_test.h"
#include "textgraph/actors.h"
#include "textgraph/train.h"
#include "train/epochs.h"
#include "train/ner_neural.h"

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
  for (const Sentence& x : c.sentences) {
    c.words += x.words.size();
    c.entities += entity_spans(x).size();
  }
  return c;
}

// UNER English EWT is CC BY-SA 4.0 like the treebank it annotates.
std::string license_of(const std::vector<Corpus>& corpora) {
  for (const Corpus& c : corpora)
    if (ner::ascii_lower(c.name).find("ewt") == std::string::npos)
      return "unknown: see the licenses of the training data";
  return "CC BY-SA 4.0";
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

// A training sentence, prepared once.
struct Example {
  PreparedSentence prepared;
  std::vector<int> gold;
};

class Trainer {
 public:
  explicit Trainer(const NerTrainOptions& options) : options_(options), log_(options.log) {}
  NerTrainResult run(const std::string& output_path);

 private:
  // One structured perceptron step on one sentence.
  void learn(train::PerceptronTrainer& trainer, const Example& ex);
  // The dev sentences tagged with a weight table.
  std::vector<Sentence> tag_dev(const train::WeightTable& table);
  // The dev sentences tagged with a candidate network.
  std::vector<Sentence> tag_dev(const ner::NeuralNer& net);
  // Hybrid: the weight of the perceptron's scores next to the network's,
  // the best on dev of a fixed grid (the grid's middle without dev data).
  void choose_mix();
  int perceptron_epoch_ = 0;
  // Trains the BiLSTM scorer into model_.
  void train_neural(const std::vector<const Sentence*>& sentences, NerTrainResult& result);
  // Saves model_, reloads it, fills the rest of result.
  NerTrainResult finish(const std::string& output_path, const std::vector<Corpus>& corpora,
                        const std::string& dev_name, const std::string& actors_name,
                        NerTrainResult& result, std::chrono::steady_clock::time_point start);
  std::string metadata(const std::vector<Corpus>& corpora, const std::string& dev_name,
                       const std::string& actors_name, const NerTrainResult& result);

  const NerTrainOptions& options_;
  std::ostream* log_;
  NerModel model_;
  std::vector<Example> train_;
  std::vector<PreparedSentence> dev_;
  std::vector<Sentence> dev_gold_;
  // Scratch.
  std::vector<float> emit_, trans_;
  std::vector<int> predicted_;
};

void Trainer::learn(train::PerceptronTrainer& trainer, const Example& ex) {
  const std::size_t n = ex.gold.size();
  const int L = model_.labels.size();
  const auto Ls = static_cast<std::size_t>(L);
  // Transition scores from the current weights, masked like Scorer::set.
  trans_.assign((Ls + 1) * Ls, 0.0f);
  for (int prev = LabelSet::kStart; prev < L; ++prev) {
    const std::uint64_t key = ner::transition_key(prev);
    float* row = trans_.data() + static_cast<std::size_t>(prev + 1) * Ls;
    trainer.add_scores(std::span<const std::uint64_t>(&key, 1), row);
    for (int cur = 0; cur < L; ++cur)
      if (!model_.labels.allowed(prev, cur)) row[cur] = -std::numeric_limits<float>::infinity();
  }
  const PreparedSentence& p = ex.prepared;
  auto feats = [&](std::size_t i) {
    return std::span<const std::uint64_t>(p.feats.data() + p.offsets[i],
                                          p.offsets[i + 1] - p.offsets[i]);
  };
  emit_.assign(n * Ls, 0.0f);
  for (std::size_t i = 0; i < n; ++i) trainer.add_scores(feats(i), emit_.data() + i * Ls);
  ner::viterbi(model_.labels, emit_.data(), n, trans_.data(), predicted_);
  // The update: +1 on the gold sequence's features, -1 on the predicted
  // one's, where they differ (word features by position, transitions by pair).
  for (std::size_t i = 0; i < n; ++i) {
    const int gold = ex.gold[i], guess = predicted_[i];
    trainer.update(feats(i), gold, guess);
    const int gold_prev = i ? ex.gold[i - 1] : LabelSet::kStart;
    const int guess_prev = i ? predicted_[i - 1] : LabelSet::kStart;
    if (gold_prev != guess_prev || gold != guess) {
      const std::uint64_t g = ner::transition_key(gold_prev), q = ner::transition_key(guess_prev);
      trainer.update(std::span<const std::uint64_t>(&g, 1), gold, -1, 1.0f);
      trainer.update(std::span<const std::uint64_t>(&q, 1), guess, -1, -1.0f);
    }
  }
  trainer.tick();
}

std::vector<Sentence> Trainer::tag_dev(const train::WeightTable& table) {
  ner::Scorer scorer;
  scorer.set(table, model_.labels);
  std::vector<Sentence> out = dev_gold_;
  std::vector<int> labels;
  for (std::size_t i = 0; i < dev_.size(); ++i) {
    ner::decode(model_, scorer, dev_[i], labels);
    model_.labels.decode(labels, out[i]);
  }
  return out;
}

std::vector<Sentence> Trainer::tag_dev(const ner::NeuralNer& net) {
  NerModel m = model_;
  m.set_neural(std::make_shared<ner::NeuralNer>(net));
  std::vector<Sentence> out = dev_gold_;
  PreparedSentence p;
  std::vector<int> labels;
  for (Sentence& s : out) {
    ner::prepare(m, s, p);
    ner::decode(m, m.scorer, p, labels);
    m.labels.decode(labels, s);
  }
  return out;
}

void Trainer::train_neural(const std::vector<const Sentence*>& sentences, NerTrainResult& result) {
  train::NeuralTrainOptions o;
  o.config.lstm_dim = options_.lstm_dim;
  o.config.word_dim = options_.word_dim;
  o.config.crf = options_.crf ? 1 : 0;
  o.batch = options_.batch;
  o.encoding_dropout = options_.dropout;
  o.input_dropout = options_.input_dropout;
  o.word_dropout = options_.word_dropout;
  o.epochs = options_.epochs;
  o.patience = options_.patience;
  o.seed = options_.seed;
  o.min_word_count = options_.min_word_count;
  o.log = log_;
  std::vector<train::NeuralExample> examples(sentences.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    train::NeuralExample& ex = examples[i];
    ex.sentence = sentences[i];
    ner::prepare_sentence(*sentences[i], model_.gazetteer, model_.casing, model_.vocabulary,
                          ex.toks, ex.info);
    ex.gold = model_.labels.encode(*sentences[i]);
  }
  auto dev_f1 = [&](const ner::NeuralNer& net) {
    const NerScores s = compare_entities(dev_gold_, tag_dev(net));
    if (log_) *log_ << "  dev " << scores_line(s) << "\n";
    return s.all.f1();
  };
  model_.set_neural(train::train_neural_ner(o, examples, model_.labels.size(), model_.labels,
                                            dev_f1, !dev_gold_.empty(), result.best_epoch));
}

void Trainer::choose_mix() {
  // Perceptron scores are sums of averaged weights, far larger than
  // log-probabilities: the grid spans four orders of magnitude.
  const float grid[] = {1e-4f, 2e-4f, 5e-4f, 1e-3f, 2e-3f, 5e-3f, 1e-2f, 2e-2f, 5e-2f, 0.1f, 1.0f};
  model_.mix = 2e-3f;
  if (dev_gold_.empty()) return;
  double best = -1;
  for (float m : grid) {
    NerModel trial = model_;
    trial.mix = m;
    std::vector<Sentence> tagged = dev_gold_;
    for (Sentence& s : tagged) ner::tag_sentence(trial, s);
    const NerScores s = compare_entities(dev_gold_, tagged);
    if (log_) *log_ << "  mix " << m << ": dev " << scores_line(s) << "\n";
    if (s.all.f1() > best) {
      best = s.all.f1();
      model_.mix = m;
    }
  }
  if (log_) *log_ << "ner: perceptron scores mixed in with weight " << model_.mix << "\n";
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
    fail(ErrorCode::kInvalidInput, "the training files hold no entity",
         {options_.train_files.front()});
  model_.labels = LabelSet(std::vector<std::string>(types.begin(), types.end()));

  // Gazetteer from the actor dictionary; casing lexicon and vocabulary from
  // the training text.
  std::string actors_name = "none";
  if (options_.actors_file != "none") {
    ActorDictionary actors;
    const std::string path =
        options_.actors_file.empty() ? default_model_dir() + "/actors.tsv" : options_.actors_file;
    if (Status s = actors.add_file(path); !s.ok()) throw Error(s.code(), s.message(), s.where());
    model_.gazetteer.add_actors(actors);
    actors_name = std::filesystem::path(path).filename().string();
  }
  model_.gazetteer.finish();
  model_.casing = ner::build_casing_lexicon(sentences, options_.casing_min_count);
  model_.vocabulary = ner::build_vocabulary(sentences, options_.min_word_count);
  if (options_.architecture != "perceptron" && options_.architecture != "bilstm" &&
      options_.architecture != "hybrid")
    fail(ErrorCode::kUsage,
         "unknown architecture '" + options_.architecture + "' (perceptron, bilstm or hybrid)");
  NerTrainResult result;
  if (options_.architecture != "perceptron") {
    if (options_.lstm_dim < 1 || options_.lstm_dim > 1024 || options_.word_dim < 1 ||
        options_.word_dim > 1024 || options_.batch < 1 || !(options_.dropout >= 0) ||
        options_.dropout >= 1 || !(options_.input_dropout >= 0) || options_.input_dropout >= 1 ||
        !(options_.word_dropout >= 0))
      fail(ErrorCode::kUsage,
           "LSTM and word sizes must be within 1..1024, the batch positive, "
           "dropouts within [0, 1)");
  }
  if (options_.architecture == "bilstm") {
    dev_gold_ = dev.sentences;
    if (log_)
      *log_ << "ner: " << sentences.size() << " sentences, " << model_.labels.size() << " labels, "
            << model_.gazetteer.size() << " gazetteer entries, " << model_.casing.size()
            << " casing entries\n";
    train_neural(sentences, result);
    return finish(output_path, corpora, dev.name, actors_name, result, start);
  }

  train_.resize(sentences.size());
  std::size_t train_words = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    ner::prepare(model_, *sentences[i], train_[i].prepared);
    train_[i].gold = model_.labels.encode(*sentences[i]);
    train_words += sentences[i]->words.size();
  }
  dev_gold_ = dev.sentences;
  dev_.resize(dev_gold_.size());
  for (std::size_t i = 0; i < dev_gold_.size(); ++i) ner::prepare(model_, dev_gold_[i], dev_[i]);
  if (log_)
    *log_ << "ner: " << train_.size() << " sentences, " << train_words << " words, "
          << model_.labels.size() << " labels, " << model_.gazetteer.size()
          << " gazetteer entries, " << model_.casing.size() << " casing entries, "
          << model_.vocabulary.size() << " known words\n";

  result.best_epoch = options_.epochs;
  train::PerceptronTrainer trainer(model_.labels.size());
  train::EpochOptions eo;
  eo.epochs = options_.epochs;
  eo.patience = dev_.empty() ? options_.epochs : options_.patience;
  eo.seed = options_.seed;
  train::WeightTable weights = train::run_epochs(
      trainer, train_.size(), eo, [&](std::size_t k) { learn(trainer, train_[k]); },
      [&](const train::WeightTable& t) {
        if (dev_.empty()) return 0.0;
        const NerScores s = compare_entities(dev_gold_, tag_dev(t));
        if (log_) *log_ << "  dev " << scores_line(s) << "\n";
        return s.all.f1();
      },
      [&](const train::EpochReport& r) {
        if (r.best) result.best_epoch = r.epoch;
        if (log_)
          *log_ << "  epoch " << r.epoch << (r.best ? " *" : "") << "  (" << r.features
                << " features, " << static_cast<int>(r.seconds) << " s)\n";
      });
  // Without dev data every epoch scores the same and the first is kept:
  // take the last, averaged over all epochs, instead.
  if (dev_.empty()) {
    weights = trainer.average();
    result.best_epoch = options_.epochs;
  }
  model_.scorer.set(std::move(weights), model_.labels);
  if (log_)
    *log_ << "ner: kept epoch " << result.best_epoch << ", " << model_.scorer.weights.num_features()
          << " features, " << model_.scorer.weights.num_weights() << " weights\n";
  if (options_.architecture == "hybrid") {
    perceptron_epoch_ = result.best_epoch;
    train_neural(sentences, result);
    choose_mix();
  }
  return finish(output_path, corpora, dev.name, actors_name, result, start);
}

NerTrainResult Trainer::finish(const std::string& output_path, const std::vector<Corpus>& corpora,
                               const std::string& dev_name, const std::string& actors_name,
                               NerTrainResult& result,
                               std::chrono::steady_clock::time_point start) {
  if (!dev_gold_.empty()) {
    std::vector<Sentence> tagged = dev_gold_;
    for (Sentence& s : tagged) ner::tag_sentence(model_, s);
    result.dev = compare_entities(dev_gold_, tagged);
  }

  ModelFile file;
  file.kind = kNerModelKind;
  file.metadata_json = metadata(corpora, dev_name, actors_name, result);
  model_.save_sections(file);
  if (Status s = save_model(file, output_path); !s.ok())
    throw Error(s.code(), s.message(), s.where());
  // Read it back through the public loader: the file must pass its own self-test.
  Result<NerTagger> check = NerTagger::load(output_path);
  if (!check.ok())
    fail(ErrorCode::kInternal,
         "the model just written does not load: " + check.status().to_string());
  result.model_bytes = std::filesystem::file_size(output_path);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (log_) {
    if (!dev_name.empty()) *log_ << "dev " << dev_name << ": " << scores_line(result.dev) << "\n";
    *log_ << "wrote " << output_path << " (" << result.model_bytes << " bytes) in "
          << static_cast<int>(result.seconds) << " s\n";
  }
  return result;
}

std::string Trainer::metadata(const std::vector<Corpus>& corpora, const std::string& dev_name,
                              const std::string& actors_name, const NerTrainResult& result) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("kind");
  w.String(kNerModelKind);
  w.Key("description");
  w.String(model_.neural && model_.mix > 0
               ? "named entities (IOB2), BiLSTM and averaged perceptron scores summed over BILOU "
                 "labels, constrained Viterbi"
           : model_.neural
               ? (model_.neural->config.crf
                      ? "named entities (IOB2), BiLSTM with a linear-chain CRF over BILOU labels"
                      : "named entities (IOB2), BiLSTM over BILOU labels, constrained Viterbi")
               : "named entities (IOB2), Viterbi-decoded averaged perceptron over BILOU labels");
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
  w.Key("min_word_count");
  w.Int(options_.min_word_count);
  w.Key("casing_min_count");
  w.Int(options_.casing_min_count);
  w.Key("best_epoch");
  w.Int(result.best_epoch);
  w.Key("architecture");
  w.String(options_.architecture.c_str());
  if (model_.neural) {
    const ner::NeuralConfig& c = model_.neural->config;
    w.Key("lstm_dim");
    w.Int(c.lstm_dim);
    w.Key("word_dim");
    w.Int(c.word_dim);
    w.Key("crf");
    w.Bool(c.crf != 0);
    w.Key("batch");
    w.Int(options_.batch);
    w.Key("dropout");
    w.Double(options_.dropout);
    w.Key("input_dropout");
    w.Double(options_.input_dropout);
    w.Key("word_dropout");
    w.Double(options_.word_dropout);
    w.Key("parameters");
    w.Uint64(model_.neural->parameter_count());
    if (model_.mix > 0) {
      w.Key("mix");
      w.Double(model_.mix);
      w.Key("perceptron_best_epoch");
      w.Int(perceptron_epoch_);
    }
  }
  w.EndObject();
  if (!dev_name.empty()) {
    w.Key("dev");
    w.StartObject();
    w.Key("file");
    w.String(dev_name.c_str());
    w.Key("scores");
    write_scores(w, result.dev);
    w.EndObject();
  }
  w.Key("self_test");
  w.StartArray();
  for (Sentence& s : ner::self_test_document()) {
    ner::tag_sentence(model_, s);
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
  w.EndArray();
  w.EndObject();
  return buf.GetString();
}

}  // namespace

Result<NerTrainResult> train_ner(const NerTrainOptions& options, const std::string& output_path) {
  return guard_result<NerTrainResult>([&] { return Trainer(options).run(output_path); });
}

}  // namespace textgraph
