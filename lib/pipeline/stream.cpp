// analyze_stream(): reading, analysis on worker threads, and the caller's
// sink in input order.
#include <limits>
#include <optional>

#include "core/error.h"
#include "core/parallel.h"
#include "textgraph/pipeline.h"

namespace textgraph {
namespace {

[[noreturn]] void rethrow(const Status& st, const Location& fallback) {
  throw Error(st.code(), st.message(), st.where().file.empty() ? fallback : st.where());
}

}  // namespace

Status analyze_stream(DocumentReader& reader, const Analyzer& analyzer, std::size_t threads,
                      const std::function<Status(Chunk&)>& sink) {
  std::size_t document = std::numeric_limits<std::size_t>::max();
  std::size_t sentences = 0;  // of `document` passed on so far
  return guard([&] {
    ordered_parallel_map(
        threads,
        [&]() -> std::optional<Chunk> {
          Chunk chunk;
          const Result<bool> got = reader.next(chunk);
          if (!got.ok()) rethrow(got.status(), {});
          if (!*got) return std::nullopt;
          return chunk;
        },
        [&](Chunk chunk) {
          const Status st = analyzer.analyze(chunk);
          if (!st.ok()) rethrow(st, chunk.origin);
          return chunk;
        },
        [&](Chunk chunk) {
          // Sentence numbers within a document need every earlier chunk, so
          // they are given here, in input order.
          if (chunk.document_index != document) {
            document = chunk.document_index;
            sentences = 0;
          }
          chunk.first_sentence = sentences;
          sentences += chunk.document.sentences.size();
          const Status st = sink(chunk);
          if (!st.ok()) rethrow(st, {});
        });
  });
}

}  // namespace textgraph
