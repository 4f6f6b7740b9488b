// Tag and lemma repairs that read the tree (repair_tags_from_tree,
// repair_lemmas_from_tree): each rule on a sentence where it applies and on
// one where it must not.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "textgraph/parser.h"

namespace textgraph {
namespace {

struct W {
  const char* form;
  const char* lemma;
  const char* upos;
  const char* xpos;
  int head;
  const char* deprel;
};

Sentence make(const std::vector<W>& words) {
  Sentence s;
  for (const W& w : words) {
    Word x;
    x.form = w.form;
    x.lemma = w.lemma;
    x.upos = w.upos;
    x.xpos = w.xpos;
    x.head = w.head;
    x.deprel = w.deprel;
    s.words.push_back(x);
  }
  return s;
}

std::vector<std::string> xpos(const Sentence& s) {
  std::vector<std::string> v;
  for (const Word& w : s.words) v.push_back(w.xpos);
  return v;
}

TEST(TreeRepairs, ParticleIsRp) {
  // "The envoys set up a meeting ."
  Sentence s = make({{"The", "the", "DET", "DT", 2, "det"},
                     {"envoys", "envoy", "NOUN", "NNS", 3, "nsubj"},
                     {"set", "set", "VERB", "VBD", 0, "root"},
                     {"up", "up", "ADP", "IN", 3, "compound:prt"},
                     {"a", "a", "DET", "DT", 6, "det"},
                     {"meeting", "meeting", "NOUN", "NN", 3, "obj"},
                     {".", ".", "PUNCT", ".", 3, "punct"}});
  EXPECT_EQ(repair_tags_from_tree(s), 1u);
  EXPECT_EQ(s.words[3].xpos, "RP");
  // A preposition stays IN.
  s.words[3].deprel = "case";
  s.words[3].xpos = "IN";
  EXPECT_EQ(repair_tags_from_tree(s), 0u);
  EXPECT_EQ(s.words[3].xpos, "IN");
}

TEST(TreeRepairs, AdjectiveWithPerfectHaveIsAParticiple) {
  // "The rebels have finally won ." with "won" mistagged as an adjective.
  Sentence s = make({{"The", "the", "DET", "DT", 2, "det"},
                     {"rebels", "rebel", "NOUN", "NNS", 5, "nsubj"},
                     {"have", "have", "AUX", "VBP", 5, "aux"},
                     {"finally", "finally", "ADV", "RB", 5, "advmod"},
                     {"won", "won", "ADJ", "JJ", 0, "root"},
                     {".", ".", "PUNCT", ".", 5, "punct"}});
  EXPECT_EQ(repair_tags_from_tree(s), 1u);
  EXPECT_EQ(s.words[4].xpos, "VBN");
  EXPECT_EQ(s.words[4].upos, "VERB");
  // "The rebels have been quiet ." : with a copula the adjective stays.
  s = make({{"The", "the", "DET", "DT", 2, "det"},
            {"rebels", "rebel", "NOUN", "NNS", 5, "nsubj"},
            {"have", "have", "AUX", "VBP", 5, "aux"},
            {"been", "be", "AUX", "VBN", 5, "cop"},
            {"quiet", "quiet", "ADJ", "JJ", 0, "root"},
            {".", ".", "PUNCT", ".", 5, "punct"}});
  EXPECT_EQ(repair_tags_from_tree(s), 0u);
  EXPECT_EQ(s.words[4].xpos, "JJ");
}

TEST(TreeRepairs, PerfectAndPassiveMakeParticiples) {
  // "Talks have resumed ." / "Talks were resumed ."
  Sentence s = make({{"Talks", "talk", "NOUN", "NNS", 3, "nsubj"},
                     {"have", "have", "AUX", "VBP", 3, "aux"},
                     {"resumed", "resume", "VERB", "VBD", 0, "root"},
                     {".", ".", "PUNCT", ".", 3, "punct"}});
  EXPECT_EQ(repair_tags_from_tree(s), 1u);
  EXPECT_EQ(s.words[2].xpos, "VBN");
  s = make({{"Talks", "talk", "NOUN", "NNS", 3, "nsubj:pass"},
            {"were", "be", "AUX", "VBD", 3, "aux:pass"},
            {"resumed", "resume", "VERB", "VBD", 0, "root"},
            {".", ".", "PUNCT", ".", 3, "punct"}});
  EXPECT_EQ(repair_tags_from_tree(s), 1u);
  EXPECT_EQ(s.words[2].xpos, "VBN");
  // "Talks resumed ." keeps its past tense; so does a verb under "be" as a
  // progressive-looking but non-passive auxiliary.
  s = make({{"Talks", "talk", "NOUN", "NNS", 2, "nsubj"},
            {"resumed", "resume", "VERB", "VBD", 0, "root"},
            {".", ".", "PUNCT", ".", 2, "punct"}});
  EXPECT_EQ(repair_tags_from_tree(s), 0u);
  EXPECT_EQ(s.words[1].xpos, "VBD");
}

TEST(TreeRepairs, MainVerbAfterItsSubjectIsPastTense) {
  // "The envoys set up a meeting ." : VBN -> VBD.
  Sentence s = make({{"The", "the", "DET", "DT", 2, "det"},
                     {"envoys", "envoy", "NOUN", "NNS", 3, "nsubj"},
                     {"set", "set", "VERB", "VBN", 0, "root"},
                     {"up", "up", "ADP", "RP", 3, "compound:prt"},
                     {"a", "a", "DET", "DT", 6, "det"},
                     {"meeting", "meeting", "NOUN", "NN", 3, "obj"}});
  EXPECT_EQ(repair_tags_from_tree(s), 1u);
  EXPECT_EQ(s.words[2].xpos, "VBD");
  // "Why is the city called Miramar ?" : "is" before it keeps the participle,
  // even when the parse attached "is" elsewhere.
  s = make({{"Why", "why", "ADV", "WRB", 5, "advmod"},
            {"is", "be", "AUX", "VBZ", 1, "cop"},
            {"the", "the", "DET", "DT", 4, "det"},
            {"city", "city", "NOUN", "NN", 5, "nsubj"},
            {"called", "call", "VERB", "VBN", 0, "root"},
            {"Miramar", "Miramar", "PROPN", "NNP", 5, "xcomp"}});
  EXPECT_EQ(repair_tags_from_tree(s), 0u);
  EXPECT_EQ(s.words[4].xpos, "VBN");
  // No subject before it ("Made in Geneva"), or not the root: unchanged.
  s = make({{"Made", "make", "VERB", "VBN", 0, "root"},
            {"in", "in", "ADP", "IN", 3, "case"},
            {"Geneva", "Geneva", "PROPN", "NNP", 1, "obl"}});
  EXPECT_EQ(repair_tags_from_tree(s), 0u);
}

TEST(TreeRepairs, WordsInsideACapitalizedNameAreProperNouns) {
  // "They met at the Urban Development Office ."
  Sentence s = make({{"They", "they", "PRON", "PRP", 2, "nsubj"},
                     {"met", "meet", "VERB", "VBD", 0, "root"},
                     {"at", "at", "ADP", "IN", 7, "case"},
                     {"the", "the", "DET", "DT", 7, "det"},
                     {"Urban", "urban", "ADJ", "JJ", 7, "amod"},
                     {"Development", "development", "NOUN", "NN", 7, "compound"},
                     {"Office", "Office", "PROPN", "NNP", 2, "obl"},
                     {".", ".", "PUNCT", ".", 2, "punct"}});
  EXPECT_EQ(repair_tags_from_tree(s), 2u);
  EXPECT_EQ(s.words[4].upos, "ADJ");  // UD keeps the adjective
  EXPECT_EQ(s.words[4].xpos, "NNP");
  EXPECT_EQ(s.words[5].upos, "PROPN");
  EXPECT_EQ(s.words[5].xpos, "NNP");
  // Not under a common noun, not a lowercase word, not the first word.
  s = make({{"Urban", "urban", "ADJ", "JJ", 3, "amod"},
            {"development", "development", "NOUN", "NN", 3, "compound"},
            {"Offices", "Office", "PROPN", "NNPS", 0, "root"},
            {"closed", "close", "VERB", "VBD", 3, "acl"},
            {"Development", "development", "NOUN", "NN", 6, "compound"},
            {"plans", "plan", "NOUN", "NNS", 4, "obj"}});
  EXPECT_EQ(repair_tags_from_tree(s), 0u);
  EXPECT_EQ(xpos(s), (std::vector<std::string>{"JJ", "NN", "NNPS", "VBD", "NN", "NNS"}));
}

TEST(TreeRepairs, ModalDoAndToTakeTheBaseForm) {
  // "They will meet ." / "They did meet ." / "to meet"
  for (const char* aux : {"will", "did"}) {
    const bool modal = std::string(aux) == "will";
    Sentence s = make({{"They", "they", "PRON", "PRP", 3, "nsubj"},
                       {aux, modal ? "will" : "do", "AUX", modal ? "MD" : "VBD", 3, "aux"},
                       {"meet", "meet", "VERB", "VBP", 0, "root"},
                       {".", ".", "PUNCT", ".", 3, "punct"}});
    EXPECT_EQ(repair_tags_from_tree(s), 1u) << aux;
    EXPECT_EQ(s.words[2].xpos, "VB") << aux;
  }
  Sentence s = make({{"They", "they", "PRON", "PRP", 2, "nsubj"},
                     {"want", "want", "VERB", "VBP", 0, "root"},
                     {"to", "to", "PART", "TO", 4, "mark"},
                     {"meet", "meet", "VERB", "VBP", 2, "xcomp"}});
  EXPECT_EQ(repair_tags_from_tree(s), 1u);
  EXPECT_EQ(xpos(s), (std::vector<std::string>{"PRP", "VBP", "TO", "VB"}));
}

TEST(TreeRepairs, FinitePresentWithPluralOrFirstPersonSubject) {
  // "They know ." : VB -> VBP.
  Sentence s = make({{"They", "they", "PRON", "PRP", 2, "nsubj"},
                     {"know", "know", "VERB", "VB", 0, "root"},
                     {".", ".", "PUNCT", ".", 2, "punct"}});
  EXPECT_EQ(repair_tags_from_tree(s), 1u);
  EXPECT_EQ(s.words[1].xpos, "VBP");
  // Not with a third person singular pronoun, not under a modal, not in an
  // imperative without a subject.
  s.words[0].form = "it";
  s.words[1].xpos = "VB";
  EXPECT_EQ(repair_tags_from_tree(s), 0u);
  s = make({{"Know", "know", "VERB", "VB", 0, "root"},
            {"them", "they", "PRON", "PRP", 1, "obj"},
            {".", ".", "PUNCT", ".", 1, "punct"}});
  EXPECT_EQ(repair_tags_from_tree(s), 0u);
  s = make({{"They", "they", "PRON", "PRP", 3, "nsubj"},
            {"can", "can", "AUX", "MD", 3, "aux"},
            {"know", "know", "VERB", "VB", 0, "root"}});
  EXPECT_EQ(repair_tags_from_tree(s), 0u);
}

TEST(TreeRepairs, ComparativeModifyingAVerbIsAnAdverb) {
  // "The plan works better ." : JJR -> RBR, ADJ -> ADV.
  Sentence s = make({{"The", "the", "DET", "DT", 2, "det"},
                     {"plan", "plan", "NOUN", "NN", 3, "nsubj"},
                     {"works", "work", "VERB", "VBZ", 0, "root"},
                     {"better", "good", "ADJ", "JJR", 3, "advmod"},
                     {".", ".", "PUNCT", ".", 3, "punct"}});
  EXPECT_EQ(repair_tags_from_tree(s), 1u);
  EXPECT_EQ(s.words[3].upos, "ADV");
  EXPECT_EQ(s.words[3].xpos, "RBR");
  // "a better plan": the adjective stays.
  s = make({{"a", "a", "DET", "DT", 3, "det"},
            {"better", "good", "ADJ", "JJR", 3, "amod"},
            {"plan", "plan", "NOUN", "NN", 0, "root"}});
  EXPECT_EQ(repair_tags_from_tree(s), 0u);
  EXPECT_EQ(s.words[1].xpos, "JJR");
}

TEST(TreeRepairs, ContractedHasBeforeAParticiple) {
  // "She 's left ." : "'s" is "have".
  Sentence s = make({{"She", "she", "PRON", "PRP", 3, "nsubj"},
                     {"'s", "be", "AUX", "VBZ", 3, "aux"},
                     {"left", "leave", "VERB", "VBN", 0, "root"},
                     {".", ".", "PUNCT", ".", 3, "punct"}});
  EXPECT_EQ(repair_lemmas_from_tree(s), 1u);
  EXPECT_EQ(s.words[1].lemma, "have");
  // "It ’s been quiet ." : "been" decides, whatever the relation.
  s = make({{"It", "it", "PRON", "PRP", 4, "nsubj"},
            {"\u2019s", "be", "AUX", "VBZ", 4, "aux"},
            {"been", "be", "AUX", "VBN", 4, "cop"},
            {"quiet", "quiet", "ADJ", "JJ", 0, "root"},
            {".", ".", "PUNCT", ".", 4, "punct"}});
  EXPECT_EQ(repair_lemmas_from_tree(s), 1u);
  EXPECT_EQ(s.words[1].lemma, "have");
  // Passive "it 's closed" and progressive "she 's leaving" stay "be".
  s = make({{"It", "it", "PRON", "PRP", 3, "nsubj:pass"},
            {"'s", "be", "AUX", "VBZ", 3, "aux:pass"},
            {"closed", "close", "VERB", "VBN", 0, "root"}});
  EXPECT_EQ(repair_lemmas_from_tree(s), 0u);
  EXPECT_EQ(s.words[1].lemma, "be");
  s = make({{"She", "she", "PRON", "PRP", 3, "nsubj"},
            {"'s", "be", "AUX", "VBZ", 3, "aux"},
            {"leaving", "leave", "VERB", "VBG", 0, "root"}});
  EXPECT_EQ(repair_lemmas_from_tree(s), 0u);
  EXPECT_EQ(s.words[1].lemma, "be");
}

TEST(TreeRepairs, UnparsedOrEmptySentencesAreLeftAlone) {
  Sentence empty;
  EXPECT_EQ(repair_tags_from_tree(empty), 0u);
  EXPECT_EQ(repair_lemmas_from_tree(empty), 0u);
  // Heads out of range (not parsed, or corrupt input) are ignored.
  Sentence s = make({{"up", "up", "ADP", "IN", -1, ""},
                     {"'s", "be", "AUX", "VBZ", 9, "aux"},
                     {"better", "good", "ADJ", "JJR", 7, "advmod"}});
  EXPECT_EQ(repair_tags_from_tree(s), 0u);
  EXPECT_EQ(repair_lemmas_from_tree(s), 0u);
}

}  // namespace
}  // namespace textgraph
