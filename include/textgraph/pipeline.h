// textgraph/pipeline.h — the analysis pipeline: inputs of any size (files,
// directories, standard input, JSONL document streams, CoNLL-U) are read in
// chunks, tokenized, tagged and parsed (then any added steps run), on any
// number of threads, with output that does not depend on the thread count.
//
// Usage, one text:
//   textgraph::Result<textgraph::Analyzer> analyzer = textgraph::Analyzer::load();
//   if (!analyzer.ok()) { report(analyzer.status()); return; }  // names the model file
//   textgraph::Result<textgraph::Document> doc = analyzer->analyze_text("Putin met envoys.");
//   for (const textgraph::Word& w : doc->sentences[0].words)
//     std::cout << w.form << " " << w.upos << " " << w.head << " " << w.deprel << "\n";
//
// Usage, a stream (what `textgraph parse`, `extract` and `build` do):
//   textgraph::InputOptions in;                     // in.sentence_per_line = true for CaRB
//   textgraph::Result<textgraph::DocumentReader> reader =
//       textgraph::DocumentReader::open({"news/", "more.jsonl", "-"}, in);
//   if (!reader.ok()) { report(reader.status()); return; }   // a missing file, an empty dir
//   textgraph::Status st = textgraph::analyze_stream(*reader, *analyzer, /*threads=*/2,
//       [&](textgraph::Chunk& chunk) -> textgraph::Status {  // input order, calling thread
//         for (const textgraph::Sentence& s : chunk.document.sentences) use(chunk, s);
//         return {};
//       });
//   if (!st.ok()) report(st);                       // "news/a.txt:12: binary data ..."
//
// Inputs (DocumentReader):
//   - a file: read as its format says (InputOptions::format; kAuto goes by the
//     name: "*.jsonl" JSONL, "*.conllu" CoNLL-U, anything else raw text). A
//     raw-text file is one document whose id is the path as given.
//   - a directory: walked recursively; its files named "*.txt" and "*.jsonl"
//     ("*.conllu" too when the format is kAuto or kConllu; only the forced
//     format's extension when one is forced) are read in byte order of their
//     paths; names starting with "." are skipped. A directory without any
//     such file is an error.
//   - "-": standard input, raw text unless a format is forced; document id "stdin".
//   - JSONL: one JSON object per line, {"id": "a1", "text": "...", "date":
//     "...", "source": "..."}; "text" is required, "id" may be a string or an
//     integer (missing: "FILE:LINE"), "date" and "source" are optional
//     strings, other fields are ignored, blank lines are skipped. Each line is
//     one document.
//   - CoNLL-U: sentences as given (their tokens, words, sentence boundaries,
//     comments and MISC are kept); "# newdoc id = X" starts document X.
//   - InputOptions::sentence_per_line: every line of a text (a file, stdin or
//     a JSONL "text") is one sentence. The tokenizer's rules still apply
//     within the line but never join across whitespace, so pre-tokenized
//     (PTB-style) input keeps its tokens ("Bruce 's", "30 - year", "``") and
//     plain sentences get theirs ("said," -> said ,). With `keep_tokens` the
//     tokens are exactly the whitespace-separated pieces instead.
//
// Chunks: raw text is cut at the first paragraph break (a blank line) after
// InputOptions::chunk_bytes; tokenizing the pieces gives the same sentences
// as tokenizing the whole (see paragraph_break_after() in tokenizer.h). A
// paragraph longer than max_chunk_bytes is cut at a line break, else at a
// space, else at a character boundary (then a sentence or word may be split
// there). Sentence-per-line text is cut at line breaks (no change at all).
// CoNLL-U is grouped into chunks of whole sentences. A chunk never spans two
// documents. Cuts depend only on the bytes, never on read sizes or threads.
// With LineBreaks::kAuto each chunk decides on its own whether its text
// looks hard-wrapped; later steps (AnalysisStep) see one chunk at a time.
//
// Offsets: Chunk::document.text is the chunk's text after UTF-8 repair and
// spans are relative to it; Chunk::source_offset() turns such an offset into
// a byte offset into the original input document (the file, or the JSONL
// "text" value), invalid bytes and all.
//
// Memory: at most a few chunks per thread are held at once (about 300 bytes
// per word each), whatever the input size; a JSONL line is held whole.
//
// Determinism: the same input, options and models give the same chunks,
// the same analyses and the same order with any thread count.
//
// Failure: Analyzer::load() fails with ErrorCode::kModel naming the model
// file. DocumentReader::open() fails with kIo for a missing or unreadable
// path and kInvalidInput for a directory without input files. While
// reading: kInvalidInput naming FILE:LINE for malformed JSONL (FILE:LINE:COL)
// or CoNLL-U, and for binary data (a NUL byte) in text; kIo for read errors.
// Invalid UTF-8 in text is not an error: it is replaced by U+FFFD and counted
// in Chunk::repaired. analyze_stream() stops at the first failure in input
// order (reading, analysis or the sink's Status) and returns it; every chunk
// before it has been passed to the sink.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "textgraph/document.h"
#include "textgraph/status.h"
#include "textgraph/tokenizer.h"

namespace textgraph {

class Tagger;
class Parser;

// ---------------------------------------------------------------- inputs

// How input files are read.
enum class InputFormat {
  kAuto,    // by file name: *.jsonl JSONL, *.conllu CoNLL-U, else raw text; stdin: raw text
  kText,    // raw UTF-8 text, one document per file
  kJsonl,   // one JSON document object per line
  kConllu,  // CoNLL-U sentences
};

struct InputOptions {
  InputFormat format = InputFormat::kAuto;  // forced format of every input, or kAuto
  bool sentence_per_line = false;           // text: every line is one sentence (see the top)
  bool keep_tokens = false;                 // with sentence_per_line: tokens are exactly the
                             // whitespace-separated pieces (TokenizerInput::kPretokenized)
  LineBreaks line_breaks = LineBreaks::kAuto;  // raw text: how single line breaks are read
  std::size_t chunk_bytes = 32 * 1024;         // text is cut at the first paragraph break at or
                                               // after this many bytes; CoNLL-U chunks hold
                                               // sentences of about this many bytes of forms
  std::size_t max_chunk_bytes = 1 << 20;       // no paragraph break by then: cut at a line
                                               // break or space (must be >= chunk_bytes)
};

// What a chunk holds before analysis.
enum class ChunkKind {
  kText,       // raw text (Chunk::raw), cut at paragraph breaks
  kLines,      // raw text, one sentence per line (InputOptions::sentence_per_line)
  kSentences,  // CoNLL-U sentences already in Chunk::document.sentences
};

// One piece of one input document: the unit of reading, analysis and
// threading. The reader fills the first group of fields; Analyzer::analyze()
// fills `document` (and `repaired`), analyze_stream() fills first_sentence.
struct Chunk {
  // Where it comes from.
  std::string document_id;         // path as given (inside a directory: dir/sub/x.txt),
                                   // "stdin", the JSONL "id", or CoNLL-U "# newdoc id"
  std::string date;                // JSONL "date"; "" = none
  std::string source;              // JSONL "source"; "" = none
  std::size_t document_index = 0;  // 0-based count of documents before this one in the input
  std::size_t part = 0;            // 0 for a document's first chunk, then 1, 2, ...
  Location origin;                 // input file and 1-based line where the chunk starts
                                   // (for JSONL, the document's line)

  // What it holds.
  ChunkKind kind = ChunkKind::kText;
  std::string raw;                             // kText, kLines: the bytes as read (may hold invalid
                                               // UTF-8); emptied by analysis
  std::size_t offset = 0;                      // byte offset of raw[0] in its input document
  bool starts_paragraph = true;                // false when the chunk was cut inside a paragraph
  bool keep_tokens = false;                    // kLines: whitespace-separated tokens exactly
  LineBreaks line_breaks = LineBreaks::kAuto;  // kText: as InputOptions::line_breaks

  // After analysis.
  Document document;         // id = document_id; text = raw after UTF-8 repair
                             // (empty for kSentences); analyzed sentences with
                             // spans relative to document.text
  std::size_t repaired = 0;  // invalid UTF-8 sequences replaced by U+FFFD
  std::vector<std::pair<std::size_t, std::size_t>>
      repairs;                     // (offset in document.text,
                                   // offset in raw) just after each U+FFFD put in, in
                                   // order; empty when nothing was repaired
  std::size_t first_sentence = 0;  // index within its document of document.sentences[0]

  // The byte offset in the original input document of `text_offset`, an
  // offset into document.text (a span end or begin).
  std::size_t source_offset(std::size_t text_offset) const;
};

// How far a DocumentReader has got, for progress bars.
struct ReadProgress {
  std::size_t files = 0;         // inputs, directories expanded
  std::size_t files_done = 0;    // inputs read to the end
  std::uint64_t bytes = 0;       // total size of the inputs that are regular files
                                 // (standard input and pipes count 0)
  std::uint64_t bytes_done = 0;  // of those, bytes read so far (a CoNLL-U file counts
                                 // when it is done)
  std::size_t documents = 0;     // documents started so far
};

// Reads inputs as a sequence of chunks, one input after the other.
class DocumentReader {
 public:
  // Checks that every path exists and expands directories (see the top);
  // nothing is read yet. "-" is standard input.
  [[nodiscard]] static Result<DocumentReader> open(const std::vector<std::string>& inputs,
                                                   const InputOptions& options = {});
  // Reads from a stream owned by the caller, in format `format` (kAuto means
  // raw text); `name` is the document id and the file name in messages.
  [[nodiscard]] static Result<DocumentReader> from_stream(std::istream& in, const std::string& name,
                                                          const InputOptions& options = {});

  // The next chunk into `out` (all of its fields are reset): true if there
  // was one, false at the end of the last input.
  [[nodiscard]] Result<bool> next(Chunk& out);

  // The inputs with directories expanded, in reading order, as named in
  // messages ("<stdin>" for standard input).
  const std::vector<std::string>& files() const;
  // Safe to call while another thread is inside next() (analyze_stream's
  // sink runs beside the reading).
  ReadProgress progress() const;

  ~DocumentReader();
  DocumentReader(DocumentReader&&) noexcept;
  DocumentReader& operator=(DocumentReader&&) noexcept;

 private:
  struct Impl;
  explicit DocumentReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ---------------------------------------------------------------- analysis

// What happens to annotation already present in CoNLL-U input.
enum class GivenAnnotation {
  kReplace,  // every layer the pipeline has (LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL,
             // DEPS, NER) is cleared and predicted anew: nothing from the input passes
             // through but tokens, sentences, comments and other MISC attributes
  kKeep,     // a sentence whose words all have UPOS keeps its tags, features and
             // lemmas; one whose words all have a HEAD and DEPREL keeps its tree
             // (and DEPS); whatever is incomplete is predicted
};

struct AnalyzerOptions {
  std::string model_dir;     // "" = default_model_dir() (TEXTGRAPH_MODELS or the build's)
  std::string tagger_model;  // "" = model_dir + "/tagger.tgm"
  std::string parser_model;  // "" = model_dir + "/parser.tgm"
  GivenAnnotation given = GivenAnnotation::kReplace;
  // Let the parser re-tag the words the tagger tagged (Retagging in
  // textgraph/parser.h; more accurate tags and lemmas at little cost). Tags
  // kept from the input (kKeep) are never changed.
  bool retag = true;
  std::size_t max_sentence_tokens = 1000;  // longer runs without a boundary are cut
                                           // (TokenizerOptions::max_sentence_tokens)
};

// An optional stage that runs after parsing and adds its own layer (named
// entities, coreference, ...). Later stages plug in through
// Analyzer::add_step(), so callers of the pipeline do not change.
class AnalysisStep {
 public:
  virtual ~AnalysisStep() = default;
  // Short name for messages ("ner").
  virtual std::string name() const = 0;
  // Adds the layer to every sentence of `document`: whole paragraphs (or
  // CoNLL-U sentences) of one input document, tokenized, tagged and parsed;
  // Document::text and spans as in Chunk. Called from several threads at
  // once on different documents; must give the same result for the same
  // input every time.
  [[nodiscard]] virtual Status run(Document& document) const = 0;
};

// The tokenizer, tagger and parser with their models, and the added steps.
// Immutable after setup: analyze() may run on many threads at once. Copies
// are cheap and share the models.
class Analyzer {
 public:
  // Loads the tagger and parser models (see AnalyzerOptions).
  [[nodiscard]] static Result<Analyzer> load(const AnalyzerOptions& options = {});

  // Appends a step run after parsing, in the order added. Not thread-safe:
  // add steps before analyzing.
  void add_step(std::shared_ptr<const AnalysisStep> step);

  // Analyzes one chunk read by DocumentReader: tokenizes kText and kLines
  // chunks (repairing invalid UTF-8, counted in `repaired`), then tags,
  // parses and runs the steps. Fails only when a step fails or on a sentence
  // the parser cannot hold (parser.h).
  [[nodiscard]] Status analyze(Chunk& chunk) const;
  // Tags, parses and runs the steps on a document whose sentences have
  // words (from the tokenizer or CoNLL-U), following AnalyzerOptions::given.
  [[nodiscard]] Status analyze(Document& document) const;
  // Tokenizes the whole text as one document (no chunks) and analyzes it.
  [[nodiscard]] Result<Document> analyze_text(std::string_view text,
                                              const TokenizerOptions& options = {}) const;

  const Tagger& tagger() const;
  const Parser& parser() const;
  const AnalyzerOptions& options() const;

  ~Analyzer();
  Analyzer(const Analyzer&);
  Analyzer& operator=(const Analyzer&);
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

 private:
  struct Impl;
  explicit Analyzer(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

// ---------------------------------------------------------------- streaming

// Reads every chunk from `reader`, analyzes the chunks on `threads` threads
// (1 or 0: on the calling thread only), sets Chunk::first_sentence, and
// passes each chunk to `sink` in input order on the calling thread. At most
// 4 * threads chunks are in memory at once. A non-ok Status from the sink
// stops the run and is returned.
[[nodiscard]] Status analyze_stream(DocumentReader& reader, const Analyzer& analyzer,
                                    std::size_t threads, const std::function<Status(Chunk&)>& sink);

// Writes analyzed chunks as CoNLL-U, in the order given.
//   kText and kLines chunks: "# newdoc id = ID" before a document's first
//   sentence, "# newpar" where a paragraph starts (blank lines in the input),
//   "# sent_id = N" numbering the sentences of the whole output from 1,
//   "# text = " rebuilt from the tokens, and in MISC of every token line
//   (the multiword token's line for "don't") TokenRange=BEGIN:END, the byte
//   range of the token in the original input document (Chunk::source_offset).
//   kSentences chunks: written as read (comments, ids, MISC), with the
//   analysis in their columns.
class ConlluChunkWriter {
 public:
  explicit ConlluChunkWriter(std::ostream& out) : out_(out) {}
  // Writes the chunk's sentences; MISC of text chunks is set in place.
  void write(Chunk& chunk);
  std::size_t sentences() const { return sentences_; }  // written so far
  std::size_t words() const { return words_; }
  std::size_t tokens() const { return tokens_; }  // surface tokens

 private:
  std::ostream& out_;
  std::size_t sentences_ = 0;
  std::size_t words_ = 0;
  std::size_t tokens_ = 0;
  std::size_t last_document_ = static_cast<std::size_t>(-1);  // document_index of the last
                                                              // sentence written
};

}  // namespace textgraph
