// DocumentReader: text files, directories of .txt files, JSONL streams,
// standard input.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <system_error>

#include "core/error.h"
#include "core/files.h"
#include "textgraph/pipeline.h"

namespace textgraph {

namespace fs = std::filesystem;

struct DocumentReader::Impl {
  std::deque<std::string> pending;  // inputs not yet opened, in order
  bool jsonl_stdin = false;
  std::size_t piece_bytes = 0;
  std::uint64_t read = 0, total = 0;

  // The text document being cut into pieces.
  std::string text, text_id;
  std::size_t text_pos = 0, text_piece = 0;
  bool in_text = false;

  // The JSONL stream being read.
  std::unique_ptr<LineReader> jsonl;

  bool next(InputDocument& out);
  bool next_piece(InputDocument& out);
  bool next_record(InputDocument& out);
  void open(const std::string& path);
};

namespace {

bool is_jsonl(const std::string& path) {
  return path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0;
}

std::uint64_t size_of(const std::string& path) {
  std::error_code ec;
  if (path == "-" || !fs::is_regular_file(path, ec)) return 0;
  const std::uintmax_t n = fs::file_size(path, ec);
  return ec ? 0 : static_cast<std::uint64_t>(n);
}

// A string member of a JSONL record, "" when absent or not a string.
std::string optional_string(const rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

}  // namespace

void DocumentReader::Impl::open(const std::string& path) {
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".txt")
        files.push_back(it->path().string());
    if (ec) fail(ErrorCode::kIo, "cannot read directory: " + ec.message(), {path});
    std::sort(files.begin(), files.end());
    for (auto f = files.rbegin(); f != files.rend(); ++f) {
      pending.push_front(*f);
      total += size_of(*f);
    }
    return;
  }
  if (is_jsonl(path) || (path == "-" && jsonl_stdin)) {
    jsonl = std::make_unique<LineReader>(path);
    return;
  }
  text = read_file(path);
  if (looks_binary(text)) fail_input("looks like a binary file, not text", {path});
  text_id = path;
  text_pos = 0;
  text_piece = 0;
  in_text = true;
}

bool DocumentReader::Impl::next_piece(InputDocument& out) {
  if (text_pos >= text.size() && !(text.empty() && text_piece == 0)) {
    in_text = false;
    text.clear();
    return false;
  }
  std::size_t end = text.size();
  if (text.size() - text_pos > piece_bytes)
    end = paragraph_break_after(text, text_pos + piece_bytes);
  out = InputDocument();
  out.id = text_id;
  out.file = text_id;
  out.text = text.substr(text_pos, end - text_pos);
  out.piece = text_piece++;
  out.offset = text_pos;
  read += end - text_pos;
  text_pos = end;
  if (text.empty()) text_pos = 1;  // an empty file is one empty document
  return true;
}

bool DocumentReader::Impl::next_record(InputDocument& out) {
  std::string line;
  while (jsonl->next(line)) {
    read += line.size() + 1;
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    // Invalid UTF-8 inside strings passes through here; the tokenizer
    // repairs and counts it like any text's.
    rapidjson::Document d;
    d.Parse(line.data(), line.size());
    if (d.HasParseError())
      fail_input(std::string("bad JSON: ") + rapidjson::GetParseError_En(d.GetParseError()),
                 jsonl->here(d.GetErrorOffset() + 1));
    if (!d.IsObject()) fail_input("a JSONL record must be an object", jsonl->here(1));
    auto text_it = d.FindMember("text");
    if (text_it == d.MemberEnd() || !text_it->value.IsString())
      fail_input("the record has no \"text\" string", jsonl->here(1));
    out = InputDocument();
    auto id_it = d.FindMember("id");
    if (id_it != d.MemberEnd()) {
      if (id_it->value.IsString()) {
        out.id.assign(id_it->value.GetString(), id_it->value.GetStringLength());
      } else if (id_it->value.IsInt64()) {
        out.id = std::to_string(id_it->value.GetInt64());
      } else if (id_it->value.IsUint64()) {
        out.id = std::to_string(id_it->value.GetUint64());
      } else {
        fail_input("\"id\" must be a string or an integer", jsonl->here(1));
      }
    } else {
      out.id = jsonl->name() + ":" + std::to_string(jsonl->line_number());
    }
    out.text.assign(text_it->value.GetString(), text_it->value.GetStringLength());
    out.date = optional_string(d, "date");
    out.source = optional_string(d, "source");
    out.file = jsonl->name();
    out.line = jsonl->line_number();
    return true;
  }
  jsonl.reset();
  return false;
}

bool DocumentReader::Impl::next(InputDocument& out) {
  while (true) {
    if (in_text) {
      if (next_piece(out)) return true;
      continue;
    }
    if (jsonl) {
      if (next_record(out)) return true;
      continue;
    }
    if (pending.empty()) return false;
    const std::string path = pending.front();
    pending.pop_front();
    open(path);
  }
}

DocumentReader::DocumentReader(std::vector<std::string> inputs, bool jsonl_stdin,
                               std::size_t piece_bytes)
    : impl_(std::make_unique<Impl>()) {
  impl_->jsonl_stdin = jsonl_stdin;
  impl_->piece_bytes = std::max<std::size_t>(piece_bytes, 1);
  for (std::string& p : inputs) {
    impl_->total += size_of(p);
    impl_->pending.push_back(std::move(p));
  }
}

DocumentReader::~DocumentReader() = default;
DocumentReader::DocumentReader(DocumentReader&&) noexcept = default;
DocumentReader& DocumentReader::operator=(DocumentReader&&) noexcept = default;

Result<bool> DocumentReader::next(InputDocument& out) {
  return guard_result<bool>([&] { return impl_->next(out); });
}

std::uint64_t DocumentReader::bytes_read() const { return impl_->read; }
std::uint64_t DocumentReader::bytes_total() const { return impl_->total; }

}  // namespace textgraph
