// textgraph/model.h — the versioned binary container every trained model
// (tagger, lemmatizer, parser, entity tagger) is stored in.
//
// Usage:
//   textgraph::ModelFile model;
//   model.kind = "tagger";
//   model.metadata_json = R"({"data": ["UD_English-EWT train"], "license": "CC BY-SA 4.0"})";
//   model.sections.push_back({"weights", bytes});
//   if (auto s = textgraph::save_model(model, "tagger.tgm"); !s.ok()) ...
//
//   textgraph::Result<textgraph::ModelFile> m = textgraph::load_model("tagger.tgm");
//   if (!m.ok()) report(m.status());   // names the file and what is wrong
//   const std::string* w = m->section("weights");
//
// File layout (all integers little-endian):
//   8 bytes   magic "TXGMODEL"
//   u32       format version (kModelFormatVersion)
//   u32+bytes kind ("tagger", "parser", ...)
//   u32+bytes metadata: a JSON object (training data and licenses, command, scores)
//   u32       section count, then per section: u32+bytes name, u64+bytes payload
//   u64       FNV-1a 64-bit checksum of every byte before it
//
// load_model() fails with ErrorCode::kModel, naming the file, when the file is
// missing, not a model (bad magic), of a newer format version than this build
// reads, truncated, or corrupt (checksum mismatch, trailing bytes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "textgraph/status.h"

namespace textgraph {

inline constexpr std::uint32_t kModelFormatVersion = 1;

struct ModelSection {
  std::string name;     // unique within a model ("words", "weights", ...)
  std::string payload;  // opaque bytes, laid out by the stage that owns the model
};

struct ModelFile {
  std::string kind;           // which stage reads it: "tagger", "parser", "ner", ...
  std::string metadata_json;  // a JSON object; "{}" at least
  std::vector<ModelSection> sections;

  // The payload of the named section, or nullptr.
  const std::string* section(std::string_view name) const;
};

// Writes atomically (temporary file + rename).
[[nodiscard]] Status save_model(const ModelFile& model, const std::string& path);
[[nodiscard]] Result<ModelFile> load_model(const std::string& path);
// Same checks on bytes already in memory; `name` is used in error messages.
[[nodiscard]] Result<ModelFile> parse_model(std::string_view bytes, const std::string& name);

// Where default models live: $TEXTGRAPH_MODELS if set, else the directory
// configured at build time (the source tree's models/).
std::string default_model_dir();

}  // namespace textgraph
