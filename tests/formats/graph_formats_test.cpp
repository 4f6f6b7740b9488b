#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "hostile.h"
#include "textgraph/formats.h"

namespace fs = std::filesystem;

namespace textgraph {
namespace {

// Equality of two long texts, reporting only where they first differ.
::testing::AssertionResult same(const std::string& a, const std::string& b) {
  if (a == b) return ::testing::AssertionSuccess();
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const std::size_t from = i < 60 ? 0 : i - 60;
  return ::testing::AssertionFailure()
         << "sizes " << a.size() << " vs " << b.size() << ", first difference at byte " << i
         << "\n  a: ..." << ::testing::PrintToString(a.substr(from, 120)) << "\n  b: ..."
         << ::testing::PrintToString(b.substr(from, 120));
}

std::string out(const KnowledgeGraph& g, GraphFormat f) {
  Result<std::string> s = graph_to_string(g, f);
  EXPECT_TRUE(s.ok()) << s.status().to_string();
  return s.ok() ? *s : "";
}

KnowledgeGraph in(const std::string& text, GraphFormat f, ReadReport* report = nullptr) {
  Result<KnowledgeGraph> g = parse_graph(text, "in", f, report);
  EXPECT_TRUE(g.ok()) << g.status().to_string();
  return g.ok() ? std::move(*g) : KnowledgeGraph();
}

Status read_error(const std::string& text, GraphFormat f, const std::string& name = "bad") {
  Result<KnowledgeGraph> g = parse_graph(text, name, f);
  EXPECT_FALSE(g.ok()) << "accepted: " << text.substr(0, 200);
  return g.ok() ? Status() : g.status();
}

KnowledgeGraph news_graph() {
  KnowledgeGraph g;
  Triple t;
  t.subject = {"Putin", "PERSON", "Vladimir Putin", {{26, 31}}, "", "", ""};
  t.relation = {"is preparing to meet with", "prepare to meet with", {{32, 34}, {35, 44}}};
  t.object = {"United States envoys", "GPE", "", {{57, 77}}, "", "United States", "envoys"};
  t.extra = {{"in Riyadh", "", "", {{78, 87}}, "", "Saudi Arabia", ""}};
  t.confidence = 0.9;
  t.provenance = {"ukraine", 0, "Russian President Vladimir Putin is preparing to meet ..."};
  EXPECT_TRUE(g.add(t).ok());
  Triple u = t;
  u.subject.text = "Russian President Vladimir Putin";
  u.subject.title = "Russian President";
  u.subject.affiliation = "Russia";
  u.confidence = 0.5;
  u.provenance.sentence = 4;
  EXPECT_TRUE(g.add(u).ok());
  Triple w;
  w.subject = {"Iranian leaders", "NORP", "Iran", {}, "", "", "leaders"};
  w.relation = {"have responded to", "respond to", {}};
  w.object = {"U.S. pressure", "", "United States", {}, "", "", ""};
  w.modality = "may";
  w.attribution = {"analysts", "say"};
  w.confidence = 0.7;
  EXPECT_TRUE(g.add(w).ok());
  Triple n = w;
  n.polarity = Polarity::kNegative;
  EXPECT_TRUE(g.add(n).ok());
  return g;
}

class RoundTrip : public ::testing::TestWithParam<GraphFormat> {};

TEST_P(RoundTrip, KeepsEveryNodeEdgeAndLabelExactly) {
  for (const KnowledgeGraph& g : {news_graph(), testing::hostile_graph()}) {
    const std::string text = out(g, GetParam());
    const KnowledgeGraph back = in(text, GetParam());
    EXPECT_TRUE(same(out(back, GraphFormat::kJson), out(g, GraphFormat::kJson)));
    EXPECT_TRUE(same(out(back, GetParam()), text));  // and writes the same bytes again
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTrip,
                         ::testing::Values(GraphFormat::kJson, GraphFormat::kGraphml,
                                           GraphFormat::kDot),
                         [](const auto& info) { return graph_format_name(info.param); });

TEST(RoundTrip, JsonThroughGraphmlAndDotBackToJson) {
  const KnowledgeGraph g = testing::hostile_graph();
  const std::string json = out(g, GraphFormat::kJson);
  const KnowledgeGraph from_json = in(json, GraphFormat::kJson);
  EXPECT_TRUE(same(
      out(in(out(from_json, GraphFormat::kGraphml), GraphFormat::kGraphml), GraphFormat::kJson),
      json));
  EXPECT_TRUE(same(
      out(in(out(from_json, GraphFormat::kDot), GraphFormat::kDot), GraphFormat::kJson), json));
}

// JSONL lists observations edge by edge, so a graph rebuilt from it has the
// same nodes, edges and provenance, but alias lists in first-seen order of
// the rebuild.
TEST(RoundTrip, JsonlRebuildsTheSameGraph) {
  const KnowledgeGraph g = testing::hostile_graph();
  const KnowledgeGraph back = in(out(g, GraphFormat::kJsonl), GraphFormat::kJsonl);
  ASSERT_EQ(back.node_count(), g.node_count());
  ASSERT_EQ(back.edge_count(), g.edge_count());
  auto sorted = [](std::vector<Tally> v) {
    std::sort(v.begin(), v.end(), [](const Tally& a, const Tally& b) { return a.text < b.text; });
    return v;
  };
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    const Node a = g.node(v);
    const auto found = back.find_node(a.id);
    ASSERT_TRUE(found);
    const Node b = back.node(*found);
    EXPECT_EQ(a.mentions, b.mentions);
    EXPECT_EQ(sorted(a.aliases), sorted(b.aliases));
    EXPECT_EQ(sorted(a.actors), sorted(b.actors));
    EXPECT_EQ(sorted(a.types), sorted(b.types));
    EXPECT_EQ(sorted(a.titles), sorted(b.titles));
    EXPECT_EQ(sorted(a.affiliations), sorted(b.affiliations));
    EXPECT_EQ(sorted(a.roles), sorted(b.roles));
  }
  std::string ja = out(g, GraphFormat::kJsonl), jb = out(back, GraphFormat::kJsonl);
  EXPECT_TRUE(same(ja, jb));
}

TEST(RoundTrip, TsvKeepsLabelsAndRelations) {
  const KnowledgeGraph g = testing::hostile_graph();
  const KnowledgeGraph back = in(out(g, GraphFormat::kTsv), GraphFormat::kTsv);
  ASSERT_EQ(back.node_count(), g.node_count());
  EXPECT_EQ(back.edge_count(), g.edge_count());
  for (std::size_t v = 0; v < g.node_count(); ++v) {
    const auto found = back.find_node(g.node_id(v));
    ASSERT_TRUE(found) << g.node_id(v);
    EXPECT_EQ(back.node_label(*found), g.node_label(v));
  }
}

TEST(Export, CarbLinesKeepTheirColumns) {
  const KnowledgeGraph g = testing::hostile_graph();
  std::istringstream lines(out(g, GraphFormat::kCarb));
  std::string line;
  std::size_t n = 0;
  while (std::getline(lines, line)) {
    ++n;
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 4) << line.substr(0, 80);
    EXPECT_EQ(line.find('\r'), std::string::npos);
  }
  EXPECT_EQ(n, g.observation_count());
}

TEST(Export, IsCanonicalWhateverTheInputOrder) {
  KnowledgeGraph a, b;
  const char* rows[][3] = {{"Iran", "warn", "Israel"},
                           {"Putin", "meet", "Trump"},
                           {"Iran", "warn", "Israel"},
                           {"Trump", "call", "Putin"}};
  for (int i = 0; i < 4; ++i) {
    Triple t;
    t.subject.text = rows[i][0];
    t.relation.text = rows[i][1];
    t.object.text = rows[i][2];
    ASSERT_TRUE(a.add(t).ok());
  }
  for (int i = 3; i >= 0; --i) {
    Triple t;
    t.subject.text = rows[i][0];
    t.relation.text = rows[i][1];
    t.object.text = rows[i][2];
    ASSERT_TRUE(b.add(t).ok());
  }
  for (GraphFormat f : {GraphFormat::kJson, GraphFormat::kGraphml, GraphFormat::kGexf,
                        GraphFormat::kDot, GraphFormat::kTsv})
    EXPECT_TRUE(same(out(a, f), out(b, f))) << graph_format_name(f);
}

TEST(Export, MergedGraphsExportLikeOneRun) {
  const KnowledgeGraph a = news_graph(), b = testing::hostile_graph();
  KnowledgeGraph all = a;
  for (std::size_t e = 0; e < b.edge_count(); ++e)
    for (const Triple& t : b.edge(e).provenance) ASSERT_TRUE(all.add(t).ok());
  KnowledgeGraph merged = a;
  merged.merge(b);
  for (GraphFormat f :
       {GraphFormat::kJson, GraphFormat::kGraphml, GraphFormat::kGexf, GraphFormat::kDot,
        GraphFormat::kTsv, GraphFormat::kJsonl, GraphFormat::kCarb})
    EXPECT_TRUE(same(out(merged, f), out(all, f))) << graph_format_name(f);
}

TEST(Json, IsNodeLinkDataWithLinks) {
  const std::string json = out(news_graph(), GraphFormat::kJson);
  EXPECT_EQ(json.rfind("{\"directed\":true,\"multigraph\":true,", 0), 0u);
  EXPECT_NE(json.find("\n\"links\":["), std::string::npos);
  EXPECT_NE(json.find("\"key\":1,"), std::string::npos);  // Iran's two parallel relations
}

TEST(Json, ReadsForeignNodeLinkData) {
  // As networkx's node_link_data writes it, with "edges" instead of "links".
  ReadReport report;
  const KnowledgeGraph g = in(
      R"({"directed": true, "multigraph": true, "graph": {"name": "x"},
          "nodes": [{"id": 1, "label": "Alice", "color": "red"}, {"id": "b"}],
          "edges": [{"source": 1, "target": "b", "key": 0, "label": "knows", "w": 3}]})",
      GraphFormat::kJson, &report);
  ASSERT_EQ(g.node_count(), 2u);
  EXPECT_EQ(g.node(0).id, "1");
  EXPECT_EQ(g.node(0).label, "Alice");
  EXPECT_EQ(g.node(0).aliases, (std::vector<Tally>{{"Alice", 0}}));
  EXPECT_EQ(g.node(1).label, "b");
  ASSERT_EQ(g.edge_count(), 1u);
  EXPECT_EQ(g.edge(0).relation, "knows");
  EXPECT_EQ(g.edge(0).count, 1u);
  EXPECT_EQ(g.edge(0).confidence, 1.0);
  EXPECT_EQ(report.ignored, 2u);
  EXPECT_EQ(report.ignored_names, (std::vector<std::string>{"color", "w"}));
}

TEST(Json, ErrorsAreLocated) {
  EXPECT_EQ(
      read_error("{\"nodes\":[{\"id\":\"a\"},\n{\"id\":\"a\"}]}", GraphFormat::kJson).to_string(),
      "bad:2:1: duplicate node id 'a'");
  EXPECT_EQ(
      read_error("{\"nodes\":[{\"id\":\"a\"}],\n\"links\":[{\"source\":\"a\",\"target\":\"z\","
                 "\"label\":\"r\"}]}",
                 GraphFormat::kJson)
          .to_string(),
      "bad:2:10: edge target 'z' is not a node");
  EXPECT_EQ(
      read_error("{\"nodes\":[{\"id\":\"a\"}\n  {\"id\":\"b\"}]}", GraphFormat::kJson).to_string(),
      "bad:2:3: expected ',' or ']' in array");
  EXPECT_EQ(read_error("{\"links\":[]}", GraphFormat::kJson).to_string(),
            "bad:1:2: \"nodes\" must come before \"links\"");
  EXPECT_EQ(read_error("", GraphFormat::kJson).to_string(),
            "bad:1:1: empty file: expected a JSON node-link graph");
  EXPECT_EQ(read_error(std::string("{\"nodes\":\0}", 11), GraphFormat::kJson).to_string(),
            "bad:1:10: binary data (NUL byte); expected json text");
  EXPECT_EQ(read_error("{\"nodes\":[{\"id\":\"a\xff\"}]}", GraphFormat::kJson).to_string(),
            "bad:1:19: invalid UTF-8 in JSON string");
  EXPECT_EQ(read_error("{\"nodes\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"links\":[{\"source\":\"a\","
                       "\"target\":\"b\",\"label\":\"r\",\"confidence\":7}]}",
                       GraphFormat::kJson)
                .to_string(),
            "bad:1:95: confidence must be within [0, 1]");
}

// Links are read in groups of 16 (lookups of a group overlap); errors must
// still be the first one in file order, worded and located as before.
std::string json_link(int i, const std::string& target = "", const std::string& extra = "") {
  const std::string t = target.empty() ? "n" + std::to_string((i * 3 + 1) % 40) : target;
  return "{\"source\":\"n" + std::to_string(i % 7) + "\",\"target\":\"" + t +
         "\",\"relation\":\"r" + std::to_string(i % 5) + "\",\"label\":\"R" +
         std::to_string(i % 5) + "\"" + extra +
         ",\"confidence\":0.5,\"provenance\":[{\"confidence\":0.5}]}";
}

std::string json_links_file(const std::vector<std::string>& links) {
  std::string s = "{\"nodes\":[";
  for (int i = 0; i < 40; ++i)
    s += (i ? ",{\"id\":\"n" : "{\"id\":\"n") + std::to_string(i) + "\"}";
  s += "],\n\"links\":[\n";
  for (std::size_t i = 0; i < links.size(); ++i) s += (i ? ",\n" : "") + links[i];
  return s + "\n]}\n";
}

TEST(Json, ManyLinksKeepFileOrderForErrors) {
  std::vector<std::string> ok;
  for (int i = 0; i < 50; ++i) ok.push_back(json_link(i));
  const KnowledgeGraph g = in(json_links_file(ok), GraphFormat::kJson);
  EXPECT_EQ(g.edge_count(), 50u);
  EXPECT_TRUE(same(out(in(out(g, GraphFormat::kJson), GraphFormat::kJson), GraphFormat::kJson),
                   out(g, GraphFormat::kJson)));
  auto error = [&](std::initializer_list<std::pair<int, std::string>> changes) {
    std::vector<std::string> links = ok;
    for (const auto& [i, link] : changes) links[i] = link;
    return read_error(json_links_file(links), GraphFormat::kJson).to_string();
  };
  // An import error comes before a parse error in the next link ...
  EXPECT_EQ(error({{20, json_link(20, "zz")}, {21, json_link(21, "", ",\"polarity\":\"x\"")}}),
            "bad:23:1: edge target 'zz' is not a node");
  EXPECT_EQ(error({{19, json_link(19, "zz")}, {20, "{\"source\":\"n1\",,}"}}),
            "bad:22:1: edge target 'zz' is not a node");
  // ... and after one in an earlier link.
  EXPECT_EQ(error({{20, json_link(20, "", ",\"polarity\":\"x\"")}, {25, json_link(25, "zz")}}),
            "bad:23:71: polarity must be positive or negative, not 'x'");
  // Provenance of a link whose target is unknown is not read: the target is the error.
  std::string bad_provenance = json_link(20, "zz");
  bad_provenance.replace(bad_provenance.find("0.5}]"), 3, "3");
  EXPECT_EQ(error({{20, bad_provenance}}), "bad:23:1: edge target 'zz' is not a node");
  // Links without provenance between links with: each keeps its own records.
  std::vector<std::string> mixed;
  for (int i = 0; i < 50; ++i) {
    std::string link = json_link(i);
    const std::size_t p = link.find(",\"provenance\"");
    link.erase(p, link.size() - 1 - p);
    if (i % 3)
      link.insert(link.size() - 1,
                  ",\"provenance\":[{\"confidence\":0." + std::to_string(10 + i) + "}]");
    mixed.push_back(link);
  }
  const KnowledgeGraph m = in(json_links_file(mixed), GraphFormat::kJson);
  ASSERT_EQ(m.edge_count(), 50u);
  for (int i = 0; i < 50; ++i) {
    const Edge e = m.edge(static_cast<std::size_t>(i));
    ASSERT_EQ(e.provenance.size(), 1u);
    EXPECT_EQ(e.provenance[0].confidence, i % 3 ? (10 + i) / 100.0 : 0.5) << "link " << i;
  }
  // A provenance member replaced by a later one is not read either.
  const std::string replaced = "{\"provenance\":[{\"bogus\":1}]," + json_link(33).substr(1);
  std::vector<std::string> links = ok;
  links[33] = replaced;
  EXPECT_TRUE(same(out(in(json_links_file(links), GraphFormat::kJson), GraphFormat::kJson),
                   out(g, GraphFormat::kJson)));
}

TEST(Graphml, ReadsForeignGraphml) {
  const std::string text = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- written by hand -->
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"><default>1.0</default></key>
  <key id="d2" for="edge" attr.name="label" attr.type="string"/>
  <key id="d3" for="node" attr.name="note" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <edge source="n0" target="n1"><data key="d2">supports</data></edge>
    <node id="n0"><data key="d0">NATO &amp; allies</data><data key="d3">x</data></node>
    <node id="n1"><data key="d0"><![CDATA[Kyiv <capital>]]></data></node>
  </graph>
</graphml>)";
  ReadReport report;
  const KnowledgeGraph g = in(text, GraphFormat::kGraphml, &report);
  ASSERT_EQ(g.node_count(), 2u);
  EXPECT_EQ(g.node(0).label, "NATO & allies");
  EXPECT_EQ(g.node(1).label, "Kyiv <capital>");
  ASSERT_EQ(g.edge_count(), 1u);
  EXPECT_EQ(g.edge(0).label, "supports");
  EXPECT_EQ(report.ignored_names, std::vector<std::string>{"note"});
}

// Files of other tools give an attribute as one plain value: it becomes
// that attribute's tally, seen 0 times (as a label becomes an alias).
TEST(Graphml, ReadsForeignNodeAttributes) {
  const std::string text = R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="t" for="node" attr.name="title" attr.type="string"/>
  <key id="r" for="node" attr.name="role" attr.type="string"/>
  <key id="l" for="edge" attr.name="label" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="putin"><data key="t">President</data></node>
    <node id="iran"><data key="r">leaders</data></node>
    <edge source="iran" target="putin"><data key="l">warned</data></edge>
  </graph>
</graphml>)";
  ReadReport report;
  const KnowledgeGraph g = in(text, GraphFormat::kGraphml, &report);
  ASSERT_EQ(g.node_count(), 2u);
  EXPECT_EQ(g.node(0).title, "President");
  EXPECT_EQ(g.node(0).titles, (std::vector<Tally>{{"President", 0}}));
  EXPECT_EQ(g.node(1).role, "leaders");
  EXPECT_EQ(report.ignored, 0u);
}

// What each format shows of the attributes of news_graph()'s nodes.
TEST(Export, NodeAttributesInEveryFormat) {
  const KnowledgeGraph g = news_graph();
  const std::string json = out(g, GraphFormat::kJson);
  EXPECT_NE(json.find(R"("title":"Russian President","affiliation":"Russia",)"
                      R"("titles":[["Russian President",1]],"affiliations":[["Russia",1]]})"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("affiliation":"United States","role":"envoys",)"
                      R"("affiliations":[["United States",2]],"roles":[["envoys",2]]})"),
            std::string::npos);
  EXPECT_NE(json.find(R"("role":"leaders","roles":[["leaders",2]]})"), std::string::npos);
  const std::string graphml = out(g, GraphFormat::kGraphml);
  EXPECT_NE(graphml.find(R"(<key id="v_title" for="node" attr.name="title" attr.type="string"/>)"),
            std::string::npos);
  EXPECT_NE(graphml.find(R"(<data key="v_title">Russian President</data>)"
                         R"(<data key="v_titles">[["Russian President",1]]</data>)"
                         R"(<data key="v_affiliation">Russia</data>)"),
            std::string::npos)
      << graphml;
  const std::string gexf = out(g, GraphFormat::kGexf);
  EXPECT_NE(gexf.find(R"(<attribute id="role" title="role" type="string"/>)"), std::string::npos);
  EXPECT_NE(gexf.find(R"(<attvalue for="title" value="Russian President"/>)"
                      R"(<attvalue for="affiliation" value="Russia"/>)"),
            std::string::npos)
      << gexf;
  const std::string dot = out(g, GraphFormat::kDot);
  EXPECT_NE(dot.find(R"(tooltip="Vladimir Putin\ntitle: Russian President\naffiliation: Russia")"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find(R"(title="Russian President")"), std::string::npos);
  EXPECT_NE(dot.find(R"(roles="[[\"leaders\",2]]")"), std::string::npos);
  // A node without attributes writes none of them.
  EXPECT_NE(json.find(R"("id":"united states","label":"United States","type":"","mentions":2,)"
                      R"("aliases":[["U.S. pressure",2]],"actors":[["United States",2]],)"
                      R"("types":[]})"),
            std::string::npos)
      << json;
}

TEST(Graphml, ErrorsAreLocated) {
  const std::string head =
      "<graphml>\n<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "<graph edgedefault=\"directed\">\n";
  EXPECT_EQ(read_error(head + "<node id=\"a\"></nod>\n</graph></graphml>", GraphFormat::kGraphml)
                .to_string(),
            "bad:4:14: end tag </nod> does not match <node>");
  EXPECT_EQ(read_error(head + "<node id=\"a\"><data key=\"zz\">x</data></node>\n</graph></graphml>",
                       GraphFormat::kGraphml)
                .to_string(),
            "bad:4:14: <data> refers to undeclared key 'zz'");
  EXPECT_EQ(
      read_error(head + "<node id=\"a\"/><edge source=\"a\" target=\"b\"/>\n</graph></graphml>",
                 GraphFormat::kGraphml)
          .to_string(),
      "bad:4:15: edge target 'b' is not a node");
  EXPECT_EQ(
      read_error(head + "<node id=\"a\"><data key=\"l\">x & y</data></node></graph></graphml>",
                 GraphFormat::kGraphml)
          .to_string(),
      "bad:4:30: '&' must start an entity or character reference (write &amp;)");
  EXPECT_EQ(read_error(head + "<node id=\"a\"/>", GraphFormat::kGraphml).to_string(),
            "bad:4:15: unexpected end of file: <graph> not closed");
  EXPECT_EQ(read_error("", GraphFormat::kGraphml).to_string(),
            "bad:1:1: no XML element in the file (empty file?)");
  EXPECT_EQ(read_error("<graphml>\xC3</graphml>", GraphFormat::kGraphml).to_string(),
            "bad:1:10: invalid UTF-8 (byte 0xC3) (not allowed in XML)");
  EXPECT_EQ(
      read_error("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml/>", GraphFormat::kGraphml)
          .to_string(),
      "bad:1:1: XML encoding 'ISO-8859-1' is not supported; convert the file to UTF-8");
}

TEST(Dot, ReadsForeignDot) {
  ReadReport report;
  const KnowledgeGraph g =
      in("digraph G {\n  rankdir=LR;\n  a [label=\"Alice\\nSmith\", shape=box, group=x];\n"
         "  subgraph cluster_0 { b; }\n  a -> b [label=\"knows\", color=red, foo=bar];\n"
         "  a -> b [label=\"likes\"];\n}\n",
         GraphFormat::kDot, &report);
  ASSERT_EQ(g.node_count(), 2u);
  EXPECT_EQ(g.node(0).label, "Alice\nSmith");
  EXPECT_EQ(g.node(1).label, "b");
  EXPECT_EQ(g.edge_count(), 2u);
  EXPECT_EQ(report.ignored_names, std::vector<std::string>{"foo"});
}

TEST(Dot, ErrorsNameTheLine) {
  // Twice: cgraph keeps lexer state between reads, which must not leak.
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(read_error("digraph {\n a -> b\n c -> [ }\n", GraphFormat::kDot).to_string(),
              "bad:3: syntax error in line 3 near '['");
  EXPECT_EQ(
      read_error("digraph { a -> b [label=\"r\", confidence=2] }", GraphFormat::kDot).to_string(),
      "bad: edge 'a' -> 'b': confidence 2 is not within [0, 1]");
  EXPECT_EQ(read_error("digraph { a -> b }", GraphFormat::kDot).to_string(),
            "bad: edge 'a' -> 'b': edge has neither a relation nor a label");
  EXPECT_EQ(read_error("  \n", GraphFormat::kDot).to_string(),
            "bad:1: empty file: expected a DOT graph");
  EXPECT_EQ(read_error("digraph { \"a\xff\" }", GraphFormat::kDot).to_string(),
            "bad:1:13: invalid UTF-8 (byte 0xFF)");
  EXPECT_EQ(read_error("digraph { a } digraph { b }", GraphFormat::kDot).to_string(),
            "bad: more than one graph in the DOT file; textgraph reads one");
  const KnowledgeGraph ok = in("digraph { x -> y [label=r] }", GraphFormat::kDot);
  EXPECT_EQ(ok.edge_count(), 1u);
}

TEST(Formats, NamesAndExtensions) {
  EXPECT_EQ(*graph_format_of("a/b.GraphML"), GraphFormat::kGraphml);
  EXPECT_EQ(*graph_format_of("b.gv"), GraphFormat::kDot);
  EXPECT_EQ(*graph_format_of("b.xml"), GraphFormat::kGraphml);
  EXPECT_EQ(graph_format_of("b.svg").status().code(), ErrorCode::kUsage);
  EXPECT_EQ(*graph_format_named("gexf"), GraphFormat::kGexf);
  EXPECT_FALSE(can_read(GraphFormat::kGexf));
  EXPECT_EQ(parse_graph("<gexf/>", "x.gexf", GraphFormat::kGexf).status().code(),
            ErrorCode::kUnsupported);
}

class GraphFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("textgraph-graphs-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(GraphFiles, WriteAndReadEveryReadableFormat) {
  const KnowledgeGraph g = news_graph();
  for (GraphFormat f :
       {GraphFormat::kJson, GraphFormat::kGraphml, GraphFormat::kDot, GraphFormat::kJsonl}) {
    const std::string p = path(std::string("g.") + graph_format_name(f));
    ASSERT_TRUE(write_graph(g, p, f).ok());
    Result<KnowledgeGraph> back = read_graph(p, f);
    ASSERT_TRUE(back.ok()) << back.status().to_string();
    EXPECT_TRUE(same(out(*back, GraphFormat::kJson), out(g, GraphFormat::kJson)));
  }
}

TEST_F(GraphFiles, RenderWritesSvgAndPng) {
  const KnowledgeGraph g = news_graph();
  ASSERT_TRUE(render_graph(g, path("g.svg")).ok());
  std::ifstream svg(path("g.svg"));
  std::stringstream ss;
  ss << svg.rdbuf();
  EXPECT_NE(ss.str().find("<svg"), std::string::npos);
  EXPECT_NE(ss.str().find("Vladimir Putin"), std::string::npos);
  ASSERT_TRUE(render_graph(g, path("g.png"), {"", "sfdp", 300}).ok());
  std::ifstream png(path("g.png"), std::ios::binary);
  char magic[4] = {};
  png.read(magic, 4);
  EXPECT_EQ(std::string(magic + 1, 3), "PNG");
  EXPECT_EQ(render_graph(g, path("g.nope")).code(), ErrorCode::kUsage);
  EXPECT_EQ(render_graph(g, path("g.svg"), {"", "nolayout", 300}).code(), ErrorCode::kUsage);
  EXPECT_FALSE(fs::exists(path("g.nope")));
}

// Many separate stories (components) stack instead of forming one row many
// times wider than it is tall.
TEST_F(GraphFiles, RenderStacksManySmallComponents) {
  KnowledgeGraph g;
  for (int i = 0; i < 12; ++i) {
    Triple t;
    t.subject.text = "Minister " + std::to_string(i);
    t.relation = {"visited", "visit", {}};
    t.object.text = "City " + std::to_string(i);
    t.provenance = {"doc", static_cast<std::size_t>(i), "A minister visited a city."};
    ASSERT_TRUE(g.add(t).ok());
  }
  ASSERT_TRUE(render_graph(g, path("wide.svg")).ok());
  std::ifstream svg(path("wide.svg"));
  std::stringstream ss;
  ss << svg.rdbuf();
  const std::string text = ss.str();
  const std::size_t w = text.find("width=\""), h = text.find("height=\"");
  ASSERT_NE(w, std::string::npos);
  ASSERT_NE(h, std::string::npos);
  const double width = std::stod(text.substr(w + 7)), height = std::stod(text.substr(h + 8));
  EXPECT_LT(width, 3 * height) << width << " x " << height;
  EXPECT_NE(text.find(">visit"), std::string::npos);  // edge labels kept
}

}  // namespace
}  // namespace textgraph
