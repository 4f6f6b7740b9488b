#include "textgraph/tagger.h"

#include <unordered_map>

#include "core/error.h"
#include "model/self_test.h"
#include "tagger/self_test.h"
#include "tagger/tagger_model.h"

namespace textgraph {

struct Tagger::Impl {
  tagger::TaggerModel model;
  std::string metadata;
  std::unordered_map<std::string, int> class_of_pair;  // "UPOS\tXPOS" -> class
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
    for (int c = 0; c < impl->model.num_classes(); ++c)
      impl->class_of_pair.emplace(impl->model.upos[static_cast<std::size_t>(c)] + '\t' +
                                      impl->model.xpos[static_cast<std::size_t>(c)],
                                  c);
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

std::vector<TagPair> Tagger::tag_pairs() const {
  std::vector<TagPair> pairs;
  for (int c = 0; c < impl_->model.num_classes(); ++c)
    pairs.push_back({impl_->model.upos[static_cast<std::size_t>(c)],
                     impl_->model.xpos[static_cast<std::size_t>(c)]});
  return pairs;
}

void Tagger::complete(Sentence& sentence) const {
  std::vector<int> classes;
  std::string key;
  for (const Word& w : sentence.words) {
    key.assign(w.upos).append(1, '\t').append(w.xpos);
    const auto it = impl_->class_of_pair.find(key);
    if (it == impl_->class_of_pair.end()) break;
    classes.push_back(it->second);
  }
  tagger::complete_sentence(impl_->model, sentence,
                            classes.size() == sentence.words.size() ? &classes : nullptr);
}

std::string Tagger::lemmatize(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  return impl_->model.lemmatizer.lemma(form, upos, xpos);
}

const std::string& Tagger::metadata_json() const { return impl_->metadata; }

}  // namespace textgraph
