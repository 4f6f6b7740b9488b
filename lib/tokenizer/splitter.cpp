#include "tokenizer/splitter.h"

#include <algorithm>

#include "tokenizer/chars.h"
#include "tokenizer/lexicon.h"

namespace textgraph::tokenizer {
namespace {

class Splitter {
 public:
  Splitter(std::string_view text, std::vector<RawToken>& tokens)
      : s_(text), t_(tokens), n_(tokens.size()) {}

  std::string_view str(std::size_t i) const {
    return s_.substr(t_[i].begin, t_[i].end - t_[i].begin);
  }
  char32_t first(std::size_t i) const { return at(s_, t_[i].begin); }
  bool single(std::size_t i) const {
    std::size_t len;
    peek(s_, t_[i].begin, len);
    return t_[i].begin + len == t_[i].end;
  }

  // ". ! ? ..." and mixtures ("?!", ".?"): marks that end sentences.
  bool final_mark(std::size_t i) const {
    if (t_[i].abbreviation != Abbreviation::kNone) return false;
    std::size_t k = t_[i].begin;
    while (k < t_[i].end) {
      std::size_t len;
      if (!is_final_punct(peek(s_, k, len))) return false;
      k += len;
    }
    return true;
  }

  // A closing bracket or a quotation mark that can close a quote.
  bool closer(std::size_t i) const {
    if (!single(i)) {
      const std::string_view w = str(i);
      return w == "''" || w == "\xE2\x80\x99\xE2\x80\x99";
    }
    const char32_t c = first(i);
    return is_closing_bracket(c) || c == '"' || c == '\'' || c == 0x201D || c == 0x2019 ||
           c == 0xBB || c == 0x203A;
  }
  bool opener(std::size_t i) const {
    const char32_t c = first(i);
    return single(i) && (is_opening_bracket(c) || is_quote(c));
  }

  // Moves i past up to three opening brackets and quotes; false when that
  // reaches the end of the text or of the paragraph, which a look-ahead must
  // not cross (so that paragraphs can be tokenized one at a time).
  bool skip_openers(std::size_t& i) const {
    for (int k = 0; k < 3 && i < n_ && opener(i); ++k) {
      if (t_[i].breaks >= 2) return false;
      ++i;
    }
    return i < n_;
  }

  // Could token i begin a sentence after a final mark: a word (after an
  // ellipsis only a capitalized one), a number, or a symbol such as "$" or
  // "--", possibly after opening brackets and quotes. Not punctuation that
  // continues a sentence (", ; : ) ." ...) and not an emoticon. EWT web text
  // starts many sentences in lower case, so after ". ! ?" case does not matter.
  bool starts_like_sentence(std::size_t i, bool after_ellipsis) const {
    if (!skip_openers(i)) return true;
    if (t_[i].emoticon) return false;
    const char32_t c = first(i);
    if (is_letter(c)) return !(after_ellipsis && is_lower(c));
    if (is_digit(c)) return true;
    if (closer(i) || is_final_punct(c) || c == ',' || c == ';' || c == ':' || c == '%')
      return false;
    return true;
  }

  // "..", "..." or the last of ". . ." rather than a single mark.
  bool ellipsis(std::size_t i) const {
    const std::string_view w = str(i);
    if (w.size() >= 2) return w[0] == '.' && w[1] == '.';
    return w == "." && i > 0 && t_[i - 1].breaks == 0 && str(i - 1) == ".";
  }
  bool ellipsis_char(std::size_t i) const { return first(i) == 0x2026; }

  // "1." or "b." opening a list item: the number and its period start the
  // sentence rather than end one.
  bool list_marker(std::size_t i) const {
    if (i == 0) return false;
    const std::string_view w = str(i - 1);
    const bool number = !w.empty() && w.size() <= 2 && std::all_of(w.begin(), w.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
    if (!number) return false;
    if (i == 1) return true;
    const std::size_t before = i - 2;
    if (t_[before].breaks > 0) return true;
    const char32_t c = first(before);
    return final_mark(before) || c == ':' || c == ';';
  }

  bool capitalized_starter(std::size_t i) const {
    if (!skip_openers(i)) return true;
    return is_sentence_starter(str(i));
  }

  // The last token of the sentence that a mark at i would end: closing
  // quotes and brackets written against the mark belong to it.
  std::size_t extend_closers(std::size_t i) const {
    while (i + 1 < n_ && t_[i].breaks == 0) {
      if (const std::size_t f = footnote(i + 1); f > 0) {
        i = f;
        continue;
      }
      if (!closer(i + 1) && !t_[i + 1].emoticon) break;
      const char32_t c = first(i + 1);
      const bool straight = c == '"' || c == '\'';
      // A straight quote after a space more likely opens the next sentence.
      if (straight && t_[i].space_after) break;
      ++i;
    }
    return i;
  }

  // A reference mark "[17]" or "[a]" starting at i: returns its last token, or 0.
  std::size_t footnote(std::size_t i) const {
    if (i + 2 >= n_ || str(i) != "[" || str(i + 2) != "]") return 0;
    if (t_[i].breaks > 0 || t_[i + 1].breaks > 0) return 0;
    const std::string_view w = str(i + 1);
    if (w.size() > 3) return 0;
    for (char c : w)
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) return 0;
    return i + 2;
  }

  // Whether a sentence ends after token i because of its punctuation; `last`
  // receives the sentence's last token (i or a closer after it).
  bool punctuation_boundary(std::size_t i, std::size_t& last) const {
    const RawToken& t = t_[i];
    if (final_mark(i)) {
      if (str(i) == "." && list_marker(i)) return false;
      last = extend_closers(i);
      if (last + 1 >= n_) return true;
      // "Why?" she asked: after a closing quote, a lower-case word goes on
      // with the same sentence.
      bool quoted = false;
      for (std::size_t k = i + 1; k <= last; ++k) quoted = quoted || is_quote(first(k));
      if (quoted && is_lower(first(last + 1))) return false;
      return starts_like_sentence(last + 1, ellipsis(i) || ellipsis_char(i));
    }
    if (t.abbreviation == Abbreviation::kGeneral || t.abbreviation == Abbreviation::kNumber ||
        t.initial) {
      last = extend_closers(i);
      if (last + 1 >= n_) return true;
      return capitalized_starter(last + 1);
    }
    return false;
  }

  void run(bool line_breaks_end, std::vector<std::size_t>& ends) {
    std::size_t i = 0;
    while (i < n_) {
      std::size_t last = i;
      bool boundary = t_[i].breaks >= 2 || (t_[i].breaks == 1 && line_breaks_end) || i + 1 == n_;
      if (!boundary) boundary = punctuation_boundary(i, last);
      if (boundary) {
        // Closers taken in by extend_closers may carry the line break.
        mark_split_period(last);
        ends.push_back(last + 1);
        i = last + 1;
      } else {
        ++i;
      }
    }
  }

  // EWT writes an abbreviation that ends a sentence without its period and
  // the period as the sentence's final punctuation ("etc .", "p.m .").
  void mark_split_period(std::size_t last) {
    std::size_t i = last;
    while (i > 0 && closer(i) && t_[i].abbreviation == Abbreviation::kNone) --i;
    RawToken& t = t_[i];
    if (t.abbreviation != Abbreviation::kNone && t.end - t.begin > 1 && s_[t.end - 1] == '.')
      t.split_period = true;
  }

 private:
  std::string_view s_;
  std::vector<RawToken>& t_;
  std::size_t n_;
};

}  // namespace

bool looks_hard_wrapped(std::string_view text, const std::vector<RawToken>& tokens) {
  std::size_t singles = 0, continued = 0;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].breaks != 1) continue;
    ++singles;
    const char32_t last = at(text, previous(text, tokens[i].end));
    const char32_t next = at(text, tokens[i + 1].begin);
    // A line that stops without final punctuation and a next line that goes
    // on in lower case: the break is wrapping, not structure.
    if (!is_final_punct(last) && last != ':' && is_lower(next)) ++continued;
  }
  return continued >= 2 && continued * 3 >= singles;
}

void split_sentences(std::string_view text, std::vector<RawToken>& tokens, bool line_breaks_end,
                     std::vector<std::size_t>& ends) {
  Splitter(text, tokens).run(line_breaks_end, ends);
}

}  // namespace textgraph::tokenizer
