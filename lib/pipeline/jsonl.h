// Internal: one line of a JSONL document stream,
//   {"id": "a1", "text": "...", "date": "2025-02-18", "source": "Reuters"}
// behind one small function, so the JSON reader under it can be swapped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace textgraph::pipeline {

struct JsonlRecord {
  std::string id;       // "id" (a string, or an integer written in decimal)
  bool has_id = false;  // false when the line has no "id"
  std::string text;     // "text" (required)
  std::string date;     // "date"; "" = none
  std::string source;   // "source"; "" = none
};

// Reads one line (strict JSON, RFC 8259: one object, valid UTF-8, nothing
// after it). Other members are ignored. Throws Error(kInvalidInput) located
// at file:line:column for malformed JSON, a value that is not an object, a
// missing or non-string "text", an "id" that is neither a string nor an
// integer, or a "date"/"source" that is not a string.
JsonlRecord parse_jsonl_record(std::string_view line, const std::string& file,
                               std::size_t line_number);

}  // namespace textgraph::pipeline
