// Internal: the lemmatizer behind Tagger (include/textgraph/tagger.h).
//
// A lemma is found in three steps:
//   1. the (form, XPOS) dictionary of the training data (most frequent lemma);
//   2. for a form with capitals that is not a proper noun, the dictionary
//      entry of its lowercase form ("WANTS"/VBZ -> entry of "wants"/VBZ);
//   3. for a verb, the dictionary entry of the same form under another verb
//      tag ("won"/VBN -> the entry of "won"/VBD, "win");
//   4. otherwise a classifier picks an edit script (EditScript) from the
//      form's suffixes, shape and tags: "studies"/NNS -> strip "ies", append
//      "y"; "TEHRAN"/NNP -> title case; "12,000"/CD -> drop the commas.
//      Each script's score gets learned extra weights when the lemma it makes
//      is a lemma of some other word in training ("voted" -> "vote", not "vot").
//      Two checks against the training lemmas follow: a lowercase proper
//      noun takes the capitals its lemma has there ("florida" -> "Florida"),
//      and a shortened stem one letter short of a training lemma is
//      completed ("hottest" -> "hot", not "hott").
//
//   Lemmatizer lem = Lemmatizer::train(examples, options, log);
//   std::string l = lem.lemma("studies", "NOUN", "NNS");   // "study"
//
// Failure: load() throws textgraph::Error(kModel) naming the model file when
// a section is missing, truncated or inconsistent.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tagger/flat_index.h"
#include "textgraph/model.h"
#include "train/perceptron.h"

namespace textgraph::tagger {

// How a form turns into its lemma: change the case, then replace the suffix
// `strip` by `append`.
struct EditScript {
  enum class Case : std::uint8_t {
    kKeep = 0,      // as in the text
    kLower = 1,     // all ASCII letters lowercased
    kTitle = 2,     // first letter upper, the rest lower
    kNoCommas = 3,  // as in the text, minus every ',' ("12,000" -> "12000")
  };
  Case casing = Case::kKeep;
  std::string strip;   // suffix removed from the recased form
  std::string append;  // then appended

  bool operator==(const EditScript&) const = default;
  // "K|ies|y": stable text used as the class name in models.
  std::string to_string() const;
  static bool from_string(std::string_view text, EditScript& out);
};

// The cheapest script turning form into lemma.
EditScript derive_script(std::string_view form, std::string_view lemma);
// Applies the script; false when it does not fit the form (wrong suffix, or
// the result would be empty).
bool apply_script(const EditScript& script, std::string_view form, std::string& lemma);

struct LemmaExample {
  std::string form;
  std::string upos;
  std::string xpos;
  std::string lemma;
};

struct LemmatizerOptions {
  int epochs = 10;
  std::uint64_t seed = 1;
  // Forms seen more often than this in training are left out of the script
  // classifier's examples: it only ever sees words missing from the
  // dictionary, which look like rare words.
  int max_form_count = 2;
  // Edit scripts seen fewer times among those examples are dropped.
  int min_script_count = 2;
  // Learn a bonus for scripts whose output is a known lemma.
  bool known_bonus = true;
};

class Lemmatizer {
 public:
  Lemmatizer() = default;

  static Lemmatizer train(const std::vector<LemmaExample>& examples,
                          const LemmatizerOptions& options, std::ostream* log);

  // The lemma of a word given its predicted tags; never empty for a
  // non-empty form.
  std::string lemma(std::string_view form, std::string_view upos, std::string_view xpos) const;

  // Optional hints before lemma() on many words, so that their dictionary
  // look-ups overlap instead of waiting for memory one after the other:
  // prefetch_slot() for every word, then prefetch_entry() for every word,
  // then lemma(). No effect on results.
  void prefetch_slot(std::string_view form, std::string_view xpos) const;
  void prefetch_entry(std::string_view form, std::string_view xpos) const;

  // The forms of the dictionary, in its order (a form with several XPOS
  // comes once per XPOS). Views into this lemmatizer.
  std::vector<std::string_view> forms() const;

  // Sections "lemma_dict", "lemma_scripts", "lemma_weights", "lemma_known" (the
  // last optional on load: models before the known-lemma bonus lack it).
  void save(ModelFile& model) const;
  static Lemmatizer load(const ModelFile& model, const std::string& name);

 private:
  const std::string* lookup(std::string_view form, std::string_view xpos) const;
  std::string classify(std::string_view form, std::string_view upos, std::string_view xpos) const;
  // The classifier's lemma `l` of `form`, checked against the training
  // lemmas: capitals of a lowercase name, a stem one letter short.
  std::string known_spelling(std::string l, std::string_view form, std::string_view xpos) const;

  // The dictionary: one entry per (form, XPOS), the three strings side by
  // side so that a look-up reads one place in memory.
  struct DictEntry {
    std::string form;
    std::string xpos;
    std::string lemma;
  };
  std::vector<DictEntry> dict_;
  FlatIndex dict_index_;             // key(form, xpos) -> dict_ index
  std::vector<EditScript> scripts_;  // classifier classes
  train::WeightTable weights_;
  // Hashes of the training lemmas (sorted); a script whose output is one of
  // them gets the weights of extra "known lemma" features.
  std::vector<std::uint64_t> known_lemmas_;
  bool known_lemma(std::string_view lemma) const;
  void index();
};

}  // namespace textgraph::tagger
