// Training, model I/O and corruption, decoding constraints and thread safety
// of the NER tagger, on small models trained from the project's fixture.
#include <gtest/gtest.h>

#include <thread>

#include "model/bytes.h"
#include "ner/labels.h"
#include "ner/ner_test_util.h"
#include "textgraph/model.h"
#include "textgraph/ner.h"
#include "textgraph/tokenizer.h"

namespace textgraph {
namespace {

using ner_testing::fixture_path;
using ner_testing::read_bytes;
using ner_testing::scratch_dir;
using ner_testing::train_small_model;
using ner_testing::train_small_neural_model;
using ner_testing::write_bytes;

std::vector<Sentence> fixture() {
  auto s = read_iob2(fixture_path());
  EXPECT_TRUE(s.ok()) << s.status().to_string();
  return *s;
}

Sentence words(const std::vector<std::string>& forms) {
  Sentence s;
  for (const std::string& f : forms) {
    Word w;
    w.form = f;
    s.words.push_back(w);
  }
  return s;
}

std::vector<std::string> tags_of(const Sentence& s) {
  std::vector<std::string> out;
  for (const Word& w : s.words) out.push_back(w.ner);
  return out;
}

// True when every I-X continues a B-X or I-X (valid IOB2).
bool valid_iob2(const Sentence& s) {
  std::string prev = "O";
  for (const Word& w : s.words) {
    if (w.ner != "O" && w.ner.size() < 3) return false;
    if (w.ner[0] == 'I' && (prev == "O" || prev.substr(2) != w.ner.substr(2))) return false;
    prev = w.ner;
  }
  return true;
}

class NerModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    good_ = new std::string(train_small_model("good.tgm"));
    auto t = NerTagger::load(*good_);
    if (!t.ok()) throw std::runtime_error(t.status().to_string());
    tagger_ = new NerTagger(*t);
  }
  static void TearDownTestSuite() {
    delete tagger_;
    delete good_;
  }

  // Loading `bytes` written to a file must fail with kModel naming the file
  // and saying `what`.
  static void expect_refused(const std::string& bytes, const std::string& what) {
    const std::string path = (scratch_dir() / "bad.tgm").string();
    write_bytes(path, bytes);
    Result<NerTagger> t = NerTagger::load(path);
    ASSERT_FALSE(t.ok()) << what;
    EXPECT_EQ(t.status().code(), ErrorCode::kModel) << t.status().to_string();
    EXPECT_NE(t.status().to_string().find("bad.tgm"), std::string::npos) << t.status().to_string();
    EXPECT_NE(t.status().message().find(what), std::string::npos) << t.status().message();
  }
  // The good model with one section's payload replaced (a valid container:
  // only the stage's own checks can catch it).
  static std::string with_section(const std::string& name, const std::string& payload) {
    Result<ModelFile> m = load_model(*good_);
    EXPECT_TRUE(m.ok());
    for (ModelSection& s : m->sections)
      if (s.name == name) s.payload = payload;
    const std::string path = (scratch_dir() / "rewritten.tgm").string();
    EXPECT_TRUE(save_model(*m, path).ok());
    return read_bytes(path);
  }

  static std::string* good_;
  static NerTagger* tagger_;
};
std::string* NerModelTest::good_ = nullptr;
NerTagger* NerModelTest::tagger_ = nullptr;

TEST_F(NerModelTest, LearnsTheFixture) {
  const NerScores s = score_ner(*tagger_, fixture());
  EXPECT_GT(s.all.gold, 150u);
  EXPECT_GE(s.all.f1(), 95.0) << format_scores(s);  // its own training data
  EXPECT_EQ(tagger_->types(), (std::vector<std::string>{"LOC", "ORG", "PER"}));
  const std::string& meta = tagger_->metadata_json();
  EXPECT_NE(meta.find("\"self_test\""), std::string::npos);
  EXPECT_NE(meta.find("train_fixture.iob2"), std::string::npos);
  EXPECT_NE(meta.find("\"license\""), std::string::npos);
}

TEST_F(NerModelTest, SameSeedGivesTheSameFile) {
  const std::string a = train_small_model("seed-a.tgm", 7);
  const std::string b = train_small_model("seed-b.tgm", 7);
  EXPECT_EQ(read_bytes(a), read_bytes(b));
  const std::string c = train_small_model("seed-c.tgm", 8);
  EXPECT_TRUE(NerTagger::load(c).ok());
}

TEST_F(NerModelTest, TagsOnlyTheNerField) {
  Sentence s = words({"Putin", "met", "Macron", "in", "Paris", "."});
  s.words[0].upos = "PROPN";
  s.words[1].misc = "Gloss=x";
  s.words[2].head = 2;
  const Sentence before = s;
  tagger_->tag(s);
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    EXPECT_FALSE(s.words[i].ner.empty());
    EXPECT_EQ(s.words[i].form, before.words[i].form);
    EXPECT_EQ(s.words[i].upos, before.words[i].upos);
    EXPECT_EQ(s.words[i].misc, before.words[i].misc);
    EXPECT_EQ(s.words[i].head, before.words[i].head);
  }
  EXPECT_EQ(s.words[0].ner, "B-PER");
  EXPECT_EQ(s.words[4].ner, "B-LOC");
  // Tagging again gives the same tags (old tags are not read).
  Sentence again = s;
  tagger_->tag(again);
  EXPECT_EQ(tags_of(again), tags_of(s));
}

TEST_F(NerModelTest, EdgeCaseSentences) {
  Sentence empty;
  tagger_->tag(empty);
  EXPECT_TRUE(empty.words.empty());
  std::vector<Sentence> none;
  tagger_->tag(none);
  // Odd words: never a crash, always valid IOB2.
  Sentence odd = words(
      {"", "\xe2\x80\x9c", "ÉLYSÉE", "\xf0\x9f\x98\x80", std::string(5000, 'A'), "-", "I", "."});
  tagger_->tag(odd);
  EXPECT_TRUE(valid_iob2(odd));
  Sentence one = words({"Washington"});
  tagger_->tag(one);
  EXPECT_TRUE(valid_iob2(one));
}

TEST_F(NerModelTest, OutputIsAlwaysValidIob2) {
  // Whatever the weights say, the decoder only produces valid sequences.
  std::vector<Sentence> all = fixture();
  for (Sentence& s : all)
    for (Word& w : s.words) w.ner.clear();
  tagger_->tag(all);
  for (const Sentence& s : all) EXPECT_TRUE(valid_iob2(s)) << s.id;
}

TEST_F(NerModelTest, SentencesAreTaggedOnTheirOwn) {
  // A sentence gets the same tags alone, in a Document, or in a file's list.
  std::vector<Sentence> all = fixture();
  std::vector<Sentence> listed = all;
  tagger_->tag(listed);
  Document doc;
  doc.sentences = all;
  tagger_->tag(doc);
  for (std::size_t s = 0; s < all.size(); ++s) {
    Sentence alone = all[s];
    tagger_->tag(alone);
    EXPECT_EQ(tags_of(alone), tags_of(listed[s]));
    EXPECT_EQ(tags_of(alone), tags_of(doc.sentences[s]));
  }
}

TEST_F(NerModelTest, ThreadsShareOneTagger) {
  std::vector<Sentence> base = fixture();
  std::vector<Sentence> expected = base;
  tagger_->tag(expected);
  std::vector<std::vector<Sentence>> results(4, base);
  std::vector<std::thread> threads;
  for (auto& r : results)
    threads.emplace_back([&r] {
      const NerTagger copy = *tagger_;  // copies share the model
      for (int k = 0; k < 3; ++k) copy.tag(r);
    });
  for (auto& t : threads) t.join();
  for (const auto& r : results)
    for (std::size_t s = 0; s < r.size(); ++s) EXPECT_EQ(tags_of(r[s]), tags_of(expected[s]));
}

TEST_F(NerModelTest, TokenizedTextWorks) {
  Result<Tokenized> t = tokenize("Maria Lopez flew to Berlin on Monday. She met NATO officials.");
  ASSERT_TRUE(t.ok());
  tagger_->tag(t->document);
  const auto spans = entity_spans(t->document.sentences[0]);
  ASSERT_FALSE(spans.empty());
  EXPECT_EQ(spans[0], (EntitySpan{0, 2, "PER"}));
}

// --- Model files --------------------------------------------------------

TEST_F(NerModelTest, RefusesDamagedFiles) {
  const std::string good = read_bytes(*good_);
  expect_refused(good.substr(0, good.size() / 2), "");  // truncated
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x20;
  expect_refused(flipped, "checksum");
  expect_refused("not a model at all", "");
  Result<NerTagger> missing = NerTagger::load((scratch_dir() / "none.tgm").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kModel);
}

TEST_F(NerModelTest, RefusesOtherKindsAndBadSections) {
  Result<ModelFile> m = load_model(*good_);
  ASSERT_TRUE(m.ok());
  ModelFile other = *m;
  other.kind = "tagger";
  const std::string path = (scratch_dir() / "kind.tgm").string();
  ASSERT_TRUE(save_model(other, path).ok());
  Result<NerTagger> t = NerTagger::load(path);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("kind 'tagger'"), std::string::npos);

  const std::string weights = *m->section("weights");
  expect_refused(with_section("weights", weights.substr(0, weights.size() - 3)), "section weights");
  expect_refused(with_section("weights", weights + "xx"), "trailing bytes");
  expect_refused(with_section("types", ""), "section types");
  {
    ByteWriter w;
    w.put_strings({"PER", "LOC"});  // not sorted: a different label set
    expect_refused(with_section("types", w.take()), "section types is invalid");
  }
  {
    ByteWriter w;
    w.put_strings({"LOC", "ORG"});  // fewer labels than the weights have
    expect_refused(with_section("types", w.take()), "labels");
  }
  expect_refused(with_section("gazetteer", "\x01\x00\x00\x00"), "section gazetteer");
  expect_refused(with_section("casing", std::string(8, '\xff')), "section casing");
  expect_refused(with_section("vocabulary", "abc"), "section vocabulary");
  ModelFile no_weights = *m;
  no_weights.sections.erase(no_weights.sections.begin());
  ASSERT_TRUE(save_model(no_weights, path).ok());
  EXPECT_FALSE(NerTagger::load(path).ok());
}

TEST_F(NerModelTest, SelfTestCatchesChangedBehaviour) {
  Result<ModelFile> m = load_model(*good_);
  ASSERT_TRUE(m.ok());
  // The metadata says a self-test word gets another tag than the model gives.
  ModelFile changed = *m;
  const std::string needle = "\"expected\":[\"O\"";
  const std::size_t at = changed.metadata_json.find(needle);
  ASSERT_NE(at, std::string::npos) << changed.metadata_json;
  changed.metadata_json.replace(at, needle.size(), "\"expected\":[\"B-ORG\"");
  const std::string path = (scratch_dir() / "selftest.tgm").string();
  ASSERT_TRUE(save_model(changed, path).ok());
  Result<NerTagger> t = NerTagger::load(path);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("self-test"), std::string::npos) << t.status().message();

  ModelFile no_test = *m;
  no_test.metadata_json = "{}";
  ASSERT_TRUE(save_model(no_test, path).ok());
  t = NerTagger::load(path);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("self_test"), std::string::npos);
  no_test.metadata_json = "[1,2";
  ASSERT_TRUE(save_model(no_test, path).ok());
  EXPECT_FALSE(NerTagger::load(path).ok());
}

TEST(NerTraining, BadInputsAreReported) {
  NerTrainOptions options;
  options.train_files = {(scratch_dir() / "missing.iob2").string()};
  const std::string out = (scratch_dir() / "x.tgm").string();
  Result<NerTrainResult> r = train_ner(options, out);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().to_string().find("missing.iob2"), std::string::npos);

  const std::string untagged = (scratch_dir() / "untagged.iob2").string();
  write_bytes(untagged, "1\tHello\tO\t-\t-\n\n");
  options.train_files = {untagged};
  r = train_ner(options, out);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);

  const std::string bad_actors = (scratch_dir() / "actors.tsv").string();
  write_bytes(bad_actors, "country\tOnly two columns\n");
  options.train_files = {fixture_path()};
  options.actors_file = bad_actors;
  r = train_ner(options, out);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().to_string().find("actors.tsv:1"), std::string::npos)
      << r.status().to_string();
  EXPECT_FALSE(std::filesystem::exists(out));

  options.train_files = {};
  EXPECT_FALSE(train_ner(options, out).ok());
}

TEST(NerTraining, WithoutGazetteer) {
  NerTrainOptions options;
  options.train_files = {fixture_path()};
  options.actors_file = "none";
  options.epochs = 3;
  const std::string out = (scratch_dir() / "nogaz.tgm").string();
  Result<NerTrainResult> r = train_ner(options, out);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_GT(r->model_bytes, 0u);
  EXPECT_EQ(r->best_epoch, 3);  // no dev file: all epochs
  EXPECT_TRUE(NerTagger::load(out).ok());
}

// --- The BiLSTM scorer ------------------------------------------------------

TEST(NerNeural, LearnsTheFixtureAndRoundTrips) {
  for (const bool crf : {false, true}) {
    const std::string path = train_small_neural_model(crf ? "crf.tgm" : "bilstm.tgm", 3, crf);
    Result<NerTagger> t = NerTagger::load(path);
    ASSERT_TRUE(t.ok()) << t.status().to_string();
    const NerScores s = score_ner(*t, fixture());
    EXPECT_GE(s.all.f1(), 85.0) << "crf " << crf << ": " << format_scores(s);
    const std::string& meta = t->metadata_json();
    EXPECT_NE(meta.find("\"architecture\":\"bilstm\""), std::string::npos) << meta;
    EXPECT_NE(meta.find(crf ? "\"crf\":true" : "\"crf\":false"), std::string::npos) << meta;
    Result<ModelFile> m = load_model(path);
    ASSERT_TRUE(m.ok());
    EXPECT_NE(m->section("network"), nullptr);
    EXPECT_EQ(m->section("weights"), nullptr);
    // Whatever the network says, only valid IOB2 comes out.
    std::vector<Sentence> all = fixture();
    t->tag(all);
    for (const Sentence& x : all) EXPECT_TRUE(valid_iob2(x)) << x.id;
    Sentence odd = words({"", "\xe2\x80\x9c", "ÉLYSÉE", std::string(3000, 'a'), "I", "."});
    t->tag(odd);
    EXPECT_TRUE(valid_iob2(odd));
  }
}

TEST(NerNeural, SameSeedGivesTheSameFileAndThreadsAgree) {
  const std::string a = train_small_neural_model("neural-a.tgm", 5);
  const std::string b = train_small_neural_model("neural-b.tgm", 5);
  EXPECT_EQ(read_bytes(a), read_bytes(b));
  Result<NerTagger> t = NerTagger::load(a);
  ASSERT_TRUE(t.ok());
  std::vector<Sentence> expected = fixture();
  t->tag(expected);
  std::vector<std::vector<Sentence>> results(3, fixture());
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&r, &t] { t->tag(r); });
  for (auto& th : threads) th.join();
  for (const auto& r : results)
    for (std::size_t s = 0; s < r.size(); ++s) EXPECT_EQ(tags_of(r[s]), tags_of(expected[s]));
}

TEST(NerNeural, HybridHoldsBothScorers) {
  const std::string path = train_small_neural_model("hybrid.tgm", 4, false, "hybrid");
  Result<NerTagger> t = NerTagger::load(path);
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  EXPECT_GE(score_ner(*t, fixture()).all.f1(), 85.0);
  Result<ModelFile> m = load_model(path);
  ASSERT_TRUE(m.ok());
  ASSERT_NE(m->section("weights"), nullptr);
  ASSERT_NE(m->section("network"), nullptr);
  ASSERT_NE(m->section("mix"), nullptr);
  EXPECT_NE(t->metadata_json().find("\"mix\":"), std::string::npos);
  // A hybrid without its mix weight, or with a nonsensical one, is refused.
  const std::string out = (scratch_dir() / "hybrid-bad.tgm").string();
  ModelFile no_mix = *m;
  std::erase_if(no_mix.sections, [](const ModelSection& s) { return s.name == "mix"; });
  ASSERT_TRUE(save_model(no_mix, out).ok());
  Result<NerTagger> bad = NerTagger::load(out);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("mix"), std::string::npos) << bad.status().message();
  ModelFile negative = *m;
  for (ModelSection& s : negative.sections)
    if (s.name == "mix") {
      ByteWriter w;
      w.put<float>(-1.0f);
      s.payload = w.take();
    }
  ASSERT_TRUE(save_model(negative, out).ok());
  bad = NerTagger::load(out);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("section mix is invalid"), std::string::npos);
}

TEST(NerNeural, RefusesABadNetworkSection) {
  const std::string path = train_small_neural_model("neural-bad.tgm", 2);
  Result<ModelFile> m = load_model(path);
  ASSERT_TRUE(m.ok());
  const std::string network = *m->section("network");
  const std::string out = (scratch_dir() / "neural-rewritten.tgm").string();
  auto refused = [&](const std::string& payload, const std::string& what) {
    ModelFile changed = *m;
    for (ModelSection& sec : changed.sections)
      if (sec.name == "network") sec.payload = payload;
    ASSERT_TRUE(save_model(changed, out).ok());
    Result<NerTagger> t = NerTagger::load(out);
    ASSERT_FALSE(t.ok()) << what;
    EXPECT_EQ(t.status().code(), ErrorCode::kModel);
    EXPECT_NE(t.status().message().find(what), std::string::npos) << t.status().message();
  };
  refused(network.substr(0, network.size() - 5), "section network");
  refused(network + "x", "trailing bytes");
  std::string version = network;
  version[0] = 9;
  refused(version, "unknown layout version");
  {
    ByteWriter w;
    w.put_strings({"LOC", "PER"});  // 9 labels, the network has 13
    ModelFile changed = *m;
    for (ModelSection& sec : changed.sections)
      if (sec.name == "types") sec.payload = w.take();
    ASSERT_TRUE(save_model(changed, out).ok());
    Result<NerTagger> t = NerTagger::load(out);
    ASSERT_FALSE(t.ok());
    EXPECT_NE(t.status().message().find("labels"), std::string::npos) << t.status().message();
  }
  NerTrainOptions bad;
  bad.train_files = {fixture_path()};
  bad.architecture = "transformer";
  Result<NerTrainResult> r = train_ner(bad, out);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kUsage);
}

// --- Labels ---------------------------------------------------------------

TEST(NerLabels, BilouRoundTripAndConstraints) {
  ner::LabelSet labels({"LOC", "ORG", "PER"});
  EXPECT_EQ(labels.size(), 13);
  Sentence s = words({"a", "b", "c", "d", "e", "f"});
  const std::vector<std::string> tags = {"B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-ORG"};
  for (std::size_t i = 0; i < tags.size(); ++i) s.words[i].ner = tags[i];
  const std::vector<int> y = labels.encode(s);
  std::vector<std::string> names;
  for (int l : y) names.push_back(labels.name(l));
  EXPECT_EQ(names, (std::vector<std::string>{"B-PER", "I-PER", "L-PER", "O", "U-LOC", "U-ORG"}));
  Sentence back = words({"a", "b", "c", "d", "e", "f"});
  labels.decode(y, back);
  EXPECT_EQ(tags_of(back),
            (std::vector<std::string>{"B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG"}));
  const int b_per = labels.label(2, ner::LabelSet::kB);
  const int l_per = labels.label(2, ner::LabelSet::kL);
  const int i_loc = labels.label(0, ner::LabelSet::kI);
  EXPECT_TRUE(labels.allowed(b_per, l_per));
  EXPECT_FALSE(labels.allowed(b_per, ner::LabelSet::kO));
  EXPECT_FALSE(labels.allowed(b_per, i_loc));
  EXPECT_FALSE(labels.allowed(ner::LabelSet::kStart, l_per));
  EXPECT_TRUE(labels.allowed(l_per, b_per));
  EXPECT_FALSE(labels.may_end(b_per));
  EXPECT_TRUE(labels.may_end(l_per));
}

}  // namespace
}  // namespace textgraph
