// `textgraph train KIND ...`: trains a model. Each kind is one entry of
// kKinds below (a usage text and a run function over the library's
// train_* call); `train parser` and `train ner` are added the same way.
#include <iostream>
#include <sstream>

#include "commands.h"
#include "textgraph/train.h"

namespace textgraph::cli {

namespace {

std::vector<std::string> split_commas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    std::stringstream in(v);
    std::string item;
    while (std::getline(in, item, ','))
      if (!item.empty()) out.push_back(item);
  }
  return out;
}

constexpr std::string_view kTaggerUsage =
    "usage: textgraph train tagger --train FILE[,FILE...] [--dev FILE] -o MODEL\n"
    "                              [--seed N] [--epochs N] [--patience N] [--license TEXT]\n"
    "                              [--quiet]\n\n"
    "Trains the POS tagger, FEATS dictionary and lemmatizer from CoNLL-U files\n"
    "into one model file (kind \"tagger\").\n\n"
    "  --train FILE[,FILE...]  training treebanks (repeatable); sentences without\n"
    "                          XPOS serve the lemmatizer only\n"
    "  --dev FILE              development treebank: picks the best epoch and\n"
    "                          prints per-word scores with gold tokens\n"
    "  -o, --output MODEL      the model file to write (atomically)\n"
    "  --seed N                shuffling seed (default 1); same seed, same model\n"
    "  --epochs N              at most N passes (default 15)\n"
    "  --patience N            stop after N epochs without dev gain (default 4)\n"
    "  --passes 1|2            2 (default): a second left-to-right pass also\n"
    "                          sees the first pass's tags to the right\n"
    "  --folds N               jackknife folds for the second pass (default 4)\n"
    "  --min-count N           words seen fewer times are treated as unknown\n"
    "                          words (default 3)\n"
    "  --license TEXT          license recorded in the model (default: derived\n"
    "                          from the UD treebank file names)\n"
    "  --quiet                 no progress lines on stderr\n\n"
    "The model records the files, license, this command and the dev scores.\n"
    "Only CC BY-SA data (UD English EWT, Atis, ESLSpok) may go into a model\n"
    "that is shipped; GUM, LinES and ParTUT are non-commercial.\n";

int run_tagger(Args& args, const std::string& command) {
  TaggerTrainOptions options;
  options.train_files = split_commas(args.options("--train"));
  options.dev_file = args.option("--dev").value_or("");
  const auto output = args.option("--output", "-o");
  if (auto v = args.integer("--seed", 0, 1L << 62)) options.seed = static_cast<std::uint64_t>(*v);
  if (auto v = args.integer("--epochs", 1, 1000)) options.epochs = static_cast<int>(*v);
  if (auto v = args.integer("--patience", 1, 1000)) options.patience = static_cast<int>(*v);
  if (auto v = args.option("--license")) options.license = *v;
  if (auto v = args.integer("--passes", 1, 2)) options.passes = static_cast<int>(*v);
  if (auto v = args.integer("--folds", 2, 100)) options.folds = static_cast<int>(*v);
  if (auto v = args.integer("--min-count", 1, 1000)) options.min_ambiguity_count = static_cast<int>(*v);
  const bool quiet = args.flag("--quiet");
  const std::vector<std::string> rest = args.positionals();  // the kind itself
  if (rest.size() != 1) throw UsageError("unexpected argument " + rest.back());
  if (options.train_files.empty()) throw UsageError("--train is required");
  if (!output) throw UsageError("-o MODEL is required");
  options.command = command;
  options.log = quiet ? nullptr : &std::cerr;
  Result<TaggerTrainResult> r = train_tagger(options, *output);
  if (!r.ok()) return report(r.status());
  return kOk;
}

struct Kind {
  std::string_view name;
  int (*run)(Args& args, const std::string& command);
};

const Kind kKinds[] = {
    {"tagger", run_tagger},
};

int run_train(Args& args) {
  // The command line as typed, recorded in the model.
  const std::vector<std::string>& all = args.remaining();
  if (all.empty() || all.front().empty() || all.front()[0] == '-')
    throw UsageError("which model? the kind comes first: textgraph train tagger ...");
  std::string command = "textgraph train";
  for (const std::string& a : all) command += " " + a;
  const std::string kind = all.front();
  for (const Kind& k : kKinds)
    if (k.name == kind) return k.run(args, command);
  throw UsageError("unknown model kind '" + kind + "' (known: tagger)");
}

const std::string kTrainUsage = std::string(
    "usage: textgraph train KIND [OPTIONS]\n\n"
    "Trains a model from CoNLL-U treebanks. Kinds: tagger.\n\n") + std::string(kTaggerUsage);

}  // namespace

const Command kTrain{
    "train",
    "train a model (tagger) from treebanks",
    kTrainUsage,
    run_train,
};

}  // namespace textgraph::cli
