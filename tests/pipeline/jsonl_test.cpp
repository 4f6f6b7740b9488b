// One JSONL line: the fields read, and every way a line can be refused.
#include "pipeline/jsonl.h"

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"

namespace textgraph::pipeline {
namespace {

JsonlRecord parse(const std::string& line) { return parse_jsonl_record(line, "in.jsonl", 7); }

// The message of the error a line gives, as "FILE:LINE:COL: message".
std::string error_of(const std::string& line) {
  try {
    parse(line);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidInput);
    return e.status().to_string();
  }
  return "no error";
}

TEST(Jsonl, ReadsTheFields) {
  const JsonlRecord r = parse(
      R"({"id": "a1", "text": "Talks \"resume\"\n\u00e9", "date": "2025-03-03", "source": "wire", "x": [1, {"y": null}]})");
  EXPECT_TRUE(r.has_id);
  EXPECT_EQ(r.id, "a1");
  EXPECT_EQ(r.text, "Talks \"resume\"\n\xC3\xA9");
  EXPECT_EQ(r.date, "2025-03-03");
  EXPECT_EQ(r.source, "wire");
}

TEST(Jsonl, IntegerIdsAndOptionalFields) {
  JsonlRecord r = parse(R"({"text": "x", "id": 42})");
  EXPECT_EQ(r.id, "42");
  r = parse(R"({"text": "x", "id": -3, "date": null})");
  EXPECT_EQ(r.id, "-3");
  EXPECT_EQ(r.date, "");
  r = parse(R"(  {"text": ""}  )");
  EXPECT_FALSE(r.has_id);
  EXPECT_EQ(r.text, "");
}

TEST(Jsonl, TextMayHoldAnEscapedNul) {
  // JSON allows it; the reader decides what to do with it (it refuses it).
  const JsonlRecord r = parse(R"({"text": "a\u0000b"})");
  EXPECT_EQ(r.text, std::string("a\0b", 3));
}

TEST(Jsonl, Refusals) {
  EXPECT_EQ(error_of(R"({"id": "a"})"), "in.jsonl:7: the object has no \"text\"");
  EXPECT_EQ(error_of(R"({"text": 3})"), "in.jsonl:7: \"text\" must be a string");
  EXPECT_EQ(error_of(R"({"text": "x", "id": 1.5})"),
            "in.jsonl:7: \"id\" must be a string or an integer");
  EXPECT_EQ(error_of(R"({"text": "x", "id": [1]})"),
            "in.jsonl:7: \"id\" must be a string or an integer");
  EXPECT_EQ(error_of(R"({"text": "x", "source": 1})"), "in.jsonl:7: \"source\" must be a string");
  EXPECT_EQ(error_of(R"(["text"])"),
            "in.jsonl:7: expected a JSON object {\"id\": ..., \"text\": ...}");
  // Malformed JSON is located at its byte.
  EXPECT_EQ(error_of(R"({"text": "x",})").rfind("in.jsonl:7:14: invalid JSON", 0), 0u)
      << error_of(R"({"text": "x",})");
  EXPECT_EQ(error_of(R"({"text": "x"} {)").rfind("in.jsonl:7:15: invalid JSON", 0), 0u)
      << error_of(R"({"text": "x"} {)");
  EXPECT_EQ(error_of(R"({"text": 'x'})").rfind("in.jsonl:7:10: invalid JSON", 0), 0u);
  EXPECT_EQ(error_of("").rfind("in.jsonl:7:1: invalid JSON", 0), 0u);
  EXPECT_NE(error_of("{\"text\": \"\xFF\"}").find("invalid JSON"), std::string::npos);
  EXPECT_NE(error_of(R"({"text": NaN})").find("invalid JSON"), std::string::npos);
}

TEST(Jsonl, DeepNestingIsRefusedWithoutCrashing) {
  const std::string deep =
      "{\"text\": \"x\", \"a\": " + std::string(200000, '[') + std::string(200000, ']') + "}";
  const JsonlRecord r = parse(deep);  // valid: parsed without recursion
  EXPECT_EQ(r.text, "x");
  EXPECT_NE(error_of(std::string(200000, '[')).find("invalid JSON"), std::string::npos);
}

}  // namespace
}  // namespace textgraph::pipeline
