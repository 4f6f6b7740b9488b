#include "eval/text_rules.h"

#include <gtest/gtest.h>

namespace textgraph::eval {
namespace {

TEST(TextRules, SpaceSeparatorsAreTheUnicodeZsCharacters) {
  for (char32_t cp : {0x20u, 0xA0u, 0x1680u, 0x2000u, 0x2005u, 0x200Au, 0x202Fu, 0x205Fu, 0x3000u})
    EXPECT_TRUE(is_space_separator(cp)) << std::hex << static_cast<unsigned>(cp);
  // Tab and newline are controls (Cc), the zero-width space a format
  // character (Cf): not Zs, so they stay.
  for (char32_t cp : {0x09u, 0x0Au, 0x200Bu, 0x2028u, 0xFEFFu, 0x41u})
    EXPECT_FALSE(is_space_separator(cp)) << std::hex << static_cast<unsigned>(cp);
}

TEST(TextRules, StripsSpaceSeparators) {
  EXPECT_EQ(strip_space_separators("New York"), "NewYork");
  EXPECT_EQ(strip_space_separators("10\xC2\xA0"
                                   "000"),
            "10000");  // U+00A0
  EXPECT_EQ(strip_space_separators("a\xE2\x80\x89"
                                   "b\xE3\x80\x80"),
            "ab");  // U+2009, U+3000
  EXPECT_EQ(strip_space_separators("a\xE2\x80\x8B"
                                   "b"),
            "a\xE2\x80\x8B"
            "b");  // U+200B kept
  EXPECT_EQ(strip_space_separators(" "), "");
}

TEST(TextRules, LowercasesAsPython) {
  EXPECT_EQ(lowercase("Don'T"), "don't");
  EXPECT_EQ(lowercase("ÀÉÎÕÜ Ÿ"), "àéîõü ÿ");
  EXPECT_EQ(lowercase("ĀĂĄ ŁŃ"), "āăą łń");  // Latin Extended-A pairs
  EXPECT_EQ(lowercase("ΑΘΗΝΑ МОСКВА"), "αθηνα москва");
  EXPECT_EQ(lowercase("İ"), "i\xCC\x87");    // i + combining dot above
  EXPECT_EQ(lowercase("ＡＢＣ"), "ａｂｃ");  // fullwidth
  EXPECT_EQ(lowercase("already lower 123 ß"), "already lower 123 ß");
  EXPECT_EQ(lowercase("ǅ"), "ǆ");  // titlecase digraph
}

}  // namespace
}  // namespace textgraph::eval
