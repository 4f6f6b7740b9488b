// Internal: UD features (FEATS) of tagged words.
//
// Most words get their features from a dictionary: the most frequent FEATS
// of (lowercase form, tag class) in training, else of the class. Where a
// class's features depend on the context (VB: infinitive or imperative;
// VBD/VBP: the subject's person and number; VBN: passive or not; VBG:
// gerund or participle; "it"/"you": nominative or accusative ...), a
// perceptron picks among the FEATS seen with that class, from the words and
// tags around, with the dictionary's answer as one of its features.
//
//   FeatsModel m = FeatsModel::train(sentences, class_of, num_classes, options, log);
//   m.predict(forms, classes, out_feats);
//
// Failure: load() throws textgraph::Error(kModel) naming the file when the
// section is missing, truncated or inconsistent.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tagger/flat_index.h"
#include "textgraph/document.h"
#include "textgraph/model.h"
#include "train/perceptron.h"

namespace textgraph::tagger {

class FeatsModel {
 public:
  // Sentences whose words all have a class (class_ids[s][i]) and FEATS.
  // `upos` names the UPOS of each tag class.
  static FeatsModel train(const std::vector<const Sentence*>& sentences,
                          const std::vector<std::vector<int>>& class_ids,
                          const std::vector<std::string>& upos, int epochs, std::uint64_t seed,
                          std::ostream* log);

  // out[i] = FEATS of word i given every word's class.
  void predict(const std::vector<std::string_view>& forms, const std::vector<int>& classes,
               std::vector<const std::string*>& out) const;

  // Section "feats".
  void save(ModelFile& model) const;
  static FeatsModel load(const ModelFile& model, const std::string& name, int num_classes);

 private:
  const std::string& lookup(std::string_view lower_form, int cls, std::uint32_t* id) const;
  void index();
  // `hashes` holds hash_string of each lowercase form.
  void features(const std::vector<std::string>& lower, const std::vector<std::uint64_t>& hashes,
                const std::vector<int>& classes, std::size_t i, std::uint32_t dict_value,
                std::vector<std::uint64_t>& out) const;

  std::vector<std::string> values_;  // every FEATS string, sorted; the classes
  // Dictionary entries, side by side so that a look-up reads one place.
  struct FormEntry {
    std::string form;     // lowercase form
    std::uint32_t cls;    // tag class
    std::uint32_t value;  // FEATS (index into values_)
  };
  std::vector<FormEntry> forms_;
  std::vector<std::uint32_t> defaults_;              // per tag class: its most frequent FEATS
  std::vector<std::vector<std::uint32_t>> choices_;  // per tag class: FEATS the classifier picks
                                                     // among (empty = dictionary only)
  std::vector<std::uint8_t> nominal_;                // per tag class: NOUN, PROPN or PRON
  FlatIndex map_;                                    // (form, class) -> dictionary entry
  train::WeightTable weights_;
};

}  // namespace textgraph::tagger
