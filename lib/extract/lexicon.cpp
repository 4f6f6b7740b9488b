#include "extract/lexicon.h"

#include <algorithm>
#include <iterator>

namespace textgraph::extraction {

namespace {

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

constexpr std::string_view kNegations[] = {"not", "never", "n't"};

constexpr std::string_view kModals[] = {"may",   "might", "can",    "could", "will",
                                        "would", "shall", "should", "must"};

constexpr std::string_view kReporting[] = {
    "say",        "tell",      "claim",    "insist",  "state",     "announce",  "report",
    "add",        "note",      "argue",    "suggest", "believe",   "think",     "acknowledge",
    "deny",       "confirm",   "maintain", "allege",  "contend",   "assert",    "declare",
    "explain",    "indicate",  "predict",  "stress",  "emphasize", "emphasise", "caution",
    "warn",       "estimate",  "expect",   "fear",    "hope",      "write",     "reply",
    "admit",      "concede",   "complain", "reveal",  "disclose",  "testify",   "signal",
    "hint",       "speculate", "recall",   "observe", "remark",    "conclude",  "assume",
    "doubt",      "feel",      "know",     "learn",   "hear",      "realize",   "realise",
    "understand", "agree",     "promise",  "vow",     "pledge",    "threaten",  "urge",
    "boast",      "point",     "counter",  "respond", "mention"};

constexpr std::string_view kComplementizers[] = {"that", "whether", "if"};

constexpr std::string_view kPrepositionalMarks[] = {
    "at", "by",    "for",  "from",    "in",      "into",   "of",
    "on", "about", "with", "without", "against", "toward", "towards"};

constexpr std::string_view kLightVerbs[] = {
    "hold",   "have",    "make",    "give",  "take",    "issue", "launch", "conduct",
    "lodge",  "file",    "express", "voice", "deliver", "pay",   "reach",  "extend",
    "impose", "provide", "stage",   "mount", "carry",   "level", "begin",  "start",
    "open",   "resume",  "offer",   "send",  "raise",   "post"};

struct EventEntry {
  std::string_view noun;
  std::string_view prep;  // the preposition introducing the target after the noun
  std::string_view verb;
  std::string_view keep;  // preposition after the verb, "" = direct object
};

// Noun + preposition → the verb it names. One line per pair so that each
// reading can be checked on its own.
constexpr EventEntry kEvents[] = {
    {"talk", "with", "talk", "with"},
    {"talks", "with", "talk", "with"},
    {"negotiation", "with", "negotiate", "with"},
    {"meeting", "with", "meet", "with"},
    {"discussion", "with", "discuss", "with"},
    {"conversation", "with", "talk", "with"},
    {"call", "with", "speak", "with"},
    {"call", "to", "call", ""},
    {"call", "for", "call", "for"},
    {"call", "on", "call", "on"},
    {"agreement", "with", "agree", "with"},
    {"cooperation", "with", "cooperate", "with"},
    {"warning", "to", "warn", ""},
    {"warning", "against", "warn", "against"},
    {"threat", "to", "threaten", ""},
    {"threat", "against", "threaten", ""},
    {"attack", "on", "attack", ""},
    {"attack", "against", "attack", ""},
    {"strike", "on", "strike", ""},
    {"strike", "against", "strike", ""},
    {"raid", "on", "raid", ""},
    {"assault", "on", "assault", ""},
    {"visit", "to", "visit", ""},
    {"trip", "to", "travel", "to"},
    {"protest", "with", "protest", "to"},
    {"protest", "to", "protest", "to"},
    {"protest", "against", "protest", "against"},
    {"complaint", "with", "complain", "to"},
    {"complaint", "to", "complain", "to"},
    {"complaint", "against", "complain", "about"},
    {"appeal", "to", "appeal", "to"},
    {"offer", "to", "offer", "to"},
    {"pledge", "to", "pledge", "to"},
    {"promise", "to", "promise", "to"},
    {"apology", "to", "apologize", "to"},
    {"invitation", "to", "invite", ""},
    {"accusation", "against", "accuse", ""},
    {"criticism", "of", "criticize", ""},
    {"condemnation", "of", "condemn", ""},
    {"support", "for", "support", ""},
    {"aid", "to", "aid", ""},
    {"assistance", "to", "assist", ""},
    {"sanction", "on", "sanction", ""},
    {"sanction", "against", "sanction", ""},
    {"sanctions", "on", "sanction", ""},
    {"sanctions", "against", "sanction", ""},
    {"ban", "on", "ban", ""},
    {"embargo", "on", "embargo", ""},
    {"demand", "for", "demand", ""},
    {"request", "for", "request", ""},
    {"proposal", "for", "propose", ""},
    {"invasion", "of", "invade", ""},
    {"occupation", "of", "occupy", ""},
    {"annexation", "of", "annex", ""},
    {"recognition", "of", "recognize", ""},
    {"withdrawal", "from", "withdraw", "from"},
    {"arrest", "of", "arrest", ""},
    {"release", "of", "release", ""},
    {"killing", "of", "kill", ""},
    {"assassination", "of", "assassinate", ""},
    {"capture", "of", "capture", ""},
    {"seizure", "of", "seize", ""},
    {"bombing", "of", "bomb", ""},
    {"shelling", "of", "shell", ""},
    {"blockade", "of", "blockade", ""},
    {"defeat", "of", "defeat", ""},
    {"approval", "of", "approve", ""},
    {"rejection", "of", "reject", ""},
    {"acceptance", "of", "accept", ""},
    {"deployment", "of", "deploy", ""},
    {"investigation", "into", "investigate", ""},
    {"investigation", "of", "investigate", ""},
    {"inspection", "of", "inspect", ""},
    {"appointment", "of", "appoint", ""},
    {"dismissal", "of", "dismiss", ""},
    {"expulsion", "of", "expel", ""},
    {"extradition", "of", "extradite", ""},
    {"funding", "for", "fund", ""},
};

}  // namespace

bool is_negation(std::string_view lemma) { return in(kNegations, lemma); }
bool is_modal(std::string_view lemma) { return in(kModals, lemma); }
bool is_reporting_verb(std::string_view lemma) { return in(kReporting, lemma); }
bool is_complementizer(std::string_view lemma) { return in(kComplementizers, lemma); }
bool is_prepositional_mark(std::string_view lemma) { return in(kPrepositionalMarks, lemma); }
bool is_light_verb(std::string_view lemma) { return in(kLightVerbs, lemma); }

bool event_noun(std::string_view noun, std::string_view prep, EventNoun& out) {
  for (const EventEntry& e : kEvents)
    if (e.noun == noun && e.prep == prep) {
      out.verb = e.verb;
      out.prep = e.keep;
      return true;
    }
  return false;
}

namespace {

constexpr std::string_view kTitles[] = {"president",
                                        "vice",
                                        "minister",
                                        "secretary",
                                        "senator",
                                        "sen.",
                                        "representative",
                                        "rep.",
                                        "congressman",
                                        "congresswoman",
                                        "attorney",
                                        "governor",
                                        "gov.",
                                        "general",
                                        "gen.",
                                        "judge",
                                        "justice",
                                        "chairman",
                                        "chairwoman",
                                        "chair",
                                        "chief",
                                        "director",
                                        "ambassador",
                                        "envoy",
                                        "king",
                                        "queen",
                                        "prince",
                                        "princess",
                                        "emperor",
                                        "empress",
                                        "lady",
                                        "lord",
                                        "sir",
                                        "dame",
                                        "pope",
                                        "bishop",
                                        "archbishop",
                                        "cardinal",
                                        "rabbi",
                                        "imam",
                                        "ayatollah",
                                        "sheikh",
                                        "mayor",
                                        "commissioner",
                                        "spokesman",
                                        "spokeswoman",
                                        "spokesperson",
                                        "coach",
                                        "captain",
                                        "capt.",
                                        "colonel",
                                        "col.",
                                        "lieutenant",
                                        "lt.",
                                        "sergeant",
                                        "sgt.",
                                        "major",
                                        "admiral",
                                        "adm.",
                                        "commander",
                                        "officer",
                                        "detective",
                                        "inspector",
                                        "professor",
                                        "prof.",
                                        "chancellor",
                                        "premier",
                                        "speaker",
                                        "leader",
                                        "founder",
                                        "ceo",
                                        "executive",
                                        "treasurer",
                                        "deputy",
                                        "cop",
                                        "agent",
                                        "economist",
                                        "analyst",
                                        "editor",
                                        "author",
                                        "singer",
                                        "actor",
                                        "actress",
                                        "producer",
                                        "director-general",
                                        "secretary-general",
                                        "councillor",
                                        "councilman",
                                        "councilwoman",
                                        "prosecutor",
                                        "sheriff",
                                        "marshal",
                                        "trustee",
                                        "chairperson",
                                        "diplomat"};

constexpr std::string_view kSelective[] = {
    "other",      "such",      "many",       "few",      "several",    "various",   "own",
    "same",       "certain",   "more",       "most",     "less",       "much",      "first",
    "last",       "next",      "previous",   "former",   "latter",     "only",      "main",
    "whole",      "entire",    "particular", "second",   "third",      "fourth",    "fifth",
    "final",      "early",     "late",       "recent",   "new",        "old",       "further",
    "additional", "different", "similar",    "specific", "respective", "total",     "full",
    "overall",    "current",   "present",    "future",   "past",       "later",     "earlier",
    "latest",     "numerous",  "multiple",   "single",   "each",       "every",     "all",
    "any",        "some",      "no",         "least",    "top",        "key",       "major",
    "minor",      "general",   "certain",    "initial",  "original",   "usual",     "typical",
    "possible",   "same",      "very",       "real",     "actual",     "potential", "following",
    "above",      "below"};

}  // namespace

// Nouns that measure or classify what follows rather than relate to it:
// "is a kind of place", "is part of the problem" stay plain copulas.
bool quantity_noun(std::string_view l) {
  static constexpr std::string_view kNouns[] = {
      "kind",  "sort",   "type",    "lot",  "lots",     "number",   "bit",    "couple", "variety",
      "range", "series", "set",     "pair", "majority", "minority", "plenty", "amount", "handful",
      "piece", "part",   "example", "one",  "all",      "rest",     "half",   "dozen",  "percent"};
  return std::find(std::begin(kNouns), std::end(kNouns), l) != std::end(kNouns);
}

bool is_title(std::string_view word) { return in(kTitles, word); }

bool is_selective_adjective(std::string_view lemma) { return in(kSelective, lemma); }

namespace {

struct Pair {
  std::string_view key;
  std::string_view value;
};

constexpr Pair kResponseVerbs[] = {
    {"respond", "to"}, {"react", "to"}, {"reply", "to"}, {"retaliate", "against"},
    {"meet", ""},      {"greet", ""},   {"answer", ""},
};

constexpr Pair kResponseActs[] = {
    {"warning", "warn"},         {"threat", "threaten"}, {"criticism", "criticise"},
    {"condemnation", "condemn"}, {"rebuke", "rebuke"},   {"denunciation", "denounce"},
    {"accusation", "accuse"},    {"protest", "protest"}, {"ultimatum", "threaten"},
};

}  // namespace

bool response_verb(std::string_view lemma, std::string_view& target) {
  for (const Pair& p : kResponseVerbs)
    if (p.key == lemma) {
      target = p.value;
      return true;
    }
  return false;
}

bool response_act(std::string_view noun, std::string_view& verb) {
  for (const Pair& p : kResponseActs)
    if (p.key == noun) {
      verb = p.value;
      return true;
    }
  return false;
}

bool is_event_noun(std::string_view noun) {
  for (const EventEntry& e : kEvents)
    if (e.noun == noun) return true;
  return false;
}

}  // namespace textgraph::extraction
