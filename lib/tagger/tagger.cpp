#include "textgraph/tagger.h"

#include "core/error.h"
#include "model/self_test.h"
#include "tagger/self_test.h"
#include "tagger/tagger_model.h"

namespace textgraph {

struct Tagger::Impl {
  tagger::TaggerModel model;
  std::string metadata;
};

namespace {

// Re-tags the self-test sentences of the metadata; throws kModel on any difference.
void check_self_test(const tagger::TaggerModel& model, const std::string& metadata,
                     const std::string& name) {
  run_self_test(metadata, name, [&](const std::vector<std::string>& forms) {
    Sentence s = tagger::sentence_of(forms);
    tagger::tag_sentence(model, s);
    std::vector<std::string> lines;
    for (const Word& w : s.words) lines.push_back(tagger::self_test_line(w));
    return lines;
  });
}

}  // namespace

Tagger::Tagger(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Tagger::~Tagger() = default;
Tagger::Tagger(const Tagger&) = default;
Tagger& Tagger::operator=(const Tagger&) = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;

Result<Tagger> Tagger::from_model(const ModelFile& model, const std::string& name) {
  return guard_result<Tagger>([&] {
    if (model.kind != kTaggerModelKind)
      fail(ErrorCode::kModel,
           "model is of kind '" + model.kind + "', not '" + kTaggerModelKind + "'", {name});
    auto impl = std::make_shared<Impl>();
    impl->model = tagger::TaggerModel::load(model, name);
    impl->metadata = model.metadata_json;
    check_self_test(impl->model, impl->metadata, name);
    return Tagger(std::move(impl));
  });
}

Result<Tagger> Tagger::load(const std::string& path) {
  Result<ModelFile> model = load_model(path);
  if (!model.ok()) return model.status();
  return from_model(*model, path);
}

Result<Tagger> Tagger::load_default() { return load(default_model_dir() + "/" + kTaggerModelFile); }

void Tagger::tag(Sentence& sentence) const { tagger::tag_sentence(impl_->model, sentence); }

void Tagger::tag(Document& document) const {
  for (Sentence& s : document.sentences) tag(s);
}

std::string Tagger::lemmatize(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  return impl_->model.lemmatizer.lemma(form, upos, xpos);
}

const std::string& Tagger::metadata_json() const { return impl_->metadata; }

}  // namespace textgraph
