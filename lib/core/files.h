// Internal: reading inputs and writing outputs the way every stage must.
//
// Outputs are atomic: OutputFile writes into a temporary file beside the
// target and renames it over the target only in commit(). If the writer is
// destroyed without commit() (an exception, a failed check) the temporary
// file is removed and an existing target is left untouched. The path "-"
// means standard output, which is written directly; so are existing
// devices, pipes and sockets (/dev/null, a FIFO), which cannot be replaced.
// Through a symbolic link the file it names is replaced and the link kept.
//
// Inputs: read_file() reads a whole file ("-" = standard input); LineReader
// streams lines with their 1-based numbers for error messages. Both throw
// textgraph::Error (ErrorCode::kIo) naming the file when it cannot be read.
#pragma once

#include <cstddef>
#include <fstream>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "textgraph/status.h"

namespace textgraph {

class OutputFile {
 public:
  // Creates the temporary file (or opens a device or pipe); throws
  // Error(kIo) if the directory is not writable or path is a directory.
  explicit OutputFile(std::string path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return *out_; }
  const std::string& path() const { return path_; }

  // Flushes, checks every write succeeded, and renames into place.
  // Throws Error(kIo) on failure (the target is then untouched).
  void commit();

 private:
  std::string path_;
  std::string target_;     // the file renamed over: path_ with links resolved
  std::string temp_path_;  // beside target_
  std::unique_ptr<std::ofstream> file_;
  bool direct_ = false;  // writing straight into a device or pipe
  std::ostream* out_ = nullptr;
  bool committed_ = false;
};

// The whole content of path ("-" = standard input). Throws Error(kIo).
std::string read_file(const std::string& path);

// True when data looks like a binary file rather than text (it holds NUL
// bytes); readers use it to refuse with a clear message instead of parsing.
bool looks_binary(std::string_view data);

// Reads lines one at a time; the line excludes "\n" and a trailing "\r".
class LineReader {
 public:
  explicit LineReader(const std::string& path);  // "-" = standard input; throws Error(kIo)
  explicit LineReader(std::istream& in, std::string name);

  bool next(std::string& line);                      // false at end of input
  std::size_t line_number() const { return line_; }  // of the line last returned
  const std::string& name() const { return name_; }
  Location here(std::size_t column = 0) const { return {name_, line_, column}; }

 private:
  std::unique_ptr<std::ifstream> file_;
  std::istream* in_;
  std::string name_;
  std::size_t line_ = 0;
};

}  // namespace textgraph
