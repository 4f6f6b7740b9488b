// Internal: the XML we write (escaping) and a small strict XML reader for the
// GraphML importer.
//
// The reader handles what GraphML files hold: elements, attributes, text,
// CDATA, comments, processing instructions, the five predefined entities and
// character references. It refuses what it cannot honour exactly: a DTD with
// entity declarations, an encoding other than UTF-8, malformed markup, and
// characters XML 1.0 does not allow. Line ends are normalised (CRLF and CR
// become LF) and attribute values are whitespace-normalised, as the XML spec
// says, so a character reference (&#10;, &#13;, &#9;) is the only way to keep
// such characters, and that is what the writers emit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "textgraph/status.h"

namespace textgraph::xml {

// Element content: & < > escaped, CR as &#13; (a parser would turn a raw CR
// into LF).
void append_text(std::string& out, std::string_view s);
// Attribute value in double quotes (quotes not included): & < > " escaped,
// tab, LF and CR as character references.
void append_attribute(std::string& out, std::string_view s);

class Reader {
 public:
  enum class Event { kStart, kEnd, kText, kEof };

  Reader(std::string_view text, std::string name);

  // The next event. A self-closing element gives kStart then kEnd. Comments,
  // processing instructions and the XML declaration are skipped. kText is
  // reported for character data and CDATA (whitespace included).
  Event next();

  const std::string& name() const { return name_; }  // local name (prefix stripped)
  const std::string& text() const { return text_; }  // for kText
  // Attribute by local name, or nullptr.
  const std::string* attribute(std::string_view local) const;
  const std::vector<std::pair<std::string, std::string>>& attributes() const { return attrs_; }
  std::size_t depth() const { return stack_.size(); }

  // Where the current event starts.
  Location location() const { return location_at(event_pos_); }
  Location location_at(std::size_t offset) const;
  [[noreturn]] void fail(const std::string& message) const;
  [[noreturn]] void fail_at(std::size_t offset, const std::string& message) const;

  // Reads the text content of the current element up to its end tag
  // (child elements are refused). Call right after kStart.
  std::string element_text();
  // Skips the rest of the current element (after kStart), children included.
  void skip_element();

 private:
  void parse_markup();
  void parse_start_tag();
  void parse_end_tag();
  void parse_text();
  void parse_cdata();
  void skip_comment();
  void skip_pi();
  void skip_doctype();
  void decode_reference(std::string& out);
  std::string parse_name();
  void skip_space();
  static std::string local_name(const std::string& qname);

  std::string_view in_;
  std::string file_;
  std::size_t pos_ = 0;
  std::size_t event_pos_ = 0;
  Event pending_end_ = Event::kEof;  // kEnd queued after a self-closing tag
  bool has_pending_end_ = false;
  bool seen_root_ = false;
  bool root_closed_ = false;
  std::string name_;
  std::string text_;
  std::vector<std::pair<std::string, std::string>> attrs_;
  std::vector<std::string> stack_;  // qualified names of open elements
  // Incremental line counting for locations (offsets only grow).
  mutable std::size_t line_at_ = 0, line_no_ = 1, line_start_ = 0;
};

}  // namespace textgraph::xml
