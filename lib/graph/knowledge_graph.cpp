#include <algorithm>

#include "core/error.h"
#include "formats/triple_codec.h"
#include "graph/graph_impl.h"

namespace textgraph {

namespace {

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos;
}

// Most frequent entry; ties go to the earliest. nullopt for an empty list.
std::optional<std::uint32_t> most_frequent(const TallyList& list) {
  const TallyRec* best = nullptr;
  for (const TallyRec& t : list)
    if (!best || t.count > best->count) best = &t;
  if (!best) return std::nullopt;
  return best->text;
}

}  // namespace

// ── Impl ────────────────────────────────────────────────────────────────────

std::uint32_t KnowledgeGraph::Impl::node_for_key(std::uint32_t key) {
  if (key >= node_of.size()) node_of.resize(std::max<std::size_t>(pool.size(), key + 1), kNoNode);
  if (node_of[key] != kNoNode) return node_of[key];
  const auto v = static_cast<std::uint32_t>(boost::add_vertex(g));
  if (v == kNoNode) fail(ErrorCode::kInternal, "graph too large");
  g[v].id = key;
  node_of[key] = v;
  return v;
}

std::optional<std::uint32_t> KnowledgeGraph::Impl::find_node(std::string_view key) const {
  const std::optional<std::uint32_t> id = pool.find(key);
  if (!id || *id >= node_of.size() || node_of[*id] == kNoNode) return std::nullopt;
  return node_of[*id];
}

std::uint32_t KnowledgeGraph::Impl::edge_for(std::uint32_t source, std::uint32_t target,
                                             std::uint32_t relation, Polarity polarity) {
  if (relation >= (1u << 31)) fail(ErrorCode::kInternal, "graph too large (too many strings)");
  const EdgeTable::Key key{source, target, relation << 1 | (polarity == Polarity::kNegative)};
  if (auto e = edge_index.find(key)) return *e;
  const auto index = static_cast<std::uint32_t>(edges.size());
  if (index == UINT32_MAX) fail(ErrorCode::kInternal, "graph too large (more than 4e9 edges)");
  EdgeRec& rec = edges.emplace_back();
  rec.source = source;
  rec.target = target;
  rec.relation = relation;
  rec.polarity = polarity;
  boost::add_edge(source, target, EdgeLink{index}, g);
  edge_index.insert(key, index);
  return index;
}

void KnowledgeGraph::Impl::add_observation(std::uint32_t edge, const ObsRec& obs) {
  EdgeRec& e = edges[edge];
  e.keep *= 1.0 - obs.confidence;
  if (e.count == 0) {
    e.first = obs;
    e.first.next = kNoObs;
  } else {
    const auto at = static_cast<std::uint32_t>(more_obs.size());
    if (at == kNoObs) fail(ErrorCode::kInternal, "graph too large (more than 4e9 observations)");
    ObsRec& added = more_obs.emplace_back(obs);
    added.next = kNoObs;
    (e.count == 1 ? e.first : more_obs[e.last]).next = at;
    e.last = at;
  }
  if (e.count == UINT32_MAX)
    fail(ErrorCode::kInternal, "edge too large (more than 4e9 observations)");
  ++e.count;
  ++observations;
}

std::uint64_t KnowledgeGraph::Impl::store_spans(const Span* first, std::size_t n) {
  const std::uint64_t at = spans.size();
  spans.insert(spans.end(), first, first + n);
  return at;
}

void KnowledgeGraph::Impl::tally(TallyList& list, std::uint32_t text, std::uint64_t count) {
  for (TallyRec& t : list)
    if (t.text == text) {
      t.count += count;
      return;
    }
  list.push_back({text, count});
}

void KnowledgeGraph::Impl::make_obs(const Triple& t, const std::uint32_t* likely, ObsRec& o) {
  const auto text_id = [&](const std::string& text, int k) {
    if (likely && likely[k] != kNoNode && pool.get(likely[k]) == text) return likely[k];
    return pool.intern(text);
  };
  auto arg = [&](const Argument& a, ArgRec& r, int k) {
    r.text = text_id(a.text, k);
    r.type = pool.intern(a.type);
    r.actor = pool.intern(a.actor);
    r.title = pool.intern(a.title);
    r.affiliation = pool.intern(a.affiliation);
    r.role = pool.intern(a.role);
  };
  arg(t.subject, o.subject, 0);
  arg(t.object, o.object, 2);
  o.rel_text = text_id(t.relation.text, 1);
  o.rel_lemma = pool.intern(t.relation.lemma);
  fill_obs(t, o);
}

void KnowledgeGraph::Impl::fill_obs(const Triple& t, ObsRec& o) {
  o.subject.span_count = static_cast<std::uint32_t>(t.subject.spans.size());
  o.object.span_count = static_cast<std::uint32_t>(t.object.spans.size());
  o.rel_span_count = static_cast<std::uint32_t>(t.relation.spans.size());
  o.modality = pool.intern(t.modality);
  o.source = pool.intern(t.attribution.source);
  o.verb = pool.intern(t.attribution.verb);
  o.document = pool.intern(t.provenance.document);
  o.sentence_text = pool.intern(t.provenance.text);
  o.sentence = t.provenance.sentence;
  o.confidence = t.confidence;
  o.spans = spans.size();
  spans.insert(spans.end(), t.subject.spans.begin(), t.subject.spans.end());
  spans.insert(spans.end(), t.relation.spans.begin(), t.relation.spans.end());
  spans.insert(spans.end(), t.object.spans.begin(), t.object.spans.end());
  o.extra = kNoObs;
  if (!t.extra.empty()) {
    if (extras.size() >= kNoObs) fail(ErrorCode::kInternal, "graph too large (extra arguments)");
    o.extra = static_cast<std::uint32_t>(extras.size());
    extras.push_back(t.extra);
  }
}

void KnowledgeGraph::Impl::fill_triple(const EdgeRec& e, const ObsRec& o, Triple& t) const {
  const Span* sp = spans_of(o);
  auto arg = [&](const ArgRec& r, Argument& a, std::size_t& at) {
    a.text.assign(str(r.text));
    a.type.assign(str(r.type));
    a.actor.assign(str(r.actor));
    a.title.assign(str(r.title));
    a.affiliation.assign(str(r.affiliation));
    a.role.assign(str(r.role));
    a.spans.assign(sp + at, sp + at + r.span_count);
    at += r.span_count;
  };
  std::size_t at = 0;
  arg(o.subject, t.subject, at);
  t.relation.text.assign(str(o.rel_text));
  t.relation.lemma.assign(str(o.rel_lemma));
  t.relation.spans.assign(sp + at, sp + at + o.rel_span_count);
  at += o.rel_span_count;
  arg(o.object, t.object, at);
  if (o.extra != kNoObs)
    t.extra = extras[o.extra];
  else
    t.extra.clear();
  t.polarity = e.polarity;
  t.modality.assign(str(o.modality));
  t.attribution.source.assign(str(o.source));
  t.attribution.verb.assign(str(o.verb));
  t.confidence = o.confidence;
  t.provenance.document.assign(str(o.document));
  t.provenance.sentence = static_cast<std::size_t>(o.sentence);
  t.provenance.text.assign(str(o.sentence_text));
}

namespace {

// Grows a pool-indexed cache to cover id.
void cover(std::vector<std::uint32_t>& cache, std::uint32_t id, std::size_t pool_size) {
  if (id >= cache.size()) cache.resize(std::max<std::size_t>(pool_size, id + 1), kNoNode);
}

}  // namespace

std::uint32_t KnowledgeGraph::Impl::vertex_for(const Argument& a, ArgRec& ids,
                                               const std::uint64_t* name_hash) {
  const bool by_actor = !blank(a.actor);
  std::uint32_t* text =
      name_hash && !by_actor ? pool.intern_record(a.text, *name_hash) : pool.intern_record(a.text);
  std::uint32_t* actor =
      name_hash && by_actor ? pool.intern_record(a.actor, *name_hash) : pool.intern_record(a.actor);
  ids.text = *text;
  ids.actor = *actor;
  ids.type = pool.intern(a.type);
  ids.title = pool.intern(a.title);
  ids.affiliation = pool.intern(a.affiliation);
  ids.role = pool.intern(a.role);
  std::uint32_t& cached = StringPool::aux_of_record(by_actor ? actor : text);
  if (cached == kNoNode) cached = node_for_key(pool.intern(node_key(by_actor ? a.actor : a.text)));
  const std::uint32_t v = cached;
  NodeRec& n = g[v];
  ++n.mentions;
  if (ids.text) tally(n.aliases, ids.text, 1);
  if (by_actor) tally(n.actors, ids.actor, 1);
  if (ids.type) tally(n.types, ids.type, 1);
  if (ids.title) tally(n.titles, ids.title, 1);
  if (ids.affiliation) tally(n.affiliations, ids.affiliation, 1);
  if (ids.role) tally(n.roles, ids.role, 1);
  return v;
}

void KnowledgeGraph::Impl::add_triple(const Triple& t, const std::uint64_t* name_hash) {
  ObsRec o;
  const std::uint32_t s = vertex_for(t.subject, o.subject, name_hash);
  const std::uint32_t d = vertex_for(t.object, o.object, name_hash ? name_hash + 1 : nullptr);
  o.rel_text = pool.intern(t.relation.text);
  o.rel_lemma = pool.intern(t.relation.lemma);
  const bool by_lemma = !blank(t.relation.lemma);
  const std::uint32_t name = by_lemma ? o.rel_lemma : o.rel_text;
  cover(relation_of_name, name, pool.size());
  std::uint32_t relation = relation_of_name[name];
  if (relation == kNoNode) {
    relation = pool.intern(node_key(by_lemma ? t.relation.lemma : t.relation.text));
    cover(relation_of_name, name, pool.size());
    relation_of_name[name] = relation;
  }
  fill_obs(t, o);
  add_observation(edge_for(s, d, relation, t.polarity), o);
}

// Adding a triple is a chain of dependent cache misses: a name's index slot,
// its string record (whose aux value is the node), the node record and its
// edge lists, the edge index slot. One triple at a time, each miss waits for
// the one before (bench/README.md). Here a group of triples walks the chain
// stage by stage, prefetching each level for the whole group before reading
// it, so the misses of different triples overlap. The stages only read and
// prefetch; the triples are then added one by one by add_triple, exactly as
// without them, so the graph (and every export) is the same to the bit.
void KnowledgeGraph::Impl::add_batch(const Triple* triples, std::size_t n) {
  constexpr std::size_t kGroup = 16;
  struct Side {
    std::string_view name;  // the name the node is cached under: actor, else text
    std::uint64_t hash = 0;
    std::uint32_t vertex = kNoNode;
  };
  Side sides[kGroup][2];
  for (std::size_t first = 0; first < n; first += kGroup) {
    const std::size_t count = std::min(kGroup, n - first);
    const Triple* group = triples + first;
    for (std::size_t i = 0; i < count; ++i)
      for (int k = 0; k < 2; ++k) {
        const Argument& a = k ? group[i].object : group[i].subject;
        Side& s = sides[i][k];
        s.name = blank(a.actor) ? std::string_view(a.text) : std::string_view(a.actor);
        s.hash = StringPool::hash(s.name);
        s.vertex = kNoNode;
        pool.prefetch_slot(s.hash);
      }
    for (std::size_t i = 0; i < count; ++i)
      for (const Side& s : sides[i]) pool.prefetch_record(s.hash);
    for (std::size_t i = 0; i < count; ++i)
      for (Side& s : sides[i]) {
        s.vertex = pool.find_aux(s.name, s.hash);
        if (s.vertex >= boost::num_vertices(g)) {  // kNoNode: not seen yet
          s.vertex = kNoNode;
          continue;
        }
        // The stored vertex: its out- and in-edge lists, then the node record.
        const char* v = reinterpret_cast<const char*>(&g.m_vertices[s.vertex]);
        __builtin_prefetch(v);
        __builtin_prefetch(v + 64);
        __builtin_prefetch(v + 127);
      }
    EdgeTable::Key keys[kGroup];
    bool has_key[kGroup] = {};
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint32_t s = sides[i][0].vertex, d = sides[i][1].vertex;
      if (s == kNoNode || d == kNoNode) continue;
      // Where add_edge will append, and the edge index slot.
      const auto& out = g.out_edge_list(s);
      __builtin_prefetch(out.data() + out.size());
      const auto& in = in_edge_list(g, d);
      __builtin_prefetch(in.data() + in.size());
      const Triple& t = group[i];
      const bool by_lemma = !blank(t.relation.lemma);
      const std::optional<std::uint32_t> name =
          pool.find(by_lemma ? t.relation.lemma : t.relation.text);
      if (!name || *name >= relation_of_name.size() || relation_of_name[*name] == kNoNode ||
          relation_of_name[*name] >= (1u << 31))
        continue;
      keys[i] = {s, d, relation_of_name[*name] << 1 | (t.polarity == Polarity::kNegative)};
      has_key[i] = true;
      edge_index.prefetch(keys[i]);
    }
    // A repeated triple's edge record, which its observation updates.
    for (std::size_t i = 0; i < count; ++i)
      if (has_key[i])
        if (const std::optional<std::uint32_t> e = edge_index.find(keys[i]))
          __builtin_prefetch(&edges[*e]);
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint64_t hashes[2] = {sides[i][0].hash, sides[i][1].hash};
      add_triple(group[i], hashes);
    }
  }
}

std::uint32_t KnowledgeGraph::Impl::label_id(std::size_t v) const {
  const NodeRec& n = g[v];
  if (auto a = most_frequent(n.actors)) return *a;
  if (auto a = most_frequent(n.aliases)) return *a;
  return n.id;
}

std::string_view KnowledgeGraph::Impl::type(std::size_t v) const { return top(g[v].types); }

std::string_view KnowledgeGraph::Impl::top(const TallyList& list) const {
  if (auto t = most_frequent(list)) return str(*t);
  return {};
}

std::string_view KnowledgeGraph::Impl::edge_label(std::size_t e) const {
  const EdgeRec& r = edge(e);
  if (r.count == 1 && r.first.rel_text) return str(r.first.rel_text);
  TallyList counts;
  for (const ObsRec& o : obs_of(r))
    if (o.rel_text) tally(counts, o.rel_text, 1);
  if (auto t = most_frequent(counts)) return str(*t);
  return str(r.relation);
}

KnowledgeGraph::Impl& graph_impl(KnowledgeGraph& g) { return *g.impl_; }
const KnowledgeGraph::Impl& graph_impl(const KnowledgeGraph& g) { return *g.impl_; }

// ── KnowledgeGraph ──────────────────────────────────────────────────────────

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : impl_(std::make_unique<Impl>(*other.impl_)) {}
KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}

Status KnowledgeGraph::add(const std::vector<Triple>& triples) {
  for (std::size_t i = 0; i < triples.size(); ++i) {
    Status s = guard([&] { check_triple_or_throw(triples[i], {}); });
    if (!s.ok()) return Status::error(s.code(), "triple " + std::to_string(i) + ": " + s.message());
  }
  return guard([&] { impl_->add_batch(triples.data(), triples.size()); });
}

Status KnowledgeGraph::add(const Triple& triple) {
  return guard([&] {
    check_triple_or_throw(triple, {});
    impl_->add_triple(triple);
  });
}

void KnowledgeGraph::merge(const KnowledgeGraph& other_graph) {
  if (&other_graph == this) {
    const KnowledgeGraph copy(*this);  // merging into itself would read what it writes
    merge(copy);
    return;
  }
  const Impl& other = *other_graph.impl_;
  Impl& self = *impl_;
  std::vector<std::uint32_t> id(other.pool.size());
  for (std::size_t i = 0; i < id.size(); ++i)
    id[i] = self.pool.intern(other.pool.get(static_cast<std::uint32_t>(i)));
  std::vector<std::uint32_t> vertex(other.node_count());
  for (std::size_t v = 0; v < vertex.size(); ++v) {
    const NodeRec& from = other.node(v);
    vertex[v] = self.node_for_key(id[from.id]);
    NodeRec& to = self.g[vertex[v]];
    to.mentions += from.mentions;
    for (const TallyRec& t : from.aliases) Impl::tally(to.aliases, id[t.text], t.count);
    for (const TallyRec& t : from.actors) Impl::tally(to.actors, id[t.text], t.count);
    for (const TallyRec& t : from.types) Impl::tally(to.types, id[t.text], t.count);
    for (const TallyRec& t : from.titles) Impl::tally(to.titles, id[t.text], t.count);
    for (const TallyRec& t : from.affiliations) Impl::tally(to.affiliations, id[t.text], t.count);
    for (const TallyRec& t : from.roles) Impl::tally(to.roles, id[t.text], t.count);
  }
  for (std::size_t e = 0; e < other.edges.size(); ++e) {
    const EdgeRec& from = other.edge(e);
    const std::uint32_t to = self.edge_for(vertex[other.source(e)], vertex[other.target(e)],
                                           id[from.relation], from.polarity);
    for (const ObsRec& o : other.obs_of(from)) {
      ObsRec c = o;
      c.spans = self.store_spans(other.spans_of(o), o.span_total());
      if (o.extra != kNoObs) {
        c.extra = static_cast<std::uint32_t>(self.extras.size());
        self.extras.push_back(other.extras[o.extra]);
      }
      for (ArgRec* a : {&c.subject, &c.object}) {
        a->text = id[a->text];
        a->type = id[a->type];
        a->actor = id[a->actor];
        a->title = id[a->title];
        a->affiliation = id[a->affiliation];
        a->role = id[a->role];
      }
      for (std::uint32_t* s : {&c.rel_text, &c.rel_lemma, &c.modality, &c.source, &c.verb,
                               &c.document, &c.sentence_text})
        *s = id[*s];
      self.add_observation(to, c);
    }
  }
}

std::size_t KnowledgeGraph::node_count() const { return impl_->node_count(); }
std::size_t KnowledgeGraph::edge_count() const { return impl_->edges.size(); }
std::size_t KnowledgeGraph::observation_count() const {
  return static_cast<std::size_t>(impl_->observations);
}

Node KnowledgeGraph::node(std::size_t index) const {
  const Impl& m = *impl_;
  const NodeRec& r = m.node(index);
  Node n;
  n.id = m.str(r.id);
  n.label = m.label(index);
  n.type = m.type(index);
  n.mentions = static_cast<std::size_t>(r.mentions);
  auto copy = [&](const TallyList& from, std::vector<Tally>& to) {
    for (const TallyRec& t : from)
      to.push_back({std::string(m.str(t.text)), static_cast<std::size_t>(t.count)});
  };
  copy(r.aliases, n.aliases);
  copy(r.actors, n.actors);
  copy(r.types, n.types);
  copy(r.titles, n.titles);
  copy(r.affiliations, n.affiliations);
  copy(r.roles, n.roles);
  n.title = m.top(r.titles);
  n.affiliation = m.top(r.affiliations);
  n.role = m.top(r.roles);
  return n;
}

Edge KnowledgeGraph::edge(std::size_t index, bool with_provenance) const {
  const Impl& m = *impl_;
  const EdgeRec& r = m.edge(index);
  Edge e;
  e.source = m.source(index);
  e.target = m.target(index);
  e.relation = m.str(r.relation);
  e.label = m.edge_label(index);
  e.polarity = r.polarity;
  e.confidence = r.confidence();
  e.count = r.count;
  if (with_provenance) {
    e.provenance.resize(r.count);
    std::size_t k = 0;
    for (const ObsRec& o : m.obs_of(r)) m.fill_triple(r, o, e.provenance[k++]);
  }
  return e;
}

std::string_view KnowledgeGraph::node_id(std::size_t index) const {
  return impl_->str(impl_->node(index).id);
}

std::string KnowledgeGraph::node_label(std::size_t index) const {
  return std::string(impl_->label(index));
}

std::optional<std::size_t> KnowledgeGraph::find_node(std::string_view id) const {
  if (auto v = impl_->find_node(id)) return *v;
  return std::nullopt;
}

std::vector<std::size_t> KnowledgeGraph::out_edges(std::size_t node) const {
  std::vector<std::size_t> out;
  for (auto [it, end] = boost::out_edges(node, impl_->g); it != end; ++it)
    out.push_back(impl_->g[*it].index);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::size_t> KnowledgeGraph::in_edges(std::size_t node) const {
  std::vector<std::size_t> out;
  for (auto [it, end] = boost::in_edges(node, impl_->g); it != end; ++it)
    out.push_back(impl_->g[*it].index);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace textgraph
