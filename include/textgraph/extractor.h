// textgraph/extractor.h — actor–relation–actor triples from dependency trees.
//
// Usage:
//   textgraph::Document doc = ...;            // tokenized, tagged and parsed (UD v2)
//   textgraph::ExtractOptions options;        // defaults suit news and the graph
//   textgraph::ExtractStats stats;
//   std::vector<textgraph::Triple> triples = textgraph::extract(doc, options, &stats);
//   for (const textgraph::Triple& t : triples)
//     std::cout << t.subject.text << " -[" << t.relation.lemma << "]-> " << t.object.text << "\n";
//
//   // CaRB "tabbed" lines for the Open IE benchmark tools:
//   for (const textgraph::Triple& t : triples) std::cout << textgraph::carb_line(t);
//
// What is read: every Word's form, lemma, upos, xpos, feats, head and deprel
// (Universal Dependencies v2, English as annotated in UD English-EWT), and
// span/space_after/multiword tokens to rebuild phrases and their byte spans.
//
// What comes out, per sentence in word order of the predicates:
//   - verbal clauses: subject -[verb + particle + preposition]-> object, with
//     further obliques in Triple::extra ("Putin met envoys in Riyadh");
//   - xcomp chains folded into one relation ("is preparing to meet with" →
//     lemma "prepare to meet with"); object control gives two triples ("ordered
//     Meta to pay a fine" → court -[order]-> Meta, Meta -[pay]-> fine);
//   - clausal objects (ccomp): the clause is the object, and the triples found
//     inside it carry Attribution when the verb reports speech or belief;
//   - passives: with a by-agent the agent becomes the subject and the lemma is
//     the active verb ("The talks were hosted by Saudi Arabia" → Saudi Arabia
//     -[host]-> The talks, Relation::passive set); without one the patient is
//     the subject and the lemma reads "be hosted";
//   - copulas: "X is Y" (lemma "be"), "X is the president of Y" (lemma
//     "be president of", object Y), "X is responsible for Y";
//   - coordination expanded: conjoined subjects, objects and verbs each give
//     their own triple; a verb conjunct inherits the subject, auxiliaries and
//     right-shared object of its first conjunct;
//   - relative clauses (the antecedent fills the gap; "the village where X
//     started" reads X -[start in]-> the village), reduced relatives and
//     participial modifiers ("the talks hosted by Saudi Arabia"; a passive
//     one's relation text reads "be hosted by", as the clause would),
//     appositions ("Angela Merkel, the former chancellor" → Angela Merkel
//     -[be]-> the former chancellor) and titles before names ("Finnish
//     President Sauli Niinisto" → Sauli Niinisto -[be]-> Finnish President);
//   - a subject pronoun in a dependent or conjoined clause stands for the
//     named subject of the clause above it ("Rivera resigned after he lost
//     the vote" → Rivera -[lose]-> the vote): he/she for a name, it for a
//     singular noun, they for a plural or a name; across sentences nothing
//     is resolved (that is the entity stage's coreference);
//   - light verbs ("held talks with Y" → talk with) and nominalisations with
//     both roles present ("Russia's invasion of Ukraine" → invade), each as an
//     extra triple next to the literal one.
// Every triple has polarity (not, never, n't, "no" determiners), modality
// (the first modal auxiliary's lemma: will, would, may, might, can, could,
// shall, should, must), attribution ("Analysts say X", "X, Seoul said",
// "according to X"), a confidence in (0, 1) that ranks extractions, and
// provenance (document id, sentence index, sentence text; byte spans of each
// phrase when the words have spans).
//
// Argument::type is set from the head word's NER tag when an entity stage
// has tagged the words (B-PER/I-PER → "PERSON", ORG → "ORG", LOC → "LOC");
// Argument::actor is left to the entity stage.
//
// Phrases: an argument is its head word's subtree in word order, minus the
// preposition that joined the relation, the head's relative clauses (they
// give triples of their own), its appositions and participial modifiers set
// off by commas, parataxis/discourse/vocative material, brackets around the
// whole phrase, and the punctuation left dangling at its edges. Text is rebuilt from the words'
// forms and space_after (a multiword token wholly inside a phrase is written
// as its surface form), so PTB-tokenized input gives PTB-spaced phrases.
//
// Failure: none on well-formed input. Sentences that are not parsed (a word
// with head -1 or an empty deprel) or whose heads do not form a tree (a cycle
// or no root) give no triples; they are counted in ExtractStats. extract() is
// thread-safe: it reads only its arguments and keeps no shared state.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "textgraph/document.h"
#include "textgraph/triple.h"

namespace textgraph {

struct ExtractOptions {
  bool expand_coordination = true;  // one triple per conjunct (else one per conjunction)
  bool relative_clauses = true;     // triples from acl:relcl with the antecedent filled in
  bool participles = true;          // triples from participial modifiers (acl)
  bool appositions = true;          // "X, a Y," → X -[be]-> a Y
  bool light_verbs = true;          // "held talks with Y" → talk with, next to the literal triple
  bool nominalisations = true;      // "Russia's invasion of Ukraine" → Russia -[invade]-> Ukraine
  bool reporting_triples = true;    // the "Analysts -[say]-> <clause>" triple itself
  bool implicit_relations = false;  // low-confidence implicit readings: "X's Y" → X -[have]->
                                    // Y, "the talks with Y" → talks -[be with]-> Y, "took an
                                    // interest in Y" → took an interest in | Y (Open IE
                                    // benchmarks reward them; graphs rarely want them)
  bool intransitive = false;        // also triples without an object (object.text empty;
                                    // graphs and triple files need an object)
  double min_confidence = 0.0;      // drop triples below this confidence
  std::size_t max_per_sentence = 64;  // cap on triples of one sentence (coordination can explode)
};

// Counters for one extract() call; add them up across calls as needed.
struct ExtractStats {
  std::size_t sentences = 0;  // sentences seen
  std::size_t unparsed = 0;   // sentences skipped: some word has no head or deprel
  std::size_t malformed = 0;  // sentences skipped: heads do not form a tree
  std::size_t triples = 0;    // triples returned
  std::size_t truncated = 0;  // sentences whose triples hit max_per_sentence
};

// Triples of every sentence of `doc`, in sentence order. Provenance::document
// is doc.id; spans are filled when the words have spans (text known).
std::vector<Triple> extract(const Document& doc, const ExtractOptions& options = {},
                            ExtractStats* stats = nullptr);

// Triples of one sentence; `index` and `document_id` go into the provenance,
// `document_text` (may be empty) gives the sentence text when the sentence
// has no "# text" but has spans. Appends to `out`.
void extract_sentence(const Sentence& sentence, std::size_t index, const std::string& document_id,
                      const std::string& document_text, const ExtractOptions& options,
                      std::vector<Triple>& out, ExtractStats* stats = nullptr);

// CaRB "tabbed" output for one triple, newline included:
//   sentence TAB confidence TAB relation TAB arg1 TAB arg2 [TAB extra ...]
// A passive triple (Relation::passive) is written as read, the patient first
// ("were hosted by" TAB "The talks" TAB "Saudi Arabia"), followed by a second
// line with its active reading (lemma, agent, patient: "host" TAB "Saudi
// Arabia" TAB "The talks") at half the confidence. An empty object is left
// out (a one-argument tuple). Tabs and newlines inside fields become spaces.
std::string carb_line(const Triple& triple);

}  // namespace textgraph
