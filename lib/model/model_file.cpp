#include <cstdlib>

#include "core/error.h"
#include "core/files.h"
#include "model/bytes.h"
#include "textgraph/model.h"

namespace textgraph {

namespace {

constexpr std::string_view kMagic = "TXGMODEL";

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

[[noreturn]] void model_error(const std::string& name, const std::string& what) {
  fail(ErrorCode::kModel, what, {name});
}

ModelFile parse_or_throw(std::string_view bytes, const std::string& name) {
  if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic)
    model_error(name, "not a textgraph model file (bad magic)");
  // The version is checked before the checksum so that a newer file gets the
  // helpful "newer version" message rather than "corrupt".
  if (bytes.size() < kMagic.size() + 4) model_error(name, "truncated model file");
  std::uint32_t version;
  std::memcpy(&version, bytes.data() + kMagic.size(), 4);
  if (version > kModelFormatVersion)
    model_error(name, "model format version " + std::to_string(version) +
                          " is newer than this textgraph reads (" +
                          std::to_string(kModelFormatVersion) + "); upgrade textgraph");
  if (version == 0) model_error(name, "invalid model format version 0");
  if (bytes.size() < kMagic.size() + 4 + 8) model_error(name, "truncated model file");
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  std::uint64_t stored;
  std::memcpy(&stored, bytes.data() + body.size(), 8);
  if (fnv1a64(body) != stored)
    model_error(name, "corrupt or truncated model file (checksum mismatch)");

  ByteReader in(body.substr(kMagic.size() + 4), name);
  ModelFile model;
  model.kind = in.get_string();
  model.metadata_json = in.get_string();
  const auto count = in.get<std::uint32_t>();
  for (std::uint32_t i = 0; i < count; ++i) {
    ModelSection section;
    section.name = in.get_string();
    const auto size = in.get<std::uint64_t>();
    section.payload = std::string(in.get_bytes(size));
    model.sections.push_back(std::move(section));
  }
  in.expect_end();
  return model;
}

}  // namespace

const std::string* ModelFile::section(std::string_view name) const {
  for (const auto& s : sections)
    if (s.name == name) return &s.payload;
  return nullptr;
}

Status save_model(const ModelFile& model, const std::string& path) {
  return guard([&] {
    ByteWriter out;
    out.bytes().append(kMagic);
    out.put<std::uint32_t>(kModelFormatVersion);
    out.put_string(model.kind);
    out.put_string(model.metadata_json.empty() ? "{}" : model.metadata_json);
    out.put<std::uint32_t>(static_cast<std::uint32_t>(model.sections.size()));
    for (const auto& s : model.sections) {
      out.put_string(s.name);
      out.put<std::uint64_t>(s.payload.size());
      out.bytes().append(s.payload);
    }
    out.put<std::uint64_t>(fnv1a64(out.bytes()));
    OutputFile file(path);
    file.stream().write(out.bytes().data(), static_cast<std::streamsize>(out.bytes().size()));
    file.commit();
  });
}

Result<ModelFile> parse_model(std::string_view bytes, const std::string& name) {
  return guard_result<ModelFile>([&] { return parse_or_throw(bytes, name); });
}

Result<ModelFile> load_model(const std::string& path) {
  return guard_result<ModelFile>([&] {
    std::string bytes;
    try {
      bytes = read_file(path);
    } catch (const Error& e) {
      fail(ErrorCode::kModel, std::string("cannot read model: ") + e.what(), {path});
    }
    return parse_or_throw(bytes, path);
  });
}

std::string default_model_dir() {
  if (const char* env = std::getenv("TEXTGRAPH_MODELS"); env && *env) return env;
  return TEXTGRAPH_MODELS_DIR;
}

}  // namespace textgraph
