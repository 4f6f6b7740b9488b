// ConlluChunkWriter: analyzed chunks as CoNLL-U with document, paragraph and
// sentence comments and token offsets.
#include <ostream>
#include <string>

#include "textgraph/conllu.h"
#include "textgraph/pipeline.h"

namespace textgraph {
namespace {

// A comment line must stay one line whatever a JSONL id holds.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::string token_range(const Chunk& chunk, const Span& span) {
  return "TokenRange=" + std::to_string(chunk.source_offset(span.begin)) + ":" +
         std::to_string(chunk.source_offset(span.end));
}

// Comments and MISC for a sentence the tokenizer made (kText, kLines): the
// writer turns the listed sent_id and newpar into lines from the fields.
void annotate(const Chunk& chunk, bool first_of_document, std::size_t number, Sentence& s) {
  s.comments.clear();
  if (first_of_document) {
    const std::string id = one_line(chunk.document_id);
    s.comments.push_back(id.empty() ? "newdoc" : "newdoc id = " + id);
  }
  if (s.new_paragraph) s.comments.push_back("newpar");
  s.id = std::to_string(number);
  s.comments.push_back("sent_id = " + s.id);
  std::size_t m = 0;
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const int id = static_cast<int>(i) + 1;
    if (m < s.multiword_tokens.size() && s.multiword_tokens[m].first == id) {
      MultiwordToken& token = s.multiword_tokens[m++];
      if (token.span.known()) token.misc = token_range(chunk, token.span);
      i = static_cast<std::size_t>(token.last) - 1;
      continue;
    }
    Word& w = s.words[i];
    if (w.span.known()) w.misc = token_range(chunk, w.span);
  }
}

std::size_t count_tokens(const Sentence& s) {
  std::size_t in_multiword = 0;
  for (const MultiwordToken& m : s.multiword_tokens)
    in_multiword += static_cast<std::size_t>(m.last - m.first);
  return s.words.size() - in_multiword;
}

}  // namespace

void ConlluChunkWriter::write(Chunk& chunk) {
  for (Sentence& s : chunk.document.sentences) {
    ++sentences_;
    if (chunk.kind != ChunkKind::kSentences)
      annotate(chunk, chunk.document_index != last_document_, sentences_, s);
    last_document_ = chunk.document_index;
    write_conllu(s, out_);
    words_ += s.words.size();
    tokens_ += count_tokens(s);
  }
}

}  // namespace textgraph
