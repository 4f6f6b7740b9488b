#include "tokenizer/words.h"

#include <algorithm>

#include "tokenizer/chars.h"
#include "tokenizer/lexicon.h"

namespace textgraph::tokenizer {
namespace {

// The apostrophe that ends just before `end`, if one does: its start, else npos.
std::size_t apostrophe_before(std::string_view w, std::size_t end) {
  if (end == 0) return std::string_view::npos;
  const std::size_t k = previous(w, end);
  return is_apostrophe(at(w, k)) ? k : std::string_view::npos;
}

bool has_alnum(std::string_view w) {
  std::size_t i = 0;
  while (i < w.size()) {
    std::size_t len;
    if (is_alnum(peek(w, i, len))) return true;
    i += len;
  }
  return false;
}

// Splits off clitics from the right: "I'd've" -> I 'd 've, "don't" -> do
// n't, "parents'" -> parents '. Fills cuts right to left; returns how many.
std::size_t clitic_cuts(std::string_view w, std::array<std::size_t, kMaxWordsPerToken>& cuts) {
  std::size_t count = 0;
  std::size_t end = w.size();
  // A final apostrophe after s: the plural possessive.
  if (const std::size_t a = apostrophe_before(w, end); a != std::string_view::npos && a > 0) {
    const char before = w[a - 1];
    if ((before == 's' || before == 'S') && has_alnum(w.substr(0, a))) {
      cuts[count++] = a;
      end = a;
    }
  }
  while (count + 1 < kMaxWordsPerToken) {
    // The last apostrophe before `end` and the letters after it.
    std::size_t a = end;
    while (a > 0 && (w[a - 1] | 0x20) >= 'a' && (w[a - 1] | 0x20) <= 'z' && end - a < 3) --a;
    if (a == end || a == 0) break;
    const std::size_t apostrophe = apostrophe_before(w, a);
    if (apostrophe == std::string_view::npos) break;
    char lower[3] = {};
    for (std::size_t i = a; i < end; ++i) lower[i - a] = ascii_lower(w[i]);
    const std::string_view suffix(lower, end - a);
    std::size_t cut;
    if (suffix == "t" && apostrophe >= 2 && (w[apostrophe - 1] | 0x20) == 'n') {
      cut = apostrophe - 1;  // n't
    } else if (is_clitic(suffix)) {
      cut = apostrophe;
    } else {
      break;
    }
    if (!has_alnum(w.substr(0, cut))) break;
    cuts[count++] = cut;
    end = cut;
  }
  return count;
}

}  // namespace

std::size_t split_words(std::string_view token, std::string_view next,
                        std::array<std::size_t, kMaxWordsPerToken>& starts) {
  starts[0] = 0;
  if (token.size() == 3 && (token[0] == 'i' || token[0] == 'I') && token[1] == 't' &&
      token[2] == 's' && next.size() < 16) {
    char lower[16];
    for (std::size_t i = 0; i < next.size(); ++i) lower[i] = ascii_lower(next[i]);
    if (follows_contracted_its(std::string_view(lower, next.size()))) {
      starts[1] = 2;
      return 2;
    }
    return 1;
  }
  if (token.size() >= 3 && token.size() <= 8) {
    char lower[8];
    bool ascii = true;
    for (std::size_t i = 0; i < token.size(); ++i) {
      const char c = token[i];
      if ((c | 0x20) < 'a' || (c | 0x20) > 'z') {
        ascii = false;
        break;
      }
      lower[i] = ascii_lower(c);
    }
    if (ascii) {
      if (const unsigned char* parts = fused_word_parts(std::string_view(lower, token.size()))) {
        std::size_t count = 0, offset = 0;
        for (; parts[count] != 0 && count < kMaxWordsPerToken; ++count) {
          starts[count] = offset;
          offset += parts[count];
        }
        return count;
      }
    }
    if (ascii) return 1;
  } else if (token.size() == 2) {
    // "im" is the only two-letter fused word.
    if (ascii_lower(token[0]) == 'i' && ascii_lower(token[1]) == 'm') {
      starts[1] = 1;
      return 2;
    }
    return 1;
  }
  std::array<std::size_t, kMaxWordsPerToken> cuts;
  const std::size_t count = clitic_cuts(token, cuts);
  if (count == 0) return 1;
  for (std::size_t k = 0; k < count; ++k) starts[k + 1] = cuts[count - 1 - k];
  return count + 1;
}

}  // namespace textgraph::tokenizer
