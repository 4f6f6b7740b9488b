// Documents → triples → graph (textgraph.h) with the shipped models: source
// offsets and document-wide sentence numbers across chunks, pre-tokenized
// lines, determinism across threads, input kinds, graphs from mixed inputs,
// and the examples/ article. Texts written for these tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "textgraph/textgraph.h"

namespace textgraph {
namespace {

namespace fs = std::filesystem;

const Analyzer& analyzer() {
  static const Analyzer a = [] {
    TextGraphOptions o;
    Result<Analyzer> loaded = Analyzer::load(o.analyzer);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().to_string();
      std::abort();
    }
    return std::move(*loaded);
  }();
  return a;
}

// Every triple of `text` read as one input named `name`.
std::vector<Triple> triples_of(const std::string& text, const TextGraphOptions& options = {},
                               const std::string& name = "doc", TextGraphReport* report = nullptr) {
  std::istringstream in(text);
  Result<DocumentReader> reader = DocumentReader::from_stream(in, name, options.input);
  EXPECT_TRUE(reader.ok()) << reader.status().to_string();
  std::vector<Triple> out;
  const Status st = extract_documents(
      *reader, analyzer(), options,
      [&](const Chunk&, std::vector<Triple>& ts) {
        for (Triple& t : ts) out.push_back(std::move(t));
        return Status();
      },
      report);
  EXPECT_TRUE(st.ok()) << st.to_string();
  return out;
}

const Triple* find(const std::vector<Triple>& ts, const std::string& subject,
                   const std::string& lemma, const std::string& object) {
  for (const Triple& t : ts)
    if (t.subject.text == subject && t.relation.lemma == lemma && t.object.text == object)
      return &t;
  return nullptr;
}

std::string dump(const std::vector<Triple>& ts) {
  std::string s;
  for (const Triple& t : ts)
    s += "\n  " + t.subject.text + " | " + t.relation.lemma + " | " + t.object.text + "  (#" +
         std::to_string(t.provenance.sentence) + ")";
  return s;
}

std::string bytes(const std::string& text, const Span& sp) {
  if (!sp.known() || sp.end > text.size() || sp.begin > sp.end) return "<bad span>";
  return text.substr(sp.begin, sp.end - sp.begin);
}

std::string lines(const std::vector<Triple>& ts) {
  std::string s;
  for (const Triple& t : ts) s += triple_to_json(t) + "\n";
  return s;
}

TEST(TextGraph, TriplesWithSpansIntoTheInput) {
  const std::string text = "Kyiv said on Monday that Oslo will host the talks.";
  const std::vector<Triple> ts = triples_of(text, {}, "doc-1");
  const Triple* t = find(ts, "Oslo", "host", "the talks");
  ASSERT_TRUE(t) << dump(ts);
  EXPECT_EQ(t->provenance.document, "doc-1");
  EXPECT_EQ(t->provenance.sentence, 0u);
  EXPECT_EQ(t->provenance.text, text);
  EXPECT_EQ(t->modality, "will");
  EXPECT_EQ(t->attribution.source, "Kyiv");
  EXPECT_EQ(t->attribution.verb, "say");
  ASSERT_EQ(t->object.spans.size(), 1u);
  EXPECT_EQ(bytes(text, t->object.spans[0]), "the talks");
  ASSERT_EQ(t->subject.spans.size(), 1u);
  EXPECT_EQ(bytes(text, t->subject.spans[0]), "Oslo");
}

// A long document read in small chunks: spans are offsets into the whole
// input and sentence indices count from the document's start, exactly as
// when it is read in one chunk.
TEST(TextGraph, ChunksNumberOnThroughTheDocument) {
  std::string text;
  const char* para[] = {"Oslo hosted the talks. Riga welcomed the envoys.\n\n",
                        "The court fined Meta. Tallinn signed the accord.\n\n"};
  for (int i = 0; i < 40; ++i) text += para[i % 2];
  TextGraphOptions small;
  small.input.chunk_bytes = 200;
  small.input.max_chunk_bytes = 400;
  TextGraphOptions whole;
  whole.input.chunk_bytes = 1 << 20;
  whole.input.max_chunk_bytes = 1 << 20;
  TextGraphReport report;
  const std::vector<Triple> a = triples_of(text, small, "long", &report);
  const std::vector<Triple> b = triples_of(text, whole, "long");
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(lines(a), lines(b));
  EXPECT_EQ(report.documents, 1u);
  EXPECT_EQ(report.extract.sentences, 80u);
  const Triple& last = a.back();
  EXPECT_EQ(last.provenance.sentence, 79u) << dump(a);
  EXPECT_EQ(last.subject.text, "Tallinn");
  ASSERT_EQ(last.subject.spans.size(), 1u);
  EXPECT_EQ(last.subject.spans[0].begin, text.rfind("Tallinn"));
  for (const Triple& t : a) {
    ASSERT_FALSE(t.object.spans.empty());
    EXPECT_EQ(bytes(text, t.object.spans.front()).substr(0, 3), t.object.text.substr(0, 3));
  }
}

// Invalid UTF-8 is repaired in the analysed text (one byte becomes three),
// spans still point at the bytes as read.
TEST(TextGraph, SpansCountTheBytesAsRead) {
  const std::string text = "Caf\xE9 owners met. Oslo hosted the talks.";
  TextGraphReport report;
  const std::vector<Triple> ts = triples_of(text, {}, "bad-utf8", &report);
  const Triple* t = find(ts, "Oslo", "host", "the talks");
  ASSERT_TRUE(t) << dump(ts);
  ASSERT_EQ(t->object.spans.size(), 1u);
  EXPECT_EQ(bytes(text, t->object.spans[0]), "the talks");
  ASSERT_EQ(report.repaired.size(), 1u);
  EXPECT_EQ(report.repaired[0].second, 1u);
}

// PTB-tokenized lines (CaRB's style) extract like plain text.
TEST(TextGraph, PretokenizedLines) {
  TextGraphOptions o;
  o.input.sentence_per_line = true;
  const std::string text =
      "Oslo 's envoy met Riga 's mayor .\nThe 30 - year accord was signed by Estonia .\n";
  const std::vector<Triple> ts = triples_of(text, o);
  const Triple* t = find(ts, "Oslo 's envoy", "meet", "Riga 's mayor");
  ASSERT_TRUE(t) << dump(ts);
  EXPECT_EQ(t->provenance.text, "Oslo 's envoy met Riga 's mayor .");
  const Triple* p = find(ts, "Estonia", "sign", "The 30 - year accord");
  ASSERT_TRUE(p) << dump(ts);
  EXPECT_EQ(p->provenance.sentence, 1u);
  ASSERT_EQ(p->subject.spans.size(), 1u);
  EXPECT_EQ(bytes(text, p->subject.spans[0]), "Estonia");
  // The same sentences as running text give the same triples.
  const std::vector<Triple> plain =
      triples_of("Oslo's envoy met Riga's mayor. The 30-year accord was signed by Estonia.");
  EXPECT_TRUE(find(plain, "Oslo's envoy", "meet", "Riga's mayor")) << dump(plain);
  EXPECT_TRUE(find(plain, "Estonia", "sign", "The 30-year accord")) << dump(plain);
}

std::string example_article() {
  const fs::path path =
      fs::path(TEXTGRAPH_TEST_DATA) / ".." / ".." / "examples" / "geneva-talks.txt";
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The article in examples/: its salient actor-relation-actor triples.
TEST(TextGraph, ExampleArticle) {
  const std::string text = example_article();
  const std::vector<Triple> t = triples_of(text, {}, "geneva-talks");
  EXPECT_TRUE(find(t, "the United Nations", "host", "The meeting")) << dump(t);
  EXPECT_TRUE(find(t, "Norway's foreign minister", "chair", "The meeting"));
  EXPECT_TRUE(find(t, "Turkey", "offer to act as", "guarantors of any agreement"));
  EXPECT_TRUE(find(t, "Qatar", "offer to act as", "guarantors of any agreement"));
  EXPECT_TRUE(find(t, "Kyiv", "demand", "the withdrawal of Russian troops"));
  EXPECT_TRUE(find(t, "Russia", "invade", "Ukraine"));
  EXPECT_TRUE(find(t, "The United States", "welcome", "the talks"));
  EXPECT_TRUE(
      find(t, "The American secretary of state", "talk with", "his Turkish counterpart in Ankara"));
  EXPECT_TRUE(find(t, "drones", "damage", "Two cargo ships"));
  EXPECT_TRUE(find(t, "Ankara", "warn", "both sides"));
  EXPECT_TRUE(find(t, "Iran", "reject", "new demands"));
  for (const Triple& x : t) {
    for (const Argument* a : {&x.subject, &x.object})
      for (const Span& sp : a->spans) EXPECT_NE(bytes(text, sp), "<bad span>");
    if (x.relation.lemma == "lift") {
      EXPECT_EQ(x.polarity, Polarity::kNegative);
    }
    if (x.relation.lemma == "block") {
      EXPECT_EQ(x.modality, "might");
      EXPECT_EQ(x.attribution.verb, "according to");
    }
  }
}

class Files : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tg-text-graph-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "docs" / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  fs::path dir_;
};

TEST_F(Files, SameTriplesWithAnyThreadCount) {
  write("docs/a.txt", example_article());
  write("docs/sub/b.txt", "The court ordered Meta to pay a fine. Oslo hosted the talks.\n");
  write("docs/c.jsonl",
        "{\"id\": \"n1\", \"text\": \"Riga met Tallinn.\"}\n{\"id\": 2, \"text\": \"Iran "
        "rejected new demands.\"}\n");
  std::string out[3];
  const std::size_t threads[3] = {1, 2, 4};
  for (int i = 0; i < 3; ++i) {
    TextGraphOptions o;
    o.threads = threads[i];
    o.input.chunk_bytes = 300;  // many chunks, so that threads interleave
    const Status st =
        extract_inputs({(dir_ / "docs").string()}, o, [&](const Chunk&, std::vector<Triple>& ts) {
          out[i] += lines(ts);
          return Status();
        });
    ASSERT_TRUE(st.ok()) << st.to_string();
  }
  EXPECT_NE(out[0].find("\"document\":\"n1\""), std::string::npos);
  EXPECT_EQ(out[0], out[1]);
  EXPECT_EQ(out[0], out[2]);
}

TEST_F(Files, InputKinds) {
  const std::string tsv = write("t.tsv", "Oslo\thost\tthe talks\n");
  const std::string triples =
      write("t.jsonl",
            "\n{\"subject\": {\"text\": \"Oslo\"}, \"relation\": {\"text\": \"host\"}, "
            "\"object\": {\"text\": \"the talks\"}}\n");
  const std::string docs = write("d.jsonl", "{\"id\": 1, \"text\": \"Oslo hosted the talks.\"}\n");
  const std::string junk = write("j.jsonl", "{not json\n");
  EXPECT_EQ(*input_kind(tsv), InputKind::kTriplesTsv);
  EXPECT_EQ(*input_kind(triples), InputKind::kTriplesJsonl);
  EXPECT_EQ(*input_kind(docs), InputKind::kDocuments);
  EXPECT_EQ(*input_kind(junk), InputKind::kDocuments);  // the document reader names the error
  EXPECT_EQ(*input_kind("-"), InputKind::kDocuments);
  EXPECT_EQ(*input_kind((dir_ / "docs").string()), InputKind::kDocuments);
  EXPECT_EQ(*input_kind("-", TripleFormat::kTsv), InputKind::kTriplesTsv);
  EXPECT_EQ(*input_kind(docs, TripleFormat::kJsonl), InputKind::kTriplesJsonl);
  EXPECT_EQ(input_kind((dir_ / "missing.jsonl").string()).status().code(), ErrorCode::kIo);
}

TEST_F(Files, GraphFromDocumentsAndTriples) {
  const std::string text = write("a.txt", "Oslo hosted the talks. Riga met Tallinn.\n");
  const std::string tsv = write("t.tsv", "Oslo\thost\tthe talks\nIran\twarn\tthe United States\n");
  KnowledgeGraph graph;
  TextGraphReport report;
  // Phrases as nodes, as the triple file has them (the actor view would make
  // the text's Oslo the actor Norway).
  TextGraphOptions options;
  options.view = EntityView::kMentions;
  const Status st = build_graph({text, tsv}, options, graph, &report);
  ASSERT_TRUE(st.ok()) << st.to_string();
  EXPECT_EQ(report.documents, 1u);
  EXPECT_EQ(report.triple_files, 1u);
  EXPECT_EQ(report.triples_read, 2u);
  bool merged = false, warned = false, met = false;
  for (std::size_t e = 0; e < graph.edge_count(); ++e) {
    const Edge edge = graph.edge(e);
    const std::string s = graph.node(edge.source).id, o = graph.node(edge.target).id;
    if (s == "oslo" && o == "the talks" && edge.relation == "host") merged = edge.count == 2;
    if (s == "iran" && o == "the united states") warned = true;
    if (s == "riga" && o == "tallinn") met = true;
  }
  EXPECT_TRUE(merged);
  EXPECT_TRUE(warned);
  EXPECT_TRUE(met);
}

// A lone surname read before the full name: build links it over the whole
// input; streaming in input order leaves it as written. Two people of one
// surname anywhere in the input keep it open either way.
TEST_F(Files, SurnamesLinkOverTheWholeInput) {
  const std::string docs =
      write("news.jsonl",
            "{\"id\": \"a\", \"text\": \"Halvorsen criticized the trade agreement.\"}\n"
            "{\"id\": \"b\", \"text\": \"Ingrid Halvorsen visited Oslo in May.\"}\n"
            "{\"id\": \"c\", \"text\": \"Okafor rejected the new budget.\"}\n"
            "{\"id\": \"d\", \"text\": \"Grace Okafor met the finance minister.\"}\n"
            "{\"id\": \"e\", \"text\": \"Daniel Okafor praised the plan.\"}\n");
  const auto actor_of = [](const std::vector<Triple>& ts, const std::string& text) {
    for (const Triple& t : ts)
      if (t.subject.text == text) return t.subject.actor;
    return std::string("<no triple>");
  };
  for (const std::size_t threads : {1u, 2u}) {
    std::vector<Triple> whole, in_order;
    TextGraphOptions o;
    o.threads = threads;
    ASSERT_TRUE(extract_inputs({docs}, o, [&](const Chunk& chunk, std::vector<Triple>& ts) {
                  EXPECT_TRUE(chunk.document.sentences.empty());  // dropped while held
                  for (Triple& t : ts) whole.push_back(std::move(t));
                  return Status();
                }).ok());
    o.linking = ActorLinking::kInOrder;
    ASSERT_TRUE(extract_inputs({docs}, o, [&](const Chunk&, std::vector<Triple>& ts) {
                  for (Triple& t : ts) in_order.push_back(std::move(t));
                  return Status();
                }).ok());
    EXPECT_EQ(actor_of(whole, "Halvorsen"), "Ingrid Halvorsen") << dump(whole);
    EXPECT_EQ(actor_of(in_order, "Halvorsen"), "Halvorsen") << dump(in_order);
    EXPECT_EQ(actor_of(whole, "Okafor"), "Okafor") << dump(whole);  // two Okafors
    EXPECT_EQ(actor_of(in_order, "Okafor"), "Okafor") << dump(in_order);
    EXPECT_EQ(actor_of(whole, "Grace Okafor"), "Grace Okafor") << dump(whole);
  }

  // The graph: one node for both spellings, with both as aliases.
  KnowledgeGraph graph;
  ASSERT_TRUE(build_graph({docs}, TextGraphOptions(), graph).ok());
  bool found = false;
  for (std::size_t n = 0; n < graph.node_count(); ++n) {
    const Node node = graph.node(n);
    if (node.label != "Ingrid Halvorsen") continue;
    found = true;
    std::vector<std::string> aliases;
    for (const Tally& a : node.aliases) aliases.push_back(a.text);
    EXPECT_EQ(aliases, (std::vector<std::string>{"Halvorsen", "Ingrid Halvorsen"}));
  }
  EXPECT_TRUE(found);
}

// Parsed CoNLL-U keeps its trees: the gold trees of the golden tests give
// their triples.
TEST_F(Files, ConlluTreesAreKept) {
  const std::string gold = (fs::path(TEXTGRAPH_TEST_DATA) / "extract" / "passive.conllu").string();
  std::vector<Triple> ts;
  const Status st = extract_inputs({gold}, TextGraphOptions(), [&](const Chunk&, auto& got) {
    for (Triple& t : got) ts.push_back(std::move(t));
    return Status();
  });
  ASSERT_TRUE(st.ok()) << st.to_string();
  const Triple* t = find(ts, "Saudi Arabia", "host", "The talks");
  ASSERT_TRUE(t) << dump(ts);
  EXPECT_TRUE(t->relation.passive);
}

TEST_F(Files, ErrorsNameTheFileAndLine) {
  const std::string ok = write("ok.txt", "Oslo hosted the talks.\n");
  const std::string bad =
      write("bad.jsonl", "{\"id\": \"a\", \"text\": \"Fine.\"}\n{\"id\": \"b\", \"txt\": 1}\n");
  KnowledgeGraph graph;
  Status st = build_graph({ok, bad}, TextGraphOptions(), graph);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(st.where().file, bad);
  EXPECT_EQ(st.where().line, 2u);

  const std::string bad_tsv = write("bad.tsv", "Oslo\thost\tthe talks\nonly one field\n");
  st = build_graph({bad_tsv}, TextGraphOptions(), graph);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.where().file, bad_tsv);
  EXPECT_EQ(st.where().line, 2u);

  st = build_graph({(dir_ / "missing.txt").string()}, TextGraphOptions(), graph);
  EXPECT_EQ(st.code(), ErrorCode::kIo);
}

// Added analysis steps run before extraction: a step's NER tags reach the
// triples' argument types.
class TagOslo : public AnalysisStep {
 public:
  std::string name() const override { return "tag-oslo"; }
  Status run(Document& document) const override {
    for (Sentence& s : document.sentences)
      for (Word& w : s.words) w.ner = w.form == "Oslo" ? "B-LOC" : "O";
    return {};
  }
};

TEST_F(Files, StepsRunBeforeExtraction) {
  const std::string a = write("a.txt", "Oslo hosted the talks.\n");
  TextGraphOptions o;
  o.view = EntityView::kMentions;  // the actor view would read Oslo as Norway's government
  o.steps.push_back(std::make_shared<TagOslo>());
  KnowledgeGraph graph;
  ASSERT_TRUE(build_graph({a}, o, graph).ok());
  bool typed = false;
  for (std::size_t n = 0; n < graph.node_count(); ++n)
    if (graph.node(n).id == "oslo") typed = graph.node(n).type == "LOC";
  EXPECT_TRUE(typed);
}

// A sink's failure stops the run and comes back as it was.
TEST_F(Files, SinkFailureStops) {
  const std::string a = write("a.txt", "Oslo hosted the talks.\n");
  const std::string b = write("b.txt", "Riga met Tallinn.\n");
  std::size_t calls = 0;
  const Status st = extract_inputs({a, b}, TextGraphOptions(), [&](const Chunk&, auto&) {
    ++calls;
    return Status::error(ErrorCode::kIo, "disk full", {"out"});
  });
  EXPECT_EQ(calls, 1u);
  EXPECT_EQ(st.code(), ErrorCode::kIo);
  EXPECT_EQ(st.message(), "disk full");
}

}  // namespace
}  // namespace textgraph
