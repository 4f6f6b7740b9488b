// `textgraph`: the command-line front end. Each subcommand is a thin wrapper
// over one library call; see cli.h for exit statuses.
#include <csignal>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "commands.h"

namespace textgraph::cli {
namespace {

const Command* const kCommands[] = {
    &kParse, &kExtract, &kBuild, &kConvert, &kRender, &kQuery, &kStats, &kNer, &kEval, &kTrain,
};

void print_help(std::ostream& out) {
  out << "usage: textgraph COMMAND [OPTIONS] [ARGS]\n\n"
         "Turns English text into a knowledge graph of who did what to whom.\n\n"
         "commands:\n";
  for (const Command* c : kCommands)
    if (c)
      out << "  " << c->name << std::string(10 - std::min<std::size_t>(9, c->name.size()), ' ')
          << c->summary << "\n";
  out << "\n`textgraph COMMAND --help` describes a command.\n"
         "exit status: 0 ok, 1 bad input, 2 usage error (query: 0 found, 1 none, 2 error)\n";
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_help(std::cerr);
    return kUsage;
  }
  const std::string name = args.front();
  if (name == "-h" || name == "--help" || name == "help") {
    print_help(std::cout);
    return kOk;
  }
  if (name == "--version" || name == "version") {
    std::cout << "textgraph " << TEXTGRAPH_VERSION << "\n";
    return kOk;
  }
  for (const Command* c : kCommands) {
    if (!c || c->name != name) continue;
    args.erase(args.begin());
    Args parsed(std::move(args));
    if (parsed.flag("--help", "-h")) {
      std::cout << c->usage;
      return kOk;
    }
    try {
      return c->run(parsed);
    } catch (const UsageError& e) {
      std::cerr << "textgraph " << name << ": " << e.what() << "\n"
                << "try 'textgraph " << name << " --help'\n";
      return kUsage;
    }
  }
  std::cerr << "textgraph: unknown command '" << name << "'; try 'textgraph --help'\n";
  return kUsage;
}

}  // namespace
}  // namespace textgraph::cli

int main(int argc, char** argv) {
  // A closed pipe (`textgraph ... | head`) should end the run quietly, not
  // kill it with SIGPIPE: writes then fail with EPIPE and we exit below.
  std::signal(SIGPIPE, SIG_IGN);
  int status;
  try {
    status = textgraph::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "textgraph: error: internal: " << e.what() << "\n";
    return textgraph::cli::kBadInput;
  }
  std::cout.flush();
  if (!std::cout && errno == EPIPE) return textgraph::cli::kOk;
  return status;
}
