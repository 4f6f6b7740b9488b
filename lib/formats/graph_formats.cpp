// Format names, and the read_graph / write_graph entry points of formats.h.
#include <iterator>
#include <sstream>

#include "core/error.h"
#include "core/files.h"
#include "formats/graph_io.h"

namespace textgraph {

namespace {

struct FormatName {
  const char* name;
  GraphFormat format;
};

constexpr FormatName kNames[] = {
    {"json", GraphFormat::kJson},   {"graphml", GraphFormat::kGraphml},
    {"gexf", GraphFormat::kGexf},   {"dot", GraphFormat::kDot},
    {"gv", GraphFormat::kDot},      {"tsv", GraphFormat::kTsv},
    {"jsonl", GraphFormat::kJsonl}, {"ndjson", GraphFormat::kJsonl},
    {"carb", GraphFormat::kCarb},
};

// Names the line and column of the first NUL byte, for binary input.
Location nul_location(std::string_view text, const std::string& name) {
  const std::size_t at = text.find('\0');
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i < at; ++i)
    if (text[i] == '\n') ++line, start = i + 1;
  return {name, line, at - start + 1};
}

void read_into(std::string_view text, const std::string& name, GraphFormat format, GraphImpl& g,
               ReadReport& report) {
  if (looks_binary(text))
    fail_input(
        std::string("binary data (NUL byte); expected ") + graph_format_name(format) + " text",
        nul_location(text, name));
  switch (format) {
    case GraphFormat::kJson:
      read_json_graph(text, name, g, report);
      return;
    case GraphFormat::kGraphml:
      read_graphml(text, name, g, report);
      return;
    case GraphFormat::kDot:
      read_dot(text, name, g, report);
      return;
    case GraphFormat::kGexf:
    case GraphFormat::kCarb:
      fail(ErrorCode::kUnsupported,
           std::string(graph_format_name(format)) + " files can be written but not read", {name});
    case GraphFormat::kTsv:
    case GraphFormat::kJsonl:
      break;
  }
  fail(ErrorCode::kInternal, "triple formats are read through TripleReader");
}

void write_to(const GraphImpl& g, Sink& sink, GraphFormat format) {
  switch (format) {
    case GraphFormat::kJson:
      write_json_graph(g, sink);
      break;
    case GraphFormat::kGraphml:
      write_graphml(g, sink);
      break;
    case GraphFormat::kGexf:
      write_gexf(g, sink);
      break;
    case GraphFormat::kDot:
      write_dot(g, sink);
      break;
    case GraphFormat::kTsv:
      write_tsv_graph(g, sink);
      break;
    case GraphFormat::kJsonl:
      write_jsonl_graph(g, sink);
      break;
    case GraphFormat::kCarb:
      write_carb_graph(g, sink);
      break;
  }
  sink.flush();
}

}  // namespace

Result<GraphFormat> graph_format_named(std::string_view name) {
  for (const FormatName& f : kNames)
    if (name == f.name) return f.format;
  return Status::error(ErrorCode::kUsage, "unknown graph format '" + std::string(name) +
                                              "' (json, graphml, gexf, dot, tsv, jsonl, carb)");
}

Result<GraphFormat> graph_format_of(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    return Status::error(ErrorCode::kUsage,
                         "cannot tell the format of '" + path + "' from its name; use --format");
  std::string ext = path.substr(dot + 1);
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ext == "xml") return GraphFormat::kGraphml;
  for (const FormatName& f : kNames)
    if (ext == f.name) return f.format;
  return Status::error(ErrorCode::kUsage,
                       "unknown extension '." + ext + "' of '" + path + "'; use --format");
}

Result<GraphFormat> graph_format_for(const std::string& path, std::string_view name) {
  if (!name.empty()) return graph_format_named(name);
  if (path == "-")
    return Status::error(ErrorCode::kUsage, "standard input/output needs an explicit format");
  return graph_format_of(path);
}

const char* graph_format_name(GraphFormat format) {
  switch (format) {
    case GraphFormat::kJson:
      return "json";
    case GraphFormat::kGraphml:
      return "graphml";
    case GraphFormat::kGexf:
      return "gexf";
    case GraphFormat::kDot:
      return "dot";
    case GraphFormat::kTsv:
      return "tsv";
    case GraphFormat::kJsonl:
      return "jsonl";
    case GraphFormat::kCarb:
      return "carb";
  }
  return "?";
}

bool can_read(GraphFormat format) {
  return format != GraphFormat::kGexf && format != GraphFormat::kCarb;
}

namespace {

// Triples are added in batches: KnowledgeGraph::add(vector) overlaps the
// cache misses of a batch's lookups (same graph as one at a time).
Result<KnowledgeGraph> build_from_triples(TripleReader& reader) {
  KnowledgeGraph graph;
  std::vector<Triple> batch(1024);  // reused, so the triples' strings keep their capacity
  std::size_t used = 0;
  const auto flush = [&] {
    if (used == batch.size()) return graph.add(batch);
    std::vector<Triple> last(std::make_move_iterator(batch.begin()),
                             std::make_move_iterator(batch.begin() + static_cast<long>(used)));
    return graph.add(last);
  };
  while (true) {
    Result<bool> got = reader.next(batch[used]);
    if (!got.ok()) return got.status();
    if (!*got) break;
    if (++used == batch.size()) {
      if (Status s = flush(); !s.ok()) return s;  // cannot happen: the reader checked them
      used = 0;
    }
  }
  if (used)
    if (Status s = flush(); !s.ok()) return s;
  return graph;
}

TripleFormat triple_format(GraphFormat f) {
  return f == GraphFormat::kTsv ? TripleFormat::kTsv : TripleFormat::kJsonl;
}

}  // namespace

Result<KnowledgeGraph> read_graph(const std::string& path, GraphFormat format, ReadReport* report) {
  if (format == GraphFormat::kTsv || format == GraphFormat::kJsonl) {
    TripleReader reader(path, triple_format(format));
    return build_from_triples(reader);
  }
  return guard_result<KnowledgeGraph>([&] {
    const std::string text = read_file(path);
    KnowledgeGraph graph;
    ReadReport local;
    read_into(text, path, format, graph_impl(graph), report ? *report : local);
    return graph;
  });
}

Result<KnowledgeGraph> parse_graph(std::string_view text, const std::string& name,
                                   GraphFormat format, ReadReport* report) {
  if (format == GraphFormat::kTsv || format == GraphFormat::kJsonl) {
    std::istringstream in{std::string(text)};
    TripleReader reader(in, name, triple_format(format));
    return build_from_triples(reader);
  }
  return guard_result<KnowledgeGraph>([&] {
    KnowledgeGraph graph;
    ReadReport local;
    read_into(text, name, format, graph_impl(graph), report ? *report : local);
    return graph;
  });
}

Status write_graph(const KnowledgeGraph& graph, const std::string& path, GraphFormat format) {
  return guard([&] {
    OutputFile out(path);
    Sink sink(out.stream());
    write_to(graph_impl(graph), sink, format);
    out.commit();
  });
}

Status write_graph(const KnowledgeGraph& graph, std::ostream& out, GraphFormat format) {
  return guard([&] {
    Sink sink(out);
    write_to(graph_impl(graph), sink, format);
  });
}

Result<std::string> graph_to_string(const KnowledgeGraph& graph, GraphFormat format) {
  std::ostringstream out;
  if (Status s = write_graph(graph, out, format); !s.ok()) return s;
  return out.str();
}

}  // namespace textgraph
