#include "formats/json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/error.h"

namespace textgraph::json {
namespace {

// The Status of whatever f throws, for checking messages and locations.
template <class F>
Status caught(F&& f) {
  return guard(std::forward<F>(f));
}

TEST(JsonWriter, EscapesWhatJsonRequires) {
  std::string out;
  append_string(out, std::string("a\"b\\c\nd\te\x01"
                                 "f\x7f\xc3\xa9",
                                 14));
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\u0001f\x7f\xc3\xa9\"");
}

TEST(JsonWriter, DoublesReadBackExactly) {
  for (double v : {0.0, 1.0, 0.1, 0.87, 1.0 / 3.0, 5e-324, 0.9999999999999999}) {
    std::string out;
    append_double(out, v);
    Parser p(out, "x");
    EXPECT_EQ(p.get_double(), v) << out;
  }
  std::string out;
  append_double(out, 0.5);
  EXPECT_EQ(out, "0.5");
}

TEST(JsonParser, ReadsNestedValues) {
  Parser p(R"( {"a": [1, 2.5, "x\u00e9\ud83d\ude00"], "b": {"c": true, "d": null}} )", "t");
  std::string key;
  p.begin_object();
  ASSERT_TRUE(p.next_member(key));
  EXPECT_EQ(key, "a");
  p.begin_array();
  ASSERT_TRUE(p.next_element());
  EXPECT_EQ(p.get_uint(), 1u);
  ASSERT_TRUE(p.next_element());
  EXPECT_EQ(p.get_double(), 2.5);
  ASSERT_TRUE(p.next_element());
  EXPECT_EQ(p.get_string(), "x\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_FALSE(p.next_element());
  ASSERT_TRUE(p.next_member(key));
  EXPECT_EQ(key, "b");
  p.skip();
  EXPECT_FALSE(p.next_member(key));
  p.expect_end();
}

// Strings are scanned eight bytes at a time while they are plain ASCII: a
// quote, escape, control byte or non-ASCII byte at every place in a word
// must still be found, and bad UTF-8 refused with its column.
TEST(JsonParser, StringsEndAndEscapeAtEveryByteOfAWord) {
  for (std::size_t at = 0; at < 20; ++at) {
    const std::string head(at, 'a'), tail = "bcdefghijklmnop";
    for (const std::string& middle :
         {std::string("\\\""), std::string("\\\\"), std::string("\\n"), std::string("\xc3\xa9"),
          std::string("\xf0\x9f\x98\x80"), std::string()}) {
      const std::string text = "\"" + head + middle + tail + "\"";
      Parser p(text, "t");
      const std::string want = head +
                               (middle == "\\\""   ? "\""
                                : middle == "\\\\" ? "\\"
                                : middle == "\\n"  ? "\n"
                                                   : middle) +
                               tail;
      EXPECT_EQ(p.get_string(), want) << text;
      p.expect_end();
    }
    for (const char* bad : {"\xff", "\x01", "\xc3"}) {
      const std::string text = "\"" + head + bad + "xyzxyzxyz\"";
      const Status s = caught([&] {
        Parser p(text, "t");
        p.get_string();
      });
      EXPECT_EQ(s.code(), ErrorCode::kInvalidInput) << text;
      EXPECT_EQ(s.to_string().rfind("t:1:" + std::to_string(at + 2) + ": ", 0), 0u)
          << s.to_string();
    }
  }
}

TEST(JsonParser, ErrorsNameLineAndColumn) {
  Status s = caught([] {
    Parser p("{\n  \"a\": 1,\n  \"b\" 2}", "f.json");
    std::string key;
    p.begin_object();
    while (p.next_member(key)) p.skip();
  });
  EXPECT_EQ(s.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(s.to_string(), "f.json:3:7: expected ':' after member name");
}

TEST(JsonParser, RefusesWhatRfc8259Refuses) {
  const char* bad[] = {
      "[1,]",      "{\"a\":1,}", "[01]",          "[1.]",          "[.5]",       "[NaN]",
      "[\"\\x\"]", "[\"\t\"]",   "[\"\\ud800\"]", "[\"\\udc00\"]", "[\"\xff\"]", "[true false]",
      "[tru]",     "[",          "\"abc",
  };
  for (const char* text : bad) {
    Status s = caught([&] {
      Parser p(text, "t");
      p.skip();
      p.expect_end();
    });
    EXPECT_EQ(s.code(), ErrorCode::kInvalidInput) << text;
  }
}

TEST(JsonParser, RefusesDeepNestingWithoutCrashing) {
  std::string deep(100000, '[');
  Status s = caught([&] {
    Parser p(deep, "t");
    p.skip();
  });
  EXPECT_EQ(s.code(), ErrorCode::kInvalidInput);
  EXPECT_NE(s.message().find("nested too deeply"), std::string::npos);
}

TEST(JsonParser, HugeNumbersAreRefusedWhenRead) {
  Status s = caught([] {
    Parser p("1e999", "t");
    (void)p.get_double();
  });
  EXPECT_EQ(s.to_string(), "t:1:1: number out of range");
}

TEST(JsonParser, IntegersRejectFractionsAndSigns) {
  for (const char* text : {"-1", "1.5", "1e3", "99999999999999999999999"}) {
    Status s = caught([&] {
      Parser p(text, "t");
      (void)p.get_uint();
    });
    EXPECT_EQ(s.code(), ErrorCode::kInvalidInput) << text;
  }
}

}  // namespace
}  // namespace textgraph::json
