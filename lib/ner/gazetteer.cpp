#include "ner/gazetteer.h"

#include <algorithm>

#include "core/error.h"
#include "textgraph/tokenizer.h"
#include "train/hashing.h"

namespace textgraph::ner {

std::uint64_t Gazetteer::combine(std::uint64_t h, std::uint64_t word) {
  return train::mix64(h ^ word) + 0x2127599bf4325c37ULL;
}

void Gazetteer::add(std::vector<std::string> words, std::uint32_t category) {
  if (words.empty() || category == 0 || category >= 32) return;
  entries_.push_back({std::move(words), category});
}

void Gazetteer::add_actors(const ActorDictionary& actors) {
  TokenizerOptions options;
  options.line_breaks = LineBreaks::kSpace;
  auto words_of = [&](const std::string& name) {
    std::vector<std::string> words;
    Result<Tokenized> t = tokenize(name, options);
    if (!t.ok()) return words;
    for (const Sentence& s : t->document.sentences)
      for (const Word& w : s.words) words.push_back(w.form);
    return words;
  };
  for (std::size_t a = 0; a < actors.size(); ++a) {
    const Actor& actor = actors.actor(a);
    std::uint32_t name = kCountryName, demonym = kCountryDemonym, metonym = kCountryMetonym;
    if (actor.kind == ActorKind::kOrganisation) {
      name = kOrgName;
      demonym = 0;
      metonym = kOrgMetonym;
    } else if (actor.kind == ActorKind::kPlace) {
      name = kPlaceName;
      demonym = kPlaceDemonym;
      metonym = kPlaceMetonym;
    }
    add(words_of(actor.name), name);
    for (const std::string& s : actor.aliases) add(words_of(s), name);
    for (const std::string& s : actor.demonyms) add(words_of(s), demonym);
    for (const std::string& s : actor.metonyms) add(words_of(s), metonym);
  }
}

void Gazetteer::finish() {
  std::sort(entries_.begin(), entries_.end());
  entries_.erase(std::unique(entries_.begin(), entries_.end()), entries_.end());
  max_length_.clear();
  phrases_.clear();
  for (const Entry& e : entries_) {
    std::uint64_t h = kSeed;
    for (const std::string& w : e.words) h = combine(h, train::hash_string(w));
    phrases_[h] |= 1u << e.category;
    std::size_t& m = max_length_[train::hash_string(e.words.front())];
    m = std::max(m, e.words.size());
  }
}

void Gazetteer::save(ByteWriter& out) const {
  out.put<std::uint32_t>(static_cast<std::uint32_t>(entries_.size()));
  for (const Entry& e : entries_) {
    out.put<std::uint32_t>(e.category);
    out.put_strings(e.words);
  }
}

Gazetteer Gazetteer::load(ByteReader& in) {
  Gazetteer g;
  const auto n = in.get<std::uint32_t>();
  for (std::uint32_t k = 0; k < n; ++k) {
    Entry e;
    e.category = in.get<std::uint32_t>();
    e.words = in.get_strings();
    if (e.category == 0 || e.category >= 32 || e.words.empty())
      fail(ErrorCode::kModel, "gazetteer entry is invalid (corrupt model)");
    g.entries_.push_back(std::move(e));
  }
  g.finish();
  return g;
}

}  // namespace textgraph::ner
