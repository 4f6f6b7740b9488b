// `textgraph eval GOLD SYSTEM`: the CoNLL 2018 shared task metrics.
#include <iostream>

#include "cli.h"
#include "commands.h"
#include "textgraph/eval.h"

namespace textgraph::cli {
namespace {

int run_eval(Args& args) {
  const std::string format = args.option("--format").value_or("table");
  if (format != "table" && format != "json" && format != "counts")
    throw UsageError("--format must be table, json or counts, not '" + format + "'");
  const std::vector<std::string> files = args.positionals();
  if (files.size() != 2) throw UsageError("expected GOLD.conllu and SYSTEM.conllu");
  const Result<EvalReport> scores = evaluate_files(files[0], files[1]);
  if (!scores.ok()) return report(scores.status());
  if (format == "json")
    std::cout << format_json(*scores);
  else if (format == "counts")
    std::cout << format_counts(*scores);
  else
    std::cout << format_table(*scores);
  return kOk;
}

}  // namespace

const Command kEval{
    "eval",
    "score a CoNLL-U analysis against a gold file (CoNLL 2018 shared task metrics)",
    "usage: textgraph eval GOLD.conllu SYSTEM.conllu [--format table|json|counts]\n"
    "\n"
    "Scores SYSTEM against GOLD as the CoNLL 2018 shared task does (its evaluation\n"
    "script with -v): Tokens, Sentences, Words, UPOS, XPOS, UFeats, AllTags,\n"
    "Lemmas, UAS, LAS, CLAS, MLAS, BLEX, each as precision, recall, F1 and accuracy\n"
    "on aligned words. The two files may tokenize and split sentences differently\n"
    "(raw-text runs): tokens and sentences are matched by their characters, words\n"
    "inside multiword tokens by their forms. The text of the tokens, without\n"
    "spaces, must be the same in both files. Either file may be '-' (standard input).\n"
    "\n"
    "options:\n"
    "  --format table   the shared task's table (default); `grep '^LAS '` picks a line\n"
    "  --format counts  the counts behind it: correct, gold, predicted, aligned\n"
    "  --format json    one JSON object keyed by metric, percentages and counts\n"
    "\n"
    "exit status: 0 ok; 1 a file is unreadable or malformed, or the texts differ\n"
    "(the message names FILE:LINE); 2 usage error\n",
    run_eval,
};

}  // namespace textgraph::cli
