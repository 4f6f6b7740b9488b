#include "core/files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "core/error.h"

namespace fs = std::filesystem;

namespace textgraph {
namespace {

class FilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("textgraph-files-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  static std::string slurp(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), {}));
  }
  fs::path dir_;
};

TEST_F(FilesTest, CommitReplacesTarget) {
  { std::ofstream(path("out.txt")) << "old"; }
  OutputFile out(path("out.txt"));
  out.stream() << "new content";
  EXPECT_EQ(slurp(path("out.txt")), "old");  // untouched until commit
  out.commit();
  EXPECT_EQ(slurp(path("out.txt")), "new content");
  EXPECT_EQ(entries(), 1u);  // no temporary left behind
}

TEST_F(FilesTest, AbandonedWriteLeavesTargetUntouched) {
  { std::ofstream(path("out.txt")) << "old"; }
  {
    OutputFile out(path("out.txt"));
    out.stream() << "half";
  }  // destroyed without commit, as after an exception
  EXPECT_EQ(slurp(path("out.txt")), "old");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(FilesTest, NewFileGetsUmaskMode) {
  OutputFile out(path("fresh.txt"));
  out.stream() << "x";
  out.commit();
  struct stat st {};
  ASSERT_EQ(stat(path("fresh.txt").c_str(), &st), 0);
  const mode_t mask = umask(0);
  umask(mask);
  EXPECT_EQ(st.st_mode & 0777, 0666 & ~mask);
}

TEST_F(FilesTest, UnwritableDirectoryIsAnIoError) {
  try {
    OutputFile out(path("missing-dir/out.txt"));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_NE(e.status().to_string().find("missing-dir/out.txt"), std::string::npos);
  }
}

// Renaming over /dev/null as root would replace the device with a file.
TEST_F(FilesTest, DevicesAndPipesAreWrittenInPlace) {
  struct stat before {};
  ASSERT_EQ(stat("/dev/null", &before), 0);
  {
    OutputFile out("/dev/null");
    out.stream() << "discarded";
    out.commit();
  }
  struct stat after {};
  ASSERT_EQ(stat("/dev/null", &after), 0);
  EXPECT_TRUE(S_ISCHR(after.st_mode));
  EXPECT_EQ(after.st_ino, before.st_ino);

  // /dev/stdout links to /proc/self/fd/1, here a regular file of ours: it
  // must be written through the descriptor, not renamed over.
  {
    std::ofstream(path("captured.txt")) << "";
    const int saved = dup(1);
    ASSERT_GE(saved, 0);
    std::cout.flush();
    FILE* f = std::freopen(path("captured.txt").c_str(), "w", stdout);
    ASSERT_NE(f, nullptr);
    struct stat opened {};
    ASSERT_EQ(stat(path("captured.txt").c_str(), &opened), 0);
    {
      OutputFile out("/dev/stdout");
      out.stream() << "to stdout";
      out.commit();
    }
    std::fflush(stdout);
    dup2(saved, 1);
    close(saved);
    struct stat s {};
    ASSERT_EQ(stat(path("captured.txt").c_str(), &s), 0);
    EXPECT_EQ(s.st_ino, opened.st_ino);  // the same file, not a replacement
    EXPECT_EQ(slurp(path("captured.txt")), "to stdout");
    fs::remove(path("captured.txt"));
  }

  ASSERT_EQ(mkfifo(path("fifo").c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = slurp(path("fifo")); });
  {
    OutputFile out(path("fifo"));
    out.stream() << "through the pipe";
    out.commit();
  }
  reader.join();
  EXPECT_EQ(got, "through the pipe");
  EXPECT_EQ(entries(), 1u);  // still just the FIFO, no temporary
  EXPECT_TRUE(fs::is_fifo(path("fifo")));
}

TEST_F(FilesTest, SymlinkKeepsTheLinkAndReplacesItsTarget) {
  { std::ofstream(path("real.txt")) << "old"; }
  fs::create_symlink("real.txt", path("link.txt"));
  OutputFile out(path("link.txt"));
  out.stream() << "new";
  out.commit();
  EXPECT_TRUE(fs::is_symlink(path("link.txt")));
  EXPECT_EQ(slurp(path("real.txt")), "new");
  EXPECT_EQ(entries(), 2u);
}

TEST_F(FilesTest, DirectoryTargetIsAnIoError) {
  fs::create_directories(path("sub"));
  EXPECT_THROW(OutputFile out(path("sub")), Error);
  EXPECT_TRUE(fs::is_directory(path("sub")));
}

TEST_F(FilesTest, ReadFileNamesMissingFile) {
  try {
    read_file(path("nope.txt"));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_EQ(e.where().file, path("nope.txt"));
  }
  EXPECT_THROW(read_file(dir_.string()), Error);  // a directory
}

TEST_F(FilesTest, LineReaderCountsLinesAndStripsCr) {
  std::istringstream in("one\r\ntwo\n\nlast");
  LineReader r(in, "mem");
  std::string line;
  std::vector<std::string> got;
  while (r.next(line)) got.push_back(line + "@" + std::to_string(r.line_number()));
  EXPECT_EQ(got, (std::vector<std::string>{"one@1", "two@2", "@3", "last@4"}));
}

TEST(Files, LooksBinary) {
  EXPECT_FALSE(looks_binary("text\nmore"));
  EXPECT_TRUE(looks_binary(std::string_view("a\0b", 3)));
}

}  // namespace
}  // namespace textgraph
