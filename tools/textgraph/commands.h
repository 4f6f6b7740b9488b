// The subcommands of `textgraph`, one per cmd_<name>.cpp. Add a line here and
// in the table in main.cpp when adding a subcommand.
#pragma once

#include "cli.h"

namespace textgraph::cli {

extern const Command kEval;
extern const Command kExtract;

}  // namespace textgraph::cli
