// Re-tagging with the parser's tagging heads (Parser::retagging, parse with
// a Retagging): the choice is made among the candidates only, from the heads'
// probabilities plus the keep bonuses; trees are not affected.
#include <gtest/gtest.h>

#include "parser/network.h"
#include "parser/test_network.h"
#include "textgraph/parser.h"

namespace textgraph {
namespace {

std::unique_ptr<parser::Network> small_network(bool heads) {
  return testing::random_network(7, heads);
}

const std::vector<TagPair> kPairs = {
    {"DET", "DT"}, {"NOUN", "NNS"}, {"NOUN", "NN"}, {"VERB", "VBD"}, {"PUNCT", "."}};

Sentence tagged(const std::vector<TagPair>& tags) {
  const char* forms[] = {"the", "talks", "resumed", "."};
  Sentence s;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    Word w;
    w.form = forms[i % 4];
    w.upos = tags[i].upos;
    w.xpos = tags[i].xpos;
    s.words.push_back(w);
  }
  return s;
}

const std::vector<TagPair> kGold = {
    {"DET", "DT"}, {"NOUN", "NNS"}, {"VERB", "VBD"}, {"PUNCT", "."}};

// Makes the heads' output depend on their biases only: UPOS `u` and XPOS `x`
// get `margin` more than every other tag.
void bias_heads(parser::Network& net, const std::string& u, const std::string& x, float margin) {
  for (parser::Tensor* t : {&net.aux_upos_w, &net.aux_xpos_w})
    std::fill(t->data.begin(), t->data.end(), 0.0f);
  std::fill(net.aux_upos_b.data.begin(), net.aux_upos_b.data.end(), 0.0f);
  std::fill(net.aux_xpos_b.data.begin(), net.aux_xpos_b.data.end(), 0.0f);
  net.aux_upos_b.data[static_cast<std::size_t>(net.vocab.upos.id(u))] = margin;
  net.aux_xpos_b.data[static_cast<std::size_t>(net.vocab.xpos.id(x))] = margin;
}

TEST(Retag, ModelWithoutTaggingHeadsChangesNothing) {
  const Parser parser(small_network(false));
  EXPECT_FALSE(parser.can_retag());
  const Retagging r = parser.retagging(kPairs);
  EXPECT_TRUE(r.empty());
  Sentence s = tagged(kGold);
  std::size_t changed = 99;
  ASSERT_TRUE(parser.parse(s, r, &changed).ok());
  EXPECT_EQ(changed, 0u);
  for (std::size_t i = 0; i < kGold.size(); ++i)
    EXPECT_EQ((TagPair{s.words[i].upos, s.words[i].xpos}), kGold[i]);
}

TEST(Retag, CandidatesAreThePairsTheModelKnows) {
  const Parser parser(small_network(true));
  ASSERT_TRUE(parser.can_retag());
  const Retagging r = parser.retagging({{"DET", "DT"}, {"ADJ", "JJ"}, {"NOUN", "NN"}});
  ASSERT_EQ(r.pairs.size(), 2u);  // ADJ/JJ is unknown to the model
  EXPECT_EQ(r.pairs[0], (TagPair{"DET", "DT"}));
  EXPECT_EQ(r.pairs[1], (TagPair{"NOUN", "NN"}));
  EXPECT_EQ(r.upos_ids[1], parser.network().vocab.upos.id("NOUN"));
  EXPECT_EQ(r.xpos_ids[1], parser.network().vocab.xpos.id("NN"));
}

TEST(Retag, TheBestCandidatePairWinsAndTheTreeStaysTheSame) {
  auto net = small_network(true);
  // The heads prefer UPOS NOUN (by 5) and XPOS DT (by 2), a pair that is
  // not a candidate. NOUN/NNS and NOUN/NN score about -2.46 each, DET/DT
  // -5.46: the larger margin decides, and of the tie the earlier candidate
  // (NOUN/NNS) wins.
  bias_heads(*net, "NOUN", "DT", 5.0f);
  net->aux_xpos_b.data[static_cast<std::size_t>(net->vocab.xpos.id("DT"))] = 2.0f;
  const Parser parser(std::move(net));
  Retagging r = parser.retagging(kPairs);
  r.keep_pair = 0;
  r.keep_upos = 0;
  Sentence plain = tagged(kGold), re = plain;
  ASSERT_TRUE(parser.parse(plain).ok());
  std::size_t changed = 0;
  ASSERT_TRUE(parser.parse(re, r, &changed).ok());
  EXPECT_EQ(changed, 3u);  // "talks" had NOUN/NNS already
  for (std::size_t i = 0; i < re.words.size(); ++i) {
    EXPECT_EQ(re.words[i].upos, "NOUN") << i;
    EXPECT_EQ(re.words[i].xpos, "NNS") << i;
    EXPECT_EQ(re.words[i].head, plain.words[i].head) << i;
    EXPECT_EQ(re.words[i].deprel, plain.words[i].deprel) << i;
  }
}

TEST(Retag, KeepBonusesHoldTheGivenTags) {
  auto net = small_network(true);
  bias_heads(*net, "NOUN", "NN", 3.0f);
  const Parser parser(std::move(net));
  Retagging r = parser.retagging(kPairs);
  // Changing DET/DT to NOUN/NN gains 2 x 3 in score (the heads'
  // log-probabilities): a larger bonus keeps the tags, a smaller does not.
  for (float bonus : {0.0f, 7.0f}) {
    r.keep_pair = bonus;
    r.keep_upos = 0;
    Sentence s = tagged(kGold);
    std::size_t changed = 0;
    ASSERT_TRUE(parser.parse(s, r, &changed).ok());
    EXPECT_EQ(changed, bonus > 0 ? 0u : 4u) << bonus;
  }
  // The UPOS bonus alone keeps the UPOS but lets the XPOS move.
  r.keep_pair = 0;
  r.keep_upos = 7.0f;
  Sentence s = tagged({{"NOUN", "NNS"}});
  ASSERT_TRUE(parser.parse(s, r).ok());
  EXPECT_EQ(s.words[0].upos, "NOUN");
  EXPECT_EQ(s.words[0].xpos, "NN");
}

TEST(Retag, TagsOutsideTheCandidatesAreLeftAlone) {
  auto net = small_network(true);
  bias_heads(*net, "NOUN", "NN", 5.0f);
  const Parser parser(std::move(net));
  Retagging r = parser.retagging(kPairs);
  r.keep_pair = 0;
  r.keep_upos = 0;
  // VERB/NN is no candidate, "X"/"FW" unknown to the model, "" untagged.
  Sentence s = tagged({{"VERB", "NN"}, {"X", "FW"}, {"", ""}, {"DET", "DT"}});
  std::size_t changed = 0;
  ASSERT_TRUE(parser.parse(s, r, &changed).ok());
  EXPECT_EQ(changed, 1u);
  EXPECT_EQ((TagPair{s.words[0].upos, s.words[0].xpos}), (TagPair{"VERB", "NN"}));
  EXPECT_EQ((TagPair{s.words[1].upos, s.words[1].xpos}), (TagPair{"X", "FW"}));
  EXPECT_EQ((TagPair{s.words[2].upos, s.words[2].xpos}), (TagPair{"", ""}));
  EXPECT_EQ((TagPair{s.words[3].upos, s.words[3].xpos}), (TagPair{"NOUN", "NN"}));
}

}  // namespace
}  // namespace textgraph
