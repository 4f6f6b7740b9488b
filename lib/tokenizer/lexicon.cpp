#include "tokenizer/lexicon.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "tokenizer/chars.h"

namespace textgraph::tokenizer {
namespace {

// Lower-cases an ASCII word into `buffer`; false if it is too long to be in
// any list (every entry is shorter).
bool lower_into(std::string_view word, std::array<char, 24>& buffer, std::string_view& out) {
  if (word.size() >= buffer.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) buffer[i] = ascii_lower(word[i]);
  out = std::string_view(buffer.data(), word.size());
  return true;
}

struct AbbreviationEntry {
  Abbreviation kind;
  bool capitalized;  // listed with a capital: only matches a word starting with one
};

// Heterogeneous look-up: the table owns lower-case std::string keys and is
// searched with string_views.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
using AbbreviationTable =
    std::unordered_map<std::string, AbbreviationEntry, StringHash, std::equal_to<>>;

const AbbreviationTable& abbreviations() {
  // Capitalized entries are also ordinary lower-case words ("ill", "mass",
  // "sun"), so only their capitalized spellings count as abbreviations.
  static const AbbreviationTable table = [] {
    AbbreviationTable t;
    const auto add = [&t](std::initializer_list<std::string_view> words, Abbreviation kind) {
      for (std::string_view w : words) {
        std::string lower(w);
        for (char& c : lower) c = ascii_lower(c);
        const bool capital = is_upper(static_cast<unsigned char>(w[0]));
        // A word listed both ways ("Sec" the title, "sec" the unit) keeps
        // its first kind and matches in any case.
        const auto [it, inserted] = t.emplace(std::move(lower), AbbreviationEntry{kind, capital});
        if (!inserted && !capital) it->second.capitalized = false;
      }
    };
    // Titles that stand before a name; "St.", "Mt." and "Sr." are general,
    // since they also end addresses and names ("on Main St. The ...").
    add({"Mr",   "Mrs", "Ms",   "Messrs", "Mme",  "Mlle",  "Dr",   "Drs", "Prof", "Profs", "Gen",
         "Gens", "Lt",  "Col",  "Maj",    "Capt", "Cmdr",  "Cdr",  "Sgt", "Cpl",  "Pvt",   "Adm",
         "Brig", "Gov", "Govs", "Sen",    "Sens", "Rep",   "Reps", "Rev", "Hon",  "Pres",  "Supt",
         "Insp", "Det", "Atty", "Amb",    "Fr",   "Lieut", "Sra",  "Srta"},
        Abbreviation::kTitle);
    add({"Jan",  "Feb",  "Mar",  "Apr",   "Jun",  "Jul",  "Aug",   "Sep",   "Sept", "Oct",  "Nov",
         "Dec",  "Mon",  "Tue",  "Tues",  "Wed",  "Thu",  "Thur",  "Thurs", "Fri",  "Sat",  "Inc",
         "Corp", "Co",   "Cos",  "Ltd",   "Bros", "Assn", "Assoc", "Dept",  "Univ", "Inst", "Intl",
         "Natl", "Govt", "Jr",   "Esq",   "Ave",  "Blvd", "Rd",    "Hwy",   "Pkwy", "Sq",   "Apt",
         "Ala",  "Ariz", "Ark",  "Calif", "Colo", "Conn", "Del",   "Fla",   "Ga",   "Ill",  "Ind",
         "Kan",  "Kans", "Ky",   "La",    "Md",   "Mass", "Mich",  "Minn",  "Miss", "Mont", "Neb",
         "Nev",  "Okla", "Ore",  "Pa",    "Penn", "Tenn", "Tex",   "Va",    "Vt",   "Wash", "Wis",
         "Wyo",  "Ont",  "Que",  "Attn",  "Fig",  "Figs", "Ed",    "Eds",   "Vol",  "Vols", "Ch",
         "Chap", "Sect", "Para", "Mob",   "Tel",  "Fax",  "Ph",    "Arrv",  "Dep",  "Eng",  "Est",
         "Sun",  "Spec", "Conf", "St",    "Ste",  "Mt",   "Ft",    "Pt",    "Sr",   "Sec",  "Secs"},
        Abbreviation::kGeneral);
    add({"etc",  "vs",   "v",    "al",   "approx", "appt", "apt",  "esp",  "ext", "incl", "excl",
         "viz",  "cf",   "ca",   "eg",   "ie",     "min",  "mins", "max",  "hr",  "hrs",  "sec",
         "secs", "yr",   "yrs",  "mo",   "mos",    "wk",   "wks",  "oz",   "lb",  "lbs",  "ft",
         "sq",   "tel",  "dept", "misc", "avg",    "ref",  "pp",   "ed",   "eds", "vol",  "vols",
         "govt", "info", "div",  "rep",  "jr",     "sr",   "inc",  "corp", "ltd", "co",   "bros",
         "mfg",  "dept", "est",  "tsp",  "tbsp",   "pkg",  "arrv", "lv"},
        Abbreviation::kGeneral);
    add({"No", "Nos", "Art", "Arts", "Nr"}, Abbreviation::kNumber);
    add({"no", "nos"}, Abbreviation::kNumber);
    return t;
  }();
  return table;
}

}  // namespace

Abbreviation abbreviation_kind(std::string_view word) noexcept {
  if (word.empty()) return Abbreviation::kNone;
  std::array<char, 24> buffer;
  std::string_view lower;
  if (!lower_into(word, buffer, lower)) return Abbreviation::kNone;
  const auto& table = abbreviations();
  const auto it = table.find(lower);
  if (it == table.end()) return Abbreviation::kNone;
  if (it->second.capitalized && !is_upper(static_cast<unsigned char>(word[0])))
    return Abbreviation::kNone;
  return it->second.kind;
}

bool is_hyphen_prefix(std::string_view lower_word) noexcept {
  // Each has EWT or GUM train examples kept whole ("non-violent", "e-mail");
  // prefixes without such evidence split like any compound.
  static const std::unordered_set<std::string_view> prefixes = {
      "e",    "non",     "pre",   "anti",  "mid",   "re",    "post",  "co",     "over",
      "pro",  "multi",   "ex",    "sub",   "semi",  "cross", "neo",   "psycho", "socio",
      "arch", "counter", "intra", "inter", "micro", "mini",  "super", "un"};
  return prefixes.count(lower_word) != 0;
}

bool is_unit_suffix(std::string_view lower_word) noexcept {
  static const std::unordered_set<std::string_view> units = {
      "am",  "pm", "k",   "m",    "mm",  "cm",   "km", "kg",  "mg",  "g",   "gb",
      "mb",  "kb", "tb",  "lb",   "lbs", "oz",   "ft", "mph", "kph", "kmh", "hr",
      "hrs", "h",  "min", "mins", "sec", "secs", "yr", "yrs", "b",   "bn",  "mn",
      "mil", "ml", "kw",  "kwh",  "mw",  "mwh",  "gw", "gwh", "ghz", "mhz", "hz",
      "db",  "x",  "p",   "yo",   "day", "days", "wk", "wks", "mo",  "mos"};
  return units.count(lower_word) != 0;
}

const unsigned char* fused_word_parts(std::string_view lower_word) noexcept {
  // Looked up for most short words of every text, so the words are packed
  // into 64-bit keys and binary-searched instead of hashed.
  const auto pack = [](std::string_view w) {
    std::uint64_t k = 0;
    for (char c : w) k = (k << 8) | static_cast<unsigned char>(c);
    return k;
  };
  struct Fused {
    std::string_view word;
    std::array<unsigned char, 4> parts;
  };
  static constexpr Fused kEntries[] = {
      {"cannot", {3, 3, 0}},  {"gonna", {3, 2, 0}},   {"wanna", {3, 2, 0}},
      {"gotta", {3, 2, 0}},   {"outta", {3, 2, 0}},   {"dunno", {2, 1, 2, 0}},
      {"dont", {2, 2, 0}},    {"didnt", {3, 2, 0}},   {"doesnt", {4, 2, 0}},
      {"cant", {2, 2, 0}},    {"wont", {2, 2, 0}},    {"isnt", {2, 2, 0}},
      {"wasnt", {3, 2, 0}},   {"arent", {3, 2, 0}},   {"werent", {4, 2, 0}},
      {"couldnt", {5, 2, 0}}, {"wouldnt", {5, 2, 0}}, {"shouldnt", {6, 2, 0}},
      {"hasnt", {3, 2, 0}},   {"havent", {4, 2, 0}},  {"hadnt", {3, 2, 0}},
      {"aint", {2, 2, 0}},    {"mustnt", {4, 2, 0}},  {"neednt", {4, 2, 0}},
      {"im", {1, 1, 0}},      {"ive", {1, 2, 0}},     {"youre", {3, 2, 0}},
      {"youve", {3, 2, 0}},   {"youll", {3, 2, 0}},   {"theyre", {4, 2, 0}},
      {"theyve", {4, 2, 0}},  {"theyll", {4, 2, 0}},  {"itll", {2, 2, 0}},
      {"thats", {4, 1, 0}},   {"theres", {5, 1, 0}},  {"heres", {4, 1, 0}},
      {"whats", {4, 1, 0}},   {"hes", {2, 1, 0}},     {"shes", {3, 1, 0}},
      {"whos", {3, 1, 0}},    {"hows", {3, 1, 0}},    {"wheres", {5, 1, 0}},
      {"wouldve", {5, 2, 0}}, {"couldve", {5, 2, 0}}, {"shouldve", {6, 2, 0}},
  };
  using Entry = std::pair<std::uint64_t, const unsigned char*>;
  static const std::vector<Entry> table = [&] {
    std::vector<Entry> t;
    for (const Fused& f : kEntries) t.emplace_back(pack(f.word), f.parts.data());
    std::sort(t.begin(), t.end());
    return t;
  }();
  if (lower_word.size() > 8) return nullptr;
  const std::uint64_t k = pack(lower_word);
  const auto it =
      std::lower_bound(table.begin(), table.end(), Entry{k, nullptr},
                       [](const Entry& a, const Entry& b) { return a.first < b.first; });
  return it != table.end() && it->first == k ? it->second : nullptr;
}

bool follows_contracted_its(std::string_view lower_word) noexcept {
  // Determiners, adverbs, prepositions and participles: none can follow the
  // possessive "its" ("its own", "its members" do not split).
  static const std::unordered_set<std::string_view> words = {
      "not",      "a",      "an",         "the",      "really",    "simply",    "like",
      "in",       "now",    "definitely", "for",      "also",      "between",   "from",
      "nothing",  "called", "all",        "getting",  "been",      "just",      "so",
      "too",      "pretty", "always",     "never",    "still",     "about",     "going",
      "gonna",    "ok",     "okay",       "because",  "what",      "on",        "at",
      "to",       "my",     "your",       "his",      "her",       "our",       "their",
      "that",     "this",   "there",      "how",      "who",       "when",      "where",
      "why",      "almost", "actually",   "probably", "already",   "obviously", "clearly",
      "great",    "easy",   "hard",       "true",     "important", "necessary", "impossible",
      "possible", "better", "worse",      "no",       "sad",       "funny",     "nice"};
  return words.count(lower_word) != 0;
}

bool is_clitic(std::string_view lower_suffix) noexcept {
  return lower_suffix == "s" || lower_suffix == "m" || lower_suffix == "d" ||
         lower_suffix == "re" || lower_suffix == "ve" || lower_suffix == "ll";
}

bool is_sentence_starter(std::string_view word) noexcept {
  static const std::unordered_set<std::string_view> starters = {
      "The",     "A",       "An",        "He",        "She",    "It",       "They",      "We",
      "I",       "You",     "This",      "That",      "These",  "Those",    "There",     "But",
      "And",     "In",      "On",        "At",        "For",    "If",       "When",      "While",
      "After",   "Before",  "As",        "Our",       "His",    "Her",      "Their",     "Its",
      "My",      "Your",    "What",      "Who",       "Why",    "How",      "Where",     "So",
      "Yet",     "Some",    "Many",      "Most",      "All",    "One",      "Now",       "Then",
      "Today",   "Also",    "However",   "Meanwhile", "Still",  "Although", "Though",    "Since",
      "Because", "Both",    "Each",      "Even",      "Such",   "Here",     "Under",     "With",
      "Without", "During",  "According", "Last",      "Next",   "Instead",  "Officials", "Earlier",
      "Later",   "Despite", "Over",      "Please",    "Thanks", "Thank",    "Yes",       "No",
      "Not",     "Or",      "Do",        "Does",      "Did",    "Is",       "Are",       "Was",
      "Were",    "Will",    "Would",     "Can",       "Could",  "Should",   "Let",       "Let's",
      "Just",    "Only",    "Every",     "Several",   "Other",  "Another",  "More",      "From",
      "By",      "To",      "Of",        "Hi",        "Hello",  "Dear"};
  return starters.count(word) != 0;
}

}  // namespace textgraph::tokenizer
