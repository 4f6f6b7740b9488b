#include "ner/features.h"

#include <map>

#include "train/hashing.h"

namespace textgraph::ner {

using train::feature;
using train::hash_string;

namespace {

// Template ids: part of the model format. Append new ones; never renumber.
enum Template : std::uint32_t {
  kBias = 1,
  kForm,
  kLower,
  kShape,
  kLongShape,
  kPrefix,  // + length - 1
  kSuffix,  // + length - 1
  kCapStart,
  kLowerM1,
  kLowerM2,
  kLowerP1,
  kLowerP2,
  kFormM1,
  kFormP1,
  kBigramM1,
  kBigramP1,
  kShapeM1,
  kShapeP1,
  kShape3,
  kCap3,
  kCasing,
  kGaz,
  kGazM1,
  kGazP1,
  kSentenceCasing,
  kLowerM1Shape,
  kShapeLowerP1,
  kSuffixM1,
  kSuffixP1,
  kTransition,
};

// Sentinels for positions before the start and after the end.
NerToken sentinel(std::string_view name) {
  NerToken t;
  t.form = t.lower = t.shape = t.long_shape = hash_string(name);
  for (auto& x : t.prefix) x = t.lower;
  for (auto& x : t.suffix) x = t.lower;
  t.cap = 7;
  return t;
}

const NerToken& at(const std::vector<NerToken>& toks, std::size_t i, long offset) {
  static const NerToken kStart = sentinel("<s>");
  static const NerToken kEnd = sentinel("</s>");
  const long j = static_cast<long>(i) + offset;
  if (j < 0) return kStart;
  if (j >= static_cast<long>(toks.size())) return kEnd;
  return toks[static_cast<std::size_t>(j)];
}

Capitalization capitalization(std::string_view form) {
  int upper = 0, lower = 0;
  bool cap_after_first = false;
  for (std::size_t k = 0; k < form.size(); ++k) {
    const char c = form[k];
    if (c >= 'A' && c <= 'Z') {
      ++upper;
      if (k > 0) cap_after_first = true;
    } else if (c >= 'a' && c <= 'z') {
      ++lower;
    }
  }
  if (upper == 0 && lower == 0) return kCapNone;
  if (upper == 0) return kCapLower;
  if (lower == 0) return upper >= 2 ? kCapAll : kCapOne;
  const bool initial = form[0] >= 'A' && form[0] <= 'Z';
  if (initial && !cap_after_first) return kCapInitial;
  return kCapMixed;
}

bool capitalized(std::uint32_t cap) { return cap != kCapNone && cap != kCapLower; }

// Words after which a capital says nothing (the start of a quote, a list
// item, a heading, a sentence the splitter did not cut).
bool opens_clause(std::string_view form) {
  return form == "\"" || form == ":" || form == "-" || form == "--" || form == "(" || form == "*" ||
         form == "." || form == "?" || form == "!" || form == "``" ||
         form == "\xe2\x80\x9c";  // left double quotation mark
}

// Titles (most words capitalized) and shouting (all caps) blur the case signal.
std::uint32_t sentence_casing(std::size_t letters, std::size_t caps, std::size_t all_caps) {
  if (letters >= 3 && all_caps * 10 >= letters * 8) return 2;
  if (letters >= 3 && caps * 10 >= letters * 6) return 1;
  return 0;
}

}  // namespace

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string word_shape(std::string_view s, bool collapse) {
  std::string out;
  int run = 0;
  for (char c : s) {
    char m = c;
    if (c >= 'A' && c <= 'Z')
      m = 'X';
    else if (c >= 'a' && c <= 'z')
      m = 'x';
    else if (c >= '0' && c <= '9')
      m = 'd';
    if (!out.empty() && out.back() == m) {
      ++run;
      if (collapse || run >= 4) continue;
    } else {
      run = 0;
    }
    out.push_back(m);
  }
  return out;
}

void prepare_sentence(const Sentence& sentence, const Gazetteer& gazetteer,
                      const CasingLexicon& casing, const Vocabulary& vocabulary,
                      std::vector<NerToken>& toks, SentenceInfo& info) {
  static const std::uint64_t kUnknown = hash_string("<unknown>");
  const std::size_t n = sentence.words.size();
  toks.assign(n, NerToken{});
  thread_local std::vector<std::uint64_t> hashes;
  thread_local std::string lower;
  hashes.resize(n);
  std::size_t letters = 0, caps = 0, all_caps = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& form = sentence.words[i].form;
    NerToken& t = toks[i];
    lower = ascii_lower(form);
    const std::uint64_t lower_hash = hash_string(lower);
    t.form = hashes[i] = hash_string(form);
    t.lower = lower_hash;
    if (!vocabulary.count(lower_hash)) t.form = t.lower = kUnknown;
    t.shape = hash_string(word_shape(form, true));
    t.long_shape = hash_string(word_shape(form, false));
    // Affixes longer than the word fall back to the (possibly unknown) word.
    for (std::size_t k = 1; k <= 4; ++k) {
      t.prefix[k - 1] =
          lower.size() >= k ? hash_string(std::string_view(lower).substr(0, k)) : t.lower + 1;
      t.suffix[k - 1] = lower.size() >= k
                            ? hash_string(std::string_view(lower).substr(lower.size() - k))
                            : t.lower + 2;
    }
    t.cap = capitalization(form);
    t.start = i == 0 ? 2 : opens_clause(sentence.words[i - 1].form) ? 1 : 0;
    if (auto it = casing.find(lower_hash); it != casing.end()) t.casing = it->second;
    if (t.cap != kCapNone) {
      ++letters;
      if (capitalized(t.cap)) ++caps;
      if (t.cap == kCapAll || t.cap == kCapOne) ++all_caps;
    }
  }
  info.casing = sentence_casing(letters, caps, all_caps);
  thread_local std::vector<int> used;
  used.assign(n, 0);
  gazetteer.find(hashes, [&](std::size_t first, std::size_t last, std::uint32_t category) {
    for (std::size_t i = first; i < last; ++i) {
      if (used[i] >= 6) continue;
      const std::uint64_t role = last - first == 1 ? 3 : i == first ? 0 : i + 1 == last ? 2 : 1;
      toks[i].gaz[used[i]++] = 1 + category * 4 + role;
    }
  });
}

void word_features(const std::vector<NerToken>& toks, const SentenceInfo& info, std::size_t i,
                   std::vector<std::uint64_t>& out) {
  const NerToken& w = toks[i];
  const NerToken& m1 = at(toks, i, -1);
  const NerToken& m2 = at(toks, i, -2);
  const NerToken& p1 = at(toks, i, 1);
  const NerToken& p2 = at(toks, i, 2);
  out.push_back(feature(kBias, 0));
  out.push_back(feature(kForm, w.form));
  out.push_back(feature(kLower, w.lower));
  out.push_back(feature(kShape, w.shape));
  out.push_back(feature(kLongShape, w.long_shape));
  for (std::uint64_t k = 0; k < 4; ++k) {
    out.push_back(feature(kPrefix, w.prefix[k], k));
    out.push_back(feature(kSuffix, w.suffix[k], k));
  }
  out.push_back(feature(kCapStart, w.cap, w.start));
  out.push_back(feature(kLowerM1, m1.lower));
  out.push_back(feature(kLowerM2, m2.lower));
  out.push_back(feature(kLowerP1, p1.lower));
  out.push_back(feature(kLowerP2, p2.lower));
  out.push_back(feature(kFormM1, m1.form));
  out.push_back(feature(kFormP1, p1.form));
  out.push_back(feature(kBigramM1, m1.lower, w.lower));
  out.push_back(feature(kBigramP1, w.lower, p1.lower));
  out.push_back(feature(kShapeM1, m1.shape, w.shape));
  out.push_back(feature(kShapeP1, w.shape, p1.shape));
  out.push_back(feature(kShape3, m1.shape, w.shape, p1.shape));
  out.push_back(feature(kCap3, m1.cap, w.cap, p1.cap));
  out.push_back(feature(kCasing, w.casing, w.cap, w.start));
  out.push_back(feature(kSentenceCasing, info.casing, w.cap));
  out.push_back(feature(kLowerM1Shape, m1.lower, w.shape));
  out.push_back(feature(kShapeLowerP1, w.shape, p1.lower));
  out.push_back(feature(kSuffixM1, m1.suffix[2]));
  out.push_back(feature(kSuffixP1, p1.suffix[2]));
  for (std::uint64_t g : w.gaz) {
    if (!g) break;
    out.push_back(feature(kGaz, g));
  }
  for (std::uint64_t g : m1.gaz) {
    if (!g) break;
    out.push_back(feature(kGazM1, g));
  }
  for (std::uint64_t g : p1.gaz) {
    if (!g) break;
    out.push_back(feature(kGazP1, g));
  }
}

std::uint64_t transition_key(int prev) {
  return feature(kTransition, static_cast<std::uint64_t>(prev + 1));
}

CasingLexicon build_casing_lexicon(const std::vector<const Sentence*>& sentences, int min_count) {
  std::map<std::uint64_t, std::pair<int, int>> counts;  // lowercase hash -> (lower, capitalized)
  for (const Sentence* s : sentences) {
    std::size_t letters = 0, caps = 0, all_caps = 0;
    for (const Word& w : s->words) {
      const Capitalization c = capitalization(w.form);
      if (c == kCapNone) continue;
      ++letters;
      if (capitalized(c)) ++caps;
      if (c == kCapAll || c == kCapOne) ++all_caps;
    }
    if (sentence_casing(letters, caps, all_caps) != 0) continue;
    for (std::size_t i = 1; i < s->words.size(); ++i) {
      if (opens_clause(s->words[i - 1].form)) continue;
      const std::string& form = s->words[i].form;
      const Capitalization c = capitalization(form);
      if (c == kCapNone || c == kCapOne) continue;
      auto& [lower, upper] = counts[hash_string(ascii_lower(form))];
      (c == kCapLower ? lower : upper) += 1;
    }
  }
  CasingLexicon lexicon;
  for (const auto& [h, lu] : counts) {
    const int total = lu.first + lu.second;
    if (total < min_count) continue;
    const double share = static_cast<double>(lu.second) / total;
    const std::uint8_t cls = share == 0.0  ? 1
                             : share < 0.3 ? 2
                             : share < 0.7 ? 3
                             : share < 1.0 ? 4
                                           : 5;
    lexicon.emplace(h, cls);
  }
  return lexicon;
}

Vocabulary build_vocabulary(const std::vector<const Sentence*>& sentences, int min_count) {
  std::map<std::uint64_t, int> counts;
  for (const Sentence* s : sentences)
    for (const Word& w : s->words) ++counts[hash_string(ascii_lower(w.form))];
  Vocabulary v;
  for (const auto& [h, n] : counts)
    if (n >= min_count) v.insert(h);
  return v;
}

}  // namespace textgraph::ner
