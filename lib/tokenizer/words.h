// Internal: how a surface token divides into syntactic words, the way UD
// English EWT writes multiword tokens ("don't" -> do n't, "John's" -> John 's,
// "cannot" -> can not, "parents'" -> parents ').
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace textgraph::tokenizer {

inline constexpr std::size_t kMaxWordsPerToken = 4;

// Fills `starts` with the byte offset within `token` where each word begins
// (starts[0] == 0) and returns the number of words; 1 means the token is a
// single word. `next` is the following token of the sentence ("" if none):
// "its" is "it" + "s" (EWT's reading of a misspelled "it's") only before
// words such as "not", "a" or "been" that cannot follow the possessive.
std::size_t split_words(std::string_view token, std::string_view next,
                        std::array<std::size_t, kMaxWordsPerToken>& starts);

}  // namespace textgraph::tokenizer
