#include "core/files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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
