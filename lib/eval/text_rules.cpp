#include "eval/text_rules.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "core/utf8.h"

namespace textgraph::eval {

namespace {

struct LowerRun {
  char32_t first;
  char32_t last;
  std::int32_t delta;
  std::int32_t stride;
};

constexpr LowerRun kLowerRuns[] = {
#include "eval/lowercase_table.inc"
};

char32_t lower_code_point(char32_t cp) {
  // Runs are sorted and disjoint: the candidate is the last run starting at
  // or before cp.
  auto after = std::upper_bound(std::begin(kLowerRuns), std::end(kLowerRuns), cp,
                                [](char32_t c, const LowerRun& r) { return c < r.first; });
  if (after == std::begin(kLowerRuns)) return cp;
  const LowerRun& run = *std::prev(after);
  if (cp > run.last || (cp - run.first) % static_cast<char32_t>(run.stride) != 0) return cp;
  return static_cast<char32_t>(static_cast<std::int32_t>(cp) + run.delta);
}

}  // namespace

bool is_space_separator(char32_t cp) noexcept {
  return cp == 0x20 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

std::string strip_space_separators(std::string_view form) {
  std::string out;
  out.reserve(form.size());
  for (std::size_t i = 0; i < form.size();) {
    const std::size_t start = i;
    const char32_t cp = utf8::decode(form, i);
    if (!is_space_separator(cp)) out.append(form.substr(start, i - start));
  }
  return out;
}

std::string lowercase(std::string_view form) {
  std::string out;
  out.reserve(form.size());
  for (std::size_t i = 0; i < form.size();) {
    const char c = form[i];
    if (static_cast<unsigned char>(c) < 0x80) {  // the common case, without decoding
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      ++i;
      continue;
    }
    const char32_t cp = utf8::decode(form, i);
    if (cp == 0x130) {  // the one mapping to two code points: i + combining dot above
      out += 'i';
      utf8::append(out, 0x307);
    } else {
      utf8::append(out, lower_code_point(cp));
    }
  }
  return out;
}

}  // namespace textgraph::eval
