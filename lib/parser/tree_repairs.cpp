#include <string>
#include <string_view>
#include <vector>

#include "textgraph/parser.h"

// Each rule states a Penn Treebank convention that holds by definition once
// the tree is known, and that a left-to-right tagger (whose window ends a few
// words on) and the parser's tagging heads (which see no tree) still miss.
// They were chosen for being grammar, not for fitting a data set; their
// effect on EWT and GUM dev is in models/README.md.

namespace textgraph {
namespace {

bool lower_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

// Children of every word, by index (0 = the root's children).
std::vector<std::vector<int>> children_of(const Sentence& s) {
  std::vector<std::vector<int>> kids(s.words.size() + 1);
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const int h = s.words[i].head;
    if (h >= 0 && static_cast<std::size_t>(h) <= s.words.size())
      kids[static_cast<std::size_t>(h)].push_back(static_cast<int>(i) + 1);
  }
  return kids;
}

// The word's head, or null for the root and for heads outside the sentence
// (unparsed or corrupt input).
const Word* head_of(const Sentence& s, const Word& w) {
  if (w.head <= 0 || static_cast<std::size_t>(w.head) > s.words.size()) return nullptr;
  return &s.words[static_cast<std::size_t>(w.head) - 1];
}

// "Geneva", "Urban": a capital, then lowercase letters only.
bool title_case(std::string_view f) {
  if (f.size() < 2 || f[0] < 'A' || f[0] > 'Z') return false;
  bool lower = false;
  for (char c : f.substr(1)) {
    if (c >= 'A' && c <= 'Z') return false;
    if (c >= 'a' && c <= 'z') lower = true;
  }
  return lower;
}

bool is_aux(const Word& w) { return w.deprel == "aux" || w.deprel == "aux:pass"; }

bool is_perfect_have(const Word& w) { return w.deprel == "aux" && w.lemma == "have"; }

// A clause-heading relation: the verb is (or may be) finite there.
bool finite_slot(std::string_view deprel) {
  return deprel == "root" || deprel == "ccomp" || deprel == "conj" || deprel == "parataxis" ||
         deprel == "advcl" || deprel == "acl:relcl";
}

// A subject that takes a plural or first/second person verb.
bool non_third_singular_subject(const Word& w) {
  if (w.deprel != "nsubj") return false;
  if (w.xpos == "NNS" || w.xpos == "NNPS") return true;
  if (w.xpos != "PRP") return false;
  return !lower_equals(w.form, "he") && !lower_equals(w.form, "she") && !lower_equals(w.form, "it");
}

// An nsubj child of word `i` (0-based) placed before it.
bool subject_before(const Sentence& s, const std::vector<int>& kids, std::size_t i) {
  for (int c : kids)
    if (static_cast<std::size_t>(c) - 1 < i &&
        s.words[static_cast<std::size_t>(c) - 1].deprel == "nsubj")
      return true;
  return false;
}

// A form of "be", "get" or "have" before word `i`: a passive or perfect may
// be under way even where the parse attached it elsewhere.
bool auxiliary_verb_before(const Sentence& s, std::size_t i) {
  for (std::size_t j = 0; j < i; ++j) {
    const std::string& l = s.words[j].lemma;
    if (l == "be" || l == "get" || l == "have") return true;
  }
  return false;
}

}  // namespace

std::size_t repair_tags_from_tree(Sentence& sentence) {
  const auto kids = children_of(sentence);
  std::size_t changed = 0;
  auto set = [&](Word& w, const char* xpos) {
    w.xpos = xpos;
    ++changed;
  };
  for (std::size_t i = 0; i < sentence.words.size(); ++i) {
    Word& w = sentence.words[i];
    const auto& k = kids[i + 1];
    auto any_child = [&](auto pred) {
      for (int c : k)
        if (pred(sentence.words[static_cast<std::size_t>(c) - 1])) return true;
      return false;
    };
    if (w.deprel == "compound:prt") {
      // A verb particle is RP, never a preposition ("gave in", "set up").
      if (w.xpos == "IN") set(w, "RP");
      continue;
    }
    const Word* head = head_of(sentence, w);
    if (i > 0 && head && head->upos == "PROPN" && title_case(w.form) && !head->form.empty() &&
        head->form[0] >= 'A' && head->form[0] <= 'Z') {
      // Inside a capitalized name every word is a proper noun in the PTB
      // tags ("Urban Outfitters", "Economic Development Corp"; EWT train:
      // 2,133 NNP against 4 NN for compound/flat, 538 NNP against 66 JJ for
      // amod). The sentence's first word is left alone: its capital says
      // nothing.
      if (w.deprel == "amod" && w.xpos == "JJ") {
        set(w, "NNP");  // UPOS stays ADJ, as UD has it
        continue;
      }
      if ((w.deprel == "compound" || w.deprel == "flat") && (w.xpos == "NN" || w.xpos == "NNS")) {
        w.upos = "PROPN";
        set(w, w.xpos == "NN" ? "NNP" : "NNPS");
        continue;
      }
    }
    if ((w.xpos == "JJR" || w.xpos == "JJS") && w.deprel == "advmod" && head &&
        head->upos == "VERB") {
      // A comparative modifying a verb is an adverb ("works better", "best
      // known"): lemma "well", not "good".
      w.upos = "ADV";
      set(w, w.xpos == "JJR" ? "RBR" : "RBS");
      continue;
    }
    if (w.xpos == "JJ" && any_child(is_perfect_have) &&
        !any_child([](const Word& c) { return c.deprel == "cop"; })) {
      // An adjective never takes perfect "have" without a copula ("you've
      // all won"; EWT train: no JJ has such a child): it is a participle.
      w.upos = "VERB";
      set(w, "VBN");
      continue;
    }
    if (w.upos != "VERB" && w.upos != "AUX") continue;
    if (w.xpos == "VBD" && w.upos == "VERB" &&
        any_child([](const Word& c) { return c.deprel == "aux:pass" || is_perfect_have(c); })) {
      // After perfect "have" or a passive auxiliary a verb is a participle.
      set(w, "VBN");
    } else if (w.xpos == "VBN" && w.upos == "VERB" && w.deprel == "root" &&
               !any_child([](const Word& c) { return is_aux(c) || c.deprel == "cop"; }) &&
               subject_before(sentence, k, i) && !auxiliary_verb_before(sentence, i)) {
      // A sentence's main verb after its subject, with no auxiliary anywhere
      // before it, is a past tense ("the envoys set up a meeting"); without
      // the last condition inverted passives ("why is it called") would match.
      set(w, "VBD");
    } else if (w.xpos == "VBP" && any_child([](const Word& c) {
                 return (c.deprel == "aux" && (c.xpos == "MD" || c.lemma == "do")) ||
                        (c.deprel == "mark" && c.xpos == "TO");
               })) {
      // After a modal, do-support or infinitival "to" the verb is a base form.
      set(w, "VB");
    } else if (w.xpos == "VB" && w.upos == "VERB" && finite_slot(w.deprel) &&
               !any_child([](const Word& c) { return is_aux(c) || c.xpos == "TO"; }) &&
               any_child(non_third_singular_subject)) {
      // A clause's only verb with a plural or first/second person subject and
      // no auxiliary is a finite present ("they know"), not a base form.
      set(w, "VBP");
    }
  }
  return changed;
}

std::size_t repair_lemmas_from_tree(Sentence& sentence) {
  const auto kids = children_of(sentence);
  std::size_t changed = 0;
  for (Word& w : sentence.words) {
    if (w.xpos != "VBZ" || !is_aux(w) || w.lemma == "have") continue;
    if (w.form != "'s" && w.form != "\u2019s" && w.form != "'S" && w.form != "\u2019S") continue;
    const Word* head = head_of(sentence, w);
    if (!head) continue;
    // "'s" before a participle is "has" unless it is passive "is"
    // ("he's gone", "it's been"); "been" anywhere in the chain settles it.
    bool been = lower_equals(head->form, "been");
    for (int c : kids[static_cast<std::size_t>(w.head)])
      if (lower_equals(sentence.words[static_cast<std::size_t>(c) - 1].form, "been")) been = true;
    if (been || (w.deprel == "aux" && head->xpos == "VBN")) {
      w.lemma = "have";
      ++changed;
    }
  }
  return changed;
}

}  // namespace textgraph
