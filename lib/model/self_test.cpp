#include "model/self_test.h"

#include <rapidjson/document.h>

#include "core/error.h"

namespace textgraph {

void run_self_test(const std::string& metadata, const std::string& name,
                   const SelfTestLabeler& label) {
  rapidjson::Document doc;
  doc.Parse(metadata.data(), metadata.size());
  if (doc.HasParseError() || !doc.IsObject())
    fail(ErrorCode::kModel, "model metadata is not a JSON object (corrupt model)", {name});
  auto it = doc.FindMember("self_test");
  if (it == doc.MemberEnd() || !it->value.IsArray() || it->value.Empty())
    fail(ErrorCode::kModel, "model metadata has no self_test sentences", {name});
  const auto malformed = [&] {
    fail(ErrorCode::kModel, "model metadata has a malformed self_test entry", {name});
  };
  for (const auto& item : it->value.GetArray()) {
    if (!item.IsObject() || !item.HasMember("words") || !item.HasMember("expected") ||
        !item["words"].IsArray() || !item["expected"].IsArray() ||
        item["words"].Size() != item["expected"].Size() || item["words"].Empty())
      malformed();
    std::vector<std::string> forms, expected;
    for (rapidjson::SizeType k = 0; k < item["words"].Size(); ++k) {
      const auto& w = item["words"][k];
      const auto& e = item["expected"][k];
      if (!w.IsString() || !e.IsString()) malformed();
      forms.emplace_back(w.GetString(), w.GetStringLength());
      expected.emplace_back(e.GetString(), e.GetStringLength());
    }
    const std::vector<std::string> got = label(forms);
    for (std::size_t i = 0; i < forms.size(); ++i)
      if (i >= got.size() || got[i] != expected[i])
        fail(ErrorCode::kModel,
             "model failed its self-test on word '" + forms[i] + "': expected '" + expected[i] +
                 "', got '" + (i < got.size() ? got[i] : std::string()) +
                 "' (damaged model or incompatible build)",
             {name});
  }
}

}  // namespace textgraph
