// `textgraph train ner`: options -> textgraph::NerTrainOptions.
#include <charconv>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "textgraph/train.h"

namespace textgraph::cli {

int run_train_ner(Args& args) {
  NerTrainOptions o;
  o.train_files = args.list("--train");
  o.dev_file = args.option("--dev").value_or("");
  const auto output = args.option("--output", "-o");
  if (auto v = args.integer("--seed", 0, 1L << 62)) o.seed = static_cast<std::uint64_t>(*v);
  if (auto v = args.integer("--epochs", 1, 1000)) o.epochs = static_cast<int>(*v);
  if (auto v = args.integer("--patience", 1, 1000)) o.patience = static_cast<int>(*v);
  if (auto v = args.option("--actors")) o.actors_file = *v;
  if (auto v = args.integer("--min-count", 1, 1000)) o.min_word_count = static_cast<int>(*v);
  if (auto v = args.option("--license")) o.license = *v;
  if (auto v = args.option("--arch")) o.architecture = *v;
  if (auto v = args.integer("--lstm-dim", 1, 1024)) o.lstm_dim = static_cast<int>(*v);
  if (auto v = args.integer("--word-dim", 1, 1024)) o.word_dim = static_cast<int>(*v);
  o.crf = args.flag("--crf");
  if (auto v = args.integer("--batch", 1, 100000)) o.batch = static_cast<int>(*v);
  o.dropout = args.real("--dropout", o.dropout, 0, 0.95f);
  o.input_dropout = args.real("--input-dropout", o.input_dropout, 0, 0.95f);
  o.word_dropout = args.real("--word-dropout", o.word_dropout, 0, 100);
  if (o.architecture != "perceptron" && o.architecture != "bilstm" && o.architecture != "hybrid")
    throw UsageError("--arch must be perceptron, bilstm or hybrid");
  const bool quiet = args.flag("--quiet");
  const std::vector<std::string> rest = args.positionals();
  if (!rest.empty()) throw UsageError("unexpected argument " + rest.front());
  if (o.train_files.empty()) throw UsageError("--train is required");
  if (!output) throw UsageError("-o MODEL is required");
  // The command recorded in the model: every option spelled out, so that it
  // reproduces the model even if defaults change.
  std::ostringstream command;
  command << "textgraph train ner --train ";
  for (std::size_t i = 0; i < o.train_files.size(); ++i)
    command << (i ? "," : "") << o.train_files[i];
  if (!o.dev_file.empty()) command << " --dev " << o.dev_file;
  command << " -o " << *output << " --seed " << o.seed << " --epochs " << o.epochs << " --patience "
          << o.patience << " --min-count " << o.min_word_count;
  if (!o.actors_file.empty()) command << " --actors " << o.actors_file;
  if (o.architecture != "perceptron")
    command << " --arch " << o.architecture << " --lstm-dim " << o.lstm_dim << " --word-dim "
            << o.word_dim << " --batch " << o.batch << " --dropout " << o.dropout
            << " --input-dropout " << o.input_dropout << " --word-dropout " << o.word_dropout
            << (o.crf ? " --crf" : "");
  if (!o.license.empty()) command << " --license '" << o.license << "'";
  o.command = command.str();
  o.log = quiet ? nullptr : &std::cerr;
  Result<NerTrainResult> r = train_ner(o, *output);
  if (!r.ok()) return report(r.status());
  return kOk;
}

}  // namespace textgraph::cli
