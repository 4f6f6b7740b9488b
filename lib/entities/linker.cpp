#include <algorithm>
#include <map>
#include <set>

#include "textgraph/entities.h"

namespace textgraph {

namespace {

std::string last_word(const std::string& name) {
  const std::size_t sp = name.rfind(' ');
  return sp == std::string::npos ? name : name.substr(sp + 1);
}

struct Record {
  ActorRecord record;
  std::map<std::string, std::size_t> type_counts;
};

}  // namespace

struct ActorLinker::Impl {
  std::size_t observed = 0;  // chunks observed
  std::size_t linked = 0;    // chunks linked
  // surname → distinct full names of the corpus, in order of first sight
  std::map<std::string, std::vector<std::string>> corpus;
  // document → surname → (chunk number, full name), in chunk order
  std::map<std::string, std::map<std::string, std::vector<std::pair<std::size_t, std::string>>>>
      documents;
  std::vector<Record> table;
  std::map<std::string, std::size_t> index;

  Record& record(const std::string& actor) {
    auto [it, fresh] = index.emplace(actor, table.size());
    if (fresh) {
      table.emplace_back();
      table.back().record.actor = actor;
    }
    return table[it->second];
  }

  std::string link_name(const std::string& document, const std::string& name,
                        std::size_t chunk) const {
    if (auto d = documents.find(document); d != documents.end())
      if (auto s = d->second.find(name); s != d->second.end() && !s->second.empty()) {
        const std::string* pick = nullptr;
        for (const auto& [c, full] : s->second)
          if (c < chunk) pick = &full;
        if (!pick) pick = &s->second.front().second;
        return *pick;
      }
    if (auto c = corpus.find(name); c != corpus.end() && c->second.size() == 1)
      return c->second.front();
    return name;
  }
};

ActorLinker::ActorLinker() : impl_(std::make_unique<Impl>()) {}
ActorLinker::~ActorLinker() = default;
ActorLinker::ActorLinker(ActorLinker&&) noexcept = default;
ActorLinker& ActorLinker::operator=(ActorLinker&&) noexcept = default;

void ActorLinker::observe(const DocumentEntities& entities) {
  const std::size_t chunk = impl_->observed++;
  for (const std::string& full : entities.full_names) {
    const std::string last = last_word(full);
    std::vector<std::string>& names = impl_->corpus[last];
    if (std::find(names.begin(), names.end(), full) == names.end()) names.push_back(full);
    impl_->documents[entities.document][last].emplace_back(chunk, full);
  }
}

void ActorLinker::link(const DocumentEntities& entities, std::vector<Triple>& triples) {
  if (impl_->linked >= impl_->observed) observe(entities);
  const std::size_t chunk = impl_->linked++;
  std::set<std::string> open;
  for (const Mention& m : entities.mentions)
    if (m.partial) open.insert(m.actor);
  std::map<std::string, std::string> to;
  for (const std::string& name : open) {
    const std::string full = impl_->link_name(entities.document, name, chunk);
    if (full != name) to[name] = full;
  }
  const auto tally = [&](Argument& a) {
    if (a.actor.empty()) return;
    if (auto it = to.find(a.actor); it != to.end()) {
      a.actor = it->second;
      a.type = "PERSON";
    }
    Record& r = impl_->record(a.actor);
    ++r.record.mentions;
    auto& aliases = r.record.aliases;
    auto al = std::find_if(aliases.begin(), aliases.end(),
                           [&](const auto& p) { return p.first == a.text; });
    if (al == aliases.end())
      aliases.emplace_back(a.text, 1);
    else
      ++al->second;
    if (!a.type.empty()) ++r.type_counts[a.type];
  };
  for (Triple& t : triples) {
    tally(t.subject);
    tally(t.object);
    for (Argument& e : t.extra) tally(e);
  }
  // Attributes from the chunk's mentions of actors the triples name.
  for (const Mention& m : entities.mentions) {
    if (m.actor.empty()) continue;
    std::string actor = m.actor;
    if (auto it = to.find(actor); it != to.end()) actor = it->second;
    auto ix = impl_->index.find(actor);
    if (ix == impl_->index.end()) continue;
    auto& attrs = impl_->table[ix->second].record.attributes;
    const auto add = [&](const char* key, const std::string& value) {
      if (value.empty()) return;
      std::pair<std::string, std::string> kv{key, value};
      if (std::find(attrs.begin(), attrs.end(), kv) == attrs.end()) attrs.push_back(std::move(kv));
    };
    add("title", m.title);
    if (m.affiliation != actor) add("affiliation", m.affiliation);
    if (m.kind == MentionKind::kGroup || m.kind == MentionKind::kName) add("role", m.role);
  }
}

std::vector<ActorRecord> ActorLinker::table() const {
  std::vector<ActorRecord> out;
  out.reserve(impl_->table.size());
  for (const Record& r : impl_->table) {
    ActorRecord a = r.record;
    std::size_t best = 0;
    for (const auto& [type, n] : r.type_counts)
      if (n > best) {
        best = n;
        a.type = type;
      }
    out.push_back(std::move(a));
  }
  return out;
}

std::string actor_table_tsv(const std::vector<ActorRecord>& table) {
  const auto field = [](std::string& out, const std::string& text) {
    for (char c : text) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  };
  std::string out = "actor\ttype\tmentions\taliases\tattributes\n";
  for (const ActorRecord& a : table) {
    field(out, a.actor);
    out += '\t';
    field(out, a.type);
    out += '\t' + std::to_string(a.mentions) + '\t';
    for (std::size_t i = 0; i < a.aliases.size(); ++i) {
      if (i) out += " | ";
      field(out, a.aliases[i].first);
      out += " (" + std::to_string(a.aliases[i].second) + ")";
    }
    out += '\t';
    for (std::size_t i = 0; i < a.attributes.size(); ++i) {
      if (i) out += " | ";
      field(out, a.attributes[i].first + "=" + a.attributes[i].second);
    }
    out += '\n';
  }
  return out;
}

}  // namespace textgraph
