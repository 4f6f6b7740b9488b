#include "tagger/lemmatizer.h"

#include <gtest/gtest.h>

#include "textgraph/tagger.h"

namespace textgraph {
namespace {

using tagger::apply_script;
using tagger::derive_script;
using tagger::EditScript;

std::string via_script(const std::string& form, const std::string& lemma) {
  std::string out;
  EXPECT_TRUE(apply_script(derive_script(form, lemma), form, out)) << form;
  return out;
}

// The dictionaries' hash index: every key found, absent keys not, duplicates
// resolved as asked, key 0 a key like any other.
TEST(FlatIndex, FindsWhatWasBuilt) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> items;
  for (std::uint32_t i = 0; i < 1000; ++i)
    items.emplace_back(std::uint64_t{i} * 0x9e3779b97f4a7c15ULL, i);
  items.emplace_back(0x9e3779b97f4a7c15ULL, 5000);  // the key of item 1 again
  tagger::FlatIndex first, last;
  first.build(items, tagger::FlatIndex::kFirstWins);
  last.build(items, tagger::FlatIndex::kLastWins);
  for (std::uint32_t i = 0; i < 1000; ++i) {
    const std::uint64_t key = std::uint64_t{i} * 0x9e3779b97f4a7c15ULL;
    ASSERT_NE(first.find(key), nullptr) << i;
    EXPECT_EQ(*first.find(key), i);
    EXPECT_EQ(*last.find(key), i == 1 ? 5000u : i);
  }
  EXPECT_EQ(first.find(12345), nullptr);
  EXPECT_EQ(tagger::FlatIndex().find(0), nullptr);
}

TEST(EditScript, DerivesTheCheapestEdit) {
  EditScript s = derive_script("studies", "study");
  EXPECT_EQ(s.casing, EditScript::Case::kKeep);
  EXPECT_EQ(s.strip, "ies");
  EXPECT_EQ(s.append, "y");
  s = derive_script("Resolving", "resolve");
  EXPECT_EQ(s.casing, EditScript::Case::kLower);
  EXPECT_EQ(s.strip, "ing");
  EXPECT_EQ(s.append, "e");
  EXPECT_EQ(derive_script("TEHRAN", "Tehran").casing, EditScript::Case::kTitle);
  EXPECT_EQ(derive_script("12,000", "12000").casing, EditScript::Case::kNoCommas);
  EXPECT_EQ(derive_script("went", "go").strip, "went");
}

TEST(EditScript, RoundTripsEveryKind) {
  for (auto [form, lemma] :
       std::vector<std::pair<std::string, std::string>>{{"studies", "study"},
                                                        {"Resolving", "resolve"},
                                                        {"TEHRAN", "Tehran"},
                                                        {"12,000", "12000"},
                                                        {"went", "go"},
                                                        {"the", "the"},
                                                        {"U.S.", "U.S."},
                                                        {"a", "b"}}) {
    EXPECT_EQ(via_script(form, lemma), lemma);
    EditScript back;
    const EditScript s = derive_script(form, lemma);
    ASSERT_TRUE(EditScript::from_string(s.to_string(), back)) << s.to_string();
    EXPECT_EQ(back, s);
  }
}

TEST(EditScript, RefusesFormsItDoesNotFit) {
  std::string out = "unchanged";
  EXPECT_FALSE(apply_script(derive_script("studies", "study"), "walked", out));
  EXPECT_EQ(out, "unchanged");
  EXPECT_FALSE(apply_script(derive_script("ab", "a"), "b", out) && out.empty());
  EditScript bad;
  EXPECT_FALSE(EditScript::from_string("Q|a|b", bad));
  EXPECT_FALSE(EditScript::from_string("K", bad));
  EXPECT_FALSE(EditScript::from_string("K|ab", bad));
}

class DefaultLemmas : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Tagger> t = Tagger::load_default();
    ASSERT_TRUE(t.ok()) << t.status().to_string();
    tagger_ = new Tagger(*t);
  }
  static void TearDownTestSuite() { delete tagger_; }
  static std::string lemma(const char* form, const char* upos, const char* xpos) {
    return tagger_->lemmatize(form, upos, xpos);
  }
  static Tagger* tagger_;
};
Tagger* DefaultLemmas::tagger_ = nullptr;

TEST_F(DefaultLemmas, Irregulars) {
  EXPECT_EQ(lemma("went", "VERB", "VBD"), "go");
  EXPECT_EQ(lemma("children", "NOUN", "NNS"), "child");
  EXPECT_EQ(lemma("mice", "NOUN", "NNS"), "mouse");
  EXPECT_EQ(lemma("better", "ADJ", "JJR"), "good");
  EXPECT_EQ(lemma("was", "AUX", "VBD"), "be");
  EXPECT_EQ(lemma("'s", "AUX", "VBZ"), "be");
  EXPECT_EQ(lemma("n't", "PART", "RB"), "not");
  EXPECT_EQ(lemma("me", "PRON", "PRP"), "I");
  EXPECT_EQ(lemma("taught", "VERB", "VBD"), "teach");
}

TEST_F(DefaultLemmas, CaseFollowsTheTag) {
  EXPECT_EQ(lemma("The", "DET", "DT"), "the");
  EXPECT_EQ(lemma("WANTS", "VERB", "VBZ"), "want");
  EXPECT_EQ(lemma("Microsoft", "PROPN", "NNP"), "Microsoft");
  EXPECT_EQ(lemma("I", "PRON", "PRP"), "I");
}

// Forms missing from the (form, XPOS) dictionary whose plain suffix rule
// would make a non-word: the script that yields a lemma known from other
// training words wins ("voted" -> "vote", not "vot").
TEST_F(DefaultLemmas, PrefersLemmasKnownFromOtherWords) {
  EXPECT_EQ(lemma("voted", "VERB", "VBN"), "vote");
  EXPECT_EQ(lemma("Resolving", "VERB", "VBG"), "resolve");
}

// A form missing under its own verb tag takes the lemma it has under another
// ("stole" was only a past tense in training, "won" too).
TEST_F(DefaultLemmas, VerbFormsShareTheirLemmaAcrossVerbTags) {
  EXPECT_EQ(lemma("stole", "VERB", "VBP"), "steal");
  EXPECT_EQ(lemma("won", "VERB", "VBN"), "win");
  EXPECT_EQ(lemma("fought", "VERB", "VB"), "fight");
}

// A lowercase proper noun takes the capitals of the lemma known from
// training; one whose lowercase spelling is no known lemma either stays.
TEST_F(DefaultLemmas, LowercaseNamesTakeTheirKnownCapitals) {
  EXPECT_EQ(lemma("florida", "PROPN", "NNP"), "Florida");
  EXPECT_EQ(lemma("vietnam", "PROPN", "NNP"), "Vietnam");
  EXPECT_EQ(lemma("zyxlandia", "PROPN", "NNP"), "zyxlandia");
}

// A suffix rule one letter short of a known stem is completed; words the
// rule kept whole are not shortened.
TEST_F(DefaultLemmas, StemsOneLetterShortAreCompleted) {
  EXPECT_EQ(lemma("hottest", "ADJ", "JJS"), "hot");
  EXPECT_EQ(lemma("potatoes", "NOUN", "NNS"), "potato");
  EXPECT_EQ(lemma("Glenn", "PROPN", "NNP"), "Glenn");
}

TEST_F(DefaultLemmas, UnseenWordsByRule) {
  EXPECT_EQ(lemma("blorfed", "VERB", "VBD"), "blorf");
  EXPECT_EQ(lemma("zarking", "VERB", "VBG"), "zark");
  EXPECT_EQ(lemma("glimmies", "NOUN", "NNS"), "glimmy");
  EXPECT_EQ(lemma("snorfs", "NOUN", "NNS"), "snorf");
  EXPECT_EQ(lemma("Zyxlandia", "PROPN", "NNP"), "Zyxlandia");
  EXPECT_EQ(lemma("quibblier", "ADJ", "JJR"), "quibbly");
  EXPECT_EQ(lemma("12,500", "NUM", "CD"), "12500");
}

}  // namespace
}  // namespace textgraph
