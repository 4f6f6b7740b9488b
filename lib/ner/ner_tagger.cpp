#include <rapidjson/document.h>

#include "core/error.h"
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
void run_self_test(const ner::NerModel& model, const std::string& metadata,
                   const std::string& name) {
  rapidjson::Document doc;
  doc.Parse(metadata.data(), metadata.size());
  if (doc.HasParseError() || !doc.IsObject())
    fail(ErrorCode::kModel, "model metadata is not a JSON object (corrupt model)", {name});
  auto it = doc.FindMember("self_test");
  if (it == doc.MemberEnd() || !it->value.IsArray() || it->value.Empty())
    fail(ErrorCode::kModel, "model metadata has no self_test sentences", {name});
  std::vector<Sentence> sentences;
  std::vector<std::vector<std::string>> expected;
  for (const auto& item : it->value.GetArray()) {
    if (!item.IsObject() || !item.HasMember("words") || !item.HasMember("expected") ||
        !item["words"].IsArray() || !item["expected"].IsArray() ||
        item["words"].Size() != item["expected"].Size() || item["words"].Empty())
      fail(ErrorCode::kModel, "model metadata has a malformed self_test entry", {name});
    Sentence s;
    expected.emplace_back();
    for (rapidjson::SizeType k = 0; k < item["words"].Size(); ++k) {
      const auto& w = item["words"][k];
      const auto& e = item["expected"][k];
      if (!w.IsString() || !e.IsString())
        fail(ErrorCode::kModel, "model metadata has a malformed self_test entry", {name});
      Word word;
      word.form.assign(w.GetString(), w.GetStringLength());
      s.words.push_back(std::move(word));
      expected.back().emplace_back(e.GetString(), e.GetStringLength());
    }
    sentences.push_back(std::move(s));
  }
  for (Sentence& s : sentences) ner::tag_sentence(model, s);
  for (std::size_t s = 0; s < sentences.size(); ++s)
    for (std::size_t i = 0; i < sentences[s].words.size(); ++i)
      if (sentences[s].words[i].ner != expected[s][i])
        fail(ErrorCode::kModel,
             "model failed its self-test on word '" + sentences[s].words[i].form + "': expected '" +
                 expected[s][i] + "', got '" + sentences[s].words[i].ner +
                 "' (damaged model or incompatible build)",
             {name});
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
    run_self_test(impl->model, impl->metadata, name);
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
