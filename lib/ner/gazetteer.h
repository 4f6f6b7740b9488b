// Internal: the NER gazetteer, a list of word sequences with a category
// each ("country name", "organisation acronym", "demonym", ...), found in a
// sentence in one left-to-right sweep.
//
//   Gazetteer g;
//   g.add({"Saudi", "Arabia"}, kCountryName);
//   g.finish();                                  // builds the look-up tables
//   std::vector<std::uint64_t> hashes = ...;     // hash_string(form) per word
//   g.find(hashes, [&](std::size_t first, std::size_t last, std::uint32_t category) { ... });
//
// The entries are stored in the model (save/load), so a model's features do
// not change when the shipped actor dictionary is edited later; the entries
// come from that dictionary at training time (see categories below).
// Matching is exact on word forms (case-sensitive, as the dictionary is).
//
// Failure: load() throws Error(kModel) through ByteReader when the section
// is truncated or holds an invalid entry.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/bytes.h"
#include "textgraph/actors.h"

namespace textgraph::ner {

// Categories: part of the model's features. Append; never renumber.
enum GazetteerCategory : std::uint32_t {
  kCountryName = 1,  // canonical name or alias of a country ("Iran", "U.S.")
  kCountryDemonym,   // "Iranian", "Americans"
  kCountryMetonym,   // capitals and seats of government ("Tehran", "the Kremlin")
  kOrgName,          // international organisations ("European Union", "NATO")
  kOrgMetonym,       // "Brussels" for the EU
  kPlaceName,        // regions and territories ("Gaza Strip", "Europe")
  kPlaceDemonym,     // "European", "Scottish"
  kPlaceMetonym,     // "Edinburgh"
  kNumCategories
};

class Gazetteer {
 public:
  struct Entry {
    std::vector<std::string> words;  // as the tokenizer splits them
    std::uint32_t category = 0;      // a GazetteerCategory
    bool operator<(const Entry& o) const {
      return words != o.words ? words < o.words : category < o.category;
    }
    bool operator==(const Entry& o) const = default;
  };

  void add(std::vector<std::string> words, std::uint32_t category);
  // Adds every name of every actor of a dictionary, tokenized like text.
  void add_actors(const ActorDictionary& actors);
  // Sorts and deduplicates the entries and builds the look-up tables; call
  // after the last add() (load() calls it).
  void finish();

  std::size_t size() const { return entries_.size(); }
  const std::vector<Entry>& entries() const { return entries_; }

  // Calls found(first, last, category) for every entry matching words
  // [first, last) of the sentence whose forms hash to `hashes`.
  template <class F>
  void find(const std::vector<std::uint64_t>& hashes, F&& found) const {
    for (std::size_t i = 0; i < hashes.size(); ++i) {
      auto it = max_length_.find(hashes[i]);
      if (it == max_length_.end()) continue;
      std::uint64_t h = kSeed;
      for (std::size_t len = 1; len <= it->second && i + len <= hashes.size(); ++len) {
        h = combine(h, hashes[i + len - 1]);
        auto p = phrases_.find(h);
        if (p == phrases_.end()) continue;
        for (std::uint32_t bits = p->second, c = 0; bits; bits >>= 1, ++c)
          if (bits & 1u) found(i, i + len, c);
      }
    }
  }

  // Layout: u32 entry count; per entry u32 category and the words (u32
  // count, then u32 length + bytes each).
  void save(ByteWriter& out) const;
  static Gazetteer load(ByteReader& in);

 private:
  static constexpr std::uint64_t kSeed = 0x8f1bbcdcca62c1d6ULL;
  static std::uint64_t combine(std::uint64_t h, std::uint64_t word);

  std::vector<Entry> entries_;
  std::unordered_map<std::uint64_t, std::size_t> max_length_;  // first word -> longest entry
  std::unordered_map<std::uint64_t, std::uint32_t> phrases_;   // phrase -> category bits
};

}  // namespace textgraph::ner
