#include <gtest/gtest.h>

#include <sstream>

#include "textgraph/actors.h"

namespace textgraph {
namespace {

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

class ShippedDictionary : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto d = ActorDictionary::load_default();
    ASSERT_TRUE(d.ok()) << d.status().to_string();
    dict_ = new ActorDictionary(std::move(*d));
  }
  static void TearDownTestSuite() { delete dict_; }
  // The canonical name matched at the start of `text`, or "".
  static std::string at_start(const std::string& text) {
    auto m = dict_->match(words(text), 0);
    return m ? dict_->actor(m->actor).name : "";
  }
  static ActorDictionary* dict_;
};
ActorDictionary* ShippedDictionary::dict_ = nullptr;

TEST_F(ShippedDictionary, GovernmentMetonyms) {
  EXPECT_EQ(at_start("Kremlin officials"), "Russia");
  EXPECT_EQ(at_start("White House"), "United States");
  EXPECT_EQ(at_start("Washington"), "United States");
  EXPECT_EQ(at_start("Kyiv"), "Ukraine");
  EXPECT_EQ(at_start("Tehran"), "Iran");
  EXPECT_EQ(at_start("Downing Street"), "United Kingdom");
}

TEST_F(ShippedDictionary, AcronymsAndDemonyms) {
  EXPECT_EQ(at_start("EU"), "European Union");
  EXPECT_EQ(at_start("NATO"), "NATO");
  EXPECT_EQ(at_start("U.N."), "United Nations");
  EXPECT_EQ(at_start("IAEA"), "International Atomic Energy Agency");
  auto m = dict_->match(words("Iranian leaders"), 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(dict_->actor(m->actor).name, "Iran");
  EXPECT_EQ(m->how, ActorMatch::How::kDemonym);
  EXPECT_EQ(m->length, 1u);
}

TEST_F(ShippedDictionary, LongestMatchAndTokenization) {
  auto m = dict_->match(words("United States envoys"), 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->length, 2u);
  EXPECT_EQ(dict_->actor(m->actor).name, "United States");
  EXPECT_EQ(at_start("Bosnia - Herzegovina"), "Bosnia and Herzegovina");
  EXPECT_EQ(at_start("UN Security Council"), "UN Security Council");
}

TEST_F(ShippedDictionary, CaseSensitiveExceptHeadlines) {
  EXPECT_EQ(at_start("us"), "");
  EXPECT_EQ(at_start("turkey"), "");
  EXPECT_EQ(at_start("Turkey"), "Turkey");
  EXPECT_EQ(at_start("KREMLIN"), "Russia");
  EXPECT_EQ(at_start("SAUDI ARABIA"), "Saudi Arabia");
}

TEST(ActorDictionary, UserEntriesExtendAndOverride) {
  ActorDictionary d;
  ASSERT_TRUE(d.add_text("country\tRussia\t-\tRussian\tKremlin\n", "base").ok());
  ASSERT_TRUE(d.add_text("# mine\n\norg\tWagner Group\tWagner|PMC Wagner\t-\t-\n"
                         "country\tRussia\tRF\t-\t-\n",
                         "user")
                  .ok());
  EXPECT_EQ(d.size(), 2u);
  auto m = d.match(words("RF"), 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(d.actor(m->actor).name, "Russia");
  EXPECT_EQ(d.actor(0).aliases, std::vector<std::string>{"RF"});
  EXPECT_EQ(d.actor(*d.find("Wagner Group")).kind, ActorKind::kOrganisation);
}

TEST(ActorDictionary, MalformedLinesNameFileAndLine) {
  ActorDictionary d;
  Status s = d.add_text("country\tA\t-\t-\t-\n\ncountry\tB\t-\t-\n", "mine.tsv");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(s.to_string().rfind("mine.tsv:3: expected 5", 0), 0u) << s.to_string();
  EXPECT_EQ(d.size(), 0u);  // nothing added from a file with an error
  s = d.add_text("city\tA\t-\t-\t-\n", "mine.tsv");
  EXPECT_EQ(s.to_string(), "mine.tsv:1:1: unknown kind 'city' (expected country, org or place)");
  s = d.add_text("org\t-\t-\t-\t-\n", "mine.tsv");
  EXPECT_FALSE(s.ok());
  s = d.add_file("/nonexistent/actors.tsv");
  EXPECT_EQ(s.code(), ErrorCode::kIo);
}

}  // namespace
}  // namespace textgraph
