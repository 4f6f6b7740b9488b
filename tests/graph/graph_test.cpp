#include "textgraph/graph.h"

#include <gtest/gtest.h>

#include <cmath>

#include "textgraph/formats.h"

namespace textgraph {
namespace {

Triple triple(const std::string& s, const std::string& r, const std::string& o,
              double confidence = 1.0) {
  Triple t;
  t.subject.text = s;
  t.relation.text = r;
  t.object.text = o;
  t.confidence = confidence;
  return t;
}

// Every field of every node and edge, provenance included, as one string, so
// two graphs can be compared completely.
std::string dump(const KnowledgeGraph& g) {
  std::string out;
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    const Node n = g.node(v);
    out += "N " + n.id + "|" + n.label + "|" + n.type + "|" + std::to_string(n.mentions) + "|" +
           n.title + "|" + n.affiliation + "|" + n.role;
    for (const auto* list :
         {&n.aliases, &n.actors, &n.types, &n.titles, &n.affiliations, &n.roles}) {
      out += " /";
      for (const Tally& t : *list) out += "|" + t.text + ":" + std::to_string(t.count);
    }
    out += "\n";
  }
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    const Edge x = g.edge(e);
    char conf[64];
    std::snprintf(conf, sizeof conf, "%a", x.confidence);
    out += "E " + std::to_string(x.source) + ">" + std::to_string(x.target) + "|" + x.relation +
           "|" + x.label + "|" + (x.polarity == Polarity::kNegative ? "-" : "+") + "|" + conf +
           "|" + std::to_string(x.count) + "\n";
    for (const Triple& t : x.provenance) out += "  " + triple_to_json(t) + "\n";
  }
  return out;
}

TEST(NodeKey, FoldsAsciiCaseAndCollapsesWhitespace) {
  EXPECT_EQ(node_key("  Vladimir\tPUTIN \n"), "vladimir putin");
  EXPECT_EQ(node_key("U.S.\xC2\xA0"
                     "Envoys"),
            "u.s. envoys");
  EXPECT_EQ(node_key("\xC3\x89MILE Zola"), "\xC3\x89mile zola");  // non-ASCII left alone
  EXPECT_EQ(node_key("\xF0\x9F\x98\x80 A"), "\xF0\x9F\x98\x80 a");
  EXPECT_EQ(node_key(" \t "), "");
}

TEST(KnowledgeGraph, SameTripleMergesIntoOneEdge) {
  KnowledgeGraph g;
  ASSERT_TRUE(g.add(triple("Putin", "met with", "U.S. envoys", 0.5)).ok());
  ASSERT_TRUE(g.add(triple("putin", "met  with", "U.S. Envoys", 0.5)).ok());
  ASSERT_TRUE(g.add(triple("Putin", "met with", "U.S. envoys", 0.2)).ok());
  ASSERT_EQ(g.node_count(), 2u);
  ASSERT_EQ(g.edge_count(), 1u);
  EXPECT_EQ(g.observation_count(), 3u);
  const Edge e = g.edge(0);
  EXPECT_EQ(e.count, 3u);
  EXPECT_EQ(e.relation, "met with");
  EXPECT_EQ(e.label, "met with");  // 2 of 3
  EXPECT_DOUBLE_EQ(e.confidence, 1 - 0.5 * 0.5 * 0.8);
  ASSERT_EQ(e.provenance.size(), 3u);
  EXPECT_EQ(e.provenance[1].subject.text, "putin");
  EXPECT_EQ(e.provenance[2].confidence, 0.2);
  const Node putin = g.node(0);
  EXPECT_EQ(putin.id, "putin");
  EXPECT_EQ(putin.label, "Putin");
  EXPECT_EQ(putin.mentions, 3u);
  EXPECT_EQ(putin.aliases, (std::vector<Tally>{{"Putin", 2}, {"putin", 1}}));
}

TEST(KnowledgeGraph, RelationPolarityAndDirectionMakeDistinctEdges) {
  KnowledgeGraph g;
  ASSERT_TRUE(g.add(triple("A", "warn", "B")).ok());
  ASSERT_TRUE(g.add(triple("A", "praise", "B")).ok());
  ASSERT_TRUE(g.add(triple("B", "warn", "A")).ok());
  Triple neg = triple("A", "warn", "B");
  neg.polarity = Polarity::kNegative;
  ASSERT_TRUE(g.add(neg).ok());
  ASSERT_TRUE(g.add(triple("A", "warn", "A")).ok());  // self loops are fine
  EXPECT_EQ(g.node_count(), 2u);
  EXPECT_EQ(g.edge_count(), 5u);
  EXPECT_EQ(g.out_edges(0), (std::vector<std::size_t>{0, 1, 3, 4}));
  EXPECT_EQ(g.in_edges(0), (std::vector<std::size_t>{2, 4}));
}

TEST(KnowledgeGraph, ActorAndLemmaAreTheMergeKeys) {
  KnowledgeGraph g;
  Triple a = triple("Putin", "has met", "envoys");
  a.subject.actor = "Vladimir Putin";
  a.subject.type = "PERSON";
  a.relation.lemma = "meet";
  Triple b = triple("the Russian president", "met", "envoys");
  b.subject.actor = "Vladimir Putin";
  b.relation.lemma = "meet";
  ASSERT_TRUE(g.add(a).ok());
  ASSERT_TRUE(g.add(b).ok());
  ASSERT_EQ(g.edge_count(), 1u);
  const Node n = g.node(0);
  EXPECT_EQ(n.id, "vladimir putin");
  EXPECT_EQ(n.label, "Vladimir Putin");
  EXPECT_EQ(n.type, "PERSON");
  EXPECT_EQ(n.aliases.size(), 2u);
  EXPECT_EQ(g.edge(0).relation, "meet");
  EXPECT_EQ(g.edge(0).label, "has met");  // tie: the first seen
  EXPECT_EQ(g.find_node("vladimir putin"), std::optional<std::size_t>(0));
  EXPECT_EQ(g.find_node("Vladimir Putin"), std::nullopt);
}

TEST(KnowledgeGraph, RefusedTripleLeavesGraphUnchanged) {
  KnowledgeGraph g;
  ASSERT_TRUE(g.add(triple("A", "r", "B")).ok());
  const std::string before = dump(g);
  EXPECT_EQ(g.add(triple("A", "r", " ")).code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(g.add(triple("A", "r", "B", 1.5)).code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(g.add(triple("A", "r", std::string("B\0", 2))).code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(g.add(triple("A", "r", "B\xff")).code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(dump(g), before);
}

TEST(KnowledgeGraph, ProvenanceKeepsEveryField) {
  Triple t = triple("Iran", "responded to", "U.S. pressure", 0.75);
  t.subject.spans = {{0, 4}};
  t.relation.spans = {{10, 19}, {20, 22}};
  t.object.spans = {{23, 36}};
  t.object.type = "GPE";
  t.extra = {{"with stern warnings", "", "", {{37, 56}}, "", "", ""}};
  t.subject.role = "leaders";
  t.object.affiliation = "United States";
  t.modality = "may";
  t.attribution = {"officials", "say"};
  t.provenance = {"doc-7", 12, "Iran may have responded to U.S. pressure with stern warnings."};
  KnowledgeGraph g;
  ASSERT_TRUE(g.add(t).ok());
  const Edge e = g.edge(0);
  ASSERT_EQ(e.provenance.size(), 1u);
  EXPECT_EQ(triple_to_json(e.provenance[0]), triple_to_json(t));
  EXPECT_TRUE(g.edge(0, false).provenance.empty());
  EXPECT_EQ(g.edge(0, false).count, 1u);
}

Argument actor(const std::string& text, const std::string& actor, const std::string& title = "",
               const std::string& affiliation = "", const std::string& role = "") {
  Argument a;
  a.text = text;
  a.actor = actor;
  a.type = actor.empty() ? "" : "PERSON";
  a.title = title;
  a.affiliation = affiliation;
  a.role = role;
  return a;
}

// Issue 6: "Russian President Vladimir Putin" / "Vladimir Putin" / "Putin" are
// one node whose title and affiliation are attributes, counted like aliases.
TEST(KnowledgeGraph, AttributesAreTalliedOnTheNode) {
  KnowledgeGraph g;
  Triple t = triple("", "met with", "U.S. envoys");
  t.subject =
      actor("Russian President Vladimir Putin", "Vladimir Putin", "Russian President", "Russia");
  ASSERT_TRUE(g.add(t).ok());
  t.subject = actor("Vladimir Putin", "Vladimir Putin");
  ASSERT_TRUE(g.add(t).ok());
  t.subject = actor("Putin", "Vladimir Putin", "President", "Russia");
  t.object = actor("Iranian leaders", "Iran", "", "", "leaders");
  t.object.type = "COUNTRY";
  ASSERT_TRUE(g.add(t).ok());
  t.subject = actor("the Russian President", "Vladimir Putin", "Russian President", "Russia");
  ASSERT_TRUE(g.add(t).ok());
  ASSERT_EQ(g.node_count(), 3u);
  const Node putin = g.node(*g.find_node("vladimir putin"));
  EXPECT_EQ(putin.label, "Vladimir Putin");
  EXPECT_EQ(putin.type, "PERSON");
  EXPECT_EQ(putin.title, "Russian President");  // 2 of 3, so not the later "President"
  EXPECT_EQ(putin.affiliation, "Russia");
  EXPECT_EQ(putin.role, "");
  EXPECT_EQ(putin.titles, (std::vector<Tally>{{"Russian President", 2}, {"President", 1}}));
  EXPECT_EQ(putin.affiliations, (std::vector<Tally>{{"Russia", 3}}));
  EXPECT_TRUE(putin.roles.empty());
  EXPECT_EQ(putin.aliases.size(), 4u);
  const Node iran = g.node(*g.find_node("iran"));
  EXPECT_EQ(iran.role, "leaders");
  EXPECT_EQ(iran.roles, (std::vector<Tally>{{"leaders", 2}}));
  EXPECT_EQ(iran.title + iran.affiliation, "");
  const Node envoys = g.node(*g.find_node("u.s. envoys"));
  EXPECT_TRUE(envoys.titles.empty() && envoys.affiliations.empty() && envoys.roles.empty());
  // Each observation keeps the attributes it came with.
  const Edge e = g.edge(0);  // Putin -[met with]-> U.S. envoys, the first two triples
  ASSERT_EQ(e.provenance.size(), 2u);
  EXPECT_EQ(e.provenance[0].subject.title, "Russian President");
  EXPECT_EQ(e.provenance[0].subject.affiliation, "Russia");
  EXPECT_EQ(e.provenance[1].subject.title, "");
}

TEST(KnowledgeGraph, MergeAddsAttributeTallies) {
  Triple a = triple("", "warned", "Israel");
  a.subject = actor("Iranian leaders", "Iran", "", "", "leaders");
  Triple b = a;
  b.subject = actor("Iranian officials", "Iran", "", "", "officials");
  KnowledgeGraph ga, gb, all;
  ASSERT_TRUE(ga.add(a).ok());
  ASSERT_TRUE(gb.add(b).ok());
  ASSERT_TRUE(gb.add(b).ok());
  for (const Triple* t : {&a, &b, &b}) ASSERT_TRUE(all.add(*t).ok());
  ga.merge(gb);
  EXPECT_EQ(dump(ga), dump(all));
  const Node iran = ga.node(*ga.find_node("iran"));
  EXPECT_EQ(iran.roles, (std::vector<Tally>{{"leaders", 1}, {"officials", 2}}));
  EXPECT_EQ(iran.role, "officials");
}

std::vector<Triple> sample(int seed, int n) {
  static const char* const names[] = {"Putin",  "Zelensky", "Trump", "Iran",
                                      "the EU", "NATO",     "putin", "Kyiv"};
  static const char* const rels[] = {"met", "warned", "criticised", "met"};
  std::vector<Triple> out;
  unsigned x = static_cast<unsigned>(seed) * 2654435761u + 1;
  auto next = [&] { return x = x * 1103515245u + 12345u, (x >> 16) & 0x7fff; };
  for (int i = 0; i < n; ++i) {
    Triple t = triple(names[next() % 8], rels[next() % 4], names[next() % 8],
                      static_cast<double>(next() % 1000) / 999.0);
    if (next() % 5 == 0) t.polarity = Polarity::kNegative;
    if (next() % 3 == 0) t.subject.type = "ACTOR";
    static const char* const titles[] = {"President", "Minister", "", ""};
    t.subject.title = titles[next() % 4];
    if (next() % 4 == 0) t.object.affiliation = names[next() % 8];
    if (next() % 6 == 0) t.object.role = "leaders";
    t.provenance.document = "doc" + std::to_string(seed);
    t.provenance.sentence = static_cast<std::size_t>(i);
    out.push_back(t);
  }
  return out;
}

TEST(KnowledgeGraph, MergeEqualsOneRunOverBothInputs) {
  const std::vector<Triple> a = sample(1, 300), b = sample(2, 250), c = sample(3, 100);
  KnowledgeGraph ga, gb, gc, all;
  for (const Triple& t : a) ASSERT_TRUE(ga.add(t).ok());
  for (const Triple& t : b) ASSERT_TRUE(gb.add(t).ok());
  for (const Triple& t : c) ASSERT_TRUE(gc.add(t).ok());
  for (const auto* part : {&a, &b, &c})
    for (const Triple& t : *part) ASSERT_TRUE(all.add(t).ok());

  KnowledgeGraph left = ga;  // (A + B) + C
  left.merge(gb);
  left.merge(gc);
  KnowledgeGraph bc = gb;  // A + (B + C)
  bc.merge(gc);
  KnowledgeGraph right = ga;
  right.merge(bc);
  EXPECT_EQ(dump(left), dump(all));
  EXPECT_EQ(dump(right), dump(all));
  EXPECT_EQ(left.observation_count(), 650u);
}

TEST(KnowledgeGraph, BatchAddIsAllOrNothing) {
  const std::vector<Triple> good = sample(4, 50);
  KnowledgeGraph one_by_one, batch;
  for (const Triple& t : good) ASSERT_TRUE(one_by_one.add(t).ok());
  ASSERT_TRUE(batch.add(good).ok());
  EXPECT_EQ(dump(batch), dump(one_by_one));
  std::vector<Triple> bad = good;
  bad[7].object.text = "";
  const Status s = batch.add(bad);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(s.message(), "triple 7: object.text is empty");
  EXPECT_EQ(dump(batch), dump(one_by_one));
}

// add(vector) prefetches in groups (knowledge_graph.cpp) and must give the
// graph that adding one triple at a time gives: names cached by actor and by
// text, names first seen inside a group, nodes that came from a merge (no
// cached lookup), and a last group that is not full.
TEST(KnowledgeGraph, BatchAddEqualsOneAtATime) {
  std::vector<Triple> triples = sample(5, 203);
  for (std::size_t i = 0; i < triples.size(); i += 3) {
    triples[i].subject.actor = i % 2 ? "Vladimir Putin" : "  ";
    triples[i].relation.lemma = i % 4 ? "meet" : "";
  }
  KnowledgeGraph base;
  base.merge([] {
    KnowledgeGraph g;
    for (const Triple& t : sample(6, 40)) EXPECT_TRUE(g.add(t).ok());
    return g;
  }());
  KnowledgeGraph batch = base, single = base;
  ASSERT_TRUE(batch.add(triples).ok());
  for (const Triple& t : triples) ASSERT_TRUE(single.add(t).ok());
  EXPECT_EQ(dump(batch), dump(single));
  ASSERT_TRUE(batch.add(triples).ok());  // again, every name now cached
  for (const Triple& t : triples) ASSERT_TRUE(single.add(t).ok());
  EXPECT_EQ(dump(batch), dump(single));
}

// Fields most triples leave empty (spans, types, extra arguments, modality,
// attribution) are kept apart from the observation record, only for the
// observations having them (lib/graph/edge_records.h): each must stay with
// its own observation, in order, through adding, copying and merging.
TEST(KnowledgeGraph, RareFieldsStayWithTheirObservation) {
  Triple plain = triple("Iran", "warned", "Israel", 0.5);
  plain.provenance = {"doc-1", 3, "Iran warned Israel."};
  Triple rich = plain;
  rich.subject.spans = {{0, 4}};
  rich.relation.spans = {{5, 11}};
  rich.object.spans = {{12, 18}};
  rich.object.type = "GPE";
  rich.extra = {{"on Monday", "DATE", "", {{19, 28}}, "", "", ""}};
  rich.modality = "may";
  rich.attribution = {"officials", "said"};
  rich.provenance.sentence = 4;
  Triple spans_only = plain;
  spans_only.subject.spans = {{100, 104}};
  spans_only.provenance.sentence = 5;
  const std::vector<Triple> in = {plain, rich, plain, spans_only};
  KnowledgeGraph g;
  for (const Triple& t : in) ASSERT_TRUE(g.add(t).ok());
  auto expect_provenance = [&](const KnowledgeGraph& graph, std::size_t times) {
    ASSERT_EQ(graph.edge_count(), 1u);
    const Edge e = graph.edge(0);
    ASSERT_EQ(e.provenance.size(), in.size() * times);
    for (std::size_t i = 0; i < e.provenance.size(); ++i)
      EXPECT_EQ(triple_to_json(e.provenance[i]), triple_to_json(in[i % in.size()])) << i;
  };
  expect_provenance(g, 1);
  KnowledgeGraph merged;
  ASSERT_TRUE(merged.add(plain).ok());  // the merged graph's own spans and extras come first
  ASSERT_TRUE(merged.add(rich).ok());
  ASSERT_TRUE(merged.add(plain).ok());
  ASSERT_TRUE(merged.add(spans_only).ok());
  merged.merge(g);
  expect_provenance(merged, 2);
  const KnowledgeGraph copy = merged;
  expect_provenance(copy, 2);
  EXPECT_EQ(dump(copy), dump(merged));
}

TEST(KnowledgeGraph, CopiesAreIndependent) {
  KnowledgeGraph g;
  ASSERT_TRUE(g.add(triple("A", "r", "B")).ok());
  KnowledgeGraph copy = g;
  ASSERT_TRUE(copy.add(triple("A", "r", "C")).ok());
  EXPECT_EQ(g.edge_count(), 1u);
  EXPECT_EQ(copy.edge_count(), 2u);
  EXPECT_EQ(copy.edge(0).count, 1u);
  copy.merge(copy);
  EXPECT_EQ(copy.edge(0).count, 2u);
  EXPECT_EQ(copy.edge_count(), 2u);
}

}  // namespace
}  // namespace textgraph
