// Drawing through Graphviz gvc.
#include <graphviz/gvc.h>

#include <cstring>

#include "core/error.h"
#include "core/files.h"
#include "formats/cgraph_util.h"
#include "formats/graph_io.h"

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

struct GvcCloser {
  void operator()(GVC_t* c) const { gvFreeContext(c); }
};

std::string tidy(std::string m) {
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  for (char& c : m)
    if (c == '\n') c = ' ';
  return m;
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

    std::unique_ptr<GVC_t, GvcCloser> gvc(gvContext());
    if (!gvc) fail(ErrorCode::kInternal, "cannot start Graphviz");
    CgraphPtr cg = build_cgraph(g, CgraphContent::kDisplay, nullptr);
    agattr(cg.get(), AGRAPH, const_cast<char*>("outputorder"), const_cast<char*>("edgesfirst"));
    if (layout != "dot")
      agattr(cg.get(), AGRAPH, const_cast<char*>("overlap"), const_cast<char*>("prism"));
    if (gvLayout(gvc.get(), cg.get(), layout.c_str()) != 0)
      fail(ErrorCode::kUsage,
           "Graphviz cannot lay out with '" + layout + "': " + tidy(render_messages));
    char* data = nullptr;
    unsigned int length = 0;
    const int rc = gvRenderData(gvc.get(), cg.get(), format.c_str(), &data, &length);
    gvFreeLayout(gvc.get(), cg.get());
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
