// The subcommands of `textgraph`, one per cmd_<name>.cpp. Add a line here and
// in the table in main.cpp when adding a subcommand.
#pragma once

#include <string>

#include "cli.h"

namespace textgraph {
struct ReadReport;
}

namespace textgraph::cli {

extern const Command kTrain;

// `textgraph train` kinds, one per train_<kind>.cpp.
int run_train_tagger(Args& args);
int run_train_parser(Args& args);
int run_train_ner(Args& args);
extern const Command kNer;  // cmd_ner.cpp
extern const Command kEval;
extern const Command kParse;
extern const Command kExtract;

// Graph commands (cmd_build.cpp ... cmd_stats.cpp).
extern const Command kBuild;
extern const Command kConvert;
extern const Command kRender;
extern const Command kQuery;
extern const Command kStats;

// "textgraph: warning: FILE: skipped N attribute values textgraph does not
// model: a, b" after a graph read (defined in cmd_convert.cpp).
void warn_ignored(const std::string& file, const ReadReport& report);

}  // namespace textgraph::cli
