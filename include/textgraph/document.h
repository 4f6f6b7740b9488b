// textgraph/document.h — the Document every analysis stage reads and extends.
//
// Usage:
//   textgraph::Document doc;
//   doc.id = "article-1";
//   doc.text = "Putin met U.S. envoys. They talked.";
//   // tokenize() fills doc.sentences with words and byte offsets,
//   // the tagger fills upos/xpos/feats/lemma, the parser head/deprel,
//   // the entity stage ner and doc.mentions.
//   for (const textgraph::Sentence& s : doc.sentences)
//     for (const textgraph::Word& w : s.words) std::cout << w.form << "/" << w.upos << "\n";
//
// The layout follows Universal Dependencies (CoNLL-U): a sentence is a list
// of syntactic *words* numbered from 1; a surface *token* such as "don't"
// may cover several words (a MultiwordToken: "do" + "n't"). Word ids are
// 1-based as in CoNLL-U, so sentence.words[i] has id i + 1 and head 0 is the
// root. Strings use "" for "not set" (CoNLL-U writes "_").
//
// Offsets are byte offsets into Document::text, the original UTF-8 input
// (after repair of invalid UTF-8, which keeps lengths only when nothing was
// repaired; the tokenizer reports the count). Text read from CoNLL-U has no
// source text: offsets are then kNoOffset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace textgraph {

inline constexpr std::size_t kNoOffset = std::numeric_limits<std::size_t>::max();

// A half-open byte range [begin, end) into Document::text.
struct Span {
  std::size_t begin = kNoOffset;
  std::size_t end = kNoOffset;
  bool known() const { return begin != kNoOffset; }
  bool operator==(const Span&) const = default;
};

// A word's two part-of-speech tags as a tagger assigns them together.
struct TagPair {
  std::string upos;  // universal POS tag ("NOUN")
  std::string xpos;  // English PTB tag ("NN")
  bool operator==(const TagPair&) const = default;
};

// One syntactic word: one line of CoNLL-U with an integer id.
struct Word {
  std::string form;         // as in the text ("n't", "U.S.")
  std::string lemma;        // "" = not set; "be", "not", "U.S."
  std::string upos;         // universal POS tag ("NOUN"); "" = not set
  std::string xpos;         // English PTB tag ("NNS"); "" = not set
  std::string feats;        // UD features "Number=Plur|..." in CoNLL-U order; "" = none
  int head = -1;            // id of the head word, 0 = root, -1 = not parsed yet
  std::string deprel;       // UD relation with subtype ("nsubj:pass"); "" = not parsed
  std::string deps;         // enhanced dependencies as read; "" = none (kept, not used)
  std::string misc;         // other MISC attributes as read, minus SpaceAfter and NER; "" = none
  std::string ner;          // IOB2 entity tag ("B-PER", "I-ORG", "O"); "" = not tagged
  Span span;                // bytes of this word in the text; for words inside a multiword
                            // token, the whole token's bytes
  bool space_after = true;  // false when the text has no space after this word
                            // (inside multiword tokens: that of the token)
};

// A surface token spanning several words: ids first..last (inclusive, 1-based).
struct MultiwordToken {
  int first = 0;     // id of the first word covered
  int last = 0;      // id of the last word covered
  std::string form;  // the surface form ("don't")
  std::string misc;  // MISC of the token line, minus SpaceAfter; "" = none
  Span span;         // bytes of the token in the text
  bool space_after = true;
};

struct Sentence {
  std::string id;                     // "# sent_id"; "" = none
  std::string text;                   // "# text"; "" = none (the writer rebuilds it)
  std::vector<std::string> comments;  // every comment line in order, without the leading "# ";
                                      // the sent_id, text and newpar lines among them are
                                      // rewritten from the fields when written
  std::vector<Word> words;            // words[i] has id i + 1
  std::vector<MultiwordToken> multiword_tokens;  // sorted by first, non-overlapping
  Span span;                                     // bytes of the whole sentence in the text
  bool new_paragraph = false;                    // "# newpar": the sentence starts a paragraph
};

struct Document {
  std::string id;    // user-given document id ("" = none)
  std::string text;  // the source text, if known
  std::vector<Sentence> sentences;
};

}  // namespace textgraph
