#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/bytes.h"
#include "textgraph/model.h"

namespace fs = std::filesystem;

namespace textgraph {
namespace {

ModelFile sample() {
  ModelFile m;
  m.kind = "tagger";
  m.metadata_json = R"({"license": "CC BY-SA 4.0"})";
  ByteWriter w;
  w.put<std::uint32_t>(7);
  w.put_vector(std::vector<float>{1.5f, -2.0f});
  w.put_strings({"NOUN", "VERB"});
  m.sections.push_back({"weights", w.take()});
  m.sections.push_back({"empty", ""});
  return m;
}

std::string bytes_of(const ModelFile& m) {
  const fs::path p = fs::temp_directory_path() / ("tg-model-" + std::to_string(getpid()));
  EXPECT_TRUE(save_model(m, p.string()).ok());
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  fs::remove(p);
  return ss.str();
}

TEST(ModelFile, RoundTrips) {
  const std::string bytes = bytes_of(sample());
  Result<ModelFile> m = parse_model(bytes, "m.tgm");
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_EQ(m->kind, "tagger");
  EXPECT_EQ(m->metadata_json, R"({"license": "CC BY-SA 4.0"})");
  ASSERT_NE(m->section("weights"), nullptr);
  ASSERT_NE(m->section("empty"), nullptr);
  EXPECT_EQ(m->section("nope"), nullptr);
  ByteReader r(*m->section("weights"), "weights");
  EXPECT_EQ(r.get<std::uint32_t>(), 7u);
  EXPECT_EQ(r.get_vector<float>(), (std::vector<float>{1.5f, -2.0f}));
  EXPECT_EQ(r.get_strings(), (std::vector<std::string>{"NOUN", "VERB"}));
  r.expect_end();
}

TEST(ModelFile, EveryTruncationIsAModelError) {
  const std::string bytes = bytes_of(sample());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    Result<ModelFile> m = parse_model(bytes.substr(0, n), "cut.tgm");
    ASSERT_FALSE(m.ok()) << "accepted a file cut at byte " << n;
    EXPECT_EQ(m.status().code(), ErrorCode::kModel);
    EXPECT_EQ(m.status().where().file, "cut.tgm");
  }
}

TEST(ModelFile, FlippedByteIsCorrupt) {
  std::string bytes = bytes_of(sample());
  bytes[bytes.size() / 2] ^= 0x20;
  Result<ModelFile> m = parse_model(bytes, "bad.tgm");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("corrupt"), std::string::npos);
}

TEST(ModelFile, NewerVersionIsRefusedByName) {
  std::string bytes = bytes_of(sample());
  bytes[8] = static_cast<char>(kModelFormatVersion + 1);
  Result<ModelFile> m = parse_model(bytes, "future.tgm");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("newer"), std::string::npos);
}

TEST(ModelFile, WrongMagicAndMissingFile) {
  Result<ModelFile> m = parse_model("hello world, not a model", "x.txt");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("not a textgraph model"), std::string::npos);
  Result<ModelFile> missing = load_model("/nonexistent/dir/model.tgm");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kModel);
  EXPECT_EQ(missing.status().where().file, "/nonexistent/dir/model.tgm");
}

TEST(ByteReader, RefusesHugeLengths) {
  ByteWriter w;
  w.put<std::uint64_t>(1ULL << 60);  // a vector length far beyond the data
  ByteReader r(w.bytes(), "s");
  EXPECT_THROW(r.get_vector<float>(), Error);
}

}  // namespace
}  // namespace textgraph
