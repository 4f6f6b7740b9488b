// Internal: the word lists behind the tokenizer's rules, written for the
// project from the conventions of UD English EWT (which words keep their
// period, which hyphen prefixes stay attached, which contractions split).
#pragma once

#include <string_view>

namespace textgraph::tokenizer {

enum class Abbreviation {
  kNone,     // not an abbreviation: a following period is punctuation
  kTitle,    // comes before a name ("Mr.", "Gen.", "St."): a sentence rarely ends on it
  kGeneral,  // "etc.", "Inc.", "Jan.", "U.S.": may end a sentence
  kNumber,   // "No.", "Nos.", "Art.": an abbreviation only before a number
};

// What kind of abbreviation `word` (without its final period) is. Entries
// listed in lower case ("etc") match in any case; entries listed capitalized
// ("Gen", "Ill") only when the word starts with a capital, since in lower
// case they are ordinary words.
Abbreviation abbreviation_kind(std::string_view word) noexcept;

// True for "non", "pre", "anti", "e", ...: prefixes that stay one token with
// what follows the hyphen in EWT ("non-violent", "e-mail"). `word` is lower case.
bool is_hyphen_prefix(std::string_view lower_word) noexcept;

// True for unit and time suffixes split from a number ("5pm" -> 5 pm,
// "65k" -> 65 k); ordinals and decades ("5th", "90s") are not units.
bool is_unit_suffix(std::string_view lower_word) noexcept;

// A word EWT writes as a multiword token without an apostrophe ("cannot" ->
// can not, "gonna" -> gon na, "dont" -> do nt): the byte length of each part,
// in order, ending with 0; nullptr if the word is not one.
const unsigned char* fused_word_parts(std::string_view lower_word) noexcept;

// Words that follow "its" only when it stands for "it's" ("its not", "its
// a", "its been"); `lower_word` is lower case.
bool follows_contracted_its(std::string_view lower_word) noexcept;

// Clitics that follow an apostrophe and split off as their own word: s, m,
// d, re, ve, ll (lower case, without the apostrophe).
bool is_clitic(std::string_view lower_suffix) noexcept;

// Words that often start a sentence ("The", "He", "But"): a capitalized one
// after an abbreviation such as "U.S." or "Inc." suggests a boundary.
bool is_sentence_starter(std::string_view word) noexcept;

}  // namespace textgraph::tokenizer
