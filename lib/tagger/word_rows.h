// Internal: the tagger's scores of a word's own-form features, summed once at
// model load for the words the model knows.
//
// Of the ~46 features the tagger looks up per word, 15 depend on nothing but
// the word's exact form (own_features() in features.h: bias, form,
// lowercase, 5 suffixes, 3 prefixes, shape, flags, ambiguity class, last
// hyphen part). For each form given to build() (TaggerModel gives the lemma
// dictionary's forms that have an ambiguity class) WordRows keeps the form's
// TokenHashes and, per weight table, the sum of those features' rows.
// Tagging a known word then starts from its row instead of looking the 15
// features up, and copies its hashes instead of hashing the form again.
//
//   WordRows rows;
//   rows.build(forms, model.ambiguity, {&model.weights, &model.weights2});
//   const std::uint32_t k = rows.find(form, train::hash_string(form));
//   if (k != WordRows::kNone) {
//     toks[i] = rows.hashes(k);  // as prepare_tokens() makes them
//     std::copy_n(rows.row(0, k), model.weights.padded_classes(), scores);
//     // ... then add context_features() and history_features()
//   }
//
// Exact: WeightTable scores are integer sums, so starting from the row and
// adding the other features gives the very integers that adding all features
// gives, whatever words are found. find() compares the form's bytes with
// the stored form, never trusting the 64-bit hash alone. Read-only after
// build(), so one WordRows serves any number of threads. The rows belong to
// the tables and ambiguity classes given to build(): rebuild (or clear())
// after changing them. Never fails.
//
// Memory: per form its bytes, 112 bytes of hashes and padded_classes() x 4
// bytes per table (512 bytes each for 122 tag classes): 11 MB for the
// shipped model's 9,071 forms and two tables.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "tagger/features.h"
#include "tagger/flat_index.h"
#include "train/perceptron.h"

namespace textgraph::tagger {

class WordRows {
 public:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  // Sums the rows of `forms` (repeats are kept once) in each of `tables`
  // (an empty table gets no rows: row() must not be called for it). Never
  // fails; replaces any previous contents.
  void build(const std::vector<std::string_view>& forms, const AmbiguityMap& amb,
             std::initializer_list<const train::WeightTable*> tables);
  void clear() { *this = WordRows(); }

  // The index of `form` (hash = train::hash_string(form)), or kNone when the
  // form is not stored. Only an entry whose bytes equal `form` is returned.
  std::uint32_t find(std::string_view form, std::uint64_t hash) const {
    const std::uint32_t k = candidate(hash);
    return k != kNone && stored_form(k) == form ? k : kNone;
  }
  // find() in steps, for many words at once so that their cache misses
  // overlap: prefetch(hash) for every word; then candidate(hash), the one
  // entry that may hold the form (unchecked), and prefetch_entry(k, table);
  // then find() (or compare stored_form(k) yourself).
  void prefetch(std::uint64_t hash) const { index_.prefetch(hash); }
  std::uint32_t candidate(std::uint64_t hash) const {
    const std::uint32_t* k = index_.find(hash);
    return k ? *k : kNone;
  }
  // Starts loading entry k's form, hashes and its row in `table` (if any).
  void prefetch_entry(std::uint32_t k, std::size_t table) const;
  // find() for every form, in those steps over all of them (a sentence), with
  // the rows of table 0 prefetched: found[i] = the entry of forms[i] or kNone.
  void find_all(const std::vector<std::string_view>& forms,
                std::vector<std::uint32_t>& found) const;

  std::size_t size() const { return hashes_.size(); }
  bool has_rows(std::size_t table) const { return table < rows_.size() && !rows_[table].empty(); }
  // The form of entry k, and its hashes as prepare_tokens() makes them
  // (`sentence` is 0: prepare_tokens sets it for the whole sentence).
  std::string_view stored_form(std::uint32_t k) const {
    return std::string_view(forms_).substr(form_start_[k], form_start_[k + 1] - form_start_[k]);
  }
  const TokenHashes& hashes(std::uint32_t k) const { return hashes_[k]; }
  // The own_features() sum of entry k in table `table` (the order given to
  // build()): padded_classes() integers of that table, zeros past its classes.
  const std::int32_t* row(std::size_t table, std::uint32_t k) const {
    return rows_[table].data() + static_cast<std::size_t>(k) * widths_[table];
  }
  // Bytes held (for reports).
  std::size_t memory_bytes() const;

 private:
  std::string forms_;                      // every stored form, back to back
  std::vector<std::uint32_t> form_start_;  // entry k's form: [form_start_[k], form_start_[k+1])
  std::vector<TokenHashes> hashes_;        // per entry
  std::vector<std::size_t> widths_;        // per table: padded_classes()
  std::vector<train::HugeVector<std::int32_t>> rows_;  // per table: widths_ values per entry
  FlatIndex index_;                                    // hash_string(form) -> entry
};

}  // namespace textgraph::tagger
