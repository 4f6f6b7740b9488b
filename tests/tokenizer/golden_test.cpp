// A news article written for the project (tests/tokenizer/data/article.txt)
// against its expected sentences and words, one sentence per line in
// article.expected (a multiword token shows as "form=word+word").
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tokenizer/helpers.h"

namespace textgraph {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(Golden, NewsArticle) {
  const std::string text = slurp(std::string(TOKENIZER_TEST_DATA) + "/article.txt");
  const std::string expected = slurp(std::string(TOKENIZER_TEST_DATA) + "/article.expected");
  // words() separates sentences with " | "; the file has one per line.
  const std::string words = testing::words(text);
  std::string got;
  std::size_t from = 0;
  while (from <= words.size()) {
    std::size_t bar = words.find(" | ", from);
    if (bar == std::string::npos) bar = words.size();
    got.append(words, from, bar - from);
    got += '\n';
    from = bar + 3;
  }
  EXPECT_EQ(got, expected);

  // Headline and byline are one paragraph; the blank lines start the others.
  const Tokenized t = testing::must_tokenize(text);
  std::vector<std::size_t> paragraphs;
  for (std::size_t i = 0; i < t.document.sentences.size(); ++i)
    if (t.document.sentences[i].new_paragraph) paragraphs.push_back(i);
  EXPECT_EQ(paragraphs, (std::vector<std::size_t>{0, 2, 3, 5, 12}));
}

}  // namespace
}  // namespace textgraph
