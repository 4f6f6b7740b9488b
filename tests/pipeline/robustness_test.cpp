// Hostile and degenerate inputs through the whole pipeline: each gives
// valid trees (or nothing, for empty input), never a crash; the work per
// sentence stays bounded because no sentence grows past the tokenizer's cap.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "pipeline/helpers.h"
#include "textgraph/conllu.h"
#include "textgraph/pipeline.h"

namespace textgraph {
namespace {

struct Outcome {
  std::size_t sentences = 0;
  std::size_t words = 0;
  std::size_t longest = 0;  // words in the longest sentence
  std::size_t repaired = 0;
};

// Reads `text` as a stream, analyzes it, writes CoNLL-U and reads that back.
Outcome run(const std::string& text, InputOptions options = {}) {
  std::istringstream in(text);
  Result<DocumentReader> reader = DocumentReader::from_stream(in, "input", options);
  EXPECT_TRUE(reader.ok());
  Outcome o;
  std::ostringstream out;
  ConlluChunkWriter writer(out);
  const Status st = analyze_stream(*reader, testing::default_analyzer(), 2, [&](Chunk& c) {
    o.repaired += c.repaired;
    testing::expect_analyzed(c.document);
    for (const Sentence& s : c.document.sentences) o.longest = std::max(o.longest, s.words.size());
    writer.write(c);
    return Status();
  });
  EXPECT_TRUE(st.ok()) << st.to_string();
  Result<std::vector<Sentence>> back = parse_conllu(out.str(), "output");
  EXPECT_TRUE(back.ok()) << back.status().to_string();
  if (back.ok()) {
    o.sentences = back->size();
    for (const Sentence& s : *back) {
      EXPECT_EQ(testing::tree_problem(s), "");
      o.words += s.words.size();
    }
  }
  return o;
}

std::string words_without_punctuation(std::size_t n) {
  const char* vocabulary[] = {"the", "talks",  "in",   "Riyadh", "will",   "go",    "on",
                              "and", "envoys", "said", "that",   "Russia", "wants", "peace"};
  std::string text;
  for (std::size_t i = 0; i < n; ++i) {
    if (i) text += ' ';
    text += vocabulary[(i * 7 + i / 3) % std::size(vocabulary)];
  }
  return text;
}

TEST(PipelineRobustness, LongSentenceWithoutPunctuationIsCutIntoBoundedSentences) {
  for (std::size_t n : {5000u, 20000u}) {
    const Outcome o = run(words_without_punctuation(n));
    EXPECT_EQ(o.words, n);
    EXPECT_LE(o.longest, 1000u);
    EXPECT_EQ(o.sentences, (n + 999) / 1000);
  }
}

TEST(PipelineRobustness, OnlyPunctuation) {
  const Outcome o = run("!!! ??? ... ,,, ;; -- (( )) \"\" '' ?! : ; , . - / * & % $ # @");
  EXPECT_GT(o.words, 10u);
}

TEST(PipelineRobustness, Emoji) {
  const Outcome o =
      run("\xF0\x9F\x99\x82\xF0\x9F\x99\x82 talks \xF0\x9F\x98\x80 "
          "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 "
          "\xE2\x9D\xA4\xEF\xB8\x8F peace");
  EXPECT_GT(o.words, 4u);
}

TEST(PipelineRobustness, AllCapsHeadlineSingleTokenEmpty) {
  EXPECT_EQ(run("RUSSIA AND UKRAINE AGREE TO NEW TALKS IN RIYADH").sentences, 1u);
  const Outcome single = run("Hello");
  EXPECT_EQ(single.sentences, 1u);
  EXPECT_EQ(single.words, 1u);
  EXPECT_EQ(run("").sentences, 0u);
  EXPECT_EQ(run("  \n\n\t \r\n ").sentences, 0u);
  InputOptions lines;
  lines.sentence_per_line = true;
  EXPECT_EQ(run("\n\n\n", lines).sentences, 0u);
}

TEST(PipelineRobustness, InvalidUtf8IsRepairedAndCounted) {
  const Outcome o = run("Caf\xE9 \xFF\xFE talks \xC0\xAF resumed \xED\xA0\x80.");
  EXPECT_EQ(o.repaired, 8u);  // E9, FF, FE, C0, AF, and ED A0 80 as three
  EXPECT_GT(o.words, 4u);
}

TEST(PipelineRobustness, BinaryJunkWithoutNulIsRepairedNotFatal) {
  std::mt19937 rng(3);
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk += static_cast<char>(1 + rng() % 255);
  const Outcome o = run(junk);
  EXPECT_GT(o.repaired, 1000u);
  EXPECT_GT(o.words, 100u);
  EXPECT_LE(o.longest, 1000u);
}

TEST(PipelineRobustness, OneHugeWordAndTinyChunks) {
  const Outcome huge = run(std::string(200000, 'x'));
  EXPECT_EQ(huge.words, 1u);
  // A paragraph longer than max_chunk_bytes is cut inside a word (and never
  // inside a UTF-8 sequence: the pieces stay valid).
  InputOptions small;
  small.chunk_bytes = 100;
  small.max_chunk_bytes = 1000;
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "\xC3\xA9";
  const Outcome cut = run(text, small);
  EXPECT_EQ(cut.repaired, 0u);
  EXPECT_EQ(cut.sentences, 6u);
}

}  // namespace
}  // namespace textgraph
