// analyze_stream and the CoNLL-U writer: the same bytes for any thread
// count and chunk size, offsets into the input, comments, failures in order.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "pipeline/helpers.h"
#include "textgraph/conllu.h"
#include "textgraph/pipeline.h"

namespace textgraph {
namespace {

using testing::data_path;
using testing::text_to_conllu;

// Several documents' worth of paragraphs.
std::string long_text() {
  const std::string article = testing::slurp(data_path("article.txt"));
  std::string text;
  for (int i = 0; i < 4; ++i) text += article + "\n";
  return text;
}

TEST(AnalyzeStream, AnyThreadCountGivesTheSameBytes) {
  const std::string text = long_text();
  InputOptions options;
  options.chunk_bytes = 64;  // about one paragraph per chunk
  const std::string one = text_to_conllu(text, options, 1);
  ASSERT_GT(std::count(one.begin(), one.end(), '\n'), 500);
  for (std::size_t threads : {2u, 3u, 4u}) EXPECT_EQ(text_to_conllu(text, options, threads), one);
}

TEST(AnalyzeStream, ChunkSizeDoesNotChangeTheAnalysis) {
  const std::string text = long_text();
  InputOptions options;
  options.line_breaks = LineBreaks::kSentence;
  options.chunk_bytes = 1 << 20;  // one chunk
  const std::string whole = text_to_conllu(text, options, 1);
  options.chunk_bytes = 1;  // one paragraph per chunk
  EXPECT_EQ(text_to_conllu(text, options, 2), whole);
}

// Reads back what the writer wrote and checks comments and TokenRange.
TEST(ConlluChunkWriter, CommentsAndTokenRanges) {
  const std::string text = long_text();
  InputOptions options;
  options.chunk_bytes = 100;
  const std::string out = text_to_conllu(text, options, 2);
  Result<std::vector<Sentence>> sentences = parse_conllu(out, "out");
  ASSERT_TRUE(sentences.ok()) << sentences.status().to_string();
  std::size_t newdoc = 0, newpar = 0, ranges = 0;
  for (std::size_t i = 0; i < sentences->size(); ++i) {
    const Sentence& s = (*sentences)[i];
    EXPECT_EQ(s.id, std::to_string(i + 1));
    EXPECT_EQ(testing::tree_problem(s), "");
    for (const std::string& c : s.comments) {
      newdoc += c == "newdoc id = input";
      newpar += c == "newpar";
    }
    std::size_t m = 0;
    for (std::size_t k = 0; k < s.words.size(); ++k) {
      std::string form = s.words[k].form, misc = s.words[k].misc;
      if (m < s.multiword_tokens.size() && s.multiword_tokens[m].first == static_cast<int>(k) + 1) {
        form = s.multiword_tokens[m].form;
        misc = s.multiword_tokens[m].misc;
        k = static_cast<std::size_t>(s.multiword_tokens[m++].last) - 1;
      }
      const std::size_t at = misc.find("TokenRange=");
      ASSERT_NE(at, std::string::npos) << form;
      std::size_t b = 0, e = 0;
      ASSERT_EQ(std::sscanf(misc.c_str() + at, "TokenRange=%zu:%zu", &b, &e), 2);
      EXPECT_EQ(text.substr(b, e - b), form);
      ++ranges;
    }
  }
  EXPECT_EQ(newdoc, 1u);
  EXPECT_EQ(newpar, 24u);  // 6 paragraphs, 4 times
  EXPECT_GT(ranges, 600u);
}

TEST(AnalyzeStream, SentenceNumbersWithinDocuments) {
  Result<DocumentReader> reader =
      DocumentReader::open({data_path("docs.jsonl"), data_path("article.txt")}, [] {
        InputOptions o;
        o.chunk_bytes = 1;
        return o;
      }());
  ASSERT_TRUE(reader.ok());
  std::vector<std::string> ids;
  std::vector<std::size_t> firsts, sizes;
  std::vector<std::size_t> parts;
  const Status st = analyze_stream(*reader, testing::default_analyzer(), 2, [&](Chunk& c) {
    ids.push_back(c.document_id);
    firsts.push_back(c.first_sentence);
    sizes.push_back(c.document.sentences.size());
    parts.push_back(c.part);
    return Status();
  });
  ASSERT_TRUE(st.ok()) << st.to_string();
  const std::string docs = data_path("docs.jsonl");
  const std::string article = data_path("article.txt");
  // One chunk per paragraph: the article has 6.
  EXPECT_EQ(ids, (std::vector<std::string>{"brief-1", "42", "42", docs + ":4", article, article,
                                           article, article, article, article}));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (parts[i] == 0)
      EXPECT_EQ(firsts[i], 0u) << i;
    else
      EXPECT_EQ(firsts[i], firsts[i - 1] + sizes[i - 1]) << i;
    EXPECT_GT(sizes[i], 0u) << i;
  }
}

TEST(AnalyzeStream, FailuresStopInInputOrder) {
  std::string jsonl;
  for (int i = 0; i < 12; ++i)
    jsonl += i == 7 ? "{\"text\": broken}\n"
                    : "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"Talks resumed.\"}\n";
  for (std::size_t threads : {1u, 3u}) {
    std::istringstream in(jsonl);
    InputOptions options;
    options.format = InputFormat::kJsonl;
    Result<DocumentReader> reader = DocumentReader::from_stream(in, "docs.jsonl", options);
    ASSERT_TRUE(reader.ok());
    std::vector<std::string> ids;
    const Status st = analyze_stream(*reader, testing::default_analyzer(), threads, [&](Chunk& c) {
      ids.push_back(c.document_id);
      return Status();
    });
    EXPECT_EQ(st.code(), ErrorCode::kInvalidInput);
    EXPECT_EQ(st.where().file, "docs.jsonl");
    EXPECT_EQ(st.where().line, 8u);
    EXPECT_EQ(ids, (std::vector<std::string>{"d0", "d1", "d2", "d3", "d4", "d5", "d6"}));
  }
}

TEST(AnalyzeStream, SinkErrorStopsTheRun) {
  std::istringstream in(long_text());
  InputOptions options;
  options.chunk_bytes = 64;
  Result<DocumentReader> reader = DocumentReader::from_stream(in, "input", options);
  ASSERT_TRUE(reader.ok());
  int calls = 0;
  const Status st = analyze_stream(*reader, testing::default_analyzer(), 2, [&](Chunk&) {
    return ++calls == 3 ? Status::error(ErrorCode::kIo, "disk full", {"out"}) : Status();
  });
  EXPECT_EQ(st.to_string(), "out: disk full");
  EXPECT_EQ(calls, 3);
}

}  // namespace
}  // namespace textgraph
