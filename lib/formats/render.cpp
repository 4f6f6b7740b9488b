// Drawing through Graphviz gvc.
#include <graphviz/gvc.h>

#include <cstring>
#include <numeric>
#include <vector>

#include "core/error.h"
#include "core/files.h"
#include "formats/cgraph_util.h"
#include "formats/graph_io.h"

// Called by LeakSanitizer builds only (nothing calls it otherwise): leaks
// inside Graphviz's own dependencies that textgraph cannot free — fontconfig
// keeps its caches until exit by design, and Graphviz 2.42 leaks the plugin
// list it prints for an unknown output format.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n"  // font caches kept until exit
         "leak:gvplugin_list\n";    // Graphviz 2.42 listing plugins for an unknown format
}

namespace textgraph {

namespace {

std::string render_messages;

int collect(char* message) {
  render_messages += message;
  return 0;
}

std::string extension_of(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

// One Graphviz context for the whole process. Graphviz 2.42 keeps font
// data in static caches that outlive a context, so freeing a context and
// making another reads freed memory (found by AddressSanitizer); a context
// that lives until exit avoids that and loads the plugins only once.
GVC_t* graphviz_context() {
  static GVC_t* const context = gvContext();
  return context;
}

std::string tidy(std::string m) {
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  for (char& c : m)
    if (c == '\n') c = ' ';
  return m;
}

// Weakly connected components with more than one node. dot places
// components side by side, so a news graph of many small stories becomes one
// very wide row; laid out left to right they stack instead. (pack=true would
// grid them but drops edge labels in Graphviz 2.42.)
std::size_t linked_components(const GraphImpl& g) {
  std::vector<std::size_t> parent(g.node_count());
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  auto find = [&](std::size_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  std::vector<bool> linked(g.node_count(), false);
  for (std::size_t e = 0; e < g.edges.size(); ++e) {
    const std::size_t a = find(g.source(e)), b = find(g.target(e));
    linked[g.source(e)] = linked[g.target(e)] = true;
    if (a != b) parent[a] = b;
  }
  std::size_t count = 0;
  for (std::size_t v = 0; v < parent.size(); ++v)
    if (linked[v] && find(v) == v) ++count;
  return count;
}

}  // namespace

Status render_graph(const KnowledgeGraph& graph, const std::string& path,
                    const RenderOptions& options) {
  return guard([&] {
    const std::string format = options.format.empty() ? extension_of(path) : options.format;
    if (format.empty())
      fail(ErrorCode::kUsage, "cannot tell the image format of '" + path + "'; use --format");
    const GraphImpl& g = graph_impl(graph);
    const std::string layout = !options.layout.empty()
                                   ? options.layout
                                   : (g.node_count() <= options.dot_limit ? "dot" : "sfdp");

    render_messages.clear();
    agseterr(AGERR);
    agusererrf previous = agseterrf(collect);
    agreseterrors();
    struct Restore {
      agusererrf f;
      ~Restore() { agseterrf(f); }
    } restore{previous};

    GVC_t* const gvc = graphviz_context();
    if (!gvc) fail(ErrorCode::kInternal, "cannot start Graphviz");
    CgraphPtr cg = build_cgraph(g, CgraphContent::kDisplay, nullptr);
    agattr(cg.get(), AGRAPH, const_cast<char*>("outputorder"), const_cast<char*>("edgesfirst"));
    if (layout == "dot" && linked_components(g) > 4)
      agattr(cg.get(), AGRAPH, const_cast<char*>("rankdir"), const_cast<char*>("LR"));
    if (layout != "dot")
      agattr(cg.get(), AGRAPH, const_cast<char*>("overlap"), const_cast<char*>("prism"));
    if (gvLayout(gvc, cg.get(), layout.c_str()) != 0)
      fail(ErrorCode::kUsage,
           "Graphviz cannot lay out with '" + layout + "': " + tidy(render_messages));
    char* data = nullptr;
    unsigned int length = 0;
    const int rc = gvRenderData(gvc, cg.get(), format.c_str(), &data, &length);
    gvFreeLayout(gvc, cg.get());
    if (rc != 0 || !data) {
      if (data) gvFreeRenderData(data);
      fail(ErrorCode::kUsage,
           "Graphviz cannot render format '" + format + "': " + tidy(render_messages));
    }
    std::unique_ptr<char, void (*)(char*)> owned(data, gvFreeRenderData);
    OutputFile out(path);
    out.stream().write(data, length);
    out.commit();
  });
}

}  // namespace textgraph
