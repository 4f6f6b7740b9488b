// Internal: the features of the NER tagger, shared by training
// (lib/train/ner_trainer.cpp) and tagging (ner_model.cpp) so the two can
// never disagree.
//
// A sentence is first turned into per-word hashes and classes
// (prepare_sentence: form, lowercase, shape, affixes, capitalization, the
// casing lexicon's class, gazetteer matches). Then:
//   word_features()   the features of word i, scored once per word for
//                     every label;
//   transition_key()  the key whose weights score label pairs (prev, cur).
// Changing any template changes the keys: retrain the model.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ner/gazetteer.h"
#include "textgraph/document.h"

namespace textgraph::ner {

// Lowercase of ASCII letters; other bytes (UTF-8 included) are kept.
std::string ascii_lower(std::string_view s);
// Uppercase X, lowercase x, digit d, other bytes kept. `collapse` merges runs
// of the same symbol ("McDonald" -> "XxXx"); otherwise runs are cut at 4
// symbols ("McDonald" -> "XxXxxxx", "20051126" -> "dddd").
std::string word_shape(std::string_view s, bool collapse);

// How a word is written.
enum Capitalization : std::uint32_t {
  kCapNone = 0,  // no letters: "1995", ","
  kCapLower,     // "envoys"
  kCapInitial,   // "Putin"
  kCapAll,       // "NATO" (two capitals or more, no lower case)
  kCapMixed,     // "iPhone", "McDonald" (a capital after the first letter)
  kCapOne,       // "I", "A"
};

// The casing lexicon: how often a lowercase form was written with a capital
// in training text where case carries meaning (not sentence-initial, not in
// titles or all-caps sentences), bucketed: 1 always lower, 2 mostly lower,
// 3 mixed, 4 mostly capitalized, 5 always capitalized. Forms seen fewer
// times than the training's min_count are not in it (class 0).
using CasingLexicon =
    std::unordered_map<std::uint64_t, std::uint8_t>;  // hash of lowercase -> class

// The words seen often enough in training to keep their identity (hashes
// of lowercase forms). Other words are "unknown": their form features all
// share one value, so that the rare words of the training data teach the
// model how to treat the unseen words of new text (by their shape, affixes
// and context).
using Vocabulary = std::unordered_set<std::uint64_t>;

struct NerToken {
  std::uint64_t form = 0;        // exact form; one shared value for unknown words
  std::uint64_t lower = 0;       // lowercase form; one shared value for unknown words
  std::uint64_t shape = 0;       // word_shape, runs collapsed
  std::uint64_t long_shape = 0;  // word_shape, runs cut at 4
  std::uint64_t prefix[4] = {};  // first 1..4 bytes of the lowercase form
  std::uint64_t suffix[4] = {};  // last 1..4 bytes of the lowercase form
  std::uint32_t cap = 0;         // Capitalization
  std::uint32_t casing = 0;      // CasingLexicon class, 0 = unknown
  std::uint32_t start = 0;       // 2 = first word of the sentence, 1 = after an opening
                                 // quote, bracket, colon, dash or sentence mark, 0 = elsewhere
  std::uint64_t gaz[6] = {};     // gazetteer matches covering this word, 1 + category * 4 +
                                 // role (0 begin, 1 inside, 2 last, 3 whole); 0 = none
};

struct SentenceInfo {
  std::uint32_t casing = 0;  // 0 normal, 1 most words capitalized (title), 2 mostly all caps
};

// The per-word hashes of a sentence (toks is resized).
void prepare_sentence(const Sentence& sentence, const Gazetteer& gazetteer,
                      const CasingLexicon& casing, const Vocabulary& vocabulary,
                      std::vector<NerToken>& toks, SentenceInfo& info);

// Appends the features of word i.
void word_features(const std::vector<NerToken>& toks, const SentenceInfo& info, std::size_t i,
                   std::vector<std::uint64_t>& out);

// The key whose weights score the label following `prev` (LabelSet::kStart
// before the first word).
std::uint64_t transition_key(int prev);

// Builds a casing lexicon from sentences (see CasingLexicon).
CasingLexicon build_casing_lexicon(const std::vector<const Sentence*>& sentences, int min_count);
// The lowercase forms seen at least min_count times.
Vocabulary build_vocabulary(const std::vector<const Sentence*>& sentences, int min_count);

}  // namespace textgraph::ner
