#include "train/parser/parser_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

#include "core/error.h"
#include "core/files.h"
#include "parser/model_io.h"
#include "textgraph/conllu.h"
#include "textgraph/parser.h"

namespace textgraph::parser::train {

std::string universal_relation(const std::string& deprel) {
  return deprel.substr(0, deprel.find(':'));
}

ParseScores score_parses(const std::vector<Sentence>& gold, const std::vector<Sentence>& parsed) {
  ParseScores s;
  for (std::size_t i = 0; i < gold.size() && i < parsed.size(); ++i) {
    const auto& g = gold[i].words;
    const auto& p = parsed[i].words;
    for (std::size_t w = 0; w < g.size(); ++w) {
      ++s.words;
      if (w >= p.size() || p[w].head != g[w].head) continue;
      ++s.heads;
      s.labeled += universal_relation(p[w].deprel) == universal_relation(g[w].deprel);
    }
  }
  return s;
}

Status jackknife(std::vector<Sentence>& sentences, int k, const TagFold& tag_fold) {
  if (k < 2 || static_cast<std::size_t>(k) > sentences.size())
    return Status::error(ErrorCode::kUsage,
                         "jack-knifing needs 2 to " + std::to_string(sentences.size()) + " folds");
  if (!tag_fold) return Status::error(ErrorCode::kUsage, "jack-knifing needs a tagger");
  const std::size_t n = sentences.size();
  for (int f = 0; f < k; ++f) {
    const std::size_t lo = n * f / k, hi = n * (f + 1) / k;
    std::vector<Sentence> train, held_out;
    for (std::size_t i = 0; i < n; ++i)
      (i >= lo && i < hi ? held_out : train).push_back(sentences[i]);
    if (Status s = tag_fold(train, held_out, f); !s.ok()) return s;
    if (held_out.size() != hi - lo)
      return Status::error(ErrorCode::kInternal, "the fold tagger changed the number of sentences");
    for (std::size_t i = lo; i < hi; ++i) {
      Sentence& tagged = held_out[i - lo];
      if (tagged.words.size() != sentences[i].words.size())
        return Status::error(ErrorCode::kInternal, "the fold tagger changed a sentence's words");
      for (std::size_t w = 0; w < tagged.words.size(); ++w) {
        // Keep the gold tree; take everything the tagger predicted.
        tagged.words[w].head = sentences[i].words[w].head;
        tagged.words[w].deprel = sentences[i].words[w].deprel;
      }
      sentences[i] = std::move(tagged);
    }
  }
  return Status();
}

namespace {

using Clock = std::chrono::steady_clock;

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\', out += c;
    else if (static_cast<unsigned char>(c) < 0x20)
      out += fmt("\\u%04x", static_cast<unsigned char>(c));
    else
      out += c;
  }
  return out + "\"";
}

std::string basename(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The license of the UD English treebanks this project knows, by file name.
std::string license_of(const std::string& path) {
  const std::string b = basename(path);
  for (const char* sa : {"en_ewt", "en_atis", "en_eslspok"})
    if (b.rfind(sa, 0) == 0) return "CC BY-SA 4.0";
  for (const char* nc : {"en_gum", "en_lines", "en_partut"})
    if (b.rfind(nc, 0) == 0) return "CC BY-NC-SA 4.0";
  return "unknown";
}

std::vector<Sentence> read_all(const std::vector<std::string>& files) {
  std::vector<Sentence> all;
  for (const std::string& f : files) {
    Result<std::vector<Sentence>> s = read_conllu(f);
    if (!s.ok()) throw Error(s.status().code(), s.status().message(), s.status().where());
    for (Sentence& x : *s) all.push_back(std::move(x));
  }
  return all;
}

bool has_tree(const Sentence& s) {
  if (s.words.empty()) return false;
  int roots = 0;
  for (const Word& w : s.words) {
    if (w.head < 0 || w.head > static_cast<int>(s.words.size()) || w.deprel.empty()) return false;
    roots += w.head == 0;
  }
  return roots == 1;
}

Vocabularies build_vocab(const std::vector<Sentence>& train, int min_count,
                         std::vector<int>& word_counts) {
  std::map<std::string, int> words, suffixes, prefixes, shapes, upos, xpos, labels;
  for (const Sentence& s : train)
    for (const Word& w : s.words) {
      const std::string norm = normalize_word(w.form);
      ++words[norm];
      ++suffixes[suffix(norm, 3)];
      ++prefixes[prefix(norm, 2)];
      ++shapes[word_shape(w.form)];
      ++upos[w.upos];
      ++xpos[w.xpos];
      ++labels[w.deprel];
    }
  Vocabularies v;
  add_counted(v.words, words, min_count);
  add_counted(v.suffixes, suffixes, 2);
  add_counted(v.prefixes, prefixes, 2);
  add_counted(v.shapes, shapes, 2);
  add_counted(v.upos, upos, 1);
  add_counted(v.xpos, xpos, 1);
  v.labels.push_back("root");
  for (const auto& [s, n] : labels)
    if (s != "root") v.labels.push_back(s);
  word_counts = counts_by_id(v.words, words);
  return v;
}

void initialize(Network& net, Rng& rng) {
  auto uniform = [&](Tensor& t, float scale) { fill_uniform(t, scale, rng); };
  for (Tensor* e : {&net.emb_word, &net.emb_suffix, &net.emb_prefix, &net.emb_shape, &net.emb_upos,
                    &net.emb_xpos})
    uniform(*e, 0.1f);
  for (LstmWeights& w : net.lstm) initialize_lstm(w, net.config.lstm_dim, rng);
  uniform(net.null_token, 0.1f);
  const float fan_in = static_cast<float>(net.w1.rows * net.config.token_slots.size());
  uniform(net.w1, std::sqrt(3.0f / fan_in));
  uniform(net.label_table, 0.05f);
  for (float& b : net.b1.data) b = 0.01f;
  uniform(net.w2, std::sqrt(6.0f / (net.w2.rows + net.w2.cols)));
  if (net.config.aux_tagging) {
    uniform(net.aux_upos_w, std::sqrt(6.0f / (net.aux_upos_w.rows + net.aux_upos_w.cols)));
    uniform(net.aux_xpos_w, std::sqrt(6.0f / (net.aux_xpos_w.rows + net.aux_xpos_w.cols)));
  }
}

class Adam {
 public:
  Adam(const Network& net, const TrainOptions& o) : o_(o) {
    for (const Tensor* t : net.tensors()) {
      m_.emplace_back(t->data.size(), 0.0f);
      v_.emplace_back(t->data.size(), 0.0f);
    }
  }

  void update(Network& net, Gradients& grads, float scale, float lr) {
    ++step_;
    auto params = net.tensors();
    auto gs = grads.g.tensors();
    // Global norm over what changed, for clipping.
    double norm2 = 0;
    for (std::size_t t = 0; t < params.size(); ++t) {
      if (t < 6) {
        for (int r : grads.touched_rows[t])
          for (int j = 0; j < gs[t]->cols; ++j) norm2 += sq(gs[t]->row(r)[j] * scale);
      } else {
        for (float g : gs[t]->data) norm2 += sq(g * scale);
      }
    }
    const double norm = std::sqrt(norm2);
    if (norm > o_.clip) scale *= static_cast<float>(o_.clip / norm);
    const float c1 = 1 - std::pow(o_.beta1, static_cast<float>(step_));
    const float c2 = 1 - std::pow(o_.beta2, static_cast<float>(step_));
    const float a = lr * std::sqrt(c2) / c1;
    auto apply = [&](std::size_t t, std::size_t i) {
      const float g = gs[t]->data[i] * scale;
      float& m = m_[t][i];
      float& v = v_[t][i];
      m = o_.beta1 * m + (1 - o_.beta1) * g;
      v = o_.beta2 * v + (1 - o_.beta2) * g * g;
      params[t]->data[i] -= a * m / (std::sqrt(v) + 1e-8f);
    };
    for (std::size_t t = 0; t < params.size(); ++t) {
      if (t < 6) {
        // Lazy: only rows used in this batch (the other rows' moments stand still).
        const std::size_t cols = gs[t]->cols;
        for (int r : grads.touched_rows[t])
          for (std::size_t j = 0; j < cols; ++j) apply(t, r * cols + j);
      } else {
        for (std::size_t i = 0; i < params[t]->data.size(); ++i) apply(t, i);
      }
    }
  }

 private:
  static double sq(double x) { return x * x; }
  const TrainOptions& o_;
  std::vector<std::vector<float>> m_, v_;
  long step_ = 0;
};

ParseScores evaluate(const Network& net, const std::vector<Sentence>& gold) {
  Parser parser(std::make_unique<Network>(net));
  std::vector<Sentence> parsed = gold;
  for (Sentence& s : parsed)
    if (Status st = parser.parse(s); !st.ok()) throw Error(st.code(), st.message());
  return score_parses(gold, parsed);
}

// How the parser's input tags were obtained, for the metadata.
std::string tags_description(const TrainOptions& o) {
  if (!o.tags.empty()) return o.tags;
  std::string d;
  if (o.jackknife > 1)
    d = "training tags jack-knifed in " + std::to_string(o.jackknife) + " folds";
  else if (!o.input_tags.empty()) {
    d = "training input tags from";
    for (const std::string& f : o.input_tags) d += " " + basename(f);
    d += " (predicted, e.g. jack-knifed)";
  } else {
    d = "training tags as in the training files";
  }
  if (o.network.aux_tagging)
    d += "; the training files' own tags are the targets of the tagging heads";
  if (!o.dev.empty()) d += "; dev tags as in " + basename(o.dev) + (o.tag_dev ? ", retagged" : "");
  return d;
}

std::string metadata(const TrainOptions& o, const Network& net, int epochs_trained, int best_epoch,
                     const ParseScores& dev, long train_sentences, long lifted) {
  std::ostringstream j;
  j << "{\"kind\": \"parser\", \"data\": [";
  for (std::size_t i = 0; i < o.train.size(); ++i)
    j << (i ? ", " : "") << "{\"file\": " << json_string(basename(o.train[i]))
      << ", \"license\": " << json_string(license_of(o.train[i])) << "}";
  std::string lic;
  for (const std::string& f : o.train)
    if (lic.find(license_of(f)) == std::string::npos)
      lic += (lic.empty() ? "" : ", ") + license_of(f);
  j << "], \"license\": " << json_string(lic) << ", \"command\": " << json_string(o.command)
    << ", \"tags\": " << json_string(tags_description(o)) << ", \"seed\": " << o.seed
    << ", \"epochs\": " << o.epochs << ", \"epochs_trained\": " << epochs_trained
    << ", \"best_epoch\": " << best_epoch << ", \"train_sentences\": " << train_sentences
    << ", \"projectivized_arcs\": " << lifted << ", \"parameters\": " << net.parameter_count()
    << ", \"labels\": " << net.vocab.labels.size();
  if (!o.dev.empty())
    j << ", \"scores\": {" << json_string(basename(o.dev))
      << ": {\"UAS\": " << fmt("%.2f", dev.uas()) << ", \"LAS\": " << fmt("%.2f", dev.las())
      << ", \"words\": " << dev.words << "}}";
  j << "}";
  return j.str();
}

}  // namespace

Status train_parser(const TrainOptions& o) {
  return guard([&] {
    auto log = [&](const std::string& line) {
      if (o.log) o.log(line);
    };
    if (o.epochs < 1 || o.batch < 1 || o.learning_rate <= 0 || o.network.hidden < 1)
      fail(ErrorCode::kUsage, "epochs, batch, learning rate and hidden size must be positive");
    std::vector<Sentence> train;
    std::vector<Sentence> all = read_all(o.train);
    std::vector<Sentence> tagged_all;
    if (!o.input_tags.empty()) {
      tagged_all = read_all(o.input_tags);
      if (tagged_all.size() != all.size())
        fail_input("--input-tags files hold " + std::to_string(tagged_all.size()) +
                   " sentences, the training files " + std::to_string(all.size()));
    }
    std::vector<Sentence> input;  // the same sentences with the tags the parser reads
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (!has_tree(all[i])) continue;
      if (!tagged_all.empty()) {
        if (tagged_all[i].words.size() != all[i].words.size())
          fail_input("--input-tags sentence " + std::to_string(i + 1) +
                     " has other words than the training sentence");
        input.push_back(std::move(tagged_all[i]));
      }
      train.push_back(std::move(all[i]));
    }
    if (o.max_sentences > 0 && static_cast<long>(train.size()) > o.max_sentences) {
      train.resize(o.max_sentences);
      if (!input.empty()) input.resize(o.max_sentences);
    }
    if (train.empty()) fail_input("no dependency trees in the training files");
    auto check = [](const Status& s) {
      if (!s.ok()) throw Error(s.code(), s.message(), s.where());
    };
    if (input.empty()) input = train;
    if (o.jackknife > 1) {
      log("parser: jack-knifing tags with " + std::to_string(o.jackknife) + " folds");
      check(jackknife(input, o.jackknife, o.tag_fold));
    }
    if (!o.save_input_tags.empty()) {
      OutputFile out(o.save_input_tags);
      for (const Sentence& s : input) write_conllu(s, out.stream());
      out.commit();
      log("parser: input tags written to " + o.save_input_tags);
    }
    std::vector<Sentence> dev;
    if (!o.dev.empty()) dev = read_all({o.dev});
    if (!dev.empty() && o.tag_dev) {
      std::vector<Sentence> tagged = dev;
      check(o.tag_dev(tagged));
      // Score against the gold trees, parse from the predicted tags.
      for (std::size_t i = 0; i < dev.size() && i < tagged.size(); ++i)
        for (std::size_t w = 0; w < dev[i].words.size() && w < tagged[i].words.size(); ++w) {
          dev[i].words[w].upos = tagged[i].words[w].upos;
          dev[i].words[w].xpos = tagged[i].words[w].xpos;
        }
    }

    Network net;
    net.config = o.network;
    std::vector<int> word_counts;
    net.vocab = build_vocab(train, o.min_word_count, word_counts);
    net.allocate();
    Rng rng(o.seed);
    initialize(net, rng);

    std::map<std::string, int> label_ids;
    for (std::size_t i = 0; i < net.vocab.labels.size(); ++i) label_ids[net.vocab.labels[i]] = i;
    std::vector<Example> examples;
    long lifted = 0;
    for (std::size_t i = 0; i < train.size(); ++i) {
      const Sentence& s = train[i];
      Example ex;
      std::vector<std::string> forms, upos, xpos;
      ex.gold.heads.push_back(0);
      ex.gold.labels.push_back(0);
      ex.upos.push_back(Vocab::kRoot);
      ex.xpos.push_back(Vocab::kRoot);
      for (const Word& w : s.words) {
        const Word& in = input[i].words[&w - s.words.data()];
        forms.push_back(w.form);
        upos.push_back(in.upos);
        xpos.push_back(in.xpos);
        ex.gold.heads.push_back(w.head);
        ex.gold.labels.push_back(label_ids[w.deprel]);
        ex.upos.push_back(net.vocab.upos.id(w.upos));
        ex.xpos.push_back(net.vocab.xpos.id(w.xpos));
      }
      ex.ids = token_ids(net.vocab, forms, upos, xpos);
      lifted += projectivize(ex.gold.heads);
      examples.push_back(std::move(ex));
    }
    log("parser: " + std::to_string(examples.size()) + " training sentences, " +
        std::to_string(lifted) + " arcs lifted to projectivize, " +
        std::to_string(net.vocab.words.size()) + " words, " +
        std::to_string(net.vocab.labels.size()) + " labels, " +
        std::to_string(net.parameter_count()) + " parameters");

    Gradients grads;
    grads.reset(net);
    Adam adam(net, o);
    std::vector<std::size_t> order(examples.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    // A running average of the weights (Polyak averaging) is what gets
    // evaluated and saved: it is steadier than the last update.
    Network averaged = net;
    long updates = 0;
    auto update_average = [&] {
      ++updates;
      if (o.average <= 0) {
        averaged = net;
        return;
      }
      // Early on the average must not remember the random start for long.
      const float d = std::min(o.average, (1.0f + updates) / (10.0f + updates));
      auto a = averaged.tensors();
      auto w = net.tensors();
      for (std::size_t t = 0; t < a.size(); ++t)
        for (std::size_t i = 0; i < a[t]->data.size(); ++i)
          a[t]->data[i] = d * a[t]->data[i] + (1 - d) * w[t]->data[i];
    };
    Network best = net;
    ParseScores best_scores;
    int best_epoch = 0;
    auto save = [&](int epochs_trained) {
      const ModelFile model = to_model(best, metadata(o, best, epochs_trained, best_epoch,
                                                      best_scores, examples.size(), lifted));
      if (Status s = save_model(model, o.output); !s.ok())
        throw Error(s.code(), s.message(), s.where());
    };
    float lr = o.learning_rate;
    for (int epoch = 1; epoch <= o.epochs; ++epoch) {
      const auto start = Clock::now();
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
      StepOptions step = o.step;
      step.explore = epoch >= o.explore_from ? o.explore : 0.0f;
      if (epoch > o.decay_from) lr *= o.decay;
      StepStats total;
      long in_batch = 0, batch_transitions = 0;
      for (std::size_t i = 0; i < order.size(); ++i) {
        const StepStats s =
            backprop_sentence(net, examples[order[i]], word_counts, step, rng, grads);
        total.loss += s.loss;
        total.transitions += s.transitions;
        total.correct += s.correct;
        batch_transitions += s.transitions;
        if (++in_batch == o.batch || i + 1 == order.size()) {
          adam.update(net, grads, 1.0f / static_cast<float>(batch_transitions), lr);
          update_average();
          grads.reset(net);
          in_batch = 0;
          batch_transitions = 0;
        }
      }
      const double secs = std::chrono::duration<double>(Clock::now() - start).count();
      std::string line = "epoch " + std::to_string(epoch) + ": loss " +
                         fmt("%.4f", total.loss / total.transitions) + ", oracle agreement " +
                         fmt("%.2f", 100.0 * total.correct / total.transitions) + "%, " +
                         fmt("%.0f", secs) + " s";
      if (!dev.empty()) {
        const ParseScores d = evaluate(averaged, dev);
        line += ", dev UAS " + fmt("%.2f", d.uas()) + " LAS " + fmt("%.2f", d.las());
        if (best_epoch == 0 || d.las() > best_scores.las()) {
          best = averaged;
          best_scores = d;
          best_epoch = epoch;
          // A checkpoint of the best model so far: a run stopped early
          // (a busy machine, a deadline) still leaves a usable model, and
          // the metadata says how many epochs it saw. The final save below
          // overwrites it.
          save(epoch);
        }
      } else {
        best = averaged;
        best_epoch = epoch;
      }
      log(line);
    }
    if (!dev.empty())
      log("best epoch " + std::to_string(best_epoch) + ": dev UAS " +
          fmt("%.2f", best_scores.uas()) + " LAS " + fmt("%.2f", best_scores.las()));
    save(o.epochs);
  });
}

}  // namespace textgraph::parser::train
