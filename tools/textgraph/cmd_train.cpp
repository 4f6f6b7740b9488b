// `textgraph train KIND ...`: trains a model of one kind. Each kind parses
// its own options in its own file (train_<kind>.cpp) and calls the trainer
// in lib/train/.
#include <iostream>

#include "commands.h"

namespace textgraph::cli {

namespace {

struct TrainKind {
  const char* name;
  int (*run)(Args& args);
};

const TrainKind kKinds[] = {
    {"tagger", run_train_tagger},
    {"ner", run_train_ner},
};

int run_train(Args& args) {
  const std::optional<std::string> kind = args.subcommand();
  if (!kind) throw UsageError("which model? e.g. 'textgraph train tagger --help'");
  for (const TrainKind& k : kKinds)
    if (*kind == k.name) {
      return k.run(args);
    }
  throw UsageError("unknown model kind '" + *kind + "'");
}

}  // namespace

const Command kTrain{"train", "train a model (tagger, ner) from annotated corpora",
                     "usage: textgraph train KIND [OPTIONS]\n"
                     "\n"
                     "Trains a model with the project's own code, deterministically for a\n"
                     "given --seed. Kinds:\n"
                     "\n"
                     "textgraph train tagger --train F[,F...] [--dev F] -o MODEL [OPTIONS]\n"
                     "  POS tagger (UPOS+XPOS), FEATS and lemmatizer in one model. Sentences\n"
                     "  without XPOS are skipped; words without lemmas or FEATS teach only the\n"
                     "  tags. --dev picks the best epoch and prints per-word scores (gold\n"
                     "  tokens). The model records the files, license, command and scores.\n"
                     "  Ship only models trained on CC BY-SA data (UD English EWT, Atis,\n"
                     "  ESLSpok); GUM, LinES and ParTUT are non-commercial.\n"
                     "  --epochs N (15)  --patience N (4)  --seed N (1)\n"
                     "  --passes 1|2 (2: a second pass also sees the first pass's tags to the\n"
                     "      right)  --folds N (4: jack-knife folds feeding the second pass)\n"
                     "  --min-count N (3: rarer words are treated as unknown words)\n"
                     "  --license TEXT (default: derived from the UD treebank file names)\n"
                     "  --quiet (no progress lines on stderr)\n"
                     "\n"
                     "textgraph train ner --train F[,F...] [--dev F] -o MODEL [OPTIONS]\n"
                     "  Named-entity tagger from IOB2 files in the Universal NER layout (ID,\n"
                     "  FORM, TAG, ...). --dev picks the best epoch and prints entity\n"
                     "  precision, recall and F1 per type (exact span and type). The model\n"
                     "  records the files, license, command and scores.\n"
                     "  --epochs N (20)  --patience N (4)  --seed N (1)\n"
                     "  --min-count N (2: rarer words are treated as unknown words)\n"
                     "  --actors FILE|none (actor dictionary whose names become gazetteer\n"
                     "      entries; default: the shipped actors.tsv)\n"
                     "  --license TEXT (default: derived from the file names)\n"
                     "  --quiet (no progress lines on stderr)\n",
                     run_train};

}  // namespace textgraph::cli
