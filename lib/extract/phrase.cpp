#include "extract/phrase.h"

#include <algorithm>

#include "extract/lexicon.h"

namespace textgraph::extraction {

namespace {

bool is_opening(const std::string& f) {
  return f == "(" || f == "[" || f == "{" || f == "``" || f == "\"" || f == "'" || f == "`" ||
         f == "\xE2\x80\x9C" /* “ */ || f == "\xE2\x80\x98" /* ‘ */ || f == "-LRB-";
}

bool is_closing(const std::string& f) {
  return f == ")" || f == "]" || f == "}" || f == "''" || f == "\"" || f == "'" ||
         f == "\xE2\x80\x9D" /* ” */ || f == "\xE2\x80\x99" /* ’ */ || f == "-RRB-";
}

bool is_bracket(const std::string& f) {
  return f == "(" || f == ")" || f == "[" || f == "]" || f == "{" || f == "}" || f == "-LRB-" ||
         f == "-RRB-";
}

// Does the opening mark `open` find a closing partner among `ids` after it?
bool paired_after(const Tree& tree, const std::vector<int>& ids, std::size_t at) {
  for (std::size_t i = at + 1; i < ids.size(); ++i)
    if (tree.is_punct(ids[i]) && is_closing(tree.word(ids[i]).form)) return true;
  return false;
}

bool paired_before(const Tree& tree, const std::vector<int>& ids, std::size_t at) {
  for (std::size_t i = 0; i < at; ++i)
    if (tree.is_punct(ids[i]) && is_opening(tree.word(ids[i]).form)) return true;
  return false;
}

// A conjunct with a clause of its own ("... but this time people are ..."),
// not a second predicate noun or adjective.
bool clausal_conjunct(const Tree& tree, int c) {
  if (tree.is_verb(c)) return true;
  for (int k : tree.children(c)) {
    const Dep d = tree.dep(k);
    if (d == Dep::kNsubj || d == Dep::kNsubjPass || d == Dep::kCop || d == Dep::kAux ||
        d == Dep::kAuxPass || d == Dep::kExpl)
      return true;
  }
  return false;
}

bool drop_at_head(const Tree& tree, int head, int c, const PhraseRules& rules) {
  if (rules.drop && std::find(rules.drop->begin(), rules.drop->end(), c) != rules.drop->end())
    return true;
  if (rules.predicate) {
    switch (tree.dep(c)) {
      case Dep::kNsubj:
      case Dep::kNsubjPass:
      case Dep::kCsubj:
      case Dep::kCsubjPass:
      case Dep::kCop:
      case Dep::kAux:
      case Dep::kAuxPass:
      case Dep::kMark:
      case Dep::kExpl:
      case Dep::kAdvcl:
      case Dep::kAdvclRelcl:
      case Dep::kObl:
      case Dep::kOblBare:
      case Dep::kOblAgent:
      case Dep::kCcomp:
      case Dep::kXcomp:
        return true;
      case Dep::kAdvmod: {
        // Negation belongs to the relation; an adverb before the copula
        // modifies the clause ("Usually, these are ...").
        const int cop = tree.child(head, Dep::kCop);
        return is_negation(tree.word(c).lemma) || (cop != 0 && c < cop);
      }
      case Dep::kCc:
      case Dep::kCcPreconj:
        return true;
      case Dep::kConj:
        return rules.split_conj || clausal_conjunct(tree, c);
      default:
        break;
    }
  }
  switch (tree.dep(c)) {
    case Dep::kCase:
      return rules.strip_case;
    case Dep::kMark:
      return rules.strip_mark && !tree.lemma(c, "to");
    case Dep::kConj:
    case Dep::kCc:
    case Dep::kCcPreconj:
      return rules.split_conj;
    case Dep::kAppos:
      return !rules.clause;
    // Relative clauses are triples of their own, and Open IE annotators
    // leave them out of arguments; a participle stays unless set off.
    case Dep::kAclRelcl:
      return !rules.clause;
    case Dep::kAcl:
      return !rules.clause && set_off(tree, c);
    case Dep::kParataxis:
    case Dep::kDiscourse:
    case Dep::kVocative:
    case Dep::kList:
    case Dep::kDislocated:
    case Dep::kOrphan:
    case Dep::kReparandum:
      return true;
    case Dep::kDep:
    case Dep::kAdvcl:
      return !rules.clause && tree.is_nominal(head);
    default:
      return false;
  }
}

}  // namespace

void collect_phrase(const Tree& tree, int head, const PhraseRules& rules, std::vector<int>& out) {
  out.clear();
  if (head <= 0) return;
  // Depth-first over the subtree; the stack holds ids still to visit.
  out.push_back(head);
  std::size_t next = 0;
  while (next < out.size()) {
    const int id = out[next++];
    for (int c : tree.children(id)) {
      if (c == rules.exclude || c == rules.exclude_also) continue;
      if (tree.dep(c) == Dep::kReparandum) continue;
      if (id == head && drop_at_head(tree, head, c, rules)) continue;
      // Deeper down, a verb conjoined to a noun ("the events of the novel
      // and relocates to Florida") is a clause of its own that the parser
      // hung too low: it gives its own triples and is no part of the phrase.
      // A relative clause set off by a comma anywhere inside ("the campaign,
      // which started last week, was his idea") gives its own triples.
      if (id != head && tree.dep(c) == Dep::kAclRelcl && set_off(tree, c)) continue;
      if (!rules.clause && tree.dep(c) == Dep::kConj && tree.is_verb(c) && !tree.is_verb(id) &&
          clausal_conjunct(tree, c) && !tree.upos(id, "ADJ"))
        continue;
      out.push_back(c);
    }
  }
  std::sort(out.begin(), out.end());
  trim_punct(tree, out);
}

void trim_punct(const Tree& tree, std::vector<int>& ids) {
  std::size_t b = 0, e = ids.size();
  while (b < e && tree.is_punct(ids[b])) {
    const std::string& f = tree.word(ids[b]).form;
    if (is_opening(f) && paired_after(tree, ids, b)) break;
    ++b;
  }
  while (e > b && tree.is_punct(ids[e - 1])) {
    const std::string& f = tree.word(ids[e - 1]).form;
    if (is_closing(f) && paired_before(tree, ids, e - 1) && e - 1 > b) break;
    --e;
  }
  // Brackets around the whole phrase: "(Random House)". Quotes stay: they
  // are part of what was said or named.
  while (e >= b + 3 && tree.is_punct(ids[b]) && tree.is_punct(ids[e - 1]) &&
         is_bracket(tree.word(ids[b]).form) && is_bracket(tree.word(ids[e - 1]).form)) {
    bool inner = false;  // another bracket inside: "(a) and (b)" keeps its own
    for (std::size_t i = b + 1; i + 1 < e; ++i)
      if (tree.is_punct(ids[i]) &&
          (is_opening(tree.word(ids[i]).form) || is_closing(tree.word(ids[i]).form)))
        inner = true;
    if (inner) break;
    ++b;
    --e;
  }
  if (b > 0 || e < ids.size())
    ids = std::vector<int>(ids.begin() + static_cast<long>(b), ids.begin() + static_cast<long>(e));
}

void case_words(const Tree& tree, int head, std::vector<int>& out) {
  out.clear();
  for (int c : tree.children(head)) {
    if (tree.dep(c) != Dep::kCase) continue;
    // The possessive "'s" is not a preposition.
    if (tree.upos(c, "PART")) continue;
    out.push_back(c);
    for (int f : tree.children(c))
      if (tree.dep(f) == Dep::kFixed) out.push_back(f);
  }
  std::sort(out.begin(), out.end());
}

bool set_off(const Tree& tree, int modifier) {
  const int first = tree.first(modifier);
  auto is_separator = [&](int id) {
    if (id < 1 || !tree.is_punct(id)) return false;
    const std::string& f = tree.word(id).form;
    return f == "," || f == "(" || f == "-" || f == "--" || f == "-LRB-" || f == ";" ||
           f == "\xE2\x80\x94" /* — */ || f == "\xE2\x80\x93" /* – */;
  };
  return is_separator(first) || is_separator(first - 1);
}

std::string render(const Tree& tree, std::span<const int> ids) {
  std::string text;
  const Sentence& s = tree.sentence();
  int prev_last = -1;      // last word id written
  bool prev_space = true;  // whether a space followed it in the text
  std::size_t i = 0;
  while (i < ids.size()) {
    const int id = ids[i];
    std::string_view piece;
    int last = id;
    bool space = true;
    const int t = tree.token_of(id);
    bool whole = false;
    if (t >= 0) {
      const MultiwordToken& m = s.multiword_tokens[static_cast<std::size_t>(t)];
      const std::size_t need = static_cast<std::size_t>(m.last - m.first + 1);
      if (id == m.first && i + need <= ids.size() && ids[i + need - 1] == m.last) {
        whole = true;
        piece = m.form;
        last = m.last;
        space = m.space_after;
        i += need;
      }
    }
    if (!whole) {
      piece = tree.word(id).form;
      // Inside a multiword token words carry the token's flag; a part on its
      // own is a separate word of the phrase.
      space = t >= 0 ? true : tree.word(id).space_after;
      ++i;
    }
    if (!text.empty() && !(prev_last + 1 == id && !prev_space)) text += ' ';
    text += piece;
    prev_last = last;
    prev_space = space;
  }
  return text;
}

void spans_of(const Tree& tree, std::span<const int> ids, std::vector<Span>& out) {
  out.clear();
  int prev = -1;
  for (int id : ids) {
    const Span& sp = tree.word(id).span;
    if (!sp.known()) {
      prev = -1;
      continue;
    }
    if (prev != -1 && prev + 1 == id && !out.empty()) {
      out.back().end = std::max(out.back().end, sp.end);
    } else {
      out.push_back(sp);
    }
    prev = id;
  }
}

}  // namespace textgraph::extraction
