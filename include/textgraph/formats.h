// textgraph/formats.h — reading and writing triples and knowledge graphs.
//
// Usage (triples, e.g. from the extractor):
//   textgraph::TripleWriter out("news.jsonl", textgraph::TripleFormat::kJsonl);
//   for (const textgraph::Triple& t : triples)
//     if (textgraph::Status s = out.write(t); !s.ok()) return s;
//   if (textgraph::Status s = out.commit(); !s.ok()) return s;   // atomic rename
//
//   textgraph::TripleReader in("news.jsonl", textgraph::TripleFormat::kJsonl);
//   textgraph::Triple t;
//   while (true) {
//     textgraph::Result<bool> got = in.next(t);
//     if (!got.ok()) return got.status();   // "news.jsonl:12:40: confidence must be ..."
//     if (!*got) break;
//     graph.add(t);
//   }
//
// ── Triple formats ──────────────────────────────────────────────────────────
//
// JSONL (".jsonl"): one JSON object per line, UTF-8. The writer emits every
// field, always in this order (shown wrapped; it is one line in the file):
//
//   {"subject":{"text":"Vladimir Putin","type":"PERSON","actor":"Vladimir Putin",
//               "spans":[[26,40]]},
//    "relation":{"text":"is preparing to meet with","lemma":"prepare to meet with",
//                "spans":[[41,43],[44,53],[57,61],[62,66]]},
//    "object":{"text":"United States envoys","type":"GPE","actor":"United States",
//              "spans":[[67,87]]},
//    "extra":[{"text":"in Riyadh","type":"","actor":"","spans":[[88,97]]}],
//    "polarity":"positive",
//    "modality":"",
//    "attribution":{"source":"","verb":""},
//    "confidence":0.87,
//    "provenance":{"document":"ukraine-1","sentence":0,"text":"Russian President ..."}}
//
//   subject, object, extra[i]: an Argument (triple.h): "text" as written; "type"
//     ("PERSON", "ORG", "GPE", ...; "" unknown); "actor" the canonical actor
//     ("" none); "spans" a list of [begin, end) byte offsets into the document.
//     Optional members, written only when not empty (so records of triples
//     without them are unchanged), between "actor" and "spans": "title"
//     ("Russian President"), "affiliation" ("Russia"), "role" ("leaders"),
//     the attributes the phrase gives its actor (triple.h); readers of older
//     records get "".
//   relation: "text" as written, "lemma" the normalised form edges merge on
//     ("" = use the text), "spans" as above.
//   polarity: "positive" | "negative". modality: "" (asserted) or the modal
//     lemma ("may", "will"). attribution: who said so ("source", "" = not
//     reported) and the reporting verb lemma ("verb").
//   confidence: a number in [0, 1].
//   provenance: "document" id ("" none), "sentence" 0-based index in the
//     document, "text" the sentence as written.
// Reading accepts the members in any order and lets every member be left out
// except subject.text, object.text and relation.text (or relation.lemma);
// left-out members take the defaults of triple.h. Unknown members are an
// error (a misspelt "confidnce" must not be dropped silently).
//
// TSV (".tsv"): `subject TAB relation TAB object [TAB confidence]`, one triple
// per line. Inside a field, backslash escapes stand for the characters a line
// cannot hold: \t tab, \n newline, \r carriage return, \\ backslash, and \#
// a '#' (only needed at the start of a line). Empty lines and lines starting
// with '#' are skipped. The relation becomes Relation::text (lemma left "").
// A UTF-8 byte order mark at the start is skipped.
//
// CaRB tabbed (".carb", write only): `sentence TAB confidence TAB relation
// TAB arg1 TAB arg2 [TAB extra ...]` as read by the CaRB scorer. It cannot
// escape, so tabs, newlines and carriage returns inside fields become spaces.
//
// Text in every field must be valid UTF-8 without control characters other
// than tab, newline and carriage return (and without U+FFFE/U+FFFF), so that
// every export format, XML included, can carry it exactly.
//
// Failure: malformed input gives ErrorCode::kInvalidInput located at
// FILE:LINE:COL; an empty file (no triple at all) is an error too; a missing
// or unreadable file gives ErrorCode::kIo. Writers report kIo when the output
// cannot be created or written; nothing is left behind on failure.
//
// ── Graph formats ───────────────────────────────────────────────────────────
//
//   textgraph::Result<textgraph::KnowledgeGraph> g =
//       textgraph::read_graph("news.json", textgraph::GraphFormat::kJson);
//   if (!g.ok()) return g.status();
//   textgraph::Status s = textgraph::write_graph(*g, "news.graphml",
//   textgraph::GraphFormat::kGraphml);
//
// Every export streams and is written atomically (temporary file + rename):
// on failure no file appears and an existing one is left untouched.
//
// JSON (".json", read/write, lossless, the native format): networkx
// node-link data, one node or link per line:
//   {"directed":true,"multigraph":true,"graph":{...},
//    "nodes":[{"id":"vladimir putin","label":"Vladimir Putin","type":"PERSON",
//              "mentions":3,"aliases":[["Putin",2],["Vladimir Putin",1]],
//              "actors":[["Vladimir Putin",1]],"types":[["PERSON",1]],
//              "title":"Russian President","affiliation":"Russia",
//              "titles":[["Russian President",1]],"affiliations":[["Russia",1]]}, ...],
//    "links":[{"source":"vladimir putin","target":"united states envoys","key":0,
//              "relation":"meet with","label":"met with","polarity":"positive",
//              "confidence":0.9,"count":2,"weight":2,"provenance":[TRIPLE, ...]}, ...]}
//   where TRIPLE is the JSONL record above with default members left out, and
//   also subject.text, relation.text and object.text when they equal the
//   edge's subject label, relation key and object label ({"confidence":0.9}
//   is a whole record); the readers put them back. The same holds for the
//   provenance attribute of GraphML, GEXF and DOT.
//   networkx: nx.node_link_graph(json.load(f)) loads it as is with networkx
//   2.x and 3.x up to 3.5, whose default edge key is "links"; networkx 3.4+
//   warns that the default becomes "edges", after which pass edges="links".
//   The reader accepts "links" or "edges". label, confidence, count and
//   weight are derived from provenance and not read back when it is present.
//   Node attributes (graph.h): "title", "affiliation", "role" (the most
//   frequent value) and "titles", "affiliations", "roles" (every value with
//   its count) are present only when the node has them; the single value is
//   derived from the list and read only when the list is absent (as a value
//   seen 0 times), like "type" and "types".
// GraphML (".graphml", read/write): Gephi conventions — typed <key>s,
//   edgedefault="directed", node "label", edge "label" and "weight" (= count),
//   node colour as "r","g","b"; node "title", "affiliation", "role" as plain
//   strings (keys always declared, data only on nodes that have them);
//   list-valued attributes (aliases, actors, types, titles, affiliations,
//   roles, provenance) are JSON text. Lossless through our reader.
// GEXF 1.3 (".gexf", write only): edge kind = relation (so Gephi keeps
//   parallel relations apart), weight = count, viz:color by entity type;
//   node attributes type, mentions, aliases, actors, title, affiliation, role.
//   networkx before 3.6 knows GEXF only up to 1.2draft: see README.
// DOT (".dot", ".gv", read/write) through Graphviz cgraph: a non-strict
//   digraph (parallel relations survive), node shape and colour by type,
//   edge labels, negative relations dashed; node attributes as in GraphML
//   (title, affiliation, role, and their tallies as JSON text) plus a
//   "tooltip" (label and attributes, one per line) that SVG renderings
//   show. Every string attribute is written as a Graphviz escString (a
//   backslash as two, newline as backslash-n, carriage return as
//   backslash-r) so labels render as written and read back byte for byte.
// TSV (".tsv", write; read = triples): one line per edge, `subject label TAB
//   relation TAB object label TAB confidence`, negative relations written
//   "not RELATION". Lossy: the simple format.
// JSONL (".jsonl", write; read = triples): every observation as a triple
//   record; building a graph from it gives the same graph back.
// CaRB (".carb", write only): every observation as a CaRB tabbed line.
//
// Reading GraphML or DOT written by other tools: a node's id becomes its key
// as it is; "label" (else the id) becomes an alias seen 0 times; an edge
// without provenance becomes one observation built from its label/relation
// and confidence (default 1). Attributes textgraph does not model are
// skipped and counted in ReadReport (display attributes such as colour,
// position and shape are not counted).
//
// Failure: malformed input → kInvalidInput at FILE:LINE[:COL]; an empty or
// binary file is malformed; a missing file → kIo; a format that cannot be
// read (GEXF, CaRB) → kUnsupported.
//
// Threads: reading DOT and rendering go through Graphviz, whose error
// reporting and lexer are process-wide; call them from one thread at a time.
// Everything else may run on several threads on different objects.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "textgraph/graph.h"
#include "textgraph/status.h"
#include "textgraph/triple.h"

namespace textgraph {

enum class TripleFormat {
  kJsonl,  // JSON lines, lossless
  kTsv,    // subject TAB relation TAB object [TAB confidence]
  kCarb,   // CaRB tabbed predictions (write only)
};

// "jsonl" | "tsv" | "carb" → the format; kUsage otherwise.
[[nodiscard]] Result<TripleFormat> triple_format_named(std::string_view name);
// By extension: .jsonl/.ndjson, .tsv, .carb; kUsage when the extension says nothing.
[[nodiscard]] Result<TripleFormat> triple_format_of(const std::string& path);

// kOk when t can enter a graph and every format: subject, relation and object
// have non-empty text after whitespace is collapsed, all text is allowed
// UTF-8 (see above), confidence is within [0, 1], spans have begin <= end.
// The message names the field ("subject.text is empty").
[[nodiscard]] Status check_triple(const Triple& t);

// One record without the line end. compact = leave out members equal to their
// defaults (used inside graph files); the JSONL writer always writes all.
std::string triple_to_json(const Triple& t, bool compact = false);
std::string triple_to_tsv(const Triple& t);
std::string triple_to_carb(const Triple& t);

// One JSONL record (no line end). name/line/column locate text[0] in
// messages. Checks the triple with check_triple.
[[nodiscard]] Result<Triple> triple_from_json(std::string_view text, const std::string& name = "",
                                              std::size_t line = 1, std::size_t column = 1);

class TripleReader {
 public:
  // path "-" reads standard input; an unreadable file is reported by next().
  // kCarb cannot be read (next() reports kUnsupported).
  TripleReader(const std::string& path, TripleFormat format);
  TripleReader(std::istream& in, std::string name, TripleFormat format);
  ~TripleReader();
  TripleReader(TripleReader&&) noexcept;
  TripleReader& operator=(TripleReader&&) noexcept;

  // The next triple into `out`: true if one was read, false at the end.
  [[nodiscard]] Result<bool> next(Triple& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Every triple of a file / of a text (name is used in messages).
[[nodiscard]] Result<std::vector<Triple>> read_triples(const std::string& path,
                                                       TripleFormat format);
[[nodiscard]] Result<std::vector<Triple>> parse_triples(std::string_view text,
                                                        const std::string& name,
                                                        TripleFormat format);

// Writes triples to a file atomically: the target appears (or is replaced)
// only in commit(); a writer destroyed without commit() leaves no file and an
// existing target untouched. "-" writes standard output.
class TripleWriter {
 public:
  TripleWriter(const std::string& path, TripleFormat format);
  ~TripleWriter();
  TripleWriter(TripleWriter&&) noexcept;
  TripleWriter& operator=(TripleWriter&&) noexcept;

  // Checks t (check_triple) and appends it. After a failure, later calls
  // return the same error and commit() writes nothing.
  [[nodiscard]] Status write(const Triple& t);
  [[nodiscard]] Status commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

[[nodiscard]] Status write_triples(const std::string& path, const std::vector<Triple>& triples,
                                   TripleFormat format);

// ── Graph formats ───────────────────────────────────────────────────────────

enum class GraphFormat { kJson, kGraphml, kGexf, kDot, kTsv, kJsonl, kCarb };

// "json" | "graphml" | "gexf" | "dot" (or "gv") | "tsv" | "jsonl" | "carb"; kUsage otherwise.
[[nodiscard]] Result<GraphFormat> graph_format_named(std::string_view name);
// By extension (.json .graphml .gexf .dot .gv .tsv .jsonl .carb); kUsage when unknown.
[[nodiscard]] Result<GraphFormat> graph_format_of(const std::string& path);
const char* graph_format_name(GraphFormat format);
// The format `name` says, or when name is empty the one path's extension
// says (what the CLI's --from/--format options and file names mean).
[[nodiscard]] Result<GraphFormat> graph_format_for(const std::string& path, std::string_view name);
bool can_read(GraphFormat format);  // json, graphml, dot, tsv, jsonl

// What a reader skipped because textgraph has no place for it.
struct ReadReport {
  std::size_t ignored = 0;                 // attribute values skipped
  std::vector<std::string> ignored_names;  // their distinct names, in order of first sight
};

// TSV and JSONL are read as triples and built into a graph.
[[nodiscard]] Result<KnowledgeGraph> read_graph(const std::string& path, GraphFormat format,
                                                ReadReport* report = nullptr);
[[nodiscard]] Result<KnowledgeGraph> parse_graph(std::string_view text, const std::string& name,
                                                 GraphFormat format, ReadReport* report = nullptr);

// path "-" writes standard output.
[[nodiscard]] Status write_graph(const KnowledgeGraph& graph, const std::string& path,
                                 GraphFormat format);
[[nodiscard]] Status write_graph(const KnowledgeGraph& graph, std::ostream& out,
                                 GraphFormat format);
[[nodiscard]] Result<std::string> graph_to_string(const KnowledgeGraph& graph, GraphFormat format);

// Drawing through Graphviz gvc.
struct RenderOptions {
  std::string format;           // "svg", "png", "pdf", ...; "" = from the output extension
  std::string layout;           // "dot", "sfdp", "neato", ...; "" = automatic
  std::size_t dot_limit = 300;  // automatic layout: dot up to this many nodes, sfdp beyond
};

// Lays out and renders the graph into path (atomically; "-" = stdout).
// kUsage for an unknown output format or layout engine.
[[nodiscard]] Status render_graph(const KnowledgeGraph& graph, const std::string& path,
                                  const RenderOptions& options = {});

}  // namespace textgraph
