// `textgraph ner FILE`: named entities as IOB2 (the Universal NER layout).
#include <iostream>
#include <optional>

#include "cli.h"
#include "commands.h"
#include "textgraph/ner.h"

namespace textgraph::cli {
namespace {

int run_ner(Args& args) {
  const std::string input = args.option("--input").value_or("conllu");
  NerFileOptions options;
  if (input == "conllu")
    options.input = NerInput::kConllu;
  else if (input == "text")
    options.input = NerInput::kText;
  else if (input == "iob2")
    options.input = NerInput::kIob2;
  else
    throw UsageError("--input must be conllu, text or iob2, not '" + input + "'");
  const std::string output = args.option("--output", "-o").value_or("-");
  const std::optional<std::string> model_path = args.option("--model");
  options.threads = static_cast<std::size_t>(args.integer("--threads", 1, 256, "-j").value_or(1));
  const bool score = args.flag("--score");
  const std::vector<std::string> files = args.positionals();
  if (files.size() != 1) throw UsageError("expected one input FILE ('-' = standard input)");
  if (score && options.input != NerInput::kIob2)
    throw UsageError("--score needs --input iob2 (the file's tags are the gold standard)");

  Result<NerTagger> tagger = model_path ? NerTagger::load(*model_path) : NerTagger::load_default();
  if (!tagger.ok()) return report(tagger.status());
  Result<NerFileResult> r = tag_file(*tagger, files[0], output, options);
  if (!r.ok()) return report(r.status());
  if (r->repaired > 0)
    warn(files[0] + ": " + std::to_string(r->repaired) +
         " invalid UTF-8 sequences replaced by U+FFFD");
  if (score) std::cerr << format_scores(r->scores);
  return kOk;
}

}  // namespace

const Command kNer{
    "ner",
    "tag named entities (PER, ORG, LOC) and write IOB2",
    "usage: textgraph ner FILE [--input conllu|text|iob2] [-o OUT] [--model MODEL]\n"
    "                          [-j N] [--score]\n"
    "\n"
    "Tags the named entities of FILE ('-' = standard input) and writes them in the\n"
    "IOB2 layout of Universal NER: per sentence \"# sent_id = ...\" and \"# text =\n"
    "...\" (after \"# newdoc id = ...\" where the input starts a document), then one\n"
    "line per word: ID, FORM, TAG (O, B-PER, I-PER, B-ORG, ...), '-', '-'.\n"
    "Words are UD syntactic words (\"do n't\"). Sentences without a sent_id are\n"
    "numbered from 1.\n"
    "\n"
    "options:\n"
    "  --input conllu  FILE is CoNLL-U (default), e.g. the output of `textgraph\n"
    "                  parse`; its words are tagged, its other columns ignored\n"
    "  --input text    FILE is raw UTF-8 text, tokenized first\n"
    "  --input iob2    FILE is IOB2; its tags are replaced\n"
    "  -o, --output OUT  write to OUT atomically (default '-': standard output)\n"
    "  --model MODEL   the NER model (default: ner.tgm in $TEXTGRAPH_MODELS, else\n"
    "                  in the models directory of the build)\n"
    "  -j, --threads N tag on N threads (the output is the same for any N)\n"
    "  --score         with --input iob2: print precision, recall and F1 per entity\n"
    "                  type against FILE's own tags to standard error (exact span\n"
    "                  and type, as conlleval counts them)\n"
    "\n"
    "exit status: 0 ok; 1 unreadable or malformed input or model (the message names\n"
    "FILE:LINE); 2 usage error\n",
    run_ner,
};

}  // namespace textgraph::cli
