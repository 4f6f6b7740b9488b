// Word lists of the entity stage, written for textgraph: titles, group
// nouns, descriptions, pronouns and first names with their gender.
#pragma once

#include <string_view>

namespace textgraph::entities {

enum class Gender { kUnknown, kMale, kFemale };

// A word that may stand before a person's name as (part of) a title:
// "President", "Prime", "Minister", "former", "Mr.". Case-sensitive for
// capitalised titles, lower case for "former", "then", "acting".
bool is_title_word(std::string_view word);
// Gender a title implies ("King", "Mrs.", "Queen"); kUnknown for most.
Gender title_gender(std::string_view word);
// Gender of a first name ("Vladimir" male, "Angela" female); kUnknown if not listed.
Gender first_name_gender(std::string_view name);

// Nouns for the state itself: "Iranian leaders" and "the Russian government"
// are the country (lower-cased lemma).
bool is_state_noun(std::string_view lemma);
// Nouns for people or bodies acting for a country: "U.S. envoys" is the
// actor "United States envoys" (lower-cased lemma).
bool is_representative_noun(std::string_view lemma);

// What a definite description ("the president", "the bloc") may refer to.
enum class Describes { kNothing, kPersonTitle, kLeader, kCountry, kOrganisation };
Describes description_of(std::string_view lemma);

// Pronouns: gender (kUnknown for they/it), number, animacy, form.
struct PronounInfo {
  bool known = false;  // a third-person pronoun of the list
  Gender gender = Gender::kUnknown;
  bool plural = false;      // they/them/their
  bool neuter = false;      // it/its/itself
  bool possessive = false;  // his/her/its/their
  bool reflexive = false;   // himself/herself/itself/themselves
};
PronounInfo pronoun_info(std::string_view lower_form);

// Last words of organisation and place names ("Ministry", "Strait").
bool is_org_suffix(std::string_view word);
bool is_place_suffix(std::string_view word);

// Days and months (not those that are also first names: April, May, June,
// August): proper nouns that name no actor.
bool is_calendar_word(std::string_view word);

// Verbs with a pleonastic subject ("it rains", "it seems that").
bool is_weather_verb(std::string_view lemma);
bool is_raising_verb(std::string_view lemma);
// Verbs whose object is a place ("visited Riyadh"): a capital there is the city.
bool is_motion_verb(std::string_view lemma);
// Reporting verbs ("say", "tell") for quotations.
bool is_speech_verb(std::string_view lemma);

}  // namespace textgraph::entities
