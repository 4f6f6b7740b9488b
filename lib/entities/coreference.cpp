#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "entities/work.h"

namespace textgraph::entities {

namespace {

// What an antecedent offers once pronouns and descriptions are followed.
struct Referent {
  bool ok = false;
  bool common = false;  // a plain noun phrase (no actor)
  std::string type;
  Gender gender = Gender::kUnknown;
  bool plural = false;
  bool name = false;  // a proper name, a group or something resolved to one
};

Referent referent(const Work& work, std::size_t j) {
  const Mention& m = work.mentions[j];
  const MentionInfo& info = work.info[j];
  Referent r;
  if (!info.candidate) return r;
  if (info.common) {
    r.ok = true;
    r.common = true;
    r.plural = m.plural;
    return r;
  }
  if (m.actor.empty()) return r;  // an unresolved pronoun or description
  r.ok = true;
  r.type = m.type;
  r.gender = info.gender;
  r.plural = m.plural;
  r.name = true;
  return r;
}

bool is_leader_title(const std::string& title) {
  static const char* const words[] = {"president", "prime",  "chancellor", "premier", "king",
                                      "queen",     "leader", "emir",       "sheikh",  "sultan",
                                      "ayatollah", "pope",   "prince"};
  const std::string t = lower(title);
  for (const char* w : words)
    if (t.find(w) != std::string::npos) return true;
  return false;
}

bool title_has(const std::string& title, const std::string& noun) {
  std::istringstream in(lower(title));
  for (std::string w; in >> w;)
    if (w == noun) return true;
  return false;
}

void resolve_pronoun(Work& work, std::size_t i, const EntityOptions& options) {
  Mention& p = work.mentions[i];
  MentionInfo& pi = work.info[i];
  if (pi.pleonastic) return;
  const PronounInfo pron = pronoun_info(lower(p.text));
  const SentenceView& view = work.sentences[p.sentence];
  const bool quoted = view.in_quote[static_cast<std::size_t>(p.head - 1)];
  double best_score = -1e9;
  std::optional<std::size_t> best;
  bool best_common = false;
  for (std::size_t j = i; j-- > 0;) {
    const Mention& m = work.mentions[j];
    if (p.sentence - m.sentence > options.pronoun_window) break;
    Referent r = referent(work, j);
    if (!r.ok) continue;
    const MentionInfo& mi = work.info[j];
    // "Moscow and Washington ... their": the pair, which no single actor is.
    if (pron.plural && mi.coordinated && !r.plural) {
      r.plural = true;
      r.common = true;
      r.name = false;
    }
    double score = -2.5 * static_cast<double>(p.sentence - m.sentence);
    if (pron.plural) {
      if (r.type == "PERSON" && !r.plural) continue;
      if (!r.plural && r.type != "ORG" && r.type != "COUNTRY") continue;
      if (!r.plural && r.type == "COUNTRY") score -= 1.5;
    } else if (pron.neuter) {
      if (r.plural || r.type == "PERSON" || r.gender != Gender::kUnknown) continue;
      // "U.S. envoys", "Brazil's president": people, not "it".
      if (m.kind == MentionKind::kGroup && !r.common && r.type.empty()) continue;
      if (r.name && r.type.empty()) score -= 1.0;
    } else {
      if (r.plural || r.common) continue;
      if (!r.type.empty() && r.type != "PERSON") continue;
      if (r.gender != Gender::kUnknown && r.gender != pron.gender) continue;
      if (m.kind == MentionKind::kGroup) continue;
    }
    if (m.sentence == p.sentence) {
      const bool coargument = mi.predicate >= 0 && mi.predicate == pi.predicate;
      if (coargument && !pron.possessive && !pron.reflexive) continue;
      if (pron.reflexive && coargument && mi.subject) score += 4;
      if (quoted && mi.speaker) continue;
      if (!quoted && view.in_quote[static_cast<std::size_t>(m.head - 1)]) score -= 2;
    }
    if (mi.subject) score += 2;
    if (r.name) score += 3;
    if (m.kind == MentionKind::kPronoun) score += 0.5;
    // Recency within a sentence breaks ties.
    score -= 0.001 * static_cast<double>(p.sentence == m.sentence ? p.head - m.head : 0);
    if (score > best_score) {
      best_score = score;
      best = j;
      best_common = r.common;
    }
  }
  if (!best) return;
  const Mention& a = work.mentions[*best];
  if (best_common) return;  // it stands for a plain noun phrase or a pair: no actor
  p.actor = a.actor;
  p.type = a.type;
  p.antecedent = static_cast<int>(*best);
  if (pi.gender == Gender::kUnknown) pi.gender = work.info[*best].gender;
}

void resolve_description(Work& work, std::size_t i,
                         const std::map<std::string, std::vector<std::size_t>>& named) {
  Mention& d = work.mentions[i];
  MentionInfo& di = work.info[i];
  const auto what = static_cast<Describes>(di.describes);
  const std::string noun =
      lower(work.sentences[d.sentence].forms[static_cast<std::size_t>(d.head - 1)]);
  for (std::size_t j = i; j-- > 0;) {
    const Mention& m = work.mentions[j];
    if (m.actor.empty() || work.info[j].common) continue;
    if (what == Describes::kCountry || what == Describes::kOrganisation) {
      if (d.sentence - m.sentence > 5) break;
      if (m.type != (what == Describes::kCountry ? "COUNTRY" : "ORG")) continue;
      if (m.kind == MentionKind::kGroup && m.type.empty()) continue;
    } else {
      if (m.type != "PERSON") continue;
      // Titles and affiliations of the actor anywhere earlier in the document.
      bool fits = false;
      auto it = named.find(m.actor);
      if (it == named.end()) continue;
      for (std::size_t k : it->second) {
        if (k >= i) break;
        const Mention& n = work.mentions[k];
        if (!di.demonym_of.empty() && n.affiliation != di.demonym_of) continue;
        if (what == Describes::kLeader ? is_leader_title(n.title) : title_has(n.title, noun))
          fits = true;
      }
      if (!fits) continue;
    }
    d.actor = m.actor;
    d.type = m.type;
    d.antecedent = static_cast<int>(j);
    di.gender = work.info[j].gender;
    di.candidate = true;
    return;
  }
  // "the Iranian leader" with no named leader before: the state itself.
  if (what == Describes::kLeader && !di.demonym_of.empty()) {
    d.actor = di.demonym_of;
    d.type = "COUNTRY";
    d.affiliation = di.demonym_of;
  }
}

}  // namespace

void resolve_coreference(Work& work, const EntityOptions& options) {
  std::map<std::string, std::vector<std::size_t>> named;  // actor → its name mentions
  for (std::size_t i = 0; i < work.mentions.size(); ++i)
    if (work.mentions[i].kind == MentionKind::kName && !work.mentions[i].actor.empty())
      named[work.mentions[i].actor].push_back(i);
  for (std::size_t i = 0; i < work.mentions.size(); ++i) {
    const MentionKind k = work.mentions[i].kind;
    if (k == MentionKind::kPronoun)
      resolve_pronoun(work, i, options);
    else if (k == MentionKind::kDescription)
      resolve_description(work, i, named);
  }
}

}  // namespace textgraph::entities
