// textgraph/tagger.h — part-of-speech tags, morphological features and lemmas.
//
// Usage:
//   textgraph::Result<textgraph::Tagger> tagger = textgraph::Tagger::load_default();
//   if (!tagger.ok()) { report(tagger.status()); return; }   // names the model file
//   textgraph::Sentence s = ...;           // words with forms (tokenizer or CoNLL-U)
//   tagger->tag(s);                        // fills upos, xpos, feats, lemma of every word
//   std::cout << s.words[0].upos << " " << s.words[0].lemma << "\n";
//
//   // Several threads may tag different sentences with one Tagger at once;
//   // copies are cheap (they share the read-only model).
//
// What it predicts, for every word of a sentence (other fields untouched):
//   upos, xpos  jointly (one class per UPOS+XPOS pair), by a greedy
//               left-to-right averaged perceptron over word, affix, shape
//               and context features (lib/tagger/features.h), then a second
//               pass that also sees the first pass's tags to the right, run
//               on the words the first pass was unsure of;
//   feats       from a (form, tags) dictionary, and for tags whose features
//               depend on context (VB infinitive or imperative, a finite
//               verb's person and number, ...) a classifier over the words
//               and tags around;
//   lemma       from a (form, XPOS) dictionary (a verb form also under its
//               other verb tags), else an edit script chosen by a classifier
//               over suffixes and tags ("studies"/NNS -> "study"), checked
//               against the training lemmas ("florida"/NNP -> "Florida").
// Output depends only on the words' forms and the model: the same sentence
// always gets the same tags (any thread count).
//
// Failure: load() returns ErrorCode::kModel, naming the file, when the model
// is missing, truncated, corrupt, of a newer format version, of another kind
// than "tagger", or when it fails its self-test (the model carries sentences
// with the tags it gave them when it was trained; loading re-tags them and
// refuses the model if anything differs).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "textgraph/document.h"
#include "textgraph/model.h"
#include "textgraph/status.h"

namespace textgraph {

inline constexpr char kTaggerModelKind[] = "tagger";      // ModelFile::kind
inline constexpr char kTaggerModelFile[] = "tagger.tgm";  // name in default_model_dir()

class Tagger {
 public:
  // Reads and checks a model file (see "Failure" above).
  [[nodiscard]] static Result<Tagger> load(const std::string& path);
  // default_model_dir() + "/tagger.tgm".
  [[nodiscard]] static Result<Tagger> load_default();
  // From a model already in memory; `name` is used in error messages.
  [[nodiscard]] static Result<Tagger> from_model(const ModelFile& model, const std::string& name);

  // Tags every word of the sentence (a sentence without words is left as is).
  void tag(Sentence& sentence) const;
  void tag(Document& document) const;

  // The (UPOS, XPOS) pairs the model assigns, one per tag class.
  std::vector<TagPair> tag_pairs() const;
  // Recomputes feats and lemma of every word from the upos and xpos it has
  // now, as tag() would for those tags (for tags changed after tagging, e.g.
  // by Parser re-tagging). When some word's pair is not one of tag_pairs(),
  // only lemmas are recomputed and every word keeps its feats.
  void complete(Sentence& sentence) const;

  // The lemma the model gives a word with these tags.
  std::string lemmatize(std::string_view form, std::string_view upos, std::string_view xpos) const;

  // The model's JSON metadata (training data, license, command, dev scores).
  const std::string& metadata_json() const;

  ~Tagger();
  Tagger(const Tagger&);
  Tagger& operator=(const Tagger&);
  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;

 private:
  struct Impl;
  explicit Tagger(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// Per-word accuracy of a tagger against gold sentences (gold tokenization),
// as the CoNLL 2018 shared task counts it: UFeats compares only the
// universal features, and a gold lemma "_" (empty) matches any lemma.
struct TaggerScores {
  std::size_t words = 0;  // words compared
  double upos = 0;        // percent correct
  double xpos = 0;
  double ufeats = 0;
  double alltags = 0;  // UPOS, XPOS and UFeats all correct
  double lemmas = 0;
};

// Tags copies of the gold sentences and compares.
TaggerScores score_tagger(const Tagger& tagger, const std::vector<Sentence>& gold);
// Compares already tagged sentences word by word; sentences must have the
// same words (throws nothing; mismatched sentences count as wrong).
TaggerScores compare_tags(const std::vector<Sentence>& gold, const std::vector<Sentence>& system);

}  // namespace textgraph
