// The own-form score rows (lib/tagger/word_rows.h): the features they stand
// for, the rows themselves, the form check, and tagging with and without them.
#include "tagger/word_rows.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tagger/features.h"
#include "tagger/tagger_model.h"
#include "tagger/test_util.h"
#include "textgraph/conllu.h"
#include "textgraph/model.h"
#include "textgraph/tagger.h"
#include "train/hashing.h"

namespace textgraph::tagger {
namespace {

using train::hash_string;

// Sentences written for these tests: capitals, hyphens, digits, one-word and
// two-word sentences, a headline, words the models cannot know.
const std::vector<std::vector<std::string>>& sentences() {
  static const std::vector<std::vector<std::string>> kSentences = {
      {"The", "central", "bank", "raised", "interest", "rates", "on", "Tuesday", "."},
      {"Stocks", "fell", "sharply", "after", "the", "well-known", "analyst", "'s", "warning",
       "about", "second-quarter", "profits", "."},
      {"Hello"},
      {"Yes", "!"},
      {"MARKETS", "RALLY", "AS", "OIL", "PRICES", "DROP"},
      {"Officials", "Say", "New", "Border", "Rules", "Take", "Effect", "Monday"},
      {"She", "paid", "$", "3.5", "million", "for", "the", "19th-century", "house", "in",
       "Zxqvbland", "."},
      {"Glorptastic", "frimbles", "snorked", "the", "wug", "-", "like", "blickets", "."},
      {"I", "do", "n't", "think", "they", "'ll", "come", ",", "do", "you", "?"},
      {"e-mail", "me", "at", "j.doe@example.com", "or", "call", "555-0100", "ext.", "12"},
  };
  return kSentences;
}

std::vector<std::string_view> views(const std::vector<std::string>& words) {
  return std::vector<std::string_view>(words.begin(), words.end());
}

// An ambiguity map knowing a few of the words (the rest are "rare").
AmbiguityMap small_ambiguity() {
  AmbiguityMap amb;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> entries;
  for (const char* w : {"the", "bank", "stocks", "fell", "she", "for", "do", "markets", "."})
    entries.emplace_back(hash_string(w), hash_string(std::string("class of ") + w));
  amb.assign(std::move(entries));
  return amb;
}

bool same_hashes(const TokenHashes& a, const TokenHashes& b) {
  return a.form == b.form && a.lower == b.lower && a.shape == b.shape &&
         std::equal(a.suffix, a.suffix + 5, b.suffix) &&
         std::equal(a.prefix, a.prefix + 3, b.prefix) && a.amb == b.amb && a.flags == b.flags &&
         a.last_part == b.last_part && a.sentence == b.sentence;
}

TEST(TaggerFeatures, OwnPlusContextIsStatic) {
  const AmbiguityMap amb = small_ambiguity();
  std::vector<TokenHashes> toks;
  std::size_t checked = 0, with_last_part = 0;
  for (const auto& words : sentences()) {
    prepare_tokens(views(words), amb, toks);
    for (std::size_t i = 0; i < toks.size(); ++i) {
      std::vector<std::uint64_t> all, parts;
      static_features(toks, i, all);
      own_features(toks[i], parts);
      const std::size_t own = parts.size();
      context_features(toks, i, parts);
      EXPECT_GE(own, 14u);
      std::sort(all.begin(), all.end());
      std::sort(parts.begin(), parts.end());
      EXPECT_EQ(all, parts) << words[i];
      ++checked;
      with_last_part += toks[i].last_part != 0;
    }
  }
  EXPECT_GE(checked, 80u);
  EXPECT_GE(with_last_part, 3u);  // the hyphen-part feature was exercised
}

// The own features must not depend on anything but the form: the same word
// gives the same keys at any position, in any sentence.
TEST(TaggerFeatures, OwnFeaturesDependOnTheFormOnly) {
  const AmbiguityMap amb = small_ambiguity();
  std::vector<TokenHashes> a, b;
  prepare_tokens(views({"Stocks", "fell", "."}), amb, a);
  prepare_tokens(views({"MARKETS", "AS", "STOCKS", "AND", "Stocks", "FELL"}), amb, b);
  std::vector<std::uint64_t> ka, kb;
  own_features(a[0], ka);
  own_features(b[4], kb);
  EXPECT_EQ(ka, kb);
  EXPECT_NE(a[0].sentence, b[4].sentence);  // the headline casing differs, and is not own
}

TEST(TaggerFeatures, KnownHashesAreCopiedAsComputed) {
  const AmbiguityMap amb = small_ambiguity();
  for (const auto& words : sentences()) {
    std::vector<TokenHashes> plain, given;
    prepare_tokens(views(words), amb, plain);
    // Hashes of every other word made alone, as WordRows makes them.
    std::vector<TokenHashes> alone(words.size());
    std::vector<const TokenHashes*> known(words.size(), nullptr);
    for (std::size_t i = 0; i < words.size(); i += 2) {
      std::vector<TokenHashes> one;
      prepare_tokens({words[i]}, amb, one);
      one[0].sentence = 0;
      alone[i] = one[0];
      known[i] = &alone[i];
    }
    prepare_tokens(views(words), amb, given, &known);
    ASSERT_EQ(plain.size(), given.size());
    for (std::size_t i = 0; i < words.size(); ++i)
      EXPECT_TRUE(same_hashes(plain[i], given[i])) << words[i];
  }
}

// --- WordRows on a model ---

class WordRowsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<ModelFile> file = load_model(testing::train_small_model("rows.tgm"));
    ASSERT_TRUE(file.ok()) << file.status().to_string();
    small_ = new TaggerModel(TaggerModel::load(*file, "rows.tgm"));
    const std::string shipped = default_model_dir() + "/" + kTaggerModelFile;
    Result<ModelFile> s = load_model(shipped);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    shipped_ = new TaggerModel(TaggerModel::load(*s, shipped));
  }
  static void TearDownTestSuite() {
    delete small_;
    delete shipped_;
    small_ = shipped_ = nullptr;
  }
  static TaggerModel* small_;
  static TaggerModel* shipped_;
};
TaggerModel* WordRowsTest::small_ = nullptr;
TaggerModel* WordRowsTest::shipped_ = nullptr;

TEST_F(WordRowsTest, LoadBuildsRowsForBothPasses) {
  for (const TaggerModel* m : {small_, shipped_}) {
    EXPECT_GT(m->word_rows.size(), 100u);
    EXPECT_TRUE(m->word_rows.has_rows(0));
    EXPECT_EQ(m->word_rows.has_rows(1), m->passes() == 2);
  }
  EXPECT_GT(shipped_->word_rows.size(), 5000u);
}

TEST_F(WordRowsTest, RowsAreThePlainSums) {
  for (const TaggerModel* m : {small_, shipped_}) {
    const WordRows& rows = m->word_rows;
    const train::WeightTable* tables[2] = {&m->weights, &m->weights2};
    // Every entry of the small model, every 7th of the shipped one.
    const std::size_t step = m == small_ ? 1 : 7;
    std::size_t nonzero = 0;
    for (std::uint32_t k = 0; k < rows.size(); k += step) {
      std::vector<std::uint64_t> feats;
      own_features(rows.hashes(k), feats);
      for (std::size_t t = 0; t < 2; ++t) {
        if (!rows.has_rows(t)) continue;
        const auto width = static_cast<std::size_t>(tables[t]->padded_classes());
        std::vector<std::int32_t> plain(width, 0);
        tables[t]->add_scores(feats, plain.data());
        const std::vector<std::int32_t> cached(rows.row(t, k), rows.row(t, k) + width);
        ASSERT_EQ(plain, cached) << rows.stored_form(k) << " in table " << t;
        nonzero += std::any_of(plain.begin(), plain.end(), [](std::int32_t v) { return v != 0; });
      }
    }
    EXPECT_GT(nonzero, 0u);
  }
}

TEST_F(WordRowsTest, FindChecksTheBytes) {
  const WordRows& rows = shipped_->word_rows;
  const std::uint32_t the = rows.find("the", hash_string("the"));
  const std::uint32_t bank = rows.find("bank", hash_string("bank"));
  ASSERT_NE(the, WordRows::kNone);
  ASSERT_NE(bank, WordRows::kNone);
  EXPECT_NE(the, bank);
  EXPECT_EQ(rows.stored_form(the), "the");
  EXPECT_EQ(rows.stored_form(bank), "bank");
  // A form whose hash leads to another word's entry (as a 64-bit collision
  // would) must not get that word's row.
  EXPECT_EQ(rows.find("bank", hash_string("the")), WordRows::kNone);
  EXPECT_EQ(rows.find("thE", hash_string("the")), WordRows::kNone);
  EXPECT_EQ(rows.find("th", hash_string("the")), WordRows::kNone);
  // Case matters: the rows hold exact-form features.
  const std::uint32_t cap = rows.find("The", hash_string("The"));
  ASSERT_NE(cap, WordRows::kNone);
  EXPECT_NE(cap, the);
  EXPECT_EQ(rows.find("Zxqvbland", hash_string("Zxqvbland")), WordRows::kNone);
}

// A WordRows built on purpose with two forms sharing one hash slot: each
// finds only itself, the later one nothing.
TEST(WordRows, SameHashKeepsTheFirstFormOnly) {
  const AmbiguityMap amb = small_ambiguity();
  train::PerceptronTrainer trainer(3);
  std::vector<std::uint64_t> feats;
  std::vector<TokenHashes> toks;
  prepare_tokens(views({"dog", "cat"}), amb, toks);
  own_features(toks[0], feats);
  trainer.update(feats, 1, 0);
  trainer.tick();
  feats.clear();
  own_features(toks[1], feats);
  trainer.update(feats, 2, 0);
  trainer.tick();
  const train::WeightTable table = trainer.average();
  WordRows rows;
  rows.build({"dog", "cat", "dog"}, amb, {&table});
  ASSERT_EQ(rows.size(), 2u);
  const std::uint32_t dog = rows.find("dog", hash_string("dog"));
  const std::uint32_t cat = rows.find("cat", hash_string("cat"));
  ASSERT_NE(dog, WordRows::kNone);
  ASSERT_NE(cat, WordRows::kNone);
  // The two rows differ (dog votes class 1, cat class 2), so a row returned
  // for the wrong word would change the scores.
  EXPECT_GT(rows.row(0, dog)[1], rows.row(0, dog)[2]);
  EXPECT_GT(rows.row(0, cat)[2], rows.row(0, cat)[1]);
  EXPECT_EQ(rows.find("cat", hash_string("dog")), WordRows::kNone);
  EXPECT_EQ(rows.find("dog", hash_string("cat")), WordRows::kNone);
}

// Tags with the rows and without them (the plain feature sums) must be the
// same, word for word, and so must the words sent to the second pass.
TEST_F(WordRowsTest, TaggingWithAndWithoutRowsIsTheSame) {
  for (const TaggerModel* m : {small_, shipped_}) {
    TaggerModel plain = *m;
    plain.word_rows.clear();
    ASSERT_EQ(plain.word_rows.size(), 0u);
    std::vector<std::vector<std::string>> all = sentences();
    // The fixture's sentences too (the small model was trained on them).
    auto fixture = read_conllu(testing::fixture_path());
    ASSERT_TRUE(fixture.ok());
    for (const Sentence& s : *fixture) {
      all.emplace_back();
      for (const Word& w : s.words) all.back().push_back(w.form);
    }
    std::size_t known = 0, words = 0, rerun = 0;
    for (const auto& words_of : all) {
      const auto forms = views(words_of);
      for (float margin : {-1.0f, 1e9f}) {  // the model's margin, then the second pass everywhere
        std::vector<int> with, without;
        const std::size_t r1 = tag_classes(*m, forms, with, margin);
        const std::size_t r2 = tag_classes(plain, forms, without, margin);
        EXPECT_EQ(with, without);
        EXPECT_EQ(r1, r2);
        rerun += r1;
      }
      for (std::string_view f : forms)
        known += m->word_rows.find(f, hash_string(f)) != WordRows::kNone;
      words += forms.size();
    }
    // Both paths were taken, and the second pass ran.
    EXPECT_GT(known, words / 2);
    EXPECT_LT(known, words);
    EXPECT_GT(rerun, 0u);
  }
}

}  // namespace
}  // namespace textgraph::tagger
