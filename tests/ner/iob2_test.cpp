// IOB2 reading and writing, entity spans and their scores (no model needed).
#include <gtest/gtest.h>

#include <sstream>

#include "ner/ner_test_util.h"
#include "textgraph/conllu.h"
#include "textgraph/ner.h"

namespace textgraph {
namespace {

using ner_testing::data_path;
using ner_testing::fixture_path;
using ner_testing::read_bytes;

Sentence sentence_with_tags(const std::vector<std::string>& tags) {
  Sentence s;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    Word w;
    w.form = std::to_string(i + 1);
    w.form.insert(0, 1, 'w');
    w.ner = tags[i];
    s.words.push_back(w);
  }
  return s;
}

std::string write_all(const std::vector<Sentence>& sentences) {
  std::ostringstream out;
  for (const Sentence& s : sentences) write_iob2(s, out);
  return out.str();
}

// --- Reading and writing ------------------------------------------------

TEST(Iob2, FixturesRoundTripByteForByte) {
  for (const char* name : {"train_fixture.iob2", "news_eval.iob2"}) {
    Result<std::vector<Sentence>> s = read_iob2(data_path(name));
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    EXPECT_GT(s->size(), 40u);
    EXPECT_EQ(write_all(*s), read_bytes(data_path(name))) << name;
  }
}

TEST(Iob2, ReadsFieldsAndComments) {
  const std::string text =
      "# newdoc id = d1\n# sent_id = d1-1\n# text = Putin met Xi.\n"
      "1\tPutin\tB-PER\t-\tann\n2\tmet\tO\t-\t-\n3\tXi\tB-PER\t-\tann\n4\t.\tO\t-\t-\n\n"
      "# sent_id = d1-2\n1\tYes\tO\n";
  Result<std::vector<Sentence>> s = parse_iob2(text, "x.iob2");
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  ASSERT_EQ(s->size(), 2u);
  const Sentence& a = (*s)[0];
  EXPECT_EQ(a.id, "d1-1");
  EXPECT_EQ(a.text, "Putin met Xi.");
  ASSERT_EQ(a.comments.size(), 3u);
  EXPECT_EQ(a.comments[0], "newdoc id = d1");
  ASSERT_EQ(a.words.size(), 4u);
  EXPECT_EQ(a.words[0].form, "Putin");
  EXPECT_EQ(a.words[0].ner, "B-PER");
  EXPECT_EQ(a.words[1].ner, "O");
  // Three columns are enough.
  EXPECT_EQ((*s)[1].words[0].form, "Yes");
}

TEST(Iob2, WritesTheUniversalNerLayout) {
  Sentence s;
  s.comments = {"newdoc id = d7", "sent_id = d7-3", "text = Iran warns U.S."};
  for (const auto& [form, tag] : std::vector<std::pair<std::string, std::string>>{
           {"Iran", "B-LOC"}, {"warns", "O"}, {"U.S.", "B-LOC"}}) {
    Word w;
    w.form = form;
    w.ner = tag;
    s.words.push_back(w);
  }
  s.words[1].space_after = true;
  std::ostringstream out;
  write_iob2(s, out, "fallback");
  // No sent_id and text fields: the fallback id and the rebuilt text.
  EXPECT_EQ(out.str(),
            "# newdoc id = d7\n# sent_id = fallback\n# text = Iran warns U.S.\n"
            "1\tIran\tB-LOC\t-\t-\n2\twarns\tO\t-\t-\n3\tU.S.\tB-LOC\t-\t-\n\n");
  // Untagged words are written as O.
  s.words[1].ner.clear();
  s.id = "x";
  s.text = "given text";
  std::ostringstream out2;
  write_iob2(s, out2);
  EXPECT_NE(out2.str().find("# sent_id = x\n# text = given text\n"), std::string::npos);
  EXPECT_NE(out2.str().find("2\twarns\tO\t-\t-\n"), std::string::npos);
}

TEST(Iob2, MalformedInputNamesFileAndLine) {
  struct Case {
    std::string text;
    std::size_t line;
    std::string message;
  };
  const Case cases[] = {
      {"1\tA\tO\n3\tB\tO\n", 2, "bad word id '3'"},
      {"1\tA\tO\n\n1\tB\n", 3, "at least 3 tab-separated columns"},
      {"1\tA\tB-\n", 1, "bad tag 'B-'"},
      {"1\tA\tU-PER\n", 1, "bad tag 'U-PER'"},
      {"1\tA\tO\n# late\n", 2, "comment line inside a sentence"},
      {"1\t\tO\n", 1, "empty word form"},
      {"# sent_id = a\n\n", 1, "sentence without words"},
      {"1\tA\tO\n2\tB\xff\tO\n", 2, "invalid UTF-8"},
      {"x\tA\tO\n", 1, "bad word id 'x'"},
  };
  for (const Case& c : cases) {
    Result<std::vector<Sentence>> s = parse_iob2(c.text, "bad.iob2");
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.status().code(), ErrorCode::kInvalidInput);
    EXPECT_EQ(s.status().where().file, "bad.iob2");
    EXPECT_EQ(s.status().where().line, c.line) << c.text;
    EXPECT_NE(s.status().message().find(c.message), std::string::npos) << s.status().message();
  }
  Result<std::vector<Sentence>> missing = read_iob2(data_path("no-such-file.iob2"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kIo);
}

TEST(Iob2, EmptyInputHasNoSentences) {
  Result<std::vector<Sentence>> s = parse_iob2("\n\n", "empty.iob2");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->empty());
}

// --- Spans and scores ---------------------------------------------------

TEST(EntitySpans, ReadsTagsTheWayConllevalDoes) {
  using V = std::vector<EntitySpan>;
  EXPECT_EQ(entity_spans(sentence_with_tags({"B-PER", "I-PER", "O", "B-LOC"})),
            (V{{0, 2, "PER"}, {3, 4, "LOC"}}));
  // I- after O starts an entity; I- of another type starts a new one.
  EXPECT_EQ(entity_spans(sentence_with_tags({"O", "I-ORG", "I-ORG", "I-LOC"})),
            (V{{1, 3, "ORG"}, {3, 4, "LOC"}}));
  // B- after B- of the same type: two entities.
  EXPECT_EQ(entity_spans(sentence_with_tags({"B-PER", "B-PER", "I-PER"})),
            (V{{0, 1, "PER"}, {1, 3, "PER"}}));
  // Untagged words are outside; an entity may end the sentence.
  EXPECT_EQ(entity_spans(sentence_with_tags({"", "B-ORG", "I-ORG"})), (V{{1, 3, "ORG"}}));
  EXPECT_TRUE(entity_spans(sentence_with_tags({"O", ""})).empty());
}

TEST(EntityScores, HandComputedCounts) {
  // Gold: [PER 0-2] [LOC 3] | [ORG 0] [LOC 2-4]
  // System: [PER 0-2] [ORG 3] | [ORG 0] [LOC 2] [PER 4]
  std::vector<Sentence> gold = {sentence_with_tags({"B-PER", "I-PER", "O", "B-LOC"}),
                                sentence_with_tags({"B-ORG", "O", "B-LOC", "I-LOC", "O"})};
  std::vector<Sentence> sys = {sentence_with_tags({"B-PER", "I-PER", "O", "B-ORG"}),
                               sentence_with_tags({"B-ORG", "O", "B-LOC", "O", "B-PER"})};
  const NerScores s = compare_entities(gold, sys);
  EXPECT_EQ(s.sentences, 2u);
  EXPECT_EQ(s.words, 9u);
  EXPECT_EQ(s.tags_correct, 6u);
  EXPECT_EQ(s.all.gold, 4u);
  EXPECT_EQ(s.all.predicted, 5u);
  EXPECT_EQ(s.all.correct, 2u);
  EXPECT_DOUBLE_EQ(s.all.precision(), 40.0);
  EXPECT_DOUBLE_EQ(s.all.recall(), 50.0);
  EXPECT_NEAR(s.all.f1(), 44.444444, 1e-4);
  EXPECT_EQ(s.by_type.at("PER").gold, 1u);
  EXPECT_EQ(s.by_type.at("PER").predicted, 2u);
  EXPECT_EQ(s.by_type.at("PER").correct, 1u);
  EXPECT_EQ(s.by_type.at("LOC").gold, 2u);
  EXPECT_EQ(s.by_type.at("LOC").correct, 0u);
  EXPECT_EQ(s.by_type.at("ORG").predicted, 2u);
  EXPECT_EQ(s.by_type.at("ORG").correct, 1u);
  const std::string table = format_scores(s);
  EXPECT_NE(table.find("all"), std::string::npos);
  EXPECT_NE(table.find("44.44"), std::string::npos);
}

TEST(EntityScores, MisalignedSentencesCountAsErrors) {
  std::vector<Sentence> gold = {sentence_with_tags({"B-PER", "O"})};
  std::vector<Sentence> sys = {sentence_with_tags({"B-PER", "O", "O"}),
                               sentence_with_tags({"B-LOC"})};
  const NerScores s = compare_entities(gold, sys);
  EXPECT_EQ(s.sentences, 2u);
  EXPECT_EQ(s.all.gold, 1u);
  EXPECT_EQ(s.all.correct, 0u);
  EXPECT_EQ(s.all.predicted, 2u);  // both system entities are wrong
  // No entities anywhere: all zeros, no division by zero.
  const NerScores none = compare_entities({sentence_with_tags({"O"})}, {sentence_with_tags({"O"})});
  EXPECT_EQ(none.all.f1(), 0.0);
  EXPECT_EQ(none.all.precision(), 0.0);
}

TEST(EntityScores, ConlluMiscCarriesTheTags) {
  // The CoNLL-U reader and writer keep NER=... in MISC: the `parse --ner` path.
  Result<std::vector<Sentence>> s = parse_conllu(
      "1\tPutin\t_\t_\t_\t_\t_\t_\t_\tNER=B-PER\n2\tspoke\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|NER="
      "O\n"
      "3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
      "x.conllu");
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ((*s)[0].words[0].ner, "B-PER");
  EXPECT_EQ((*s)[0].words[2].ner, "");
  EXPECT_EQ(entity_spans((*s)[0]), (std::vector<EntitySpan>{{0, 1, "PER"}}));
  EXPECT_NE(to_conllu((*s)[0]).find("NER=B-PER"), std::string::npos);
}

}  // namespace
}  // namespace textgraph
