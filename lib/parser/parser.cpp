#include "textgraph/parser.h"

#include <algorithm>

#include "core/error.h"
#include "parser/decode.h"
#include "parser/model_io.h"
#include "parser/retag.h"

namespace textgraph {

Parser::Parser(std::unique_ptr<parser::Network> network, std::string metadata_json)
    : net_(std::move(network)),
      pre_(std::make_unique<parser::Precomputed>(parser::precompute_model(*net_))),
      metadata_(std::move(metadata_json)) {}

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

namespace {

// Longer "sentences" (run-on text without punctuation, tables) are parsed in
// pieces of this many words, which bounds memory (the precomputed first layer
// takes words x slots x hidden floats) while keeping time linear.
constexpr std::size_t kMaxPiece = 2048;

}  // namespace

Status Parser::parse(Sentence& sentence) const { return parse(sentence, Retagging{}); }

bool Parser::can_retag() const { return net_->config.aux_tagging && net_->aux_upos_w.cols > 0; }

Retagging Parser::retagging(const std::vector<TagPair>& pairs) const {
  Retagging r;
  if (!can_retag()) return r;
  for (const TagPair& p : pairs) {
    const int u = net_->vocab.upos.id(p.upos), x = net_->vocab.xpos.id(p.xpos);
    // Ids 0 and 1 are the reserved unknown and root entries: never a choice.
    if (u <= parser::Vocab::kRoot || x <= parser::Vocab::kRoot) continue;
    r.pairs.push_back(p);
    r.upos_ids.push_back(u);
    r.xpos_ids.push_back(x);
  }
  return r;
}

Status Parser::parse(Sentence& sentence, const Retagging& retag, std::size_t* changed) const {
  if (changed) *changed = 0;
  return guard([&] {
    const std::size_t n = sentence.words.size();
    if (n == 0) return;
    if (n > 10'000'000) fail_input("sentence too long to parse (" + std::to_string(n) + " words)");
    // One workspace per thread: parse() is const and may run concurrently.
    thread_local parser::Workspace ws;
    std::vector<std::string> forms, upos, xpos;
    std::vector<int> heads, labels;
    int first_root = 0;
    for (std::size_t begin = 0; begin < n; begin += kMaxPiece) {
      const std::size_t end = std::min(n, begin + kMaxPiece);
      forms.clear();
      upos.clear();
      xpos.clear();
      for (std::size_t i = begin; i < end; ++i) {
        forms.push_back(sentence.words[i].form);
        upos.push_back(sentence.words[i].upos);
        xpos.push_back(sentence.words[i].xpos);
      }
      const std::vector<parser::TokenIds> ids = parser::token_ids(net_->vocab, forms, upos, xpos);
      parser::greedy_parse(*net_, *pre_, ids, ws, heads, labels);
      if (!retag.empty()) {
        const std::size_t n_changed =
            parser::retag(*net_, ws.encodings, ids, retag, sentence.words.data() + begin);
        if (changed) *changed += n_changed;
      }
      const int offset = static_cast<int>(begin);
      for (std::size_t i = begin; i < end; ++i) {
        Word& w = sentence.words[i];
        const int h = heads[i - begin + 1];
        if (h != 0) {
          w.head = h + offset;
          w.deprel = net_->vocab.labels[labels[i - begin + 1]];
        } else if (begin == 0) {
          w.head = 0;
          w.deprel = "root";
          first_root = static_cast<int>(i) + 1;
        } else {
          // A later piece hangs off the first piece's root: one tree, one root.
          w.head = first_root;
          w.deprel = "parataxis";
        }
      }
    }
  });
}

Status Parser::parse(Document& document) const {
  for (Sentence& s : document.sentences)
    if (Status st = parse(s); !st.ok()) return st;
  return Status();
}

}  // namespace textgraph
