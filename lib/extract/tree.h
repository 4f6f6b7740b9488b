// Internal: a read-only view of one parsed sentence for the extraction rules:
// relations parsed once into an enum, children lists, multiword tokens by word.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "textgraph/document.h"

namespace textgraph::extraction {

// UD v2 relations the rules tell apart; subtypes that behave like their base
// relation for extraction are folded in (obl:tmod, obl:unmarked and obl:npmod
// into kOblBare, nmod:* other than poss into kNmod).
enum class Dep : std::uint8_t {
  kOther,
  kRoot,
  kNsubj,
  kNsubjPass,
  kCsubj,
  kCsubjPass,
  kObj,
  kIobj,
  kObl,       // obl with or without a case word
  kOblBare,   // obl:tmod, obl:unmarked, obl:npmod ("last week")
  kOblAgent,  // obl:agent ("by Saudi Arabia")
  kCcomp,
  kXcomp,
  kAdvcl,
  kAdvclRelcl,
  kAdvmod,
  kAux,
  kAuxPass,
  kCop,
  kMark,
  kCase,
  kDet,
  kNmod,
  kNmodPoss,
  kAmod,
  kNummod,
  kAppos,
  kAcl,
  kAclRelcl,
  kCompound,
  kCompoundPrt,
  kFlat,
  kFixed,
  kConj,
  kCc,
  kCcPreconj,
  kPunct,
  kExpl,
  kParataxis,
  kDiscourse,
  kVocative,
  kList,
  kDislocated,
  kOrphan,
  kGoeswith,
  kReparandum,
  kDep,
};

Dep parse_dep(std::string_view deprel);

// Repairs of the tagging that the tree view cannot express (it keeps the
// words' tags): "meet with United States envoys" where the tagger read
// "envoys" as a verb (VBZ) after the name and the parser hung it apart. A
// -s word tagged VBZ right after a proper-noun run that fills an argument
// slot (obj, iobj, obl, nmod), with no subject or object of its own, is made
// the plural noun head of that argument. Writes the repaired sentence to
// `out` and returns true, or returns false (and leaves `out` alone) when no
// repair applies. The input must be parsed (heads in range, no cycles).
bool repair_sentence(const Sentence& in, Sentence& out);

class Tree {
 public:
  enum class Check { kOk, kUnparsed, kMalformed };

  // Builds the view; the sentence must outlive it. Reuses its buffers.
  Check build(const Sentence& sentence);

  const Sentence& sentence() const { return *sentence_; }
  int size() const { return size_; }  // number of words; ids are 1..size()
  const Word& word(int id) const { return sentence_->words[static_cast<std::size_t>(id - 1)]; }
  int head(int id) const { return head_[static_cast<std::size_t>(id)]; }
  Dep dep(int id) const { return dep_[static_cast<std::size_t>(id)]; }
  // Children of `id` (0 = the root's children) in ascending id order.
  std::span<const int> children(int id) const {
    const auto b = static_cast<std::size_t>(start_[static_cast<std::size_t>(id)]);
    const auto e = static_cast<std::size_t>(start_[static_cast<std::size_t>(id) + 1]);
    return {kids_.data() + b, e - b};
  }
  // The first child with relation `d`, 0 if none.
  int child(int id, Dep d) const;
  bool has_child(int id, Dep d) const { return child(id, d) != 0; }
  // Index into sentence().multiword_tokens of the token holding word `id`, -1 if none.
  int token_of(int id) const { return token_[static_cast<std::size_t>(id)]; }
  // First and last word of the subtree of `id` (inclusive).
  int first(int id) const { return first_[static_cast<std::size_t>(id)]; }
  int last(int id) const { return last_[static_cast<std::size_t>(id)]; }
  // Whether `a` is `b` or lies below it.
  bool dominates(int b, int a) const;
  // Distance from the root (root's children: 1).
  int depth(int id) const { return depth_[static_cast<std::size_t>(id)]; }

  // Word predicates used throughout the rules.
  bool upos(int id, std::string_view tag) const { return word(id).upos == tag; }
  bool lemma(int id, std::string_view l) const { return word(id).lemma == l; }
  bool is_nominal(int id) const;  // NOUN, PROPN, PRON, NUM, SYM, X
  bool is_verb(int id) const;     // VERB, or AUX heading a clause of its own
  bool is_punct(int id) const { return word(id).upos == "PUNCT" || dep(id) == Dep::kPunct; }
  bool has_feature(int id, std::string_view feature) const;  // "PronType=Rel"

 private:
  const Sentence* sentence_ = nullptr;
  int size_ = 0;
  std::vector<int> head_, start_, kids_, token_, first_, last_, depth_;
  std::vector<Dep> dep_;
};

}  // namespace textgraph::extraction
