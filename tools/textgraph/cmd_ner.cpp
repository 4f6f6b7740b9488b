// `textgraph ner FILE`: named entities as IOB2 (the Universal NER layout).
#include <iostream>
#include <optional>

#include "cli.h"
#include "commands.h"
#include "core/error.h"
#include "core/files.h"
#include "core/parallel.h"
#include "textgraph/conllu.h"
#include "textgraph/ner.h"
#include "textgraph/tokenizer.h"

namespace textgraph::cli {
namespace {

bool starts_document(const Sentence& s) {
  for (const std::string& c : s.comments)
    if (c.rfind("newdoc", 0) == 0) return true;
  return false;
}

// Groups a stream of sentences into documents at "newdoc" comments.
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
  std::vector<Sentence> gold;    // as read (kept only for --score)
  std::vector<Sentence> system;  // with the tagger's tags
};

int run_ner(Args& args) {
  const std::string input = args.option("--input").value_or("conllu");
  if (input != "conllu" && input != "text" && input != "iob2")
    throw UsageError("--input must be conllu, text or iob2, not '" + input + "'");
  const std::string output = args.option("--output", "-o").value_or("-");
  const std::optional<std::string> model_path = args.option("--model");
  const long threads = args.integer("--threads", 1, 256, "-j").value_or(1);
  const bool score = args.flag("--score");
  const std::vector<std::string> files = args.positionals();
  if (files.size() != 1) throw UsageError("expected one input FILE ('-' = standard input)");
  if (score && input != "iob2") throw UsageError("--score needs --input iob2 (gold tags)");
  const std::string& path = files[0];

  Result<NerTagger> tagger = model_path ? NerTagger::load(*model_path) : NerTagger::load_default();
  if (!tagger.ok()) return report(tagger.status());

  NerScores scores;
  std::size_t sentence_number = 0;
  const Status status = guard([&] {
    OutputFile out(output);
    auto write = [&](Tagged t) {
      for (Sentence& s : t.system) write_iob2(s, out.stream(), std::to_string(++sentence_number));
      if (score) {
        const NerScores d = compare_entities(t.gold, t.system);
        scores.sentences += d.sentences;
        scores.words += d.words;
        scores.tags_correct += d.tags_correct;
        auto add = [](EntityCounts& a, const EntityCounts& b) {
          a.gold += b.gold;
          a.predicted += b.predicted;
          a.correct += b.correct;
        };
        add(scores.all, d.all);
        for (const auto& [type, c] : d.by_type) add(scores.by_type[type], c);
      }
    };
    auto work = [&](std::vector<Sentence> doc) {
      Tagged t;
      if (score) t.gold = doc;
      for (Sentence& s : doc)
        for (Word& w : s.words) w.ner.clear();
      tagger->tag(doc);
      t.system = std::move(doc);
      return t;
    };
    if (input == "text") {
      const std::string text = read_file(path);
      if (looks_binary(text)) fail_input("binary data, not text", {path});
      TokenizerOptions options;
      Result<Tokenized> r = tokenize(text, options);
      if (!r.ok()) throw Error(r.status().code(), r.status().message(), r.status().where());
      if (r->repaired > 0)
        warn(path + ": " + std::to_string(r->repaired) + " invalid UTF-8 sequences replaced");
      write(work(std::move(r->document.sentences)));
    } else if (input == "iob2") {
      Result<std::vector<Sentence>> all = read_iob2(path);
      if (!all.ok()) throw Error(all.status().code(), all.status().message(), all.status().where());
      std::size_t next_index = 0;
      Documents docs;
      ordered_parallel_map(
          static_cast<std::size_t>(threads),
          [&] {
            return docs.read([&](Sentence& s) {
              if (next_index >= all->size()) return false;
              s = std::move((*all)[next_index++]);
              return true;
            });
          },
          work, write);
    } else {
      ConlluReader reader(path);
      Documents docs;
      ordered_parallel_map(
          static_cast<std::size_t>(threads),
          [&] {
            return docs.read([&](Sentence& s) {
              Result<bool> got = reader.next(s);
              if (!got.ok()) throw Error(got.status().code(), got.status().message(), got.status().where());
              return *got;
            });
          },
          work, write);
    }
    out.commit();
  });
  if (!status.ok()) return report(status);
  if (score) std::cerr << format_scores(scores);
  return kOk;
}

}  // namespace

const Command kNer{
    "ner",
    "tag named entities (PER, ORG, LOC) and write IOB2",
    "usage: textgraph ner FILE [--input conllu|text|iob2] [-o OUT] [--model MODEL]\n"
    "                          [-j N] [--score]\n"
    "\n"
    "Tags the named entities of FILE ('-' = standard input) and writes them in the\n"
    "IOB2 layout of Universal NER: per sentence \"# sent_id = ...\" and \"# text =\n"
    "...\" (and \"# newdoc id = ...\" where the input starts a document), then one\n"
    "line per word: ID, FORM, TAG (O, B-PER, I-PER, B-ORG, ...), '-', '-'.\n"
    "Words are UD syntactic words (\"do n't\"). Sentences without a sent_id are\n"
    "numbered from 1.\n"
    "\n"
    "options:\n"
    "  --input conllu  FILE is CoNLL-U (default); \"# newdoc\" comments start\n"
    "                  documents, within which the tagger keeps names consistent\n"
    "  --input text    FILE is raw UTF-8 text, tokenized first; one document\n"
    "  --input iob2    FILE is IOB2 (its tags are replaced)\n"
    "  -o, --output OUT  write to OUT atomically (default '-': standard output)\n"
    "  --model MODEL   the NER model (default: ner.tgm in the model directory,\n"
    "                  $TEXTGRAPH_MODELS or the built-in one)\n"
    "  -j, --threads N tag N documents at once (output identical for any N)\n"
    "  --score         with --input iob2: print entity precision, recall and F1\n"
    "                  per type against FILE's tags to standard error (exact span\n"
    "                  and type, as conlleval)\n"
    "\n"
    "exit status: 0 ok; 1 unreadable or malformed input or model (the message names\n"
    "FILE:LINE); 2 usage error\n",
    run_ner,
};

}  // namespace textgraph::cli
