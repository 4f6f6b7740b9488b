#include "core/files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <sstream>
#include <vector>

#include "core/error.h"

namespace textgraph {

namespace {

std::string errno_text() { return std::strerror(errno); }

std::string directory_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  if (path_ == "-") {
    out_ = &std::cout;
    return;
  }
  struct stat st {};
  const bool exists = stat(path_.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) fail(ErrorCode::kIo, "is a directory", {path_});
  // /dev/stdout and /proc/self/fd/N name whatever the descriptor is open
  // on, often a regular file another process writes: never rename over it.
  const bool special = path_.rfind("/dev/", 0) == 0 || path_.rfind("/proc/", 0) == 0;
  if (exists && (special || !S_ISREG(st.st_mode))) {
    // A device, pipe or socket (/dev/null, a FIFO, a shell's >(...)):
    // renaming a file over it would replace the device itself, and a stream
    // cannot be half-written "atomically" anyway, so write into it.
    file_ = std::make_unique<std::ofstream>(path_, std::ios::binary);
    if (!*file_) fail(ErrorCode::kIo, "cannot open output: " + errno_text(), {path_});
    direct_ = true;
    out_ = file_.get();
    return;
  }
  target_ = path_;
  if (exists) {
    // Through a symbolic link, replace the file it names and keep the link.
    if (char* real = realpath(path_.c_str(), nullptr)) {
      target_ = real;
      std::free(real);
    }
  }
  // The temporary sits beside the target so the final rename() is atomic
  // (same file system) and a crash never leaves a half-written target.
  std::string templ = directory_of(target_) + "/." + base_of(target_) + ".tmp.XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  const int fd = mkstemp(buf.data());
  if (fd < 0) fail(ErrorCode::kIo, "cannot create output file: " + errno_text(), {path_});
  temp_path_ = buf.data();
  // mkstemp creates 0600; give the file the mode a plain open() would have,
  // or the existing target's mode, so atomic writing is invisible to users.
  mode_t mode;
  if (exists) {
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  fchmod(fd, mode);
  close(fd);
  file_ = std::make_unique<std::ofstream>(temp_path_, std::ios::binary | std::ios::trunc);
  if (!*file_) {
    std::remove(temp_path_.c_str());
    fail(ErrorCode::kIo, "cannot create output file", {path_});
  }
  out_ = file_.get();
}

OutputFile::~OutputFile() {
  if (file_ && !committed_) {
    file_->close();
    if (!direct_) std::remove(temp_path_.c_str());
  }
}

void OutputFile::commit() {
  if (!file_) {
    out_->flush();
    if (!*out_) fail(ErrorCode::kIo, "cannot write to standard output", {path_});
    committed_ = true;
    return;
  }
  file_->flush();
  const bool good = static_cast<bool>(*file_);
  file_->close();
  if (direct_) {
    committed_ = true;
    if (!good || file_->fail()) fail(ErrorCode::kIo, "cannot write output", {path_});
    return;
  }
  if (!good || file_->fail()) {
    std::remove(temp_path_.c_str());
    committed_ = true;
    fail(ErrorCode::kIo, "cannot write output file (disk full?)", {path_});
  }
  if (std::rename(temp_path_.c_str(), target_.c_str()) != 0) {
    const std::string why = errno_text();
    std::remove(temp_path_.c_str());
    committed_ = true;
    fail(ErrorCode::kIo, "cannot replace output file: " + why, {path_});
  }
  committed_ = true;
}

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) fail(ErrorCode::kIo, "cannot open: " + errno_text(), {path});
  if (S_ISDIR(st.st_mode)) fail(ErrorCode::kIo, "is a directory", {path});
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(ErrorCode::kIo, "cannot open: " + errno_text(), {path});
  std::string data;
  if (S_ISREG(st.st_mode)) {
    // One read for a regular file: a character at a time is slow for the
    // hundreds of megabytes a large graph takes.
    data.resize(static_cast<std::size_t>(st.st_size));
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    data.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) fail(ErrorCode::kIo, "read error", {path});
    if (!in.eof() && in.peek() != std::char_traits<char>::eof()) {
      // The file grew while we read it: take the rest too.
      data.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (in.bad()) fail(ErrorCode::kIo, "read error", {path});
    return data;
  }
  data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) fail(ErrorCode::kIo, "read error", {path});
  return data;
}

bool looks_binary(std::string_view data) { return data.find('\0') != std::string_view::npos; }

LineReader::LineReader(const std::string& path) : name_(path) {
  if (path == "-") {
    in_ = &std::cin;
    return;
  }
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) fail(ErrorCode::kIo, "cannot open: " + errno_text(), {path});
  if (S_ISDIR(st.st_mode)) fail(ErrorCode::kIo, "is a directory", {path});
  file_ = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file_) fail(ErrorCode::kIo, "cannot open: " + errno_text(), {path});
  in_ = file_.get();
}

LineReader::LineReader(std::istream& in, std::string name) : in_(&in), name_(std::move(name)) {}

bool LineReader::next(std::string& line) {
  if (!std::getline(*in_, line)) {
    if (in_->bad()) fail(ErrorCode::kIo, "read error", {name_, line_ + 1});
    return false;
  }
  ++line_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace textgraph
