// Internal: one side of an evaluation (gold or system) in the shape the
// shared task scores: the file's text as one string without whitespace,
// tokens and sentences as spans of it, and words with the columns reduced to
// what the metrics compare. Built one sentence at a time, so a file is never
// held as a whole std::vector<Sentence>.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "textgraph/document.h"
#include "textgraph/status.h"

namespace textgraph::eval {

inline constexpr int kRoot = -1;    // EvalWord::parent of a root word
inline constexpr int kNoHead = -2;  // EvalWord::parent of a word whose HEAD is "_"

// Numbers for the strings the metrics compare (tags, lemmas, relations),
// shared by both sides so that equal numbers mean equal strings.
class StringIds {
 public:
  static constexpr std::uint32_t kUnderscore = 0;  // the id of "_"

  StringIds() { id("_"); }
  std::uint32_t id(std::string_view s);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids_;
};

// A half-open byte range [begin, end) of EvalFile::characters.
struct CharSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct EvalWord {
  CharSpan span;              // the word's token: a whole multiword token for its words
  std::string form;           // compared (lowercased) inside multiword spans: without Zs
                              // characters for a plain word, as written in a multiword token
  std::uint32_t lemma = 0;    // StringIds of the lemma; StringIds::kUnderscore when unset
  std::uint32_t upos = 0;     // StringIds of the UPOS ("" when unset)
  std::uint32_t xpos = 0;     // StringIds of the XPOS ("" when unset)
  std::uint32_t ufeats = 0;   // StringIds of the universal features, sorted, "|"-joined
  std::uint32_t deprel = 0;   // StringIds of the relation without subtype ("nsubj")
  bool in_multiword = false;  // the word belongs to a multiword token
  bool content = false;       // deprel is a content relation (CLAS, MLAS, BLEX)
  bool functional = false;    // deprel is a function-word relation (MLAS children)
  int parent = kRoot;         // index into EvalFile::words, or kRoot / kNoHead
  std::vector<int> functional_children;  // words attached with a functional deprel, in order
};

// Where each token and word was read from, for error messages.
struct SourceLines {
  std::vector<std::size_t> token_lines;  // 1-based line of each token, in file order
  std::vector<std::size_t> word_lines;   // 1-based line of each word, in file order
};

struct EvalFile {
  std::string name;              // "gold"/"system" or the file name, for messages
  std::string characters;        // every token's form without Zs, concatenated
  std::vector<CharSpan> tokens;  // multiword tokens once, other words as tokens
  std::vector<CharSpan> sentences;
  std::vector<EvalWord> words;                // every word of the file, sentence after sentence
  std::vector<std::uint32_t> token_sentence;  // sentence index of each token
  std::vector<std::uint32_t> word_sentence;   // sentence index of each word
  std::vector<std::uint32_t> sentence_first_token;  // index of each sentence's first token
  std::vector<std::uint32_t> sentence_first_word;   // index of each sentence's first word
  std::vector<std::string> sentence_ids;            // "# sent_id" of each sentence
  SourceLines lines;                                // empty vectors when the lines are unknown

  // Where token t / word w is, for messages. location(): FILE:LINE when
  // the line is known, else the name alone. context(): "" when the line is
  // known, else "sentence 3 (sent_id = a-3), token 5: " to open the message
  // with. place(): "FILE:LINE" or "NAME sentence 3 ..., token 5".
  Location token_location(std::size_t t) const;
  Location word_location(std::size_t w) const;
  std::string token_context(std::size_t t) const;
  std::string word_context(std::size_t w) const;
  std::string token_place(std::size_t t) const;

 private:
  std::string describe(std::uint32_t sentence, const char* unit, std::size_t index) const;
};

// Builds one side from its sentences in file order.
class EvalFileBuilder {
 public:
  // `lines` may be empty (messages then name sentences); if given, it must
  // describe the file the sentences come from (see scan_lines).
  EvalFileBuilder(std::string name, StringIds& ids, SourceLines lines = {});

  // Throws textgraph::Error (kInvalidInput) for an empty FORM, heads that
  // form a cycle, or a sentence with several roots.
  void add(const Sentence& sentence);
  EvalFile finish();

 private:
  CharSpan add_token(std::string_view form, std::uint32_t sentence);
  void check_tree(std::size_t base) const;

  EvalFile file_;
  StringIds& ids_;
};

// The line of every token and word of a CoNLL-U text that read_conllu
// accepts, numbered as its messages number them.
SourceLines scan_lines(std::string_view conllu_text);

}  // namespace textgraph::eval
