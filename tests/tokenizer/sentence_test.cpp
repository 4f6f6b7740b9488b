// Sentence splitting: punctuation, abbreviations, quotes, line and paragraph
// structure. Inputs are texts written for these tests.
#include <gtest/gtest.h>

#include "tokenizer/helpers.h"

namespace textgraph {
namespace {

using testing::must_tokenize;
using testing::tokens;

TEST(Sentences, FinalPunctuationEndsSentences) {
  EXPECT_EQ(tokens("Talks began. Were they useful? Nobody knows!"),
            "Talks began . | Were they useful ? | Nobody knows !");
  // Web text starts sentences in lower case too.
  EXPECT_EQ(tokens("it rained. we stayed in."), "it rained . | we stayed in .");
}

TEST(Sentences, AbbreviationsAndInitialsDoNotEndSentences) {
  EXPECT_EQ(tokens("Mr. Putin met Gen. Gerasimov in St. Petersburg on Jan. 5."),
            "Mr. Putin met Gen. Gerasimov in St. Petersburg on Jan. 5 .");
  EXPECT_EQ(tokens("The U.S. Army and the U.K. Navy sailed."),
            "The U.S. Army and the U.K. Navy sailed .");
  EXPECT_EQ(tokens("John F. Kennedy spoke."), "John F. Kennedy spoke .");
}

TEST(Sentences, AbbreviationBeforeASentenceStarter) {
  EXPECT_EQ(tokens("He moved to the U.S. The rest followed."),
            "He moved to the U.S . | The rest followed .");
  EXPECT_EQ(tokens("It was bought by Acme Inc. It paid cash."),
            "It was bought by Acme Inc . | It paid cash .");
  EXPECT_EQ(tokens("He lives on Main St. The store is near St. Mary's."),
            "He lives on Main St . | The store is near St. Mary's .");
}

TEST(Sentences, ClosingQuotesAndBracketsStayWithTheirSentence) {
  EXPECT_EQ(tokens("He said \"Stop.\" Then he left."), "He said \" Stop . \" | Then he left .");
  EXPECT_EQ(tokens("It is \u201Creasonably close.\u201D This changed."),
            "It is \u201C reasonably close . \u201D | This changed .");
  EXPECT_EQ(tokens("(It ended.) Next came peace."), "( It ended . ) | Next came peace .");
  EXPECT_EQ(tokens("\"Stop,\" he said."), "\" Stop , \" he said .");
}

TEST(Sentences, ReferenceMarksStayWithTheirSentence) {
  EXPECT_EQ(tokens("He was born in Kyiv.[12] His father taught."),
            "He was born in Kyiv . [ 12 ] | His father taught .");
}

TEST(Sentences, QuoteAfterASpaceOpensTheNextSentence) {
  EXPECT_EQ(tokens("He left. \"Why?\" she asked."), "He left . | \" Why ? \" she asked .");
}

TEST(Sentences, PunctuationThatContinues) {
  EXPECT_EQ(tokens("Nice! :) See you."), "Nice ! :) | See you .");
  EXPECT_EQ(tokens("Really?, he asked."), "Really ? , he asked .");
  EXPECT_EQ(tokens("Wait . . . and then"), "Wait . . . and then");
}

TEST(Sentences, EllipsisEndsASentenceOnlyBeforeACapital) {
  EXPECT_EQ(tokens("We waited... and waited."), "We waited ... and waited .");
  EXPECT_EQ(tokens("We waited... Nobody came."), "We waited ... | Nobody came .");
}

TEST(Sentences, NumberedListItems) {
  EXPECT_EQ(tokens("Do this:\n1. Open it.\n2. Close it."),
            "Do this : | 1 . Open it . | 2 . Close it .");
}

TEST(Sentences, HeadlinesEndAtLineBreaks) {
  EXPECT_EQ(tokens("Moscow Confirms Upcoming Talks\nThe Kremlin said envoys will come."),
            "Moscow Confirms Upcoming Talks | The Kremlin said envoys will come .");
  EXPECT_EQ(tokens("KYIV (Reuters) -\nTalks resumed on Monday."),
            "KYIV ( Reuters ) - | Talks resumed on Monday .");
}

TEST(Sentences, ParagraphBreaksEndSentencesAndMarkParagraphs) {
  const Tokenized t = must_tokenize("First part without a period\n\nSecond part. Third part.");
  ASSERT_EQ(t.document.sentences.size(), 3u);
  EXPECT_TRUE(t.document.sentences[0].new_paragraph);
  EXPECT_TRUE(t.document.sentences[1].new_paragraph);
  EXPECT_FALSE(t.document.sentences[2].new_paragraph);
  // Blank lines with spaces on them and Windows line ends count the same.
  EXPECT_EQ(tokens("One\r\n \r\nTwo"), "One | Two");
}

TEST(Sentences, HardWrappedTextJoinsLines) {
  const std::string wrapped =
      "Russian officials said on Monday that talks with the\n"
      "envoys would begin soon, although no date was set and\n"
      "the agenda remained unclear to observers in the capital.\n"
      "Ukraine was not invited.\n";
  EXPECT_EQ(tokens(wrapped),
            "Russian officials said on Monday that talks with the envoys would begin soon , "
            "although no date was set and the agenda remained unclear to observers in the "
            "capital . | Ukraine was not invited .");
  TokenizerOptions lines;
  lines.line_breaks = LineBreaks::kSentence;
  EXPECT_EQ(tokens("one line\ntwo line", lines), "one line | two line");
  TokenizerOptions spaces;
  spaces.line_breaks = LineBreaks::kSpace;
  EXPECT_EQ(tokens("A Headline\nThe story.", spaces), "A Headline The story .");
  EXPECT_EQ(tokens("A Headline\n\nThe story.", spaces), "A Headline | The story .");
}

TEST(Sentences, SpansCoverTheirTokens) {
  const std::string text = "  Talks began.  \"Were they useful?\"  ";
  const Tokenized t = must_tokenize(text);
  ASSERT_EQ(t.document.sentences.size(), 2u);
  const Sentence& a = t.document.sentences[0];
  const Sentence& b = t.document.sentences[1];
  EXPECT_EQ(text.substr(a.span.begin, a.span.end - a.span.begin), "Talks began.");
  EXPECT_EQ(text.substr(b.span.begin, b.span.end - b.span.begin), "\"Were they useful?\"");
}

TEST(Sentences, LongRunsAreCut) {
  std::string text;
  for (int i = 0; i < 25; ++i) text += "word ";
  TokenizerOptions options;
  options.max_sentence_tokens = 10;
  const Tokenized t = must_tokenize(text, options);
  ASSERT_EQ(t.document.sentences.size(), 3u);
  EXPECT_EQ(t.document.sentences[0].words.size(), 10u);
  EXPECT_EQ(t.document.sentences[2].words.size(), 5u);
  options.max_sentence_tokens = 0;
  EXPECT_EQ(must_tokenize(text, options).document.sentences.size(), 1u);
}

TEST(Sentences, EmptyAndBlankInputGiveNoSentences) {
  EXPECT_TRUE(must_tokenize("").document.sentences.empty());
  EXPECT_TRUE(must_tokenize(" \n\t\r\n  ").document.sentences.empty());
}

}  // namespace
}  // namespace textgraph
