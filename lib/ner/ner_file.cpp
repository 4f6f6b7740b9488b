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

bool starts_document(const Sentence& s) {
  for (const std::string& c : s.comments)
    if (c.rfind("newdoc", 0) == 0) return true;
  return false;
}

// Groups a stream of sentences into documents at "newdoc" comments, so that
// only one document at a time (per thread) is held in memory.
class Documents {
 public:
  // next(s) reads the next sentence into s: true if there was one.
  template <class Next>
  std::optional<std::vector<Sentence>> read(Next&& next) {
    if (done_) return std::nullopt;
    std::vector<Sentence> doc;
    if (pending_) doc.push_back(std::move(*pending_));
    pending_.reset();
    Sentence s;
    while (next(s)) {
      if (!doc.empty() && starts_document(s)) {
        pending_ = std::move(s);
        return doc;
      }
      doc.push_back(std::move(s));
      s = Sentence();
    }
    done_ = true;
    if (doc.empty()) return std::nullopt;
    return doc;
  }

 private:
  std::optional<Sentence> pending_;
  bool done_ = false;
};

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
    auto work = [&](std::vector<Sentence> doc) {
      Tagged t;
      if (score) t.gold = doc;
      for (Sentence& s : doc)
        for (Word& w : s.words) w.ner.clear();
      tagger.tag(doc);
      t.system = std::move(doc);
      return t;
    };
    auto write = [&](Tagged t) {
      ++result.documents;
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
    Documents docs;
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
          options.threads, [&] { return docs.read([&](Sentence& s) { return reader.next(s); }); },
          work, write);
    } else {
      ConlluReader reader(input_path);
      ordered_parallel_map(
          options.threads,
          [&] {
            return docs.read([&](Sentence& s) {
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
