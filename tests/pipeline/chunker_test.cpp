// Cutting text into chunks: where the cuts go, that they never depend on
// how much was read at a time, and that the pieces tokenize like the whole.
#include "pipeline/chunker.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/helpers.h"
#include "textgraph/tokenizer.h"

namespace textgraph::pipeline {
namespace {

using Piece = TextChunker::Piece;

std::vector<Piece> pieces_of(TextChunker& chunker) {
  std::vector<Piece> out;
  Piece p;
  while (chunker.next(p)) out.push_back(p);
  return out;
}

std::vector<Piece> cut_stream(const std::string& text, const CutRule& rule, std::size_t block) {
  std::istringstream in(text);
  TextChunker chunker(in, "test", rule, block);
  return pieces_of(chunker);
}

std::vector<Piece> cut_memory(const std::string& text, const CutRule& rule) {
  TextChunker chunker(text, rule);
  return pieces_of(chunker);
}

std::string describe(const std::vector<Piece>& pieces) {
  std::string out;
  for (const Piece& p : pieces) {
    out += '[';
    out += std::to_string(p.offset);
    out += '@';
    out += std::to_string(p.line);
    if (p.starts_paragraph) out += 'P';
    out += ']';
    out += p.text;
  }
  return out;
}

CutRule rule(CutMode mode, std::size_t target, std::size_t max) {
  CutRule r;
  r.mode = mode;
  r.target = target;
  r.max = max;
  return r;
}

TEST(FindCut, ParagraphBreakAfterTarget) {
  const CutRule r = rule(CutMode::kParagraphs, 3, 100);
  const std::string text = "One two.\nThree.\n\n  Four five.\n\nSix.";
  auto cut = find_cut(text, true, r);
  ASSERT_TRUE(cut);
  EXPECT_EQ(text.substr(0, cut->end), "One two.\nThree.\n\n  ");
  EXPECT_TRUE(cut->paragraph);
}

TEST(FindCut, WaitsUntilTheBlankRunIsSeenWhole) {
  const CutRule r = rule(CutMode::kParagraphs, 3, 100);
  // The run of blanks reaches the end of what was read: it may go on.
  EXPECT_FALSE(find_cut("One two.\n\n", false, r));
  EXPECT_FALSE(find_cut("One two.\n", false, r));
  EXPECT_FALSE(find_cut("On", false, r));  // not even the target yet
  auto cut = find_cut("One two.\n\nX", false, r);
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->end, 10u);
  // At the end of the document the rest is one chunk.
  cut = find_cut("One two.\n", true, r);
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->end, 9u);
}

TEST(FindCut, LongParagraphFallsBackToLineBreakThenSpaceThenCharacter) {
  const CutRule r = rule(CutMode::kParagraphs, 4, 12);
  auto cut = find_cut("aaaa bbb\nccc ddd eee fff", false, r);
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->end, 9u);  // after the line break
  EXPECT_FALSE(cut->paragraph);
  cut = find_cut("aaaa bbb ccc ddd eee fff", false, r);
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->end, 5u);  // after the first space at or after the target
  cut = find_cut("aaaaaaaaaaaaaaaaaaaaaaaa", false, r);
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->end, 12u);
  // Never inside a UTF-8 sequence: "é" is 2 bytes at 11..12.
  cut = find_cut(
      "aaaaaaaaaaa\xC3\xA9"
      "aaaaaaaaaaa",
      false, r);
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->end, 11u);
  // With fewer than max bytes seen and no break, it waits.
  EXPECT_FALSE(find_cut("aaaaaaaaaa", false, r));
}

TEST(FindCut, LinesCarryTheBlankLinesAlong) {
  const CutRule r = rule(CutMode::kLines, 1, 100);
  auto cut = find_cut("First line .\nSecond .\n", false, r);
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->end, 13u);
  EXPECT_FALSE(cut->paragraph);
  cut = find_cut("First line .\n\n\nSecond .\n", false, r);
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->end, 15u);
  EXPECT_TRUE(cut->paragraph);
  EXPECT_FALSE(find_cut("First line .\n\n", false, r));
}

TEST(TextChunker, EmptyDocumentGivesOneEmptyChunk) {
  const auto pieces = cut_memory("", rule(CutMode::kParagraphs, 10, 100));
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].text, "");
  EXPECT_EQ(cut_stream("", rule(CutMode::kParagraphs, 10, 100), 4).size(), 1u);
}

TEST(TextChunker, OffsetsAndLines) {
  const std::string text = "A b.\n\nC d.\nE f.\n\nG h.\n";
  const auto pieces = cut_memory(text, rule(CutMode::kParagraphs, 1, 100));
  EXPECT_EQ(describe(pieces), "[0@1P]A b.\n\n[6@3P]C d.\nE f.\n\n[17@6P]G h.\n");
}

// Random text over an alphabet rich in blanks, line breaks and multi-byte
// characters: the cuts must be the same for every read size.
TEST(TextChunker, CutsDoNotDependOnReadSize) {
  std::mt19937 rng(7);
  const std::vector<std::string> alphabet = {
      "a", "b", " ", " ", "\n", "\n\n", "\r\n", "\t", "\xC3\xA9", "\xE2\x80\x94", ".", "\xFF"};
  for (int round = 0; round < 30; ++round) {
    std::string text;
    const std::size_t n = 200 + rng() % 3000;
    for (std::size_t i = 0; i < n; ++i) text += alphabet[rng() % alphabet.size()];
    if (round % 3 == 0)  // long stretches without any break
      text.insert(text.size() / 2, std::string(900, 'x'));
    for (CutMode mode : {CutMode::kParagraphs, CutMode::kLines}) {
      const CutRule r = rule(mode, 40 + round, 300);
      const auto expected = cut_memory(text, r);
      std::string joined;
      for (const Piece& p : expected) {
        EXPECT_EQ(p.offset, joined.size());
        EXPECT_FALSE(p.text.empty());
        joined += p.text;
      }
      EXPECT_EQ(joined, text);
      for (std::size_t block : {1u, 2u, 7u, 64u, 301u, 4096u})
        EXPECT_EQ(describe(cut_stream(text, r, block)), describe(expected))
            << "round " << round << " block " << block;
    }
  }
}

std::string tokens_with_offsets(const std::vector<std::pair<std::string, std::size_t>>& pieces,
                                const TokenizerOptions& options) {
  std::string out;
  for (const auto& [text, offset] : pieces) {
    Result<Tokenized> r = tokenize(text, options);
    EXPECT_TRUE(r.ok());
    for (const Sentence& s : r->document.sentences) {
      out += "|";
      for (const Word& w : s.words)
        out += " " + w.form + "@" + std::to_string(w.span.begin + offset);
    }
  }
  return out;
}

TEST(TextChunker, PiecesTokenizeLikeTheWhole) {
  const std::string text = testing::slurp(testing::data_path("article.txt"));
  ASSERT_FALSE(text.empty());
  TokenizerOptions options;
  options.line_breaks = LineBreaks::kSentence;
  const std::string whole = tokens_with_offsets({{text, 0}}, options);
  for (std::size_t target : {1u, 50u, 200u, 700u}) {
    std::vector<std::pair<std::string, std::size_t>> pieces;
    for (const Piece& p : cut_memory(text, rule(CutMode::kParagraphs, target, 1 << 20)))
      pieces.emplace_back(p.text, p.offset);
    EXPECT_GE(pieces.size(), target == 1 ? 6u : 2u);  // 6 paragraphs
    EXPECT_EQ(tokens_with_offsets(pieces, options), whole) << "target " << target;
  }
}

}  // namespace
}  // namespace textgraph::pipeline
