// Offsets after UTF-8 repair map back to the original bytes.
#include "pipeline/repairs.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/utf8.h"
#include "pipeline/helpers.h"

namespace textgraph {
namespace {

TEST(RepairPoints, AgreeWithRepair) {
  std::mt19937 rng(11);
  const std::string pieces[] = {
      "a",    " ",        "\xC3\xA9",     "\xE2\x82\xAC", "\xF0\x9F\x99\x82", "\xFF",
      "\xC3", "\xE2\x82", "\xF0\x9F\x99", "\x80",         "\xED\xA0\x80",     "\xC0\xAF"};
  for (int round = 0; round < 500; ++round) {
    std::string raw;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) raw += pieces[rng() % std::size(pieces)];
    std::string repaired = raw;
    const std::size_t count = utf8::repair(repaired);
    const auto points = pipeline::repair_points(raw);
    ASSERT_EQ(points.size(), count);
    // Between replacements the bytes are copied: check each stretch.
    std::size_t i = 0, j = 0;
    for (const auto& [after_j, after_i] : points) {
      const std::size_t same = after_j - 3 - j;
      EXPECT_EQ(repaired.substr(j, same), raw.substr(i, same));
      EXPECT_EQ(repaired.substr(after_j - 3, 3), "\xEF\xBF\xBD");
      EXPECT_GT(after_i, i + same);
      i = after_i;
      j = after_j;
    }
    EXPECT_EQ(repaired.substr(j), raw.substr(i));
  }
}

TEST(RepairPoints, SourceOffset) {
  Chunk c;
  c.offset = 100;
  EXPECT_EQ(c.source_offset(5), 105u);
  // raw "a\xFF\xFEb": repaired "a" U+FFFD U+FFFD "b" (two replacements).
  c.repairs = pipeline::repair_points(
      "a\xFF\xFE"
      "b");
  ASSERT_EQ(c.repairs.size(), 2u);
  EXPECT_EQ(c.source_offset(0), 100u);
  EXPECT_EQ(c.source_offset(1), 101u);  // start of the first U+FFFD
  EXPECT_EQ(c.source_offset(4), 102u);  // start of the second
  EXPECT_EQ(c.source_offset(7), 103u);  // "b"
  EXPECT_EQ(c.source_offset(8), 104u);  // the end
}

TEST(RepairPoints, TokenRangesPointAtTheOriginalBytes) {
  const std::string raw =
      "Caf\xC3\xA9 \xFF\xFE au lait costs 3\xE2\x82\xAC. Bad \xE2\x82 bytes\xC0 here.";
  Chunk c;
  c.kind = ChunkKind::kText;
  c.raw = raw;
  c.offset = 1000;
  ASSERT_TRUE(testing::default_analyzer().analyze(c).ok());
  EXPECT_EQ(c.repaired, 4u);
  std::size_t checked = 0;
  for (const Sentence& s : c.document.sentences)
    for (const Word& w : s.words) {
      const std::size_t b = c.source_offset(w.span.begin) - 1000;
      const std::size_t e = c.source_offset(w.span.end) - 1000;
      ASSERT_LE(b, e);
      ASSERT_LE(e, raw.size());
      const std::string_view token(c.document.text.data() + w.span.begin,
                                   w.span.end - w.span.begin);
      if (token != w.form) continue;  // a word inside a multiword token
      if (w.form.find("\xEF\xBF\xBD") == std::string::npos) {
        EXPECT_EQ(raw.substr(b, e - b), w.form);
        ++checked;
      } else {
        EXPECT_FALSE(utf8::is_valid(raw.substr(b, e - b))) << w.form;
      }
    }
  EXPECT_GT(checked, 8u);
}

}  // namespace
}  // namespace textgraph
