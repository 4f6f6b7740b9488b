// The entity stage on texts written for these tests: alias merging, surnames,
// pronouns, descriptions, metonyms, demonyms, and the node sets the actor
// view gives. Runs the shipped tagger and parser (no NER), then the
// extractor, then EntityResolver and ActorLinker.
#include "textgraph/entities.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "textgraph/conllu.h"
#include "textgraph/extractor.h"
#include "textgraph/graph.h"
#include "textgraph/pipeline.h"

namespace textgraph {
namespace {

struct Shared {
  Analyzer analyzer;
  ActorDictionary dictionary;
};

const Shared& shared() {
  static Shared* s = [] {
    auto p = Analyzer::load();
    auto d = ActorDictionary::load_default();
    if (!p.ok() || !d.ok()) {
      ADD_FAILURE() << (p.ok() ? d.status() : p.status()).to_string();
      std::abort();
    }
    return new Shared{std::move(*p), std::move(*d)};
  }();
  return *s;
}

struct Resolved {
  Document doc;
  std::vector<Triple> triples;
  DocumentEntities entities;
};

Result<Document> analyze(const std::string& text, const std::string& id) {
  TokenizerOptions options;
  options.document_id = id;
  return shared().analyzer.analyze_text(text, options);
}

Resolved resolve(const std::string& text, const std::string& id = "doc") {
  Resolved r;
  auto doc = analyze(text, id);
  EXPECT_TRUE(doc.ok());
  r.doc = std::move(*doc);
  r.triples = extract(r.doc);
  EntityResolver resolver(shared().dictionary);
  r.entities = resolver.resolve(r.doc, r.triples);
  return r;
}

std::string dump(const Resolved& r) {
  std::string s;
  for (const Triple& t : r.triples)
    s += "\n  [" + t.subject.text + " => " + t.subject.actor + "] " + t.relation.lemma + " [" +
         t.object.text + " => " + t.object.actor + "]";
  for (const Mention& m : r.entities.mentions)
    s += "\n  mention '" + m.text + "' => '" + m.actor + "' " + m.type;
  return s;
}

// Actor of the first argument (subject, object or extra) written `text`.
std::string actor_of(const Resolved& r, const std::string& text) {
  for (const Triple& t : r.triples) {
    if (t.subject.text == text) return t.subject.actor;
    if (t.object.text == text) return t.object.actor;
    for (const Argument& e : t.extra)
      if (e.text == text) return e.actor;
  }
  return "<no argument '" + text + "'>";
}

const Mention* mention(const Resolved& r, const std::string& text, std::size_t nth = 0) {
  for (const Mention& m : r.entities.mentions)
    if (m.text == text && nth-- == 0) return &m;
  return nullptr;
}

// Ids of the actor view's nodes that stand for actors.
std::set<std::string> actor_nodes(const std::vector<Triple>& triples) {
  KnowledgeGraph g;
  EXPECT_TRUE(g.add(triples).ok());
  std::set<std::string> out;
  for (std::size_t i = 0; i < g.node_count(); ++i) {
    const Node n = g.node(i);
    if (!n.actors.empty()) out.insert(n.id);
  }
  return out;
}

TEST(Entities, PersonTitleAffiliationAndAliases) {
  const Resolved r = resolve(
      "Russian President Vladimir Putin met Ukrainian envoys in Minsk on Monday. "
      "Putin praised the talks. Vladimir Putin later left the city.");
  const Mention* m = mention(r, "Russian President Vladimir Putin");
  ASSERT_NE(m, nullptr) << dump(r);
  EXPECT_EQ(m->actor, "Vladimir Putin");
  EXPECT_EQ(m->type, "PERSON");
  EXPECT_EQ(m->title, "Russian President");
  EXPECT_EQ(m->affiliation, "Russia");
  EXPECT_EQ(actor_of(r, "Russian President Vladimir Putin"), "Vladimir Putin") << dump(r);
  EXPECT_EQ(actor_of(r, "Putin"), "Vladimir Putin") << dump(r);
  EXPECT_EQ(actor_of(r, "Vladimir Putin"), "Vladimir Putin") << dump(r);
  EXPECT_EQ(actor_of(r, "Ukrainian envoys"), "Ukraine envoys") << dump(r);

  // One node for the three spellings, which it keeps as aliases with counts.
  KnowledgeGraph g;
  ASSERT_TRUE(g.add(r.triples).ok());
  auto putin = g.find_node("vladimir putin");
  ASSERT_TRUE(putin.has_value()) << dump(r);
  const Node n = g.node(*putin);
  EXPECT_EQ(n.label, "Vladimir Putin");
  EXPECT_EQ(n.type, "PERSON");
  std::set<std::string> aliases;
  std::size_t total = 0;
  for (const Tally& t : n.aliases) {
    aliases.insert(t.text);
    total += t.count;
  }
  EXPECT_EQ(aliases,
            (std::set<std::string>{"Russian President Vladimir Putin", "Putin", "Vladimir Putin"}));
  EXPECT_EQ(total, n.mentions);
}

TEST(Entities, AcronymsMetonymsAndDemonyms) {
  const Resolved r = resolve(
      "The European Union criticized Moscow. The EU also warned Tehran. "
      "The Kremlin rejected the criticism. Iranian leaders condemned the White House. "
      "The U.S. envoys met Russian officials. London welcomed the meeting.");
  EXPECT_EQ(actor_of(r, "The European Union"), "European Union") << dump(r);
  EXPECT_EQ(actor_of(r, "The EU"), "European Union") << dump(r);
  EXPECT_EQ(actor_of(r, "Moscow"), "Russia") << dump(r);
  EXPECT_EQ(actor_of(r, "Tehran"), "Iran") << dump(r);
  EXPECT_EQ(actor_of(r, "The Kremlin"), "Russia") << dump(r);
  EXPECT_EQ(actor_of(r, "Iranian leaders"), "Iran") << dump(r);
  EXPECT_EQ(actor_of(r, "the White House"), "United States") << dump(r);
  EXPECT_EQ(actor_of(r, "The U.S. envoys"), "United States envoys") << dump(r);
  EXPECT_EQ(actor_of(r, "Russian officials"), "Russia") << dump(r);
  EXPECT_EQ(actor_of(r, "London"), "United Kingdom") << dump(r);
  const Mention* leaders = mention(r, "Iranian leaders");
  ASSERT_NE(leaders, nullptr);
  EXPECT_EQ(leaders->role, "leaders");
  EXPECT_EQ(leaders->type, "COUNTRY");

  // Exact node set of the actor view: determiners, case and spelling folded.
  EXPECT_EQ(actor_nodes(r.triples),
            (std::set<std::string>{"european union", "russia", "iran", "united states",
                                   "united states envoys", "united kingdom"}))
      << dump(r);
}

TEST(Entities, SurnamesAreNotMergedWithoutEvidence) {
  const ActorDictionary& dict = shared().dictionary;
  EntityResolver resolver(dict);
  ActorLinker linker;
  std::vector<Resolved> runs;
  for (const auto& [id, text] : std::vector<std::pair<std::string, std::string>>{
           {"a", "John Smith criticized the budget plan."},
           {"b", "Jane Smith praised the budget plan."},
           {"c", "Smith rejected the new proposal."},
           {"d", "Angela Merkel visited Warsaw."},
           {"e", "Merkel praised Poland."}}) {
    Resolved r;
    auto doc = analyze(text, id);
    ASSERT_TRUE(doc.ok());
    r.doc = std::move(*doc);
    r.triples = extract(r.doc);
    r.entities = resolver.resolve(r.doc, r.triples);
    runs.push_back(std::move(r));
  }
  // Whole corpus first (as build does), then link each document.
  for (const Resolved& r : runs) linker.observe(r.entities);
  for (Resolved& r : runs) linker.link(r.entities, r.triples);
  EXPECT_EQ(actor_of(runs[0], "John Smith"), "John Smith") << dump(runs[0]);
  EXPECT_EQ(actor_of(runs[1], "Jane Smith"), "Jane Smith") << dump(runs[1]);
  EXPECT_EQ(actor_of(runs[2], "Smith"), "Smith") << dump(runs[2]);  // two Smiths: ambiguous
  EXPECT_EQ(actor_of(runs[4], "Merkel"), "Angela Merkel") << dump(runs[4]);

  // Within a document the most recent full name wins.
  const Resolved r = resolve(
      "Jane Smith met John Smith in Paris. Smith later criticized the plan. "
      "Jane Smith left early. Smith then praised the hosts.");
  ASSERT_GE(r.triples.size(), 3u) << dump(r);
  std::vector<std::string> smiths;
  for (const Triple& t : r.triples)
    if (t.subject.text == "Smith") smiths.push_back(t.subject.actor);
  EXPECT_EQ(smiths, (std::vector<std::string>{"John Smith", "Jane Smith"})) << dump(r);
}

TEST(Entities, PersonalPronouns) {
  const Resolved r = resolve(
      "Vladimir Putin met Angela Merkel in Berlin. He praised the German economy. "
      "She thanked the Russian delegation.");
  EXPECT_EQ(actor_of(r, "He"), "Vladimir Putin") << dump(r);
  EXPECT_EQ(actor_of(r, "She"), "Angela Merkel") << dump(r);
}

TEST(Entities, NeuterAndPluralPronouns) {
  const Resolved r = resolve(
      "Russia rejected the proposal on Monday. It said the plan ignored its interests. "
      "Iranian leaders met EU envoys in Geneva. They warned Washington.");
  EXPECT_EQ(actor_of(r, "It"), "Russia") << dump(r);
  EXPECT_EQ(actor_of(r, "They"), "Iran") << dump(r);
  const Mention* its = mention(r, "its");
  ASSERT_NE(its, nullptr) << dump(r);
  EXPECT_EQ(its->actor, "Russia");
}

// "They" after "Russia and Ukraine" means both: no single actor, and not
// the wrong one of the two.
TEST(Entities, CoordinatedAntecedentIsNotOneActor) {
  const Resolved r = resolve("Russia and Ukraine signed the grain deal. They praised Turkey.");
  const Mention* they = mention(r, "They");
  ASSERT_NE(they, nullptr) << dump(r);
  EXPECT_EQ(they->actor, "") << dump(r);
  EXPECT_EQ(actor_of(r, "Turkey"), "Turkey") << dump(r);
}

TEST(Entities, PleonasticItIsLeftAlone) {
  const Resolved r = resolve(
      "Iran rejected the offer. It is likely that the talks will fail. "
      "It seems that nobody listened.");
  for (const Mention& m : r.entities.mentions)
    if (m.text == "It") {
      EXPECT_EQ(m.actor, "") << dump(r);
      EXPECT_EQ(m.antecedent, -1);
    }
  for (const Triple& t : r.triples)
    if (t.subject.text == "It") {
      EXPECT_EQ(t.subject.actor, "") << dump(r);
    }
}

TEST(Entities, DefiniteDescriptions) {
  const Resolved r = resolve(
      "Russian President Vladimir Putin arrived in Minsk on Monday. "
      "The Russian leader praised Belarus. The president also thanked the army.");
  EXPECT_EQ(actor_of(r, "The Russian leader"), "Vladimir Putin") << dump(r);
  EXPECT_EQ(actor_of(r, "The president"), "Vladimir Putin") << dump(r);
}

TEST(Entities, QuotedPronounIsNotTheSpeaker) {
  const Resolved r = resolve("Donald Trump spoke on Monday. Vladimir Putin said: \"He is wrong.\"");
  const Mention* he = mention(r, "He");
  ASSERT_NE(he, nullptr) << dump(r);
  EXPECT_EQ(he->actor, "Donald Trump") << dump(r);
}

// NER tags, when present, decide the names and their types.
TEST(Entities, NerTagsWhenPresent) {
  const char* conllu =
      "# text = Meta Platforms sued Anna Berg.\n"
      "1\tMeta\tMeta\tPROPN\tNNP\t_\t2\tcompound\t_\tNER=B-ORG\n"
      "2\tPlatforms\tPlatforms\tPROPN\tNNPS\t_\t3\tnsubj\t_\tNER=I-ORG\n"
      "3\tsued\tsue\tVERB\tVBD\t_\t0\troot\t_\tNER=O\n"
      "4\tAnna\tAnna\tPROPN\tNNP\t_\t3\tobj\t_\tNER=B-PER\n"
      "5\tBerg\tBerg\tPROPN\tNNP\t_\t4\tflat\t_\tNER=I-PER|SpaceAfter=No\n"
      "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\tNER=O\n\n";
  auto sentences = parse_conllu(conllu, "test.conllu");
  ASSERT_TRUE(sentences.ok()) << sentences.status().to_string();
  Document doc;
  doc.sentences = std::move(*sentences);
  std::vector<Triple> triples = extract(doc);
  EntityResolver resolver(shared().dictionary);
  const DocumentEntities e = resolver.resolve(doc, triples);
  ASSERT_EQ(triples.size(), 1u);
  EXPECT_EQ(triples[0].subject.actor, "Meta Platforms");
  EXPECT_EQ(triples[0].subject.type, "ORG");
  EXPECT_EQ(triples[0].object.actor, "Anna Berg");
  EXPECT_EQ(triples[0].object.type, "PERSON");
}

TEST(Entities, MentionsViewClearsActors) {
  Resolved r = resolve("The Kremlin rejected the EU proposal.");
  clear_actors(r.triples);
  for (const Triple& t : r.triples) {
    EXPECT_EQ(t.subject.actor, "");
    EXPECT_EQ(t.object.actor, "");
  }
}

TEST(Entities, ActorTableExplainsMerges) {
  Resolved r = resolve(
      "Russian President Vladimir Putin met U.S. envoys. Putin praised the envoys. "
      "He thanked Washington.");
  ActorLinker linker;
  linker.link(r.entities, r.triples);
  const std::vector<ActorRecord> table = linker.table();
  const ActorRecord* putin = nullptr;
  for (const ActorRecord& a : table)
    if (a.actor == "Vladimir Putin") putin = &a;
  ASSERT_NE(putin, nullptr) << dump(r);
  EXPECT_EQ(putin->type, "PERSON");
  std::set<std::string> aliases;
  for (const auto& [text, n] : putin->aliases) aliases.insert(text);
  EXPECT_EQ(aliases, (std::set<std::string>{"Russian President Vladimir Putin", "Putin", "He"}))
      << dump(r);
  const std::pair<std::string, std::string> title{"title", "Russian President"};
  const std::pair<std::string, std::string> affiliation{"affiliation", "Russia"};
  EXPECT_NE(std::find(putin->attributes.begin(), putin->attributes.end(), title),
            putin->attributes.end());
  EXPECT_NE(std::find(putin->attributes.begin(), putin->attributes.end(), affiliation),
            putin->attributes.end());
}

}  // namespace
}  // namespace textgraph
