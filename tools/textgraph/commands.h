// The subcommands of `textgraph`, one per cmd_<name>.cpp. Add a line here and
// in the table in main.cpp when adding a subcommand.
#pragma once

#include "cli.h"

namespace textgraph::cli {

extern const Command kTrain;

// `textgraph train` kinds, one per train_<kind>.cpp.
int run_train_tagger(Args& args);
int run_train_parser(Args& args);
extern const Command kEval;
extern const Command kExtract;

}  // namespace textgraph::cli
