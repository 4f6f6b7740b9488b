#include "pipeline/chunker.h"

#include <algorithm>

#include "core/error.h"
#include "textgraph/tokenizer.h"

namespace textgraph::pipeline {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Cuts inside a paragraph longer than rule.max: these lose the guarantee
// that the pieces tokenize like the whole, so they are a last resort, and
// each is decided from text[0, limit) alone.
Cut fallback_cut(std::string_view text, const CutRule& rule) {
  const std::size_t limit = std::min(rule.max, text.size());
  std::size_t p = text.find('\n', rule.target);
  if (p != std::string_view::npos && p < limit) return {p + 1, false};
  p = text.find_first_of(" \t", rule.target);
  if (p != std::string_view::npos && p < limit) return {p + 1, false};
  std::size_t cut = limit;
  // Never inside a UTF-8 sequence: back up to its first byte.
  while (cut > rule.target && cut < text.size() &&
         (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return {cut, false};
}

std::optional<Cut> paragraph_cut(std::string_view text, bool eof, const CutRule& rule) {
  const std::size_t k = paragraph_break_after(text, rule.target);
  // k < size: the whitespace run ended inside what we have, so the full
  // text has the same break.
  if (k <= rule.max && (k < text.size() || eof)) return Cut{k, k < text.size()};
  if (text.size() <= rule.max && !eof) return std::nullopt;
  return fallback_cut(text, rule);
}

std::optional<Cut> line_cut(std::string_view text, bool eof, const CutRule& rule) {
  const std::size_t p = text.find('\n', rule.target);
  if (p != std::string_view::npos && p < rule.max) {
    // Take the blank lines after it along, so that the next chunk starts on
    // a sentence and knows whether a paragraph starts there.
    std::size_t end = p + 1;
    int breaks = 1;
    while (end < text.size() && is_blank(text[end])) breaks += text[end++] == '\n';
    for (std::size_t b = p; b > 0 && is_blank(text[b - 1]); --b) breaks += text[b - 1] == '\n';
    if (end <= rule.max && (end < text.size() || eof)) return Cut{end, breaks >= 2};
    if (end <= rule.max) return std::nullopt;  // the blank run may go on
    return Cut{p + 1, false};
  }
  if (p == std::string_view::npos && text.size() <= rule.max) {
    if (eof) return Cut{text.size(), false};
    return std::nullopt;
  }
  return fallback_cut(text, rule);
}

}  // namespace

std::optional<Cut> find_cut(std::string_view text, bool eof, const CutRule& rule) {
  if (text.size() <= rule.target) {
    if (eof) return Cut{text.size(), false};
    return std::nullopt;
  }
  return rule.mode == CutMode::kParagraphs ? paragraph_cut(text, eof, rule)
                                           : line_cut(text, eof, rule);
}

TextChunker::TextChunker(std::istream& in, std::string name, const CutRule& rule, std::size_t block)
    : in_(&in), name_(std::move(name)), rule_(rule), block_(std::max<std::size_t>(block, 1)) {}

TextChunker::TextChunker(std::string text, const CutRule& rule)
    : rule_(rule), buffer_(std::move(text)), eof_(true) {}

void TextChunker::read_more() {
  buffer_.erase(0, pos_);
  pos_ = 0;
  const std::size_t had = buffer_.size();
  buffer_.resize(had + block_);
  in_->read(buffer_.data() + had, static_cast<std::streamsize>(block_));
  const std::size_t got = static_cast<std::size_t>(in_->gcount());
  buffer_.resize(had + got);
  if (in_->bad()) fail(ErrorCode::kIo, "read error", {name_, line_});
  if (got < block_ || in_->eof()) eof_ = true;
}

bool TextChunker::next(Piece& out) {
  while (true) {
    const std::string_view rest(buffer_.data() + pos_, buffer_.size() - pos_);
    std::optional<Cut> cut;
    if (rest.empty()) {
      if (eof_) {
        if (emitted_) return false;
        cut = Cut{0, false};
      }
    } else {
      cut = find_cut(rest, eof_, rule_);
    }
    if (!cut) {
      read_more();
      continue;
    }
    out.text.assign(rest.substr(0, cut->end));
    out.offset = offset_;
    out.line = line_;
    out.starts_paragraph = starts_paragraph_;
    emitted_ = true;
    pos_ += cut->end;
    offset_ += cut->end;
    line_ += static_cast<std::size_t>(std::count(out.text.begin(), out.text.end(), '\n'));
    starts_paragraph_ = cut->paragraph;
    if (in_ == nullptr && pos_ == buffer_.size()) {
      buffer_.clear();  // an in-memory document is done: free it
      buffer_.shrink_to_fit();
      pos_ = 0;
    }
    return true;
  }
}

}  // namespace textgraph::pipeline
