// The textgraph CLI's shared pieces: option parsing, exit statuses, error
// reporting. Subcommands are thin: they parse options, call the library, and
// turn a Status into a message and an exit status here.
//
// Exit statuses (like ripgrep and jq): 0 success, 1 bad input (the message
// names FILE:LINE), 2 usage error. `query` follows grep instead: 0 rows
// found, 1 none, 2 error.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "textgraph/status.h"

namespace textgraph::cli {

enum Exit : int { kOk = 0, kBadInput = 1, kUsage = 2 };

// Thrown by Args on a usage mistake; main() prints it with the usage line.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Options may come before or after positionals; "--" ends options; "-" alone
// is a positional (standard input/output). Query options first, then call
// positionals(), which rejects whatever option was not asked for.
class Args {
 public:
  explicit Args(std::vector<std::string> args) : args_(std::move(args)) {}

  // "--name" present? Consumes it.
  bool flag(std::string_view name, std::string_view short_name = {});
  // "--name VALUE" or "--name=VALUE" (or "-x VALUE"); the last one wins.
  std::optional<std::string> option(std::string_view name, std::string_view short_name = {});
  // Every occurrence, in order (for repeatable options).
  std::vector<std::string> options(std::string_view name, std::string_view short_name = {});
  // Every occurrence, each split at commas, empty items dropped
  // ("--train a,b --train c" -> a, b, c).
  std::vector<std::string> list(std::string_view name, std::string_view short_name = {});
  // An integer option within [min, max]; throws UsageError otherwise.
  std::optional<long> integer(std::string_view name, long min, long max,
                              std::string_view short_name = {});
  // A number option within [min, max], or `value` when absent; throws
  // UsageError otherwise.
  float real(std::string_view name, float value, float min, float max);
  // Removes and returns the first argument when it is not an option, for
  // commands with sub-kinds (`textgraph train parser ...`); nullopt otherwise.
  std::optional<std::string> subcommand();
  // The remaining positionals; throws UsageError on an unknown option.
  std::vector<std::string> positionals();

 private:
  std::vector<std::string> args_;
};

// A subcommand: `textgraph NAME ...`.
struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `textgraph --help`
  std::string_view usage;    // full help text printed by `textgraph NAME --help`
  int (*run)(Args& args);    // returns the exit status
};

// Prints "textgraph: error: FILE:LINE:COL: message" to stderr and returns the
// exit status for it (kUsage for ErrorCode::kUsage, else kBadInput).
int report(const Status& status);
// Prints a warning line "textgraph: warning: ..." to stderr.
void warn(std::string_view message);

}  // namespace textgraph::cli
