#include "eval/eval_file.h"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "core/error.h"
#include "eval/text_rules.h"

namespace textgraph::eval {

namespace {

// The shared task's relation classes (conll18_ud_eval.py, CONTENT_DEPRELS
// and FUNCTIONAL_DEPRELS), compared without subtypes; every other relation
// (punct, ...) is neither.
constexpr std::array<std::string_view, 29> kContentDeprels = {
    "nsubj",  "obj",        "iobj",       "csubj",  "ccomp",     "xcomp",    "obl",   "vocative",
    "expl",   "dislocated", "advcl",      "advmod", "discourse", "nmod",     "appos", "nummod",
    "acl",    "amod",       "conj",       "fixed",  "flat",      "compound", "list",  "parataxis",
    "orphan", "goeswith",   "reparandum", "root",   "dep"};
constexpr std::array<std::string_view, 7> kFunctionalDeprels = {"aux", "cop",  "mark", "det",
                                                                "clf", "case", "cc"};
// The features UFeats keeps (UNIVERSAL_FEATURES of the shared task); layered
// features such as Number[psor] are not among them.
constexpr std::array<std::string_view, 21> kUniversalFeatures = {
    "PronType", "NumType", "Poss",  "Reflex",   "Foreign",  "Abbr",     "Gender",
    "Animacy",  "Number",  "Case",  "Definite", "Degree",   "VerbForm", "Mood",
    "Tense",    "Aspect",  "Voice", "Evident",  "Polarity", "Person",   "Polite"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view x) {
  return std::find(set.begin(), set.end(), x) != set.end();
}

std::string universal_features(std::string_view feats) {
  std::vector<std::string_view> kept;
  for (std::size_t start = 0; start <= feats.size();) {
    std::size_t bar = feats.find('|', start);
    if (bar == std::string_view::npos) bar = feats.size();
    const std::string_view item = feats.substr(start, bar - start);
    if (contains(kUniversalFeatures, item.substr(0, item.find('=')))) kept.push_back(item);
    start = bar + 1;
  }
  // Python sorts the "Name=Value" strings by code point; for UTF-8 that is
  // the byte order std::string_view compares by.
  std::sort(kept.begin(), kept.end());
  std::string out;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (i) out += '|';
    out += kept[i];
  }
  return out;
}

std::string_view without_subtype(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

}  // namespace

Location EvalFile::token_location(std::size_t t) const {
  if (t < lines.token_lines.size()) return {name, lines.token_lines[t]};
  return {name};
}

Location EvalFile::word_location(std::size_t w) const {
  if (w < lines.word_lines.size()) return {name, lines.word_lines[w]};
  return {name};
}

std::string EvalFile::describe(std::uint32_t s, const char* unit, std::size_t index) const {
  std::string out = "sentence " + std::to_string(s + 1);
  if (!sentence_ids[s].empty()) out += " (sent_id = " + sentence_ids[s] + ")";
  return out + ", " + unit + " " + std::to_string(index + 1);
}

std::string EvalFile::token_context(std::size_t t) const {
  if (t < lines.token_lines.size()) return {};
  const std::uint32_t s = token_sentence[t];
  return describe(s, "token", t - sentence_first_token[s]) + ": ";
}

std::string EvalFile::word_context(std::size_t w) const {
  if (w < lines.word_lines.size()) return {};
  const std::uint32_t s = word_sentence[w];
  return describe(s, "word", w - sentence_first_word[s]) + ": ";
}

std::string EvalFile::token_place(std::size_t t) const {
  if (t < lines.token_lines.size()) return name + ":" + std::to_string(lines.token_lines[t]);
  const std::uint32_t s = token_sentence[t];
  return name + " " + describe(s, "token", t - sentence_first_token[s]);
}

std::uint32_t StringIds::id(std::string_view s) {
  if (auto it = ids_.find(s); it != ids_.end()) return it->second;
  const auto next = static_cast<std::uint32_t>(ids_.size());
  ids_.emplace(std::string(s), next);
  return next;
}

EvalFileBuilder::EvalFileBuilder(std::string name, StringIds& ids, SourceLines lines) : ids_(ids) {
  file_.name = std::move(name);
  file_.lines = std::move(lines);
  file_.words.reserve(file_.lines.word_lines.size());
  file_.tokens.reserve(file_.lines.token_lines.size());
}

CharSpan EvalFileBuilder::add_token(std::string_view form, std::uint32_t sentence) {
  const std::size_t t = file_.tokens.size();
  file_.token_sentence.push_back(sentence);
  const std::size_t begin = file_.characters.size();
  file_.characters += form;
  file_.tokens.push_back({begin, file_.characters.size()});
  if (form.empty())
    fail_input(file_.token_context(t) + "empty FORM (nothing left once spaces are removed)",
               file_.token_location(t));
  return file_.tokens.back();
}

void EvalFileBuilder::add(const Sentence& s) {
  EvalFile& f = file_;
  const auto sentence = static_cast<std::uint32_t>(f.sentences.size());
  f.sentence_ids.push_back(s.id);
  f.sentence_first_token.push_back(static_cast<std::uint32_t>(f.tokens.size()));
  f.sentence_first_word.push_back(static_cast<std::uint32_t>(f.words.size()));
  const std::size_t begin = f.characters.size();
  const std::size_t base = f.words.size();
  const int count = static_cast<int>(s.words.size());
  std::size_t next_mwt = 0;
  for (int id = 1; id <= count;) {
    int last = id;
    CharSpan span;
    bool multi = false;
    if (next_mwt < s.multiword_tokens.size() && s.multiword_tokens[next_mwt].first == id) {
      const MultiwordToken& t = s.multiword_tokens[next_mwt++];
      span = add_token(strip_space_separators(t.form), sentence);
      last = t.last;
      multi = true;
    }
    for (; id <= last; ++id) {
      const Word& w = s.words[static_cast<std::size_t>(id - 1)];
      EvalWord e;
      e.in_multiword = multi;
      // The shared task removes Zs from the token's FORM only: words inside
      // a multiword token keep theirs for the alignment.
      e.form = multi ? w.form : strip_space_separators(w.form);
      f.word_sentence.push_back(sentence);
      e.span = multi ? span : add_token(e.form, sentence);
      e.lemma = w.lemma.empty() ? StringIds::kUnderscore : ids_.id(w.lemma);
      e.upos = ids_.id(w.upos);
      e.xpos = ids_.id(w.xpos);
      e.ufeats = ids_.id(universal_features(w.feats));
      const std::string_view deprel = without_subtype(w.deprel);
      e.deprel = ids_.id(deprel);
      e.content = contains(kContentDeprels, deprel);
      e.functional = contains(kFunctionalDeprels, deprel);
      e.parent = w.head < 0 ? kNoHead : w.head == 0 ? kRoot : static_cast<int>(base) + w.head - 1;
      f.words.push_back(std::move(e));
    }
  }
  f.sentences.push_back({begin, f.characters.size()});

  const bool parsed = std::all_of(f.words.begin() + static_cast<long>(base), f.words.end(),
                                  [](const EvalWord& w) { return w.parent != kNoHead; });
  if (parsed) check_tree(base);
  for (std::size_t i = base; i < f.words.size(); ++i) {
    const EvalWord& w = f.words[i];
    if (w.functional && w.parent >= 0)
      f.words[static_cast<std::size_t>(w.parent)].functional_children.push_back(
          static_cast<int>(i));
  }
}

// The official script refuses a sentence whose heads do not form a tree;
// so do we, for sentences that have heads at all.
void EvalFileBuilder::check_tree(std::size_t base) const {
  const EvalFile& f = file_;
  const std::size_t count = f.words.size() - base;
  std::vector<unsigned char> state(count, 0);  // 0 new, 1 on the current path, 2 done
  std::vector<std::size_t> path;
  for (std::size_t start = 0; start < count; ++start) {
    path.clear();
    std::size_t i = start;
    while (state[i] == 0) {
      state[i] = 1;
      path.push_back(i);
      const int parent = f.words[base + i].parent;
      if (parent < 0) break;
      i = static_cast<std::size_t>(parent) - base;
    }
    if (state[i] == 1 && f.words[base + i].parent >= 0) {
      // The walk came back to i, which is on the path: a cycle through i.
      std::string ids;
      std::size_t j = i;
      do {
        ids += (ids.empty() ? "" : " -> ") + std::to_string(j + 1);
        j = static_cast<std::size_t>(f.words[base + j].parent) - base;
      } while (j != i);
      ids += " -> " + std::to_string(i + 1);
      fail_input(f.word_context(base + i) + "the heads form a cycle (words " + ids + ")",
                 f.word_location(base + i));
    }
    for (std::size_t p : path) state[p] = 2;
  }
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < count; ++i)
    if (f.words[base + i].parent == kRoot) roots.push_back(i);
  if (roots.size() > 1) {  // none is impossible: the walk above found a cycle then
    std::string ids;
    for (std::size_t r : roots) ids += (ids.empty() ? "" : ", ") + std::to_string(r + 1);
    fail_input(f.word_context(base + roots[1]) + "the sentence has " +
                   std::to_string(roots.size()) + " roots (words " + ids + "); it needs one",
               f.word_location(base + roots[1]));
  }
}

EvalFile EvalFileBuilder::finish() {
  // Lines that do not describe the file would point at wrong places: better
  // none than a wrong one.
  if (file_.lines.word_lines.size() != file_.words.size() ||
      file_.lines.token_lines.size() != file_.tokens.size())
    file_.lines = {};
  return std::move(file_);
}

SourceLines scan_lines(std::string_view text) {
  SourceLines out;
  std::size_t line_no = 0;
  long mwt_last = 0;  // last word id of the multiword token being read
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      mwt_last = 0;
      continue;
    }
    if (line[0] == '#') continue;
    const std::string_view id = line.substr(0, line.find('\t'));
    if (id.find('.') != std::string_view::npos) continue;
    if (const std::size_t dash = id.find('-'); dash != std::string_view::npos) {
      out.token_lines.push_back(line_no);
      mwt_last = std::strtol(std::string(id.substr(dash + 1)).c_str(), nullptr, 10);
      continue;
    }
    out.word_lines.push_back(line_no);
    if (std::strtol(std::string(id).c_str(), nullptr, 10) > mwt_last)
      out.token_lines.push_back(line_no);
  }
  return out;
}

}  // namespace textgraph::eval
