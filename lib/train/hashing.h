// Internal: feature hashing shared by every trained stage (tagger, parser, NER).
//
// A feature is a 64-bit key built from a template id and the values it joins:
//
//   using namespace textgraph::train;
//   const std::uint64_t lower = hash_string(word_lower);    // once per token
//   const std::uint64_t f1 = feature(kTemplateWord, lower);  // "word=...", per template
//   const std::uint64_t f2 = feature(kTemplatePrevTagWord, prev_tag, lower);
//
// Keys are stored in models, so these functions must never change: a model
// trained with one definition is garbage under another. They are plain
// arithmetic (no std::hash, whose values differ between library versions),
// so keys are the same on every compiler and platform.
// Key 0 never comes out of feature(); WeightTable uses it as "empty".
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace textgraph::train {

// A strong 64-bit mixer (the finalizer of splitmix64).
constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Hash of a byte string, 8 bytes at a time. Equal strings give equal values
// on every platform this project targets (little-endian).
inline std::uint64_t hash_string(std::string_view s, std::uint64_t seed = 0x9e3779b97f4a7c15ULL) {
  std::uint64_t h = seed ^ (s.size() * 0xff51afd7ed558ccdULL);
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, s.data() + i, 8);
    h = mix64(h ^ chunk) + 0x632be59bd9b4e019ULL;
  }
  std::uint64_t tail = 0;
  for (std::size_t k = 0; i < s.size(); ++i, ++k)
    tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i])) << (8 * k);
  return mix64(h ^ tail ^ 0x2545f4914f6cdd1dULL);
}

// The key of a feature made of a template id and one to three values
// (hashes of strings, tag ids, small integers). Never 0.
constexpr std::uint64_t feature(std::uint32_t template_id, std::uint64_t a) {
  const std::uint64_t h = mix64(mix64(template_id + 0x51ed270b27ULL) ^ a);
  return h ? h : 1;
}
constexpr std::uint64_t feature(std::uint32_t template_id, std::uint64_t a, std::uint64_t b) {
  const std::uint64_t h =
      mix64(mix64(mix64(template_id + 0x51ed270b27ULL) ^ a) ^ (b + 0x7f4a7c15ULL));
  return h ? h : 1;
}
constexpr std::uint64_t feature(std::uint32_t template_id, std::uint64_t a, std::uint64_t b,
                                std::uint64_t c) {
  const std::uint64_t h = mix64(feature(template_id, a, b) ^ (c + 0x3c6ef372fe94f82bULL));
  return h ? h : 1;
}

}  // namespace textgraph::train
