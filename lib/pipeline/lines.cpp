#include "pipeline/lines.h"

#include <string_view>
#include <utility>
#include <vector>

namespace textgraph::pipeline {

void join_sentences_of_lines(Document& doc, std::size_t max_words) {
  if (doc.sentences.size() < 2) return;
  std::vector<Sentence> joined;
  joined.reserve(doc.sentences.size());
  const std::string_view text = doc.text;
  for (Sentence& s : doc.sentences) {
    if (!joined.empty()) {
      Sentence& last = joined.back();
      const std::size_t from = last.span.end, to = s.span.begin;
      const bool same_line = from <= to && to <= text.size() &&
                             text.substr(from, to - from).find('\n') == std::string_view::npos;
      if (same_line && (max_words == 0 || last.words.size() + s.words.size() <= max_words)) {
        const int shift = static_cast<int>(last.words.size());
        for (MultiwordToken& m : s.multiword_tokens) {
          m.first += shift;
          m.last += shift;
          last.multiword_tokens.push_back(std::move(m));
        }
        for (Word& w : s.words) last.words.push_back(std::move(w));
        last.span.end = s.span.end;
        continue;
      }
    }
    joined.push_back(std::move(s));
  }
  doc.sentences = std::move(joined);
}

}  // namespace textgraph::pipeline
