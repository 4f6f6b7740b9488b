// textgraph/triple.h — the actor–relation–actor record that the extractor
// emits and the knowledge graph consumes.
//
// Usage:
//   textgraph::Triple t;
//   t.subject.text = "Vladimir Putin";
//   t.relation.text = "is preparing to meet with";
//   t.relation.lemma = "prepare to meet with";
//   t.object.text = "United States envoys";
//   graph.add(t);
//
// A Triple says "subject -[relation]-> object" as read in one sentence, with
// how sure we are (confidence), whether it is denied (polarity), hedged
// (modality) or reported (attribution), and where it came from (provenance:
// document, sentence and byte spans). Spans are byte offsets into the
// document's text (see document.h); an empty spans list means unknown.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "textgraph/document.h"

namespace textgraph {

enum class Polarity { kPositive, kNegative };

// One argument (subject, object or a further argument) of a triple.
struct Argument {
  std::string text;         // the phrase as written ("United States envoys")
  std::string type;         // entity type: "PERSON", "ORG", "LOC", ... ; "" = unknown
  std::string actor;        // canonical actor it refers to ("Vladimir Putin"); "" = none
  std::vector<Span> spans;  // bytes of the phrase in the document (may be discontinuous)
  // Attributes the phrase gives its actor (set by the entity stage; "" = none):
  std::string title;        // title words before a person's name ("Russian President")
  std::string affiliation;  // country or organisation it belongs to ("Russia"); never the
                            // actor itself
  std::string role;         // the noun of a group of a country ("Iranian leaders" → actor
                            // "Iran", role "leaders")
};

struct Relation {
  std::string text;         // surface form as written ("has been warning", "met with")
  std::string lemma;        // normalised form for graph edges ("warn", "meet with")
  std::vector<Span> spans;  // bytes of the relation words in the document
  bool passive = false;     // text is a passive read the other way round: "were hosted by"
                            // with subject = the agent ("Saudi Arabia") and object = the
                            // patient ("The talks"); lemma is the active verb ("host")
};

// Who said so, for reported content: "Analysts say X" → {"Analysts", "say"}.
struct Attribution {
  std::string source;  // "" = not attributed
  std::string verb;    // lemma of the reporting verb ("say", "claim")
};

struct Provenance {
  std::string document;      // document id ("" = none given)
  std::size_t sentence = 0;  // 0-based index of the sentence in the document
  std::string text;          // the sentence as written
};

struct Triple {
  Argument subject;
  Relation relation;
  Argument object;
  std::vector<Argument> extra;  // further arguments in sentence order ("in Riyadh"), for
                                // n-ary Open IE output; not part of the graph edge
  Polarity polarity = Polarity::kPositive;
  std::string modality;  // "" = asserted; else the modal lemma ("may", "will", ...)
  Attribution attribution;
  double confidence = 1.0;  // in [0, 1]; ranks extractions
  Provenance provenance;
};

}  // namespace textgraph
