// Internal: the features of the POS tagger, shared by training
// (lib/train/train_tagger.cpp) and tagging (tagger.cpp) so the two can never
// disagree.
//
// A sentence is first turned into per-token hashes (prepare_tokens: the form,
// its lowercase, shape, prefixes, suffixes and its ambiguity class: the set of
// tags it had in training). Features then come in two groups:
//   static_features()  depend on the words only (computed once per token);
//   history_features() depend on the tags already chosen for the previous
//                      tokens (greedy left-to-right decoding).
// Changing any template changes the keys: retrain the model.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tagger/flat_index.h"

namespace textgraph::tagger {

// Lowercase of ASCII letters; other bytes (UTF-8 included) are kept.
std::string ascii_lower(std::string_view s);

// The word shape: uppercase -> X, lowercase -> x, digit -> d, other bytes kept,
// runs of the same symbol collapsed ("McDonald's" -> "XxXx'x", "3.5" -> "d.d").
std::string word_shape(std::string_view s);

// Ambiguity classes: for words seen often enough in training, a hash of the
// set of XPOS tags they were seen with (keyed by the hash of the lowercase form).
class AmbiguityMap {
 public:
  // Replaces the contents (a key given twice keeps its last value).
  void assign(std::vector<std::pair<std::uint64_t, std::uint64_t>> entries);
  // The ambiguity class of a lowercase form's hash, or nullptr.
  const std::uint64_t* find(std::uint64_t form) const {
    const std::uint32_t* i = index_.find(form);
    return i ? &classes_[*i] : nullptr;
  }
  void prefetch(std::uint64_t form) const { index_.prefetch(form); }
  std::size_t size() const { return entries_.size(); }
  // (form hash, class) pairs sorted by key.
  const std::vector<std::pair<std::uint64_t, std::uint64_t>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::uint64_t, std::uint64_t>> entries_;
  std::vector<std::uint64_t> classes_;  // the distinct classes (few, so they stay in cache)
  FlatIndex index_;                     // form hash -> classes_ index
};

struct TokenHashes {
  std::uint64_t form = 0;        // exact form
  std::uint64_t lower = 0;       // lowercase form
  std::uint64_t shape = 0;       // word_shape
  std::uint64_t suffix[5] = {};  // last 1..5 bytes of the lowercase form
  std::uint64_t prefix[3] = {};  // first 1..3 bytes of the lowercase form
  std::uint64_t amb = 0;         // ambiguity class, or a fixed "unknown" value
  std::uint64_t flags = 0;       // digit / hyphen / capitalization bits
  std::uint64_t last_part = 0;   // lowercase part after the last hyphen; 0 = none
  std::uint64_t sentence = 0;    // 0 normal, 1 mostly capitalized words, 2 mostly all caps
};

// Fills out[i] for every form (out is resized). When `known` is given (one
// pointer per form), a non-null known[i] holds the form's hashes already
// (as this function made them for that form, `sentence` aside: see
// WordRows) and is copied instead of hashing the form again.
void prepare_tokens(const std::vector<std::string_view>& forms, const AmbiguityMap& amb,
                    std::vector<TokenHashes>& out,
                    const std::vector<const TokenHashes*>* known = nullptr);

// Appends the word-only features of token i (the ones training uses, in
// training's order).
void static_features(const std::vector<TokenHashes>& toks, std::size_t i,
                     std::vector<std::uint64_t>& out);

// static_features() split in two, for tagging (the order of keys does not
// change integer score sums; training's float sums keep static_features()):
//   own_features()     the features of the word's own form only (bias, form,
//                      lowercase, affixes, shape, flags, ambiguity class,
//                      last hyphen part): the same for every occurrence of
//                      the form, so their scores can be summed ahead (WordRows);
//   context_features() the rest (neighbours, position, sentence casing).
// Together they give exactly the keys of static_features(), as a multiset.
void own_features(const TokenHashes& w, std::vector<std::uint64_t>& out);
void context_features(const std::vector<TokenHashes>& toks, std::size_t i,
                      std::vector<std::uint64_t>& out);

// Appends the features on the tags (class ids) of tokens i-1 and i-2
// (-1 before the sentence start).
void history_features(const std::vector<TokenHashes>& toks, std::size_t i, int tag1, int tag2,
                      std::vector<std::uint64_t>& out);

// Appends the features of the second pass on the first pass's tags
// (class ids) of tokens i, i+1 and i+2 (the right context the left-to-right
// history cannot see), joined with the second pass's own tag of i-1.
void right_features(const std::vector<TokenHashes>& toks, std::size_t i,
                    const std::vector<int>& first, int tag1, std::vector<std::uint64_t>& out);

}  // namespace textgraph::tagger
