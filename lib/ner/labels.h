// Internal: the labels the NER decoder chooses between, and their mapping
// to IOB2 tags.
//
// Inside the model every word gets a BILOU label: O, or for an entity type
// T one of B-T (begins a mention of several words), I-T (inside), L-T (last
// word) and U-T (a mention of one word). BILOU gives each word of a mention
// its own role, which the features can then tell apart (Ratinov and Roth
// 2009 found it better than BIO); the output is IOB2 (B/U -> B-T, I/L -> I-T).
//
//   LabelSet labels({"LOC", "ORG", "PER"});
//   std::vector<int> y = labels.encode(sentence);   // from Word::ner (IOB2)
//   labels.decode(y, sentence);                      // back into Word::ner
//   if (labels.allowed(prev, cur)) ...               // first-order constraints
#pragma once

#include <string>
#include <vector>

#include "textgraph/document.h"

namespace textgraph::ner {

class LabelSet {
 public:
  enum Role : int { kB = 0, kI = 1, kL = 2, kU = 3 };
  static constexpr int kO = 0;
  static constexpr int kStart = -1;  // the "previous label" of the first word

  LabelSet() = default;
  explicit LabelSet(std::vector<std::string> types);  // sorted, unique, non-empty names

  const std::vector<std::string>& types() const { return types_; }
  int size() const { return 1 + 4 * static_cast<int>(types_.size()); }
  int label(int type, Role role) const { return 1 + 4 * type + role; }
  int type_of(int label) const { return (label - 1) / 4; }  // label != kO
  Role role_of(int label) const { return static_cast<Role>((label - 1) % 4); }

  // Whether `cur` may follow `prev` (kStart before the first word).
  bool allowed(int prev, int cur) const {
    return allowed_[static_cast<std::size_t>((prev + 1) * size() + cur)];
  }
  // Whether a sentence may end with `last`.
  bool may_end(int last) const { return last == kO || role_of(last) == kL || role_of(last) == kU; }

  // The BILOU labels of a sentence's IOB2 tags (entities read as
  // entity_spans() reads them; unknown types become O).
  std::vector<int> encode(const Sentence& sentence) const;
  // Writes IOB2 tags for `labels` into the words' ner fields.
  void decode(const std::vector<int>& labels, Sentence& sentence) const;
  // "O", "B-PER", "U-LOC", ... (for logs and tests).
  std::string name(int label) const;

 private:
  std::vector<std::string> types_;
  std::vector<bool> allowed_;  // (prev + 1) * size() + cur
};

}  // namespace textgraph::ner
