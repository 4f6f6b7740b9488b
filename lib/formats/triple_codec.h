// Internal: the triple record codecs shared by the triple files and the
// graph files (whose edge provenance is a list of triple records).
#pragma once

#include <string>

#include "formats/json.h"
#include "textgraph/triple.h"

namespace textgraph {

// Appends the JSON record of t (see formats.h for the layout).
void append_triple_json(std::string& out, const Triple& t, bool compact);

// Reads one triple record at the parser's position into t (reset first).
// Throws Error located in the parser's input. Does not run check_triple.
void read_triple_json(json::Parser& in, Triple& t);

// Appends a TSV field with \t \n \r \\ escaped (and a leading '#' as \#
// when first is true).
void append_tsv_field(std::string& out, std::string_view s, bool first);

// CaRB cannot escape: tabs, newlines and carriage returns become spaces.
void append_carb_field(std::string& out, std::string_view s);

// Throws the check_triple error (message only; callers add the location).
void check_triple_or_throw(const Triple& t, const Location& where);

}  // namespace textgraph
