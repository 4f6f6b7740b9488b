// textgraph/entities.h — actors, not strings: entity mentions, canonical
// actors, alias merging and coreference over analysed documents and the
// triples extracted from them.
//
// Usage, one document:
//   textgraph::Result<textgraph::ActorDictionary> dict =
//   textgraph::ActorDictionary::load_default(); textgraph::EntityResolver resolver(*dict); //
//   immutable, thread-safe std::vector<textgraph::Triple> triples = textgraph::extract(doc);
//   textgraph::DocumentEntities found = resolver.resolve(doc, triples);
//   // triples[i].subject.actor == "Vladimir Putin", .type == "PERSON" for
//   // "Russian President Vladimir Putin", "Putin" and a "he" that refers to him.
//
// Usage, a corpus (what `extract` and `build` do; chunks in input order):
//   textgraph::ActorLinker linker;                             // not thread-safe
//   for each chunk, in input order:
//     DocumentEntities e = resolver.resolve(chunk_doc, chunk_triples);   // any thread
//     linker.link(e, chunk_triples);                                     // in order
//   linker.table();   // every actor with its aliases, counts and attributes
//
// What resolve() does, per document (one Document, e.g. a chunk of a file):
//   - Mentions. Names are runs of words tagged by NER (Word::ner, IOB2
//     PER/ORG/LOC) when the document carries NER tags, else runs of PROPN
//     words; both are checked against the actor dictionary. Leading titles
//     ("President", "Prime Minister", "former") become the title attribute
//     and leading countries or demonyms ("Russian", "U.S.") the affiliation:
//     "Russian President Vladimir Putin" → name "Vladimir Putin", title
//     "Russian President", affiliation Russia, type PERSON.
//   - Dictionary actors. Names, aliases and metonyms of the dictionary map to
//     the actor ("EU" → European Union, "the Kremlin" → Russia), except a
//     metonym used as a place ("visited Riyadh", "talks in Moscow": the object
//     of a verb of motion, or after in/at/to/from/...), which stays the place
//     (actor "Riyadh", type LOC, affiliation Saudi Arabia). A common noun
//     modified by a country or demonym is a group of that country: a state
//     noun ("Iranian leaders", "Russian officials", "the U.S. government")
//     is the country itself with the noun as role; a representative noun
//     ("U.S. envoys", "United States envoys", "Ukrainian troops") is the actor
//     "<country> <noun>" ("United States envoys") with the country as
//     affiliation. Determiners and case never matter: actors are canonical
//     spellings and graph keys fold case.
//   - Person names within the document: a single name ("Putin") is the most
//     recent earlier full name ending in it ("Vladimir Putin"), else the only
//     full name of the document ending in it; two different full names
//     ending in it and none earlier leave it as written (ambiguous), to be
//     settled by ActorLinker or not at all.
//   - Triples whose subject and object resolve to the same actor ("Vladimir
//     Putin -[be]-> Russian President") are removed from `triples`: the
//     title or apposition stays on the mention, not as an edge to itself.
//   - Coreference: he/him/his/himself, she/her/hers/herself, they/them/their/
//     themselves, it/its/itself, and definite descriptions ("the president",
//     "the Russian leader", "the country", "the bloc") are resolved to the
//     most salient compatible antecedent in the same or the three previous
//     sentences (descriptions: anywhere earlier in the document; "the
//     Iranian leader" with no named leader before is Iran). Compatible:
//     number (they = plural or a group), animacy (he/she = a person or an
//     unknown name, it = a country, organisation, place or singular thing),
//     gender (from first names and gendered titles; unknown matches both).
//     Salient: recency (by sentence, then by word), subject over object, a
//     name over a common noun, not a co-argument of the same verb (except
//     possessives and reflexives), not the speaker of the quotation the
//     pronoun stands in. "They" after coordinated names ("Russia and
//     Ukraine ... they") means all of them: no single actor. Pleonastic "it"
//     (expl, "it is likely that", "it seems", "it rains") is left alone, as
//     are first and second persons.
//   - Triples: every argument (subject, object, extra) whose head word is a
//     mention gets Argument::actor (the canonical actor) and Argument::type
//     ("PERSON", "ORG", "LOC", "COUNTRY"). Argument::text is left as written,
//     so the graph keeps every surface form as a node alias with its count:
//     each merge can be read back from the node. Clausal arguments and
//     phrases that name no actor are left without one (the graph then keys
//     them by their text).
//
// ActorLinker (corpus level, input order): a single name left open in its
// document is linked to a full name of the same document seen in an earlier
// chunk, else to the one full name of the corpus ending in it. The corpus is
// the whole input when every chunk is observe()d first and then link()ed (as
// `textgraph build` does: a "Trump" read before any "Donald Trump" is linked
// to him), or the chunks seen so far when link() is called chunk by chunk (as
// `textgraph extract` does, streaming: that "Trump" stays "Trump"). Two
// people with the same surname and different first names anywhere in the
// corpus are never merged without evidence in the document itself. The
// result depends only on the order of chunks, never on threads.
//
// Failure: none. Documents that are not tagged give names from capitalised
// words only; unparsed sentences (head -1) give names but no coreference.
// Triples whose provenance sentence is not in the document are left as they
// are (counted in DocumentEntities::unplaced).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "textgraph/actors.h"
#include "textgraph/document.h"
#include "textgraph/status.h"
#include "textgraph/triple.h"

namespace textgraph {

enum class MentionKind {
  kName,         // a proper name ("Vladimir Putin", "Putin", "EU")
  kGroup,        // a common noun tied to a country ("Iranian leaders", "U.S. envoys")
  kPronoun,      // he, she, it, they, ... (resolved by coreference)
  kDescription,  // a definite description ("the president", "the Russian leader")
};

// One mention of an entity in a document.
struct Mention {
  std::size_t sentence = 0;  // 0-based index of the sentence in the document
  int head = 0;              // word id (1-based) of the mention's head word
  int first = 0;             // first word id of the mention (title and affiliation included)
  int last = 0;              // last word id of the mention
  MentionKind kind = MentionKind::kName;
  std::string text;         // as written ("Russian President Vladimir Putin", "he")
  std::string actor;        // canonical actor ("Vladimir Putin"); "" = unresolved
  std::string type;         // "PERSON", "ORG", "LOC", "COUNTRY"; "" = unknown
  std::string title;        // title words before a person's name ("Russian President")
  std::string affiliation;  // country or organisation the mention belongs to ("Russia")
  std::string role;         // the noun of a group mention ("leaders", "envoys")
  int antecedent = -1;      // index (into DocumentEntities::mentions) of the mention a
                            // pronoun or description was resolved to; -1 = none
  bool partial = false;     // a single person name left open (ambiguous or no full name
                            // in the document): ActorLinker may still link it
  bool plural = false;      // grammatical number of the mention
};

// What resolve() found in one document.
struct DocumentEntities {
  std::string document;                 // Document::id
  std::vector<Mention> mentions;        // in document order (sentence, then word)
  std::vector<std::string> full_names;  // person full names in order of first mention
  std::size_t arguments = 0;            // triple arguments looked at
  std::size_t resolved = 0;             // of them, given an actor
  std::size_t unplaced = 0;             // triples whose sentence is not in the document
  std::size_t self_references = 0;      // triples removed: subject and object the same actor
                                        // (a title or apposition restating a name)
};

struct EntityOptions {
  bool coreference = true;  // resolve pronouns and definite descriptions
  bool groups = true;       // "Iranian leaders" → Iran, "U.S. envoys" → United States envoys
  std::size_t pronoun_window = 3;  // sentences back a pronoun may look
};

class EntityResolver {
 public:
  // `dictionary` must outlive the resolver.
  explicit EntityResolver(const ActorDictionary& dictionary, EntityOptions options = {});
  ~EntityResolver();
  EntityResolver(EntityResolver&&) noexcept;
  EntityResolver& operator=(EntityResolver&&) noexcept;

  // Mentions of `doc`, and Argument::actor / Argument::type set on the
  // triples extracted from it (their Provenance::sentence indexes
  // doc.sentences; spans, when known, are byte offsets into doc.text).
  // Thread-safe: any number of calls at once.
  DocumentEntities resolve(const Document& doc, std::vector<Triple>& triples) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One canonical actor of a corpus, with the evidence for it.
struct ActorRecord {
  std::string actor;                                            // canonical name
  std::string type;                                             // most frequent type
  std::size_t mentions = 0;                                     // triple arguments that named it
  std::vector<std::pair<std::string, std::size_t>> aliases;     // surface texts with counts,
                                                                // in order of first appearance
  std::vector<std::pair<std::string, std::string>> attributes;  // ("title", "Russian President"),
                                                                // ("affiliation", "Russia"),
                                                                // ("role", "leaders"); distinct
};

class ActorLinker {
 public:
  ActorLinker();
  ~ActorLinker();
  ActorLinker(ActorLinker&&) noexcept;
  ActorLinker& operator=(ActorLinker&&) noexcept;

  // Records the full names of a chunk (call in input order). link() calls it
  // itself for chunks not observed yet.
  void observe(const DocumentEntities& entities);
  // Links the chunk's open single names (Mention::partial) in its triples
  // (see the top), and tallies every argument's actor into table().
  void link(const DocumentEntities& entities, std::vector<Triple>& triples);
  // Every actor seen by link(), in order of first appearance.
  std::vector<ActorRecord> table() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The actor table as TSV, one actor per line after a header line:
//   actor TAB type TAB mentions TAB aliases TAB attributes
// aliases "Putin (2) | Vladimir Putin (1)", attributes "title=Russian
// President | affiliation=Russia"; tabs and newlines inside become spaces.
std::string actor_table_tsv(const std::vector<ActorRecord>& table);

// Argument::actor cleared on every argument: the mentions view (argument
// phrases as nodes; types are kept).
void clear_actors(std::vector<Triple>& triples);

// What graph nodes stand for (`--view`).
enum class EntityView {
  kMentions,  // argument phrases as written ("Russian President Vladimir Putin", "he")
  kActors,    // canonical actors ("Vladimir Putin"); phrases without one stay as written
};

// The shipped dictionary (actors.tsv in `model_dir`, else in
// default_model_dir()) extended by `files` in order (`--actors FILE`).
// Failure: as ActorDictionary::add_file (kIo for a missing file,
// kInvalidInput at FILE:LINE for a malformed entry).
[[nodiscard]] Result<ActorDictionary> load_actor_dictionary(const std::string& model_dir,
                                                            const std::vector<std::string>& files);

}  // namespace textgraph
