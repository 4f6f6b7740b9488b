// Internal: which words make up an argument phrase, and how a set of words is
// written back as text and byte spans.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "extract/tree.h"
#include "textgraph/document.h"

namespace textgraph::extraction {

// What to leave out of the subtree of a phrase's head. "Head" rules look only
// at the head's own children; `exclude` cuts a subtree anywhere below.
struct PhraseRules {
  bool strip_case = false;  // the head's case words (they joined the relation)
  bool strip_mark = false;  // the head's complementizer ("that", "whether")
  bool split_conj = false;  // the head's conjuncts and their cc (written separately)
  bool clause = false;      // a clause: keep relative clauses, appositions, adverbials
  bool predicate = false;   // a copular predicate used as object: leave out its
                            // subject, copula, auxiliaries, obliques and clauses
  const std::vector<int>* drop = nullptr;  // further children of the head to leave out
  int exclude = 0;       // a subtree left out (the modifier clause a phrase hosts)
  int exclude_also = 0;  // a second one
};

// Appends the words of the phrase headed by `head` to `out` (ascending ids,
// edge punctuation trimmed). `out` is cleared first.
void collect_phrase(const Tree& tree, int head, const PhraseRules& rules, std::vector<int>& out);

// Drops punctuation at both ends, keeping quotes and brackets that pair with
// one inside.
void trim_punct(const Tree& tree, std::vector<int>& ids);

// The case words of `head`: case children and their fixed parts ("according
// to"), ascending.
void case_words(const Tree& tree, int head, std::vector<int>& out);

// Whether a modifier is set off by a comma, dash or bracket (non-restrictive).
bool set_off(const Tree& tree, int modifier);

// Text of the words `ids` (ascending): forms joined by their space_after; a
// multiword token wholly inside is written as its surface form.
std::string render(const Tree& tree, std::span<const int> ids);

// Byte spans of `ids`, one per run of adjacent words with known spans.
void spans_of(const Tree& tree, std::span<const int> ids, std::vector<Span>& out);

}  // namespace textgraph::extraction
