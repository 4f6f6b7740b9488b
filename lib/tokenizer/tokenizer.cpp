#include "textgraph/tokenizer.h"

#include <utility>
#include <vector>

#include "core/error.h"
#include "core/utf8.h"
#include "tokenizer/chars.h"
#include "tokenizer/scanner.h"
#include "tokenizer/splitter.h"
#include "tokenizer/words.h"

namespace textgraph {
namespace {

using tokenizer::RawToken;

// Appends the words of one surface token to the sentence.
void add_token(std::string_view text, std::size_t begin, std::size_t end, bool space_after,
               bool split_multiword, std::string_view next, Sentence& sentence) {
  const std::string_view form = text.substr(begin, end - begin);
  std::array<std::size_t, tokenizer::kMaxWordsPerToken> starts{};
  const std::size_t count = split_multiword ? tokenizer::split_words(form, next, starts) : 1;
  const Span span{begin, end};
  if (count > 1) {
    MultiwordToken mwt;
    mwt.first = static_cast<int>(sentence.words.size()) + 1;
    mwt.last = mwt.first + static_cast<int>(count) - 1;
    mwt.form = std::string(form);
    mwt.span = span;
    mwt.space_after = space_after;
    sentence.multiword_tokens.push_back(std::move(mwt));
  }
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t b = starts[k];
    const std::size_t e = k + 1 < count ? starts[k + 1] : form.size();
    Word& w = sentence.words.emplace_back();
    w.form = std::string(form.substr(b, e - b));
    w.span = span;
    w.space_after = space_after;
  }
}

// Builds the sentences [from, ends[k]) of the document from the tokens.
void build(std::string_view text, const std::vector<RawToken>& tokens,
           const std::vector<std::size_t>& ends, const TokenizerOptions& options, Document& doc) {
  std::size_t from = 0;
  doc.sentences.reserve(doc.sentences.size() + ends.size());
  for (const std::size_t to : ends) {
    if (to <= from) continue;
    Sentence& s = doc.sentences.emplace_back();
    s.new_paragraph = from == 0 || tokens[from - 1].breaks >= 2;
    s.words.reserve(to - from + 2);
    for (std::size_t i = from; i < to; ++i) {
      const RawToken& t = tokens[i];
      const std::string_view next =
          i + 1 < to ? text.substr(tokens[i + 1].begin, tokens[i + 1].end - tokens[i + 1].begin)
                     : std::string_view();
      if (t.split_period) {
        add_token(text, t.begin, t.end - 1, false, options.split_multiword, "", s);
        add_token(text, t.end - 1, t.end, t.space_after, false, "", s);
      } else {
        add_token(text, t.begin, t.end, t.space_after, options.split_multiword, next, s);
      }
    }
    s.span = Span{tokens[from].begin, tokens[to - 1].end};
    from = to;
  }
}

// Cuts sentences longer than `limit` tokens into pieces of at most `limit`.
void cap_lengths(std::vector<std::size_t>& ends, std::size_t limit) {
  if (limit == 0) return;
  std::vector<std::size_t> capped;
  capped.reserve(ends.size());
  std::size_t from = 0;
  for (const std::size_t to : ends) {
    while (to - from > limit) {
      from += limit;
      capped.push_back(from);
    }
    capped.push_back(to);
    from = to;
  }
  ends = std::move(capped);
}

Tokenized run(std::string_view input, const TokenizerOptions& options) {
  Tokenized result;
  Document& doc = result.document;
  doc.id = options.document_id;
  doc.text.assign(input);
  if (!utf8::is_valid(doc.text)) result.repaired = utf8::repair(doc.text);
  const std::string_view text = doc.text;

  std::vector<RawToken> tokens;
  tokens.reserve(text.size() / 5 + 16);
  std::vector<std::size_t> ends;
  if (options.input == TokenizerInput::kPretokenized) {
    std::size_t line = 0;
    while (line < text.size()) {
      std::size_t eol = text.find('\n', line);
      if (eol == std::string_view::npos) eol = text.size();
      std::size_t stop = eol;
      if (stop > line && text[stop - 1] == '\r') --stop;
      const std::size_t before = tokens.size();
      tokenizer::scan_pretokenized(text.substr(line, stop - line), line, tokens);
      if (tokens.size() > before) {
        // The last token of a line is followed by the line break.
        tokens.back().breaks = 1;
        ends.push_back(tokens.size());
      } else if (!tokens.empty()) {
        tokens.back().breaks = 2;  // a blank line: the next sentence starts a paragraph
      }
      line = eol + 1;
    }
  } else {
    tokenizer::scan(text, tokens);
    bool line_breaks_end = options.line_breaks == LineBreaks::kSentence;
    if (options.line_breaks == LineBreaks::kAuto)
      line_breaks_end = !tokenizer::looks_hard_wrapped(text, tokens);
    tokenizer::split_sentences(text, tokens, line_breaks_end, ends);
  }
  cap_lengths(ends, options.max_sentence_tokens);
  build(text, tokens, ends, options, doc);
  return result;
}

}  // namespace

Result<Tokenized> tokenize(std::string_view text, const TokenizerOptions& options) {
  return guard_result<Tokenized>([&] { return run(text, options); });
}

std::size_t paragraph_break_after(std::string_view text, std::size_t from) {
  std::size_t i = from;
  // Start at a character boundary, and outside any whitespace run so that a
  // run is always seen whole.
  while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  while (i < text.size()) {
    std::size_t len;
    if (!tokenizer::is_space(tokenizer::peek(text, i, len))) break;
    i += len;
  }
  while (i < text.size()) {
    std::size_t len;
    const char32_t c = tokenizer::peek(text, i, len);
    if (!tokenizer::is_space(c)) {
      i += len;
      continue;
    }
    // Count line breaks in this whitespace run the way the scanner does.
    int breaks = 0;
    while (i < text.size()) {
      const char32_t d = tokenizer::peek(text, i, len);
      if (!tokenizer::is_space(d)) break;
      if (d == 0x2029)
        breaks += 2;
      else if (d == '\r')
        breaks += (i + 1 < text.size() && text[i + 1] == '\n') ? 0 : 1;
      else if (tokenizer::is_line_break(d))
        ++breaks;
      i += len;
    }
    if (breaks >= 2) return i;
  }
  return text.size();
}

}  // namespace textgraph
