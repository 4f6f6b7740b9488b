#include "textgraph/pipeline.h"

#include "core/error.h"
#include "textgraph/model.h"
#include "textgraph/parser.h"
#include "textgraph/tagger.h"

namespace textgraph {

struct Pipeline::Impl {
  Tagger tagger;
  Parser parser;
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;

Result<Pipeline> Pipeline::load(const std::string& model_dir) {
  const std::string dir = model_dir.empty() ? default_model_dir() : model_dir;
  Result<Tagger> tagger = Tagger::load(dir + "/tagger.tgm");
  if (!tagger.ok()) return tagger.status();
  Result<Parser> parser = Parser::load(dir + "/parser.tgm");
  if (!parser.ok()) return parser.status();
  return Pipeline(std::make_unique<Impl>(Impl{std::move(*tagger), std::move(*parser)}));
}

Result<Document> Pipeline::analyze(std::string_view text, const std::string& id,
                                   const PipelineOptions& options, std::size_t* repaired) const {
  TokenizerOptions tokenizer = options.tokenizer;
  tokenizer.document_id = id;
  if (options.sentence_per_line) tokenizer.input = TokenizerInput::kPretokenized;
  Result<Tokenized> tokens = tokenize(text, tokenizer);
  if (!tokens.ok()) return tokens.status();
  if (repaired) *repaired = tokens->repaired;
  Document doc = std::move(tokens->document);
  impl_->tagger.tag(doc);
  if (Status s = impl_->parser.parse(doc); !s.ok()) return s;
  return doc;
}

Result<std::vector<Triple>> Pipeline::extract(std::string_view text, const std::string& id,
                                              const PipelineOptions& options,
                                              ExtractStats* stats) const {
  Result<Document> doc = analyze(text, id, options);
  if (!doc.ok()) return doc.status();
  return textgraph::extract(*doc, options.extract, stats);
}

}  // namespace textgraph
