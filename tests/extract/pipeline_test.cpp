// Text → triples with the shipped models, and the inputs the CLI reads.
// Texts written for these tests; the article is examples/geneva-talks.txt.
#include "textgraph/pipeline.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace textgraph {
namespace {

namespace fs = std::filesystem;

const Pipeline& pipeline() {
  static const Result<Pipeline> p = Pipeline::load();
  if (!p.ok()) ADD_FAILURE() << p.status().to_string();
  return *p;
}

bool has(const std::vector<Triple>& ts, const std::string& subject, const std::string& lemma,
         const std::string& object) {
  for (const Triple& t : ts)
    if (t.subject.text == subject && t.relation.lemma == lemma && t.object.text == object)
      return true;
  return false;
}

std::string dump(const std::vector<Triple>& ts) {
  std::string s;
  for (const Triple& t : ts)
    s += "\n  " + t.subject.text + " | " + t.relation.lemma + " | " + t.object.text;
  return s;
}

TEST(Pipeline, TextToTriplesWithSpans) {
  const std::string text = "Kyiv said on Monday that Oslo will host the talks.";
  auto out = pipeline().extract(text, "doc-1", PipelineOptions());
  ASSERT_TRUE(out.ok()) << out.status().to_string();
  ASSERT_TRUE(has(*out, "Oslo", "host", "the talks")) << dump(*out);
  for (const Triple& t : *out) {
    EXPECT_EQ(t.provenance.document, "doc-1");
    EXPECT_EQ(t.provenance.text, text);
    for (const Span& sp : t.subject.spans) {
      ASSERT_TRUE(sp.known());
      ASSERT_LE(sp.end, text.size());
    }
    if (t.relation.lemma == "host") {
      EXPECT_EQ(t.modality, "will");
      EXPECT_EQ(t.attribution.source, "Kyiv");
      EXPECT_EQ(t.attribution.verb, "say");
      ASSERT_EQ(t.object.spans.size(), 1u);
      EXPECT_EQ(
          text.substr(t.object.spans[0].begin, t.object.spans[0].end - t.object.spans[0].begin),
          "the talks");
    }
  }
}

TEST(Pipeline, SentencePerLineKeepsTokensAndLines) {
  PipelineOptions options;
  options.sentence_per_line = true;
  auto doc =
      pipeline().analyze("Oslo 's envoy met Riga 's mayor .\nThe talks ended .\n", "d", options);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->sentences.size(), 2u);
  EXPECT_EQ(doc->sentences[0].words.size(), 8u);
  auto triples = extract(*doc);
  ASSERT_TRUE(has(triples, "Oslo 's envoy", "meet", "Riga 's mayor")) << dump(triples);
}

// The article in examples/: its salient actor-relation-actor triples.
TEST(Pipeline, ExampleArticle) {
  const fs::path path =
      fs::path(TEXTGRAPH_TEST_DATA) / ".." / ".." / "examples" / "geneva-talks.txt";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto out = pipeline().extract(text, "geneva-talks", PipelineOptions());
  ASSERT_TRUE(out.ok());
  const std::vector<Triple>& t = *out;
  EXPECT_TRUE(has(t, "the United Nations", "host", "The meeting")) << dump(t);
  EXPECT_TRUE(has(t, "Norway's foreign minister", "chair", "The meeting"));
  EXPECT_TRUE(has(t, "Turkey", "offer to act as", "guarantors of any agreement"));
  EXPECT_TRUE(has(t, "Qatar", "offer to act as", "guarantors of any agreement"));
  EXPECT_TRUE(has(t, "Kyiv", "demand", "the withdrawal of Russian troops"));
  EXPECT_TRUE(has(t, "Russia", "invade", "Ukraine"));
  EXPECT_TRUE(has(t, "The United States", "welcome", "the talks"));
  EXPECT_TRUE(
      has(t, "The American secretary of state", "talk with", "his Turkish counterpart in Ankara"));
  EXPECT_TRUE(has(t, "drones", "damage", "Two cargo ships"));
  EXPECT_TRUE(has(t, "Ankara", "warn", "both sides"));
  EXPECT_TRUE(has(t, "Iran", "reject", "new demands"));
  for (const Triple& x : t) {
    if (x.relation.lemma == "lift") {
      EXPECT_EQ(x.polarity, Polarity::kNegative);
    }
    if (x.relation.lemma == "block") {
      EXPECT_EQ(x.modality, "might");
      EXPECT_EQ(x.attribution.verb, "according to");
    }
  }
}

class Inputs : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tg-inputs-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  fs::path dir_;
};

TEST_F(Inputs, DirectoriesGiveTheirTextFilesInOrder) {
  write("b.txt", "B.");
  write("sub/a.txt", "A.");
  write("notes.md", "skipped");
  DocumentReader reader({dir_.string()});
  InputDocument d;
  std::vector<std::string> ids;
  while (true) {
    auto got = reader.next(d);
    ASSERT_TRUE(got.ok()) << got.status().to_string();
    if (!*got) break;
    ids.push_back(fs::path(d.id).filename().string() + "=" + d.text);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"b.txt=B.", "a.txt=A."}));
}

TEST_F(Inputs, LongTextsComeInPiecesAtParagraphBreaks) {
  const std::string para = "One sentence here.\n\n";
  std::string text;
  for (int i = 0; i < 100; ++i) text += para;
  const std::string path = write("long.txt", text);
  DocumentReader reader({path}, false, 300);
  InputDocument d;
  std::string joined;
  std::size_t pieces = 0;
  while (true) {
    auto got = reader.next(d);
    ASSERT_TRUE(got.ok());
    if (!*got) break;
    EXPECT_EQ(d.piece, pieces++);
    EXPECT_EQ(d.offset, joined.size());
    EXPECT_EQ(d.id, path);
    joined += d.text;
  }
  EXPECT_GT(pieces, 5u);
  EXPECT_EQ(joined, text);
  EXPECT_EQ(reader.bytes_read(), text.size());
  EXPECT_EQ(reader.bytes_total(), text.size());
}

TEST_F(Inputs, JsonlRecordsAndTheirErrors) {
  const std::string good =
      write("docs.jsonl",
            "{\"id\": \"a\", \"text\": \"First.\", \"date\": \"2024-05-01\", \"source\": \"wire\", "
            "\"extra\": [1]}\n\n{\"id\": 12, \"text\": \"Second.\"}\n{\"text\": \"No id.\"}\n");
  DocumentReader reader({good});
  InputDocument d;
  ASSERT_TRUE(*reader.next(d));
  EXPECT_EQ(d.id, "a");
  EXPECT_EQ(d.text, "First.");
  EXPECT_EQ(d.date, "2024-05-01");
  EXPECT_EQ(d.source, "wire");
  EXPECT_EQ(d.line, 1u);
  ASSERT_TRUE(*reader.next(d));
  EXPECT_EQ(d.id, "12");
  EXPECT_EQ(d.line, 3u);
  ASSERT_TRUE(*reader.next(d));
  EXPECT_EQ(d.id, good + ":4");
  EXPECT_FALSE(*reader.next(d));

  const char* bad[] = {"{\"id\": \"x\"}\n", "[1, 2]\n", "{\"id\": \"x\", \"text\": 5}\n",
                       "{\"id\": true, \"text\": \"t\"}\n", "{\"id\": \"x\", \"text\": \"t\"\n"};
  for (const char* content : bad) {
    const std::string path = write("bad.jsonl", std::string("{\"text\": \"ok\"}\n") + content);
    DocumentReader r({path});
    ASSERT_TRUE(*r.next(d));
    auto got = r.next(d);
    ASSERT_FALSE(got.ok()) << content;
    EXPECT_EQ(got.status().code(), ErrorCode::kInvalidInput);
    EXPECT_EQ(got.status().where().file, path);
    EXPECT_EQ(got.status().where().line, 2u) << got.status().to_string();
  }
}

TEST_F(Inputs, MissingAndBinaryFilesAreErrors) {
  InputDocument d;
  DocumentReader missing({(dir_ / "nope.txt").string()});
  auto got = missing.next(d);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), ErrorCode::kIo);
  DocumentReader binary({write("bin.txt", std::string("ab\0cd", 5))});
  got = binary.next(d);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), ErrorCode::kInvalidInput);
  // An empty file is one empty document.
  DocumentReader empty({write("empty.txt", "")});
  ASSERT_TRUE(*empty.next(d));
  EXPECT_EQ(d.text, "");
  EXPECT_FALSE(*empty.next(d));
}

}  // namespace
}  // namespace textgraph
