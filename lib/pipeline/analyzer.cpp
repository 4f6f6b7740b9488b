// Analyzer: tokenizer, tagger, parser and the added steps over one chunk or
// document.
#include <algorithm>

#include "core/error.h"
#include "pipeline/lines.h"
#include "pipeline/repairs.h"
#include "textgraph/model.h"
#include "textgraph/parser.h"
#include "textgraph/pipeline.h"
#include "textgraph/tagger.h"

namespace textgraph {
namespace {

void check(const Status& status) {
  if (!status.ok()) throw Error(status.code(), status.message(), status.where());
}

bool tags_complete(const Sentence& s) {
  return std::all_of(s.words.begin(), s.words.end(), [](const Word& w) { return !w.upos.empty(); });
}

bool tree_complete(const Sentence& s) {
  return std::all_of(s.words.begin(), s.words.end(),
                     [](const Word& w) { return w.head >= 0 && !w.deprel.empty(); });
}

}  // namespace

struct Analyzer::Impl {
  AnalyzerOptions options;
  std::shared_ptr<const Tagger> tagger;
  std::shared_ptr<const Parser> parser;
  Retagging retagging;  // empty unless options.retag and the parser can re-tag
  std::vector<std::shared_ptr<const AnalysisStep>> steps;

  void analyze_sentence(Sentence& s) const {
    if (s.words.empty()) return;
    const bool keep = options.given == GivenAnnotation::kKeep;
    const bool tag = !keep || !tags_complete(s);
    if (tag) tagger->tag(s);
    if (!keep || !tree_complete(s)) {
      for (Word& w : s.words) w.deps.clear();  // enhanced graph of a tree no longer there
      std::size_t retagged = 0;
      check(parser->parse(s, tag ? retagging : Retagging{}, &retagged));
      // Tree repairs go with re-tagging: both revise the tagger's guesses,
      // and --no-retag promises the tagger's own tags.
      const bool repair = tag && options.retag;
      if (repair) retagged += repair_tags_from_tree(s);
      if (retagged > 0) tagger->complete(s);
      if (repair) repair_lemmas_from_tree(s);
    }
    if (!keep)
      for (Word& w : s.words) w.ner.clear();
  }

  void analyze(Document& doc) const {
    for (Sentence& s : doc.sentences) analyze_sentence(s);
    for (const auto& step : steps) {
      const Status st = step->run(doc);
      if (!st.ok()) throw Error(st.code(), step->name() + ": " + st.message(), st.where());
    }
  }

  void tokenize_chunk(Chunk& chunk) const {
    TokenizerOptions t;
    t.max_sentence_tokens = options.max_sentence_tokens;
    t.document_id = chunk.document_id;
    if (chunk.kind == ChunkKind::kLines) {
      t.input = chunk.keep_tokens ? TokenizerInput::kPretokenized : TokenizerInput::kText;
      t.line_breaks = LineBreaks::kSentence;
    } else {
      t.line_breaks = chunk.line_breaks;
    }
    Result<Tokenized> r = tokenize(chunk.raw, t);
    check(r.status());
    chunk.document = std::move(r->document);
    chunk.repaired = r->repaired;
    if (chunk.repaired > 0) chunk.repairs = pipeline::repair_points(chunk.raw);
    if (chunk.kind == ChunkKind::kLines && !chunk.keep_tokens)
      pipeline::join_sentences_of_lines(chunk.document, options.max_sentence_tokens);
    if (!chunk.starts_paragraph && !chunk.document.sentences.empty())
      chunk.document.sentences.front().new_paragraph = false;
    std::string().swap(chunk.raw);
  }
};

Analyzer::Analyzer(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(const Analyzer& other) : impl_(std::make_shared<Impl>(*other.impl_)) {}
Analyzer& Analyzer::operator=(const Analyzer& other) {
  if (this != &other) impl_ = std::make_shared<Impl>(*other.impl_);
  return *this;
}
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

Result<Analyzer> Analyzer::load(const AnalyzerOptions& options) {
  return guard_result<Analyzer>([&] {
    auto impl = std::make_shared<Impl>();
    impl->options = options;
    const std::string dir = options.model_dir.empty() ? default_model_dir() : options.model_dir;
    const std::string tagger_path =
        options.tagger_model.empty() ? dir + "/" + kTaggerModelFile : options.tagger_model;
    const std::string parser_path =
        options.parser_model.empty() ? dir + "/parser.tgm" : options.parser_model;
    Result<Tagger> tagger = Tagger::load(tagger_path);
    check(tagger.status());
    impl->tagger = std::make_shared<const Tagger>(std::move(tagger).value());
    Result<Parser> parser = Parser::load(parser_path);
    check(parser.status());
    impl->parser = std::make_shared<const Parser>(std::move(parser).value());
    if (options.retag) impl->retagging = impl->parser->retagging(impl->tagger->tag_pairs());
    return Analyzer(std::move(impl));
  });
}

void Analyzer::add_step(std::shared_ptr<const AnalysisStep> step) {
  if (step) impl_->steps.push_back(std::move(step));
}

Status Analyzer::analyze(Chunk& chunk) const {
  return guard([&] {
    if (chunk.kind != ChunkKind::kSentences) impl_->tokenize_chunk(chunk);
    impl_->analyze(chunk.document);
  });
}

Status Analyzer::analyze(Document& document) const {
  return guard([&] { impl_->analyze(document); });
}

Result<Document> Analyzer::analyze_text(std::string_view text,
                                        const TokenizerOptions& options) const {
  return guard_result<Document>([&] {
    Result<Tokenized> r = tokenize(text, options);
    check(r.status());
    impl_->analyze(r->document);
    return std::move(r->document);
  });
}

const Tagger& Analyzer::tagger() const { return *impl_->tagger; }
const Parser& Analyzer::parser() const { return *impl_->parser; }
const AnalyzerOptions& Analyzer::options() const { return impl_->options; }

}  // namespace textgraph
