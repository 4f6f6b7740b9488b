// extract_documents(): analysis and extraction on worker threads, triples
// handed on in input order with document-wide provenance.
#include <filesystem>
#include <limits>
#include <optional>

#include "core/error.h"
#include "core/parallel.h"
#include "extract/tree.h"
#include "formats/text_check.h"
#include "textgraph/entity_steps.h"
#include "textgraph/model.h"
#include "textgraph/ner.h"
#include "textgraph/textgraph.h"

namespace textgraph {
namespace {

[[noreturn]] void rethrow(const Status& st, const Location& fallback) {
  throw Error(st.code(), st.message(), st.where().file.empty() ? fallback : st.where());
}

// One chunk through analysis and the rules.
struct Extracted {
  Chunk chunk;
  std::vector<Triple> triples;
  DocumentEntities entities;
  ExtractStats stats;
  std::size_t words = 0;
  std::size_t cleaned = 0;
};

// Spans from the extractor are offsets into the chunk's repaired text; users
// trace triples back to the input as read, so they become source offsets.
void to_source(const Chunk& chunk, std::vector<Span>& spans) {
  for (Span& sp : spans)
    if (sp.known()) {
      sp.begin = chunk.source_offset(sp.begin);
      sp.end = chunk.source_offset(sp.end);
    }
}

// Control characters in the input (form feeds, escape sequences) would make
// the triple unfit for every file format (XML cannot hold them): they become
// spaces (U+FFFE/U+FFFF become U+FFFD), byte for byte, so spans still fit.
std::size_t clean(std::string& s) {
  std::size_t count = 0;
  std::size_t from = 0;
  while (true) {
    const std::size_t found = find_disallowed(std::string_view(s).substr(from));
    if (found == std::string::npos) return count;
    const std::size_t at = from + found;
    ++count;
    if (s.compare(at, 2, "\xEF\xBF") == 0 && at + 3 <= s.size()) {
      s.replace(at, 3, "\xEF\xBF\xBD");
      from = at + 3;
    } else {
      s[at] = static_cast<unsigned char>(s[at]) < 0x80 ? ' ' : '?';
      from = at + 1;
    }
  }
}

std::size_t clean(Triple& t) {
  std::size_t n = clean(t.subject.text) + clean(t.object.text) + clean(t.relation.text) +
                  clean(t.relation.lemma) + clean(t.attribution.source) +
                  clean(t.attribution.verb) + clean(t.modality) + clean(t.provenance.text) +
                  clean(t.provenance.document);
  for (Argument& a : t.extra) n += clean(a.text);
  return n;
}

void add(ExtractStats& to, const ExtractStats& from) {
  to.sentences += from.sentences;
  to.unparsed += from.unparsed;
  to.malformed += from.malformed;
  to.triples += from.triples;
  to.truncated += from.truncated;
}

}  // namespace

Status extract_documents(DocumentReader& reader, const Analyzer& analyzer,
                         const TextGraphOptions& options, const TripleSink& sink,
                         TextGraphReport* report) {
  TextGraphReport local;
  TextGraphReport& r = report ? *report : local;
  std::size_t document = std::numeric_limits<std::size_t>::max();
  std::size_t sentences = 0;  // of `document` passed on so far
  std::optional<ActorDictionary> dictionary;
  std::optional<EntityResolver> resolver;
  ActorLinker own_linker;
  ActorLinker& linker = options.linker ? *options.linker : own_linker;
  // kWholeCorpus: every chunk is observed as it comes, linked and handed on
  // after the last one (its analysed Document dropped, as only the triples
  // and mentions are needed then).
  struct Held {
    Chunk chunk;
    std::vector<Triple> triples;
    DocumentEntities entities;
  };
  std::vector<Held> held;
  if (options.view == EntityView::kActors) {
    Result<ActorDictionary> d =
        load_actor_dictionary(options.analyzer.model_dir, options.actor_files);
    if (!d.ok()) return d.status();
    dictionary = std::move(*d);
    resolver.emplace(*dictionary, options.entities);
  }
  const bool hold = resolver && options.linking == ActorLinking::kWholeCorpus;
  return guard([&] {
    ordered_parallel_map(
        options.threads,
        [&]() -> std::optional<Chunk> {
          Chunk chunk;
          const Result<bool> got = reader.next(chunk);
          if (!got.ok()) rethrow(got.status(), {});
          if (!*got) return std::nullopt;
          return chunk;
        },
        [&](Chunk chunk) {
          if (const Status st = analyzer.analyze(chunk); !st.ok()) rethrow(st, chunk.origin);
          // Tagging repairs once, so that the entity stage reads the same
          // tree as the extractor ("United States envoys" as one noun phrase).
          Sentence repaired;
          for (Sentence& s : chunk.document.sentences)
            if (extraction::repair_sentence(s, repaired)) s = std::move(repaired);
          Extracted e;
          e.triples = extract(chunk.document, options.extract, &e.stats);
          // Before spans become source offsets: the stage maps them to words.
          if (resolver) e.entities = resolver->resolve(chunk.document, e.triples);
          for (Triple& t : e.triples) {
            to_source(chunk, t.subject.spans);
            to_source(chunk, t.relation.spans);
            to_source(chunk, t.object.spans);
            for (Argument& a : t.extra) to_source(chunk, a.spans);
            e.cleaned += clean(t);
          }
          for (const Sentence& s : chunk.document.sentences) e.words += s.words.size();
          e.chunk = std::move(chunk);
          return e;
        },
        [&](Extracted e) {
          // Sentence numbers within a document need every earlier chunk, so
          // they are given here, in input order.
          Chunk& chunk = e.chunk;
          if (chunk.document_index != document) {
            document = chunk.document_index;
            sentences = 0;
            ++r.documents;
          }
          chunk.first_sentence = sentences;
          sentences += chunk.document.sentences.size();
          for (Triple& t : e.triples) t.provenance.sentence += chunk.first_sentence;
          if (hold)
            linker.observe(e.entities);
          else if (resolver)
            linker.link(e.entities, e.triples);
          add(r.extract, e.stats);
          r.words += e.words;
          r.control_characters += e.cleaned;
          if (chunk.repaired > 0) {
            if (r.repaired.empty() || r.repaired.back().first != chunk.origin.file)
              r.repaired.emplace_back(chunk.origin.file, 0);
            r.repaired.back().second += chunk.repaired;
          }
          if (hold) {
            chunk.document = Document();
            chunk.raw.clear();
            held.push_back({std::move(chunk), std::move(e.triples), std::move(e.entities)});
          } else if (const Status st = sink(chunk, e.triples); !st.ok()) {
            rethrow(st, chunk.origin);
          }
          if (options.progress) options.progress(reader.progress());
        });
    for (Held& h : held) {
      linker.link(h.entities, h.triples);
      if (const Status st = sink(h.chunk, h.triples); !st.ok()) rethrow(st, h.chunk.origin);
      h = Held();  // the graph now holds them
    }
  });
}

Status add_entity_steps(Analyzer& analyzer, const TextGraphOptions& options) {
  if (options.view != EntityView::kActors) return {};
  const std::string dir =
      options.analyzer.model_dir.empty() ? default_model_dir() : options.analyzer.model_dir;
  const std::string path = dir + "/" + kNerModelFile;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  Result<NerTagger> ner = NerTagger::load(path);
  if (!ner.ok()) return ner.status();
  analyzer.add_step(make_ner_step(*ner));
  return {};
}

Status extract_inputs(const std::vector<std::string>& inputs, const TextGraphOptions& options,
                      const TripleSink& sink, TextGraphReport* report) {
  Result<DocumentReader> reader = DocumentReader::open(inputs, options.input);
  if (!reader.ok()) return reader.status();
  Result<Analyzer> analyzer = Analyzer::load(options.analyzer);
  if (!analyzer.ok()) return analyzer.status();
  if (Status s = add_entity_steps(*analyzer, options); !s.ok()) return s;
  for (const auto& step : options.steps) analyzer->add_step(step);
  return extract_documents(*reader, *analyzer, options, sink, report);
}

}  // namespace textgraph
