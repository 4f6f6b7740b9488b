// `evaluate` against small cases worked out by hand. Every sentence here was
// written for these tests. In the comments, P/R/F1/Acc are precision =
// correct / system, recall = correct / gold, F1 = 2 * correct / (gold +
// system) and accuracy = correct / aligned words, as percentages.
#include <gtest/gtest.h>

#include "eval/eval_test_util.h"

namespace textgraph {
namespace {

using testing::evaluate_ok;
using testing::expect_counts;
using testing::mwt;
using testing::parse;
using testing::row;
using testing::table_line;

// "Ships sail at dawn." Content words (CLAS/MLAS/BLEX): Ships (nsubj), sail
// (root), dawn (obl); "at" (case) is a function word, child of dawn.
struct Ships {
  std::string ships = row("1", "Ships", "ship", "NOUN", "NNS", "Number=Plur", "2", "nsubj");
  std::string sail = row("2", "sail", "sail", "VERB", "VBP",
                         "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", "0", "root");
  std::string at = row("3", "at", "at", "ADP", "IN", "_", "4", "case");
  std::string dawn = row("4", "dawn", "dawn", "NOUN", "NN", "Number=Sing", "2", "obl");
  std::string dot = row("5", ".", ".", "PUNCT", ".", "_", "2", "punct");
  std::string text() const {
    return "# text = Ships sail at dawn.\n" + ships + sail + at + dawn + dot + "\n";
  }
};

// "We can't stop now." with the multiword token can't = ca + n't.
const std::string kCant =
    "# text = We can't stop now.\n" +
    row("1", "We", "we", "PRON", "PRP", "Case=Nom|Number=Plur|Person=1", "4", "nsubj") +
    mwt("2-3", "can't") + row("2", "ca", "can", "AUX", "MD", "VerbForm=Fin", "4", "aux") +
    row("3", "n't", "not", "PART", "RB", "Polarity=Neg", "4", "advmod") +
    row("4", "stop", "stop", "VERB", "VB", "VerbForm=Inf", "0", "root") +
    row("5", "now", "now", "ADV", "RB", "_", "4", "advmod") +
    row("6", ".", ".", "PUNCT", ".", "_", "4", "punct") + "\n";

TEST(Eval, IdenticalFilesScoreAllHundred) {
  const std::string gold = Ships().text() + kCant;
  const EvalReport r = evaluate_ok(gold, gold);
  // 5 + 5 tokens (can't once), 5 + 6 words, 3 + 4 content words
  // (We, n't, stop, now).
  expect_counts(r, Metric::kTokens, 10, 10, 10, 0);
  expect_counts(r, Metric::kSentences, 2, 2, 2, 0);
  expect_counts(r, Metric::kWords, 11, 11, 11, 0);
  for (Metric m : {Metric::kUpos, Metric::kXpos, Metric::kUfeats, Metric::kAllTags, Metric::kLemmas,
                   Metric::kUas, Metric::kLas})
    expect_counts(r, m, 11, 11, 11, 11);
  for (Metric m : {Metric::kClas, Metric::kMlas, Metric::kBlex}) expect_counts(r, m, 7, 7, 7, 7);
  EXPECT_EQ(format_table(r),
            "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n"
            "-----------+-----------+-----------+-----------+-----------\n"
            "Tokens     |    100.00 |    100.00 |    100.00 |\n"
            "Sentences  |    100.00 |    100.00 |    100.00 |\n"
            "Words      |    100.00 |    100.00 |    100.00 |\n"
            "UPOS       |    100.00 |    100.00 |    100.00 |    100.00\n"
            "XPOS       |    100.00 |    100.00 |    100.00 |    100.00\n"
            "UFeats     |    100.00 |    100.00 |    100.00 |    100.00\n"
            "AllTags    |    100.00 |    100.00 |    100.00 |    100.00\n"
            "Lemmas     |    100.00 |    100.00 |    100.00 |    100.00\n"
            "UAS        |    100.00 |    100.00 |    100.00 |    100.00\n"
            "LAS        |    100.00 |    100.00 |    100.00 |    100.00\n"
            "CLAS       |    100.00 |    100.00 |    100.00 |    100.00\n"
            "MLAS       |    100.00 |    100.00 |    100.00 |    100.00\n"
            "BLEX       |    100.00 |    100.00 |    100.00 |    100.00\n");
}

TEST(Eval, TaggingErrorOnAContentWord) {
  Ships system;
  system.sail = row("2", "sail", "sail", "NOUN", "VBP",
                    "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", "0", "root");
  const EvalReport r = evaluate_ok(Ships().text(), system.text());
  // UPOS: 4 of 5 words. AllTags too. MLAS needs UPOS: sail fails, 2 of 3.
  EXPECT_EQ(table_line(r, Metric::kUpos),
            "UPOS       |     80.00 |     80.00 |     80.00 |     80.00");
  EXPECT_EQ(table_line(r, Metric::kXpos),
            "XPOS       |    100.00 |    100.00 |    100.00 |    100.00");
  EXPECT_EQ(table_line(r, Metric::kAllTags),
            "AllTags    |     80.00 |     80.00 |     80.00 |     80.00");
  EXPECT_EQ(table_line(r, Metric::kLas),
            "LAS        |    100.00 |    100.00 |    100.00 |    100.00");
  EXPECT_EQ(table_line(r, Metric::kClas),
            "CLAS       |    100.00 |    100.00 |    100.00 |    100.00");
  EXPECT_EQ(table_line(r, Metric::kMlas),
            "MLAS       |     66.67 |     66.67 |     66.67 |     66.67");
  EXPECT_EQ(table_line(r, Metric::kBlex),
            "BLEX       |    100.00 |    100.00 |    100.00 |    100.00");
}

TEST(Eval, TaggingErrorOnAFunctionWordCountsForItsHeadInMlas) {
  Ships system;
  system.at = row("3", "at", "at", "SCONJ", "IN", "_", "4", "case");
  const EvalReport r = evaluate_ok(Ships().text(), system.text());
  // "at" is no content word, so CLAS does not see it; MLAS checks the
  // function-word children of dawn, whose UPOS now differs: 2 of 3.
  expect_counts(r, Metric::kUpos, 4, 5, 5, 5);
  expect_counts(r, Metric::kClas, 3, 3, 3, 3);
  expect_counts(r, Metric::kMlas, 2, 3, 3, 3);
  expect_counts(r, Metric::kBlex, 3, 3, 3, 3);
}

TEST(Eval, HeadError) {
  Ships system;
  system.dawn = row("4", "dawn", "dawn", "NOUN", "NN", "Number=Sing", "1", "obl");  // head Ships
  const EvalReport r = evaluate_ok(Ships().text(), system.text());
  // One of 5 heads wrong: UAS = LAS = 80. dawn is a content word: CLAS,
  // MLAS and BLEX get 2 of 3. Tags untouched.
  EXPECT_EQ(table_line(r, Metric::kUas),
            "UAS        |     80.00 |     80.00 |     80.00 |     80.00");
  EXPECT_EQ(table_line(r, Metric::kLas),
            "LAS        |     80.00 |     80.00 |     80.00 |     80.00");
  EXPECT_EQ(table_line(r, Metric::kClas),
            "CLAS       |     66.67 |     66.67 |     66.67 |     66.67");
  EXPECT_EQ(table_line(r, Metric::kMlas),
            "MLAS       |     66.67 |     66.67 |     66.67 |     66.67");
  EXPECT_EQ(table_line(r, Metric::kBlex),
            "BLEX       |     66.67 |     66.67 |     66.67 |     66.67");
  expect_counts(r, Metric::kUpos, 5, 5, 5, 5);
}

TEST(Eval, HeadErrorOnPunctuationLeavesContentMetricsAlone) {
  Ships system;
  system.dot = row("5", ".", ".", "PUNCT", ".", "_", "4", "punct");
  const EvalReport r = evaluate_ok(Ships().text(), system.text());
  expect_counts(r, Metric::kUas, 4, 5, 5, 5);
  expect_counts(r, Metric::kClas, 3, 3, 3, 3);
  expect_counts(r, Metric::kMlas, 3, 3, 3, 3);
}

TEST(Eval, RelationSubtypesAreIgnored) {
  Ships gold, system;
  gold.dawn = row("4", "dawn", "dawn", "NOUN", "NN", "Number=Sing", "2", "obl:tmod");
  system.ships = row("1", "Ships", "ship", "NOUN", "NNS", "Number=Plur", "2", "nsubj:pass");
  system.dawn = row("4", "dawn", "dawn", "NOUN", "NN", "Number=Sing", "2", "obl");
  const EvalReport r = evaluate_ok(gold.text(), system.text());
  // nsubj:pass = nsubj and obl:tmod = obl once subtypes are cut: all right.
  for (Metric m : {Metric::kLas, Metric::kClas, Metric::kMlas, Metric::kBlex})
    EXPECT_EQ(r[m].correct, r[m].gold) << metric_name(m);
}

TEST(Eval, RelationErrorThatTurnsAFunctionWordIntoAContentWord) {
  Ships system;
  system.at = row("3", "at", "at", "ADP", "IN", "_", "4", "advmod");
  const EvalReport r = evaluate_ok(Ships().text(), system.text());
  // LAS: 4 of 5. CLAS counts system content words by the system's relation:
  // 4 (advmod is content), gold 3, aligned gold content words 3, correct 3:
  // P = 3/4 = 75.00, R = 100.00, F1 = 6/7 = 85.71, Acc = 100.00.
  // MLAS: dawn lost its function-word child "at": correct 2:
  // P = 2/4 = 50.00, R = 2/3 = 66.67, F1 = 4/7 = 57.14, Acc = 2/3 = 66.67.
  expect_counts(r, Metric::kLas, 4, 5, 5, 5);
  EXPECT_EQ(table_line(r, Metric::kClas),
            "CLAS       |     75.00 |    100.00 |     85.71 |    100.00");
  EXPECT_EQ(table_line(r, Metric::kMlas),
            "MLAS       |     50.00 |     66.67 |     57.14 |     66.67");
}

TEST(Eval, UniversalFeaturesOnlyInAnyOrder) {
  Ships gold, system;
  gold.ships =
      row("1", "Ships", "ship", "NOUN", "NNS", "Number=Plur|Number[psor]=Sing", "2", "nsubj");
  system.sail = row("2", "sail", "sail", "VERB", "VBP",
                    "VerbForm=Fin|Typo=Yes|Tense=Pres|Person=3|Number=Plur|Mood=Ind", "0", "root");
  system.dawn = row("4", "dawn", "dawn", "NOUN", "NN", "Number=Plur", "2", "obl");
  const EvalReport r = evaluate_ok(gold.text(), system.text());
  // Number[psor] and Typo are not universal features (the shared task's
  // list); order does not matter. Only dawn's Number differs: 4 of 5.
  expect_counts(r, Metric::kUfeats, 4, 5, 5, 5);
  expect_counts(r, Metric::kAllTags, 4, 5, 5, 5);
  expect_counts(r, Metric::kMlas, 2, 3, 3, 3);
}

TEST(Eval, GoldLemmaUnderscoreAcceptsAnyLemma) {
  Ships gold, system;
  gold.sail = row("2", "sail", "_", "VERB", "VBP",
                  "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", "0", "root");
  system.sail = row("2", "sail", "sailed", "VERB", "VBP",
                    "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", "0", "root");
  system.ships = row("1", "Ships", "_", "NOUN", "NNS", "Number=Plur", "2", "nsubj");
  const EvalReport r = evaluate_ok(gold.text(), system.text());
  // sail: gold "_" accepts "sailed". Ships: the system's "_" is no "ship".
  expect_counts(r, Metric::kLemmas, 4, 5, 5, 5);
  expect_counts(r, Metric::kBlex, 2, 3, 3, 3);
}

TEST(Eval, SystemWithoutHeadsScoresZeroAttachment) {
  std::string system = "# text = Ships sail at dawn.\n";
  const char* forms[] = {"Ships", "sail", "at", "dawn", "."};
  const char* upos[] = {"NOUN", "VERB", "ADP", "NOUN", "PUNCT"};
  for (int i = 0; i < 5; ++i)
    system += row(std::to_string(i + 1), forms[i], "_", upos[i], "_", "_", "_", "_");
  const EvalReport r = evaluate_ok(Ships().text(), system + "\n");
  expect_counts(r, Metric::kUpos, 5, 5, 5, 5);
  expect_counts(r, Metric::kUas, 0, 5, 5, 5);
  expect_counts(r, Metric::kClas, 0, 3, 0, 3);  // no system relation is a content one
}

// --- Raw text: the system tokenized and split sentences itself. ---

TEST(Eval, SplitTokenHeadsComparedThroughTheAlignment) {
  const std::string gold = "# text = Dr. Smith left.\n" +
                           row("1", "Dr.", "Dr.", "PROPN", "NNP", "_", "2", "compound") +
                           row("2", "Smith", "Smith", "PROPN", "NNP", "_", "3", "nsubj") +
                           row("3", "left", "leave", "VERB", "VBD", "_", "0", "root") +
                           row("4", ".", ".", "PUNCT", ".", "_", "3", "punct") + "\n";
  // The system splits "Dr." into "Dr" + "."; its word numbers shift by one.
  const std::string system = "# text = Dr. Smith left.\n" +
                             row("1", "Dr", "Dr", "PROPN", "NNP", "_", "3", "compound") +
                             row("2", ".", ".", "PUNCT", ".", "_", "1", "punct") +
                             row("3", "Smith", "Smith", "PROPN", "NNP", "_", "4", "nsubj") +
                             row("4", "left", "leave", "VERB", "VBD", "_", "0", "root") +
                             row("5", ".", ".", "PUNCT", ".", "_", "4", "punct") + "\n";
  const EvalReport r = evaluate_ok(gold, system);
  // Characters "Dr.Smithleft.": gold tokens [0,3) [3,8) [8,12) [12,13),
  // system [0,2) [2,3) [3,8) [8,12) [12,13): 3 match of gold 4, system 5:
  // P = 60.00, R = 75.00, F1 = 6/9 = 66.67.
  EXPECT_EQ(table_line(r, Metric::kTokens), "Tokens     |     60.00 |     75.00 |     66.67 |");
  EXPECT_EQ(table_line(r, Metric::kWords), "Words      |     60.00 |     75.00 |     66.67 |");
  // Smith's system head is word 4 = gold word 3 through the alignment; the
  // final "." likewise; left is the root in both: all 3 aligned heads right.
  EXPECT_EQ(table_line(r, Metric::kUas),
            "UAS        |     60.00 |     75.00 |     66.67 |    100.00");
  EXPECT_EQ(table_line(r, Metric::kLas),
            "LAS        |     60.00 |     75.00 |     66.67 |    100.00");
  // Content words: gold Dr., Smith, left; system Dr, Smith, left; aligned
  // gold content words Smith and left, both right: P = R = F1 = 66.67.
  EXPECT_EQ(table_line(r, Metric::kClas),
            "CLAS       |     66.67 |     66.67 |     66.67 |    100.00");
  EXPECT_EQ(table_line(r, Metric::kSentences), "Sentences  |    100.00 |    100.00 |    100.00 |");
}

const std::string kCantGo = row("1", "You", "you", "PRON", "PRP", "_", "4", "nsubj") +
                            row("2", "ca", "can", "AUX", "MD", "_", "4", "aux") +
                            row("3", "n't", "not", "PART", "RB", "_", "4", "advmod") +
                            row("4", "go", "go", "VERB", "VB", "_", "0", "root") +
                            row("5", ".", ".", "PUNCT", ".", "_", "4", "punct");

TEST(Eval, MultiwordTokenAgainstSeparateWords) {
  // Gold: can't is one token of two words; the system has "ca" and "n't" as
  // two tokens. Characters "Youcan'tgo.".
  std::string gold = "# text = You can't go.\n" + kCantGo + "\n";
  gold.insert(gold.find("2\tca"), mwt("2-3", "can't"));
  const std::string system = "# text = You ca n't go.\n" + kCantGo + "\n";
  const EvalReport r = evaluate_ok(gold, system);
  // Tokens: gold You can't go . (4), system You ca n't go . (5), 3 match:
  // P = 60.00, R = 75.00, F1 = 66.67. Words: the multiword span "can't"
  // aligns ca and n't by form: all 5 words align, 100.
  EXPECT_EQ(table_line(r, Metric::kTokens), "Tokens     |     60.00 |     75.00 |     66.67 |");
  expect_counts(r, Metric::kWords, 5, 5, 5, 0);
  expect_counts(r, Metric::kLas, 5, 5, 5, 5);
  // The other way round the token counts swap.
  const EvalReport back = evaluate_ok(system, gold);
  EXPECT_EQ(table_line(back, Metric::kTokens), "Tokens     |     75.00 |     60.00 |     66.67 |");
  expect_counts(back, Metric::kWords, 5, 5, 5, 0);
}

TEST(Eval, MultiwordTokenWordsAlignByFormIgnoringCase) {
  const std::string gold =
      "# text = We gonna win.\n" + row("1", "We", "we", "PRON", "PRP", "_", "2", "nsubj") +
      mwt("2-3", "gonna") + row("2", "gon", "go", "VERB", "VBG", "_", "0", "root") +
      row("3", "na", "to", "PART", "TO", "_", "4", "mark") +
      row("4", "win", "win", "VERB", "VB", "_", "2", "xcomp") +
      row("5", ".", ".", "PUNCT", ".", "_", "2", "punct") + "\n";
  const std::string system =
      "# text = We gonna win.\n" + row("1", "We", "we", "PRON", "PRP", "_", "2", "nsubj") +
      mwt("2-3", "gonna") + row("2", "GON", "go", "VERB", "VBG", "_", "0", "root") +
      row("3", "to", "to", "PART", "TO", "_", "4", "mark") +
      row("4", "win", "win", "VERB", "VB", "_", "2", "xcomp") +
      row("5", ".", ".", "PUNCT", ".", "_", "2", "punct") + "\n";
  const EvalReport r = evaluate_ok(gold, system);
  // Same 4 tokens. In "gonna", gon/GON align (case ignored), na/to do not:
  // 4 of 5 words, P = R = F1 = 80.
  expect_counts(r, Metric::kTokens, 4, 4, 4, 0);
  EXPECT_EQ(table_line(r, Metric::kWords), "Words      |     80.00 |     80.00 |     80.00 |");
  expect_counts(r, Metric::kUpos, 4, 5, 5, 4);
  // win's function-word child "na" is not aligned, so win fails MLAS even
  // though "to" has the same relation, UPOS and features: 2 of 3
  // (We, gon, win) right.
  expect_counts(r, Metric::kMlas, 2, 3, 3, 3);
}

TEST(Eval, AmongEqualAlignmentsTheSharedTasksChoiceIsMade) {
  // Gold wanna = wan + na; the system has the words the other way round.
  // Either pair is a longest common subsequence; the shared task skips the
  // gold word first and so pairs na with na (the system's word 2 with gold
  // word 3). The system tags that "na" X: UPOS 3 of 4 aligned words.
  const std::string gold =
      "# text = I wanna sleep.\n" + row("1", "I", "I", "PRON", "PRP", "_", "2", "nsubj") +
      mwt("2-3", "wanna") + row("2", "wan", "want", "VERB", "VBP", "_", "0", "root") +
      row("3", "na", "to", "PART", "TO", "_", "4", "mark") +
      row("4", "sleep", "sleep", "VERB", "VB", "_", "2", "xcomp") +
      row("5", ".", ".", "PUNCT", ".", "_", "2", "punct") + "\n";
  const std::string system =
      "# text = I wanna sleep.\n" + row("1", "I", "I", "PRON", "PRP", "_", "3", "nsubj") +
      mwt("2-3", "wanna") + row("2", "na", "to", "X", "TO", "_", "4", "mark") +
      row("3", "wan", "want", "VERB", "VBP", "_", "0", "root") +
      row("4", "sleep", "sleep", "VERB", "VB", "_", "3", "xcomp") +
      row("5", ".", ".", "PUNCT", ".", "_", "3", "punct") + "\n";
  const EvalReport r = evaluate_ok(gold, system);
  expect_counts(r, Metric::kWords, 4, 5, 5, 0);
  // P = 3/5 = 60.00, R = 3/5 = 60.00, Acc = 3/4 = 75.00.
  EXPECT_EQ(table_line(r, Metric::kUpos),
            "UPOS       |     60.00 |     60.00 |     60.00 |     75.00");
}

// "Stop. Go." in two sentences.
const std::string kStopGo =
    "# text = Stop.\n" + row("1", "Stop", "stop", "VERB", "VB", "_", "0", "root") +
    row("2", ".", ".", "PUNCT", ".", "_", "1", "punct") + "\n" + "# text = Go.\n" +
    row("1", "Go", "go", "VERB", "VB", "_", "0", "root") +
    row("2", ".", ".", "PUNCT", ".", "_", "1", "punct") + "\n";

TEST(Eval, SentencesMergedIntoOne) {
  const std::string system = "# text = Stop. Go.\n" +
                             row("1", "Stop", "stop", "VERB", "VB", "_", "0", "root") +
                             row("2", ".", ".", "PUNCT", ".", "_", "1", "punct") +
                             row("3", "Go", "go", "VERB", "VB", "_", "1", "parataxis") +
                             row("4", ".", ".", "PUNCT", ".", "_", "3", "punct") + "\n";
  const EvalReport r = evaluate_ok(kStopGo, system);
  // Sentence spans: gold [0,5) [5,8), system [0,8): none match.
  EXPECT_EQ(table_line(r, Metric::kSentences), "Sentences  |      0.00 |      0.00 |      0.00 |");
  expect_counts(r, Metric::kTokens, 4, 4, 4, 0);
  expect_counts(r, Metric::kUas, 3, 4, 4, 4);  // Go is no root any more
}

TEST(Eval, SentenceSplitTooOften) {
  const std::string system =
      "# text = Stop.\n" + row("1", "Stop", "stop", "VERB", "VB", "_", "0", "root") +
      row("2", ".", ".", "PUNCT", ".", "_", "1", "punct") + "\n" + "# text = Go\n" +
      row("1", "Go", "go", "VERB", "VB", "_", "0", "root") + "\n# text = .\n" +
      row("1", ".", ".", "PUNCT", ".", "_", "0", "root") + "\n";
  const EvalReport r = evaluate_ok(kStopGo, system);
  // System spans [0,5) [5,7) [7,8); gold [0,5) [5,8): one match.
  // P = 1/3 = 33.33, R = 1/2 = 50.00, F1 = 2/5 = 40.00.
  EXPECT_EQ(table_line(r, Metric::kSentences), "Sentences  |     33.33 |     50.00 |     40.00 |");
  expect_counts(r, Metric::kUas, 3, 4, 4, 4);  // the last "." became a root
}

TEST(Eval, MergedAndSplitTokensWithSpacesInAForm) {
  const std::string gold = "# text = New York is big.\n" +
                           row("1", "New", "New", "PROPN", "NNP", "_", "2", "compound") +
                           row("2", "York", "York", "PROPN", "NNP", "_", "4", "nsubj") +
                           row("3", "is", "be", "AUX", "VBZ", "_", "4", "cop") +
                           row("4", "big", "big", "ADJ", "JJ", "_", "0", "root") +
                           row("5", ".", ".", "PUNCT", ".", "_", "4", "punct") + "\n";
  // One token "New York" (with a no-break space, category Zs, dropped
  // before comparing), and "big" split into "bi" + "g".
  const std::string system =
      "# text = New York is big.\n" +
      row("1", "New\xC2\xA0York", "New York", "PROPN", "NNP", "_", "3", "nsubj") +
      row("2", "is", "be", "AUX", "VBZ", "_", "3", "cop") +
      row("3", "bi", "big", "ADJ", "JJ", "_", "0", "root") +
      row("4", "g", "g", "X", "GW", "_", "3", "goeswith") +
      row("5", ".", ".", "PUNCT", ".", "_", "3", "punct") + "\n";
  const EvalReport r = evaluate_ok(gold, system);
  // Characters "NewYorkisbig.". Gold [0,3) [3,7) [7,9) [9,12) [12,13);
  // system [0,7) [7,9) [9,11) [11,12) [12,13): "is" and "." match, 2 of 5.
  EXPECT_EQ(table_line(r, Metric::kTokens), "Tokens     |     40.00 |     40.00 |     40.00 |");
  EXPECT_EQ(table_line(r, Metric::kWords), "Words      |     40.00 |     40.00 |     40.00 |");
  EXPECT_EQ(table_line(r, Metric::kUpos),
            "UPOS       |     40.00 |     40.00 |     40.00 |    100.00");
  // Both aligned words hang from "big", whose system counterpart "bi" is
  // not aligned: no head right.
  EXPECT_EQ(table_line(r, Metric::kUas),
            "UAS        |      0.00 |      0.00 |      0.00 |      0.00");
  // No aligned word is a gold content word: nothing aligned, accuracy 0.00
  // as the shared task prints it, and no aligned count in the counts table.
  expect_counts(r, Metric::kClas, 0, 3, 3, 0);
  EXPECT_EQ(table_line(r, Metric::kClas),
            "CLAS       |      0.00 |      0.00 |      0.00 |      0.00");
  EXPECT_NE(format_counts(r).find("CLAS       |         0 |         3 |         3 |          \n"),
            std::string::npos)
      << format_counts(r);
}

TEST(Eval, CountsTableLayout) {
  Ships system;
  system.sail = row("2", "sail", "sail", "NOUN", "VBP",
                    "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", "0", "root");
  const EvalReport r = evaluate_ok(Ships().text(), system.text());
  const std::string counts = format_counts(r);
  EXPECT_EQ(counts.substr(0, counts.find("UPOS")),
            "Metric     | Correct   |      Gold | Predicted | Aligned\n"
            "-----------+-----------+-----------+-----------+-----------\n"
            "Tokens     |         5 |         5 |         5 |          \n"
            "Sentences  |         1 |         1 |         1 |          \n"
            "Words      |         5 |         5 |         5 |         5\n");
  EXPECT_NE(counts.find("UPOS       |         4 |         5 |         5 |         5\n"),
            std::string::npos);
}

TEST(Eval, JsonHoldsCountsAndPercentages) {
  Ships system;
  system.sail = row("2", "sail", "sail", "NOUN", "VBP",
                    "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", "0", "root");
  const std::string json = format_json(evaluate_ok(Ships().text(), system.text()));
  EXPECT_NE(json.find("\"UPOS\": {\n    \"precision\": 80.0,\n    \"recall\": 80.0,\n"
                      "    \"f1\": 80.0,\n    \"aligned_accuracy\": 80.0,\n    \"correct\": 4,\n"
                      "    \"gold\": 5,\n    \"system\": 5,\n    \"aligned\": 5\n  }"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"aligned_accuracy\": null"), std::string::npos);
  EXPECT_EQ(json.back(), '\n');
}

TEST(Eval, EmptyFilesScoreZero) {
  Result<EvalReport> r = evaluate({}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(table_line(*r, Metric::kLas),
            "LAS        |      0.00 |      0.00 |      0.00 |      0.00");
}

// --- Errors ---

TEST(Eval, DifferentTextsAreAnError) {
  Ships system;
  system.dawn = row("4", "down", "down", "NOUN", "NN", "Number=Sing", "2", "obl");
  Result<EvalReport> r = evaluate(parse(Ships().text(), "gold"), parse(system.text(), "system"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(r.status().where().file, "system");
  EXPECT_EQ(r.status().message(),
            "sentence 1, token 4: the text of the tokens differs from the gold text (gold "
            "sentence 1, token 4): the system has 'own.' where the gold has 'awn.'");
}

TEST(Eval, ShorterSystemTextIsAnError) {
  Result<EvalReport> r =
      evaluate(parse(Ships().text() + kCant, "gold"), parse(Ships().text(), "system"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(
      r.status().message().find("the system has end of file where the gold has 'Wecan'tstopnow.'"),
      std::string::npos)
      << r.status().message();
}

TEST(Eval, CycleIsAnError) {
  Ships system;
  system.ships = row("1", "Ships", "ship", "NOUN", "NNS", "Number=Plur", "2", "nsubj");
  system.sail = row("2", "sail", "sail", "VERB", "VBP", "_", "4", "root");  // 2 -> 4 -> 2
  Result<EvalReport> r = evaluate(parse(Ships().text(), "gold"), parse(system.text(), "system"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidInput);
  EXPECT_NE(r.status().message().find("cycle (words 2 -> 4 -> 2)"), std::string::npos)
      << r.status().message();
}

TEST(Eval, TwoRootsAreAnError) {
  Ships system;
  system.dawn = row("4", "dawn", "dawn", "NOUN", "NN", "Number=Sing", "0", "root");
  Result<EvalReport> r = evaluate(parse(Ships().text(), "gold"), parse(system.text(), "system"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "sentence 1, word 4: the sentence has 2 roots (words 2, 4); it needs one");
}

TEST(Eval, FormOfSpacesOnlyIsAnError) {
  Ships gold;
  gold.dot = row("5", "\xE3\x80\x80", ".", "PUNCT", ".", "_", "2", "punct");  // U+3000
  Result<EvalReport> r = evaluate(parse(gold.text(), "gold"), parse(gold.text(), "system"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().where().file, "gold");
  EXPECT_NE(r.status().message().find("token 5: empty FORM"), std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace textgraph
