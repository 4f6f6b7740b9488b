// textgraph/ner.h — named entities: PER, ORG and LOC mentions as IOB2 tags.
//
// Usage:
//   textgraph::Result<textgraph::NerTagger> ner = textgraph::NerTagger::load_default();
//   if (!ner.ok()) { report(ner.status()); return; }      // names the model file
//   textgraph::Sentence sentence = ...;                   // words with forms (tokenizer,
//                                                         // CoNLL-U, IOB2)
//   ner->tag(sentence);                                   // fills Word::ner of every word
//   for (const textgraph::EntitySpan& e : textgraph::entity_spans(sentence))
//     std::cout << e.type << ": words " << e.first + 1 << ".." << e.last << "\n";
//   ner->tag(document);                                   // every sentence of a Document
//
//   // In the analysis pipeline (textgraph/pipeline.h), after tagging and parsing:
//   analyzer->add_step(textgraph::make_ner_step(*ner));   // fills Word::ner of every chunk
//
//   // Several threads may tag different sentences with one NerTagger at
//   // once; copies are cheap (they share the read-only model).
//
// What it predicts: for every word, "O" or an IOB2 tag "B-TYPE" / "I-TYPE"
// over the entity types of the training data (PER, ORG, LOC for Universal
// NER). Tags follow the UNER conventions: names of people, organisations
// and places are entities, countries and cities are LOC ("U.S. pressure"),
// institutions acting as actors are ORG ("the Pentagon said"); titles
// ("President") and demonyms ("Iranian leaders") are not part of entities.
// Each sentence is tagged on its own by a first-order Viterbi search over
// BILOU labels scored by an averaged perceptron (word, affix, shape, case
// and context features, a gazetteer of the actor dictionary's names, a
// casing lexicon; lib/ner/features.h). Only Word::form is read and only
// Word::ner is written: the same words always get the same tags, with any
// thread count.
//
// Failure: load() returns ErrorCode::kModel, naming the file, when the model
// is missing, truncated, corrupt, of a newer format version, of another kind
// than "ner", or fails its self-test (the model carries sentences with the
// tags it gave them when it was trained; loading re-tags them and refuses
// the model if anything differs). read_iob2() reports malformed input as
// ErrorCode::kInvalidInput naming FILE:LINE, an unreadable file as kIo.
// tag() never fails: any words (empty, odd bytes, very long) get valid IOB2.
//
// For later stages (alias merging, coreference): read entities with
// entity_spans(sentence), which turns Word::ner into word ranges exactly as
// the scores count them; after tag() every word's ner is "O", "B-X" or a
// valid continuation "I-X", and "" means the sentence was never tagged (the
// pipeline clears NER of CoNLL-U input unless the "ner" step runs). These
// calls, EntitySpan and the tag strings are a stable interface.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "textgraph/document.h"
#include "textgraph/model.h"
#include "textgraph/status.h"

namespace textgraph {

inline constexpr char kNerModelKind[] = "ner";      // ModelFile::kind
inline constexpr char kNerModelFile[] = "ner.tgm";  // name in default_model_dir()

class NerTagger {
 public:
  // Reads and checks a model file (see "Failure" above).
  [[nodiscard]] static Result<NerTagger> load(const std::string& path);
  // default_model_dir() + "/ner.tgm".
  [[nodiscard]] static Result<NerTagger> load_default();
  // From a model already in memory; `name` is used in error messages.
  [[nodiscard]] static Result<NerTagger> from_model(const ModelFile& model,
                                                    const std::string& name);

  // Sets Word::ner of every word of the sentence (nothing else is read or changed).
  void tag(Sentence& sentence) const;
  // The same for every sentence.
  void tag(Document& document) const;
  void tag(std::vector<Sentence>& sentences) const;

  // The entity types the model knows, sorted ("LOC", "ORG", "PER").
  const std::vector<std::string>& types() const;
  // The model's JSON metadata (training data, license, command, dev scores).
  const std::string& metadata_json() const;

  ~NerTagger();
  NerTagger(const NerTagger&);
  NerTagger& operator=(const NerTagger&);
  NerTagger(NerTagger&&) noexcept;
  NerTagger& operator=(NerTagger&&) noexcept;

 private:
  struct Impl;
  explicit NerTagger(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// The NER tagger as a step of the analysis pipeline (AnalysisStep in
// textgraph/pipeline.h; name() "ner"): run(document) sets Word::ner of every
// word of every sentence, as NerTagger::tag(document) does, and never fails.
// Add it with Analyzer::add_step(). The step shares the tagger's model.
class AnalysisStep;
std::shared_ptr<const AnalysisStep> make_ner_step(const NerTagger& tagger);

// --- Entity spans and their scores -------------------------------------

// One entity mention: words[first .. last) of a sentence (0-based indices,
// i.e. word ids first + 1 .. last).
struct EntitySpan {
  std::size_t first = 0;  // index of the first word
  std::size_t last = 0;   // one past the last word
  std::string type;       // "PER", "ORG", "LOC", ...
  bool operator==(const EntitySpan&) const = default;
};

// The entities of a sentence's Word::ner tags, read the way conlleval reads
// them: an entity starts at B-X, and also at an I-X that does not continue an
// entity of type X (after O, or after an entity of another type); it goes
// on over I-X. Tags other than B-/I- (including "" and "O") are outside.
std::vector<EntitySpan> entity_spans(const Sentence& sentence);

// Counts of one entity type (or of all): exact span and type must match.
struct EntityCounts {
  std::size_t gold = 0;       // entities in the gold data
  std::size_t predicted = 0;  // entities in the system output
  std::size_t correct = 0;    // predicted entities equal to a gold one
  double precision() const;   // percent; 0 when nothing was predicted
  double recall() const;      // percent; 0 when there is no gold entity
  double f1() const;          // percent; 0 when precision + recall is 0
};

struct NerScores {
  std::size_t sentences = 0;                    // sentences compared
  std::size_t words = 0;                        // words compared
  std::size_t tags_correct = 0;                 // words with the gold IOB2 tag ("" counts as "O")
  EntityCounts all;                             // over every type (the headline F1)
  std::map<std::string, EntityCounts> by_type;  // per type, gold and predicted types
};

// Compares system tags with gold tags sentence by sentence (the CoNLL-2003
// conlleval definition: micro-averaged exact-match precision, recall and F1;
// an entity is correct when its first word, last word and type all match).
// Sentences must correspond one to one with the same words; a pair with a
// different number of words counts its gold entities as missed and its
// predicted ones as wrong.
NerScores compare_entities(const std::vector<Sentence>& gold, const std::vector<Sentence>& system);
// Tags copies of the gold sentences and compares.
NerScores score_ner(const NerTagger& tagger, const std::vector<Sentence>& gold);

// A table of per-type and overall precision, recall and F1, one line each.
std::string format_scores(const NerScores& scores);

// --- IOB2 files (Universal NER layout) ---------------------------------
//
// One word per line, five tab-separated columns: ID, FORM, TAG, and two
// further columns ("-" when written here). Sentences are separated by a
// blank line and may start with comment lines "# sent_id = ...",
// "# text = ...", "# newdoc id = ...".

// Reads an IOB2 file ("-" = standard input): words with form and ner; the
// sentence's id, text and comments as in CoNLL-U. Tags must be "O", "B-X" or
// "I-X". Other columns are ignored.
[[nodiscard]] Result<std::vector<Sentence>> read_iob2(const std::string& path);
[[nodiscard]] Result<std::vector<Sentence>> parse_iob2(std::string_view text,
                                                       const std::string& name);

// Writes one sentence: "# newdoc id = ..." if its comments hold one, then
// "# sent_id = ID" (`fallback_id` when Sentence::id is empty), "# text = ..."
// (rebuilt from the words when Sentence::text is empty), one line per word
// "ID\tFORM\tTAG\t-\t-" (an untagged word gets "O"), and a blank line.
void write_iob2(const Sentence& sentence, std::ostream& out, std::string_view fallback_id = "");

// --- Whole files (`textgraph ner`) --------------------------------------

enum class NerInput {
  kConllu,  // CoNLL-U
  kText,    // raw UTF-8 text, tokenized first (textgraph/tokenizer.h)
  kIob2,    // IOB2; its tags are replaced (and compared with, see NerFileResult::scores)
};

struct NerFileOptions {
  NerInput input = NerInput::kConllu;
  std::size_t threads = 1;  // threads tagging at once; the output is the same for any count
};

struct NerFileResult {
  std::size_t sentences = 0;  // sentences written
  std::size_t words = 0;      // words written
  std::size_t entities = 0;   // entities found
  std::size_t repaired = 0;   // kText: invalid UTF-8 sequences replaced by U+FFFD
  NerScores scores;           // kIob2: the input's tags (gold) against the output
};

// Tags every sentence of `input_path` ("-" = standard input) and writes
// IOB2 (write_iob2; sentences without a sent_id are numbered from 1) to
// `output_path` ("-" = standard output) atomically: on failure an existing
// output file is left untouched. CoNLL-U and IOB2 inputs are streamed (a
// few hundred sentences per thread in memory); text is read whole. Fails with the reader's error
// (kInvalidInput naming FILE:LINE, kIo) or kIo when the output cannot be written; binary input
// given as text is kInvalidInput.
[[nodiscard]] Result<NerFileResult> tag_file(const NerTagger& tagger, const std::string& input_path,
                                             const std::string& output_path,
                                             const NerFileOptions& options = {});

}  // namespace textgraph
