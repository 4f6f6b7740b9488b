#include <charconv>
#include <cmath>
#include <istream>
#include <ostream>
#include <sstream>

#include "core/error.h"
#include "core/files.h"
#include "core/utf8.h"
#include "formats/text_check.h"
#include "formats/triple_codec.h"
#include "textgraph/formats.h"

namespace textgraph {

Result<TripleFormat> triple_format_named(std::string_view name) {
  if (name == "jsonl" || name == "ndjson") return TripleFormat::kJsonl;
  if (name == "tsv") return TripleFormat::kTsv;
  if (name == "carb" || name == "tabbed") return TripleFormat::kCarb;
  return Status::error(ErrorCode::kUsage,
                       "unknown triple format '" + std::string(name) + "' (jsonl, tsv, carb)");
}

Result<TripleFormat> triple_format_of(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    return Status::error(ErrorCode::kUsage,
                         "cannot tell the triple format of '" + path + "' from its name", {path});
  std::string ext = path.substr(dot + 1);
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  Result<TripleFormat> f = triple_format_named(ext);
  if (!f.ok())
    return Status::error(ErrorCode::kUsage, "unknown triple file extension '." + ext + "'", {path});
  return f;
}

// ── TSV and CaRB ────────────────────────────────────────────────────────────

void append_tsv_field(std::string& out, std::string_view s, bool first) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '#':
        if (first && i == 0)
          out += "\\#";
        else
          out += c;
        break;
      default:
        out += c;
    }
  }
}

void append_carb_field(std::string& out, std::string_view s) {
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

namespace {

// An argument known only by its actor still has something to print.
const std::string& shown(const Argument& a) { return a.text.empty() ? a.actor : a.text; }

}  // namespace

std::string triple_to_tsv(const Triple& t) {
  std::string out;
  append_tsv_field(out, shown(t.subject), true);
  out += '\t';
  append_tsv_field(out, t.relation.text.empty() ? t.relation.lemma : t.relation.text, false);
  out += '\t';
  append_tsv_field(out, shown(t.object), false);
  out += '\t';
  json::append_double(out, t.confidence);
  return out;
}

std::string triple_to_carb(const Triple& t) {
  std::string out;
  append_carb_field(out, t.provenance.text);
  out += '\t';
  json::append_double(out, t.confidence);
  out += '\t';
  append_carb_field(out, t.relation.text.empty() ? t.relation.lemma : t.relation.text);
  out += '\t';
  append_carb_field(out, shown(t.subject));
  out += '\t';
  append_carb_field(out, shown(t.object));
  for (const Argument& a : t.extra) {
    out += '\t';
    append_carb_field(out, a.text);
  }
  return out;
}

namespace {

// Splits one TSV line into unescaped fields; throws at the bad column.
void parse_tsv_line(const std::string& line, const LineReader& reader, Triple& t) {
  std::string fields[4];
  std::size_t count = 0;
  std::size_t starts[4] = {0, 0, 0, 0};
  std::string* field = &fields[0];
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\t') {
      if (++count >= 4)
        fail_input(
            "expected 3 or 4 tab-separated fields (subject, relation, object, "
            "confidence), found more",
            reader.here(i + 1));
      field = &fields[count];
      starts[count] = i + 1;
      continue;
    }
    if (c != '\\') {
      *field += c;
      continue;
    }
    if (i + 1 >= line.size()) fail_input("backslash at the end of the line", reader.here(i + 1));
    switch (line[++i]) {
      case 't':
        *field += '\t';
        break;
      case 'n':
        *field += '\n';
        break;
      case 'r':
        *field += '\r';
        break;
      case '\\':
        *field += '\\';
        break;
      case '#':
        *field += '#';
        break;
      default:
        fail_input(std::string("unknown escape '\\") + line[i] + "' (use \\t \\n \\r \\\\ or \\#)",
                   reader.here(i));
    }
  }
  ++count;
  if (count < 3)
    fail_input(
        "expected 3 or 4 tab-separated fields (subject, relation, object, confidence), "
        "found " +
            std::to_string(count),
        reader.here());
  static const char* const kNames[] = {"subject", "relation", "object"};
  for (std::size_t k = 0; k < 3; ++k) {
    const std::size_t bad = find_disallowed(fields[k]);
    if (bad != std::string::npos)
      fail_input(describe_disallowed(fields[k], bad) + " in " + kNames[k],
                 reader.here(starts[k] + 1));
  }
  t = Triple();
  t.subject.text = std::move(fields[0]);
  t.relation.text = std::move(fields[1]);
  t.object.text = std::move(fields[2]);
  if (count == 4) {
    const std::string& c = fields[3];
    double v = 0;
    auto [ptr, ec] = std::from_chars(c.data(), c.data() + c.size(), v);
    if (c.empty() || ec != std::errc() || ptr != c.data() + c.size())
      fail_input("confidence '" + c + "' is not a number", reader.here(starts[3] + 1));
    if (!(v >= 0.0 && v <= 1.0))
      fail_input("confidence " + c + " is not within [0, 1]", reader.here(starts[3] + 1));
    t.confidence = v;
  }
  check_triple_or_throw(t, reader.here());
}

}  // namespace

// ── Reader ──────────────────────────────────────────────────────────────────

struct TripleReader::Impl {
  TripleFormat format;
  std::string path;  // for a deferred open
  std::istream* borrowed = nullptr;
  std::string name;
  std::unique_ptr<LineReader> lines;
  std::string line;
  std::size_t read = 0;  // triples returned so far
  bool failed = false;
  Status error;

  void open() {
    if (lines) return;
    if (borrowed)
      lines = std::make_unique<LineReader>(*borrowed, name);
    else
      lines = std::make_unique<LineReader>(path);
  }

  bool next(Triple& out) {
    if (format == TripleFormat::kCarb)
      fail(ErrorCode::kUnsupported, "CaRB tabbed files cannot be read as triples", {name});
    open();
    while (lines->next(line)) {
      if (lines->line_number() == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
      if (line.find('\0') != std::string::npos)
        fail_input("binary data (NUL byte); expected " +
                       std::string(format == TripleFormat::kTsv ? "TSV" : "JSONL") + " text",
                   lines->here(line.find('\0') + 1));
      const std::size_t bad = utf8::find_invalid(line);
      if (bad != std::string::npos) fail_input("invalid UTF-8", lines->here(bad + 1));
      if (format == TripleFormat::kTsv) {
        if (line.empty() || line[0] == '#') continue;
        parse_tsv_line(line, *lines, out);
      } else {
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        json::Parser in(line, name, lines->line_number());
        read_triple_json(in, out);
        in.expect_end();
        check_triple_or_throw(out, lines->here());
      }
      ++read;
      return true;
    }
    if (read == 0) fail_input("no triples in the input (empty file?)", {name, 1});
    return false;
  }
};

TripleReader::TripleReader(const std::string& path, TripleFormat format)
    : impl_(std::make_unique<Impl>()) {
  impl_->format = format;
  impl_->path = path;
  impl_->name = path;
}

TripleReader::TripleReader(std::istream& in, std::string name, TripleFormat format)
    : impl_(std::make_unique<Impl>()) {
  impl_->format = format;
  impl_->borrowed = &in;
  impl_->name = std::move(name);
}

TripleReader::~TripleReader() = default;
TripleReader::TripleReader(TripleReader&&) noexcept = default;
TripleReader& TripleReader::operator=(TripleReader&&) noexcept = default;

Result<bool> TripleReader::next(Triple& out) {
  if (impl_->failed) return impl_->error;
  Result<bool> r = guard_result<bool>([&] { return impl_->next(out); });
  if (!r.ok()) {
    impl_->failed = true;
    impl_->error = r.status();
  }
  return r;
}

Result<std::vector<Triple>> read_triples(const std::string& path, TripleFormat format) {
  TripleReader reader(path, format);
  std::vector<Triple> out;
  Triple t;
  while (true) {
    Result<bool> got = reader.next(t);
    if (!got.ok()) return got.status();
    if (!*got) break;
    out.push_back(std::move(t));
  }
  return out;
}

Result<std::vector<Triple>> parse_triples(std::string_view text, const std::string& name,
                                          TripleFormat format) {
  std::istringstream in{std::string(text)};
  TripleReader reader(in, name, format);
  std::vector<Triple> out;
  Triple t;
  while (true) {
    Result<bool> got = reader.next(t);
    if (!got.ok()) return got.status();
    if (!*got) break;
    out.push_back(std::move(t));
  }
  return out;
}

// ── Writer ──────────────────────────────────────────────────────────────────

struct TripleWriter::Impl {
  TripleFormat format;
  std::string path;
  std::unique_ptr<OutputFile> file;
  std::string buffer;
  Status error;
  std::size_t written = 0;

  void flush() {
    file->stream().write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  }
};

TripleWriter::TripleWriter(const std::string& path, TripleFormat format)
    : impl_(std::make_unique<Impl>()) {
  impl_->format = format;
  impl_->path = path;
  impl_->error = guard([&] { impl_->file = std::make_unique<OutputFile>(path); });
}

TripleWriter::~TripleWriter() = default;
TripleWriter::TripleWriter(TripleWriter&&) noexcept = default;
TripleWriter& TripleWriter::operator=(TripleWriter&&) noexcept = default;

Status TripleWriter::write(const Triple& t) {
  Impl& w = *impl_;
  if (!w.error.ok()) return w.error;
  w.error = guard([&] {
    check_triple_or_throw(t, {});
    switch (w.format) {
      case TripleFormat::kJsonl:
        append_triple_json(w.buffer, t, false);
        break;
      case TripleFormat::kTsv:
        w.buffer += triple_to_tsv(t);
        break;
      case TripleFormat::kCarb:
        w.buffer += triple_to_carb(t);
        break;
    }
    w.buffer += '\n';
    ++w.written;
    if (w.buffer.size() >= (1u << 16)) w.flush();
  });
  return w.error;
}

Status TripleWriter::commit() {
  Impl& w = *impl_;
  if (!w.error.ok()) return w.error;
  w.error = guard([&] {
    w.flush();
    w.file->commit();
  });
  if (w.error.ok())
    w.error = Status::error(ErrorCode::kUsage, "triple writer already committed");
  else
    return w.error;
  return Status();
}

Status write_triples(const std::string& path, const std::vector<Triple>& triples,
                     TripleFormat format) {
  TripleWriter w(path, format);
  for (const Triple& t : triples)
    if (Status s = w.write(t); !s.ok()) return s;
  return w.commit();
}

}  // namespace textgraph
