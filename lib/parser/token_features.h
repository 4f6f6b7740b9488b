// Internal: what the parser sees of a word before any learning, and the
// string-to-id tables (vocabularies) for each kind of feature.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace textgraph::parser {

// Lowercased (ASCII) form with every ASCII digit replaced by '0'.
std::string normalize_word(std::string_view form);
// The last `n` code points of the normalized form (all of it when shorter).
std::string suffix(std::string_view normalized, int n);
// The first `n` code points of the normalized form.
std::string prefix(std::string_view normalized, int n);
// Character classes: X upper, x lower, d digit, the character itself for ASCII
// punctuation, u for any other code point; runs longer than two are cut to two.
std::string word_shape(std::string_view form);

// A string table. Id 0 is "unknown", id 1 the artificial root token.
class Vocab {
 public:
  static constexpr int kUnknown = 0;
  static constexpr int kRoot = 1;

  Vocab();
  // Adds a string if absent; returns its id.
  int add(const std::string& s);
  // The id of s, or kUnknown.
  int id(std::string_view s) const;
  int size() const { return static_cast<int>(strings_.size()); }
  const std::vector<std::string>& strings() const { return strings_; }
  // Rebuilds from strings() as saved (first two are the reserved entries).
  static Vocab from_strings(std::vector<std::string> strings);

 private:
  std::vector<std::string> strings_;
  std::unordered_map<std::string, int> ids_;
};

// The feature ids of one word, and of the root when built by root().
struct TokenIds {
  int word = 0;    // normalized form
  int suffix = 0;  // last three code points of it
  int prefix = 0;  // first two code points of it
  int shape = 0;   // word_shape of the raw form
  int upos = 0;    // given UPOS tag
  int xpos = 0;    // given XPOS tag
};

}  // namespace textgraph::parser
