// DocumentReader: inputs (files, directories, stdin, JSONL, CoNLL-U) as a
// sequence of chunks.
#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <optional>

#include "core/error.h"
#include "core/files.h"
#include "pipeline/chunker.h"
#include "pipeline/inputs.h"
#include "pipeline/jsonl.h"
#include "textgraph/conllu.h"
#include "textgraph/pipeline.h"

namespace textgraph {

using pipeline::CutMode;
using pipeline::CutRule;
using pipeline::InputSource;
using pipeline::TextChunker;

namespace {

bool all_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  });
}

// Text with a NUL byte is not text: refuse it, naming the line, rather than
// tokenize binary junk into pages of U+FFFD.
void refuse_binary(std::string_view text, const std::string& name, std::size_t first_line,
                   bool count_lines) {
  const std::size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return;
  const std::size_t line =
      first_line +
      (count_lines ? static_cast<std::size_t>(std::count(text.begin(), text.begin() + nul, '\n'))
                   : 0);
  fail_input("binary data (a NUL byte at byte " + std::to_string(nul + 1) +
                 " of this line or document); expected text",
             {name, line});
}

// "newdoc" or "newdoc id = X" among a CoNLL-U sentence's comments.
std::optional<std::string> newdoc_of(const Sentence& s) {
  for (const std::string& c : s.comments) {
    if (c == "newdoc") return std::string();
    if (c.rfind("newdoc id = ", 0) == 0) return c.substr(12);
    if (c.rfind("newdoc ", 0) == 0) return std::string();
  }
  return std::nullopt;
}

std::size_t form_bytes(const Sentence& s) {
  std::size_t n = 0;
  for (const Word& w : s.words) n += w.form.size() + 1;
  return n;
}

}  // namespace

struct DocumentReader::Impl {
  InputOptions options;
  std::vector<InputSource> sources;
  std::vector<std::string> files;
  std::size_t next_source = 0;
  std::istream* external = nullptr;  // from_stream(): the stream of the only source

  // The source being read (null between sources).
  const InputSource* current = nullptr;
  std::unique_ptr<std::ifstream> file;
  std::istream* in = nullptr;
  std::unique_ptr<TextChunker> chunker;  // raw text, or the current JSONL document's text
  std::unique_ptr<LineReader> lines;     // JSONL
  std::uint64_t jsonl_bytes = 0;         // JSONL: bytes of the lines read so far
  std::unique_ptr<ConlluReader> conllu;
  std::optional<Sentence> pending;  // CoNLL-U: read ahead, starts the next chunk

  // Progress, read by progress() from another thread.
  std::atomic<std::size_t> files_done{0};
  std::atomic<std::uint64_t> bytes_done{0};  // finished sources and the current one
  std::uint64_t finished_bytes = 0;          // sizes of the finished sources
  std::atomic<std::size_t> documents_started{0};

  // The document being read.
  std::size_t documents = 0;  // documents started so far
  std::string doc_id, date, source;
  std::size_t part = 0;
  std::size_t doc_line = 0;        // JSONL: the document's line
  bool doc_has_sentences = false;  // CoNLL-U

  CutRule rule() const {
    CutRule r;
    r.mode = options.sentence_per_line ? CutMode::kLines : CutMode::kParagraphs;
    r.target = std::max<std::size_t>(options.chunk_bytes, 1);
    r.max = std::max(options.max_chunk_bytes, r.target);
    return r;
  }

  void start_document(std::string id, std::string date_ = {}, std::string source_ = {}) {
    documents_started = ++documents;
    doc_id = std::move(id);
    date = std::move(date_);
    source = std::move(source_);
    part = 0;
    doc_has_sentences = false;
  }

  void close_source() {
    finished_bytes += current ? current->size : 0;
    bytes_done = finished_bytes;
    ++files_done;
    chunker.reset();
    lines.reset();
    conllu.reset();
    pending.reset();
    file.reset();
    in = nullptr;
    current = nullptr;
  }

  std::istream& open_stream(const InputSource& src) {
    if (external) return *external;
    if (src.path == "-") return std::cin;
    file = std::make_unique<std::ifstream>(src.path, std::ios::binary);
    if (!*file) fail(ErrorCode::kIo, "cannot open", {src.name});
    return *file;
  }

  bool open_next_source() {
    if (next_source >= sources.size()) return false;
    current = &sources[next_source++];
    switch (current->format) {
      case InputFormat::kJsonl:
        lines = std::make_unique<LineReader>(open_stream(*current), current->name);
        jsonl_bytes = 0;
        break;
      case InputFormat::kConllu:
        conllu = std::make_unique<ConlluReader>(open_stream(*current), current->name);
        start_document(current->name);
        break;
      default:
        in = &open_stream(*current);
        chunker = std::make_unique<TextChunker>(*in, current->name, rule());
        start_document(current->name == "<stdin>" ? "stdin" : current->name);
        doc_line = 0;
        break;
    }
    return true;
  }

  void fill(Chunk& out, TextChunker::Piece& piece) {
    const bool jsonl = current->format == InputFormat::kJsonl;
    refuse_binary(piece.text, current->name, jsonl ? doc_line : piece.line, !jsonl);
    out.document_id = doc_id;
    out.date = date;
    out.source = source;
    out.document_index = documents - 1;
    out.part = part++;
    out.origin = {current->name, jsonl ? doc_line : piece.line};
    out.kind = options.sentence_per_line ? ChunkKind::kLines : ChunkKind::kText;
    out.raw = std::move(piece.text);
    out.offset = piece.offset;
    out.starts_paragraph = piece.starts_paragraph;
    out.keep_tokens = options.keep_tokens;
    out.line_breaks = options.line_breaks;
    out.document.id = doc_id;
    if (!lines)
      bytes_done = finished_bytes + std::min<std::uint64_t>(chunker->consumed(), current->size);
  }

  // The next JSONL document into `chunker`; false at the end of the file.
  bool next_jsonl_document() {
    std::string line;
    while (lines->next(line)) {
      const std::size_t n = lines->line_number();
      jsonl_bytes += line.size() + 1;
      bytes_done = finished_bytes + std::min<std::uint64_t>(jsonl_bytes, current->size);
      // A byte order mark may open the file; it is not part of the JSON.
      if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      if (all_blank(line)) continue;
      pipeline::JsonlRecord record = pipeline::parse_jsonl_record(line, current->name, n);
      start_document(record.has_id ? record.id : current->name + ":" + std::to_string(n),
                     std::move(record.date), std::move(record.source));
      doc_line = n;
      chunker = std::make_unique<TextChunker>(std::move(record.text), rule());
      return true;
    }
    return false;
  }

  // Whole sentences up to about chunk_bytes of forms, never across a
  // "# newdoc"; false at the end of the file.
  bool next_conllu_chunk(Chunk& out) {
    std::size_t bytes = 0;
    while (true) {
      Sentence s;
      if (pending) {
        s = std::move(*pending);
        pending.reset();
      } else {
        Result<bool> got = conllu->next(s);
        if (!got.ok())
          throw Error(got.status().code(), got.status().message(), got.status().where());
        if (!*got) break;
      }
      if (std::optional<std::string> id = newdoc_of(s)) {
        if (!out.document.sentences.empty()) {
          pending = std::move(s);
          break;
        }
        const std::string name = id->empty() ? current->name : *id;
        if (doc_has_sentences)
          start_document(name);
        else
          doc_id = name;
      }
      if (out.document.sentences.empty()) {
        out.document_id = doc_id;
        out.document_index = documents - 1;
        out.part = part++;
        out.origin = {current->name, 0};
        out.kind = ChunkKind::kSentences;
        out.document.id = doc_id;
      }
      bytes += form_bytes(s);
      out.document.sentences.push_back(std::move(s));
      doc_has_sentences = true;
      if (bytes >= options.chunk_bytes) break;
    }
    return !out.document.sentences.empty();
  }

  bool next(Chunk& out) {
    out = Chunk();
    while (true) {
      if (chunker) {
        TextChunker::Piece piece;
        if (chunker->next(piece)) {
          fill(out, piece);
          return true;
        }
        chunker.reset();
        if (!lines) close_source();
        continue;
      }
      if (lines) {
        if (!next_jsonl_document()) close_source();
        continue;
      }
      if (conllu) {
        if (next_conllu_chunk(out)) return true;
        close_source();
        continue;
      }
      if (!open_next_source()) return false;
    }
  }
};

DocumentReader::DocumentReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DocumentReader::~DocumentReader() = default;
DocumentReader::DocumentReader(DocumentReader&&) noexcept = default;
DocumentReader& DocumentReader::operator=(DocumentReader&&) noexcept = default;

Result<DocumentReader> DocumentReader::open(const std::vector<std::string>& inputs,
                                            const InputOptions& options) {
  return guard_result<DocumentReader>([&] {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->sources = pipeline::expand_inputs(inputs, options.format);
    for (const InputSource& s : impl->sources) impl->files.push_back(s.name);
    return DocumentReader(std::move(impl));
  });
}

Result<DocumentReader> DocumentReader::from_stream(std::istream& in, const std::string& name,
                                                   const InputOptions& options) {
  return guard_result<DocumentReader>([&] {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->external = &in;
    const InputFormat format =
        options.format == InputFormat::kAuto ? InputFormat::kText : options.format;
    impl->sources.push_back({name, name, format});
    impl->files.push_back(name);
    return DocumentReader(std::move(impl));
  });
}

Result<bool> DocumentReader::next(Chunk& out) {
  return guard_result<bool>([&] { return impl_->next(out); });
}

const std::vector<std::string>& DocumentReader::files() const { return impl_->files; }

ReadProgress DocumentReader::progress() const {
  ReadProgress p;
  p.files = impl_->sources.size();
  p.files_done = impl_->files_done;
  for (const InputSource& s : impl_->sources) p.bytes += s.size;
  p.bytes_done = impl_->bytes_done;
  p.documents = impl_->documents_started;
  return p;
}

}  // namespace textgraph
