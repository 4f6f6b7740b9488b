// tag_file(): whole files in, IOB2 out (`textgraph ner`).
#include <optional>

#include "core/error.h"
#include "core/files.h"
#include "core/parallel.h"
#include "ner/iob2.h"
#include "textgraph/conllu.h"
#include "textgraph/ner.h"
#include "textgraph/tokenizer.h"

namespace textgraph {

namespace {

// Sentences are read and tagged in batches: few enough to bound memory,
// enough to keep the threads' hand-over cheap.
constexpr std::size_t kBatch = 256;

template <class Next>
std::optional<std::vector<Sentence>> read_batch(Next&& next) {
  std::vector<Sentence> batch;
  Sentence s;
  while (batch.size() < kBatch && next(s)) {
    batch.push_back(std::move(s));
    s = Sentence();
  }
  if (batch.empty()) return std::nullopt;
  return batch;
}

struct Tagged {
  std::vector<Sentence> gold;    // as read (kIob2 only, for the scores)
  std::vector<Sentence> system;  // with the tagger's tags
};

void add(EntityCounts& a, const EntityCounts& b) {
  a.gold += b.gold;
  a.predicted += b.predicted;
  a.correct += b.correct;
}

}  // namespace

Result<NerFileResult> tag_file(const NerTagger& tagger, const std::string& input_path,
                               const std::string& output_path, const NerFileOptions& options) {
  return guard_result<NerFileResult>([&] {
    NerFileResult result;
    const bool score = options.input == NerInput::kIob2;
    OutputFile out(output_path);
    auto work = [&](std::vector<Sentence> batch) {
      Tagged t;
      if (score) t.gold = batch;
      tagger.tag(batch);
      t.system = std::move(batch);
      return t;
    };
    auto write = [&](Tagged t) {
      for (const Sentence& s : t.system) {
        write_iob2(s, out.stream(), std::to_string(++result.sentences));
        result.words += s.words.size();
        result.entities += entity_spans(s).size();
      }
      if (!score) return;
      const NerScores d = compare_entities(t.gold, t.system);
      result.scores.sentences += d.sentences;
      result.scores.words += d.words;
      result.scores.tags_correct += d.tags_correct;
      add(result.scores.all, d.all);
      for (const auto& [type, c] : d.by_type) add(result.scores.by_type[type], c);
    };
    if (options.input == NerInput::kText) {
      const std::string text = read_file(input_path);
      if (looks_binary(text)) fail_input("binary data, not text", {input_path});
      Result<Tokenized> r = tokenize(text, TokenizerOptions{});
      if (!r.ok()) throw Error(r.status().code(), r.status().message(), r.status().where());
      result.repaired = r->repaired;
      if (!r->document.sentences.empty()) write(work(std::move(r->document.sentences)));
    } else if (options.input == NerInput::kIob2) {
      LineReader lines(input_path);
      Iob2Reader reader(lines);
      ordered_parallel_map(
          options.threads, [&] { return read_batch([&](Sentence& s) { return reader.next(s); }); },
          work, write);
    } else {
      ConlluReader reader(input_path);
      ordered_parallel_map(
          options.threads,
          [&] {
            return read_batch([&](Sentence& s) {
              Result<bool> got = reader.next(s);
              if (!got.ok())
                throw Error(got.status().code(), got.status().message(), got.status().where());
              return *got;
            });
          },
          work, write);
    }
    out.commit();
    return result;
  });
}

}  // namespace textgraph
