#include "tokenizer/scanner.h"

#include <array>
#include <cstring>

#include "tokenizer/chars.h"

namespace textgraph::tokenizer {
namespace {

bool ascii_alpha(char c) noexcept { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Case-insensitive "does s[i..] start with the lower-case ASCII `prefix`".
bool starts_with_lower(std::string_view s, std::size_t i, std::string_view prefix) noexcept {
  if (s.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k)
    if (ascii_lower(s[i + k]) != prefix[k]) return false;
  return true;
}

constexpr std::string_view kEmoticons[] = {
    ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":-/", ":'(", ">:(", "^_^", ":)", ":(", ";)", ":D",
    ":P",  ":p",  ":/",  "=)",  "=(",  "(:",  "<3",  ":]",  ":[",  ";D",  ":|", ":o", ":O", "^^"};

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<RawToken>& out) : s_(text), out_(out) {}

  void run() {
    std::size_t i = 0;
    const std::size_t n = s_.size();
    while (i < n) {
      i = skip_space(i);
      if (i >= n) break;
      std::size_t e = i;
      while (e < n) {
        const auto b = static_cast<unsigned char>(s_[e]);
        if (b < 0x80) {
          if (b == ' ' || (b >= 0x09 && b <= 0x0D)) break;
          ++e;
          continue;
        }
        std::size_t len;
        if (is_space(peek(s_, e, len))) break;
        e += len;
      }
      chunk(i, e);
      i = e;
    }
  }

 private:
  // Skips whitespace from i, recording on the previous token that space
  // follows it and how many line breaks.
  std::size_t skip_space(std::size_t i) {
    const std::size_t n = s_.size();
    int breaks = 0;
    const std::size_t start = i;
    while (i < n) {
      const auto b = static_cast<unsigned char>(s_[i]);
      if (b < 0x80) {
        if (b == '\n') {
          ++breaks;
        } else if (b == '\r') {
          if (i + 1 >= n || s_[i + 1] != '\n') ++breaks;
        } else if (b == 0x0B || b == 0x0C) {
          ++breaks;
        } else if (b != ' ' && b != '\t') {
          break;
        }
        ++i;
        continue;
      }
      std::size_t len;
      const char32_t c = peek(s_, i, len);
      if (!is_space(c)) break;
      if (c == 0x2029)
        breaks += 2;
      else if (is_line_break(c))
        ++breaks;
      i += len;
    }
    if (i > start && !out_.empty()) {
      RawToken& last = out_.back();
      last.space_after = true;
      last.breaks = static_cast<std::uint8_t>(breaks > 2 ? 2 : breaks);
      if (breaks >= 2) single_quote_open_ = false;
    }
    return i;
  }

  void chunk(std::size_t b, std::size_t e) {
    b_ = b;
    e_ = e;
    find_file_name(b, e);
    has_at_ = std::memchr(s_.data() + b, '@', e - b) != nullptr;
    has_url_ = false;
    for (std::size_t k = b; k + 2 < e; ++k) {
      if ((s_[k] == ':' && s_[k + 1] == '/' && s_[k + 2] == '/') ||
          ((s_[k] == 'w' || s_[k] == 'W') && starts_with_lower(s_, k, "www.")) ||
          ((s_[k] == 'm' || s_[k] == 'M') && starts_with_lower(s_, k, "mailto:"))) {
        has_url_ = true;
        break;
      }
    }
    std::size_t p = b;
    while (p < e) p = token(p);
  }

  void emit(std::size_t b, std::size_t e) {
    RawToken t;
    t.begin = b;
    t.end = e;
    out_.push_back(t);
  }

  // Scans the token starting at p and returns where it ends.
  std::size_t token(std::size_t p) {
    if (p == file_begin_) return emit_plain(p, file_end_);
    std::size_t len;
    const char32_t c = peek(s_, p, len);
    if (is_alnum(c)) {
      if (has_url_) {
        if (std::size_t q = url(p); q > p) return emit_plain(p, q);
      }
      if (has_at_) {
        if (std::size_t q = email(p); q > p) return emit_plain(p, q);
      }
      return word(p, p);
    }
    if (c == '@' || c == '#') {
      if (std::size_t q = handle(p); q > p) return emit_plain(p, q);
    }
    if (std::size_t q = emoticon(p); q > p) {
      emit(p, q);
      out_.back().emoticon = true;
      return q;
    }
    if (is_apostrophe(c) || c == 0x2018) {
      if (std::size_t q = leading_apostrophe(p, len); q > p) return emit_plain(p, q);
      return quote(p, c, len);
    }
    if (c == '.' && p == b_ && p + 1 < e_ && ascii_alpha(s_[p + 1])) {
      // ".doc" written apart from its file name.
      std::size_t q = p + 1;
      while (q < e_ && ascii_alpha(s_[q])) ++q;
      if (q - p <= 5 && (q == e_ || !is_alnum(at(s_, q)))) return emit_plain(p, q);
    }
    if (c == '.' && p + 1 < e_ && ascii_digit(s_[p + 1]) &&
        (p == b_ || !is_alnum(at(s_, previous(s_, p)))))
      return word(p, p + 1);  // ".5%": a decimal without its leading zero
    if (is_final_punct(c)) {
      std::size_t q = p + len;
      std::size_t dots = c == '.';
      while (q < e_) {
        std::size_t l;
        const char32_t d = peek(s_, q, l);
        if (!is_final_punct(d)) break;
        // An ellipsis and the mark after it are two tokens ("... ?"), while
        // shorter mixtures (".?", "?!") are one.
        if (d != '.' && dots >= 3) break;
        dots = d == '.' ? dots + 1 : 0;
        q += l;
      }
      return emit_plain(p, q);
    }
    if (c == '+' && p + 1 < e_ && ascii_digit(s_[p + 1]) &&
        (p == b_ || !is_alnum(at(s_, previous(s_, p)))))
      return word(p, p + 1);  // "+44", a signed number or country code
    // Brackets are tokens one by one, but "<<" and ">>" (mail quoting,
    // arrows) are runs like other symbols.
    if (is_quote(c) || ((is_opening_bracket(c) || is_closing_bracket(c)) && c != '<' && c != '>'))
      return emit_plain(p, p + len);
    // Any other symbol: a run of the same character is one token ("--",
    // "***", "=====") and emoji keep their modifiers and joiners.
    std::size_t q = p + len;
    while (q < e_) {
      std::size_t l;
      const char32_t d = peek(s_, q, l);
      if (d == c) {
        q += l;
      } else if (is_modifier(d)) {
        q += l;
      } else if (d == 0x200D && q + l < e_) {  // zero width joiner: keep the next one too
        q += l;
        q += [&] {
          std::size_t l2;
          peek(s_, q, l2);
          return l2;
        }();
      } else {
        break;
      }
    }
    return emit_plain(p, q);
  }

  static bool is_modifier(char32_t d) noexcept {
    return (d >= 0xFE00 && d <= 0xFE0F) || (d >= 0x1F3FB && d <= 0x1F3FF) ||
           (d >= 0xE0020 && d <= 0xE007F) || d == 0x20E3;
  }

  std::size_t emit_plain(std::size_t p, std::size_t q) {
    emit(p, q);
    return q;
  }

  // A quotation mark. Two single quotes in a row ('' ``) are one token, the
  // PTB spelling of a double quote. Tracks whether a single quote is open so
  // that "the boys'" can tell a possessive from a closing quote.
  std::size_t quote(std::size_t p, char32_t c, std::size_t len) {
    std::size_t q = p + len;
    std::size_t l;
    if (q < e_ && (is_apostrophe(at(s_, q)) || at(s_, q) == 0x2018)) {
      peek(s_, q, l);
      q += l;
      return emit_plain(p, q);
    }
    const bool word_after = q < e_ && is_alnum(at(s_, q));
    const bool word_before = p > 0 && is_alnum(at(s_, previous(s_, p)));
    if (c != '`') {
      if (word_after && !word_before)
        single_quote_open_ = true;
      else if (word_before)
        single_quote_open_ = false;
    }
    return emit_plain(p, q);
  }

  // "'90s", "'72" and a clitic written apart ("'s", "'ll" after a space).
  std::size_t leading_apostrophe(std::size_t p, std::size_t len) {
    std::size_t q = p + len;
    if (q < e_ && ascii_digit(s_[q])) {
      std::size_t k = q;
      while (k < e_ && ascii_digit(s_[k])) ++k;
      if (k - q == 2 || k - q == 4) {
        if (k < e_ && s_[k] == 's') ++k;
        if (k >= e_ || !is_alnum(at(s_, k))) return k;
      }
      return p;
    }
    std::size_t k = q;
    while (k < e_ && ascii_alpha(s_[k]) && k - q < 3) ++k;
    if (k > q && (k >= e_ || !is_alnum(at(s_, k)))) {
      std::array<char, 8> lower{};
      for (std::size_t i = q; i < k; ++i) lower[i - q] = ascii_lower(s_[i]);
      if (is_clitic(std::string_view(lower.data(), k - q))) {
        // Only when the apostrophe follows a space: "'s" then is a clitic
        // written apart ("John 's"), while "'s'" is a quoted letter.
        if ((p == 0 || is_space(at(s_, previous(s_, p)))) && (k >= e_ || !is_quote(at(s_, k))))
          return k;
      }
    }
    return p;
  }

  // An emoticon from the list, when nothing alphanumeric follows it.
  std::size_t emoticon(std::size_t p) {
    const char c = s_[p];
    if (c != ':' && c != ';' && c != '=' && c != '(' && c != ')' && c != '>' && c != '<' &&
        c != '^')
      return p;
    for (std::string_view e : kEmoticons) {
      if (s_.compare(p, e.size(), e) != 0 || p + e.size() > e_) continue;
      const std::size_t q = p + e.size();
      if (q < e_ && is_alnum(at(s_, q))) continue;
      // "(:" only stands alone: otherwise it is a bracket and a colon.
      if (c == '(' && q != e_) continue;
      return q;
    }
    return p;
  }

  // @handle or #hashtag: the sign and the letters, digits and underscores after it.
  std::size_t handle(std::size_t p) {
    std::size_t q = p + 1;
    if (q >= e_ || !(ascii_alpha(s_[q]) || s_[q] == '_')) return p;
    while (q < e_) {
      const char32_t d = at(s_, q);
      if (d == '_' || is_alnum(d)) {
        std::size_t l;
        peek(s_, q, l);
        q += l;
      } else {
        break;
      }
    }
    return q;
  }

  // A URL with a scheme ("https://...") or starting "www.": everything up to
  // the end of the chunk minus trailing punctuation.
  std::size_t url(std::size_t p) {
    std::size_t k = p;
    while (k < e_ && k - p <= 10 && ascii_alpha(s_[k])) ++k;
    const bool scheme = k > p && k - p <= 10 && s_.compare(k, 3, "://") == 0 && k + 3 < e_;
    if (!scheme && !starts_with_lower(s_, p, "www.") && !starts_with_lower(s_, p, "mailto:"))
      return p;
    std::size_t q = e_;
    int open = 0;
    for (std::size_t i = p; i < q; ++i) {
      if (s_[i] == '(') ++open;
      if (s_[i] == ')') --open;
      // A closing bracket or quote mark that no bracket in the URL opened ends it.
      if (s_[i] == '"' || s_[i] == '<' || s_[i] == '>') {
        q = i;
        break;
      }
    }
    while (q > p) {
      const std::size_t last = previous(s_, q);
      const char32_t d = at(s_, last);
      if (d == ')' && open >= 0) break;
      if (d == ')') {
        ++open;
        q = last;
        continue;
      }
      if (d == '.' || d == ',' || d == ';' || d == ':' || d == '!' || d == '?' || d == ']' ||
          d == '}' || is_quote(d)) {
        q = last;
        continue;
      }
      break;
    }
    return q > p + 4 ? q : p;
  }

  // local@domain: the local part allows . _ % + - and the domain needs at least
  // one character; "Rice@ENRON" (mail-system addresses) counts.
  std::size_t email(std::size_t p) {
    // Every start before a failed scan's stopping point fails the same way;
    // remembering it keeps long chunks linear ("a-b-c-...!@x").
    if (p < no_email_before_) return p;
    std::size_t k = p;
    while (k < e_ && (ascii_alpha(s_[k]) || ascii_digit(s_[k]) || s_[k] == '.' || s_[k] == '_' ||
                      s_[k] == '%' || s_[k] == '+' || s_[k] == '-'))
      ++k;
    if (k == p || k >= e_ || s_[k] != '@') {
      no_email_before_ = k;
      return p;
    }
    std::size_t q = k + 1;
    while (q < e_ && (ascii_alpha(s_[q]) || ascii_digit(s_[q]) || s_[q] == '-' || s_[q] == '.' ||
                      s_[q] == '_'))
      ++q;
    while (q > k + 1 && (s_[q - 1] == '.' || s_[q - 1] == '-')) --q;
    return q > k + 1 ? q : p;
  }

  // A word or number starting at p; scanning starts at `from` (p, or just
  // after a leading sign).
  std::size_t word(std::size_t p, std::size_t from) {
    std::size_t q = from;
    std::size_t segment = from;          // start of the part after the last hyphen
    bool letters = true, digits = true;  // what the current segment holds so far
    bool inner_dot = false;
    while (q < e_) {
      std::size_t len;
      const char32_t c = peek(s_, q, len);
      if (is_alnum(c) || c == 0xAD) {
        if (is_digit(c))
          letters = false;
        else
          digits = false;
        q += len;
        continue;
      }
      const std::size_t after = q + len;
      const char32_t n = after < e_ ? at(s_, after) : 0;
      const char32_t prev = at(s_, previous(s_, q));
      if (c == '.' && is_alnum(n)) {
        inner_dot = true;
        q = after;
        continue;
      }
      if (c == ',' && is_digit(prev) && digits && thousands(after)) {
        q = after;
        continue;
      }
      if (c == ':' && is_digit(prev) && is_digit(n) && digits) {
        q = after;
        continue;
      }
      if (c == '/' && slash_joins(segment, q, letters, digits)) {
        q = slash_end_;
        continue;
      }
      if (c == '-' && is_alnum(n)) {
        if (const std::size_t k = hyphen(segment, q, letters, digits); k > q) {
          q = k;
          segment = q;
          letters = digits = true;
          continue;
        }
        break;
      }
      if (is_apostrophe(c)) {
        if (is_letter(n)) {
          q = after;
          continue;
        }
        if ((prev == 's' || prev == 'S') && !is_alnum(n) && !single_quote_open_ &&
            !(n != 0 && is_apostrophe(n))) {
          q = after;  // plural possessive: "the parents' house"
        }
        break;
      }
      if (c == '&' && is_upper(prev) && is_upper(n)) {
        q = after;
        continue;
      }
      if (c == '$' && letters && q - segment <= 3 && is_upper(at(s_, segment)) &&
          (n == 0 || is_digit(n))) {
        q = after;  // "US$", "C$": a currency sign with its country
        break;
      }
      if (c == '!' && s_.compare(segment, q - segment, "Yahoo") == 0) {
        q = after;  // the brand keeps its exclamation mark
        break;
      }
      if ((c == '_' || c == '@') && is_alnum(n)) {
        q = after;
        continue;
      }
      break;
    }
    q = unit_split(p, q);
    RawToken t;
    t.begin = p;
    t.end = q;
    if (q < e_ && s_[q] == '.') period(t, inner_dot);
    out_.push_back(t);
    return t.end;
  }

  // A chunk such as "ld2d-#69366-1.DOC" or "(-FINAL.doc)": a file name with a
  // known extension is one token whatever it holds; brackets and
  // punctuation around it are not part of it.
  void find_file_name(std::size_t b, std::size_t e) {
    file_begin_ = std::string_view::npos;
    while (e > b && (s_[e - 1] == '.' || s_[e - 1] == ',' || s_[e - 1] == ';' || s_[e - 1] == ':' ||
                     s_[e - 1] == ')' || s_[e - 1] == '"' || s_[e - 1] == '\'' ||
                     s_[e - 1] == '>' || s_[e - 1] == ']' || s_[e - 1] == '!' || s_[e - 1] == '?'))
      --e;
    std::size_t dot = e;
    while (dot > b && e - dot <= 5 && ascii_alpha(s_[dot - 1])) --dot;
    if (dot == e || dot <= b + 1 || s_[dot - 1] != '.') return;
    static constexpr std::string_view kExtensions[] = {
        "doc",  "docx", "xls", "xlsx", "ppt", "pptx", "pdf", "txt", "rtf", "htm", "html", "jpg",
        "jpeg", "gif",  "png", "zip",  "exe", "csv",  "wpd", "xml", "mp3", "mp4", "wav",  "avi"};
    std::array<char, 6> lower{};
    for (std::size_t i = dot; i < e; ++i) lower[i - dot] = ascii_lower(s_[i]);
    const std::string_view ext(lower.data(), e - dot);
    bool known = false;
    for (std::string_view x : kExtensions) known = known || x == ext;
    if (!known) return;
    while (b < e && (s_[b] == '(' || s_[b] == '"' || s_[b] == '\'' || s_[b] == '<' || s_[b] == '['))
      ++b;
    if (b + 1 >= dot) return;
    for (std::size_t i = b; i < dot; ++i)
      if (!(ascii_alpha(s_[i]) || ascii_digit(s_[i]) || s_[i] == '-' || s_[i] == '_' ||
            s_[i] == '#' || s_[i] == '.' || s_[i] == '~'))
        return;
    file_begin_ = b;
    file_end_ = e;
  }

  // Whether the '/' at q joins the word: "w/o", "I/C" (single letters), dates
  // (16/11/2004) and "713/853-6197"; fractions and "and/or" split as in EWT.
  bool slash_joins(std::size_t segment, std::size_t q, bool letters, bool digits) {
    if (letters && !digits) {
      if (q - segment != 1 || q + 2 > e_ || !ascii_alpha(s_[q + 1])) return false;
      if (q + 2 < e_ && is_alnum(at(s_, q + 2))) return false;
      slash_end_ = q + 2;
      return true;
    }
    if (!digits) return false;
    std::size_t run = q;
    while (run > segment && ascii_digit(s_[run - 1])) --run;
    if (run != segment) return false;
    const auto digit_run = [&](std::size_t i) {
      std::size_t j = i;
      while (j < e_ && ascii_digit(s_[j])) ++j;
      return j - i;
    };
    const std::size_t first = q - run;
    const std::size_t second = digit_run(q + 1);
    std::size_t k = q + 1 + second;
    if (first <= 2 && second >= 1 && second <= 2 && k < e_ && s_[k] == '/') {
      const std::size_t third = digit_run(k + 1);
      if ((third == 2 || third == 4) && (k + 1 + third == e_ || !is_alnum(at(s_, k + 1 + third)))) {
        slash_end_ = k + 1 + third;
        return true;
      }
    }
    if (first == 3 && second == 3 && k < e_ && s_[k] == '-' && digit_run(k + 1) == 4) {
      slash_end_ = k + 5;
      return true;
    }
    return false;
  }

  // "60,000": a comma followed by exactly three digits.
  bool thousands(std::size_t i) const noexcept {
    return i + 3 <= e_ && ascii_digit(s_[i]) && ascii_digit(s_[i + 1]) && ascii_digit(s_[i + 2]) &&
           (i + 3 == e_ || !ascii_digit(s_[i + 3]));
  }

  // The hyphen at q inside a word whose current segment starts at `segment`:
  // returns where the word continues (past the hyphen, or past a whole phone
  // number), or q if the hyphen is a token of its own (EWT splits most
  // hyphenated compounds: "well - known", "5 - year", "1969 - 1970").
  std::size_t hyphen(std::size_t segment, std::size_t q, bool letters, bool digits) const {
    if (letters && !digits) {
      std::array<char, 24> lower{};
      const std::size_t n = q - segment;
      if (n >= lower.size()) return q;
      for (std::size_t i = 0; i < n; ++i) lower[i] = ascii_lower(s_[segment + i]);
      return is_hyphen_prefix(std::string_view(lower.data(), n)) ? q + 1 : q;
    }
    if (digits) {
      // Phone numbers and dates stay whole: 713-853-3989, 1-800-991-9019,
      // 345-9945, 11-20-2000. Ranges such as 5-10 split.
      std::size_t groups[8];
      std::size_t count = 0;
      std::size_t run = q;
      while (run > segment && ascii_digit(s_[run - 1])) --run;
      groups[count++] = q - run;
      std::size_t k = q;
      while (k < e_ && s_[k] == '-' && k + 1 < e_ && ascii_digit(s_[k + 1]) && count < 8) {
        std::size_t j = k + 1;
        while (j < e_ && ascii_digit(s_[j])) ++j;
        groups[count++] = j - k - 1;
        k = j;
      }
      if (k < e_ && ascii_alpha(s_[k])) return q;
      // 345-9945 (phone), 77042-2016 (ZIP+4)
      const bool phone = count >= 3 || (count == 2 && ((groups[0] == 3 && groups[1] == 4) ||
                                                       (groups[0] == 5 && groups[1] == 4)));
      return phone ? k : q;
    }
    return q + 1;  // letters and digits mixed: a code or file name ("x3-9890", "ld2d-1")
  }

  // "5pm" -> "5" + "pm", "65k" -> "65" + "k": a number followed by a unit
  // splits; ordinals and decades ("5th", "1990s") do not.
  std::size_t unit_split(std::size_t p, std::size_t q) const {
    if (!ascii_digit(s_[p])) return q;
    std::size_t k = p;
    while (k < q && (ascii_digit(s_[k]) || s_[k] == '.' || s_[k] == ',' || s_[k] == ':')) ++k;
    if (k == q || k - p > 12 || !ascii_digit(s_[k - 1])) return q;
    std::array<char, 24> lower{};
    if (q - k >= lower.size()) return q;
    for (std::size_t i = k; i < q; ++i) {
      if (!ascii_alpha(s_[i])) return q;
      lower[i - k] = ascii_lower(s_[i]);
    }
    return is_unit_suffix(std::string_view(lower.data(), q - k)) ? k : q;
  }

  // The token t is followed by '.': decides whether the period belongs to it
  // (an abbreviation or an initial) and extends t if so.
  void period(RawToken& t, bool inner_dot) const {
    std::size_t dots = 0;
    while (t.end + dots < e_ && s_[t.end + dots] == '.') ++dots;
    const std::string_view w = s_.substr(t.begin, t.end - t.begin);
    Abbreviation kind = Abbreviation::kNone;
    bool initial = false;
    if (inner_dot && dotted_letters(w)) {
      kind = Abbreviation::kGeneral;  // U.S., e.g., a.m., Ph.D.
    } else if (dots == 1) {
      std::size_t len;
      const char32_t c = peek(s_, t.begin, len);
      if (len == w.size() && is_upper(c) && c != 'I') {
        kind = Abbreviation::kTitle;
        initial = true;
      } else {
        kind = abbreviation_kind(w);
        if (kind == Abbreviation::kNumber && !number_follows(t.end + 1)) kind = Abbreviation::kNone;
      }
    }
    // "etc..." is "etc" and an ellipsis; "U.S.." is "U.S." and a period.
    if (kind == Abbreviation::kNone || dots > 2 || (dots == 2 && !inner_dot)) return;
    t.end += 1;
    t.abbreviation = kind;
    t.initial = initial;
    // "the U.S.'s": the clitic stays on the token and becomes its own word.
    if (t.end + 2 <= e_ && is_apostrophe(at(s_, t.end))) {
      std::size_t len;
      peek(s_, t.end, len);
      const std::size_t k = t.end + len;
      if (k < e_ && (s_[k] == 's' || s_[k] == 'S') && (k + 1 == e_ || !is_alnum(at(s_, k + 1))))
        t.end = k + 1;
    }
  }

  // "U.S", "e.g", "Ph.D": letters in groups of one or two between periods.
  static bool dotted_letters(std::string_view w) noexcept {
    std::size_t run = 0;
    for (char c : w) {
      if (c == '.') {
        if (run == 0) return false;
        run = 0;
      } else if (ascii_alpha(c)) {
        if (++run > 2) return false;
      } else {
        return false;
      }
    }
    return run > 0;
  }

  bool number_follows(std::size_t i) const noexcept {
    while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t')) ++i;
    return i < s_.size() && ascii_digit(s_[i]);
  }

  std::string_view s_;
  std::vector<RawToken>& out_;
  std::size_t b_ = 0;  // start of the current chunk (run of non-space characters)
  std::size_t e_ = 0;  // end of the current chunk
  std::size_t file_begin_ = std::string_view::npos;  // a file name in the chunk, if any
  std::size_t file_end_ = 0;
  std::size_t slash_end_ = 0;        // where slash_joins() found the joined form to end
  std::size_t no_email_before_ = 0;  // email() fails for every start before this
  bool has_at_ = false;
  bool has_url_ = false;
  bool single_quote_open_ = false;
};

}  // namespace

void scan(std::string_view text, std::vector<RawToken>& out) { Scanner(text, out).run(); }

void scan_pretokenized(std::string_view line, std::size_t offset, std::vector<RawToken>& out) {
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    RawToken t;
    t.begin = offset + i;
    t.end = offset + j;
    t.space_after = true;
    out.push_back(t);
    i = j;
  }
}

}  // namespace textgraph::tokenizer
