// Query rows and statistics as a table, TSV or JSON.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/utf8.h"
#include "formats/json.h"
#include "formats/triple_codec.h"
#include "graph/graph_impl.h"
#include "query/node_attributes.h"
#include "textgraph/query.h"

namespace textgraph {

Result<RowFormat> row_format_named(std::string_view name) {
  if (name == "table") return RowFormat::kTable;
  if (name == "tsv") return RowFormat::kTsv;
  if (name == "json") return RowFormat::kJson;
  return Status::error(ErrorCode::kUsage,
                       "unknown output format '" + std::string(name) + "' (table, tsv, json)");
}

namespace {

constexpr std::size_t kCellWidth = 60;

// Code points in s (the table aligns by characters, not bytes).
std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// A table cell: line breaks and tabs shown as escapes, at most kCellWidth
// characters (cut on a character boundary, marked with "...").
std::string cell(std::string_view s) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (chars >= kCellWidth) {
      out += "...";
      break;
    }
    const char c = s[i];
    if (c == '\n' || c == '\t' || c == '\r') {
      out += c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r";
      ++i;
      chars += 2;
      continue;
    }
    std::size_t len = utf8::sequence_length(s, i);
    if (len == 0) len = 1;
    out.append(s.substr(i, len));
    i += len;
    ++chars;
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

void table(std::string& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (widths.size() <= c) widths.push_back(0);
      widths[c] = std::max(widths[c], width(row[c]));
    }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line.append(widths[c] - width(row[c]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
}

void tsv_line(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += '\t';
    append_tsv_field(out, fields[i], false);
  }
  out += '\n';
}

}  // namespace

std::string format_rows(const KnowledgeGraph& graph, const std::vector<std::size_t>& edges,
                        RowFormat format) {
  const KnowledgeGraph::Impl& g = graph_impl(graph);
  std::string out;
  Triple first;
  if (format == RowFormat::kJson) {
    out += '[';
    for (std::size_t i = 0; i < edges.size(); ++i) {
      const std::size_t e = edges[i];
      const EdgeRec& r = g.edge(e);
      out += i ? ",\n{" : "\n{";
      out += "\"subject\":";
      json::append_string(out, g.label(g.source(e)));
      out += ",\"subject_id\":";
      json::append_string(out, g.str(g.node(g.source(e)).id));
      out += ",\"subject_attributes\":";
      append_attributes_json(out, g, g.source(e));
      out += ",\"relation\":";
      json::append_string(out, g.str(r.relation));
      out += ",\"label\":";
      json::append_string(out, g.edge_label(e));
      out += ",\"object\":";
      json::append_string(out, g.label(g.target(e)));
      out += ",\"object_id\":";
      json::append_string(out, g.str(g.node(g.target(e)).id));
      out += ",\"object_attributes\":";
      append_attributes_json(out, g, g.target(e));
      out += r.polarity == Polarity::kNegative ? ",\"polarity\":\"negative\""
                                               : ",\"polarity\":\"positive\"";
      out += ",\"confidence\":";
      json::append_double(out, r.confidence());
      out += ",\"count\":";
      json::append_uint(out, r.count);
      out += ",\"provenance\":[";
      bool more = false;
      for (const ObsRec& o : g.obs_of(e)) {
        if (more) out += ',';
        more = true;
        g.fill_triple(r, o, first);
        append_triple_json(out, first, true);
      }
      out += "]}";
    }
    out += edges.empty() ? "]\n" : "\n]\n";
    return out;
  }
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"subject", "relation", "object", "polarity", "confidence", "count", "document",
                  "sentence", "text", "subject_attributes", "object_attributes"});
  for (std::size_t e : edges) {
    const EdgeRec& r = g.edge(e);
    g.fill_triple(r, g.obs_of(e).front(), first);
    const bool shown = format == RowFormat::kTable;
    auto f = [&](std::string_view s) { return shown ? cell(s) : std::string(s); };
    rows.push_back({f(g.label(g.source(e))), f(g.edge_label(e)), f(g.label(g.target(e))),
                    r.polarity == Polarity::kNegative ? "negative" : "positive",
                    shown ? number(r.confidence()) : [&] {
                      std::string c;
                      json::append_double(c, r.confidence());
                      return c;
                    }(),
                    std::to_string(r.count), f(first.provenance.document),
                    std::to_string(first.provenance.sentence), f(first.provenance.text),
                    f(attributes_text(g, g.source(e))), f(attributes_text(g, g.target(e)))});
  }
  if (format == RowFormat::kTable) {
    for (auto& h : rows[0])
      for (char& c : h) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    table(out, rows);
  } else {
    for (const auto& row : rows) tsv_line(out, row);
  }
  return out;
}

}  // namespace textgraph
