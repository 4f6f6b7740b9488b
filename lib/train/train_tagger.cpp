// `textgraph train tagger`: the tag classifier, FEATS dictionary and
// lemmatizer, trained from CoNLL-U files into one "tagger" model.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <ostream>
#include <set>

#include "core/error.h"
#include "tagger/features.h"
#include "tagger/self_test.h"
#include "tagger/tagger_model.h"
#include "textgraph/conllu.h"
#include "textgraph/train.h"
#include "train/epochs.h"

namespace textgraph {

namespace {

using tagger::TaggerModel;

struct Corpus {
  std::string name;  // file name without directories (recorded in the model)
  std::vector<Sentence> sentences;
  std::size_t words = 0;
};

Corpus read_corpus(const std::string& path) {
  Result<std::vector<Sentence>> s = read_conllu(path);
  if (!s.ok()) throw Error(s.status().code(), s.status().message(), s.status().where());
  Corpus c;
  c.name = std::filesystem::path(path).filename().string();
  c.sentences = std::move(*s);
  for (const Sentence& x : c.sentences) c.words += x.words.size();
  return c;
}

bool fully_tagged(const Sentence& s) {
  return !s.words.empty() && std::all_of(s.words.begin(), s.words.end(), [](const Word& w) {
    return !w.upos.empty() && !w.xpos.empty();
  });
}

// The license of the known UD English treebanks, from their file names.
std::string license_of(const std::vector<Corpus>& corpora) {
  bool nc = false, unknown = false;
  for (const Corpus& c : corpora) {
    const std::string n = tagger::ascii_lower(c.name);
    if (n.find("gum") != std::string::npos || n.find("lines") != std::string::npos ||
        n.find("partut") != std::string::npos)
      nc = true;
    else if (n.find("ewt") == std::string::npos && n.find("atis") == std::string::npos &&
             n.find("eslspok") == std::string::npos)
      unknown = true;
  }
  if (nc) return "CC BY-NC-SA 4.0 (non-commercial use only)";
  if (unknown) return "unknown: see the licenses of the training data";
  return "CC BY-SA 4.0";
}

struct TagExample {
  std::vector<tagger::TokenHashes> toks;
  std::vector<int> gold;
};

std::string scores_line(const TaggerScores& s) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "UPOS %.2f  XPOS %.2f  UFeats %.2f  AllTags %.2f  Lemmas %.2f",
                s.upos, s.xpos, s.ufeats, s.alltags, s.lemmas);
  return buf;
}

void write_scores(rapidjson::Writer<rapidjson::StringBuffer>& w, const TaggerScores& s) {
  w.StartObject();
  w.Key("words");
  w.Uint64(s.words);
  auto num = [&](const char* k, double v) {
    w.Key(k);
    w.Double(std::round(v * 100) / 100);
  };
  num("upos", s.upos);
  num("xpos", s.xpos);
  num("ufeats", s.ufeats);
  num("alltags", s.alltags);
  num("lemmas", s.lemmas);
  w.EndObject();
}

TaggerTrainResult run_training(const TaggerTrainOptions& options, const std::string& output_path) {
  const auto start = std::chrono::steady_clock::now();
  std::ostream* log = options.log;
  if (options.train_files.empty()) fail(ErrorCode::kUsage, "no training files given");
  std::vector<Corpus> corpora;
  for (const std::string& f : options.train_files) corpora.push_back(read_corpus(f));
  Corpus dev;
  if (!options.dev_file.empty()) dev = read_corpus(options.dev_file);

  // Classes: the (UPOS, XPOS) pairs of the training data, in string order.
  TaggerModel model;
  std::map<std::pair<std::string, std::string>, int> class_ids;
  std::map<std::string, std::map<std::string, int>> form_xpos;  // lowercase form -> xpos counts
  std::vector<const Sentence*> tag_sentences;
  std::set<const Sentence*> feats_annotated;
  for (const Corpus& c : corpora) {
    const bool has_feats =
        std::any_of(c.sentences.begin(), c.sentences.end(), [](const Sentence& s) {
          return std::any_of(s.words.begin(), s.words.end(),
                             [](const Word& w) { return !w.feats.empty(); });
        });
    for (const Sentence& s : c.sentences) {
      if (!fully_tagged(s)) continue;
      tag_sentences.push_back(&s);
      if (has_feats) feats_annotated.insert(&s);
      for (const Word& w : s.words) {
        class_ids[{w.upos, w.xpos}] = 0;
        ++form_xpos[tagger::ascii_lower(w.form)][w.xpos];
      }
    }
  }
  if (tag_sentences.empty())
    fail(ErrorCode::kInvalidInput,
         "the training files hold no sentence with UPOS and XPOS on every word",
         {options.train_files.front()});
  for (auto& [key, id] : class_ids) {
    id = static_cast<int>(model.upos.size());
    model.upos.push_back(key.first);
    model.xpos.push_back(key.second);
  }
  const int num_classes = model.num_classes();

  // Ambiguity classes: the XPOS tags making up at least 5% of a frequent form's uses.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ambiguity;
  for (const auto& [form, counts] : form_xpos) {
    int total = 0;
    for (const auto& [x, n] : counts) total += n;
    if (total < options.min_ambiguity_count) continue;
    std::string amb;
    for (const auto& [x, n] : counts)
      if (n * 20 >= total) amb += x + " ";
    ambiguity.emplace_back(train::hash_string(form),
                           train::hash_string(amb, 0xa3b195354a39b70dULL));
  }
  model.ambiguity.assign(std::move(ambiguity));

  // FEATS, only from corpora that annotate features at all (ESLSpok has none).
  {
    std::vector<const Sentence*> annotated;
    std::vector<std::vector<int>> annotated_classes;
    for (const Sentence* s : tag_sentences) {
      if (!feats_annotated.count(s)) continue;
      annotated.push_back(s);
      annotated_classes.emplace_back();
      for (const Word& w : s->words)
        annotated_classes.back().push_back(class_ids[{w.upos, w.xpos}]);
    }
    model.feats = tagger::FeatsModel::train(annotated, annotated_classes, model.upos,
                                            options.lemma_epochs, options.seed, log);
  }

  // Tag classifier.
  std::vector<TagExample> examples(tag_sentences.size());
  std::size_t train_words = 0;
  for (std::size_t i = 0; i < tag_sentences.size(); ++i) {
    std::vector<std::string_view> forms;
    for (const Word& w : tag_sentences[i]->words) {
      forms.push_back(w.form);
      examples[i].gold.push_back(class_ids[{w.upos, w.xpos}]);
    }
    tagger::prepare_tokens(forms, model.ambiguity, examples[i].toks);
    train_words += forms.size();
  }
  if (log)
    *log << "tagger: " << tag_sentences.size() << " sentences, " << train_words << " words, "
         << num_classes << " classes, " << model.ambiguity.size() << " ambiguity entries\n";

  // Dev data, prepared once.
  std::vector<std::vector<tagger::TokenHashes>> dev_toks;
  std::vector<std::vector<std::pair<std::string_view, std::string_view>>> dev_gold;
  for (const Sentence& s : dev.sentences) {
    std::vector<std::string_view> forms;
    dev_gold.emplace_back();
    for (const Word& w : s.words) {
      forms.push_back(w.form);
      dev_gold.back().emplace_back(w.upos, w.xpos);
    }
    dev_toks.emplace_back();
    tagger::prepare_tokens(forms, model.ambiguity, dev_toks.back());
  }
  std::vector<std::vector<int>> dev_first(dev_toks.size());

  // One pass: greedy left-to-right training with the tagger's own previous
  // predictions as history (the history it will really see). `first` holds
  // the first pass's classes per example for the second pass.
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(static_cast<std::size_t>(num_classes));
  std::vector<int> predicted;
  auto learn_sentence = [&](train::PerceptronTrainer& trainer, const TagExample& ex,
                            const std::vector<int>* first) {
    predicted.assign(ex.gold.size(), 0);
    for (std::size_t i = 0; i < ex.gold.size(); ++i) {
      feats.clear();
      const int t1 = i >= 1 ? predicted[i - 1] : -1;
      tagger::static_features(ex.toks, i, feats);
      tagger::history_features(ex.toks, i, t1, i >= 2 ? predicted[i - 2] : -1, feats);
      if (first) tagger::right_features(ex.toks, i, *first, t1, feats);
      std::fill(scores.begin(), scores.end(), 0.0f);
      trainer.add_scores(feats, scores.data());
      const int guess = train::argmax(scores.data(), num_classes);
      trainer.update(feats, ex.gold[i], guess);
      trainer.tick();
      predicted[i] = guess;
    }
  };
  // Dev score: mean of UPOS and XPOS accuracy of a pass.
  auto evaluate = [&](const train::WeightTable& table, bool second) {
    if (dev_toks.empty()) return 0.0;
    std::size_t n = 0, upos = 0, xpos = 0;
    std::vector<int> classes;
    for (std::size_t s = 0; s < dev_toks.size(); ++s) {
      tagger::greedy_pass(table, dev_toks[s], second ? &dev_first[s] : nullptr, classes);
      for (std::size_t i = 0; i < classes.size(); ++i) {
        ++n;
        upos += model.upos[static_cast<std::size_t>(classes[i])] == dev_gold[s][i].first;
        xpos += model.xpos[static_cast<std::size_t>(classes[i])] == dev_gold[s][i].second;
      }
    }
    if (log) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "dev UPOS %.2f XPOS %.2f", 100.0 * upos / n, 100.0 * xpos / n);
      *log << buf;
    }
    return (static_cast<double>(upos) + static_cast<double>(xpos)) / (2.0 * static_cast<double>(n));
  };
  // Trains one pass on the given examples; with `dev_select` the best dev
  // epoch is kept, else all `epochs` run.
  auto train_pass = [&](const std::vector<std::size_t>& subset,
                        const std::vector<std::vector<int>>* first, int epochs, bool dev_select,
                        int* best_epoch, const char* label) {
    train::PerceptronTrainer trainer(num_classes);
    train::EpochOptions eo;
    eo.epochs = epochs;
    eo.patience = dev_select && !dev_toks.empty() ? options.patience : epochs;
    eo.seed = options.seed;
    const bool select = dev_select && !dev_toks.empty();
    int epoch = 0;
    return train::run_epochs(
        trainer, subset.size(), eo,
        [&](std::size_t k) {
          const std::size_t e = subset[k];
          learn_sentence(trainer, examples[e], first ? &(*first)[e] : nullptr);
        },
        [&](const train::WeightTable& t) {
          ++epoch;
          return select ? evaluate(t, first != nullptr) : static_cast<double>(epoch);
        },
        [&](const train::EpochReport& r) {
          if (r.best && best_epoch) *best_epoch = r.epoch;
          if (log)
            *log << "  " << label << " epoch " << r.epoch << (r.best ? " *" : "") << "  ("
                 << r.features << " features, " << static_cast<int>(r.seconds) << " s)\n";
        });
  };

  std::vector<std::size_t> all(examples.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  int best_epoch = options.epochs;
  model.weights = train_pass(all, nullptr, options.epochs, true, &best_epoch, "pass 1");
  if (log)
    *log << "tagger pass 1: kept epoch " << best_epoch << ", " << model.weights.num_features()
         << " features, " << model.weights.num_weights() << " weights\n";
  int best_epoch2 = 0;
  if (options.passes >= 2) {
    // The second pass learns from first-pass tags as they are on unseen
    // text: each fold is tagged by a first pass trained without it.
    std::vector<std::vector<int>> first(examples.size());
    const std::size_t folds = static_cast<std::size_t>(std::max(2, options.folds));
    for (std::size_t f = 0; f < folds; ++f) {
      std::vector<std::size_t> rest;
      for (std::size_t i = 0; i < examples.size(); ++i)
        if (i % folds != f) rest.push_back(i);
      const train::WeightTable w = train_pass(rest, nullptr, best_epoch, false, nullptr, "fold");
      for (std::size_t i = f; i < examples.size(); i += folds)
        tagger::greedy_pass(w, examples[i].toks, nullptr, first[i]);
    }
    for (std::size_t s = 0; s < dev_toks.size(); ++s)
      tagger::greedy_pass(model.weights, dev_toks[s], nullptr, dev_first[s]);
    best_epoch2 = options.epochs;
    const train::WeightTable second =
        train_pass(all, &first, options.epochs, true, &best_epoch2, "pass 2");
    if (log)
      *log << "tagger pass 2: kept epoch " << best_epoch2 << ", " << second.num_features()
           << " features, " << second.num_weights() << " weights\n";
    model.weights2 = second;
    // The margin below which the second pass runs: the smallest of a few
    // candidates that keeps (within 0.02%) the dev accuracy of running it
    // everywhere.
    model.margin = std::numeric_limits<float>::infinity();
    if (!dev_toks.empty()) {
      std::size_t rerun = 0;  // words given to the second pass
      auto dev_correct = [&](float margin) {
        std::size_t ok = 0;
        rerun = 0;
        std::vector<int> classes;
        for (std::size_t s = 0; s < dev.sentences.size(); ++s) {
          std::vector<std::string_view> forms;
          for (const Word& w : dev.sentences[s].words) forms.push_back(w.form);
          rerun += tagger::tag_classes(model, forms, classes, margin);
          for (std::size_t i = 0; i < classes.size(); ++i)
            ok += model.upos[static_cast<std::size_t>(classes[i])] == dev_gold[s][i].first &&
                  model.xpos[static_cast<std::size_t>(classes[i])] == dev_gold[s][i].second;
        }
        return ok;
      };
      const std::size_t full = dev_correct(model.margin);
      for (float m : {1.0f, 2.0f, 4.0f, 8.0f, 16.0f, 32.0f, 64.0f}) {
        const std::size_t ok = dev_correct(m);
        if (log)
          *log << "  pass 2 below margin " << m << " (" << rerun << " words): " << ok
               << " correct, " << full << " when on every word\n";
        // Up to 1 word in 5000 may differ from running it everywhere.
        if (ok + full / 5000 >= full) {
          model.margin = m;
          break;
        }
      }
    }
  }

  // Lemmatizer: every word with a lemma, tags or not.
  std::vector<tagger::LemmaExample> lemma_examples;
  for (const Corpus& c : corpora)
    for (const Sentence& s : c.sentences)
      for (const Word& w : s.words)
        if (!w.lemma.empty() && !w.xpos.empty())
          lemma_examples.push_back({w.form, w.upos, w.xpos, w.lemma});
  tagger::LemmatizerOptions lo;
  lo.epochs = options.lemma_epochs;
  lo.seed = options.seed;
  model.lemmatizer = tagger::Lemmatizer::train(lemma_examples, lo, log);

  // Dev scores of the full tagger (before the metadata, which records them).
  TaggerTrainResult result;
  result.best_epoch = best_epoch;
  std::vector<Sentence> dev_tagged = dev.sentences;
  for (Sentence& s : dev_tagged) tagger::tag_sentence(model, s);
  result.dev = compare_tags(dev.sentences, dev_tagged);

  // Metadata.
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("kind");
  w.String(kTaggerModelKind);
  w.Key("description");
  w.String(
      "POS tagger (UPOS+XPOS: two greedy averaged-perceptron passes), FEATS (dictionary and "
      "classifier), lemmatizer (dictionary and edit-script classifier)");
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
    w.EndObject();
  }
  w.EndArray();
  w.Key("license");
  w.String(options.license.empty() ? license_of(corpora).c_str() : options.license.c_str());
  w.Key("command");
  w.String(options.command.c_str());
  w.Key("options");
  w.StartObject();
  w.Key("seed");
  w.Uint64(options.seed);
  w.Key("epochs");
  w.Int(options.epochs);
  w.Key("patience");
  w.Int(options.patience);
  w.Key("passes");
  w.Int(options.passes);
  w.Key("folds");
  w.Int(options.folds);
  w.Key("best_epoch");
  w.Int(best_epoch);
  w.Key("best_epoch_pass2");
  w.Int(best_epoch2);
  w.Key("pass2_margin");
  w.Double(std::isfinite(model.margin) ? model.margin : -1.0);
  w.Key("lemma_epochs");
  w.Int(options.lemma_epochs);
  w.Key("min_ambiguity_count");
  w.Int(options.min_ambiguity_count);
  w.EndObject();
  if (!dev.name.empty()) {
    w.Key("dev");
    w.StartObject();
    w.Key("file");
    w.String(dev.name.c_str());
    w.Key("gold_tokens");
    write_scores(w, result.dev);
    w.EndObject();
  }
  w.Key("self_test");
  w.StartArray();
  for (const auto& forms : tagger::self_test_sentences()) {
    Sentence s = tagger::sentence_of(forms);
    tagger::tag_sentence(model, s);
    w.StartObject();
    w.Key("words");
    w.StartArray();
    for (const std::string& f : forms) w.String(f.c_str());
    w.EndArray();
    w.Key("expected");
    w.StartArray();
    for (const Word& word : s.words) w.String(tagger::self_test_line(word).c_str());
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  ModelFile file;
  file.kind = kTaggerModelKind;
  file.metadata_json = buf.GetString();
  model.save_sections(file);
  if (Status s = save_model(file, output_path); !s.ok())
    throw Error(s.code(), s.message(), s.where());
  // Read it back through the public loader: the file must pass its own self-test.
  Result<Tagger> check = Tagger::load(output_path);
  if (!check.ok())
    fail(ErrorCode::kInternal,
         "the model just written does not load: " + check.status().to_string());
  result.model_bytes = std::filesystem::file_size(output_path);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (log) {
    if (!dev.name.empty()) *log << "dev " << dev.name << ": " << scores_line(result.dev) << "\n";
    *log << "wrote " << output_path << " (" << result.model_bytes << " bytes) in "
         << static_cast<int>(result.seconds) << " s\n";
  }
  return result;
}

}  // namespace

Result<TaggerTrainResult> train_tagger(const TaggerTrainOptions& options,
                                       const std::string& output_path) {
  return guard_result<TaggerTrainResult>([&] { return run_training(options, output_path); });
}

}  // namespace textgraph
