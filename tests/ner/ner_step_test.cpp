// NER in the analysis pipeline (make_ner_step with the Analyzer) and the
// shipped model (models/ner.tgm): an accuracy regression test on news-style
// sentences written for the project.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "ner/ner_test_util.h"
#include "textgraph/conllu.h"
#include "textgraph/model.h"
#include "textgraph/ner.h"
#include "textgraph/pipeline.h"

namespace textgraph {
namespace {

using ner_testing::data_path;
using ner_testing::train_small_model;

// Measured F1 on news_eval.iob2 (see the accuracy tests below).
// The small model trained on train_fixture.iob2 reads the shipped actor
// dictionary as its gazetteer, so these move when the dictionary grows: with
// the companies and news organisations added it scores 83.04 (86.05 before;
// over seeds 1-3 it spreads 79.6-86.4 either way).
constexpr double kFixtureModelF1 = 83.04;
constexpr double kFixtureModelTypeF1 = 69.5;  // its lowest per-type F1 (LOC 73.53), less 4
constexpr double kDefaultModelF1 = 78;        // the UNER EWT model of models/README.md scores
                                              // 80.77 (it knows few of these news names)

const char kText[] =
    "Maria Lopez flew to Berlin on Monday. She met NATO officials in Brussels.\n\n"
    "The Kremlin said Vladimir Putin would not travel to Ukraine.";

class NerStepTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto t = NerTagger::load(train_small_model("step.tgm"));
    if (!t.ok()) throw std::runtime_error(t.status().to_string());
    tagger_ = new NerTagger(*t);
  }
  static void TearDownTestSuite() { delete tagger_; }
  static NerTagger* tagger_;
};
NerTagger* NerStepTest::tagger_ = nullptr;

TEST_F(NerStepTest, FillsTheSameTagsAsTheTagger) {
  Result<Analyzer> plain = Analyzer::load();
  ASSERT_TRUE(plain.ok()) << plain.status().to_string();
  Analyzer with_ner = *plain;
  std::shared_ptr<const AnalysisStep> step = make_ner_step(*tagger_);
  EXPECT_EQ(step->name(), "ner");
  with_ner.add_step(step);

  Result<Document> a = plain->analyze_text(kText);
  Result<Document> b = with_ner.analyze_text(kText);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->sentences.size(), b->sentences.size());
  ASSERT_GE(b->sentences.size(), 3u);
  std::size_t entities = 0;
  for (std::size_t i = 0; i < a->sentences.size(); ++i) {
    Sentence expected = a->sentences[i];
    for (const Word& w : expected.words) EXPECT_EQ(w.ner, "");  // no step, no tags
    tagger_->tag(expected);
    const Sentence& got = b->sentences[i];
    ASSERT_EQ(expected.words.size(), got.words.size());
    for (std::size_t k = 0; k < got.words.size(); ++k) {
      EXPECT_EQ(got.words[k].ner, expected.words[k].ner) << got.words[k].form;
      // The other layers are the pipeline's, untouched by the step.
      EXPECT_EQ(got.words[k].upos, a->sentences[i].words[k].upos);
      EXPECT_EQ(got.words[k].head, a->sentences[i].words[k].head);
    }
    entities += entity_spans(got).size();
  }
  EXPECT_GE(entities, 4u);
}

TEST_F(NerStepTest, ConlluOutputCarriesTheTagsInMisc) {
  Result<Analyzer> analyzer = Analyzer::load();
  ASSERT_TRUE(analyzer.ok());
  analyzer->add_step(make_ner_step(*tagger_));
  Result<Document> doc = analyzer->analyze_text(kText);
  ASSERT_TRUE(doc.ok());
  std::ostringstream out;
  for (const Sentence& s : doc->sentences) write_conllu(s, out);
  Result<std::vector<Sentence>> back = parse_conllu(out.str(), "out.conllu");
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  ASSERT_EQ(back->size(), doc->sentences.size());
  for (std::size_t i = 0; i < back->size(); ++i)
    for (std::size_t k = 0; k < (*back)[i].words.size(); ++k)
      EXPECT_EQ((*back)[i].words[k].ner, doc->sentences[i].words[k].ner);
  EXPECT_NE(out.str().find("NER=B-"), std::string::npos);
  EXPECT_NE(out.str().find("NER=O"), std::string::npos);
}

// --- Accuracy regression ---

std::vector<Sentence> news_eval() {
  Result<std::vector<Sentence>> gold = read_iob2(data_path("news_eval.iob2"));
  EXPECT_TRUE(gold.ok()) << gold.status().to_string();
  return gold.ok() ? *gold : std::vector<Sentence>{};
}

// Both files were written for the project and share no sentence: a model
// trained on train_fixture.iob2 must find the entities of news_eval.iob2,
// which tests what was learnt rather than what was memorized. The thresholds
// sit a little below what this build scores (F1 kFixtureModelF1 measured).
TEST_F(NerStepTest, FixtureModelGeneralizesToUnseenSentences) {
  const NerScores s = score_ner(*tagger_, news_eval());
  EXPECT_EQ(s.all.gold, 85u);
  EXPECT_GE(s.all.f1(), kFixtureModelF1 - 3.0) << format_scores(s);
  for (const char* type : {"PER", "ORG", "LOC"})
    EXPECT_GE(s.by_type.at(type).f1(), kFixtureModelTypeF1) << type << "\n" << format_scores(s);
}

// The shipped model (models/ner.tgm), when there is one: the same fixture,
// with thresholds a little below what that model scores (models/README.md).
TEST(DefaultNer, FixtureAccuracy) {
  const std::string path = default_model_dir() + "/" + kNerModelFile;
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shipped NER model at " << path;
  Result<NerTagger> tagger = NerTagger::load(path);
  ASSERT_TRUE(tagger.ok()) << tagger.status().to_string();
  const NerScores s = score_ner(*tagger, news_eval());
  EXPECT_GE(s.all.f1(), kDefaultModelF1) << format_scores(s);
  EXPECT_EQ(tagger->types(), (std::vector<std::string>{"LOC", "ORG", "PER"}));
  EXPECT_NE(tagger->metadata_json().find("CC BY-SA 4.0"), std::string::npos);
}

}  // namespace
}  // namespace textgraph
