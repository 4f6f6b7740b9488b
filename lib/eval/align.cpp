#include "eval/align.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "eval/text_rules.h"

namespace textgraph::eval {

namespace {

using Words = std::vector<EvalWord>;

// A stretch of both word lists: gold [gold_begin, gold_end), system
// [system_begin, system_end).
struct Stretch {
  std::size_t gold_begin, gold_end, system_begin, system_end;
};

// Whether word i lies beyond a multiword span ending at `end`: a multiword
// token must start at or after it, any other word must reach past it.
bool beyond(const Words& words, std::size_t i, std::size_t end) {
  if (i >= words.size()) return true;
  const EvalWord& w = words[i];
  return w.in_multiword ? w.span.begin >= end : w.span.end > end;
}

// The multiword span that starts at gold word gi / system word si (one of
// them in a multiword token): the smallest stretch holding every multiword
// token it touches, on both sides, whole.
Stretch multiword_span(const Words& gold, const Words& system, std::size_t gi, std::size_t si) {
  std::size_t end;
  // A plain word on the other side that starts earlier sticks out in front
  // of the span: it is left out (it cannot align with anything inside).
  if (gold[gi].in_multiword) {
    end = gold[gi].span.end;
    if (!system[si].in_multiword && system[si].span.begin < gold[gi].span.begin) ++si;
  } else {
    end = system[si].span.end;
    if (!gold[gi].in_multiword && gold[gi].span.begin < system[si].span.begin) ++gi;
  }
  Stretch r{gi, gi, si, si};
  while (!beyond(gold, gi, end) || !beyond(system, si, end)) {
    const bool take_gold =
        gi < gold.size() && (si >= system.size() || gold[gi].span.begin <= system[si].span.begin);
    const EvalWord& w = take_gold ? gold[gi++] : system[si++];
    if (w.in_multiword) end = std::max(end, w.span.end);
  }
  r.gold_end = gi;
  r.system_end = si;
  return r;
}

// Aligns the words of one multiword span by a longest common subsequence of
// their lowercased forms. Where several subsequences are longest, the walk
// takes a match as soon as the forms agree and otherwise skips a gold word
// when that keeps the best length; the shared task's pairs depend on that.
void align_by_forms(const EvalFile& gold_file, const Stretch& r, const Words& gold,
                    const Words& system, Alignment& out) {
  const std::size_t n = r.gold_end - r.gold_begin, m = r.system_end - r.system_begin;
  if (n == 0 || m == 0) return;
  if (n * m > kMaxLcsCells)
    fail_input(gold_file.word_context(r.gold_begin) + "a multiword span of " + std::to_string(n) +
                   " gold and " + std::to_string(m) + " system words is too long to align",
               gold_file.word_location(r.gold_begin));
  std::vector<std::string> g(n), s(m);
  for (std::size_t i = 0; i < n; ++i) g[i] = lowercase(gold[r.gold_begin + i].form);
  for (std::size_t j = 0; j < m; ++j) s[j] = lowercase(system[r.system_begin + j].form);
  // best[i][j]: LCS length of g[i..] and s[j..]; row and column n/m are 0.
  const std::size_t width = m + 1;
  std::vector<std::uint32_t> best((n + 1) * width, 0);
  const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
    return best[i * width + j];
  };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = g[i] == s[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (g[i] == s[j]) {
      const int gw = static_cast<int>(r.gold_begin + i), sw = static_cast<int>(r.system_begin + j);
      out.pairs.emplace_back(gw, sw);
      out.gold_of_system[static_cast<std::size_t>(sw)] = gw;
      ++i;
      ++j;
    } else if (at(i, j) == at(i + 1, j)) {
      ++i;
    } else {
      ++j;
    }
  }
}

}  // namespace

Alignment align_words(const EvalFile& gold_file, const EvalFile& system_file) {
  const Words& gold = gold_file.words;
  const Words& system = system_file.words;
  Alignment out;
  out.gold_of_system.assign(system.size(), kNotAligned);
  out.pairs.reserve(std::min(gold.size(), system.size()));
  std::size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (gold[gi].in_multiword || system[si].in_multiword) {
      const Stretch r = multiword_span(gold, system, gi, si);
      align_by_forms(gold_file, r, gold, system, out);
      gi = r.gold_end;
      si = r.system_end;
    } else if (gold[gi].span.begin == system[si].span.begin &&
               gold[gi].span.end == system[si].span.end) {
      out.pairs.emplace_back(static_cast<int>(gi), static_cast<int>(si));
      out.gold_of_system[si] = static_cast<int>(gi);
      ++gi;
      ++si;
    } else if (gold[gi].span.begin <= system[si].span.begin) {
      ++gi;
    } else {
      ++si;
    }
  }
  return out;
}

}  // namespace textgraph::eval
