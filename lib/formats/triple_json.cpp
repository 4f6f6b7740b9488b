#include <cmath>

#include "core/error.h"
#include "formats/text_check.h"
#include "formats/triple_codec.h"
#include "textgraph/formats.h"

namespace textgraph {

using namespace std::string_view_literals;  // key == "name"sv compares lengths first

namespace {

void append_spans(std::string& out, const std::vector<Span>& spans) {
  out += '[';
  bool first = true;
  for (const Span& s : spans) {
    if (!s.known()) continue;
    if (!first) out += ',';
    first = false;
    out += '[';
    json::append_uint(out, s.begin);
    out += ',';
    json::append_uint(out, s.end);
    out += ']';
  }
  out += ']';
}

bool has_known(const std::vector<Span>& spans) {
  for (const Span& s : spans)
    if (s.known()) return true;
  return false;
}

// Members are written in a fixed order; `sep` tracks whether a comma is due.
struct ObjectWriter {
  std::string& out;
  bool compact;
  bool sep = false;
  void key(const char* k) {
    if (sep) out += ',';
    sep = true;
    out += '"';
    out += k;
    out += "\":";
  }
  void str(const char* k, const std::string& v) {
    if (compact && v.empty()) return;
    key(k);
    json::append_string(out, v);
  }
  // Members added after the first record layout: written only when set, in
  // either mode, so records without them stay as they were.
  void optional(const char* k, const std::string& v) {
    if (v.empty()) return;
    key(k);
    json::append_string(out, v);
  }
  void spans(const char* k, const std::vector<Span>& v) {
    if (compact && !has_known(v)) return;
    key(k);
    append_spans(out, v);
  }
};

// `implied`: the text a graph file's context gives (nullptr = none).
// Returns false, writing nothing, when a contextual argument has nothing to say.
bool append_argument(std::string& out, const Argument& a, bool compact,
                     const std::string_view* implied) {
  if (implied && a.text == *implied && a.type.empty() && a.actor.empty() && a.title.empty() &&
      a.affiliation.empty() && a.role.empty() && !has_known(a.spans))
    return false;
  out += '{';
  ObjectWriter w{out, compact};
  if (!implied || a.text != *implied) {
    w.key("text");
    json::append_string(out, a.text);
  }
  w.str("type", a.type);
  w.str("actor", a.actor);
  w.optional("title", a.title);
  w.optional("affiliation", a.affiliation);
  w.optional("role", a.role);
  w.spans("spans", a.spans);
  out += '}';
  return true;
}

void read_spans(json::Parser& in, std::vector<Span>& spans) {
  spans.clear();
  in.begin_array();
  while (in.next_element()) {
    in.peek();
    const std::size_t at = in.value_offset();
    in.begin_array();
    Span s;
    if (!in.next_element()) in.fail_at(at, "a span is [begin, end]");
    s.begin = in.get_uint();
    if (!in.next_element()) in.fail_at(at, "a span is [begin, end]");
    s.end = in.get_uint();
    if (in.next_element()) in.fail_at(at, "a span is [begin, end]");
    if (s.end < s.begin) in.fail_at(at, "span ends before it begins");
    if (s.begin == kNoOffset) in.fail_at(at, "span offset too large");
    spans.push_back(s);
  }
}

// `a = Argument()` without giving up the strings' capacity.
void clear_argument(Argument& a) {
  a.text.clear();
  a.type.clear();
  a.actor.clear();
  a.spans.clear();
  a.title.clear();
  a.affiliation.clear();
  a.role.clear();
}

[[noreturn]] void unknown_member(json::Parser& in, const std::string& where,
                                 const std::string& key) {
  in.fail_value("unknown member \"" + key + "\" in " + where);
}

// Returns whether the record had a "text" member.
bool read_argument(json::Parser& in, Argument& a, const char* what) {
  clear_argument(a);
  bool has_text = false;
  in.begin_object();
  std::string key;
  while (in.next_member(key)) {
    if (key == "text"sv) {
      in.get_string(a.text);
      has_text = true;
    } else if (key == "type"sv) {
      in.get_string(a.type);
    } else if (key == "actor"sv) {
      in.get_string(a.actor);
    } else if (key == "title"sv) {
      in.get_string(a.title);
    } else if (key == "affiliation"sv) {
      in.get_string(a.affiliation);
    } else if (key == "role"sv) {
      in.get_string(a.role);
    } else if (key == "spans"sv) {
      read_spans(in, a.spans);
    } else {
      unknown_member(in, what, key);
    }
  }
  return has_text;
}

bool read_relation(json::Parser& in, Relation& r) {
  r.text.clear();
  r.lemma.clear();
  r.spans.clear();
  r.passive = false;
  bool has_text = false;
  in.begin_object();
  std::string key;
  while (in.next_member(key)) {
    if (key == "text"sv) {
      in.get_string(r.text);
      has_text = true;
    } else if (key == "lemma"sv) {
      in.get_string(r.lemma);
    } else if (key == "spans"sv) {
      read_spans(in, r.spans);
    } else {
      unknown_member(in, "relation", key);
    }
  }
  return has_text;
}

}  // namespace

void append_triple_json(std::string& out, const Triple& t, bool compact,
                        const TripleContext* context) {
  out += '{';
  ObjectWriter w{out, compact};
  const std::size_t mark = out.size();
  w.key("subject");
  if (!append_argument(out, t.subject, compact, context ? &context->subject : nullptr)) {
    out.resize(mark);
    w.sep = false;
  }
  const bool implied_relation = context && t.relation.text == context->relation &&
                                t.relation.lemma.empty() && !has_known(t.relation.spans);
  if (!implied_relation) {
    w.key("relation");
    out += '{';
    ObjectWriter r{out, compact};
    if (!context || t.relation.text != context->relation) {
      r.key("text");
      json::append_string(out, t.relation.text);
    }
    r.str("lemma", t.relation.lemma);
    r.spans("spans", t.relation.spans);
    out += '}';
  }
  const std::size_t before_object = out.size();
  const bool sep_before_object = w.sep;
  w.key("object");
  if (!append_argument(out, t.object, compact, context ? &context->object : nullptr)) {
    out.resize(before_object);
    w.sep = sep_before_object;
  }
  if (!compact || !t.extra.empty()) {
    w.key("extra");
    out += '[';
    for (std::size_t i = 0; i < t.extra.size(); ++i) {
      if (i) out += ',';
      append_argument(out, t.extra[i], compact, nullptr);
    }
    out += ']';
  }
  if (!compact || t.polarity != Polarity::kPositive) {
    w.key("polarity");
    out += t.polarity == Polarity::kNegative ? "\"negative\"" : "\"positive\"";
  }
  w.str("modality", t.modality);
  if (!compact || !t.attribution.source.empty() || !t.attribution.verb.empty()) {
    w.key("attribution");
    out += '{';
    ObjectWriter a{out, false};
    a.str("source", t.attribution.source);
    a.str("verb", t.attribution.verb);
    out += '}';
  }
  w.key("confidence");
  json::append_double(out, t.confidence);
  const Provenance& p = t.provenance;
  if (!compact || !p.document.empty() || p.sentence != 0 || !p.text.empty()) {
    w.key("provenance");
    out += '{';
    ObjectWriter pw{out, compact};
    pw.str("document", p.document);
    if (!compact || p.sentence != 0) {
      pw.key("sentence");
      json::append_uint(out, p.sentence);
    }
    pw.str("text", p.text);
    out += '}';
  }
  out += '}';
}

void read_triple_json(json::Parser& in, Triple& t, const TripleContext* context) {
  RecordTexts had;
  read_triple_json(in, t, had);
  if (context) apply_context(t, had, *context);
}

void read_triple_json(json::Parser& in, Triple& t, RecordTexts& had) {
  // Reset field by field rather than `t = Triple()`: a reader that reuses
  // its Triples keeps their strings' capacity and allocates nothing per record.
  clear_argument(t.subject);
  t.relation.text.clear();
  t.relation.lemma.clear();
  t.relation.spans.clear();
  t.relation.passive = false;
  clear_argument(t.object);
  t.extra.clear();
  t.polarity = Polarity::kPositive;
  t.modality.clear();
  t.attribution.source.clear();
  t.attribution.verb.clear();
  t.confidence = 1.0;
  t.provenance.document.clear();
  t.provenance.sentence = 0;
  t.provenance.text.clear();
  in.begin_object();
  std::string key;
  std::string scratch;
  bool& subject_text = had.subject;
  bool& relation_text = had.relation;
  bool& object_text = had.object;
  subject_text = relation_text = object_text = false;
  while (in.next_member(key)) {
    if (key == "subject"sv) {
      subject_text = read_argument(in, t.subject, "subject");
    } else if (key == "relation"sv) {
      relation_text = read_relation(in, t.relation);
    } else if (key == "object"sv) {
      object_text = read_argument(in, t.object, "object");
    } else if (key == "extra"sv) {
      in.begin_array();
      while (in.next_element()) {
        t.extra.emplace_back();
        read_argument(in, t.extra.back(), "extra argument");
      }
    } else if (key == "polarity"sv) {
      in.get_string(scratch);
      if (scratch == "positive")
        t.polarity = Polarity::kPositive;
      else if (scratch == "negative")
        t.polarity = Polarity::kNegative;
      else
        in.fail_value("polarity must be \"positive\" or \"negative\", not \"" + scratch + "\"");
    } else if (key == "modality"sv) {
      in.get_string(t.modality);
    } else if (key == "attribution"sv) {
      in.begin_object();
      while (in.next_member(key)) {
        if (key == "source"sv)
          in.get_string(t.attribution.source);
        else if (key == "verb"sv)
          in.get_string(t.attribution.verb);
        else
          unknown_member(in, "attribution", key);
      }
    } else if (key == "confidence"sv) {
      t.confidence = in.get_double();
      if (!(t.confidence >= 0.0 && t.confidence <= 1.0))
        in.fail_value("confidence must be within [0, 1]");
    } else if (key == "provenance"sv) {
      in.begin_object();
      while (in.next_member(key)) {
        if (key == "document"sv) {
          in.get_string(t.provenance.document);
        } else if (key == "sentence"sv) {
          t.provenance.sentence = static_cast<std::size_t>(in.get_uint());
        } else if (key == "text"sv) {
          in.get_string(t.provenance.text);
        } else {
          unknown_member(in, "provenance", key);
        }
      }
    } else {
      unknown_member(in, "triple", key);
    }
  }
}

namespace {

// Throws when a text field holds what no format could carry. The field's
// name is `prefix` + `field` (prefix may be null); it is put together only
// for the message.
void check_text(const std::string& s, const char* prefix, const char* field,
                const Location& where) {
  if (s.empty()) return;  // most fields of most triples: spares the call
  const std::size_t bad = find_disallowed(s);
  if (bad != std::string::npos)
    fail_input((prefix ? std::string(prefix) : std::string()) + field + " holds " +
                   describe_disallowed(s, bad) + " at byte " + std::to_string(bad),
               where);
}

void check_text(const std::string& s, const char* field, const Location& where) {
  check_text(s, nullptr, field, where);
}

bool blank(const std::string& s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  return true;
}

void check_spans(const std::vector<Span>& spans, const char* prefix, const char* field,
                 const Location& where) {
  for (const Span& s : spans)
    if (s.known() && s.end < s.begin)
      fail_input((prefix ? std::string(prefix) : std::string()) + field +
                     " has a span that ends before it begins",
                 where);
}

void check_spans(const std::vector<Span>& spans, const char* field, const Location& where) {
  check_spans(spans, nullptr, field, where);
}

void check_argument(const Argument& a, const char* name, const Location& where) {
  check_text(a.text, name, ".text", where);
  check_text(a.type, name, ".type", where);
  check_text(a.actor, name, ".actor", where);
  check_text(a.title, name, ".title", where);
  check_text(a.affiliation, name, ".affiliation", where);
  check_text(a.role, name, ".role", where);
  check_spans(a.spans, name, ".spans", where);
}

}  // namespace

void check_triple_or_throw(const Triple& t, const Location& where) {
  check_argument(t.subject, "subject", where);
  check_argument(t.object, "object", where);
  for (const Argument& a : t.extra) check_argument(a, "extra", where);
  check_text(t.relation.text, "relation.text", where);
  check_text(t.relation.lemma, "relation.lemma", where);
  check_spans(t.relation.spans, "relation.spans", where);
  check_text(t.modality, "modality", where);
  check_text(t.attribution.source, "attribution.source", where);
  check_text(t.attribution.verb, "attribution.verb", where);
  check_text(t.provenance.document, "provenance.document", where);
  check_text(t.provenance.text, "provenance.text", where);
  // The graph merges on actor-or-text and lemma-or-text, so those must say something.
  if (blank(t.subject.actor) && blank(t.subject.text)) fail_input("subject.text is empty", where);
  if (blank(t.object.actor) && blank(t.object.text)) fail_input("object.text is empty", where);
  if (blank(t.relation.lemma) && blank(t.relation.text))
    fail_input("relation.text is empty", where);
  if (!(t.confidence >= 0.0 && t.confidence <= 1.0))
    fail_input("confidence must be within [0, 1]", where);
}

Status check_triple(const Triple& t) {
  return guard([&] { check_triple_or_throw(t, {}); });
}

std::string triple_to_json(const Triple& t, bool compact) {
  std::string out;
  append_triple_json(out, t, compact);
  return out;
}

Result<Triple> triple_from_json(std::string_view text, const std::string& name, std::size_t line,
                                std::size_t column) {
  return guard_result<Triple>([&] {
    json::Parser in(text, name, line, column);
    Triple t;
    read_triple_json(in, t);
    in.expect_end();
    check_triple_or_throw(t, {name, line, 0});
    return t;
  });
}

}  // namespace textgraph
