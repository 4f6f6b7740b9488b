#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "textgraph/formats.h"

namespace fs = std::filesystem;

namespace textgraph {
namespace {

Triple full_triple() {
  Triple t;
  t.subject = {"Russian President Vladimir Putin",
               "PERSON",
               "Vladimir Putin",
               {{8, 40}},
               "Russian President",
               "Russia",
               ""};
  t.relation = {"is preparing to meet with", "prepare to meet with", {{41, 43}, {44, 53}}};
  t.object = {"Iranian leaders", "GPE", "Iran", {{67, 82}}, "", "", "leaders"};
  t.extra.push_back({"in Riyadh", "", "", {{88, 97}}, "", "", ""});
  t.polarity = Polarity::kNegative;
  t.modality = "may";
  t.attribution = {"Analysts", "say"};
  t.confidence = 0.87;
  t.provenance = {"ukraine-1", 3, "Analysts say Putin may not meet \"envoys\"\tin Riyadh."};
  return t;
}

void expect_same(const Triple& a, const Triple& b) {
  EXPECT_EQ(triple_to_json(a), triple_to_json(b));
  EXPECT_EQ(a.subject.text, b.subject.text);
  EXPECT_EQ(a.subject.spans, b.subject.spans);
  EXPECT_EQ(a.relation.lemma, b.relation.lemma);
  EXPECT_EQ(a.object.actor, b.object.actor);
  EXPECT_EQ(a.subject.title, b.subject.title);
  EXPECT_EQ(a.subject.affiliation, b.subject.affiliation);
  EXPECT_EQ(a.object.role, b.object.role);
  EXPECT_EQ(a.extra.size(), b.extra.size());
  EXPECT_EQ(a.polarity, b.polarity);
  EXPECT_EQ(a.confidence, b.confidence);
  EXPECT_EQ(a.provenance.text, b.provenance.text);
  EXPECT_EQ(a.provenance.sentence, b.provenance.sentence);
}

TEST(TripleJson, LayoutIsTheDocumentedOne) {
  Triple t;
  t.subject.text = "Putin";
  t.relation.text = "met";
  t.object.text = "envoys";
  EXPECT_EQ(triple_to_json(t), R"({"subject":{"text":"Putin","type":"","actor":"","spans":[]},)"
                               R"("relation":{"text":"met","lemma":"","spans":[]},)"
                               R"("object":{"text":"envoys","type":"","actor":"","spans":[]},)"
                               R"("extra":[],"polarity":"positive","modality":"",)"
                               R"("attribution":{"source":"","verb":""},"confidence":1,)"
                               R"("provenance":{"document":"","sentence":0,"text":""}})");
  EXPECT_EQ(triple_to_json(t, true), R"({"subject":{"text":"Putin"},"relation":{"text":"met"},)"
                                     R"("object":{"text":"envoys"},"confidence":1})");
}

TEST(TripleJson, RoundTripsEveryField) {
  const Triple t = full_triple();
  for (bool compact : {false, true}) {
    Result<Triple> back = triple_from_json(triple_to_json(t, compact));
    ASSERT_TRUE(back.ok()) << back.status().to_string();
    expect_same(t, *back);
  }
}

// Title, affiliation and role came after the first layout: written only when
// set, between "actor" and "spans", so older records and readers are unaffected.
TEST(TripleJson, AttributesAreOptionalMembers) {
  Triple t;
  t.subject.text = "Iranian leaders";
  t.subject.actor = "Iran";
  t.subject.role = "leaders";
  t.relation.text = "warned";
  t.object.text = "Putin";
  t.object.title = "Russian President";
  t.object.affiliation = "Russia";
  const std::string json = triple_to_json(t);
  EXPECT_NE(json.find(R"("subject":{"text":"Iranian leaders","type":"","actor":"Iran",)"
                      R"("role":"leaders","spans":[]})"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("object":{"text":"Putin","type":"","actor":"",)"
                      R"("title":"Russian President","affiliation":"Russia","spans":[]})"),
            std::string::npos)
      << json;
  Result<Triple> back = triple_from_json(json);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->subject.role, "leaders");
  EXPECT_EQ(back->object.title, "Russian President");
  EXPECT_EQ(back->object.affiliation, "Russia");
  // A record of the first layout reads with empty attributes.
  Result<Triple> old = triple_from_json(
      R"({"subject":{"text":"A","type":"","actor":"","spans":[]},"relation":{"text":"r"},)"
      R"("object":{"text":"B"}})");
  ASSERT_TRUE(old.ok()) << old.status().to_string();
  EXPECT_EQ(old->subject.title + old->subject.affiliation + old->subject.role, "");
  // Attribute text is checked like every other field.
  EXPECT_FALSE(triple_from_json(R"({"subject":{"text":"A","title":"x"},)"
                                R"("relation":{"text":"r"},"object":{"text":"B"}})")
                   .ok());
}

TEST(TripleJson, OptionalMembersTakeDefaults) {
  Result<Triple> t = triple_from_json(
      R"({"relation":{"lemma":"meet"},"object":{"text":"B"},"subject":{"text":"A"}})");
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  EXPECT_EQ(t->relation.lemma, "meet");
  EXPECT_EQ(t->confidence, 1.0);
  EXPECT_EQ(t->polarity, Polarity::kPositive);
}

TEST(TripleJson, ErrorsAreLocatedAndNameTheField) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {R"({"subject":{"text":"A"},"relation":{"text":"r"},"object":{"text":"B"},"confidnce":1})",
       "x.jsonl:7:71: unknown member \"confidnce\" in triple"},
      {R"({"subject":{"text":"A"},"relation":{"text":"r"},"object":{"text":"B"},"confidence":2})",
       "x.jsonl:7:84: confidence must be within [0, 1]"},
      {R"({"subject":{"text":"A"},"relation":{"text":"r"}})", "x.jsonl:7: object.text is empty"},
      {R"({"subject":{"text":"A\u0001"},"relation":{"text":"r"},"object":{"text":"B"}})",
       "x.jsonl:7: subject.text holds control character U+0001 at byte 1"},
      {R"({"subject":{"text":"A","spans":[[5,2]]},"relation":{"text":"r"},"object":{"text":"B"}})",
       "x.jsonl:7:33: span ends before it begins"},
      {R"({"subject":{"text":"A"},"relation":{"text":"r"},"object":{"text":"B"},"polarity":"no"})",
       "x.jsonl:7:82: polarity must be \"positive\" or \"negative\", not \"no\""},
  };
  for (const Case& c : cases) {
    Result<Triple> t = triple_from_json(c.text, "x.jsonl", 7);
    ASSERT_FALSE(t.ok()) << c.text;
    EXPECT_EQ(t.status().code(), ErrorCode::kInvalidInput);
    EXPECT_EQ(t.status().to_string(), c.message);
  }
}

TEST(TripleTsv, EscapesRoundTrip) {
  Triple t;
  t.subject.text = "#tag\\with\ttab";
  t.relation.text = "said\nthen";
  t.object.text = "crlf\r\n # end";
  t.confidence = 0.25;
  const std::string line = triple_to_tsv(t);
  EXPECT_EQ(line, "\\#tag\\\\with\\ttab\tsaid\\nthen\tcrlf\\r\\n # end\t0.25");
  Result<std::vector<Triple>> back = parse_triples(line + "\n", "t.tsv", TripleFormat::kTsv);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0].subject.text, t.subject.text);
  EXPECT_EQ((*back)[0].relation.text, t.relation.text);
  EXPECT_EQ((*back)[0].object.text, t.object.text);
  EXPECT_EQ((*back)[0].confidence, 0.25);
}

TEST(TripleTsv, SkipsCommentsBlankLinesAndBom) {
  Result<std::vector<Triple>> t =
      parse_triples("\xEF\xBB\xBF# a comment\n\nPutin\tmet\tenvoys\r\nIran\twarned\tU.S.\t0.5\n",
                    "t.tsv", TripleFormat::kTsv);
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  ASSERT_EQ(t->size(), 2u);
  EXPECT_EQ((*t)[0].object.text, "envoys");
  EXPECT_EQ((*t)[0].confidence, 1.0);
  EXPECT_EQ((*t)[1].confidence, 0.5);
}

TEST(TripleTsv, ErrorsAreLocated) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"a\tb\tc\nonly\ttwo\n",
       "t.tsv:2: expected 3 or 4 tab-separated fields (subject, "
       "relation, object, confidence), found 2"},
      {"a\tb\tc\td\te\n",
       "t.tsv:1:8: expected 3 or 4 tab-separated fields (subject, relation, "
       "object, confidence), found more"},
      {"a\tb\tc\t1.5\n", "t.tsv:1:7: confidence 1.5 is not within [0, 1]"},
      {"a\tb\tc\thigh\n", "t.tsv:1:7: confidence 'high' is not a number"},
      {"a\\q\tb\tc\n", "t.tsv:1:2: unknown escape '\\q' (use \\t \\n \\r \\\\ or \\#)"},
      {"a\t \tc\n", "t.tsv:1: relation.text is empty"},
      {"a\tb\tc\xff\n", "t.tsv:1:6: invalid UTF-8"},
      {"a\tb\tc\0d\n", "t.tsv:1:6: binary data (NUL byte); expected TSV text"},
      {"", "t.tsv:1: no triples in the input (empty file?)"},
      {"# only a comment\n", "t.tsv:1: no triples in the input (empty file?)"},
  };
  for (const Case& c : cases) {
    std::string text = c.text;
    // A C string stops at the NUL, so that case is spelt out with its length.
    if (std::string_view(c.message).find("NUL") != std::string_view::npos)
      text = std::string("a\tb\tc\0d\n", 8);
    Result<std::vector<Triple>> t = parse_triples(text, "t.tsv", TripleFormat::kTsv);
    ASSERT_FALSE(t.ok()) << c.message;
    EXPECT_EQ(t.status().to_string(), c.message);
  }
}

TEST(TripleCarb, ColumnsAsTheScorerReadsThem) {
  Triple t = full_triple();
  EXPECT_EQ(
      triple_to_carb(t),
      "Analysts say Putin may not meet \"envoys\" in Riyadh.\t0.87\t"
      "is preparing to meet with\tRussian President Vladimir Putin\tIranian leaders\tin Riyadh");
}

class TripleFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("textgraph-triples-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(TripleFiles, JsonlFileRoundTrips) {
  std::vector<Triple> triples = {full_triple(), full_triple()};
  triples[1].subject.text = "Iran";
  triples[1].subject.actor = "";
  ASSERT_TRUE(write_triples(path("t.jsonl"), triples, TripleFormat::kJsonl).ok());
  Result<std::vector<Triple>> back = read_triples(path("t.jsonl"), TripleFormat::kJsonl);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  ASSERT_EQ(back->size(), 2u);
  expect_same(triples[0], (*back)[0]);
  expect_same(triples[1], (*back)[1]);
}

TEST_F(TripleFiles, FailedWriteLeavesExistingFileUntouched) {
  { std::ofstream(path("t.jsonl")) << "old\n"; }
  {
    TripleWriter w(path("t.jsonl"), TripleFormat::kJsonl);
    ASSERT_TRUE(w.write(full_triple()).ok());
    Triple bad = full_triple();
    bad.confidence = -1;
    EXPECT_FALSE(w.write(bad).ok());
    EXPECT_FALSE(w.commit().ok());
  }
  std::ifstream in(path("t.jsonl"));
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), "old\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), {}), 1);
}

TEST_F(TripleFiles, MissingFileIsAnIoError) {
  Result<std::vector<Triple>> t = read_triples(path("none.tsv"), TripleFormat::kTsv);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), ErrorCode::kIo);
}

TEST(TripleFormatNames, ByNameAndExtension) {
  EXPECT_EQ(*triple_format_of("a/b.JSONL"), TripleFormat::kJsonl);
  EXPECT_EQ(*triple_format_of("b.tsv"), TripleFormat::kTsv);
  EXPECT_EQ(*triple_format_of("b.carb"), TripleFormat::kCarb);
  EXPECT_FALSE(triple_format_of("dir.x/b").ok());
  EXPECT_EQ(triple_format_named("xml").status().code(), ErrorCode::kUsage);
}

}  // namespace
}  // namespace textgraph
