// DOT through Graphviz cgraph: writing with agwrite, reading with agread.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iterator>
#include <new>
#include <vector>

#include "core/error.h"
#include "formats/cgraph_util.h"
#include "formats/export_order.h"
#include "formats/graph_io.h"
#include "formats/json.h"
#include "formats/style.h"
#include "formats/text_check.h"

namespace textgraph {

std::string dot_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 1);
  // cgraph takes a name starting with '%' for one of its internal ids.
  if (!s.empty() && s[0] == '%') out += '\\';
  for (char c : s) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else
      out += c;
  }
  return out;
}

std::string dot_unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    if (c == '\\')
      out += '\\';
    else if (c == 'n' || c == 'l')
      out += '\n';
    else if (c == 'r')
      out += '\r';
    else if (c == '%' && i == 1)
      out += '%';
    else {
      out += '\\';
      out += c;
    }
  }
  return out;
}

namespace {

char* cs(const char* s) { return const_cast<char*>(s); }

// Declares an attribute with its default and returns its symbol.
Agsym_t* declare(Agraph_t* g, int kind, const char* name, const char* fallback) {
  return agattr(g, kind, cs(name), cs(fallback));
}

// Values equal to the declared default are not set: each agxset costs a
// lookup in cgraph's shared string dictionary, and agwrite leaves defaults
// out anyway.
void set(void* obj, Agsym_t* sym, const std::string& value) {
  if (value != sym->defval) agxset(obj, sym, cs(value.c_str()));
}

}  // namespace

CgraphPtr build_cgraph(const GraphImpl& g, CgraphContent content, Agdisc_t* disc) {
  CgraphPtr graph(agopen(cs("textgraph"), Agdirected, disc));
  if (!graph) fail(ErrorCode::kInternal, "cannot create a Graphviz graph");
  Agraph_t* G = graph.get();
  const bool data = content == CgraphContent::kData;
  Agsym_t* n_label = declare(G, AGNODE, "label", "\\N");
  Agsym_t* n_shape = declare(G, AGNODE, "shape", "ellipse");
  declare(G, AGNODE, "style", "filled");
  Agsym_t* n_fill = declare(G, AGNODE, "fillcolor", style_for_type("").hex().c_str());
  // Shown when the pointer rests on a node in SVG: its title, affiliation, role.
  Agsym_t* n_tooltip = declare(G, AGNODE, "tooltip", "");
  Agsym_t *n_type = nullptr, *n_mentions = nullptr, *n_aliases = nullptr, *n_actors = nullptr,
          *n_types = nullptr;
  Agsym_t* n_single[std::size(kNodeAttributes)] = {};
  Agsym_t* n_plural[std::size(kNodeAttributes)] = {};
  if (data) {
    n_type = declare(G, AGNODE, "type", "");
    n_mentions = declare(G, AGNODE, "mentions", "0");
    n_aliases = declare(G, AGNODE, "aliases", "[]");
    n_actors = declare(G, AGNODE, "actors", "[]");
    n_types = declare(G, AGNODE, "types", "[]");
    for (std::size_t i = 0; i < std::size(kNodeAttributes); ++i) {
      n_single[i] = declare(G, AGNODE, kNodeAttributes[i].single, "");
      n_plural[i] = declare(G, AGNODE, kNodeAttributes[i].plural, "[]");
    }
  }
  Agsym_t* e_label = declare(G, AGEDGE, "label", "");
  Agsym_t* e_style = declare(G, AGEDGE, "style", "solid");
  Agsym_t *e_relation = nullptr, *e_polarity = nullptr, *e_confidence = nullptr, *e_count = nullptr,
          *e_provenance = nullptr;
  if (data) {
    e_relation = declare(G, AGEDGE, "relation", "");
    e_polarity = declare(G, AGEDGE, "polarity", "positive");
    e_confidence = declare(G, AGEDGE, "confidence", "1");
    e_count = declare(G, AGEDGE, "count", "1");
    e_provenance = declare(G, AGEDGE, "provenance", "[]");
  }

  const ExportOrder order = export_order(g);
  std::vector<Agnode_t*> nodes(g.node_count(), nullptr);
  std::string scratch;
  for (std::uint32_t v : order.nodes) {
    const NodeRec& n = g.node(v);
    const std::string name = dot_escape(g.str(n.id));
    Agnode_t* node = agnode(G, cs(name.c_str()), 1);
    nodes[v] = node;
    set(node, n_label, dot_escape(order.label[v]));
    const std::string_view type = g.type(v);
    const NodeStyle st = style_for_type(type);
    set(node, n_shape, st.shape);
    set(node, n_fill, st.hex());
    std::string tooltip;
    for (const AttributeList& a : kNodeAttributes)
      if (!(n.*a.list).empty()) {
        if (tooltip.empty()) tooltip = order.label[v];
        tooltip += '\n';
        tooltip += a.single;
        tooltip += ": ";
        tooltip += g.top(n.*a.list);
      }
    if (!tooltip.empty()) set(node, n_tooltip, dot_escape(tooltip));
    if (!data) continue;
    set(node, n_type, dot_escape(type));
    scratch.clear();
    json::append_uint(scratch, n.mentions);
    set(node, n_mentions, scratch);
    for (auto [sym, list] : {std::pair{n_aliases, &n.aliases}, std::pair{n_actors, &n.actors},
                             std::pair{n_types, &n.types}}) {
      scratch.clear();
      append_tallies(scratch, g, *list);
      set(node, sym, dot_escape(scratch));
    }
    for (std::size_t i = 0; i < std::size(kNodeAttributes); ++i) {
      const TallyList& list = n.*kNodeAttributes[i].list;
      if (list.empty()) continue;
      set(node, n_single[i], dot_escape(g.top(list)));
      scratch.clear();
      append_tallies(scratch, g, list);
      set(node, n_plural[i], dot_escape(scratch));
    }
  }
  Triple triple;
  for (std::uint32_t e : order.edges) {
    const EdgeRec& r = g.edge(e);
    // A null name with createflag 1 always makes a new edge in a non-strict
    // graph: parallel relations between the same nodes stay apart.
    Agedge_t* edge = agedge(G, nodes[g.source(e)], nodes[g.target(e)], nullptr, 1);
    set(edge, e_label, dot_escape(g.edge_label(e)));
    if (r.polarity == Polarity::kNegative) set(edge, e_style, "dashed");
    if (!data) continue;
    set(edge, e_relation, dot_escape(g.str(r.relation)));
    set(edge, e_polarity, polarity_name(r.polarity));
    scratch.clear();
    json::append_double(scratch, r.confidence());
    set(edge, e_confidence, scratch);
    scratch.clear();
    json::append_uint(scratch, r.count);
    set(edge, e_count, scratch);
    scratch.clear();
    append_provenance(scratch, g, e, triple,
                      {order.label[g.source(e)], g.str(r.relation), order.label[g.target(e)]});
    set(edge, e_provenance, dot_escape(scratch));
  }
  return graph;
}

// ── Writing ─────────────────────────────────────────────────────────────────

namespace {

// cgraph calls back into C++ here; exceptions must not cross the C frames,
// so a failure is kept and agwrite is told to stop (EOF).
struct WriteChannel {
  Sink* sink;
  std::exception_ptr error;
};

int put_string(void* chan, const char* str) {
  auto* c = static_cast<WriteChannel*>(chan);
  if (c->error) return EOF;
  try {
    c->sink->buf() += str;
    c->sink->maybe_flush();
  } catch (...) {
    c->error = std::current_exception();
    return EOF;
  }
  return 1;
}

int flush_channel(void*) { return 0; }

struct ReadChannel {
  std::string_view text;
  std::size_t pos = 0;
};

int read_chunk(void* chan, char* buf, int size) {
  auto* c = static_cast<ReadChannel*>(chan);
  // cgraph's lexer reads a line at a time (it counts lines that way).
  const std::size_t left = c->text.size() - c->pos;
  std::size_t n = std::min<std::size_t>(left, static_cast<std::size_t>(size > 1 ? size - 1 : 0));
  const std::size_t nl = c->text.find('\n', c->pos);
  if (nl != std::string_view::npos && nl - c->pos + 1 < n) n = nl - c->pos + 1;
  std::memcpy(buf, c->text.data() + c->pos, n);
  c->pos += n;
  return static_cast<int>(n);
}

Agiodisc_t io_discipline = {read_chunk, put_string, flush_channel};
Agdisc_t discipline = {&AgMemDisc, &AgIdDisc, &io_discipline};

// The DOT export's memory discipline: an arena. cgraph allocates every node,
// edge, attribute record and interned string through the graph's memory
// discipline; with the default one (calloc/free) a million-edge graph costs
// millions of small allocations and as many frees in agclose. Here
// allocations are bump pointers into large zeroed blocks (cgraph expects
// zeroed memory), free does nothing, and DotWriter releases the blocks once
// agclose is done. The export builds a graph, writes it and closes it, so
// nothing would be reused in between anyway.
struct Arena {
  static constexpr std::size_t kBlock = std::size_t{1} << 20;
  std::vector<void*> blocks;
  char* next = nullptr;
  std::size_t left = 0;

  void* alloc(std::size_t size) {
    size = (size + 15) & ~std::size_t{15};
    if (size > left) {
      if (size > kBlock / 4) return fresh(size);  // large: a block of its own
      next = static_cast<char*>(fresh(kBlock));
      if (!next) return nullptr;
      left = kBlock;
    }
    void* p = next;
    next += size;
    left -= size;
    return p;
  }
  void* fresh(std::size_t size) {
    void* p = std::calloc(1, size);
    if (p) blocks.push_back(p);
    return p;
  }
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (void* p : blocks) std::free(p);
  }
};

// cgraph hands the discipline to open(); the arena rides along with it.
struct ArenaDisc {
  Agdisc_t disc;
  Arena* arena;
};

void* arena_open(Agdisc_t* disc) { return reinterpret_cast<ArenaDisc*>(disc)->arena; }
void* arena_alloc(void* arena, std::size_t size) { return static_cast<Arena*>(arena)->alloc(size); }
void* arena_resize(void* arena, void* old, std::size_t old_size, std::size_t size) {
  if (size <= old_size) return old;
  void* p = static_cast<Arena*>(arena)->alloc(size);
  if (p && old) std::memcpy(p, old, old_size);
  return p;
}
void arena_free(void*, void*) {}

// No close function: with one, agclose would skip its walk and leave cgraph's
// dictionary headers (malloc'd by libcdt, not through the discipline) leaked.
Agmemdisc_t arena_memory = {arena_open, arena_alloc, arena_resize, arena_free, nullptr};

}  // namespace

struct DotWriter::Memory {
  Arena arena;
  ArenaDisc disc{{&arena_memory, &AgIdDisc, &io_discipline}, &arena};
};

DotWriter::DotWriter(const GraphImpl& g) : memory_(std::make_unique<Memory>()) {
  graph_ = build_cgraph(g, CgraphContent::kData, &memory_->disc.disc).release();
}

DotWriter::~DotWriter() { close(); }

void DotWriter::write(Sink& out) {
  WriteChannel chan{&out, nullptr};
  const int rc = agwrite(graph_, &chan);
  if (chan.error) std::rethrow_exception(chan.error);
  if (rc == EOF) fail(ErrorCode::kIo, "Graphviz could not write the DOT output");
}

void DotWriter::close() {
  if (graph_) agclose(graph_);
  graph_ = nullptr;
  memory_.reset();
}

void write_dot(const GraphImpl& g, Sink& out) {
  DotWriter writer(g);
  writer.write(out);
}

// ── Reading ─────────────────────────────────────────────────────────────────

namespace {

std::string cgraph_messages;

// Exported by libcgraph though not in its header: empties the lexer's input
// buffer. Without it, input left over from the previous read (the newline
// after its closing brace, say) is lexed first and line numbers drift.
extern "C" void aglexbad(void);

int collect_message(char* message) {
  cgraph_messages += message;
  return 0;
}

// "syntax error in line 3 near 'x'" → 3.
std::size_t line_of(const std::string& message) {
  const std::size_t at = message.find("line ");
  if (at == std::string::npos) return 0;
  return std::strtoul(message.c_str() + at + 5, nullptr, 10);
}

std::string tidy(std::string message) {
  for (const char* prefix : {"Error: ", "Error:", "Warning: "})
    for (std::size_t p; (p = message.find(prefix)) != std::string::npos;)
      message.erase(p, std::strlen(prefix));
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  for (char& c : message)
    if (c == '\n') c = ' ';
  if (message.compare(0, 2, ": ") == 0) message.erase(0, 2);
  return message;
}

bool display_attribute(std::string_view name) {
  static const char* const kDisplay[] = {"shape",
                                         "style",
                                         "fillcolor",
                                         "color",
                                         "fontcolor",
                                         "fontname",
                                         "fontsize",
                                         "pos",
                                         "width",
                                         "height",
                                         "penwidth",
                                         "arrowhead",
                                         "arrowtail",
                                         "arrowsize",
                                         "dir",
                                         "xlabel",
                                         "tooltip",
                                         "URL",
                                         "href",
                                         "fixedsize",
                                         "margin",
                                         "weight",
                                         "len",
                                         "lp",
                                         "xlp",
                                         "labelfloat",
                                         "labelfontcolor",
                                         "labelfontname",
                                         "labelfontsize",
                                         "headlabel",
                                         "taillabel",
                                         "constraint",
                                         "minlen",
                                         "group",
                                         "peripheries",
                                         "sides",
                                         "skew",
                                         "distortion",
                                         "orientation",
                                         "regular",
                                         "image",
                                         "imagescale",
                                         "class",
                                         "id",
                                         "layer",
                                         "nojustify",
                                         "gradientangle",
                                         "key"};
  for (const char* d : kDisplay)
    if (name == d) return true;
  return false;
}

// cgraph keeps no line numbers for nodes and edges, so problems found after
// parsing name the object instead: "g.dot: edge 'a' -> 'b': confidence ...".
template <class F>
void about(const std::string& file, const std::string& what, F&& f) {
  try {
    f();
  } catch (const Error& e) {
    fail(e.code(), what + ": " + e.what(), {file});
  }
}

// Value of attribute `name` on obj, or "" when undeclared.
std::string get(void* obj, const char* name) {
  const char* v = agget(obj, cs(name));
  return v ? v : "";
}

}  // namespace

void read_dot(std::string_view text, const std::string& name, GraphImpl& g, ReadReport& report) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    fail_input("empty file: expected a DOT graph", {name, 1});
  const std::size_t bad = find_disallowed(text);
  if (bad != std::string_view::npos) {
    std::size_t line = 1, start = 0;
    for (std::size_t i = 0; i < bad; ++i)
      if (text[i] == '\n') ++line, start = i + 1;
    fail_input(describe_disallowed(text, bad), {name, line, bad - start + 1});
  }
  cgraph_messages.clear();
  agseterr(AGERR);
  agusererrf previous = agseterrf(collect_message);
  agreseterrors();
  aglexbad();
  agreadline(1);
  ReadChannel chan{text, 0};
  CgraphPtr graph(agread(&chan, &discipline));
  if (graph && agerrors() == 0) {
    // Reading on drains the channel, so no stale input remains for the next read.
    CgraphPtr second(agread(&chan, &discipline));
    if (second) {
      agseterrf(previous);
      fail_input("more than one graph in the DOT file; textgraph reads one", {name});
    }
  }
  agseterrf(previous);
  if (!graph || agerrors() > 0) {
    const std::string message = tidy(cgraph_messages);
    fail_input(message.empty() ? "not a DOT graph" : message, {name, line_of(cgraph_messages)});
  }
  Agraph_t* G = graph.get();
  // An undirected graph is read with each edge going from tail to head as written.

  // Attributes textgraph does not model are counted, not silently lost.
  static const char* const kNodeKnown[] = {"label",       "type",         "mentions", "aliases",
                                           "actors",      "types",        "title",    "titles",
                                           "affiliation", "affiliations", "role",     "roles"};
  static const char* const kEdgeKnown[] = {"label",      "relation", "polarity",
                                           "confidence", "count",    "provenance"};
  auto known = [](const char* attr, const char* const* list, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
      if (std::strcmp(attr, list[i]) == 0) return true;
    return display_attribute(attr);
  };

  const Location here{name};
  for (Agnode_t* n = agfstnode(G); n; n = agnxtnode(G, n)) {
    const std::string id = dot_unescape(agnameof(n));
    about(name, "node '" + id + "'", [&] {
      NodeImport node;
      node.id = id;
      const std::string label = get(n, "label");
      node.label = (label == "\\N" || label.empty()) ? node.id : dot_unescape(label);
      node.type = dot_unescape(get(n, "type"));
      const std::string mentions = get(n, "mentions");
      if (!mentions.empty()) node.mentions = parse_count(mentions, "mentions", here);
      const std::string aliases = dot_unescape(get(n, "aliases"));
      if (!aliases.empty()) node.aliases = parse_tallies(aliases, here);
      const std::string actors = dot_unescape(get(n, "actors"));
      if (!actors.empty()) node.actors = parse_tallies(actors, here);
      const std::string types = dot_unescape(get(n, "types"));
      if (!types.empty()) node.types = parse_tallies(types, here);
      node.title = dot_unescape(get(n, "title"));
      node.affiliation = dot_unescape(get(n, "affiliation"));
      node.role = dot_unescape(get(n, "role"));
      for (auto [name, list] :
           {std::pair{"titles", &node.titles}, std::pair{"affiliations", &node.affiliations},
            std::pair{"roles", &node.roles}}) {
        const std::string text = dot_unescape(get(n, name));
        if (!text.empty()) *list = parse_tallies(text, here);
      }
      for (Agsym_t* sym = agnxtattr(G, AGNODE, nullptr); sym; sym = agnxtattr(G, AGNODE, sym))
        if (!known(sym->name, kNodeKnown, std::size(kNodeKnown)) &&
            std::strcmp(agxget(n, sym), sym->defval) != 0)
          note_ignored(report, sym->name);
      import_node(g, node, here);
    });
  }
  for (Agnode_t* n = agfstnode(G); n; n = agnxtnode(G, n)) {
    for (Agedge_t* e = agfstout(G, n); e; e = agnxtout(G, e)) {
      EdgeImport edge;
      edge.source = dot_unescape(agnameof(agtail(e)));
      edge.target = dot_unescape(agnameof(aghead(e)));
      about(name, "edge '" + edge.source + "' -> '" + edge.target + "'", [&] {
        edge.label = dot_unescape(get(e, "label"));
        edge.relation = dot_unescape(get(e, "relation"));
        edge.polarity = parse_polarity(get(e, "polarity"), here);
        const std::string confidence = get(e, "confidence");
        if (!confidence.empty()) edge.confidence = parse_confidence(confidence, here);
        const std::string provenance = dot_unescape(get(e, "provenance"));
        edge.provenance_json = provenance;
        for (Agsym_t* sym = agnxtattr(G, AGEDGE, nullptr); sym; sym = agnxtattr(G, AGEDGE, sym))
          if (!known(sym->name, kEdgeKnown, 6) && std::strcmp(agxget(e, sym), sym->defval) != 0)
            note_ignored(report, sym->name);
        import_edge(g, edge, here);
      });
    }
  }
}

}  // namespace textgraph
