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
    {"parser", run_train_parser},
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

const Command kTrain{
    "train", "train a model (tagger, parser, ner) from annotated corpora",
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
    "textgraph train parser --train F[,F...] [--dev F] -o MODEL [OPTIONS]\n"
    "  Dependency parser (arc-hybrid, BiLSTM encoder, dynamic oracle). The\n"
    "  tags in the files are the parser's input: give training files whose\n"
    "  UPOS/XPOS were predicted by jack-knifing. --dev picks the best epoch.\n"
    "  --input-tags F[,F...]  files parallel to --train whose UPOS/XPOS the\n"
    "      parser reads instead (e.g. jack-knifed tags); --train's own tags\n"
    "      stay the targets of --aux-tagging\n"
    "  --jackknife K  retag the training data itself: K contiguous folds, each\n"
    "      tagged by a tagger trained on the other folds with the options\n"
    "      recorded in --tagger's model (and --dev for its epoch selection)\n"
    "  --tagger MODEL  the tagger whose tags the parser will read: it retags\n"
    "      --dev; with --jackknife, the fold taggers are trained as it was\n"
    "  --tagger-train F[,F...]  more tagger training data added to every fold\n"
    "      (e.g. the other files MODEL was trained on)\n"
    "  --save-input-tags F  write the training data with the parser's input\n"
    "      tags (for --input-tags in later runs)\n"
    "  --epochs N (15)  --seed N (1)  --batch N (32)  --lr X (0.002)\n"
    "  --average X (0.999: decay of the saved running weight average; 0 = off)\n"
    "  --decay X (0.75) --decay-from N (8)  --min-count N (2)\n"
    "  --lstm-layers N (1)  --lstm-dim N (64)  --hidden N (200)\n"
    "  --word-dim N (64)  --suffix-dim N (24)  --prefix-dim N (16)\n"
    "  --shape-dim N (16)  --upos-dim N (24)  --xpos-dim N (24)\n"
    "  --slots s0,s1,s2,b0  --label-slots s0l1,s0l2,s0r1,s0r2,s1l1,s1r1,b0l1,b0l2\n"
    "  --word-dropout X (0.25)  --tag-dropout X (0)  --dropout X (0.2, encoder)\n"
    "  --hidden-dropout X (0.2)\n"
    "  --explore X (0.9)  --explore-from N (2)  --max-sentences N (all)\n"
    "  --aux-tagging  also learn to predict UPOS/XPOS from the encoder\n"
    "                 (multi-task; needs gold tags in --train)\n"
    "  --aux-weight X (0.5)\n"
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
    "  --arch perceptron|bilstm|hybrid (perceptron: sparse features, averaged\n"
    "      perceptron; bilstm: a BiLSTM over word, affix, shape, casing and\n"
    "      gazetteer embeddings; hybrid: both, their scores summed with the\n"
    "      perceptron's weight picked on --dev)\n"
    "  --lstm-dim N (64)  --word-dim N (64)  --batch N (32 sentences per\n"
    "      update)  --crf (bilstm: learn label transitions as a CRF)\n"
    "  --dropout X (0.25, BiLSTM outputs)  --input-dropout X (0, embeddings)\n"
    "  --word-dropout X (0.25: a word is hidden with probability X / (X + count))\n"
    "  --quiet (no progress lines on stderr)\n",
    run_train};

}  // namespace textgraph::cli
