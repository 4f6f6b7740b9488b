#include "train/parser/tagger_jackknife.h"

#include <rapidjson/document.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "textgraph/conllu.h"

namespace textgraph::parser::train {

namespace {

// A fresh private directory, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "textgraph-jk-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
      fail(ErrorCode::kIo, "cannot create a temporary directory for jack-knifing", {pattern});
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace

TaggerTrainOptions fold_options_from(const std::string& metadata) {
  rapidjson::Document doc;
  doc.Parse(metadata.data(), metadata.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("options") ||
      !doc["options"].IsObject())
    fail(ErrorCode::kModel, "the tagger model's metadata records no training options");
  const auto& o = doc["options"];
  TaggerTrainOptions t;
  auto get = [&](const char* key, int& field) {
    if (o.HasMember(key) && o[key].IsInt()) field = o[key].GetInt();
  };
  if (o.HasMember("seed") && o["seed"].IsUint64()) t.seed = o["seed"].GetUint64();
  get("epochs", t.epochs);
  get("patience", t.patience);
  get("passes", t.passes);
  get("folds", t.folds);
  get("lemma_epochs", t.lemma_epochs);
  get("min_ambiguity_count", t.min_ambiguity_count);
  return t;
}

TagFold tagger_fold(TaggerTrainOptions base) {
  return [base](const std::vector<Sentence>& train, std::vector<Sentence>& held_out,
                int fold) -> Status {
    return guard([&] {
      TempDir dir;
      const std::string data = dir.file("fold" + std::to_string(fold) + "-train.conllu");
      {
        std::ofstream out(data, std::ios::binary);
        for (const Sentence& s : train) write_conllu(s, out);
        if (!out.flush()) fail(ErrorCode::kIo, "cannot write the fold's training data", {data});
      }
      TaggerTrainOptions o = base;
      o.train_files.insert(o.train_files.begin(), data);
      o.command = "jack-knife fold " + std::to_string(fold);
      const std::string model = dir.file("fold.tgm");
      Result<TaggerTrainResult> r = train_tagger(o, model);
      if (!r.ok()) throw Error(r.status().code(), r.status().message(), r.status().where());
      Result<Tagger> tagger = Tagger::load(model);
      if (!tagger.ok())
        throw Error(tagger.status().code(), tagger.status().message(), tagger.status().where());
      for (Sentence& s : held_out) tagger->tag(s);
    });
  };
}

TagSentences tag_with(Tagger tagger) {
  return [tagger](std::vector<Sentence>& sentences) -> Status {
    for (Sentence& s : sentences) tagger.tag(s);
    return Status();
  };
}

}  // namespace textgraph::parser::train
