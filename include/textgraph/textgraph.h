// textgraph/textgraph.h — the whole job: documents → triples → knowledge
// graph. What `textgraph extract` and `textgraph build` run; the CLI only
// parses options.
//
// Usage, triples of a stream of documents:
//   textgraph::TextGraphOptions options;           // options.input.sentence_per_line, ...
//   options.threads = 2;                           // output identical to threads = 1
//   textgraph::TextGraphReport report;
//   textgraph::Status st = textgraph::extract_inputs({"news/", "more.jsonl", "-"}, options,
//       [&](const textgraph::Chunk& chunk, std::vector<textgraph::Triple>& triples) {
//         for (const textgraph::Triple& t : triples) write(t);   // input order, this thread
//         return textgraph::Status();
//       }, &report);
//   if (!st.ok()) report_error(st);                // "more.jsonl:7:12: ..."
//
// Usage, a graph from documents and triple files alike:
//   textgraph::KnowledgeGraph graph;
//   textgraph::Status st = textgraph::build_graph({"article.txt", "old.jsonl"}, options, graph);
//   if (st.ok()) st = textgraph::write_graph(graph, "talks.graphml",
//                                            textgraph::GraphFormat::kGraphml);
//
// Inputs: every path means what it means to DocumentReader (pipeline.h):
// text files, directories, "-" (standard input), JSONL document streams
// (*.jsonl: {"id": ..., "text": ..., "date": ..., "source": ...} per line),
// CoNLL-U. build_graph() also reads triple files; input_kind() says which a
// path is:
//   - "*.tsv": triples (subject TAB relation TAB object [TAB confidence]);
//   - "*.jsonl" / "*.ndjson": its first non-blank line decides: a JSON object
//     with a "subject" member is a triple record (formats.h), so the file
//     holds triples; anything else makes it a document stream (and a
//     malformed record is reported as such, FILE:LINE:COL);
//   - anything else (text, directories, "-", *.conllu): documents.
//   TextGraphOptions::triples forces every input to be a triple file of one
//   format (standard input included).
//
// Provenance of extracted triples: document = the chunk's document id (the
// path as given, "stdin", or the JSONL "id"); sentence = 0-based index of the
// sentence in its whole document (Chunk::first_sentence added, so long
// documents cut into chunks number on); every span is a byte range in the
// original input document (the file, or the JSONL "text" value, counted in
// the bytes as read, invalid UTF-8 and all: Chunk::source_offset()).
//
// CoNLL-U input: by default (AnalyzerOptions::given = kKeep here) sentences
// whose words all have heads keep their trees and tags, so gold or
// previously parsed files extract as they are; set kReplace to re-parse.
//
// Actors (TextGraphOptions::view = kActors): each chunk's triples go
// through EntityResolver on the worker thread (mentions, names, coreference;
// Argument::actor and ::type set), then through ActorLinker on the calling
// thread, which links a single surname left open in its document to a full
// name of the same document, else to the one person of that surname in the
// corpus (entities.h). TextGraphOptions::linking says which corpus:
//   - kWholeCorpus (the default; `textgraph build`): every chunk's full
//     names are observed first and the triples are linked and handed on
//     after the last chunk, so a "Trump" read before any "Donald Trump" is
//     still linked, and a "Smith" is left open when the corpus holds two
//     Smiths anywhere. The sink then receives the chunks only at the end,
//     without their analysed Document (Chunk::document emptied), and the
//     triples of the whole input are held in memory until then.
//   - kInOrder (`textgraph extract`, streaming): each chunk is linked and
//     handed on as soon as it is extracted, against the names read so far.
// The dictionary is the shipped actors.tsv
// (in the model directory) plus TextGraphOptions::actor_files; a malformed
// entry fails the run with kInvalidInput at FILE:LINE before any input is
// read.
//
// Determinism: the same inputs, options and models give the same triples in
// the same order, and the same graph, with any thread count: chunks are
// analysed and extracted on worker threads and handed on in input order.
//
// Memory: streaming; at most 4 chunks per thread are held at once (see
// pipeline.h), plus, for build_graph(), the graph itself, and with
// ActorLinking::kWholeCorpus the triples and entity mentions of the input
// until its end.
//
// Failure: the first failure in input order stops the run and is returned;
// everything before it has been passed to the sink (or added to the graph;
// the caller decides whether to write anything: the CLI writes nothing) —
// with ActorLinking::kWholeCorpus, nothing of the failed call's documents.
// kModel for a model file that is missing or corrupt (loaded only when some
// input is a document); kIo for a missing input or read error;
// kInvalidInput at FILE:LINE[:COL] for malformed JSONL, CoNLL-U or triple
// files, binary data in text, a triple the graph refuses; whatever the sink
// returns. Invalid UTF-8 in text is repaired (U+FFFD) and counted per file in
// TextGraphReport::repaired, never an error. Control characters other than
// tab, newline and carriage return (and U+FFFE, U+FFFF), which no graph or
// triple format can hold, become spaces (U+FFFD) in the triples' texts, byte
// for byte so that spans still fit, counted in
// TextGraphReport::control_characters.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "textgraph/entities.h"
#include "textgraph/extractor.h"
#include "textgraph/formats.h"
#include "textgraph/graph.h"
#include "textgraph/pipeline.h"
#include "textgraph/status.h"
#include "textgraph/triple.h"

namespace textgraph {

// When ActorLinker links a chunk's open surnames (see the top).
enum class ActorLinking {
  kWholeCorpus,  // against every full name of the input: triples handed on at the end
  kInOrder,      // against the full names read so far: triples handed on chunk by chunk
};

struct TextGraphOptions {
  InputOptions input;              // how documents are read (format, sentence per line, chunks)
  AnalyzerOptions analyzer = [] {  // models; given CoNLL-U trees kept (see the top)
    AnalyzerOptions a;
    a.given = GivenAnnotation::kKeep;
    return a;
  }();
  std::vector<std::shared_ptr<const AnalysisStep>>
      steps;                            // run after parsing (entities,
                                        // coreference, ...), in order, by the analyzers that
                                        // extract_inputs() and build_graph() load
  ExtractOptions extract;               // which triples the rules give
  std::size_t threads = 1;              // analysis and extraction threads (0 or 1: the calling one)
  std::optional<TripleFormat> triples;  // build_graph(): every input is a triple file of
                                        // this format (kTsv or kJsonl); nullopt = input_kind()
  EntityView view = EntityView::kActors;  // kActors: the entity stage runs after extraction
                                          // and sets Argument::actor/type (entities.h);
                                          // kMentions: it does not run
  std::vector<std::string> actor_files;   // dictionary entries added to the shipped ones
  EntityOptions entities;                 // coreference on/off, pronoun window
  ActorLinker* linker = nullptr;          // corpus-level actor state carried across calls
                                          // (build_graph() sets its own); null = one per call
  ActorLinking linking = ActorLinking::kWholeCorpus;  // which names ActorLinker links against
                                                      // (see the top)
  std::function<void(const ReadProgress&)>
      progress;  // called after each chunk, on the
                 // calling thread (progress bars); may be empty
};

// What a run saw, added up over its inputs.
struct TextGraphReport {
  ExtractStats extract;                // sentences, triples, skipped sentences
  std::size_t documents = 0;           // documents read (triple files not counted)
  std::size_t words = 0;               // syntactic words analysed
  std::size_t triple_files = 0;        // build_graph(): triple files read
  std::size_t triples_read = 0;        // build_graph(): triples read from them
  std::size_t control_characters = 0;  // in triple texts, replaced by spaces (see the top)
  std::vector<std::pair<std::string, std::size_t>>
      repaired;  // input file → invalid UTF-8
                 // sequences replaced by U+FFFD, in reading order
};

// Called with each chunk's triples, in input order, on the calling thread.
// The triples may be moved from. A non-ok Status stops the run.
using TripleSink = std::function<Status(const Chunk& chunk, std::vector<Triple>& triples)>;

// Triples of every chunk `reader` gives, analysed by `analyzer` on
// options.threads threads (options.input, options.analyzer and options.steps
// are not used: the reader and analyzer come set up). Provenance as at the top.
[[nodiscard]] Status extract_documents(DocumentReader& reader, const Analyzer& analyzer,
                                       const TextGraphOptions& options, const TripleSink& sink,
                                       TextGraphReport* report = nullptr);

// Opens the inputs as documents (DocumentReader::open with options.input),
// loads the models (options.analyzer) and runs extract_documents().
[[nodiscard]] Status extract_inputs(const std::vector<std::string>& inputs,
                                    const TextGraphOptions& options, const TripleSink& sink,
                                    TextGraphReport* report = nullptr);

// What build_graph() makes of one input path.
enum class InputKind {
  kDocuments,    // text, directory, standard input, JSONL documents, CoNLL-U
  kTriplesTsv,   // a triple TSV file
  kTriplesJsonl  // a triple JSONL file
};

// The kind of `path` by the rules at the top; `forced` = TextGraphOptions::triples.
// Reads the first non-blank line of a .jsonl/.ndjson file (kIo when it cannot
// be opened). Standard input is documents unless forced.
[[nodiscard]] Result<InputKind> input_kind(const std::string& path,
                                           std::optional<TripleFormat> forced = std::nullopt);

// Adds to `graph` the triples of every input in command-line order: triple
// files as read, documents through extract_documents() (consecutive document
// inputs are read as one stream, so threads stay busy). The models are loaded
// only if some input is a document. On failure the graph holds what came
// before the failure. kUsage when options.extract.intransitive is set (an
// edge needs an object).
[[nodiscard]] Status build_graph(const std::vector<std::string>& inputs,
                                 const TextGraphOptions& options, KnowledgeGraph& graph,
                                 TextGraphReport* report = nullptr);

}  // namespace textgraph
