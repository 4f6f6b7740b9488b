#include "textgraph/query.h"

#include <gtest/gtest.h>

namespace textgraph {
namespace {

// Putin -> Trump -> Zelensky -> Kyiv, Iran -> Israel (separate), Putin -x-> Zelensky.
KnowledgeGraph sample() {
  KnowledgeGraph g;
  auto add = [&](const char* s, const char* r, const char* o, const char* lemma = "",
                 Polarity p = Polarity::kPositive, const char* doc = "d1") {
    Triple t;
    t.subject.text = s;
    t.relation.text = r;
    t.relation.lemma = lemma;
    t.object.text = o;
    t.polarity = p;
    t.provenance = {doc, 2, std::string(s) + " " + r + " " + o + "."};
    EXPECT_TRUE(g.add(t).ok());
  };
  add("Putin", "called", "Trump", "call");
  add("Trump", "met", "Zelensky", "meet");
  add("Zelensky", "returned to", "Kyiv", "return to");
  add("Iran", "warned", "Israel", "warn", Polarity::kPositive, "d2");
  add("Putin", "did not meet", "Zelensky", "meet", Polarity::kNegative);
  add("putin", "phoned", "Trump", "call");
  return g;
}

std::vector<std::string> labels(const KnowledgeGraph& g, const std::vector<std::size_t>& edges) {
  std::vector<std::string> out;
  for (std::size_t e : edges) {
    const Edge x = g.edge(e, false);
    out.push_back(g.node_label(x.source) + " " + x.relation + " " + g.node_label(x.target));
  }
  return out;
}

TEST(Pattern, Parses) {
  Result<Pattern> p = parse_pattern("Putin -[?]-> ?");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->subject, "Putin");
  EXPECT_EQ(p->relation, "");
  EXPECT_EQ(p->object, "");
  p = parse_pattern("? -[meet with]->United States envoys");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->relation, "meet with");
  EXPECT_EQ(p->object, "United States envoys");
  EXPECT_EQ(parse_pattern("Putin meets ?").status().code(), ErrorCode::kUsage);
  EXPECT_EQ(parse_pattern("a ]-> b -[ c").status().code(), ErrorCode::kUsage);
}

TEST(Query, MatchesCaseInsensitivelyOnLabelsAliasesAndRelations) {
  const KnowledgeGraph g = sample();
  EXPECT_EQ(labels(g, match_pattern(g, *parse_pattern("PUTIN -[?]-> ?"))),
            (std::vector<std::string>{"Putin call Trump", "Putin meet Zelensky"}));
  // A surface form ("phoned") finds the merged edge keyed by its lemma.
  EXPECT_EQ(labels(g, match_pattern(g, *parse_pattern("? -[phoned]-> ?"))),
            (std::vector<std::string>{"Putin call Trump"}));
  EXPECT_EQ(labels(g, match_pattern(g, *parse_pattern("? -[meet]-> zelensky"))),
            (std::vector<std::string>{"Putin meet Zelensky", "Trump meet Zelensky"}));
  EXPECT_TRUE(match_pattern(g, *parse_pattern("Zelensky -[?]-> Putin")).empty());
  EXPECT_EQ(match_pattern(g, *parse_pattern("? -[?]-> ?")).size(), g.edge_count());
}

TEST(Query, NeighborsByDepth) {
  const KnowledgeGraph g = sample();
  EXPECT_EQ(labels(g, neighbors(g, "Trump", 1)),
            (std::vector<std::string>{"Putin call Trump", "Trump meet Zelensky"}));
  EXPECT_EQ(neighbors(g, "Trump", 2).size(), 4u);  // + Putin-x->Zelensky, Zelensky->Kyiv
  EXPECT_EQ(neighbors(g, "Trump", 0).size(), 0u);
  EXPECT_TRUE(neighbors(g, "nobody", 3).empty());
}

TEST(Query, ShortestPathWithAndWithoutDirection) {
  const KnowledgeGraph g = sample();
  EXPECT_EQ(labels(g, shortest_path(g, "Putin", "Kyiv", true)),
            (std::vector<std::string>{"Putin meet Zelensky", "Zelensky return to Kyiv"}));
  EXPECT_TRUE(shortest_path(g, "Kyiv", "Putin", true).empty());
  EXPECT_EQ(shortest_path(g, "Kyiv", "Putin", false).size(), 2u);
  EXPECT_TRUE(shortest_path(g, "Putin", "Israel", false).empty());
  EXPECT_TRUE(shortest_path(g, "Putin", "Putin", false).empty());
}

TEST(Rows, ThreeFormats) {
  const KnowledgeGraph g = sample();
  const std::vector<std::size_t> rows = match_pattern(g, *parse_pattern("Iran -[?]-> ?"));
  EXPECT_EQ(format_rows(g, rows, RowFormat::kTsv),
            "subject\trelation\tobject\tpolarity\tconfidence\tcount\tdocument\tsentence\ttext\t"
            "subject_attributes\tobject_attributes\n"
            "Iran\twarned\tIsrael\tpositive\t1\t1\td2\t2\tIran warned Israel.\t\t\n");
  EXPECT_EQ(format_rows(g, rows, RowFormat::kTable),
            "SUBJECT  RELATION  OBJECT  POLARITY  CONFIDENCE  COUNT  DOCUMENT  SENTENCE  TEXT"
            "                 SUBJECT_ATTRIBUTES  OBJECT_ATTRIBUTES\n"
            "Iran     warned    Israel  positive  1           1      d2        2         Iran "
            "warned Israel.\n");
  const std::string json = format_rows(g, rows, RowFormat::kJson);
  EXPECT_NE(json.find("\"subject_id\":\"iran\""), std::string::npos);
  EXPECT_NE(json.find("\"provenance\":[{"), std::string::npos);
  EXPECT_EQ(format_rows(g, {}, RowFormat::kJson), "[]\n");
}

TEST(Stats, CountsDegreePagerankAndRelations) {
  const KnowledgeGraph g = sample();
  const GraphStats s = graph_stats(g, 3);
  EXPECT_EQ(s.nodes, 6u);
  EXPECT_EQ(s.edges, 5u);
  EXPECT_EQ(s.observations, 6u);
  EXPECT_EQ(s.documents, 2u);
  EXPECT_EQ(s.negative_edges, 1u);
  ASSERT_EQ(s.by_degree.size(), 3u);
  // Degrees: Putin 2, Trump 2, Zelensky 3 → Zelensky first, then Putin/Trump by id.
  EXPECT_EQ(g.node_label(s.by_degree[0].node), "Zelensky");
  EXPECT_EQ(g.node_label(s.by_degree[1].node), "Putin");
  EXPECT_EQ(g.node_label(s.by_degree[2].node), "Trump");
  // Kyiv is where the chain ends, so it collects the most rank.
  EXPECT_EQ(g.node_label(s.by_pagerank[0].node), "Kyiv");
  double total = 0;
  for (const RankedNode& r : graph_stats(g, 100).by_pagerank) total += r.score;
  EXPECT_NEAR(total, 1.0, 1e-9);
  ASSERT_EQ(s.relations.size(), 4u);
  EXPECT_EQ(s.relations[0].relation, "meet");
  EXPECT_EQ(s.relations[0].edges, 2u);
  EXPECT_EQ(s.relations[1].relation, "call");
  EXPECT_EQ(s.relations[1].observations, 2u);
  EXPECT_NE(format_stats(g, s, RowFormat::kJson).find("\"relation_histogram\":["),
            std::string::npos);
  EXPECT_NE(format_stats(g, s, RowFormat::kTsv).find("count\tnodes\t6\n"), std::string::npos);
  EXPECT_NE(format_stats(g, s, RowFormat::kTable).find("top entities by PageRank"),
            std::string::npos);
}

}  // namespace
}  // namespace textgraph
