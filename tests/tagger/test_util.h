// Shared helpers of the tagger tests: a scratch directory and a small model
// trained once per test binary from the project's own fixture.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "textgraph/train.h"

namespace textgraph::testing {

inline std::string fixture_path() {
  return std::string(TEXTGRAPH_TEST_DATA) + "/tagger/news_fixture.conllu";
}

inline std::filesystem::path scratch_dir() {
  static const std::filesystem::path dir = [] {
    auto d =
        std::filesystem::temp_directory_path() / ("tg-tagger-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// Trains a tagger on the fixture (a few seconds at most) into `name` in the
// scratch directory and returns its path.
inline std::string train_small_model(const std::string& name, std::uint64_t seed = 1,
                                     int passes = 2) {
  const std::string path = (scratch_dir() / name).string();
  TaggerTrainOptions options;
  options.train_files = {fixture_path()};
  options.dev_file = fixture_path();
  options.epochs = 4;
  options.seed = seed;
  options.passes = passes;
  options.folds = 2;
  options.min_ambiguity_count = 1;
  options.command = "test";
  Result<TaggerTrainResult> r = train_tagger(options, path);
  if (!r.ok()) throw std::runtime_error(r.status().to_string());
  return path;
}

}  // namespace textgraph::testing
