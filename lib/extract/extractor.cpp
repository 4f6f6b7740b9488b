#include "textgraph/extractor.h"

#include <algorithm>
#include <charconv>

#include "extract/builder.h"
#include "extract/tree.h"
#include "textgraph/conllu.h"

namespace textgraph {

namespace {

using extraction::Arg;
using extraction::Builder;
using extraction::Frame;
using extraction::Tree;

// Buffers reused across the sentences of one call.
struct Workspace {
  explicit Workspace(const ExtractOptions& options) : builder(options) {}
  Tree tree;
  Builder builder;
  std::vector<Frame> frames;
  std::vector<std::string> seen;  // keys of the triples of the current sentence
  std::vector<int> source;
  Sentence repaired;  // the sentence with its tagging repaired (extraction::repair_sentence)
};

std::string sentence_text(const Sentence& s, const std::string& document_text) {
  if (!s.text.empty()) return s.text;
  if (s.span.known() && s.span.end <= document_text.size() && s.span.begin <= s.span.end)
    return document_text.substr(s.span.begin, s.span.end - s.span.begin);
  return surface_text(s);
}

// The entity type of a phrase from its head word's NER tag (B-PER, I-ORG,
// ...), when an entity stage has set one.
std::string entity_type(const Tree& tree, int head) {
  if (head <= 0) return {};
  const std::string& tag = tree.word(head).ner;
  if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return {};
  const std::string_view kind = std::string_view(tag).substr(2);
  if (kind == "PER") return "PERSON";
  return std::string(kind);
}

Argument argument(const Tree& tree, const Arg& a) {
  Argument out;
  out.text = extraction::render(tree, a.ids);
  out.type = entity_type(tree, a.head);
  extraction::spans_of(tree, a.ids, out.spans);
  return out;
}

// "No country recognized ...", "has no plans": a "no" determiner denies.
bool denied(const Tree& tree, const Arg* a) {
  if (!a || a->head == 0) return false;
  for (int c : tree.children(a->head))
    if (tree.dep(c) == extraction::Dep::kDet && extraction::lower(tree.word(c).form) == "no")
      return true;
  return false;
}

// A lone wh-word says nothing: "we get what", "what is scary".
bool bare_wh(const Tree& tree, const Arg* a) {
  if (!a || a->ids.size() != 1) return false;
  const int id = a->ids.front();
  const std::string l = extraction::lower(tree.word(id).lemma);
  return l == "what" || l == "which" || l == "who" || l == "whom" || l == "whose" ||
         l == "whatever" || l == "whoever" || l == "whichever" ||
         tree.has_feature(id, "PronType=Rel") || tree.has_feature(id, "PronType=Int");
}

void extract_one(Workspace& ws, const Sentence& sentence, std::size_t index,
                 const std::string& document_id, const std::string& document_text,
                 const ExtractOptions& options, std::vector<Triple>& out, ExtractStats* stats,
                 std::vector<double>* feature_rows = nullptr) {
  if (stats) ++stats->sentences;
  const Tree::Check check =
      ws.tree.build(extraction::repair_sentence(sentence, ws.repaired) ? ws.repaired : sentence);
  if (check != Tree::Check::kOk) {
    if (stats) ++(check == Tree::Check::kUnparsed ? stats->unparsed : stats->malformed);
    return;
  }
  const Tree& tree = ws.tree;
  ws.builder.run(tree, ws.frames);
  if (ws.frames.empty()) return;

  const std::string text = sentence_text(sentence, document_text);
  ws.seen.clear();
  std::size_t made = 0;
  bool truncated = false;
  for (Frame& f : ws.frames) {
    Attribution attribution;
    if (ws.builder.attribution(f.anchor, ws.source, attribution.verb)) {
      attribution.source = extraction::render(tree, ws.source);
      f.features.attributed = true;
    }

    Relation relation;
    relation.text = f.implied_before;
    extraction::append_word(relation.text,
                            f.rel.empty() ? f.synthetic : extraction::render(tree, f.rel));
    extraction::append_word(relation.text, f.implied);
    relation.lemma = f.lemma;
    relation.passive = f.passive;
    ws.source.assign(f.rel.begin(), f.rel.end());
    std::sort(ws.source.begin(), ws.source.end());
    extraction::spans_of(tree, ws.source, relation.spans);
    std::vector<Argument> extras;
    for (const Arg& e : f.extras) extras.push_back(argument(tree, e));

    const std::size_t n_objects = f.objects.empty() ? 1 : f.objects.size();
    for (const Arg& s : f.subjects) {
      for (std::size_t k = 0; k < n_objects; ++k) {
        const Arg* o = f.objects.empty() ? nullptr : &f.objects[k];
        if (bare_wh(tree, &s) || bare_wh(tree, o)) continue;
        const double confidence = extraction::confidence(f, &s, o, tree);
        if (confidence < options.min_confidence) continue;
        Triple t;
        t.subject = argument(tree, s);
        if (o) t.object = argument(tree, *o);
        t.relation = relation;
        t.extra = extras;
        t.polarity = f.negative || denied(tree, &s) || denied(tree, o) ? Polarity::kNegative
                                                                       : Polarity::kPositive;
        t.modality = f.modality;
        t.attribution = attribution;
        t.confidence = confidence;
        t.provenance.document = document_id;
        t.provenance.sentence = index;
        t.provenance.text = text;

        std::string key = t.subject.text + '\t' + t.relation.text + '\t' + t.object.text;
        for (const Argument& e : t.extra) key += '\t' + e.text;
        if (std::find(ws.seen.begin(), ws.seen.end(), key) != ws.seen.end()) continue;
        if (made == options.max_per_sentence) {
          truncated = true;
          break;
        }
        ws.seen.push_back(std::move(key));
        out.push_back(std::move(t));
        if (feature_rows) {
          double x[extraction::kConfidenceFeatures];
          extraction::features(f, &s, o, tree, x);
          feature_rows->insert(feature_rows->end(), x, x + extraction::kConfidenceFeatures);
        }
        ++made;
      }
      if (truncated) break;
    }
    if (truncated) break;
  }
  if (stats) {
    stats->triples += made;
    if (truncated) ++stats->truncated;
  }
}

void clean_field(std::string_view in, std::string& out) {
  for (char c : in) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

}  // namespace

namespace extraction {

void extract_with_features(const Sentence& sentence, std::size_t index,
                           const ExtractOptions& options, std::vector<Triple>& out,
                           std::vector<double>& feature_rows) {
  Workspace ws(options);
  extract_one(ws, sentence, index, "", "", options, out, nullptr, &feature_rows);
}

}  // namespace extraction

void extract_sentence(const Sentence& sentence, std::size_t index, const std::string& document_id,
                      const std::string& document_text, const ExtractOptions& options,
                      std::vector<Triple>& out, ExtractStats* stats) {
  Workspace ws(options);
  extract_one(ws, sentence, index, document_id, document_text, options, out, stats);
}

std::vector<Triple> extract(const Document& doc, const ExtractOptions& options,
                            ExtractStats* stats) {
  std::vector<Triple> out;
  Workspace ws(options);
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    extract_one(ws, doc.sentences[i], i, doc.id, doc.text, options, out, stats);
  return out;
}

std::string carb_line(const Triple& t) {
  std::string line;
  clean_field(t.provenance.text, line);
  line += '\t';
  char number[32];
  auto [end, ec] =
      std::to_chars(number, number + sizeof number, t.confidence, std::chars_format::fixed, 6);
  line.append(number, ec == std::errc() ? end : number);
  line += '\t';
  clean_field(t.relation.text, line);
  const Argument& first = t.relation.passive ? t.object : t.subject;
  const Argument& second = t.relation.passive ? t.subject : t.object;
  line += '\t';
  clean_field(first.text, line);
  if (!second.text.empty()) {
    line += '\t';
    clean_field(second.text, line);
  }
  for (const Argument& e : t.extra) {
    if (e.text.empty()) continue;
    line += '\t';
    clean_field(e.text, line);
  }
  line += '\n';
  // A passive with its agent also reads the active way round, as the graph
  // does ("Serbia sign the agreement"), ranked below the surface reading.
  if (t.relation.passive) {
    std::string act;
    clean_field(t.provenance.text, act);
    act += '\t';
    auto [e2, ec2] = std::to_chars(number, number + sizeof number, t.confidence * 0.5,
                                   std::chars_format::fixed, 6);
    act.append(number, ec2 == std::errc() ? e2 : number);
    act += '\t';
    clean_field(t.relation.lemma, act);
    act += '\t';
    clean_field(t.subject.text, act);
    act += '\t';
    clean_field(t.object.text, act);
    act += '\n';
    line += act;
  }
  return line;
}

}  // namespace textgraph
