// textgraph/pipeline.h — text in, triples out: tokenize, tag, parse, extract;
// and the input documents that `textgraph extract` (and `build`) read.
//
// Usage:
//   textgraph::Result<textgraph::Pipeline> p = textgraph::Pipeline::load();  // default models
//   if (!p.ok()) { report(p.status()); return; }    // names the model file and the problem
//   textgraph::PipelineOptions options;
//   textgraph::Result<std::vector<textgraph::Triple>> triples =
//       p->extract("Putin met U.S. envoys in Riyadh.", "article-1", options);
//
//   // Or stage by stage: the analysed Document, then any extraction.
//   textgraph::Result<textgraph::Document> doc = p->analyze(text, "article-1", options);
//   std::vector<textgraph::Triple> t = textgraph::extract(*doc, options.extract);
//
//   // Inputs as the CLI takes them: text files, directories of .txt files,
//   // JSONL document streams, standard input ("-").
//   textgraph::DocumentReader in({"news.jsonl", "articles/", "-"});
//   textgraph::InputDocument d;
//   while (true) {
//     textgraph::Result<bool> got = in.next(d);
//     if (!got.ok()) { report(got.status()); break; }   // "news.jsonl:7:12: ..."
//     if (!*got) break;
//     use(d);   // d.id, d.text, d.offset, ...
//   }
//
// Thread safety: a loaded Pipeline is immutable; analyze() and extract() may
// run on any number of threads at once with identical results.
//
// Failure: load() returns ErrorCode::kModel naming the file when the tagger
// or parser model is missing, corrupt or fails its self-test. analyze() and
// extract() fail only when a stage does (running out of memory; a sentence
// of more than ten million words). Invalid UTF-8 in the text is repaired
// (U+FFFD) and counted, never an error. DocumentReader::next() returns kIo
// for an unreadable file or directory, kInvalidInput naming FILE:LINE:COL for
// a malformed JSONL record (not an object, bad JSON, "text" missing or not a
// string, "id" neither string nor number), and kInvalidInput for a file that
// looks binary (NUL bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "textgraph/document.h"
#include "textgraph/extractor.h"
#include "textgraph/status.h"
#include "textgraph/tokenizer.h"
#include "textgraph/triple.h"

namespace textgraph {

struct PipelineOptions {
  bool sentence_per_line = false;  // each input line is one sentence whose tokens are
                                   // separated by spaces and kept as written (benchmark
                                   // files such as CaRB's: "Bruce 's 30 - year career")
  TokenizerOptions tokenizer;      // how running text is tokenized (input and document_id
                                   // are set by the pipeline)
  ExtractOptions extract;          // what extract() keeps
};

class Pipeline {
 public:
  // Loads tagger.tgm and parser.tgm from `model_dir` ("" = default_model_dir()).
  [[nodiscard]] static Result<Pipeline> load(const std::string& model_dir = "");
  ~Pipeline();
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;

  // `text` tokenized, tagged and parsed, as a Document with id `id`.
  // `repaired` (optional) receives the number of invalid UTF-8 sequences
  // replaced in the text.
  [[nodiscard]] Result<Document> analyze(std::string_view text, const std::string& id,
                                         const PipelineOptions& options,
                                         std::size_t* repaired = nullptr) const;
  // analyze() then textgraph::extract() with options.extract.
  [[nodiscard]] Result<std::vector<Triple>> extract(std::string_view text, const std::string& id,
                                                    const PipelineOptions& options,
                                                    ExtractStats* stats = nullptr) const;

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One document (or one piece of a long one) to analyse.
struct InputDocument {
  std::string id;            // JSONL "id" (a number is written in decimal); otherwise the
                             // path as given ("-" for standard input)
  std::string text;          // the text, or this piece of it
  std::string date;          // JSONL "date" when given as a string; "" = none
  std::string source;        // JSONL "source" when given as a string; "" = none
  std::string file;          // where it was read from, for messages
  std::size_t line = 0;      // 1-based line of the JSONL record; 0 for a text file
  std::size_t piece = 0;     // 0-based piece number: a long text file comes in pieces cut at
                             // paragraph breaks, in order, all with the same id
  std::uint64_t offset = 0;  // byte offset of this piece in its file or record text
};

// Reads documents from the inputs in order. A path ending in ".jsonl" holds
// one JSON object per line ({"id": ..., "text": ..., "date": ...,
// "source": ...}; other members are ignored; blank lines are skipped); a
// directory contributes its ".txt" files, recursively, in byte order of their
// paths; any other path, and "-" (standard input), is one text document.
// With `jsonl_stdin`, "-" is read as JSONL instead. Text documents longer
// than `piece_bytes` come in pieces cut after a paragraph break (a blank
// line), so that memory stays bounded however long the file.
class DocumentReader {
 public:
  explicit DocumentReader(std::vector<std::string> inputs, bool jsonl_stdin = false,
                          std::size_t piece_bytes = std::size_t{1} << 18);
  ~DocumentReader();
  DocumentReader(DocumentReader&&) noexcept;
  DocumentReader& operator=(DocumentReader&&) noexcept;

  // The next document into `out`: true if one was read, false at the end.
  [[nodiscard]] Result<bool> next(InputDocument& out);
  // Bytes of input consumed so far, and the total size of the regular files
  // among the inputs (directories expanded when reached; 0 when unknown).
  std::uint64_t bytes_read() const;
  std::uint64_t bytes_total() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace textgraph
