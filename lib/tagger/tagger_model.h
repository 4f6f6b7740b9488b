// Internal: everything a tagger model holds, how it is saved into a
// ModelFile, and the greedy decoder used both by Tagger and by training (so
// dev scores printed during training are exactly what Tagger produces).
//
// Sections of a "tagger" model:
//   classes        strings "UPOS\tXPOS", one per class of the tag classifier
//   ambiguity      u64 pairs: hash of a lowercase form -> its ambiguity class
//   weights        the tag classifier (train::WeightTable), first pass
//   weights2       f32 margin, then the second pass (train::WeightTable)
//   feats          FEATS dictionary and classifier (feats_model.h)
//   lemma_*        the lemmatizer (lemmatizer.h)
//
// Failure: load_tagger_model throws textgraph::Error(kModel) naming the file
// when a section is missing or inconsistent.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tagger/feats_model.h"
#include "tagger/features.h"
#include "tagger/lemmatizer.h"
#include "tagger/word_rows.h"
#include "textgraph/document.h"
#include "textgraph/model.h"
#include "train/perceptron.h"

namespace textgraph::tagger {

struct TaggerModel {
  std::vector<std::string> upos;  // per class
  std::vector<std::string> xpos;  // per class
  AmbiguityMap ambiguity;
  train::WeightTable weights;  // the first pass
  // The second pass (right-context tags); empty = one pass only. It runs
  // only on words whose first-pass margin (best minus second-best score) is
  // below `margin`: elsewhere it almost never changes the tag, and skipping
  // it there keeps tagging fast.
  train::WeightTable weights2;
  float margin = 0.0f;
  FeatsModel feats;
  Lemmatizer lemmatizer;
  // Not saved: the own-form score rows in weights (table 0) and weights2
  // (table 1) of the lemma dictionary's forms that have an ambiguity class,
  // built by load() (see word_rows.h). Empty = every word is scored feature by feature (training
  // builds models so); the tags are the same either way.
  WordRows word_rows;

  int num_classes() const { return static_cast<int>(upos.size()); }
  int passes() const { return weights2.num_features() ? 2 : 1; }
  void save_sections(ModelFile& model) const;
  // Reads the sections, then builds word_rows.
  static TaggerModel load(const ModelFile& model, const std::string& name);
  // (Re)builds word_rows from the current tables and dictionary.
  void build_word_rows();
};

// One greedy left-to-right pass over a prepared sentence; `first` (the
// classes of a first pass, or nullptr) adds the right-context features.
void greedy_pass(const train::WeightTable& weights, const std::vector<TokenHashes>& toks,
                 const std::vector<int>* first, std::vector<int>& classes);

// Tags one sentence's forms: the first pass, then the second if the model
// has one, on the words whose first-pass margin is below `margin` (the
// model's own margin when negative). classes receives one class id per form.
// Returns how many words the second pass saw. Thread-safe.
// Lemma of every word from its upos and xpos; when `classes` is not null
// (one tag class per word), upos, xpos and FEATS from the classes first.
void complete_sentence(const TaggerModel& model, Sentence& sentence,
                       const std::vector<int>* classes);
// The same with the words' forms already gathered.
void complete_sentence(const TaggerModel& model, Sentence& sentence,
                       const std::vector<int>* classes, const std::vector<std::string_view>& forms);

std::size_t tag_classes(const TaggerModel& model, const std::vector<std::string_view>& forms,
                        std::vector<int>& classes, float margin = -1.0f);

// Fills upos, xpos, feats and lemma of every word of the sentence.
void tag_sentence(const TaggerModel& model, Sentence& sentence);

}  // namespace textgraph::tagger
