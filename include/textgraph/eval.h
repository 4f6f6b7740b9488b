// textgraph/eval.h — scoring an analysis against a gold CoNLL-U file with the
// metrics and the alignment of the CoNLL 2018 shared task (UD parsing).
//
// Usage:
//   textgraph::Result<textgraph::EvalReport> r =
//       textgraph::evaluate_files("gold.conllu", "system.conllu");
//   if (!r.ok()) { report(r.status()); return 1; }    // "system.conllu:57: ..."
//   std::cout << textgraph::format_table(*r);         // the shared task's -v table
//   double las = (*r)[textgraph::Metric::kLas].f1();  // a fraction in [0, 1]
//
//   // Sentences already in memory (messages then name "gold"/"system" and
//   // the sentence, not a line):
//   textgraph::Result<textgraph::EvalReport> r2 = textgraph::evaluate(gold, system);
//
// What is scored (the definitions of the official conll18_ud_eval.py, v1.2):
// - Both files' token texts, concatenated without whitespace (Unicode Zs
//   characters are dropped from forms), must be the same character string.
//   Tokens (a multiword token counts once) and sentences are then character
//   spans of that string, scored by exact span match.
// - Words are aligned: words outside multiword tokens by equal spans; the
//   words of each "multiword span" (the smallest stretch of text that holds
//   whole gold and system multiword tokens) by a longest common subsequence
//   of their lowercased forms. Words = aligned words / gold, / system words.
// - On aligned words: UPOS, XPOS, UFeats (universal features only, sorted),
//   AllTags (UPOS+XPOS+UFeats), Lemmas (a gold lemma "_" accepts any lemma),
//   UAS (the system head aligns to the gold head, or both are the root), LAS
//   (UAS + relation without subtype: "nsubj:pass" counts as "nsubj").
// - CLAS, MLAS, BLEX: like LAS but only over words whose relation is a
//   content relation (nsubj, obj, ..., root, dep); MLAS also needs UPOS,
//   UFeats and the function-word children (aux, cop, mark, det, clf, case,
//   cc) with their relation, UPOS and UFeats; BLEX also needs the lemma.
// Precision = correct / system total, recall = correct / gold total,
// F1 = 2 * correct / (gold + system), aligned accuracy = correct / aligned
// words (Tokens, Sentences and Words have none).
//
// Beyond the official script: a HEAD of "_" (a file without a parse) is
// accepted; such a word has no head, and its UAS/LAS/CLAS/MLAS/BLEX never
// count as correct (the official script refuses the file). Extra blank lines
// and a missing final blank line are accepted, as by read_conllu.
//
// Failure (ErrorCode::kInvalidInput, naming the file and line): a malformed
// CoNLL-U file (as read_conllu reports it); the two texts differ (the
// message shows where, in both files); an empty FORM; a sentence whose heads
// form a cycle or that has no or several roots; a multiword span too long to
// align (more than 16M word pairs; no real file comes near). ErrorCode::kIo
// when a file cannot be read.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "textgraph/document.h"
#include "textgraph/status.h"

namespace textgraph {

// The metrics in the order the shared task prints them.
enum class Metric {
  kTokens,
  kSentences,
  kWords,
  kUpos,
  kXpos,
  kUfeats,
  kAllTags,
  kLemmas,
  kUas,
  kLas,
  kClas,
  kMlas,
  kBlex,
};
inline constexpr std::size_t kMetricCount = 13;

// The name the table prints ("UPOS", "UFeats", "AllTags", ...).
std::string_view metric_name(Metric metric);

// The counts behind one metric; the ratios are computed from them exactly as
// the shared task does (in double precision, 0 when the denominator is 0).
struct Score {
  std::size_t correct = 0;   // gold units the system got right
  std::size_t gold = 0;      // gold units (tokens, sentences, words, or content words)
  std::size_t system = 0;    // system units of the same kind
  std::size_t aligned = 0;   // aligned word pairs considered (0 when has_aligned is false)
  bool has_aligned = false;  // false for Tokens, Sentences, Words: no aligned accuracy

  double precision() const { return system ? double(correct) / double(system) : 0.0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double f1() const { return gold + system ? double(2 * correct) / double(gold + system) : 0.0; }
  double aligned_accuracy() const { return aligned ? double(correct) / double(aligned) : 0.0; }
};

struct EvalReport {
  std::array<Score, kMetricCount> scores;  // indexed by Metric

  const Score& operator[](Metric m) const { return scores[static_cast<std::size_t>(m)]; }
  Score& operator[](Metric m) { return scores[static_cast<std::size_t>(m)]; }
};

// Scores `system` against `gold`. Messages name "gold" or "system", the
// 1-based sentence and its sent_id.
[[nodiscard]] Result<EvalReport> evaluate(const std::vector<Sentence>& gold,
                                          const std::vector<Sentence>& system);

// Reads both files (either may be "-" for standard input, not both) and
// scores them; messages name the file and line.
[[nodiscard]] Result<EvalReport> evaluate_files(const std::string& gold_path,
                                                const std::string& system_path);

// The shared task's verbose table (conll18_ud_eval.py -v), byte for byte:
//   Metric     | Precision |    Recall |  F1 Score | AligndAcc
//   -----------+-----------+-----------+-----------+-----------
//   Tokens     |    100.00 |    100.00 |    100.00 |
//   UPOS       |     95.12 |     95.12 |     95.12 |     95.12
//   ...
// Every line ends with "\n".
std::string format_table(const EvalReport& report);
// The shared task's counts table (conll18_ud_eval.py -c): correct, gold,
// predicted and aligned counts per metric.
std::string format_counts(const EvalReport& report);
// One JSON object keyed by metric name; each value holds the counts and the
// four ratios as percentages: {"Tokens": {"precision": 100, "recall": 100,
// "f1": 100, "aligned_accuracy": null, "correct": 9, "gold": 9,
// "system": 9, "aligned": null}, ...}. Ends with "\n".
std::string format_json(const EvalReport& report);

}  // namespace textgraph
