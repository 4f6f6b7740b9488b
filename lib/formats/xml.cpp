#include "formats/xml.h"

#include <cstdio>

#include "core/error.h"
#include "core/utf8.h"
#include "formats/text_check.h"

namespace textgraph::xml {

namespace {

// Escapes what XML needs in text; in an attribute value also quotes and the
// whitespace a parser would normalise to spaces.
void append_escaped(std::string& out, std::string_view s, bool attribute) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char* rep;
    switch (s[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;  // so "]]>" never appears
      case '\r':
        rep = "&#13;";
        break;
      case '"':
        if (!attribute) continue;
        rep = "&quot;";
        break;
      case '\t':
        if (!attribute) continue;
        rep = "&#9;";
        break;
      case '\n':
        if (!attribute) continue;
        rep = "&#10;";
        break;
      default:
        continue;
    }
    out.append(s.data() + run, i - run);
    out += rep;
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

}  // namespace

void append_text(std::string& out, std::string_view s) { append_escaped(out, s, false); }

void append_attribute(std::string& out, std::string_view s) { append_escaped(out, s, true); }

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_name_char(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == ':' || c == '-' || c == '.' || u >= 0x80;
}

}  // namespace

Reader::Reader(std::string_view text, std::string name) : in_(text), file_(std::move(name)) {
  if (in_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  if (in_.size() >= 2 &&
      ((in_[0] == '\xFF' && in_[1] == '\xFE') || (in_[0] == '\xFE' && in_[1] == '\xFF')))
    fail_at(0, "UTF-16 XML is not supported; convert the file to UTF-8");
  const std::size_t bad = find_disallowed(in_);
  if (bad != std::string_view::npos)
    fail_at(bad, describe_disallowed(in_, bad) + " (not allowed in XML)");
}

Location Reader::location_at(std::size_t offset) const {
  if (offset < line_at_) line_at_ = 0, line_no_ = 1, line_start_ = 0;
  for (; line_at_ < offset && line_at_ < in_.size(); ++line_at_)
    if (in_[line_at_] == '\n') {
      ++line_no_;
      line_start_ = line_at_ + 1;
    }
  return {file_, line_no_, offset - line_start_ + 1};
}

void Reader::fail(const std::string& message) const { fail_at(event_pos_, message); }

void Reader::fail_at(std::size_t offset, const std::string& message) const {
  fail_input(message, location_at(offset));
}

const std::string* Reader::attribute(std::string_view local) const {
  for (const auto& [k, v] : attrs_)
    if (local_name(k) == local) return &v;
  return nullptr;
}

std::string Reader::local_name(const std::string& qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string::npos ? qname : qname.substr(colon + 1);
}

void Reader::skip_space() {
  while (pos_ < in_.size() && is_space(in_[pos_])) ++pos_;
}

std::string Reader::parse_name() {
  const std::size_t start = pos_;
  while (pos_ < in_.size() && is_name_char(in_[pos_])) ++pos_;
  if (pos_ == start) fail_at(pos_, "expected a name");
  return std::string(in_.substr(start, pos_ - start));
}

Reader::Event Reader::next() {
  if (has_pending_end_) {
    has_pending_end_ = false;
    return Event::kEnd;
  }
  while (true) {
    event_pos_ = pos_;
    if (pos_ >= in_.size()) {
      if (!stack_.empty())
        fail_at(pos_, "unexpected end of file: <" + stack_.back() + "> not closed");
      if (!seen_root_) fail_at(pos_, "no XML element in the file (empty file?)");
      return Event::kEof;
    }
    if (in_[pos_] != '<') {
      parse_text();
      if (stack_.empty()) {
        for (char c : text_)
          if (!is_space(c)) fail("text outside the root element");
        continue;
      }
      return Event::kText;
    }
    if (in_.substr(pos_, 4) == "<!--") {
      skip_comment();
      continue;
    }
    if (in_.substr(pos_, 2) == "<?") {
      skip_pi();
      continue;
    }
    if (in_.substr(pos_, 9) == "<![CDATA[") {
      if (stack_.empty()) fail("CDATA outside the root element");
      parse_cdata();
      return Event::kText;
    }
    if (in_.substr(pos_, 9) == "<!DOCTYPE") {
      skip_doctype();
      continue;
    }
    if (in_.substr(pos_, 2) == "</") {
      parse_end_tag();
      return Event::kEnd;
    }
    parse_start_tag();
    return Event::kStart;
  }
}

void Reader::skip_comment() {
  const std::size_t end = in_.find("-->", pos_ + 4);
  if (end == std::string_view::npos) fail_at(pos_, "comment not closed");
  pos_ = end + 3;
}

void Reader::skip_pi() {
  const std::size_t end = in_.find("?>", pos_ + 2);
  if (end == std::string_view::npos) fail_at(pos_, "processing instruction not closed");
  const std::string_view body = in_.substr(pos_ + 2, end - pos_ - 2);
  if (body.substr(0, 3) == "xml" && (body.size() == 3 || is_space(body[3]))) {
    const std::size_t enc = body.find("encoding");
    if (enc != std::string_view::npos) {
      std::size_t q = body.find_first_of("\"'", enc);
      if (q != std::string_view::npos) {
        const std::size_t q2 = body.find(body[q], q + 1);
        std::string value(body.substr(q + 1, q2 == std::string_view::npos ? 0 : q2 - q - 1));
        for (char& c : value)
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (value != "UTF-8" && value != "UTF8" && value != "US-ASCII" && value != "ASCII")
          fail_at(pos_, "XML encoding '" + value + "' is not supported; convert the file to UTF-8");
      }
    }
  }
  pos_ = end + 2;
}

void Reader::skip_doctype() {
  // A DTD could declare entities we would have to expand; refuse those rather
  // than read the text differently from other XML tools.
  std::size_t depth = 0;
  for (std::size_t i = pos_; i < in_.size(); ++i) {
    if (in_[i] == '[')
      ++depth;
    else if (in_[i] == ']' && depth)
      --depth;
    else if (in_[i] == '>' && depth == 0) {
      if (in_.substr(pos_, i - pos_).find("<!ENTITY") != std::string_view::npos)
        fail_at(pos_, "DTD entity declarations are not supported");
      pos_ = i + 1;
      return;
    }
  }
  fail_at(pos_, "DOCTYPE not closed");
}

void Reader::decode_reference(std::string& out) {
  // in_[pos_] == '&'
  const std::size_t start = pos_;
  const std::size_t semi = in_.find(';', pos_);
  if (semi == std::string_view::npos || semi - pos_ > 12)
    fail_at(start, "'&' must start an entity or character reference (write &amp;)");
  const std::string_view ref = in_.substr(pos_ + 1, semi - pos_ - 1);
  pos_ = semi + 1;
  if (ref == "amp")
    out += '&';
  else if (ref == "lt")
    out += '<';
  else if (ref == "gt")
    out += '>';
  else if (ref == "quot")
    out += '"';
  else if (ref == "apos")
    out += '\'';
  else if (!ref.empty() && ref[0] == '#') {
    unsigned long cp = 0;
    const bool hex = ref.size() > 1 && ref[1] == 'x';
    const std::string_view digits = ref.substr(hex ? 2 : 1);
    if (digits.empty()) fail_at(start, "empty character reference");
    for (char c : digits) {
      int d;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      else
        fail_at(start, "bad character reference &" + std::string(ref) + ";");
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
      if (cp > 0x10FFFF) fail_at(start, "character reference out of range");
    }
    const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (!allowed)
      fail_at(start, "character reference &" + std::string(ref) + "; is not allowed in XML");
    utf8::append(out, static_cast<char32_t>(cp));
  } else {
    fail_at(start, "unknown entity &" + std::string(ref) + ";");
  }
}

void Reader::parse_text() {
  text_.clear();
  while (pos_ < in_.size() && in_[pos_] != '<') {
    const char c = in_[pos_];
    if (c == '&') {
      decode_reference(text_);
    } else if (c == '\r') {
      text_ += '\n';
      ++pos_;
      if (pos_ < in_.size() && in_[pos_] == '\n') ++pos_;
    } else if (c == '>' && pos_ >= 2 && in_.substr(pos_ - 2, 3) == "]]>") {
      fail_at(pos_ - 2, "']]>' is not allowed in text (write ]]&gt;)");
    } else {
      text_ += c;
      ++pos_;
    }
  }
}

void Reader::parse_cdata() {
  const std::size_t start = pos_ + 9;
  const std::size_t end = in_.find("]]>", start);
  if (end == std::string_view::npos) fail_at(pos_, "CDATA section not closed");
  text_.clear();
  for (std::size_t i = start; i < end; ++i) {
    if (in_[i] == '\r') {
      text_ += '\n';
      if (i + 1 < end && in_[i + 1] == '\n') ++i;
    } else {
      text_ += in_[i];
    }
  }
  pos_ = end + 3;
}

void Reader::parse_start_tag() {
  if (root_closed_) fail("a second root element");
  ++pos_;
  const std::string qname = parse_name();
  attrs_.clear();
  while (true) {
    const std::size_t before = pos_;
    skip_space();
    if (pos_ >= in_.size()) fail_at(pos_, "unexpected end of file in a tag");
    if (in_[pos_] == '>' || in_.substr(pos_, 2) == "/>") break;
    if (pos_ == before) fail_at(pos_, "expected whitespace between attributes");
    const std::size_t attr_pos = pos_;
    std::string key = parse_name();
    skip_space();
    if (pos_ >= in_.size() || in_[pos_] != '=') fail_at(pos_, "expected '=' after attribute name");
    ++pos_;
    skip_space();
    if (pos_ >= in_.size() || (in_[pos_] != '"' && in_[pos_] != '\''))
      fail_at(pos_, "attribute value must be quoted");
    const char quote = in_[pos_++];
    std::string value;
    while (true) {
      if (pos_ >= in_.size()) fail_at(attr_pos, "attribute value not closed");
      const char c = in_[pos_];
      if (c == quote) {
        ++pos_;
        break;
      }
      if (c == '<') fail_at(pos_, "'<' in attribute value (write &lt;)");
      if (c == '&') {
        decode_reference(value);
        continue;
      }
      if (c == '\r' && pos_ + 1 < in_.size() && in_[pos_ + 1] == '\n') ++pos_;
      value += is_space(c) ? ' ' : c;  // attribute-value normalisation
      ++pos_;
    }
    for (const auto& a : attrs_)
      if (a.first == key) fail_at(attr_pos, "duplicate attribute '" + key + "'");
    attrs_.emplace_back(std::move(key), std::move(value));
  }
  name_ = local_name(qname);
  seen_root_ = true;
  if (in_[pos_] == '/') {
    pos_ += 2;
    has_pending_end_ = true;
    if (stack_.empty()) root_closed_ = true;
  } else {
    ++pos_;
    stack_.push_back(qname);
  }
}

void Reader::parse_end_tag() {
  pos_ += 2;
  const std::string qname = parse_name();
  skip_space();
  if (pos_ >= in_.size() || in_[pos_] != '>') fail_at(pos_, "expected '>'");
  ++pos_;
  if (stack_.empty()) fail("end tag </" + qname + "> without a start tag");
  if (stack_.back() != qname)
    fail("end tag </" + qname + "> does not match <" + stack_.back() + ">");
  stack_.pop_back();
  if (stack_.empty()) root_closed_ = true;
  name_ = local_name(qname);
}

std::string Reader::element_text() {
  const std::string element = name_;
  std::string out;
  while (true) {
    switch (next()) {
      case Event::kText:
        out += text_;
        break;
      case Event::kEnd:
        return out;
      case Event::kStart:
        fail("unexpected element <" + name_ + "> inside <" + element + ">");
      case Event::kEof:
        fail("unexpected end of file");
    }
  }
}

void Reader::skip_element() {
  std::size_t depth = 1;
  while (depth) {
    switch (next()) {
      case Event::kStart:
        ++depth;
        break;
      case Event::kEnd:
        --depth;
        break;
      case Event::kText:
        break;
      case Event::kEof:
        fail("unexpected end of file");
    }
  }
}

}  // namespace textgraph::xml
