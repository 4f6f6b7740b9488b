// Internal: the closed word lists the extraction rules consult (lemmas,
// lower case). Written for textgraph from our reading of English usage.
#pragma once

#include <string_view>

namespace textgraph::extraction {

// "not", "never", "n't" (EWT lemma "not") — negates the clause it modifies.
bool is_negation(std::string_view lemma);
// may, might, can, could, will, would, shall, should, must.
bool is_modal(std::string_view lemma);
// Verbs whose clausal complement is reported speech or belief: say, claim,
// believe, acknowledge, ... The complement's triples carry Attribution.
bool is_reporting_verb(std::string_view lemma);
// Complementizers that join a clausal object's relation: that, whether, if.
bool is_complementizer(std::string_view lemma);
// Markers of a gerund used like a prepositional object: "aimed at exploring".
bool is_prepositional_mark(std::string_view lemma);

// A light verb + event noun reading: "hold talks with Y" → "talk with" Y.
struct EventNoun {
  std::string_view verb;  // the verb the noun names ("talk")
  std::string_view prep;  // preposition kept after the verb ("with"); "" = direct object
};

// Verbs that mostly lend their object noun the predication: hold, issue,
// make, give, launch, lodge, ...
bool is_light_verb(std::string_view lemma);
// The event reading of `noun` when its target is introduced by `prep`
// ("warning" + "to" → warn, direct); false if the pair is not in the table.
bool event_noun(std::string_view noun, std::string_view prep, EventNoun& out);
// Whether `noun` is in the event table at all (any preposition).
bool is_event_noun(std::string_view noun);

// "respond to X with warnings": verbs whose "with" names the act they answer
// with. `target` says where the addressee stands: "to" (respond, react,
// reply, retaliate) or "" for the direct object (meet, greet, answer).
// False if the verb is not one of them.
bool response_verb(std::string_view lemma, std::string_view& target);
// The communicative act a "with" noun names: warning → warn, threat →
// threaten, criticism → criticise, condemnation → condemn, ... False if none.
bool response_act(std::string_view noun, std::string_view& verb);

// Nouns that measure or classify what follows rather than relate to it
// ("kind", "part", "number", "lot"): "a kind of place" is no relation.
bool quantity_noun(std::string_view lemma);

// Titles and roles written before a name ("President", "Prime Minister",
// "Attorney", "Sen."): "President Joe Biden" → Joe Biden -[be]-> President.
// Lower-case lemma or form.
bool is_title(std::string_view word);
// Adjectives that select or count rather than describe ("other", "such",
// "many", "first", "former"): "the other talks" says nothing of the talks.
bool is_selective_adjective(std::string_view lemma);

}  // namespace textgraph::extraction
