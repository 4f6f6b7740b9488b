#include "core/error.h"
#include "model/self_test.h"
#include "ner/ner_model.h"
#include "ner/self_test.h"
#include "textgraph/ner.h"

namespace textgraph {

struct NerTagger::Impl {
  ner::NerModel model;
  std::string metadata;
};

namespace {

// Re-tags the self-test sentences of the metadata; throws kModel on any difference.
void check_self_test(const ner::NerModel& model, const std::string& metadata,
                     const std::string& name) {
  run_self_test(metadata, name, [&](const std::vector<std::string>& forms) {
    Sentence s;
    for (const std::string& f : forms) {
      Word word;
      word.form = f;
      s.words.push_back(std::move(word));
    }
    ner::tag_sentence(model, s);
    std::vector<std::string> tags;
    for (const Word& w : s.words) tags.push_back(w.ner);
    return tags;
  });
}

}  // namespace

NerTagger::NerTagger(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
NerTagger::~NerTagger() = default;
NerTagger::NerTagger(const NerTagger&) = default;
NerTagger& NerTagger::operator=(const NerTagger&) = default;
NerTagger::NerTagger(NerTagger&&) noexcept = default;
NerTagger& NerTagger::operator=(NerTagger&&) noexcept = default;

Result<NerTagger> NerTagger::from_model(const ModelFile& model, const std::string& name) {
  return guard_result<NerTagger>([&] {
    if (model.kind != kNerModelKind)
      fail(ErrorCode::kModel, "model is of kind '" + model.kind + "', not '" + kNerModelKind + "'",
           {name});
    auto impl = std::make_shared<Impl>();
    impl->model = ner::NerModel::load(model, name);
    impl->metadata = model.metadata_json;
    check_self_test(impl->model, impl->metadata, name);
    return NerTagger(std::move(impl));
  });
}

Result<NerTagger> NerTagger::load(const std::string& path) {
  Result<ModelFile> model = load_model(path);
  if (!model.ok()) return model.status();
  return from_model(*model, path);
}

Result<NerTagger> NerTagger::load_default() {
  return load(default_model_dir() + "/" + kNerModelFile);
}

void NerTagger::tag(Sentence& sentence) const { ner::tag_sentence(impl_->model, sentence); }

void NerTagger::tag(Document& document) const { tag(document.sentences); }

void NerTagger::tag(std::vector<Sentence>& sentences) const {
  for (Sentence& s : sentences) ner::tag_sentence(impl_->model, s);
}

const std::vector<std::string>& NerTagger::types() const { return impl_->model.labels.types(); }

const std::string& NerTagger::metadata_json() const { return impl_->metadata; }

}  // namespace textgraph
