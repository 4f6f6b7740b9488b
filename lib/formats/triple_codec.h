// Internal: the triple record codecs shared by the triple files and the
// graph files (whose edge provenance is a list of triple records).
#pragma once

#include <string>

#include "formats/json.h"
#include "textgraph/triple.h"

namespace textgraph {

// Inside a graph file, an observation sits in an edge whose nodes and
// relation already say what its texts usually are. With a context, compact
// records leave out subject.text, relation.text and object.text when they
// equal the context's (and write them, even empty, when they differ); the
// reader puts them back. Arguments left with nothing to say are left out.
struct TripleContext {
  std::string_view subject;   // the source node's label
  std::string_view relation;  // the edge's relation key
  std::string_view object;    // the target node's label
};

// Appends the JSON record of t (see formats.h for the layout).
void append_triple_json(std::string& out, const Triple& t, bool compact,
                        const TripleContext* context = nullptr);

// Reads one triple record at the parser's position into t (reset first);
// texts the record leaves out come from the context when there is one.
// Throws Error located in the parser's input. Does not run check_triple.
void read_triple_json(json::Parser& in, Triple& t, const TripleContext* context = nullptr);

// The same without a context, saying which texts the record had, so that a
// context known only later can be put in with apply_context (the result is
// the same as reading with that context).
struct RecordTexts {
  bool subject = false, relation = false, object = false;
};
void read_triple_json(json::Parser& in, Triple& t, RecordTexts& had);
inline void apply_context(Triple& t, const RecordTexts& had, const TripleContext& context) {
  if (!had.subject) t.subject.text = context.subject;
  if (!had.relation) t.relation.text = context.relation;
  if (!had.object) t.object.text = context.object;
}

// Appends a TSV field with \t \n \r \\ escaped (and a leading '#' as \#
// when first is true).
void append_tsv_field(std::string& out, std::string_view s, bool first);

// CaRB cannot escape: tabs, newlines and carriage returns become spaces.
void append_carb_field(std::string& out, std::string_view s);

// Throws the check_triple error (message only; callers add the location).
void check_triple_or_throw(const Triple& t, const Location& where);

}  // namespace textgraph
