// Internal: the extraction rules over one parsed sentence. A Builder walks
// the tree once and fills Frames (a predicate with its subject, relation,
// object and extra arguments, before coordination is multiplied out); the
// extractor then turns each Frame into Triples.
//
// The rules are split by construction:
//   clauses.cpp      predicates, verb groups, xcomp chains, subjects
//   arguments.cpp    objects and extra arguments, passive agents
//   coordination.cpp conjunct lists and what verb conjuncts share
//   relatives.cpp    relative clauses, participial modifiers, appositions
//   light_verbs.cpp  light verbs, nominalisations, implicit noun-phrase relations
//   normalise.cpp    relation lemmas
//   attribution.cpp  polarity, modality, attribution
//   confidence.cpp   the confidence score
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/phrase.h"
#include "extract/tree.h"
#include "textgraph/extractor.h"

namespace textgraph::extraction {

// Which rule produced a frame; the confidence model weighs them differently.
enum class Construction : std::uint8_t {
  kVerbal,      // a verb with its own or an inherited subject
  kCopular,     // "X is Y", "X is at Y", "X is responsible for Y"
  kRelative,    // a relative clause with the antecedent filled in
  kParticiple,  // a participial modifier ("the talks hosted by ...")
  kApposition,  // "X, a Y,"
  kLightVerb,   // "held talks with Y" → talk with
  kNominal,     // "Russia's invasion of Ukraine" → invade
  kReporting,   // "X, Seoul said": the reporting clause over the main clause
  kImplicit,    // implicit readings for Open IE output (ExtractOptions::implicit_relations):
                // "X's Y" → X have Y, "the talks with Y" → be with, "took an interest in Y"
};

// How the subject was found.
enum class SubjectSource : std::uint8_t {
  kOwn,        // nsubj / nsubj:pass / csubj of the predicate
  kConj,       // shared with the first verb of a coordination
  kControl,    // the controller of an xcomp (subject or object)
  kAdverbial,  // a non-finite adverbial clause takes the main subject
  kModified,   // the noun a participle or relative clause modifies
  kAgent,      // the by-agent of a passive
  kSynthetic,  // appositions, nominalisations, possessives
};

// What fills the object slot.
enum class ObjectKind : std::uint8_t {
  kNone,
  kNominal,        // obj / iobj / the copular predicate
  kPrepositional,  // an oblique whose preposition joined the relation
  kBare,           // an oblique without preposition ("last week")
  kClause,         // ccomp / a clausal complement
  kPredicative,    // non-verbal xcomp ("became president")
  kFronted,        // an oblique before the verb, preposition kept ("In May, X resigned")
};

// One argument phrase (one conjunct).
struct Arg {
  int head = 0;          // head word id; 0 = none
  std::vector<int> ids;  // words, ascending
};

struct Features {
  SubjectSource subject = SubjectSource::kOwn;
  ObjectKind object = ObjectKind::kNone;
  Dep predicate_dep = Dep::kRoot;  // relation of the predicate word
  int chain = 1;                   // verbs in the xcomp chain
  int depth = 1;                   // tree depth of the predicate
  bool odd = false;                // the predicate touches dep/orphan/list material
  bool attributed = false;         // the clause is reported (Attribution set)
};

struct Frame {
  Construction kind = Construction::kVerbal;
  int anchor = 0;              // the predicate word (orders frames, finds attribution)
  std::vector<Arg> subjects;   // conjuncts
  std::vector<int> rel;        // relation words in reading order, ascending but for a
                               // fronted preposition (empty: synthetic "be", "has")
  std::string lemma;           // normalised relation
  std::vector<Arg> objects;    // conjuncts; empty = no object
  std::vector<Arg> extras;     // further arguments in word order
  std::vector<int> prep;       // preposition words of the object that joined the relation
  std::string synthetic;       // relation text when no word names it ("be", "has")
  std::string implied;         // a preposition the sentence implies ("where" → "in")
  std::string implied_before;  // a word the relation text implies before its words: "be"
                               // for a reduced passive participle ("the talks hosted by")
  bool passive = false;        // subjects are agents, objects patients; rel reads passive
  bool negative = false;       // a negation word in the relation
  std::string modality;        // first modal auxiliary's lemma
  Features features;
};

class Builder {
 public:
  explicit Builder(const ExtractOptions& options) : options_(options) {}

  // All frames of the sentence in `tree`, in predicate order.
  void run(const Tree& tree, std::vector<Frame>& frames);

  // Attribution of the clause anchored at `anchor`: source words and verb
  // lemma; false if none. (attribution.cpp)
  bool attribution(int anchor, std::vector<int>& source, std::string& verb) const;

 private:
  // clauses.cpp
  enum class Kind { kNone, kVerbal, kCopular };
  Kind predicate_kind(int p) const;
  bool in_chain(int p) const;     // an xcomp folded into its head's relation
  int verbal_xcomp(int p) const;  // the xcomp child continuing a chain, 0 if none
  // A subject the parser hung as a compound of a verb it read as a noun, 0 if none.
  int compound_subject(int p) const;
  void clause_frame(int p, Kind kind);
  // "Trump paused/amod plans": a past-tense verb parsed as a noun's modifier.
  void finite_modifier(int v);
  void verb_group(int v, std::vector<int>& rel) const;
  void inherited_aux(int p, std::vector<int>& rel) const;
  // The subject word of predicate p and how it was found; 0 if none.
  int subject_word(int p, SubjectSource& how, int& exclude) const;
  bool subjects(int p, Frame& f);
  // The named subject a subject pronoun stands for in this sentence, 0 if none.
  int pronoun_antecedent(int s) const;

  // arguments.cpp
  void verbal_arguments(Frame& f, const std::vector<int>& chain);
  void copular_arguments(Frame& f, int p);
  void add_extras(Frame& f, int v, int skip, int skip_also);
  int agent_of(int v) const;
  bool is_passive(int v) const;
  bool is_prepositional_gerund(int c) const;
  bool gerund_object(int p) const;
  // Moves a preposition that opens `a` but hangs lower in the tree into the
  // relation (f.rel and f.prep).
  void lift_preposition(Arg& a,
                        Frame& f) const;  // a prepositional gerund that is its head's object

  // coordination.cpp
  void arg_conjuncts(int head, const PhraseRules& rules, std::vector<Arg>& out) const;
  int shared_object(int p) const;  // right-shared obj of a verb conjunct's head
  bool splittable(int head, int c) const;

  // relatives.cpp
  bool is_relative_word(int id) const;
  int relative_pronoun(int clause) const;       // the relative word of an acl:relcl, 0 if none
  int antecedent(int word, int& clause) const;  // for a relative pronoun: the noun it stands for
  Arg make_arg(int head, const PhraseRules& rules) const;  // antecedents stand in for pronouns
  void appositions(int n);
  void title(int n);  // "President Joe Biden" → Joe Biden -[be]-> President

  // light_verbs.cpp
  void light_verb(std::size_t literal_index, const std::vector<int>& chain);
  // "responded to X with warnings" → warn X (the actor behind X when X names one)
  void response(std::size_t literal_index, const std::vector<int>& chain);
  // "took an interest in Y" → took an interest in | Y (implicit relations only)
  void noun_relation(std::size_t literal_index, const std::vector<int>& chain);
  void nominalisation(int n);
  void implicit(int n);
  // The clause subject a possessive pronoun most likely stands for, 0 if none.
  int possessive_antecedent(int noun, int pronoun) const;

  // The verbs of `chain` above its last one, v ("prepare to" for "preparing
  // to make a warning"), the start of a light-verb relation; "" for one verb.
  std::string light_verb_head(const std::vector<int>& chain, int v) const;

  // normalise.cpp
  std::string chain_lemma(const std::vector<int>& chain, bool passive_reading) const;
  std::string prep_lemma(const std::vector<int>& words) const;

  // attribution.cpp
  void polarity_and_modality(Frame& f) const;

  const ExtractOptions& options_;
  const Tree* tree_ = nullptr;
  std::vector<Frame>* frames_ = nullptr;
  bool past_tense_ = false;  // the main clause is in the past ("had" rather than "has")
};

// ASCII lower case (lemmas of relation words). normalise.cpp
std::string lower(std::string_view s);
// Appends `word` to `s` with a separating space when `s` is not empty.
void append_word(std::string& s, std::string_view word);

// Whether `c` is an "according to X" oblique. attribution.cpp
bool according_to(const Tree& tree, int c);

// confidence.cpp: the score of one triple made from `frame` with the given
// arguments, and the feature vector it is computed from (kConfidenceFeatures
// numbers: bias, construction, subject source and object kind one-hot,
// argument sizes, extras, chain, depth, flags; see confidence.cpp).
inline constexpr int kConfidenceFeatures = 40;
void features(const Frame& frame, const Arg* subject, const Arg* object, const Tree& tree,
              double* x);
double confidence(const Frame& frame, const Arg* subject, const Arg* object, const Tree& tree);

// extract_sentence() that also appends each triple's confidence features to
// `feature_rows` (kConfidenceFeatures numbers per triple), for refitting the
// weights on a development set. extractor.cpp
void extract_with_features(const Sentence& sentence, std::size_t index,
                           const ExtractOptions& options, std::vector<Triple>& out,
                           std::vector<double>& feature_rows);

}  // namespace textgraph::extraction
