// The extractor's contract beyond the rules: provenance and byte spans,
// multiword tokens, unparsed and malformed input, options, CaRB lines,
// determinism across threads. Sentences written for these tests.
#include "textgraph/extractor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "textgraph/conllu.h"

namespace textgraph {
namespace {

Sentence parse_one(const std::string& conllu) {
  auto r = parse_conllu(conllu, "test");
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  if (!r.ok() || r->empty()) return {};
  return (*r)[0];
}

// "The talks were hosted by Oman." with the parse filled in.
const char* kPassive =
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\ttalks\ttalk\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_\n"
    "3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n"
    "4\thosted\thost\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "6\tOman\tOman\tPROPN\tNNP\t_\t4\tobl:agent\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

// Gives each word the byte span of its form in `text`, left to right.
void place(Sentence& s, const std::string& text, std::size_t from = 0) {
  std::size_t at = from;
  std::size_t t = 0;
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    Word& w = s.words[i];
    if (t < s.multiword_tokens.size() && static_cast<int>(i + 1) == s.multiword_tokens[t].first) {
      MultiwordToken& m = s.multiword_tokens[t];
      const std::size_t b = text.find(m.form, at);
      ASSERT_NE(b, std::string::npos) << m.form;
      m.span = {b, b + m.form.size()};
      for (int k = m.first; k <= m.last; ++k)
        s.words[static_cast<std::size_t>(k - 1)].span = m.span;
      at = b + m.form.size();
      i = static_cast<std::size_t>(m.last - 1);
      ++t;
      continue;
    }
    const std::size_t b = text.find(w.form, at);
    ASSERT_NE(b, std::string::npos) << w.form;
    w.span = {b, b + w.form.size()};
    at = b + w.form.size();
  }
  s.span = {s.words.front().span.begin, s.words.back().span.end};
}

TEST(Extractor, SpansAndProvenanceFromTheDocumentText) {
  Document doc;
  doc.id = "gulf-1";
  doc.text = "Intro line.\nThe talks were hosted by Oman.";
  Sentence s = parse_one(kPassive);
  place(s, doc.text, 12);
  doc.sentences.push_back(Sentence());  // an unparsed first sentence
  doc.sentences.push_back(s);
  ExtractStats stats;
  std::vector<Triple> triples = extract(doc, {}, &stats);
  ASSERT_EQ(triples.size(), 1u);
  EXPECT_EQ(stats.sentences, 2u);
  EXPECT_EQ(stats.unparsed, 1u);
  EXPECT_EQ(stats.triples, 1u);
  const Triple& t = triples[0];
  EXPECT_EQ(t.subject.text, "Oman");
  EXPECT_EQ(t.relation.lemma, "host");
  EXPECT_EQ(t.relation.text, "were hosted by");
  EXPECT_TRUE(t.relation.passive);
  EXPECT_EQ(t.object.text, "The talks");
  EXPECT_EQ(t.provenance.document, "gulf-1");
  EXPECT_EQ(t.provenance.sentence, 1u);
  EXPECT_EQ(t.provenance.text, "The talks were hosted by Oman.");
  ASSERT_EQ(t.subject.spans.size(), 1u);
  EXPECT_EQ(
      doc.text.substr(t.subject.spans[0].begin, t.subject.spans[0].end - t.subject.spans[0].begin),
      "Oman");
  ASSERT_EQ(t.object.spans.size(), 1u);
  EXPECT_EQ(
      doc.text.substr(t.object.spans[0].begin, t.object.spans[0].end - t.object.spans[0].begin),
      "The talks");
  // "were hosted by" is one run of adjacent words.
  ASSERT_EQ(t.relation.spans.size(), 1u);
  EXPECT_EQ(doc.text.substr(t.relation.spans[0].begin,
                            t.relation.spans[0].end - t.relation.spans[0].begin),
            "were hosted by");
}

TEST(Extractor, UnknownSpansStayUnknown) {
  std::vector<Triple> out;
  extract_sentence(parse_one(kPassive), 3, "doc", "", {}, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].subject.spans.empty());
  EXPECT_TRUE(out[0].relation.spans.empty());
  EXPECT_EQ(out[0].provenance.sentence, 3u);
  EXPECT_EQ(out[0].provenance.text, "The talks were hosted by Oman.");
}

TEST(Extractor, MultiwordTokensAreWrittenAsTheyAppear) {
  const std::string text = "Oslo didn't sign the pact.";
  Sentence s = parse_one(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
      "4\tsign\tsign\tVERB\tVB\t_\t0\troot\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
      "6\tpact\tpact\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No\n"
      "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  Document doc;
  doc.text = text;
  place(s, text);
  doc.sentences.push_back(s);
  std::vector<Triple> out = extract(doc);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].relation.text, "didn't sign");
  EXPECT_EQ(out[0].relation.lemma, "sign");
  EXPECT_EQ(out[0].polarity, Polarity::kNegative);
  ASSERT_EQ(out[0].relation.spans.size(), 1u);
  EXPECT_EQ(out[0].relation.spans[0], (Span{5, 16}));
}

TEST(Extractor, EntityTypesComeFromTheHeadWordsTag) {
  Sentence s = parse_one(kPassive);
  s.words[5].ner = "B-LOC";  // Oman
  s.words[1].ner = "O";      // talks
  std::vector<Triple> out;
  extract_sentence(s, 0, "", "", {}, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].subject.type, "LOC");
  EXPECT_EQ(out[0].object.type, "");
  s.words[5].ner = "I-PER";
  out.clear();
  extract_sentence(s, 0, "", "", {}, out);
  EXPECT_EQ(out[0].subject.type, "PERSON");
}

TEST(Extractor, TokenizedInputKeepsItsSpacing) {
  // PTB-style input: "Oslo 's envoy" with a space before the clitic.
  Sentence s = parse_one(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tenvoy\tenvoy\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
      "4\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\tRiga\tRiga\tPROPN\tNNP\t_\t4\tobj\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  std::vector<Triple> out;
  extract_sentence(s, 0, "", "", {}, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].subject.text, "Oslo 's envoy");
}

TEST(Extractor, UnparsedAndMalformedSentencesGiveNothing) {
  Sentence unparsed = parse_one(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t_\t_\t_\t_\n"
      "2\twaits\twait\tVERB\tVBZ\t_\t_\t_\t_\t_\n\n");
  Sentence cycle = parse_one(kPassive);
  cycle.words[1].head = 4;
  cycle.words[3].head = 2;  // talks <-> hosted, no root
  ExtractStats stats;
  std::vector<Triple> out;
  extract_sentence(unparsed, 0, "", "", {}, out, &stats);
  extract_sentence(cycle, 1, "", "", {}, out, &stats);
  extract_sentence(Sentence(), 2, "", "", {}, out, &stats);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(stats.sentences, 3u);
  EXPECT_EQ(stats.unparsed, 2u);
  EXPECT_EQ(stats.malformed, 1u);
}

TEST(Extractor, HeadsOutOfRangeAreMalformedNotACrash) {
  Sentence s = parse_one(kPassive);
  s.words[0].head = 99;
  ExtractStats stats;
  std::vector<Triple> out;
  extract_sentence(s, 0, "", "", {}, out, &stats);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(stats.malformed, 1u);
}

// "France and Spain condemned the raid and the blockade."
const char* kCoordinated =
    "1\tFrance\tFrance\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
    "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
    "3\tSpain\tSpain\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
    "4\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
    "6\traid\traid\tNOUN\tNN\t_\t4\tobj\t_\t_\n"
    "7\tand\tand\tCCONJ\tCC\t_\t9\tcc\t_\t_\n"
    "8\tthe\tthe\tDET\tDT\t_\t9\tdet\t_\t_\n"
    "9\tblockade\tblockade\tNOUN\tNN\t_\t6\tconj\t_\tSpaceAfter=No\n"
    "10\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

TEST(Extractor, CoordinationMultipliesOutAndCapsApply) {
  std::vector<Triple> out;
  extract_sentence(parse_one(kCoordinated), 0, "", "", {}, out);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].subject.text, "France");
  EXPECT_EQ(out[0].object.text, "the raid");
  EXPECT_EQ(out[3].subject.text, "Spain");
  EXPECT_EQ(out[3].object.text, "the blockade");

  ExtractOptions capped;
  capped.max_per_sentence = 3;
  ExtractStats stats;
  out.clear();
  extract_sentence(parse_one(kCoordinated), 0, "", "", capped, out, &stats);
  EXPECT_EQ(out.size(), 3u);
  EXPECT_EQ(stats.truncated, 1u);

  ExtractOptions strict;
  strict.min_confidence = 0.999;
  out.clear();
  extract_sentence(parse_one(kCoordinated), 0, "", "", strict, out);
  EXPECT_TRUE(out.empty());
}

TEST(Extractor, ConfidenceRanksConstructions) {
  // "Oslo's envoy met Riga's mayor": the verbal triple outranks the implicit
  // possessives, and every score is inside (0, 1).
  Sentence s = parse_one(
      "1\tOslo\tOslo\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No\n"
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
      "3\tenvoy\tenvoy\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
      "4\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "5\tRiga\tRiga\tPROPN\tNNP\t_\t7\tnmod:poss\t_\tSpaceAfter=No\n"
      "6\t's\t's\tPART\tPOS\t_\t5\tcase\t_\t_\n"
      "7\tmayor\tmayor\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No\n"
      "8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  ExtractOptions options;
  options.implicit_relations = true;
  std::vector<Triple> out;
  extract_sentence(s, 0, "", "", options, out);
  ASSERT_EQ(out.size(), 3u);
  const Triple* verbal = nullptr;
  for (const Triple& t : out) {
    EXPECT_GT(t.confidence, 0.0);
    EXPECT_LT(t.confidence, 1.0);
    if (t.relation.lemma == "meet") verbal = &t;
  }
  ASSERT_NE(verbal, nullptr);
  EXPECT_EQ(verbal->subject.text, "Oslo's envoy");
  for (const Triple& t : out)
    if (&t != verbal) {
      EXPECT_EQ(t.relation.lemma, "have");
      EXPECT_EQ(t.relation.text, "had");  // the sentence is in the past
      EXPECT_LT(t.confidence, verbal->confidence);
    }
}

TEST(Extractor, CarbLinesReadPassivesAsWritten) {
  std::vector<Triple> out;
  extract_sentence(parse_one(kPassive), 0, "", "", {}, out);
  ASSERT_EQ(out.size(), 1u);
  const std::string line = carb_line(out[0]);
  EXPECT_EQ(line.substr(0, line.find('\t')), "The talks were hosted by Oman.");
  EXPECT_NE(line.find("\twere hosted by\tThe talks\tOman\n"), std::string::npos) << line;
  // The active reading follows at half the confidence.
  const std::size_t second = line.find('\n') + 1;
  EXPECT_NE(line.find("\thost\tOman\tThe talks\n", second), std::string::npos) << line;
  EXPECT_DOUBLE_EQ(std::stod(line.substr(line.find('\t', second) + 1)),
                   std::round(out[0].confidence * 0.5 * 1e6) / 1e6);

  Triple t;
  t.provenance.text = "a\tb\nc";
  t.relation.text = "say";
  t.subject.text = "X";
  t.confidence = 0.5;
  EXPECT_EQ(carb_line(t), "a b c\t0.500000\tsay\tX\n");  // no object: one argument
}

TEST(Extractor, SameOutputFromManyThreads) {
  Document doc;
  doc.id = "d";
  for (int i = 0; i < 50; ++i) {
    doc.sentences.push_back(parse_one(kCoordinated));
    doc.sentences.push_back(parse_one(kPassive));
  }
  const std::vector<Triple> expected = extract(doc);
  ASSERT_EQ(expected.size(), 250u);
  std::vector<std::vector<Triple>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&doc, &r] { r = extract(doc); });
  for (auto& th : threads) th.join();
  for (const auto& r : results) {
    ASSERT_EQ(r.size(), expected.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
      EXPECT_EQ(carb_line(r[i]), carb_line(expected[i]));
      EXPECT_EQ(r[i].relation.lemma, expected[i].relation.lemma);
    }
  }
}

}  // namespace
}  // namespace textgraph
