// GEXF 1.3, Gephi's native format (write only).
#include "formats/export_order.h"
#include "formats/graph_io.h"
#include "formats/json.h"
#include "formats/style.h"
#include "formats/xml.h"

namespace textgraph {

namespace {

void attvalue(std::string& b, const char* key, std::string_view value) {
  b += "<attvalue for=\"";
  b += key;
  b += "\" value=\"";
  xml::append_attribute(b, value);
  b += "\"/>";
}

}  // namespace

void write_gexf(const GraphImpl& g, Sink& out) {
  std::string& b = out.buf();
  b += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
       "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
       "version=\"1.3\">\n"
       "<meta><creator>textgraph</creator></meta>\n"
       "<graph defaultedgetype=\"directed\" mode=\"static\">\n"
       "<attributes class=\"node\" mode=\"static\">\n"
       "<attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
       "<attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
       "<attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
       "<attribute id=\"actors\" title=\"actors\" type=\"string\"/>\n"
       "<attribute id=\"title\" title=\"title\" type=\"string\"/>\n"
       "<attribute id=\"affiliation\" title=\"affiliation\" type=\"string\"/>\n"
       "<attribute id=\"role\" title=\"role\" type=\"string\"/>\n"
       "</attributes>\n"
       "<attributes class=\"edge\" mode=\"static\">\n"
       "<attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
       "<attribute id=\"polarity\" title=\"polarity\" type=\"string\"/>\n"
       "<attribute id=\"confidence\" title=\"confidence\" type=\"double\"/>\n"
       "<attribute id=\"count\" title=\"count\" type=\"integer\"/>\n"
       "<attribute id=\"provenance\" title=\"provenance\" type=\"string\"/>\n"
       "</attributes>\n"
       "<nodes>\n";
  std::string scratch;
  const ExportOrder order = export_order(g);
  for (std::size_t i = 0; i < order.nodes.size(); ++i) {
    const std::size_t v = order.nodes[i];
    const NodeRec& n = g.node(v);
    b += "<node id=\"";
    xml::append_attribute(b, g.str(n.id));
    b += "\" label=\"";
    xml::append_attribute(b, order.label[v]);
    b += "\"><attvalues>";
    const std::string_view type = g.type(v);
    if (!type.empty()) attvalue(b, "type", type);
    scratch.clear();
    json::append_uint(scratch, n.mentions);
    attvalue(b, "mentions", scratch);
    scratch.clear();
    append_tallies(scratch, g, n.aliases);
    attvalue(b, "aliases", scratch);
    scratch.clear();
    append_tallies(scratch, g, n.actors);
    attvalue(b, "actors", scratch);
    for (const AttributeList& a : kNodeAttributes)
      if (!(n.*a.list).empty()) attvalue(b, a.single, g.top(n.*a.list));
    const NodeStyle st = style_for_type(type);
    b += "</attvalues><viz:color r=\"";
    json::append_uint(b, st.r);
    b += "\" g=\"";
    json::append_uint(b, st.g);
    b += "\" b=\"";
    json::append_uint(b, st.b);
    b += "\"/></node>\n";
    out.maybe_flush();
  }
  b += "</nodes>\n<edges>\n";
  Triple triple;
  for (std::size_t i = 0; i < order.edges.size(); ++i) {
    const std::size_t e = order.edges[i];
    const EdgeRec& r = g.edge(e);
    b += "<edge id=\"";
    json::append_uint(b, i);
    b += "\" source=\"";
    xml::append_attribute(b, order.id[g.source(e)]);
    b += "\" target=\"";
    xml::append_attribute(b, order.id[g.target(e)]);
    // kind: Gephi keeps edges of different kinds between the same nodes apart
    // instead of summing them into one.
    b += "\" kind=\"";
    xml::append_attribute(b, g.str(r.relation));
    if (r.polarity == Polarity::kNegative) b += " (negated)";
    b += "\" label=\"";
    xml::append_attribute(b, g.edge_label(e));
    b += "\" weight=\"";
    json::append_uint(b, r.count);
    b += "\"><attvalues>";
    attvalue(b, "relation", g.str(r.relation));
    attvalue(b, "polarity", polarity_name(r.polarity));
    scratch.clear();
    json::append_double(scratch, r.confidence());
    attvalue(b, "confidence", scratch);
    scratch.clear();
    json::append_uint(scratch, r.count);
    attvalue(b, "count", scratch);
    scratch.clear();
    append_provenance(scratch, g, e, triple,
                      {order.label[g.source(e)], g.str(r.relation), order.label[g.target(e)]});
    attvalue(b, "provenance", scratch);
    b += "</attvalues></edge>\n";
    out.maybe_flush();
  }
  b += "</edges>\n</graph>\n</gexf>\n";
}

}  // namespace textgraph
