// Internal: everything an NER model holds, how it is saved into a
// ModelFile, and the decoder used both by NerTagger and by training (so the
// dev scores printed during training are exactly what NerTagger produces).
//
// Sections of an "ner" model:
//   types      the entity types, sorted (strings)
//   gazetteer  the gazetteer entries (gazetteer.h)
//   casing     the casing lexicon: u64 count, then (u64 hash, u8 class) pairs by hash
//   vocabulary the known words: u64 hashes of lowercase forms, sorted
//   weights    the perceptron (train::WeightTable): word features and label transitions
//   network    instead of weights in a neural model: the BiLSTM scorer (neural.h)
//
//   mix        with both weights and network (a hybrid): f32, the weight of the
//              perceptron's scores added to the network's
//
// A model holds "weights" (perceptron), "network" (BiLSTM) or both with
// "mix" (hybrid); models written before the neural scorer existed have
// "weights" only and load unchanged.
//
// Failure: NerModel::load throws textgraph::Error(kModel) naming the file
// and section when a section is missing or inconsistent.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ner/features.h"
#include "ner/gazetteer.h"
#include "ner/labels.h"
#include "ner/neural.h"
#include "textgraph/document.h"
#include "textgraph/model.h"
#include "train/perceptron.h"

namespace textgraph::ner {

// A weight table with its label-transition scores taken out once.
struct Scorer {
  train::WeightTable weights;
  std::vector<float> transitions;  // (prev + 1) * labels + cur; -inf where not allowed

  void set(train::WeightTable table, const LabelSet& labels);
};

struct NerModel {
  LabelSet labels;
  Gazetteer gazetteer;
  CasingLexicon casing;
  Vocabulary vocabulary;
  Scorer scorer;                            // the perceptron (unused when neural is set
                                            // and mix is 0)
  std::shared_ptr<const NeuralNer> neural;  // the BiLSTM scorer, or null (perceptron)
  std::vector<float> neural_transitions;    // as Scorer::transitions, for neural
  float mix = 0;                            // > 0: hybrid, the perceptron's scores
                                            // times mix are added to the network's

  // Sets neural and its transition scores (BILOU constraints, plus the
  // learned scores of a CRF).
  void set_neural(std::shared_ptr<const NeuralNer> net);

  void save_sections(ModelFile& model) const;
  static NerModel load(const ModelFile& model, const std::string& name);
};

// The best label sequence under emission scores emit[i * L + y] (L =
// labels.size()) and transitions[(prev + 1) * L + cur], respecting the
// BILOU constraints. Ties go to the lower label, so results are
// deterministic. out is resized to n.
void viterbi(const LabelSet& labels, const float* emit, std::size_t n, const float* transitions,
             std::vector<int>& out);

// A sentence prepared for decoding: its tokens and each word's features.
struct PreparedSentence {
  std::vector<NerToken> toks;
  SentenceInfo info;
  std::vector<std::uint64_t> feats;    // every word's features, word after word
  std::vector<std::uint32_t> offsets;  // feats of word i: [offsets[i], offsets[i + 1])
  NeuralInputs neural;                 // the network's inputs (neural models only; then
                                       // feats and offsets stay empty)
};
void prepare(const NerModel& model, const Sentence& sentence, PreparedSentence& out);

// The labels of one prepared sentence under a scorer (the model's own, or
// one being trained; a neural model uses its network instead). Thread-safe.
void decode(const NerModel& model, const Scorer& scorer, const PreparedSentence& sentence,
            std::vector<int>& labels);

// Fills Word::ner of every word of the sentence. Thread-safe.
void tag_sentence(const NerModel& model, Sentence& sentence);

}  // namespace textgraph::ner
