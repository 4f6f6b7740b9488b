#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "entities/work.h"

namespace textgraph::entities {

const char* type_of(ActorKind kind) {
  switch (kind) {
    case ActorKind::kCountry:
      return "COUNTRY";
    case ActorKind::kOrganisation:
      return "ORG";
    case ActorKind::kPlace:
      return "LOC";
  }
  return "";
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

namespace {

bool is_quote(std::string_view f) {
  return f == "\"" || f == "\xE2\x80\x9C" || f == "\xE2\x80\x9D" || f == "``" || f == "''";
}

bool plural_word(const Word& w) {
  if (w.feats.find("Number=Plur") != std::string::npos) return true;
  return w.xpos == "NNS" || w.xpos == "NNPS";
}

// Dictionary entries start with a capital (or are matched in headlines in
// capitals); looking up only such words keeps the stage cheap.
bool may_start_entry(std::string_view form) {
  if (form.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(form[0]);
  if (c >= 0x80) return true;
  if (std::isupper(c)) return true;
  return form.size() > 2 && form.compare(0, 2, "al") == 0 && (form[2] == '-' || form[2] == ' ');
}

std::string ner_type(std::string_view tag) {
  if (tag.size() < 3) return "";
  std::string_view t = tag.substr(2);
  if (t == "PER") return "PERSON";
  if (t == "ORG") return "ORG";
  if (t == "LOC") return "LOC";
  return std::string(t);
}

// Bytes of words [a, b] as written, else their forms joined by spaces.
std::string words_text(const Document& doc, const Sentence& s, int a, int b) {
  const Word& first = s.words[static_cast<std::size_t>(a)];
  const Word& last = s.words[static_cast<std::size_t>(b)];
  if (first.span.known() && last.span.known() && last.span.end <= doc.text.size() &&
      first.span.begin < last.span.end)
    return doc.text.substr(first.span.begin, last.span.end - first.span.begin);
  std::string out;
  for (int k = a; k <= b; ++k) {
    if (k > a) out += ' ';
    out += s.words[static_cast<std::size_t>(k)].form;
  }
  return out;
}

std::string join_forms(const SentenceView& v, int a, int b) {
  std::string out;
  for (int k = a; k <= b; ++k) {
    if (k > a) out += ' ';
    out += v.forms[static_cast<std::size_t>(k)];
  }
  return out;
}

struct Run {
  int a = 0, b = 0;  // 0-based, inclusive
  std::string ner;   // NER type of the run ("" without NER)
};

class SentenceMentions {
 public:
  SentenceMentions(Work& w, std::size_t index, const EntityOptions& options)
      : work_(w),
        index_(index),
        view_(w.sentences[index]),
        s_(*view_.sentence),
        options_(options),
        n_(static_cast<int>(s_.words.size())) {}

  void run() {
    match_dictionary();
    for (const Run& r : runs()) add_name(r);
    if (view_.parsed) {
      if (options_.groups) add_groups();
      add_descriptions_and_pronouns();
    }
    commit();
  }

 private:
  const Word& word(int i) const { return s_.words[static_cast<std::size_t>(i)]; }
  const std::string& form(int i) const { return view_.forms[static_cast<std::size_t>(i)]; }
  const std::vector<int>& kids(int i) const { return view_.children[static_cast<std::size_t>(i)]; }
  int head_of(int i) const { return word(i).head - 1; }  // -1 = root

  void match_dictionary() {
    dict_.assign(static_cast<std::size_t>(n_), std::nullopt);
    for (int i = 0; i < n_; ++i)
      if (may_start_entry(form(i)))
        dict_[static_cast<std::size_t>(i)] =
            work_.dictionary->match(view_.forms, static_cast<std::size_t>(i));
  }
  const std::optional<ActorMatch>& dict(int i) const { return dict_[static_cast<std::size_t>(i)]; }

  std::vector<Run> runs() const {
    std::vector<Run> out;
    std::vector<bool> used(static_cast<std::size_t>(n_), false);
    if (work_.has_ner) {
      for (int i = 0; i < n_; ++i) {
        const std::string& t = word(i).ner;
        if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I')) continue;
        Run r{i, i, ner_type(t)};
        while (r.b + 1 < n_) {
          const std::string& u = word(r.b + 1).ner;
          if (u.size() < 3 || u[0] != 'I' || u.compare(2, std::string::npos, t, 2) != 0) break;
          ++r.b;
        }
        out.push_back(r);
        for (int k = r.a; k <= r.b; ++k) used[static_cast<std::size_t>(k)] = true;
        i = r.b;
      }
    }
    // Without NER tags, or where the tagger saw no entity, proper nouns.
    {
      for (int i = 0; i < n_; ++i) {
        if (word(i).upos != "PROPN" || used[static_cast<std::size_t>(i)]) continue;
        Run r{i, i, ""};
        while (r.b + 1 < n_ && word(r.b + 1).upos == "PROPN" &&
               !used[static_cast<std::size_t>(r.b + 1)])
          ++r.b;
        // An entry that starts before the tagged run ("European" ADJ +
        // "Union", "White House", "Downing Street") takes it in.
        for (int k = std::max(0, i - 4); k < i; ++k)
          if (!used[static_cast<std::size_t>(k)] && dict(k) &&
              k + static_cast<int>(dict(k)->length) - 1 >= i) {
            r.a = k;
            break;
          }
        // A dictionary entry running past the tagged run ("Saudi" PROPN +
        // "Arabia") takes the whole entry.
        if (dict(i) && i + static_cast<int>(dict(i)->length) - 1 > r.b) {
          const int end = std::min(n_ - 1, i + static_cast<int>(dict(i)->length) - 1);
          bool free = true;
          for (int k = r.b + 1; k <= end; ++k) free = free && !used[static_cast<std::size_t>(k)];
          if (free) r.b = end;
        }
        out.push_back(r);
        for (int k = r.a; k <= r.b; ++k) used[static_cast<std::size_t>(k)] = true;
        i = r.b;
      }
    }
    // Dictionary names the tagger did not see as names ("the Kremlin" as a
    // NOUN, "Iranians"); adjectives ("Iranian leaders") are left to groups.
    for (int i = 0; i < n_; ++i) {
      if (used[static_cast<std::size_t>(i)] || !dict(i)) continue;
      const int b = i + static_cast<int>(dict(i)->length) - 1;
      if (b >= n_) continue;
      bool free = true;
      for (int k = i; k <= b; ++k) free = free && !used[static_cast<std::size_t>(k)];
      if (!free || word(b).upos == "ADJ" || word(b).upos == "DET") continue;
      out.push_back(Run{i, b, ""});
      i = b;
    }
    std::sort(out.begin(), out.end(), [](const Run& x, const Run& y) { return x.a < y.a; });
    return out;
  }

  // A word before a name that belongs to its title: "former", "Russian",
  // "U.S.", "President".
  bool title_before(int j, bool titles) const {
    if (titles && is_title_word(form(j))) return true;
    return dict(j) && dict(j)->length == 1 &&
           work_.dictionary->actor(dict(j)->actor).kind == ActorKind::kCountry;
  }

  void add_name(const Run& r) {
    // Titles belong to people: "Security Council" (an organisation by NER,
    // or by its last word) keeps "Security" in its name.
    const bool titles = r.ner.empty() ? !is_org_suffix(form(r.b)) && !is_place_suffix(form(r.b))
                                      : r.ner == "PERSON";
    int first = r.a;
    while (first > 0 && title_before(first - 1, titles)) --first;
    std::string affiliation;
    std::vector<std::string> title;
    Gender gender = Gender::kUnknown;
    int i = first;
    while (i <= r.b) {
      if (dict(i) && i + static_cast<int>(dict(i)->length) - 1 < r.b) {
        const Actor& a = work_.dictionary->actor(dict(i)->actor);
        if (affiliation.empty()) affiliation = a.name;
        const int len = static_cast<int>(dict(i)->length);
        title.push_back(join_forms(view_, i, i + len - 1));
        i += len;
        continue;
      }
      if (titles && i < r.b && is_title_word(form(i))) {
        if (gender == Gender::kUnknown) gender = title_gender(form(i));
        title.push_back(form(i));
        ++i;
        continue;
      }
      break;
    }
    if (!titles) title.clear();  // "the Turkish defence ministry": affiliation Turkey only
    if (i > r.b) return;
    if (i == r.b && is_title_word(form(i)) && !dict(i)) return;  // "President" alone
    if (i == r.b && is_calendar_word(form(i))) return;           // "on Tuesday"

    Mention m;
    MentionInfo info;
    m.sentence = index_;
    m.kind = MentionKind::kName;
    m.first = first + 1;
    m.last = r.b + 1;
    m.text = words_text(*work_.doc, s_, first, r.b);
    m.head = head_word(first, r.b) + 1;
    m.plural = plural_word(word(m.head - 1));
    if (dict(i) && i + static_cast<int>(dict(i)->length) - 1 == r.b) {
      const Actor& a = work_.dictionary->actor(dict(i)->actor);
      // Titles belong to people: "former U.S." is the United States.
      if (first < i) {
        first = i;
        m.first = first + 1;
        m.text = words_text(*work_.doc, s_, first, r.b);
      }
      title.clear();
      affiliation.clear();
      m.actor = a.name;
      m.type = type_of(a.kind);
      if (dict(i)->how == ActorMatch::How::kDemonym) m.role = lower(join_forms(view_, i, r.b));
      info.dictionary = true;
      if (dict(i)->how == ActorMatch::How::kMetonym && is_place(m.head - 1)) {
        // "visited Riyadh", "talks in Moscow": the place, not its government.
        m.actor = join_forms(view_, i, r.b);
        m.type = "LOC";
        m.affiliation = a.name;
      }
    } else {
      m.actor = join_forms(view_, i, r.b);
      for (std::size_t p; (p = m.actor.find(" - ")) != std::string::npos;)
        m.actor.replace(p, 3, "-");
      info.tokens = static_cast<std::size_t>(r.b - i + 1);
      info.first_name = form(i);
      info.last_name = form(r.b);
      if (info.tokens >= 2 && gender == Gender::kUnknown) gender = first_name_gender(form(i));
      if (!r.ner.empty())
        m.type = r.ner;
      else if (!title.empty() || (info.tokens >= 2 && gender != Gender::kUnknown))
        m.type = "PERSON";
      else if (is_org_suffix(form(r.b)))
        m.type = "ORG";
      else if (is_place_suffix(form(r.b)))
        m.type = "LOC";
      if (m.type == "PERSON") m.plural = false;
    }
    for (std::size_t k = 0; k < title.size(); ++k) m.title += (k ? " " : "") + title[k];
    m.affiliation = affiliation;
    info.gender = gender;
    fill_syntax(m, info);
    add(std::move(m), std::move(info), first, r.b);
  }

  // A metonym used as a place: an oblique or modifier with a locative
  // preposition, or the object of a verb of motion.
  bool is_place(int h) const {
    if (!view_.parsed) return false;
    const std::string& rel = word(h).deprel;
    const int up = head_of(h);
    if (rel == "obj" && up >= 0) return is_motion_verb(word(up).lemma);
    if (rel.rfind("obl", 0) == 0 || rel.rfind("nmod", 0) == 0 || rel == "advmod")
      for (int c : kids(h))
        if (word(c).deprel == "case") {
          const std::string p = lower(form(c));
          if (p == "in" || p == "at" || p == "to" || p == "from" || p == "near" || p == "into" ||
              p == "across" || p == "outside" || p == "inside" || p == "around")
            return true;
        }
    return false;
  }

  // The word of [a, b] whose head lies outside it (the last one without a parse).
  int head_word(int a, int b) const {
    if (!view_.parsed) return b;
    for (int k = b; k >= a; --k) {
      const int h = head_of(k);
      if (h < a || h > b) return k;
    }
    return b;
  }

  void fill_syntax(const Mention& m, MentionInfo& info) const {
    if (!view_.parsed) return;
    const int h = m.head - 1;
    const std::string& rel = word(h).deprel;
    info.subject = rel.rfind("nsubj", 0) == 0;
    info.predicate = head_of(h);
    info.candidate = rel != "compound" && rel != "amod" && rel != "flat" && rel != "fixed";
    info.coordinated = rel == "conj";
    for (int c : kids(h)) info.coordinated = info.coordinated || word(c).deprel == "conj";
    if (info.subject && !view_.in_quote[static_cast<std::size_t>(h)] && info.predicate >= 0 &&
        is_speech_verb(word(info.predicate).lemma))
      info.speaker = true;
  }

  // The country or organisation a modifier stands for: "Iranian", "U.S."
  // (a dictionary name run already found), "Russia's".
  std::optional<std::size_t> actor_of_modifier(int c) const {
    if (dict(c) && static_cast<int>(dict(c)->length) + c - 1 < n_) {
      const std::size_t a = dict(c)->actor;
      if (work_.dictionary->actor(a).kind != ActorKind::kPlace) return a;
    }
    // "United States": the run's head is the modifier, the entry starts earlier.
    for (int k = c - 1; k >= 0 && k >= c - 4; --k)
      if (dict(k) && k + static_cast<int>(dict(k)->length) - 1 == c) {
        const std::size_t a = dict(k)->actor;
        if (work_.dictionary->actor(a).kind != ActorKind::kPlace) return a;
      }
    return std::nullopt;
  }

  bool taken(int i) const {
    for (const Pending& p : pending_)
      if (i >= p.a && i <= p.b) return true;
    return false;
  }

  void add_groups() {
    for (int w = 0; w < n_; ++w) {
      if (word(w).upos != "NOUN" || taken(w)) continue;
      const std::string lemma = lower(word(w).lemma.empty() ? form(w) : word(w).lemma);
      const bool state = is_state_noun(lemma);
      // "the Russian leader" is a person: a description, not the state.
      if (lemma == "leader" && !plural_word(word(w))) continue;
      if (!state && !is_representative_noun(lemma)) continue;
      int first = w;
      std::optional<std::size_t> actor;
      for (int c : kids(w)) {
        const std::string& rel = word(c).deprel;
        const bool before = c < w && (rel == "amod" || rel == "compound" || rel == "nmod:poss");
        const bool of_after = c > w && state && (rel == "nmod" || rel == "nmod:of");
        if (!before && !of_after) continue;
        if (auto a = actor_of_modifier(c)) {
          actor = a;
          if (c < w) first = std::min(first, leftmost(c));
          break;
        }
      }
      if (!actor) continue;
      const Actor& a = work_.dictionary->actor(*actor);
      Mention m;
      MentionInfo info;
      m.sentence = index_;
      m.kind = MentionKind::kGroup;
      m.head = w + 1;
      m.first = first + 1;
      m.last = w + 1;
      m.text = words_text(*work_.doc, s_, first, w);
      m.role = lower(form(w));
      m.affiliation = a.name;
      m.plural = plural_word(word(w));
      if (state) {
        m.actor = a.name;
        m.type = type_of(a.kind);
      } else {
        m.actor = a.name + " " + m.role;
      }
      fill_syntax(m, info);
      add(std::move(m), std::move(info), w, w);
    }
  }

  int leftmost(int c) const {
    int l = c;
    for (int k : kids(c))
      if (k < l) l = std::min(l, leftmost(k));
    return l;
  }

  bool pleonastic(int i) const {
    const std::string& rel = word(i).deprel;
    if (rel == "expl") return true;
    const int h = head_of(i);
    if (h < 0) return false;
    const std::string& hl = word(h).lemma;
    const auto has_clause = [&](int x) {
      for (int c : kids(x)) {
        const std::string& r = word(c).deprel;
        if (r == "ccomp" || r.rfind("csubj", 0) == 0) return true;
        if (r == "xcomp" || r == "acl" || r == "advcl")
          for (int g : kids(c))
            if (word(g).deprel == "mark" &&
                (lower(form(g)) == "to" || lower(form(g)) == "that" || lower(form(g)) == "whether"))
              return true;
      }
      return false;
    };
    if (rel.rfind("nsubj", 0) == 0) {
      if (is_weather_verb(hl)) return true;
      if (has_clause(h) &&
          (is_raising_verb(hl) || word(h).upos == "ADJ" || word(h).upos == "NOUN" || hl == "be"))
        return true;
      for (int c : kids(h))
        if (word(c).deprel == "xcomp" && word(c).upos == "ADJ" && has_clause(c)) return true;
    }
    if (rel == "obj")
      for (int c : kids(h))
        if (word(c).deprel == "xcomp" && word(c).upos == "ADJ" && has_clause(c)) return true;
    return false;
  }

  void add_descriptions_and_pronouns() {
    for (int w = 0; w < n_; ++w) {
      if (taken(w)) continue;
      const Word& wd = word(w);
      if (wd.upos == "PRON") {
        const PronounInfo p = pronoun_info(lower(form(w)));
        if (!p.known) continue;
        Mention m;
        MentionInfo info;
        m.sentence = index_;
        m.kind = MentionKind::kPronoun;
        m.head = m.first = m.last = w + 1;
        m.text = form(w);
        m.plural = p.plural;
        info.gender = p.gender;
        info.pleonastic = p.neuter && !p.possessive && !p.reflexive && pleonastic(w);
        fill_syntax(m, info);
        info.candidate = !info.pleonastic;
        add(std::move(m), std::move(info), w, w);
        continue;
      }
      if (wd.upos != "NOUN") continue;
      const std::string lemma = lower(wd.lemma.empty() ? form(w) : wd.lemma);
      bool the = false, other = false;
      int first = w;
      std::string demonym;
      for (int c : kids(w)) {
        const std::string& rel = word(c).deprel;
        if (c > w) continue;
        if (rel == "det") {
          the = the || lower(form(c)) == "the";
          first = std::min(first, c);
        } else if (rel == "amod") {
          if (auto a = actor_of_modifier(c)) demonym = work_.dictionary->actor(*a).name;
          first = std::min(first, leftmost(c));
        } else if (rel != "punct") {
          other = true;
        }
      }
      const Describes d = description_of(lemma);
      Mention m;
      MentionInfo info;
      m.sentence = index_;
      m.head = w + 1;
      m.plural = plural_word(wd);
      if (the && !other && d != Describes::kNothing && !m.plural) {
        m.kind = MentionKind::kDescription;
        m.first = first + 1;
        m.last = w + 1;
        m.text = words_text(*work_.doc, s_, first, w);
        info.demonym_of = demonym;
        info.describes = static_cast<int>(d);
        fill_syntax(m, info);
        info.candidate = false;  // takes part once resolved (see coreference)
        add(std::move(m), std::move(info), w, w);
        continue;
      }
      // Plain noun phrases in argument positions compete as antecedents so
      // that "The agreement ... it" does not reach past them.
      const std::string& rel = wd.deprel;
      if (rel.rfind("nsubj", 0) == 0 || rel == "obj" || rel == "obl") {
        m.kind = MentionKind::kGroup;
        m.first = m.last = w + 1;
        m.text = form(w);
        info.common = true;
        fill_syntax(m, info);
        add(std::move(m), std::move(info), w, w);
      }
    }
  }

  struct Pending {
    Mention m;
    MentionInfo info;
    int a, b;  // words it covers for argument lookup
  };
  void add(Mention m, MentionInfo info, int a, int b) {
    pending_.push_back(Pending{std::move(m), std::move(info), a, b});
  }

  void commit() {
    std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& x, const Pending& y) {
      return x.m.first != y.m.first ? x.m.first < y.m.first : x.m.head < y.m.head;
    });
    for (Pending& p : pending_) {
      const int index = static_cast<int>(work_.mentions.size());
      for (int k = p.a; k <= p.b; ++k) view_.mention_of[static_cast<std::size_t>(k)] = index;
      work_.mentions.push_back(std::move(p.m));
      work_.info.push_back(std::move(p.info));
    }
  }

  Work& work_;
  std::size_t index_;
  SentenceView& view_;
  const Sentence& s_;
  const EntityOptions& options_;
  int n_;
  std::vector<std::optional<ActorMatch>> dict_;
  std::vector<Pending> pending_;
};

}  // namespace

void prepare(Work& work) {
  const Document& doc = *work.doc;
  work.sentences.resize(doc.sentences.size());
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    SentenceView& v = work.sentences[si];
    v.sentence = &s;
    const std::size_t n = s.words.size();
    v.forms.resize(n);
    v.children.assign(n, {});
    v.mention_of.assign(n, -1);
    v.in_quote.assign(n, false);
    v.parsed = n > 0;
    bool quoted = false;
    for (std::size_t i = 0; i < n; ++i) {
      const Word& w = s.words[i];
      v.forms[i] = w.form;
      if (!w.ner.empty() && w.ner != "O") work.has_ner = true;
      if (w.head < 0 || w.head > static_cast<int>(n)) v.parsed = false;
      if (is_quote(w.form)) {
        if (w.form == "\xE2\x80\x9C" || w.form == "``")
          quoted = true;
        else if (w.form == "\xE2\x80\x9D" || w.form == "''")
          quoted = false;
        else
          quoted = !quoted;
        continue;
      }
      v.in_quote[i] = quoted;
    }
    if (v.parsed)
      for (std::size_t i = 0; i < n; ++i)
        if (s.words[i].head > 0)
          v.children[static_cast<std::size_t>(s.words[i].head - 1)].push_back(static_cast<int>(i));
  }
}

void find_mentions(Work& work, const EntityOptions& options) {
  for (std::size_t si = 0; si < work.sentences.size(); ++si)
    SentenceMentions(work, si, options).run();
}

void link_names(Work& work) {
  // Full person names (two words or more) by their last word, in order.
  std::map<std::string, std::vector<std::size_t>> by_last;
  for (std::size_t i = 0; i < work.mentions.size(); ++i) {
    const Mention& m = work.mentions[i];
    const MentionInfo& info = work.info[i];
    if (m.kind != MentionKind::kName || info.dictionary || info.tokens < 2) continue;
    if (!m.type.empty() && m.type != "PERSON") continue;
    by_last[info.last_name].push_back(i);
  }
  for (std::size_t i = 0; i < work.mentions.size(); ++i) {
    Mention& m = work.mentions[i];
    MentionInfo& info = work.info[i];
    if (m.kind != MentionKind::kName || info.dictionary || info.tokens != 1) continue;
    if (!m.type.empty() && m.type != "PERSON") continue;
    auto it = by_last.find(info.last_name);
    std::optional<std::size_t> pick;
    if (it != by_last.end()) {
      for (std::size_t j : it->second)
        if (j < i) pick = j;  // the most recent earlier full name
      if (!pick) {
        bool one = true;
        for (std::size_t j : it->second)
          one = one && work.mentions[j].actor == work.mentions[it->second[0]].actor;
        if (one) pick = it->second[0];
      }
    }
    if (pick) {
      const Mention& full = work.mentions[*pick];
      m.actor = full.actor;
      if (m.type.empty()) m.type = full.type;
      if (info.gender == Gender::kUnknown) info.gender = work.info[*pick].gender;
    } else {
      m.partial = true;
    }
  }
}

void settle_types(Work& work) {
  std::map<std::string, std::string> type;
  std::map<std::string, Gender> gender;
  for (std::size_t i = 0; i < work.mentions.size(); ++i) {
    const Mention& m = work.mentions[i];
    if (m.actor.empty() || work.info[i].common) continue;
    if (!m.type.empty()) type.emplace(m.actor, m.type);
    // "he" or "she" resolved to a name of unknown type: a person.
    if (m.kind == MentionKind::kPronoun && work.info[i].gender != Gender::kUnknown)
      type.emplace(m.actor, "PERSON");
  }
  for (Mention& m : work.mentions)
    if (m.type.empty() && !m.actor.empty())
      if (auto it = type.find(m.actor); it != type.end()) m.type = it->second;
  (void)gender;
}

}  // namespace textgraph::entities
