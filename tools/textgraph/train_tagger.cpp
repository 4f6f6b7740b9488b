// `textgraph train tagger`: options -> textgraph::TaggerTrainOptions.
#include <iostream>
#include <sstream>

#include "commands.h"
#include "textgraph/train.h"

namespace textgraph::cli {

int run_train_tagger(Args& args) {
  TaggerTrainOptions o;
  o.train_files = args.list("--train");
  o.dev_file = args.option("--dev").value_or("");
  const auto output = args.option("--output", "-o");
  if (auto v = args.integer("--seed", 0, 1L << 62)) o.seed = static_cast<std::uint64_t>(*v);
  if (auto v = args.integer("--epochs", 1, 1000)) o.epochs = static_cast<int>(*v);
  if (auto v = args.integer("--patience", 1, 1000)) o.patience = static_cast<int>(*v);
  if (auto v = args.integer("--passes", 1, 2)) o.passes = static_cast<int>(*v);
  if (auto v = args.integer("--folds", 2, 100)) o.folds = static_cast<int>(*v);
  if (auto v = args.integer("--min-count", 1, 1000)) o.min_ambiguity_count = static_cast<int>(*v);
  if (auto v = args.option("--license")) o.license = *v;
  const bool quiet = args.flag("--quiet");
  const std::vector<std::string> rest = args.positionals();
  if (!rest.empty()) throw UsageError("unexpected argument " + rest.front());
  if (o.train_files.empty()) throw UsageError("--train is required");
  if (!output) throw UsageError("-o MODEL is required");
  // The command recorded in the model: every option spelled out, so that it
  // reproduces the model even if defaults change.
  std::ostringstream command;
  command << "textgraph train tagger --train ";
  for (std::size_t i = 0; i < o.train_files.size(); ++i)
    command << (i ? "," : "") << o.train_files[i];
  if (!o.dev_file.empty()) command << " --dev " << o.dev_file;
  command << " -o " << *output << " --seed " << o.seed << " --epochs " << o.epochs << " --patience "
          << o.patience << " --passes " << o.passes << " --folds " << o.folds << " --min-count "
          << o.min_ambiguity_count;
  if (!o.license.empty()) command << " --license '" << o.license << "'";
  o.command = command.str();
  o.log = quiet ? nullptr : &std::cerr;
  Result<TaggerTrainResult> r = train_tagger(o, *output);
  if (!r.ok()) return report(r.status());
  return kOk;
}

}  // namespace textgraph::cli
