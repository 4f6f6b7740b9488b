// Offsets, UTF-8 repair and robustness: whatever the bytes, every token's
// span holds exactly its form, tokens cover every non-space character once,
// and nothing crashes.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "tokenizer/chars.h"
#include "tokenizer/helpers.h"

namespace textgraph {
namespace {

using testing::must_tokenize;

bool all_space(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len;
    if (!tokenizer::is_space(tokenizer::peek(s, i, len))) return false;
    i += len;
  }
  return true;
}

// Checks every invariant the header promises about spans and forms.
void check_document(const Tokenized& t, const TokenizerOptions& options) {
  const std::string& text = t.document.text;
  ASSERT_TRUE(utf8::is_valid(text));
  std::size_t cursor = 0;  // end of the previous token
  bool first_sentence = true;
  for (const Sentence& s : t.document.sentences) {
    ASSERT_FALSE(s.words.empty());
    if (first_sentence) {
      EXPECT_TRUE(s.new_paragraph);
    }
    first_sentence = false;
    std::size_t m = 0;
    std::size_t sentence_begin = std::string::npos, sentence_end = 0;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const int id = static_cast<int>(i) + 1;
      Span span;
      std::string form;
      bool space_after;
      if (m < s.multiword_tokens.size() && s.multiword_tokens[m].first == id) {
        const MultiwordToken& mwt = s.multiword_tokens[m++];
        ASSERT_LE(mwt.last, static_cast<int>(s.words.size()));
        ASSERT_LT(mwt.first, mwt.last);
        std::string joined;
        for (int k = mwt.first; k <= mwt.last; ++k) {
          const Word& w = s.words[static_cast<std::size_t>(k) - 1];
          EXPECT_FALSE(w.form.empty());
          EXPECT_EQ(w.span, mwt.span);
          joined += w.form;
        }
        EXPECT_EQ(joined, mwt.form);
        span = mwt.span;
        form = mwt.form;
        space_after = mwt.space_after;
        i = static_cast<std::size_t>(mwt.last) - 1;
      } else {
        span = s.words[i].span;
        form = s.words[i].form;
        space_after = s.words[i].space_after;
      }
      ASSERT_TRUE(span.known());
      ASSERT_LT(span.begin, span.end);
      ASSERT_LE(span.end, text.size());
      ASSERT_GE(span.begin, cursor);
      EXPECT_EQ(text.substr(span.begin, span.end - span.begin), form);
      EXPECT_TRUE(utf8::is_valid(form));
      const std::string_view gap(text.data() + cursor, span.begin - cursor);
      EXPECT_TRUE(all_space(gap)) << "uncovered bytes before \"" << form << "\"";
      if (options.input == TokenizerInput::kText) {
        const bool followed_by_space =
            span.end < text.size() && tokenizer::is_space(tokenizer::at(text, span.end));
        EXPECT_EQ(space_after, followed_by_space) << form;
      }
      if (sentence_begin == std::string::npos) sentence_begin = span.begin;
      sentence_end = span.end;
      cursor = span.end;
    }
    EXPECT_EQ(m, s.multiword_tokens.size());
    EXPECT_EQ(s.span, (Span{sentence_begin, sentence_end}));
    if (options.max_sentence_tokens > 0) {
      EXPECT_LE(s.words.size(), (options.max_sentence_tokens + 1) * 4);
    }
  }
  EXPECT_TRUE(all_space(std::string_view(text).substr(cursor)));
}

TEST(Offsets, SpansHoldTheForms) {
  const std::string text =
      "\xEF\xBB\xBFKyiv\u2019s envoy didn't say\u00A0\u201Cno\u201D \u2014 ask @UN at "
      "https://un.org/x.\n\nU.S. talks (2025) cost $5.5bn, i.e. 60,000 units etc.";
  TokenizerOptions options;
  const Tokenized t = must_tokenize(text, options);
  EXPECT_EQ(t.repaired, 0u);
  EXPECT_EQ(t.document.text, text);
  check_document(t, options);
}

TEST(Offsets, SpaceAfterFollowsTheText) {
  const Tokenized t = must_tokenize("Hi, you.");
  const auto& w = t.document.sentences.at(0).words;
  ASSERT_EQ(w.size(), 4u);
  EXPECT_FALSE(w[0].space_after);  // "Hi" then ","
  EXPECT_TRUE(w[1].space_after);   // "," then " "
  EXPECT_FALSE(w[2].space_after);  // "you" then "."
  EXPECT_FALSE(w[3].space_after);  // end of text
}

TEST(Offsets, DocumentIdIsCopied) {
  TokenizerOptions options;
  options.document_id = "article-7";
  EXPECT_EQ(must_tokenize("Text.", options).document.id, "article-7");
}

TEST(Utf8Repair, InvalidBytesBecomeReplacementCharactersAndAreCounted) {
  const std::string text = "Caf\xE9 au lait \xFF\xFE costs \xE2\x82 5.";
  const Tokenized t = must_tokenize(text);
  EXPECT_EQ(t.repaired, 4u);  // E9, FF, FE, and the truncated E2 82
  EXPECT_EQ(t.document.text,
            "Caf\xEF\xBF\xBD au lait \xEF\xBF\xBD\xEF\xBF\xBD costs \xEF\xBF\xBD 5.");
  // The broken byte stays inside its word; offsets point into the repaired text.
  EXPECT_EQ(testing::tokens(text),
            "Caf\xEF\xBF\xBD au lait \xEF\xBF\xBD\xEF\xBF\xBD costs "
            "\xEF\xBF\xBD 5 .");
  check_document(t, {});
}

TEST(Utf8Repair, ValidTextIsUntouched) {
  const Tokenized t = must_tokenize("\u041A\u0438\u0457\u0432 \U0001F600 ok");
  EXPECT_EQ(t.repaired, 0u);
  EXPECT_EQ(testing::tokens("\u041A\u0438\u0457\u0432 \U0001F600 ok"),
            "\u041A\u0438\u0457\u0432 \U0001F600 ok");
}

// Random texts from pieces that exercise every rule, plus raw random bytes.
std::string random_text(std::mt19937& rng, bool raw_bytes) {
  static const std::vector<std::string> pieces = {"a",
                                                  "Z",
                                                  "word",
                                                  "U.S.",
                                                  "Mr.",
                                                  "e-mail",
                                                  "don't",
                                                  "'s",
                                                  "n't",
                                                  "’",
                                                  "'",
                                                  "\"",
                                                  "“",
                                                  "”",
                                                  "-",
                                                  "--",
                                                  "—",
                                                  "–",
                                                  ".",
                                                  "...",
                                                  "…",
                                                  "!",
                                                  "?",
                                                  ",",
                                                  ";",
                                                  ":",
                                                  "(",
                                                  ")",
                                                  "[",
                                                  "]",
                                                  "<",
                                                  ">",
                                                  "@",
                                                  "#",
                                                  "@x",
                                                  "#y",
                                                  "http://",
                                                  "www.",
                                                  "a@b.c",
                                                  "1",
                                                  "42",
                                                  "3.5",
                                                  "60,000",
                                                  "10:30",
                                                  "16/11/2004",
                                                  "713-853-3989",
                                                  "5pm",
                                                  "+",
                                                  "$",
                                                  "%",
                                                  "&",
                                                  "/",
                                                  "_",
                                                  ":)",
                                                  ";-)",
                                                  ".doc",
                                                  " ",
                                                  " ",
                                                  " ",
                                                  "  ",
                                                  "\n",
                                                  "\n\n",
                                                  "\r\n",
                                                  "\t",
                                                  "\u00A0",
                                                  "\u2028",
                                                  "\u2029",
                                                  "\xEF\xBB\xBF",
                                                  "\xFF",
                                                  "\xC3",
                                                  "\xE2\x80",
                                                  "\xED\xA0\x80",
                                                  "\xF0\x9F\x98\x80",
                                                  "\xEF\xB8\x8F",
                                                  "\u200D",
                                                  "\u0301",
                                                  "Київ",
                                                  "cannot",
                                                  "gonna",
                                                  "dont",
                                                  "I'd've",
                                                  "parents'",
                                                  "p.m.",
                                                  "etc.",
                                                  "No.",
                                                  "J.",
                                                  "’90s",
                                                  "``",
                                                  "''",
                                                  "ld2d-#1.DOC",
                                                  "\x00",
                                                  "\x01",
                                                  "\x7F"};
  std::string text;
  const std::size_t n = rng() % 60;
  for (std::size_t i = 0; i < n; ++i) {
    if (raw_bytes) {
      text += static_cast<char>(rng() % 256);
    } else {
      const std::string& p = pieces[rng() % pieces.size()];
      text += p;
    }
  }
  return text;
}

TEST(Robustness, RandomInputNeverBreaksTheInvariants) {
  std::mt19937 rng(20250101);
  for (int round = 0; round < 10000; ++round) {
    const std::string text = random_text(rng, round % 3 == 2);
    TokenizerOptions options;
    options.input = round % 5 == 4 ? TokenizerInput::kPretokenized : TokenizerInput::kText;
    options.line_breaks = static_cast<LineBreaks>(round % 3);
    options.split_multiword = round % 7 != 0;
    options.max_sentence_tokens = round % 4 == 0 ? 3 : 1000;
    Result<Tokenized> r = tokenize(text, options);
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    std::string repaired = text;
    EXPECT_EQ(r->repaired, utf8::repair(repaired));
    EXPECT_EQ(r->document.text, repaired);
    check_document(*r, options);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "input (round " << round << "): " << ::testing::PrintToString(text);
      return;
    }
  }
}

TEST(Robustness, LongRunsOfOneCharacter) {
  for (const char* piece : {".", "-", "a", "'", "@", "1", "(", "\n", "\xFF", "\u2026", "5-"}) {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += piece;
    const Tokenized t = must_tokenize(text);
    check_document(t, {});
  }
}

// Long chunks built so that a scanner retrying a pattern at every position
// would take quadratic time (this input would then run for minutes).
TEST(Robustness, LongAdversarialChunksStayLinear) {
  for (const std::string unit : {"a-", "a.", "1-", "a/", "x'", "@a", "ab1-"}) {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += unit;
    text += "!@example.com http://";
    const Tokenized t = must_tokenize(text);
    check_document(t, {});
  }
}

// Every word of a document as "form@begin-end", sentences ending in "|" and
// paragraph starts marked "¶": enough to compare two tokenizations exactly.
std::string fingerprint(const Document& doc, std::size_t offset) {
  std::string out;
  for (const Sentence& s : doc.sentences) {
    if (s.new_paragraph) out += "\u00B6 ";
    for (const Word& w : s.words)
      out += w.form + "@" + std::to_string(w.span.begin + offset) + "-" +
             std::to_string(w.span.end + offset) + (w.space_after ? " " : "_ ");
    out += "| ";
  }
  return out;
}

TEST(Streaming, PiecesCutAtParagraphBreaksTokenizeLikeTheWhole) {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(rng, false) + "\n\n" + random_text(rng, false);
    TokenizerOptions options;
    options.line_breaks = round % 2 ? LineBreaks::kSentence : LineBreaks::kSpace;
    const Tokenized whole = must_tokenize(text, options);
    std::string pieces;
    std::size_t begin = 0, repaired = 0, offset = 0;
    while (begin < text.size()) {
      const std::size_t end = paragraph_break_after(text, begin + rng() % 40);
      ASSERT_GT(end, begin);
      ASSERT_LE(end, text.size());
      const Tokenized piece = must_tokenize(text.substr(begin, end - begin), options);
      // Offsets into the whole (repaired) text: after the earlier pieces'
      // repaired texts.
      pieces += fingerprint(piece.document, offset);
      offset += piece.document.text.size();
      repaired += piece.repaired;
      begin = end;
    }
    ASSERT_EQ(pieces, fingerprint(whole.document, 0)) << ::testing::PrintToString(text);
    ASSERT_EQ(repaired, whole.repaired);
  }
  EXPECT_EQ(paragraph_break_after("a\n\nb", 0), 3u);
  EXPECT_EQ(paragraph_break_after("a\r\n \t\r\nb", 0), 7u);
  EXPECT_EQ(paragraph_break_after("a\nb\n", 0), 4u);  // none: the end
  EXPECT_EQ(paragraph_break_after("a\u2029b", 0), 4u);
  EXPECT_EQ(paragraph_break_after("a\n\nb", 9), 4u);
}

TEST(Robustness, SameInputSameOutput) {
  const std::string text = "Mr. Smith didn't go. He said \"no\"!\n\nNew paragraph here";
  EXPECT_EQ(testing::words(text), testing::words(text));
}

}  // namespace
}  // namespace textgraph
