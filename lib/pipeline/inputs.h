// Internal: the list of inputs a DocumentReader reads, with directories
// expanded and each file's format settled.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "textgraph/pipeline.h"

namespace textgraph::pipeline {

struct InputSource {
  std::string path;        // to open; "-" = standard input
  std::string name;        // in messages and document ids: the path, or "<stdin>"
  InputFormat format;      // kText, kJsonl or kConllu (never kAuto)
  std::uint64_t size = 0;  // bytes, for a regular file; 0 otherwise
};

// The format of a file named `path` under `forced` (kAuto: by extension).
InputFormat format_of(const std::string& path, InputFormat forced);

// Expands `inputs` in order. Throws Error(kIo) naming a path that does not
// exist or cannot be listed, Error(kInvalidInput) for a directory without
// input files.
std::vector<InputSource> expand_inputs(const std::vector<std::string>& inputs, InputFormat forced);

}  // namespace textgraph::pipeline
