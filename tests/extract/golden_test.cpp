// Golden tests: hand-annotated trees (tests/data/extract/*.conllu, sentences
// written for these tests) with the triples each must give, written as
// comments before the words:
//
//   # triple = SUBJECT | LEMMA | OBJECT [| KEY=VALUE | FLAG ...]
//   # no triples
//   # options = implicit | intransitive | no-coordination | ...
//
// Keys: text= (the relation as written; checked only when given), extra=
// (repeatable, in order), modal=, attr=SOURCE/VERB; flags: neg, passive.
// Polarity, modality, attribution, passive and extras are always checked
// (absent = positive, none, none, active, no extras). A sentence passes when
// its triples and the expected ones are the same set.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "textgraph/conllu.h"
#include "textgraph/extractor.h"

namespace textgraph {
namespace {

std::string trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && s[b] == ' ') ++b;
  return s.substr(b);
}

std::vector<std::string> split_bars(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = s.find(" | ", start);
    out.push_back(
        trim(s.substr(start, bar == std::string::npos ? std::string::npos : bar - start)));
    if (bar == std::string::npos) break;
    start = bar + 3;
  }
  return out;
}

struct Expected {
  std::string key;   // everything but the relation text
  std::string text;  // "" = not checked
};

std::string key_of(const std::string& subject, const std::string& lemma, const std::string& object,
                   bool neg, const std::string& modal, const std::string& attr, bool passive,
                   const std::vector<std::string>& extras) {
  std::string k = subject + " | " + lemma + " | " + object;
  if (neg) k += " | neg";
  if (!modal.empty()) k += " | modal=" + modal;
  if (!attr.empty()) k += " | attr=" + attr;
  if (passive) k += " | passive";
  for (const auto& e : extras) k += " | extra=" + e;
  return k;
}

Expected parse_expected(const std::string& line) {
  std::vector<std::string> f = split_bars(line);
  EXPECT_GE(f.size(), 3u) << line;
  while (f.size() < 3) f.push_back("");
  bool neg = false, passive = false;
  std::string modal, attr, text;
  std::vector<std::string> extras;
  for (std::size_t i = 3; i < f.size(); ++i) {
    const std::string& x = f[i];
    if (x == "neg")
      neg = true;
    else if (x == "passive")
      passive = true;
    else if (x.rfind("text=", 0) == 0)
      text = x.substr(5);
    else if (x.rfind("modal=", 0) == 0)
      modal = x.substr(6);
    else if (x.rfind("attr=", 0) == 0)
      attr = x.substr(5);
    else if (x.rfind("extra=", 0) == 0)
      extras.push_back(x.substr(6));
    else
      ADD_FAILURE() << "unknown field '" << x << "' in: " << line;
  }
  return {key_of(f[0], f[1], f[2], neg, modal, attr, passive, extras), text};
}

std::string key_of(const Triple& t) {
  std::vector<std::string> extras;
  for (const Argument& a : t.extra) extras.push_back(a.text);
  std::string attr;
  if (!t.attribution.source.empty()) attr = t.attribution.source + "/" + t.attribution.verb;
  return key_of(t.subject.text, t.relation.lemma, t.object.text, t.polarity == Polarity::kNegative,
                t.modality, attr, t.relation.passive, extras);
}

ExtractOptions options_for(const Sentence& s) {
  ExtractOptions o;
  for (const std::string& c : s.comments) {
    if (c.rfind("options = ", 0) != 0) continue;
    for (const std::string& opt : split_bars(c.substr(10))) {
      if (opt == "implicit")
        o.implicit_relations = true;
      else if (opt == "intransitive")
        o.intransitive = true;
      else if (opt == "no-coordination")
        o.expand_coordination = false;
      else if (opt == "no-relatives")
        o.relative_clauses = false;
      else if (opt == "no-appositions")
        o.appositions = false;
      else if (opt == "no-light-verbs")
        o.light_verbs = false;
      else if (opt == "no-nominalisations")
        o.nominalisations = false;
      else if (opt == "no-reporting")
        o.reporting_triples = false;
      else if (opt == "no-participles")
        o.participles = false;
      else
        ADD_FAILURE() << "unknown option " << opt;
    }
  }
  return o;
}

void check_file(const std::string& name) {
  const std::string path = std::string(TEXTGRAPH_TEST_DATA) + "/extract/" + name;
  auto sentences = read_conllu(path);
  ASSERT_TRUE(sentences.ok()) << sentences.status().to_string();
  ASSERT_FALSE(sentences->empty());
  for (const Sentence& s : *sentences) {
    SCOPED_TRACE(s.id + ": " + s.text);
    std::vector<Expected> expected;
    bool none = false;
    for (const std::string& c : s.comments) {
      if (c.rfind("triple = ", 0) == 0) expected.push_back(parse_expected(c.substr(9)));
      if (c == "no triples") none = true;
    }
    ASSERT_TRUE(none || !expected.empty()) << "no expectation written";
    std::vector<Triple> got;
    extract_sentence(s, 0, "test", "", options_for(s), got);
    std::vector<std::string> got_keys;
    for (const Triple& t : got) got_keys.push_back(key_of(t));
    std::ostringstream all;
    for (const Triple& t : got) all << "\n  " << key_of(t) << "  [text=" << t.relation.text << "]";
    for (const Expected& e : expected) {
      auto it = std::find(got_keys.begin(), got_keys.end(), e.key);
      if (it == got_keys.end()) {
        ADD_FAILURE() << "missing: " << e.key << "\ngot:" << all.str();
        continue;
      }
      const Triple& t = got[static_cast<std::size_t>(it - got_keys.begin())];
      if (!e.text.empty()) {
        EXPECT_EQ(t.relation.text, e.text) << e.key;
      }
    }
    for (const std::string& k : got_keys) {
      bool wanted = false;
      for (const Expected& e : expected) wanted = wanted || e.key == k;
      EXPECT_TRUE(wanted) << "unexpected: " << k << "\ngot:" << all.str();
    }
  }
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, File) { check_file(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Constructions, Golden,
                         ::testing::Values("verbal.conllu", "copular.conllu", "xcomp.conllu",
                                           "passive.conllu", "coordination.conllu",
                                           "relative.conllu", "apposition.conllu",
                                           "participle.conllu", "light_verbs.conllu",
                                           "attribution.conllu", "polarity.conllu",
                                           "pronoun.conllu", "implicit.conllu", "repairs.conllu"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param.substr(0, info.param.find('.'));
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

}  // namespace
}  // namespace textgraph
