#include "tagger/features.h"

#include <algorithm>
#include <unordered_map>

#include "train/hashing.h"

namespace textgraph::tagger {

using train::feature;
using train::hash_string;

namespace {

// Template ids: part of the model format. Append new ones; never renumber.
enum Template : std::uint32_t {
  kBias = 1,
  kForm,
  kLower,
  kSuffix,  // + length (1..5) in the second value
  kPrefix,  // + length (1..3)
  kShape,
  kFlags,
  kFirstFlags,
  kLowerM1,
  kLowerM2,
  kLowerP1,
  kLowerP2,
  kSuffixM1,
  kSuffixP1,
  kBigramM1,
  kBigramP1,
  kAmb,
  kAmbP1,
  kAmbP2,
  kAmbM1,
  kAmbAmbP1,
  kShapeM1,
  kShapeP1,
  kTag1,
  kTag2,
  kTag12,
  kTag1Lower,
  kTag1LowerP1,
  kTag1Amb,
  kTag1Suffix,
  kLowerAmbP1,
  kTag2Lower,
  kFlagsM1,
  kFlagsP1,
  kTitleSentence,
  kSandwich,
  kLastPart,
  kSuffix2P1,
  kTag1AmbP1,
  kFlagsM1Flags,
  kRight0,
  kRight1,
  kRight2,
  kRight12,
  kRight01,
  kTag1Right1,
  kRight1Lower,
  kTag1Right0,
};

constexpr std::uint64_t kUnknownAmb = 0x6b1e5a3d7c9f2e41ULL;
// Sentinel hashes for positions before the start and after the end.
const TokenHashes& start_token() {
  static const TokenHashes t = [] {
    TokenHashes s;
    s.form = s.lower = s.shape = s.amb = hash_string("<s>");
    for (auto& x : s.suffix) x = s.lower;
    for (auto& x : s.prefix) x = s.lower;
    return s;
  }();
  return t;
}
const TokenHashes& end_token() {
  static const TokenHashes t = [] {
    TokenHashes s;
    s.form = s.lower = s.shape = s.amb = hash_string("</s>");
    for (auto& x : s.suffix) x = s.lower;
    for (auto& x : s.prefix) x = s.lower;
    return s;
  }();
  return t;
}

const TokenHashes& at(const std::vector<TokenHashes>& toks, std::size_t i, long offset) {
  const long j = static_cast<long>(i) + offset;
  if (j < 0) return start_token();
  if (j >= static_cast<long>(toks.size())) return end_token();
  return toks[static_cast<std::size_t>(j)];
}

}  // namespace

void AmbiguityMap::assign(std::vector<std::pair<std::uint64_t, std::uint64_t>> entries) {
  // Stable: of equal keys the last given stays last, and wins in the index.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<std::uint64_t, std::uint64_t>> unique;
  for (const auto& e : entries) {
    if (!unique.empty() && unique.back().first == e.first)
      unique.back() = e;
    else
      unique.push_back(e);
  }
  entries_ = std::move(unique);
  // The index maps a form straight to its class (one memory access).
  classes_.clear();
  std::unordered_map<std::uint64_t, std::uint32_t> class_ids;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
  keys.reserve(entries_.size());
  for (const auto& [form, amb] : entries_) {
    auto [it, inserted] = class_ids.try_emplace(amb, static_cast<std::uint32_t>(classes_.size()));
    if (inserted) classes_.push_back(amb);
    keys.emplace_back(form, it->second);
  }
  index_.build(keys, FlatIndex::kLastWins);
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string word_shape(std::string_view s) {
  std::string out;
  for (char c : s) {
    char m = c;
    if (c >= 'A' && c <= 'Z')
      m = 'X';
    else if (c >= 'a' && c <= 'z')
      m = 'x';
    else if (c >= '0' && c <= '9')
      m = 'd';
    if (out.empty() || out.back() != m) out.push_back(m);
  }
  return out;
}

void prepare_tokens(const std::vector<std::string_view>& forms, const AmbiguityMap& amb,
                    std::vector<TokenHashes>& out, const std::vector<const TokenHashes*>* known) {
  out.resize(forms.size());
  std::string lower;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    TokenHashes& t = out[i];
    if (known && (*known)[i]) {
      t = *(*known)[i];
      continue;
    }
    const std::string_view form = forms[i];
    t = TokenHashes{};
    lower = ascii_lower(form);
    t.form = hash_string(form);
    t.lower = hash_string(lower);
    t.shape = hash_string(word_shape(form));
    for (std::size_t n = 1; n <= 5; ++n)
      t.suffix[n - 1] = lower.size() >= n
                            ? hash_string(std::string_view(lower).substr(lower.size() - n))
                            : hash_string(lower) + 1;
    for (std::size_t n = 1; n <= 3; ++n)
      t.prefix[n - 1] = lower.size() >= n ? hash_string(std::string_view(lower).substr(0, n))
                                          : hash_string(lower) + 2;
    amb.prefetch(t.lower);  // looked up below, once every word's look-up is on its way
    bool digit = false, hyphen = false, upper = false, all_upper = true, lower_seen = false;
    for (char c : form) {
      if (c >= '0' && c <= '9') digit = true;
      if (c == '-') hyphen = true;
      if (c >= 'A' && c <= 'Z') upper = true;
      if (c >= 'a' && c <= 'z') {
        all_upper = false;
        lower_seen = true;
      }
    }
    const bool init_upper = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
    t.flags = (digit ? 1 : 0) | (hyphen ? 2 : 0) | (upper ? 4 : 0) | (upper && all_upper ? 8 : 0) |
              (init_upper ? 16 : 0) | (lower_seen ? 32 : 0);
    const std::size_t dash = lower.rfind('-');
    t.last_part = dash != std::string::npos && dash > 0 && dash + 1 < lower.size()
                      ? hash_string(std::string_view(lower).substr(dash + 1))
                      : 0;
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (known && (*known)[i]) continue;  // its class is in the given hashes already
    TokenHashes& t = out[i];
    const std::uint64_t* amb_class = amb.find(t.lower);
    t.amb = amb_class ? *amb_class : kUnknownAmb;
    // Rare words (no ambiguity class) lose their identity: in training they
    // then stand for the unknown words met later, and the weights learned
    // from their affixes and context carry over to those.
    if (!amb_class) t.form = t.lower = kUnknownAmb;
  }
  // Headlines and titles capitalize most words, which blurs NOUN and PROPN:
  // tell the tagger how the sentence as a whole is cased.
  std::size_t words = 0, capitalized = 0, all_caps = 0;
  for (const TokenHashes& t : out) {
    if (!(t.flags & (4 | 32))) continue;  // no letters
    ++words;
    if (t.flags & 16) ++capitalized;
    if (t.flags & 8) ++all_caps;
  }
  std::uint64_t sentence = 0;
  if (words >= 3 && all_caps * 10 >= words * 8)
    sentence = 2;
  else if (words >= 3 && capitalized * 10 >= words * 6)
    sentence = 1;
  for (TokenHashes& t : out) t.sentence = sentence;
}

namespace {

enum class Parts { kAll, kOwn, kContext };

// The one list of word-only templates, in the order training sums them (its
// float sums depend on it): the word's own-form features, the context
// features, or both. `toks` may be null for kOwn.
void word_features(const TokenHashes& w, const std::vector<TokenHashes>* toks, std::size_t i,
                   Parts parts, std::vector<std::uint64_t>& out) {
  const bool own = parts != Parts::kContext, context = parts != Parts::kOwn;
  if (own) {
    out.push_back(feature(kBias, 0));
    out.push_back(feature(kForm, w.form));
    out.push_back(feature(kLower, w.lower));
    // Affixes and shape get separate weights for rare words, which stand for
    // the unknown words met later, and frequent ones.
    const std::uint64_t rare = w.form == kUnknownAmb ? 16 : 0;
    for (std::uint64_t n = 0; n < 5; ++n) out.push_back(feature(kSuffix, w.suffix[n], n + rare));
    for (std::uint64_t n = 0; n < 3; ++n) out.push_back(feature(kPrefix, w.prefix[n], n + rare));
    out.push_back(feature(kShape, w.shape, rare));
    out.push_back(feature(kFlags, w.flags));
  }
  if (!context) {
    out.push_back(feature(kAmb, w.amb));
    if (w.last_part) out.push_back(feature(kLastPart, w.last_part));
    return;
  }
  const TokenHashes& m1 = at(*toks, i, -1);
  const TokenHashes& m2 = at(*toks, i, -2);
  const TokenHashes& p1 = at(*toks, i, 1);
  const TokenHashes& p2 = at(*toks, i, 2);
  out.push_back(feature(kFirstFlags, w.flags, i == 0));
  out.push_back(feature(kLowerM1, m1.lower));
  out.push_back(feature(kLowerM2, m2.lower));
  out.push_back(feature(kLowerP1, p1.lower));
  out.push_back(feature(kLowerP2, p2.lower));
  out.push_back(feature(kSuffixM1, m1.suffix[2]));
  out.push_back(feature(kSuffixP1, p1.suffix[2]));
  out.push_back(feature(kBigramM1, m1.lower, w.lower));
  out.push_back(feature(kBigramP1, w.lower, p1.lower));
  if (own) out.push_back(feature(kAmb, w.amb));
  out.push_back(feature(kAmbP1, p1.amb));
  out.push_back(feature(kAmbP2, p2.amb));
  out.push_back(feature(kAmbM1, m1.amb));
  out.push_back(feature(kAmbAmbP1, w.amb, p1.amb));
  out.push_back(feature(kShapeM1, m1.shape));
  out.push_back(feature(kShapeP1, p1.shape));
  out.push_back(feature(kLowerAmbP1, w.lower, p1.amb));
  out.push_back(feature(kFlagsM1, m1.flags));
  out.push_back(feature(kFlagsP1, p1.flags));
  out.push_back(feature(kFlagsM1Flags, m1.flags, w.flags, p1.flags));
  out.push_back(feature(kTitleSentence, w.sentence, w.flags, i == 0));
  out.push_back(feature(kSandwich, m1.lower, p1.lower));
  if (own && w.last_part) out.push_back(feature(kLastPart, w.last_part));
  out.push_back(feature(kSuffix2P1, p1.suffix[1]));
}

}  // namespace

void static_features(const std::vector<TokenHashes>& toks, std::size_t i,
                     std::vector<std::uint64_t>& out) {
  word_features(toks[i], &toks, i, Parts::kAll, out);
}

void own_features(const TokenHashes& w, std::vector<std::uint64_t>& out) {
  word_features(w, nullptr, 0, Parts::kOwn, out);
}

void context_features(const std::vector<TokenHashes>& toks, std::size_t i,
                      std::vector<std::uint64_t>& out) {
  word_features(toks[i], &toks, i, Parts::kContext, out);
}

void history_features(const std::vector<TokenHashes>& toks, std::size_t i, int tag1, int tag2,
                      std::vector<std::uint64_t>& out) {
  const TokenHashes& w = toks[i];
  const TokenHashes& p1 = at(toks, i, 1);
  const auto t1 = static_cast<std::uint64_t>(tag1 + 1);
  const auto t2 = static_cast<std::uint64_t>(tag2 + 1);
  out.push_back(feature(kTag1, t1));
  out.push_back(feature(kTag2, t2));
  out.push_back(feature(kTag12, t1, t2));
  out.push_back(feature(kTag1Lower, t1, w.lower));
  out.push_back(feature(kTag1LowerP1, t1, p1.lower));
  out.push_back(feature(kTag1Amb, t1, w.amb));
  out.push_back(feature(kTag1Suffix, t1, w.suffix[2]));
  out.push_back(feature(kTag2Lower, t2, w.lower));
  out.push_back(feature(kTag1AmbP1, t1, p1.amb));
}

void right_features(const std::vector<TokenHashes>& toks, std::size_t i,
                    const std::vector<int>& first, int tag1, std::vector<std::uint64_t>& out) {
  const std::size_t n = first.size();
  const auto r0 = static_cast<std::uint64_t>(first[i] + 1);
  const std::uint64_t r1 = i + 1 < n ? static_cast<std::uint64_t>(first[i + 1] + 1) : 0xffff;
  const std::uint64_t r2 = i + 2 < n ? static_cast<std::uint64_t>(first[i + 2] + 1) : 0xffff;
  const auto t1 = static_cast<std::uint64_t>(tag1 + 1);
  out.push_back(feature(kRight0, r0));
  out.push_back(feature(kRight1, r1));
  out.push_back(feature(kRight2, r2));
  out.push_back(feature(kRight12, r1, r2));
  out.push_back(feature(kRight01, r0, r1));
  out.push_back(feature(kTag1Right1, t1, r1));
  out.push_back(feature(kRight1Lower, r1, toks[i].lower));
  out.push_back(feature(kTag1Right0, t1, r0));
}

}  // namespace textgraph::tagger
