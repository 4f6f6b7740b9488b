#include "textgraph/conllu.h"

#include <gtest/gtest.h>

namespace textgraph {
namespace {

// Written for these tests.
const char* kSample =
    "# newdoc id = memo\n"
    "# sent_id = memo-1\n"
    "# text = We don't agree, Ms. Ray.\n"
    "1\tWe\twe\tPRON\tPRP\tCase=Nom|Number=Plur|Person=1|PronType=Prs\t3\tnsubj\t3:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\tMood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tagree\tagree\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No\n"
    "5\t,\t,\tPUNCT\t,\t_\t7\tpunct\t7:punct\t_\n"
    "6\tMs.\tMs.\tPROPN\tNNP\tNumber=Sing\t7\tcompound\t7:compound\t_\n"
    "7\tRay\tRay\tPROPN\tNNP\tNumber=Sing\t4\tvocative\t4:vocative\tSpaceAfter=No|NER=B-PER\n"
    "7.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t4:orphan\t_\n"
    "8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# sent_id = memo-2\n"
    "# text = Fine\n"
    "1\tFine\tfine\tADJ\tJJ\tDegree=Pos\t0\troot\t0:root\tSpaceAfter=No\n"
    "\n";

TEST(Conllu, ReadsWordsTokensAndComments) {
  auto r = parse_conllu(kSample, "sample");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->size(), 2u);
  const Sentence& s = (*r)[0];
  EXPECT_EQ(s.id, "memo-1");
  EXPECT_EQ(s.text, "We don't agree, Ms. Ray.");
  EXPECT_EQ(s.comments, (std::vector<std::string>{"newdoc id = memo", "sent_id = memo-1",
                                                  "text = We don't agree, Ms. Ray."}));
  ASSERT_EQ(s.words.size(), 8u);  // the empty node 7.1 is skipped
  ASSERT_EQ(s.multiword_tokens.size(), 1u);
  EXPECT_EQ(s.multiword_tokens[0].form, "don't");
  EXPECT_EQ(s.multiword_tokens[0].first, 2);
  EXPECT_EQ(s.multiword_tokens[0].last, 3);
  EXPECT_EQ(s.words[2].lemma, "not");
  EXPECT_EQ(s.words[2].feats, "");
  EXPECT_EQ(s.words[3].head, 0);
  EXPECT_FALSE(s.words[3].space_after);
  EXPECT_EQ(s.words[6].ner, "B-PER");
  EXPECT_EQ(s.words[6].misc, "");
  EXPECT_EQ(surface_text(s), s.text);
}

TEST(Conllu, RoundTripsExactly) {
  auto r = parse_conllu(kSample, "sample");
  ASSERT_TRUE(r.ok());
  std::string out;
  for (const auto& s : *r) out += to_conllu(s);
  std::string expected = kSample;
  // The writer drops the empty node (not kept on read) and nothing else.
  expected.erase(expected.find("7.1\t"),
                 std::string("7.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t4:orphan\t_\n").size());
  // MISC attributes come back sorted by name, NER before SpaceAfter.
  const std::string from = "SpaceAfter=No|NER=B-PER", to = "NER=B-PER|SpaceAfter=No";
  expected.replace(expected.find(from), from.size(), to);
  EXPECT_EQ(out, expected);
}

TEST(Conllu, RebuildsMissingText) {
  auto r = parse_conllu(
      "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n",
      "x");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(to_conllu((*r)[0]).find("# text = Hi!\n"), std::string::npos);
}

struct BadCase {
  const char* text;
  std::size_t line;
  const char* message_part;
};

TEST(Conllu, ReportsMalformedInputWithLine) {
  const BadCase cases[] = {
      {"1\tA\ta\tX\tX\t_\t0\troot\t_\n", 1, "10 tab-separated"},
      {"1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n", 2, "bad word id"},
      {"# c\n1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\tX\tX\t_\t9\tdep\t_\t_\n", 1, "beyond"},
      {"1-3\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n", 1, "covers missing"},
      {"1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n", 1, "bad head"},
      {"1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n# late\n", 2, "comment line inside"},
      {"1\tA\xFF\ta\tX\tX\t_\t0\troot\t_\t_\n", 1, "invalid UTF-8"},
      {"# only a comment\n", 1, "without words"},
  };
  for (const BadCase& c : cases) {
    auto r = parse_conllu(c.text, "bad.conllu");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
    EXPECT_EQ(r.status().where().file, "bad.conllu");
    EXPECT_EQ(r.status().where().line, c.line) << c.text;
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos)
        << r.status().to_string();
  }
}

TEST(Conllu, MissingFileIsIoError) {
  auto r = read_conllu("/nonexistent/file.conllu");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kIo);
}

}  // namespace
}  // namespace textgraph
