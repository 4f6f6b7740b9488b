// textgraph/tokenizer.h — raw UTF-8 text to sentences and words.
//
// Usage:
//   textgraph::TokenizerOptions options;            // raw text, the defaults
//   textgraph::Result<textgraph::Tokenized> r =
//       textgraph::tokenize("Mr. Smith didn't go.\n\nHe stayed.", options);
//   if (!r.ok()) { report(r.status()); return; }   // only on running out of memory
//   if (r->repaired > 0) warn(r->repaired, "invalid UTF-8 sequences replaced");
//   const textgraph::Document& doc = r->document;
//   for (const textgraph::Sentence& s : doc.sentences)
//     for (const textgraph::Word& w : s.words)
//       std::cout << w.form << " " << doc.text.substr(w.span.begin, w.span.end - w.span.begin);
//
//   // Text that is already tokenized (one sentence per line, tokens
//   // separated by spaces, as in PTB-style benchmark files): tokens are kept.
//   options.input = textgraph::TokenizerInput::kPretokenized;
//   auto carb = textgraph::tokenize("Bruce 's 30 - year career ended .\n", options);
//
// What comes out follows UD English EWT, so that the tagger and parser see
// the tokens they were trained on:
//   - contractions and possessives are multiword tokens: "don't" -> do + n't,
//     "I'm" -> I + 'm, "John's" -> John + 's, "parents'" -> parents + ',
//     "cannot" -> can + not, "gonna" -> gon + na, "dont" -> do + nt;
//   - hyphenated compounds split ("well-known" -> well - known, "5-year" ->
//     5 - year) except after prefixes EWT keeps ("e-mail", "non-violent",
//     "co-workers") and in phone numbers and dates ("713-853-3989");
//   - abbreviations and initials keep their period ("U.S.", "Mr.", "Gen.",
//     "Jan.", "Corp.", "J."), except that one ending a sentence gives the
//     period up as the sentence's punctuation ("... etc ." as in EWT);
//   - numbers, decimals, thousands and times are one token ("3.5", "60,000",
//     "10:30", "16/11/2004"); a unit written against a number splits ("5pm"
//     -> 5 pm, "65k" -> 65 k) but ordinals and decades do not ("5th", "1990s");
//   - URLs, e-mail addresses, @handles, #hashtags and emoticons are one token;
//   - quotes (straight and curly), brackets, dashes and other symbols are
//     tokens of their own; runs such as "...", "!!!", "?!", "--" are one token.
//
// Sentences end (by rule; no model is needed):
//   - at ". ! ?" and runs of them, with the closing quotes, brackets,
//     reference marks ("[12]") and emoticons that follow; the next word may
//     start in lower case (EWT web text does), except after an ellipsis or a
//     closing quote ("Why?" she asked) and before ", ; : )" and the like;
//   - at an abbreviation such as "U.S." or "Inc." only before a word that
//     typically starts a sentence ("The", "He", "But", ...), never at titles
//     ("Mr.", "Gen.") and list markers ("1." at the start of a line);
//   - at paragraph breaks (a blank line), which also set Sentence::new_paragraph;
//   - unless the text looks hard-wrapped, at single line breaks: headlines,
//     bylines and datelines without a final period end their sentence (see
//     LineBreaks);
//   - after TokenizerOptions::max_sentence_tokens tokens without a boundary.
//
// Offsets: every word and token has a byte Span into Document::text, which is
// the input after UTF-8 repair (identical to the input when `repaired` is 0).
// For a word that is not part of a multiword token, the span's bytes are
// exactly its form; words of a multiword token carry the whole token's span.
// Sentence::span runs from its first token's first byte to its last token's
// last byte. Sentence::id and Sentence::text are left empty (the CoNLL-U
// writer rebuilds "# text" from forms and space_after).
//
// Failure: none for any input bytes. Invalid UTF-8 is replaced by U+FFFD (each
// maximal ill-formed subsequence once) and counted in Tokenized::repaired;
// empty or all-space input gives a document without sentences. A failed
// Result (ErrorCode::kInternal) only reports running out of memory.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "textgraph/document.h"
#include "textgraph/status.h"

namespace textgraph {

// What the input text is.
enum class TokenizerInput {
  kText,          // running text: the tokenizer finds tokens and sentences
  kPretokenized,  // one sentence per line, tokens separated by spaces or tabs; blank
                  // lines are skipped (the next sentence starts a paragraph). Tokens
                  // are kept as given and all have space_after; multiword splitting
                  // still applies when TokenizerOptions::split_multiword is set
                  // ("don't" -> do + n't; "do n't" stays two tokens).
};

// How a single line break (not a blank line) inside running text is read.
enum class LineBreaks {
  kAuto,      // ends a sentence, unless the document looks hard-wrapped (many lines
              // break mid-sentence and go on in lower case), then it is a space
  kSentence,  // always ends a sentence (headlines, lists, one sentence per line)
  kSpace,     // never ends a sentence by itself (hard-wrapped prose)
};

struct TokenizerOptions {
  TokenizerInput input = TokenizerInput::kText;  // raw text or pre-tokenized lines
  LineBreaks line_breaks = LineBreaks::kAuto;    // kText only: single line breaks
  bool split_multiword = true;             // contractions and possessives become multiword tokens
                                           // ("don't" -> do + n't); false keeps one word per token
  std::size_t max_sentence_tokens = 1000;  // a longer run without a boundary is cut
                                           // into sentences of this many tokens (0 = no
                                           // limit), so later stages see bounded input
  std::string document_id;                 // copied to Document::id
};

struct Tokenized {
  Document document;         // text, and sentences with words and multiword tokens
  std::size_t repaired = 0;  // invalid UTF-8 sequences replaced by U+FFFD in document.text
};

// Tokenizes `text` and splits it into sentences. Never fails on input; see
// the top of this header.
[[nodiscard]] Result<Tokenized> tokenize(std::string_view text,
                                         const TokenizerOptions& options = {});

// For inputs too large to hold as one Document (it takes about 300 bytes per
// word): the offset just past the first paragraph break (a blank line, the
// whitespace run included) at or after byte `from`, or text.size() if there
// is none. Tokenizing text[0, k) and text[k, ...) separately gives the same
// tokens and sentences as tokenizing the whole, with spans relative to each
// piece, for LineBreaks::kSentence and kSpace; with kAuto each piece decides
// on its own whether it looks hard-wrapped.
//   std::size_t begin = 0, offset = 0;
//   while (begin < text.size()) {
//     const std::size_t end = textgraph::paragraph_break_after(text, begin + (1 << 20));
//     auto piece = textgraph::tokenize(text.substr(begin, end - begin), options);
//     ...  // span + offset is a position in the whole text (after UTF-8 repair)
//     offset += piece->document.text.size();
//     begin = end;
//   }
std::size_t paragraph_break_after(std::string_view text, std::size_t from);

}  // namespace textgraph
