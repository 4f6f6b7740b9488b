#include "textgraph/parser.h"

#include "core/error.h"
#include "parser/decode.h"
#include "parser/model_io.h"

namespace textgraph {

Parser::Parser(std::unique_ptr<parser::Network> network, std::string metadata_json)
    : net_(std::move(network)), metadata_(std::move(metadata_json)) {
  parser::precompute_null(*net_, pre_null_);
}

Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;
Parser::~Parser() = default;

Result<Parser> Parser::from_model(const ModelFile& model, const std::string& name) {
  return guard_result<Parser>(
      [&] { return Parser(parser::network_from_model(model, name), model.metadata_json); });
}

Result<Parser> Parser::load(const std::string& path) {
  Result<ModelFile> model = load_model(path);
  if (!model.ok()) return model.status();
  return from_model(*model, path);
}

Result<Parser> Parser::load_default() { return load(default_model_dir() + "/parser.tgm"); }

const std::string& Parser::metadata_json() const { return metadata_; }
const std::vector<std::string>& Parser::labels() const { return net_->vocab.labels; }

Status Parser::parse(Sentence& sentence) const {
  return guard([&] {
    const std::size_t n = sentence.words.size();
    if (n == 0) return;
    if (n > 10'000'000) fail_input("sentence too long to parse (" + std::to_string(n) + " words)");
    std::vector<std::string> forms(n), upos(n), xpos(n);
    for (std::size_t i = 0; i < n; ++i) {
      forms[i] = sentence.words[i].form;
      upos[i] = sentence.words[i].upos;
      xpos[i] = sentence.words[i].xpos;
    }
    // One workspace per thread: parse() is const and may run concurrently.
    thread_local parser::Workspace ws;
    std::vector<int> heads, labels;
    parser::greedy_parse(*net_, pre_null_, parser::token_ids(net_->vocab, forms, upos, xpos), ws,
                         heads, labels);
    for (std::size_t i = 0; i < n; ++i) {
      sentence.words[i].head = heads[i + 1];
      sentence.words[i].deprel = net_->vocab.labels[labels[i + 1]];
    }
  });
}

Status Parser::parse(Document& document) const {
  for (Sentence& s : document.sentences)
    if (Status st = parse(s); !st.ok()) return st;
  return Status();
}

}  // namespace textgraph
