#include "cli.h"

#include <charconv>
#include <iostream>

namespace textgraph::cli {

namespace {

bool is_name(std::string_view arg, std::string_view name, std::string_view short_name) {
  return arg == name || (!short_name.empty() && arg == short_name);
}

// Matches "--name=value"; returns the value part.
std::optional<std::string> inline_value(std::string_view arg, std::string_view name) {
  if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=')
    return std::string(arg.substr(name.size() + 1));
  return std::nullopt;
}

}  // namespace

bool Args::flag(std::string_view name, std::string_view short_name) {
  bool found = false;
  for (std::size_t i = 0; i < args_.size();) {
    if (args_[i] == "--") break;
    if (is_name(args_[i], name, short_name)) {
      args_.erase(args_.begin() + static_cast<long>(i));
      found = true;
    } else {
      ++i;
    }
  }
  return found;
}

std::vector<std::string> Args::list(std::string_view name, std::string_view short_name) {
  std::vector<std::string> out;
  for (const std::string& v : options(name, short_name)) {
    std::size_t from = 0;
    while (from <= v.size()) {
      std::size_t comma = v.find(',', from);
      if (comma == std::string::npos) comma = v.size();
      if (comma > from) out.push_back(v.substr(from, comma - from));
      from = comma + 1;
    }
  }
  return out;
}

std::vector<std::string> Args::options(std::string_view name, std::string_view short_name) {
  std::vector<std::string> values;
  for (std::size_t i = 0; i < args_.size();) {
    if (args_[i] == "--") break;
    if (auto v = inline_value(args_[i], name)) {
      values.push_back(*v);
      args_.erase(args_.begin() + static_cast<long>(i));
    } else if (is_name(args_[i], name, short_name)) {
      if (i + 1 >= args_.size()) throw UsageError("option " + std::string(name) + " needs a value");
      values.push_back(args_[i + 1]);
      args_.erase(args_.begin() + static_cast<long>(i), args_.begin() + static_cast<long>(i) + 2);
    } else {
      ++i;
    }
  }
  return values;
}

std::optional<std::string> Args::option(std::string_view name, std::string_view short_name) {
  auto values = options(name, short_name);
  if (values.empty()) return std::nullopt;
  return values.back();
}

std::optional<long> Args::integer(std::string_view name, long min, long max,
                                  std::string_view short_name) {
  auto text = option(name, short_name);
  if (!text) return std::nullopt;
  long value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max)
    throw UsageError("option " + std::string(name) + " needs an integer from " +
                     std::to_string(min) + " to " + std::to_string(max) + ", not '" + *text + "'");
  return value;
}

float Args::real(std::string_view name, float value, float min, float max) {
  auto text = option(name);
  if (!text) return value;
  float v = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, v);
  if (ec != std::errc() || ptr != end || v < min || v > max)
    throw UsageError("option " + std::string(name) + " needs a number from " + std::to_string(min) +
                     " to " + std::to_string(max));
  return v;
}

std::optional<std::string> Args::subcommand() {
  if (args_.empty() || (args_[0].size() > 1 && args_[0][0] == '-')) return std::nullopt;
  std::string first = args_[0];
  args_.erase(args_.begin());
  return first;
}

std::vector<std::string> Args::positionals() {
  std::vector<std::string> out;
  bool options_done = false;
  for (const auto& a : args_) {
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && a.size() > 1 && a[0] == '-') {
      throw UsageError("unknown option " + a);
    } else {
      out.push_back(a);
    }
  }
  args_.clear();
  return out;
}

int report(const Status& status) {
  std::cerr << "textgraph: error: " << status.to_string() << "\n";
  return status.code() == ErrorCode::kUsage ? kUsage : kBadInput;
}

void warn(std::string_view message) { std::cerr << "textgraph: warning: " << message << "\n"; }

}  // namespace textgraph::cli
