// The entity stage's working state for one document, shared by its steps:
// mentions.cpp (find mentions, names within the document), coreference.cpp
// (pronouns, descriptions) and resolver.cpp (arguments of triples).
#pragma once

#include <string>
#include <vector>

#include "entities/lexicon.h"
#include "textgraph/actors.h"
#include "textgraph/document.h"
#include "textgraph/entities.h"

namespace textgraph::entities {

// One sentence with what the steps look up often.
struct SentenceView {
  const Sentence* sentence = nullptr;
  std::vector<std::string> forms;          // word forms, for dictionary matching
  std::vector<std::vector<int>> children;  // children[i]: 0-based indices of word i's dependents
  std::vector<int> mention_of;             // 0-based word → mention index, -1 = none
  std::vector<bool> in_quote;              // word stands between quotation marks
  bool parsed = false;                     // every word has a head
};

// What the steps know about a mention beyond the public record.
struct MentionInfo {
  Gender gender = Gender::kUnknown;
  bool candidate = true;     // may be an antecedent (not a modifier inside a larger mention)
  bool subject = false;      // nsubj / nsubj:pass of its clause
  int predicate = -1;        // 0-based index of the word it depends on (its clause head)
  std::size_t tokens = 0;    // words of a name (after titles); 1 = a single name
  bool dictionary = false;   // the actor comes from the dictionary
  bool common = false;       // a plain noun phrase with no actor (blocks wrong antecedents)
  bool pleonastic = false;   // "it" with no referent
  bool speaker = false;      // subject of a speech verb outside any quotation
  bool coordinated = false;  // a conjunct ("Moscow and Washington"): "they" means them all
  std::string last_name;     // last word of a name ("Putin"), for names within the document
  std::string first_name;    // first word of a name after its titles
  std::string demonym_of;    // a description's country adjective ("the Russian leader": Russia)
  int describes = 0;         // a description's Describes value
};

struct Work {
  const Document* doc = nullptr;
  const ActorDictionary* dictionary = nullptr;
  bool has_ner = false;
  std::vector<SentenceView> sentences;
  std::vector<Mention> mentions;
  std::vector<MentionInfo> info;  // parallel to mentions
};

// Steps, in this order.
void prepare(Work& work);
void find_mentions(Work& work, const EntityOptions& options);
void link_names(Work& work);
void resolve_coreference(Work& work, const EntityOptions& options);
void settle_types(Work& work);

// Dictionary kind as an entity type ("COUNTRY", "ORG", "LOC").
const char* type_of(ActorKind kind);
std::string lower(std::string_view s);

}  // namespace textgraph::entities
