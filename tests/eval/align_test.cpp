// The word alignment on its own, with tokens written compactly: "x" is a
// token of one word, "xyz x y z" a multiword token "xyz" of words x, y, z.
// Expected counts worked out by hand from the shared task's rules (see the
// walk-throughs in the comments).
#include "eval/align.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace textgraph::eval {
namespace {

// One sentence; the first word is the root and every other word hangs from it.
Sentence sentence_of(const std::vector<std::string>& tokens) {
  Sentence s;
  for (const std::string& spec : tokens) {
    std::istringstream in(spec);
    std::vector<std::string> parts;
    for (std::string p; in >> p;) parts.push_back(p);
    const int first = static_cast<int>(s.words.size()) + 1;
    if (parts.size() > 1) {
      MultiwordToken t;
      t.first = first;
      t.last = first + static_cast<int>(parts.size()) - 2;
      t.form = parts[0];
      s.multiword_tokens.push_back(t);
      parts.erase(parts.begin());
    }
    for (const std::string& form : parts) {
      Word w;
      w.form = form;
      w.head = s.words.empty() ? 0 : 1;
      s.words.push_back(w);
    }
  }
  return s;
}

std::size_t aligned(const std::vector<std::string>& gold, const std::vector<std::string>& system) {
  StringIds ids;
  EvalFileBuilder g("gold", ids), s("system", ids);
  g.add(sentence_of(gold));
  s.add(sentence_of(system));
  const EvalFile gf = g.finish(), sf = s.finish();
  EXPECT_EQ(gf.characters, sf.characters);
  return align_words(gf, sf).pairs.size();
}

TEST(Align, SameTokens) { EXPECT_EQ(aligned({"the", "cat"}, {"the", "cat"}), 2u); }

TEST(Align, MultiwordTokenAgainstPlainWords) {
  EXPECT_EQ(aligned({"pqr p q r"}, {"p", "q", "r"}), 3u);
  EXPECT_EQ(aligned({"k", "lm l m", "n"}, {"k", "l", "m", "n"}), 4u);
}

TEST(Align, MultiwordTokensCutDifferently) {
  // Gold "mnop" = m n o p; system "mn" = m n and "op" = o p: one multiword
  // span over all four characters, all four words align.
  EXPECT_EQ(aligned({"mnop m n o p"}, {"mn m n", "op o p"}), 4u);
  // Gold klm + no, system k + lmn + o: the span grows token by token to
  // cover "klmno" (each multiword token on either side must lie inside),
  // and the LCS of k l m n o with itself is 5.
  EXPECT_EQ(aligned({"klm k l m", "no n o"}, {"k", "lmn l m n", "o"}), 5u);
}

TEST(Align, PlainTokensAlignOnlyOnEqualSpans) {
  EXPECT_EQ(aligned({"wxyz"}, {"w", "x", "y", "z"}), 0u);
  EXPECT_EQ(aligned({"wxy", "z"}, {"w", "x", "y", "z"}), 1u);
  EXPECT_EQ(aligned({"w", "xy", "z"}, {"w", "x", "y", "z"}), 2u);
}

TEST(Align, PlainWordStickingOutOfAMultiwordSpan) {
  // Gold w, "xy" = x y, z; system w, x, "yz". The span of "xy" ends at y;
  // system "yz" reaches past it, so only x is inside: w and x align, z
  // (gold) and yz (system) have different spans.
  EXPECT_EQ(aligned({"w", "xy x y", "z"}, {"w", "x", "yz"}), 2u);
}

TEST(Align, FormsInsideASpanDecide) {
  // One span over "pqrstu": gold words p Q9 r s T9 u, system p q r s t u;
  // common subsequence p r s u.
  EXPECT_EQ(aligned({"pqr p Q9 r", "stu s T9 u"}, {"pq p q", "rs r s", "tu t u"}), 4u);
  // Gold "pq" = p q and "rs" = qr s; system p, qr, s. First span "pq":
  // gold p q against system p (qr sticks out): p. Then the span "rs"
  // starts where system qr starts earlier than gold's token, so qr is left
  // out: gold qr s against system s: s. Two in all.
  EXPECT_EQ(aligned({"pq p q", "rs qr s"}, {"p", "qr", "s"}), 2u);
  // System "pq" = P9 Q9 and "rs" = R9 p make one span with gold p, "qr" =
  // q r, s: forms p q r s against p9 q9 r9 p: only p.
  EXPECT_EQ(aligned({"p", "qr q r", "s"}, {"pq P9 Q9", "rs R9 p"}), 1u);
}

TEST(Align, CaseIsIgnoredInsideSpans) {
  EXPECT_EQ(aligned({"Can't Ca n't"}, {"Can't ca N'T"}), 2u);
  EXPECT_EQ(aligned({"ÀB À b"}, {"ÀB à B"}), 2u);
}

TEST(Align, AlignedPairsPointAtTheRightWords) {
  StringIds ids;
  EvalFileBuilder g("gold", ids), s("system", ids);
  g.add(sentence_of({"I", "wanna wan na", "go"}));
  s.add(sentence_of({"I", "wanna na wan", "go"}));
  const EvalFile gf = g.finish(), sf = s.finish();
  const Alignment a = align_words(gf, sf);
  // Both "wan" and "na" would be a longest common subsequence; the shared
  // task pairs gold na (word 2) with system na (word 1).
  EXPECT_EQ(a.pairs, (std::vector<std::pair<int, int>>{{0, 0}, {2, 1}, {3, 3}}));
  EXPECT_EQ(a.gold_of_system, (std::vector<int>{0, 2, kNotAligned, 3}));
}

}  // namespace
}  // namespace textgraph::eval
