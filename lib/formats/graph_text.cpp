// The line formats written from a graph: TSV (one line per edge), JSONL and
// CaRB (one line per observation).
#include "formats/export_order.h"
#include "formats/graph_io.h"
#include "formats/json.h"
#include "formats/triple_codec.h"

namespace textgraph {

void write_tsv_graph(const GraphImpl& g, Sink& out) {
  std::string& b = out.buf();
  const ExportOrder order = export_order(g);
  for (std::uint32_t e : order.edges) {
    const EdgeRec& r = g.edge(e);
    append_tsv_field(b, order.label[g.source(e)], true);
    b += '\t';
    // TSV has no polarity column; a negated relation says so in words.
    if (r.polarity == Polarity::kNegative) b += "not ";
    append_tsv_field(b, g.str(r.relation), false);
    b += '\t';
    append_tsv_field(b, order.label[g.target(e)], false);
    b += '\t';
    json::append_double(b, r.confidence());
    b += '\n';
    out.maybe_flush();
  }
}

namespace {

template <class Line>
void write_observations(const GraphImpl& g, Sink& out, Line line) {
  const ExportOrder order = export_order(g);
  Triple t;
  for (std::uint32_t e : order.edges) {
    const EdgeRec& r = g.edge(e);
    for (const ObsRec& o : g.obs_of(e)) {
      g.fill_triple(r, o, t);
      line(out.buf(), t);
      out.buf() += '\n';
      out.maybe_flush();
    }
  }
}

}  // namespace

void write_jsonl_graph(const GraphImpl& g, Sink& out) {
  write_observations(g, out,
                     [](std::string& b, const Triple& t) { append_triple_json(b, t, false); });
}

// The same line as triple_to_carb(), written from the observation records
// without making each one a Triple first (CaRB lines are short, so that
// copy was most of the cost). Pool id 0 is the empty string.
void write_carb_graph(const GraphImpl& g, Sink& out) {
  const ExportOrder order = export_order(g);
  std::string& b = out.buf();
  for (std::uint32_t e : order.edges) {
    for (const ObsRec& o : g.obs_of(e)) {
      const ObsDetail& d = g.detail_of(o);
      append_carb_field(b, g.str(o.sentence_text));
      b += '\t';
      json::append_double(b, o.confidence);
      b += '\t';
      append_carb_field(b, g.str(o.rel_text ? o.rel_text : o.rel_lemma));
      b += '\t';
      append_carb_field(b, g.str(o.subject_text ? o.subject_text : d.subject.actor));
      b += '\t';
      append_carb_field(b, g.str(o.object_text ? o.object_text : d.object.actor));
      if (d.extra != kNoObs)
        for (const Argument& a : g.extras[d.extra]) {
          b += '\t';
          append_carb_field(b, a.text);
        }
      b += '\n';
      out.maybe_flush();
    }
  }
}

}  // namespace textgraph
