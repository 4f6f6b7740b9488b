// build_graph(): triple files and documents into one knowledge graph.
#include <rapidjson/document.h>

#include <optional>
#include <string_view>

#include "core/error.h"
#include "core/files.h"
#include "textgraph/entity_steps.h"
#include "textgraph/textgraph.h"

namespace textgraph {
namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A JSONL file holds triples when its first record is an object with a
// "subject": document records never have one, triple records always do.
// Anything unreadable as JSON is left to the document reader, whose message
// names the line and column.
bool first_record_is_triple(const std::string& path) {
  LineReader lines(path);
  std::string line;
  while (lines.next(line)) {
    std::string_view l = line;
    if (lines.line_number() == 1 && l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);
    if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag>(l.data(), l.size());
    return !doc.HasParseError() && doc.IsObject() && doc.HasMember("subject");
  }
  return false;
}

void add_triple_file(const std::string& path, TripleFormat format, EntityView view,
                     KnowledgeGraph& graph, TextGraphReport& r) {
  TripleReader reader(path, format);
  Triple t;
  while (true) {
    const Result<bool> got = reader.next(t);
    if (!got.ok()) throw Error(got.status().code(), got.status().message(), got.status().where());
    if (!*got) break;
    // The mentions view keys nodes by the phrases, whatever the file says.
    if (view == EntityView::kMentions && !t.subject.text.empty() && !t.object.text.empty()) {
      t.subject.actor.clear();
      t.object.actor.clear();
      for (Argument& a : t.extra) a.actor.clear();
    }
    if (const Status s = graph.add(t); !s.ok()) throw Error(s.code(), s.message(), s.where());
    ++r.triples_read;
  }
  ++r.triple_files;
}

}  // namespace

Result<InputKind> input_kind(const std::string& path, std::optional<TripleFormat> forced) {
  if (forced) {
    if (*forced == TripleFormat::kCarb)
      return Status::error(ErrorCode::kUsage, "CaRB files cannot be read", {path});
    return *forced == TripleFormat::kTsv ? InputKind::kTriplesTsv : InputKind::kTriplesJsonl;
  }
  if (path == "-") return InputKind::kDocuments;
  if (ends_with(path, ".tsv")) return InputKind::kTriplesTsv;
  if (!ends_with(path, ".jsonl") && !ends_with(path, ".ndjson")) return InputKind::kDocuments;
  Result<bool> triples = guard_result<bool>([&] { return first_record_is_triple(path); });
  if (!triples.ok()) return triples.status();
  return *triples ? InputKind::kTriplesJsonl : InputKind::kDocuments;
}

Status build_graph(const std::vector<std::string>& inputs, const TextGraphOptions& options,
                   KnowledgeGraph& graph, TextGraphReport* report) {
  if (options.extract.intransitive)
    return Status::error(ErrorCode::kUsage, "a graph needs objects: turn off intransitive");
  TextGraphReport local;
  TextGraphReport& r = report ? *report : local;
  std::optional<Analyzer> analyzer;  // loaded at the first document input
  std::vector<std::string> documents;
  // A bad --actors file is reported before anything is read, even when
  // every input is a triple file.
  if (options.view == EntityView::kActors && !options.actor_files.empty())
    if (Result<ActorDictionary> d =
            load_actor_dictionary(options.analyzer.model_dir, options.actor_files);
        !d.ok())
      return d.status();
  // One corpus of actors across every document input.
  ActorLinker linker;
  TextGraphOptions with_linker = options;
  if (!with_linker.linker) with_linker.linker = &linker;

  // Consecutive document inputs make one stream, so that threads stay busy
  // across small files.
  const auto flush_documents = [&]() -> Status {
    if (documents.empty()) return {};
    if (!analyzer) {
      Result<Analyzer> loaded = Analyzer::load(options.analyzer);
      if (!loaded.ok()) return loaded.status();
      analyzer = std::move(*loaded);
      if (Status s = add_entity_steps(*analyzer, options); !s.ok()) return s;
      for (const auto& step : options.steps) analyzer->add_step(step);
    }
    Result<DocumentReader> reader = DocumentReader::open(documents, options.input);
    documents.clear();
    if (!reader.ok()) return reader.status();
    return extract_documents(
        *reader, *analyzer, with_linker,
        [&](const Chunk& chunk, std::vector<Triple>& triples) -> Status {
          for (const Triple& t : triples)
            if (Status s = graph.add(t); !s.ok())
              return Status::error(s.code(), s.message(), chunk.origin);
          return {};
        },
        &r);
  };

  for (const std::string& input : inputs) {
    const Result<InputKind> kind = input_kind(input, options.triples);
    if (!kind.ok()) return kind.status();
    if (*kind == InputKind::kDocuments) {
      documents.push_back(input);
      continue;
    }
    if (Status s = flush_documents(); !s.ok()) return s;
    const TripleFormat format =
        *kind == InputKind::kTriplesTsv ? TripleFormat::kTsv : TripleFormat::kJsonl;
    if (Status s = guard([&] { add_triple_file(input, format, options.view, graph, r); }); !s.ok())
      return s;
  }
  return flush_documents();
}

}  // namespace textgraph
