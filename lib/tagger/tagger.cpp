#include "textgraph/tagger.h"

#include <rapidjson/document.h>

#include "core/error.h"
#include "tagger/self_test.h"
#include "tagger/tagger_model.h"

namespace textgraph {

struct Tagger::Impl {
  tagger::TaggerModel model;
  std::string metadata;
};

namespace {

// Re-tags the self-test sentences of the metadata; throws kModel on any difference.
void run_self_test(const tagger::TaggerModel& model, const std::string& metadata,
                   const std::string& name) {
  rapidjson::Document doc;
  doc.Parse(metadata.data(), metadata.size());
  if (doc.HasParseError() || !doc.IsObject())
    fail(ErrorCode::kModel, "model metadata is not a JSON object (corrupt model)", {name});
  auto it = doc.FindMember("self_test");
  if (it == doc.MemberEnd() || !it->value.IsArray() || it->value.Empty())
    fail(ErrorCode::kModel, "model metadata has no self_test sentences", {name});
  for (const auto& item : it->value.GetArray()) {
    if (!item.IsObject() || !item.HasMember("words") || !item.HasMember("expected") ||
        !item["words"].IsArray() || !item["expected"].IsArray() ||
        item["words"].Size() != item["expected"].Size())
      fail(ErrorCode::kModel, "model metadata has a malformed self_test entry", {name});
    std::vector<std::string> forms;
    for (const auto& w : item["words"].GetArray()) {
      if (!w.IsString())
        fail(ErrorCode::kModel, "model metadata has a malformed self_test entry", {name});
      forms.emplace_back(w.GetString(), w.GetStringLength());
    }
    Sentence s = tagger::sentence_of(forms);
    tagger::tag_sentence(model, s);
    for (std::size_t i = 0; i < forms.size(); ++i) {
      const auto& e = item["expected"][static_cast<rapidjson::SizeType>(i)];
      const std::string got = tagger::self_test_line(s.words[i]);
      if (!e.IsString() || got != std::string(e.GetString(), e.GetStringLength()))
        fail(ErrorCode::kModel,
             "model failed its self-test on word '" + forms[i] + "': expected '" +
                 (e.IsString() ? std::string(e.GetString()) : std::string("?")) + "', got '" + got +
                 "' (damaged model or incompatible build)",
             {name});
    }
  }
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
    run_self_test(impl->model, impl->metadata, name);
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
