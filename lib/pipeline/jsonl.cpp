#include "pipeline/jsonl.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/error.h"

namespace textgraph::pipeline {
namespace {

// Iterative parsing keeps hostile nesting ("[[[[...") off the call stack.
constexpr unsigned kFlags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;

std::string string_of(const rapidjson::Value& v) {
  return std::string(v.GetString(), v.GetStringLength());
}

}  // namespace

JsonlRecord parse_jsonl_record(std::string_view line, const std::string& file,
                               std::size_t line_number) {
  rapidjson::Document doc;
  doc.Parse<kFlags>(line.data(), line.size());
  if (doc.HasParseError())
    fail_input(std::string("invalid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()),
               {file, line_number, doc.GetErrorOffset() + 1});
  const Location here{file, line_number};
  if (!doc.IsObject()) fail_input("expected a JSON object {\"id\": ..., \"text\": ...}", here);

  JsonlRecord record;
  const auto text = doc.FindMember("text");
  if (text == doc.MemberEnd()) fail_input("the object has no \"text\"", here);
  if (!text->value.IsString()) fail_input("\"text\" must be a string", here);
  record.text = string_of(text->value);

  const auto id = doc.FindMember("id");
  if (id != doc.MemberEnd()) {
    record.has_id = true;
    if (id->value.IsString())
      record.id = string_of(id->value);
    else if (id->value.IsUint64())
      record.id = std::to_string(id->value.GetUint64());
    else if (id->value.IsInt64())
      record.id = std::to_string(id->value.GetInt64());
    else
      fail_input("\"id\" must be a string or an integer", here);
  }
  for (const auto& [name, field] :
       {std::pair{"date", &record.date}, std::pair{"source", &record.source}}) {
    const auto m = doc.FindMember(name);
    if (m == doc.MemberEnd() || m->value.IsNull()) continue;
    if (!m->value.IsString()) fail_input(std::string("\"") + name + "\" must be a string", here);
    *field = string_of(m->value);
  }
  return record;
}

}  // namespace textgraph::pipeline
