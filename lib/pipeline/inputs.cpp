#include "pipeline/inputs.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "core/error.h"

namespace textgraph::pipeline {
namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Which files of a directory are inputs: those whose extension names a
// format we would read them in.
bool wanted_in_directory(const std::string& name, InputFormat forced) {
  switch (forced) {
    case InputFormat::kText:
      return ends_with(name, ".txt");
    case InputFormat::kJsonl:
      return ends_with(name, ".jsonl");
    case InputFormat::kConllu:
      return ends_with(name, ".conllu");
    case InputFormat::kAuto:
      return ends_with(name, ".txt") || ends_with(name, ".jsonl") || ends_with(name, ".conllu");
  }
  return false;
}

std::string extensions_wanted(InputFormat forced) {
  switch (forced) {
    case InputFormat::kText:
      return ".txt";
    case InputFormat::kJsonl:
      return ".jsonl";
    case InputFormat::kConllu:
      return ".conllu";
    case InputFormat::kAuto:
      break;
  }
  return ".txt, .jsonl or .conllu";
}

void add_directory(const std::string& dir, InputFormat forced, std::vector<InputSource>& out) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) fail(ErrorCode::kIo, "cannot list directory: " + ec.message(), {dir});
  for (; it != end; it.increment(ec)) {
    if (ec) fail(ErrorCode::kIo, "cannot list directory: " + ec.message(), {dir});
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;  // directories, sockets, dangling links
    if (wanted_in_directory(name, forced)) files.push_back(it->path().string());
  }
  if (files.empty())
    fail_input("no " + extensions_wanted(forced) + " files in this directory", {dir});
  // Byte order of the paths: the same on every machine and locale.
  std::sort(files.begin(), files.end());
  for (std::string& f : files) {
    std::error_code size_ec;
    const std::uintmax_t size = fs::file_size(f, size_ec);
    out.push_back({f, f, format_of(f, forced), size_ec ? 0 : static_cast<std::uint64_t>(size)});
  }
}

}  // namespace

InputFormat format_of(const std::string& path, InputFormat forced) {
  if (forced != InputFormat::kAuto) return forced;
  if (ends_with(path, ".jsonl")) return InputFormat::kJsonl;
  if (ends_with(path, ".conllu")) return InputFormat::kConllu;
  return InputFormat::kText;
}

std::vector<InputSource> expand_inputs(const std::vector<std::string>& inputs, InputFormat forced) {
  std::vector<InputSource> out;
  for (const std::string& path : inputs) {
    if (path == "-") {
      out.push_back(
          {"-", "<stdin>", forced == InputFormat::kAuto ? InputFormat::kText : forced, 0});
      continue;
    }
    struct stat st {};
    if (stat(path.c_str(), &st) != 0)
      fail(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno), {path});
    if (S_ISDIR(st.st_mode))
      add_directory(path, forced, out);
    else
      out.push_back({path, path, format_of(path, forced),
                     S_ISREG(st.st_mode) ? static_cast<std::uint64_t>(st.st_size) : 0});
  }
  return out;
}

}  // namespace textgraph::pipeline
