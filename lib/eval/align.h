// Internal: the shared task's word alignment between a gold and a system
// file whose texts are equal (see eval.h for the rules).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "eval/eval_file.h"

namespace textgraph::eval {

inline constexpr int kNotAligned = -3;  // Alignment::gold_of_system of an unaligned word

// Word pairs beyond this many in one multiword span are refused rather than
// tried: the table would not fit in memory.
inline constexpr std::size_t kMaxLcsCells = std::size_t{1} << 24;

struct Alignment {
  std::vector<std::pair<int, int>> pairs;  // (gold word, system word) in text order
  std::vector<int> gold_of_system;         // per system word: its gold word, or kNotAligned
};

// Precondition: gold.characters == system.characters. Throws
// textgraph::Error (kInvalidInput) when a multiword span holds more than
// kMaxLcsCells word pairs.
Alignment align_words(const EvalFile& gold, const EvalFile& system);

}  // namespace textgraph::eval
