#include "core/utf8.h"

#include <gtest/gtest.h>

namespace textgraph {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(utf8::is_valid("plain ascii"));
  EXPECT_TRUE(
      utf8::is_valid("Kyiv \xE2\x80\x94 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xF0\x9F\x98\x80"));
  EXPECT_TRUE(utf8::is_valid(""));
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_EQ(utf8::find_invalid("ab\xFFz"), 2u);           // never valid
  EXPECT_EQ(utf8::find_invalid("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(utf8::find_invalid("x\xED\xA0\x80"), 1u);     // surrogate U+D800
  EXPECT_EQ(utf8::find_invalid("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(utf8::find_invalid("ok\xE2\x80"), 2u);        // truncated at end
}

TEST(Utf8, RepairsMaximalSubparts) {
  std::string s =
      "a\xE2\x80"
      "b\xFF\xFE"
      "c";
  EXPECT_EQ(utf8::repair(s), 3u);  // E2 80 is one subpart; FF and FE are one each
  EXPECT_EQ(s,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\xEF\xBF\xBD"
            "c");
  EXPECT_TRUE(utf8::is_valid(s));
  std::string clean = "nothing to do";
  EXPECT_EQ(utf8::repair(clean), 0u);
  EXPECT_EQ(clean, "nothing to do");
}

TEST(Utf8, DecodesAndEncodes) {
  const std::string s = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x";
  std::size_t i = 0;
  EXPECT_EQ(utf8::decode(s, i), U'\u00E9');
  EXPECT_EQ(utf8::decode(s, i), U'\u20AC');
  EXPECT_EQ(utf8::decode(s, i), U'\U0001F600');
  EXPECT_EQ(utf8::decode(s, i), U'x');
  EXPECT_EQ(i, s.size());
  std::string out;
  for (char32_t cp : {U'\u00E9', U'\u20AC', U'\U0001F600', U'x'}) utf8::append(out, cp);
  EXPECT_EQ(out, s);
  std::string bad;
  utf8::append(bad, 0xD800);
  EXPECT_EQ(bad, utf8::kReplacementUtf8);
}

}  // namespace
}  // namespace textgraph
