// Pre-tokenized input: one sentence per line, tokens separated by spaces,
// kept as given (the form benchmark files such as CaRB use).
#include <gtest/gtest.h>

#include "tokenizer/helpers.h"

namespace textgraph {
namespace {

using testing::must_tokenize;

TokenizerOptions pretokenized() {
  TokenizerOptions options;
  options.input = TokenizerInput::kPretokenized;
  return options;
}

TEST(Pretokenized, KeepsTheGivenTokensAndLines) {
  EXPECT_EQ(testing::tokens("Bruce 's 30 - year career ended .\nU.S. envoys met Mr. Putin .\n",
                            pretokenized()),
            "Bruce 's 30 - year career ended . | U.S. envoys met Mr. Putin .");
  // What the raw-text rules would split or join stays as it is.
  EXPECT_EQ(testing::tokens("well-known e-mail 5pm (a) etc.\n", pretokenized()),
            "well-known e-mail 5pm (a) etc.");
}

TEST(Pretokenized, SplitsContractionsIntoWordsButKeepsTheToken) {
  EXPECT_EQ(testing::words("I don't know John's car\n", pretokenized()),
            "I don't=do+n't know John's=John+'s car");
  EXPECT_EQ(testing::words("I do n't know\n", pretokenized()), "I do n't know");
  TokenizerOptions options = pretokenized();
  options.split_multiword = false;
  EXPECT_EQ(testing::words("I don't know\n", options), "I don't know");
}

TEST(Pretokenized, OffsetsPointIntoTheInput) {
  const std::string text = "  A  b\tc \r\n\nD e";
  const Tokenized t = must_tokenize(text, pretokenized());
  ASSERT_EQ(t.document.sentences.size(), 2u);
  const Sentence& first = t.document.sentences[0];
  ASSERT_EQ(first.words.size(), 3u);
  EXPECT_EQ(first.words[0].span, (Span{2, 3}));
  EXPECT_EQ(first.words[1].span, (Span{5, 6}));
  EXPECT_EQ(first.words[2].span, (Span{7, 8}));
  EXPECT_EQ(first.span, (Span{2, 8}));
  EXPECT_TRUE(first.new_paragraph);
  // The blank line before "D e" starts a paragraph.
  EXPECT_TRUE(t.document.sentences[1].new_paragraph);
  EXPECT_EQ(t.document.sentences[1].words[0].form, "D");
}

TEST(Pretokenized, BlankLinesGiveNoSentences) {
  EXPECT_TRUE(must_tokenize("\n\n \t \n", pretokenized()).document.sentences.empty());
  EXPECT_EQ(must_tokenize("a\n\n\nb\n", pretokenized()).document.sentences.size(), 2u);
}

TEST(Pretokenized, InvalidUtf8IsRepairedToo) {
  const Tokenized t = must_tokenize("caf\xE9 ok\n", pretokenized());
  EXPECT_EQ(t.repaired, 1u);
  EXPECT_EQ(t.document.sentences.at(0).words.at(0).form, "caf\xEF\xBF\xBD");
}

}  // namespace
}  // namespace textgraph
