#include <algorithm>
#include <istream>
#include <optional>
#include <streambuf>
#include <string>

#include "core/error.h"
#include "core/files.h"
#include "eval/align.h"
#include "eval/eval_file.h"
#include "textgraph/conllu.h"
#include "textgraph/eval.h"

namespace textgraph {

std::string_view metric_name(Metric metric) {
  static constexpr std::string_view kNames[kMetricCount] = {
      "Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "AllTags",
      "Lemmas", "UAS",       "LAS",   "CLAS", "MLAS", "BLEX"};
  return kNames[static_cast<std::size_t>(metric)];
}

namespace eval {
namespace {

// Spans of both sides in text order; a gold span counts when a system span
// has the same start and end.
Score span_score(const std::vector<CharSpan>& gold, const std::vector<CharSpan>& system) {
  Score score;
  score.gold = gold.size();
  score.system = system.size();
  std::size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (system[si].begin < gold[gi].begin) {
      ++si;
    } else if (gold[gi].begin < system[si].begin) {
      ++gi;
    } else {
      score.correct += gold[gi].end == system[si].end;
      ++gi;
      ++si;
    }
  }
  return score;
}

// Compares what the metrics look at, through the alignment: the system
// head must be the system word aligned with the gold head.
class Comparer {
 public:
  Comparer(const EvalFile& gold, const EvalFile& system, const Alignment& alignment)
      : gold_(gold.words), system_(system.words), to_gold_(alignment.gold_of_system) {}

  bool head(const EvalWord& g, const EvalWord& s) const {
    if (g.parent == kNoHead || s.parent == kNoHead) return false;
    if (g.parent == kRoot || s.parent == kRoot) return g.parent == s.parent;
    return to_gold_[static_cast<std::size_t>(s.parent)] == g.parent;
  }
  static bool lemma(const EvalWord& g, const EvalWord& s) {
    return g.lemma == StringIds::kUnderscore || g.lemma == s.lemma;  // a gold "_" accepts all
  }
  static bool tags(const EvalWord& g, const EvalWord& s) {
    return g.upos == s.upos && g.xpos == s.xpos && g.ufeats == s.ufeats;
  }
  bool labeled(const EvalWord& g, const EvalWord& s) const {
    return head(g, s) && g.deprel == s.deprel;
  }
  // MLAS: the function-word children, in order, align one to one and agree
  // in relation, UPOS and universal features.
  bool function_words(const EvalWord& g, const EvalWord& s) const {
    if (g.functional_children.size() != s.functional_children.size()) return false;
    for (std::size_t k = 0; k < g.functional_children.size(); ++k) {
      const int gc = g.functional_children[k], sc = s.functional_children[k];
      const EvalWord& a = gold_[static_cast<std::size_t>(gc)];
      const EvalWord& b = system_[static_cast<std::size_t>(sc)];
      if (to_gold_[static_cast<std::size_t>(sc)] != gc || a.deprel != b.deprel ||
          a.upos != b.upos || a.ufeats != b.ufeats)
        return false;
    }
    return true;
  }

 private:
  const std::vector<EvalWord>& gold_;
  const std::vector<EvalWord>& system_;
  const std::vector<int>& to_gold_;
};

EvalReport score(const EvalFile& gold, const EvalFile& system) {
  const Alignment alignment = align_words(gold, system);
  const Comparer compare(gold, system, alignment);
  EvalReport report;
  report[Metric::kTokens] = span_score(gold.tokens, system.tokens);
  report[Metric::kSentences] = span_score(gold.sentences, system.sentences);

  const auto count_content = [](const std::vector<EvalWord>& words) {
    return static_cast<std::size_t>(
        std::count_if(words.begin(), words.end(), [](const EvalWord& w) { return w.content; }));
  };
  const std::size_t gold_content = count_content(gold.words);
  const std::size_t system_content = count_content(system.words);
  for (std::size_t m = static_cast<std::size_t>(Metric::kWords); m < kMetricCount; ++m) {
    Score& s = report.scores[m];
    const bool content_only = m >= static_cast<std::size_t>(Metric::kClas);
    s.gold = content_only ? gold_content : gold.words.size();
    s.system = content_only ? system_content : system.words.size();
    s.has_aligned = m != static_cast<std::size_t>(Metric::kWords);
  }
  Score& words = report[Metric::kWords];
  for (const auto& [gi, si] : alignment.pairs) {
    const EvalWord& g = gold.words[static_cast<std::size_t>(gi)];
    const EvalWord& s = system.words[static_cast<std::size_t>(si)];
    ++words.correct;
    const auto tally = [&report](Metric m, bool correct) {
      Score& score = report[m];
      ++score.aligned;
      score.correct += correct;
    };
    tally(Metric::kUpos, g.upos == s.upos);
    tally(Metric::kXpos, g.xpos == s.xpos);
    tally(Metric::kUfeats, g.ufeats == s.ufeats);
    tally(Metric::kAllTags, Comparer::tags(g, s));
    tally(Metric::kLemmas, Comparer::lemma(g, s));
    tally(Metric::kUas, compare.head(g, s));
    const bool labeled = compare.labeled(g, s);
    tally(Metric::kLas, labeled);
    if (g.content) {  // whether the gold word counts decides, as in the shared task
      tally(Metric::kClas, labeled);
      tally(Metric::kMlas,
            labeled && g.upos == s.upos && g.ufeats == s.ufeats && compare.function_words(g, s));
      tally(Metric::kBlex, labeled && Comparer::lemma(g, s));
    }
  }
  return report;
}

// Up to 20 characters of `text` from byte `at`, for showing where texts differ.
std::string excerpt(const std::string& text, std::size_t at) {
  if (at >= text.size()) return "end of file";
  std::size_t end = at;
  for (int chars = 0; end < text.size() && chars < 20; ++chars) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  std::string out(1, '\'');
  out.append(text, at, end - at);
  out += '\'';
  return out;
}

// The token holding byte `at` (the last token when `at` is past the end).
std::size_t token_at(const EvalFile& file, std::size_t at) {
  const auto after = std::upper_bound(file.tokens.begin(), file.tokens.end(), at,
                                      [](std::size_t x, const CharSpan& t) { return x < t.begin; });
  return after == file.tokens.begin() ? 0
                                      : static_cast<std::size_t>(after - file.tokens.begin()) - 1;
}

void check_same_text(const EvalFile& gold, const EvalFile& system) {
  if (gold.characters == system.characters) return;
  const std::string& a = gold.characters;
  const std::string& b = system.characters;
  std::size_t at = static_cast<std::size_t>(
      std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin());
  // Both texts agree before `at`, so backing up to a character boundary
  // works for both.
  while (at > 0 && at < a.size() && (static_cast<unsigned char>(a[at]) & 0xC0) == 0x80) --at;
  const std::string gold_place = gold.tokens.empty() ? gold.name + ", which has no tokens"
                                                     : gold.token_place(token_at(gold, at));
  const std::string message = "the text of the tokens differs from the gold text (" + gold_place +
                              "): the system has " + excerpt(b, at) + " where the gold has " +
                              excerpt(a, at);
  if (system.tokens.empty()) fail_input(message, {system.name});
  const std::size_t t = token_at(system, at);
  fail_input(system.token_context(t) + message, system.token_location(t));
}

EvalReport evaluate_built(EvalFileBuilder& gold, EvalFileBuilder& system) {
  const EvalFile g = gold.finish();
  const EvalFile s = system.finish();
  check_same_text(g, s);
  return score(g, s);
}

// A read-only stream over a string, without copying it.
class StringBuffer : public std::streambuf {
 public:
  explicit StringBuffer(std::string& s) { setg(s.data(), s.data(), s.data() + s.size()); }
};

// Reads a CoNLL-U file sentence by sentence into `out`. The whole text is
// read first: its lines are needed for messages, and the reader does not
// give them.
void load(const std::string& path, StringIds& ids, std::optional<EvalFileBuilder>& out) {
  std::string text = read_file(path);
  out.emplace(path, ids, scan_lines(text));
  StringBuffer buffer(text);
  std::istream in(&buffer);
  ConlluReader reader(in, path);
  Sentence sentence;
  while (true) {
    const Result<bool> got = reader.next(sentence);
    if (!got.ok()) throw Error(got.status().code(), got.status().message(), got.status().where());
    if (!*got) break;
    out->add(sentence);
  }
}

}  // namespace
}  // namespace eval

Result<EvalReport> evaluate(const std::vector<Sentence>& gold,
                            const std::vector<Sentence>& system) {
  return guard_result<EvalReport>([&] {
    eval::StringIds ids;
    eval::EvalFileBuilder g("gold", ids), s("system", ids);
    for (const Sentence& sentence : gold) g.add(sentence);
    for (const Sentence& sentence : system) s.add(sentence);
    return eval::evaluate_built(g, s);
  });
}

Result<EvalReport> evaluate_files(const std::string& gold_path, const std::string& system_path) {
  if (gold_path == "-" && system_path == "-")
    return Status::error(ErrorCode::kUsage, "gold and system cannot both be standard input");
  return guard_result<EvalReport>([&] {
    eval::StringIds ids;
    std::optional<eval::EvalFileBuilder> gold, system;
    eval::load(gold_path, ids, gold);
    eval::load(system_path, ids, system);
    return eval::evaluate_built(*gold, *system);
  });
}

}  // namespace textgraph
