// Internal: re-tagging with the parser's tagging heads (see Retagging in
// textgraph/parser.h).
#pragma once

#include <cstddef>
#include <vector>

#include "parser/network.h"
#include "textgraph/document.h"
#include "textgraph/parser.h"

namespace textgraph::parser {

// `encodings` holds the encoder's output for `ids` (index 0 = root), as
// greedy_parse() leaves it; words[0 .. ids.size() - 1) are the words of
// ids[1 ..]. Rewrites upos and xpos of the words whose choice changes and
// returns how many did. Words whose current pair is not among the
// candidates are left alone.
std::size_t retag(const Network& net, const std::vector<float>& encodings,
                  const std::vector<TokenIds>& ids, const Retagging& retag, Word* words);

}  // namespace textgraph::parser
