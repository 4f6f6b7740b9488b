// Shared helpers of the NER tests: a scratch directory and a small model
// trained once per test binary from the project's own fixture.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "textgraph/train.h"

namespace textgraph::ner_testing {

inline std::string data_path(const std::string& name) {
  return std::string(TEXTGRAPH_TEST_DATA) + "/ner/" + name;
}
inline std::string fixture_path() { return data_path("train_fixture.iob2"); }

inline std::filesystem::path scratch_dir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("tg-ner-test-" + std::to_string(getpid()));
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

// Trains an NER model on the fixture (a second or two) into `name` in the
// scratch directory and returns its path.
inline NerTrainOptions small_options(std::uint64_t seed) {
  NerTrainOptions options;
  options.train_files = {fixture_path()};
  options.dev_file = fixture_path();
  options.epochs = 5;
  options.seed = seed;
  options.min_word_count = 1;
  options.command = "test";
  return options;
}

inline std::string train_small(const std::string& name, const NerTrainOptions& options) {
  const std::string path = (scratch_dir() / name).string();
  Result<NerTrainResult> r = train_ner(options, path);
  if (!r.ok()) throw std::runtime_error(r.status().to_string());
  return path;
}

inline std::string train_small_model(const std::string& name, std::uint64_t seed = 1) {
  return train_small(name, small_options(seed));
}

// The same with the BiLSTM scorer (small sizes, so it trains in seconds).
inline std::string train_small_neural_model(const std::string& name, std::uint64_t seed = 1,
                                            bool crf = false,
                                            const std::string& architecture = "bilstm") {
  NerTrainOptions options = small_options(seed);
  options.architecture = architecture;
  options.lstm_dim = 24;
  options.word_dim = 24;
  options.crf = crf;
  options.epochs = 15;
  options.batch = 4;
  options.patience = 15;
  return train_small(name, options);
}

}  // namespace textgraph::ner_testing
