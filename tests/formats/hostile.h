// Labels that break naive exporters: quotes, backslashes (a trailing one
// too), markup, CDATA ends, line breaks, tabs, right-to-left text, characters
// outside the BMP, Graphviz escapes, and a 10 kB label mixing all of them.
#pragma once

#include <string>
#include <vector>

#include "textgraph/graph.h"

namespace textgraph::testing {

inline std::string ten_kb_label() {
  const std::string piece = "ab \"q\" \\ <&> ]]> \n\t\r\xC3\xA9\xF0\x9F\x98\x80 \xD7\xA9 ";
  std::string s;
  while (s.size() < 10240) s += piece;
  return s;
}

inline std::vector<std::string> hostile_labels() {
  return {
      "say \"hi\"",
      "back\\slash",
      "ends with a backslash\\",
      "\\",
      "\\\\\"",
      "back\\\nslash-newline",
      "a < b && c > d",
      "]]>",
      "<![CDATA[x]]>",
      "line one\nline two",
      "tab\tinside",
      "carriage\rreturn\r\n",
      "  padded  ",
      "\xE2\x80\xAE"
      "override RTL",  // U+202E
      "\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA "
      "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9",
      "\xF0\x9D\x94\x98\xF0\x9D\x94\xAB \xF0\x9F\x98\x80",  // 𝔘𝔫 😀
      "\\N \\G \\E \\L \\n",
      "{ } ; -> -- [ ] = :",
      "#hash",
      "&amp; &#38; literally",
      "'single' `back`",
      "%s %d %n",
      ten_kb_label(),
  };
}

// A graph whose every text field holds hostile labels.
inline KnowledgeGraph hostile_graph() {
  const std::vector<std::string> h = hostile_labels();
  KnowledgeGraph g;
  for (std::size_t i = 0; i < h.size(); ++i) {
    Triple t;
    t.subject.text = h[i];
    t.subject.type = h[(i + 3) % h.size()];
    t.relation.text = h[(i + 2) % h.size()];
    t.object.text = h[(i + 1) % h.size()];
    t.object.actor = i % 4 == 0 ? h[(i + 5) % h.size()] : "";
    t.polarity = i % 3 == 0 ? Polarity::kNegative : Polarity::kPositive;
    t.modality = h[(i + 4) % h.size()];
    t.attribution = {h[(i + 6) % h.size()], "say"};
    t.provenance = {h[(i + 7) % h.size()], i, h[(i + 8) % h.size()]};
    t.confidence = 0.5 + static_cast<double>(i) / 100.0;
    t.subject.spans = {{i, i + 3}};
    // Attributes on some arguments only, so nodes with and without them mix.
    if (i % 2 == 0) t.subject.title = h[(i + 9) % h.size()];
    if (i % 3 == 1) t.object.affiliation = h[(i + 10) % h.size()];
    if (i % 5 == 2) t.object.role = h[(i + 11) % h.size()];
    if (g.add(t).ok() == false) throw std::runtime_error("hostile triple refused");
  }
  return g;
}

}  // namespace textgraph::testing
