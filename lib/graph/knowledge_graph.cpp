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
  if (relation > kMaxRelationId) fail(ErrorCode::kInternal, "graph too large (too many strings)");
  const EdgeTable::Key key{source, target, relation << 1 | (polarity == Polarity::kNegative)};
  if (auto e = edge_index.find(key)) return *e;
  const auto index = static_cast<std::uint32_t>(edges.size());
  if (index == UINT32_MAX) fail(ErrorCode::kInternal, "graph too large (more than 4e9 edges)");
  EdgeRec& rec = edges.emplace_back();
  first_obs.emplace_back();
  rec.source = source;
  rec.target = target;
  rec.relation = relation;
  rec.polarity = polarity;
  boost::add_edge(source, target, EdgeLink{index}, g);
  edge_index.insert(key, index);
  return index;
}

void KnowledgeGraph::Impl::add_observation(std::uint32_t edge, const NewObs& o) {
  EdgeRec& e = edges[edge];
  if (e.count == UINT32_MAX)
    fail(ErrorCode::kInternal, "edge too large (more than 4e9 observations)");
  std::uint32_t detail = kNoObs;
  if (!o.detail.empty()) {
    if (details.size() >= kNoObs) fail(ErrorCode::kInternal, "graph too large (observations)");
    detail = static_cast<std::uint32_t>(details.size());
    details.push_back(o.detail);
  }
  if (e.count == 0) {
    ObsRec& first = first_obs[edge];
    first = o.rec;
    first.next = kNoObs;
    first.detail = detail;
  } else {
    const auto at = static_cast<std::uint32_t>(more_obs.size());
    if (at == kNoObs) fail(ErrorCode::kInternal, "graph too large (more than 4e9 observations)");
    ObsRec& added = more_obs.emplace_back();
    added = o.rec;
    added.next = kNoObs;
    added.detail = detail;
    (e.count == 1 ? first_obs[edge] : more_obs[e.last]).next = at;
    e.last = at;
  }
  e.keep *= 1.0 - o.rec.confidence;
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

void KnowledgeGraph::Impl::make_obs(const Triple& t, const std::uint32_t* likely, NewObs& o) {
  const auto text_id = [&](const std::string& text, int k) {
    if (likely && likely[k] != kNoNode && pool.get(likely[k]) == text) return likely[k];
    return pool.intern(text);
  };
  auto arg = [&](const Argument& a, std::uint32_t& text, ArgDetail& r, int k) {
    text = text_id(a.text, k);
    r.type = pool.intern(a.type);
    r.actor = pool.intern(a.actor);
    r.title = pool.intern(a.title);
    r.affiliation = pool.intern(a.affiliation);
    r.role = pool.intern(a.role);
  };
  arg(t.subject, o.rec.subject_text, o.detail.subject, 0);
  arg(t.object, o.rec.object_text, o.detail.object, 2);
  o.rec.rel_text = text_id(t.relation.text, 1);
  o.rec.rel_lemma = pool.intern(t.relation.lemma);
  fill_obs(t, o);
}

void KnowledgeGraph::Impl::fill_obs(const Triple& t, NewObs& o) {
  ObsDetail& d = o.detail;
  d.subject.span_count = static_cast<std::uint32_t>(t.subject.spans.size());
  d.object.span_count = static_cast<std::uint32_t>(t.object.spans.size());
  d.rel_span_count = static_cast<std::uint32_t>(t.relation.spans.size());
  d.modality = pool.intern(t.modality);
  d.source = pool.intern(t.attribution.source);
  d.verb = pool.intern(t.attribution.verb);
  o.rec.document = pool.intern(t.provenance.document);
  o.rec.sentence_text = pool.intern(t.provenance.text);
  o.rec.sentence = t.provenance.sentence;
  o.rec.confidence = t.confidence;
  d.spans = spans.size();
  spans.insert(spans.end(), t.subject.spans.begin(), t.subject.spans.end());
  spans.insert(spans.end(), t.relation.spans.begin(), t.relation.spans.end());
  spans.insert(spans.end(), t.object.spans.begin(), t.object.spans.end());
  d.extra = kNoObs;
  if (!t.extra.empty()) {
    if (extras.size() >= kNoObs) fail(ErrorCode::kInternal, "graph too large (extra arguments)");
    d.extra = static_cast<std::uint32_t>(extras.size());
    extras.push_back(t.extra);
  }
}

void KnowledgeGraph::Impl::fill_triple(const EdgeRec& e, const ObsRec& o, Triple& t) const {
  const ObsDetail& d = detail_of(o);
  const Span* sp = spans_of(d);
  auto arg = [&](std::uint32_t text, const ArgDetail& r, Argument& a, std::size_t& at) {
    a.text.assign(str(text));
    a.type.assign(str(r.type));
    a.actor.assign(str(r.actor));
    a.title.assign(str(r.title));
    a.affiliation.assign(str(r.affiliation));
    a.role.assign(str(r.role));
    a.spans.assign(sp + at, sp + at + r.span_count);
    at += r.span_count;
  };
  std::size_t at = 0;
  arg(o.subject_text, d.subject, t.subject, at);
  t.relation.text.assign(str(o.rel_text));
  t.relation.lemma.assign(str(o.rel_lemma));
  t.relation.spans.assign(sp + at, sp + at + d.rel_span_count);
  at += d.rel_span_count;
  arg(o.object_text, d.object, t.object, at);
  if (d.extra != kNoObs)
    t.extra = extras[d.extra];
  else
    t.extra.clear();
  t.polarity = e.polarity;
  t.modality.assign(str(d.modality));
  t.attribution.source.assign(str(d.source));
  t.attribution.verb.assign(str(d.verb));
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

std::uint32_t KnowledgeGraph::Impl::vertex_for(const Argument& a, std::uint32_t& text_id,
                                               ArgDetail& ids, const std::uint64_t* name_hash) {
  const bool by_actor = !blank(a.actor);
  std::uint32_t* text =
      name_hash && !by_actor ? pool.intern_record(a.text, *name_hash) : pool.intern_record(a.text);
  std::uint32_t* actor =
      name_hash && by_actor ? pool.intern_record(a.actor, *name_hash) : pool.intern_record(a.actor);
  text_id = *text;
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
  if (text_id) tally(n.aliases, text_id, 1);
  if (by_actor) tally(n.actors, ids.actor, 1);
  if (ids.type) tally(n.types, ids.type, 1);
  if (ids.title) tally(n.titles, ids.title, 1);
  if (ids.affiliation) tally(n.affiliations, ids.affiliation, 1);
  if (ids.role) tally(n.roles, ids.role, 1);
  return v;
}

void KnowledgeGraph::Impl::add_triple(const Triple& t, const std::uint64_t* name_hash) {
  NewObs o;
  const std::uint32_t s = vertex_for(t.subject, o.rec.subject_text, o.detail.subject, name_hash);
  const std::uint32_t d =
      vertex_for(t.object, o.rec.object_text, o.detail.object, name_hash ? name_hash + 1 : nullptr);
  o.rec.rel_text = pool.intern(t.relation.text);
  o.rec.rel_lemma = pool.intern(t.relation.lemma);
  const bool by_lemma = !blank(t.relation.lemma);
  const std::uint32_t name = by_lemma ? o.rec.rel_lemma : o.rec.rel_text;
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
// the one before (bench/README.md). Here the triples walk that chain as a
// software pipeline: each step of the loop runs every level once, each level
// on a triple kDistance places behind the level before it, so a prefetch has
// kDistance triples' worth of work (microseconds) to arrive before the next
// level reads it. (Stages over a group of 16 at a time, as before, gave a
// prefetch only the rest of one cheap stage loop, shorter than a miss.) On
// the shared VM this measured the same as the groups: the misses are bound
// by how many the core keeps in flight, not by when they are issued
// (bench/README.md, "Small edge records").
// The levels only read and prefetch, and what they keep (hashes, vertex
// numbers, edge keys) stays valid while the triples before are added:
// vertices and keys are never removed, and a name not found yet is just not
// prefetched. The triples are then added one by one by add_triple, exactly as
// without the pipeline, so the graph (and every export) is the same to the bit.
void KnowledgeGraph::Impl::add_batch(const Triple* triples, std::size_t n) {
  constexpr std::size_t kDistance = 4;  // triples between two levels of the chain
  constexpr std::size_t kLevels = 5;    // levels before the triple is added
  constexpr std::size_t kRing = 32;     // > kDistance * kLevels, a power of two
  static_assert(kRing > kDistance * kLevels && (kRing & (kRing - 1)) == 0);
  struct Side {
    std::string_view name;  // the name the node is cached under: actor, else text
    std::uint64_t hash = 0;
    std::uint32_t vertex = kNoNode;
  };
  struct Step {
    Side sides[2];
    EdgeTable::Key key{};
    bool has_key = false;
  };
  Step ring[kRing];
  const auto level = [&](std::size_t i, std::size_t k) -> Step* {
    // Triple i - k * kDistance, when there is one.
    const std::size_t back = k * kDistance;
    if (i < back || i - back >= n) return nullptr;
    return &ring[(i - back) % kRing];
  };
  for (std::size_t i = 0; i < n + kDistance * kLevels; ++i) {
    // Level 0: hash both names, prefetch their index slots.
    if (Step* st = level(i, 0)) {
      const Triple& t = triples[i];
      st->has_key = false;
      for (int k = 0; k < 2; ++k) {
        const Argument& a = k ? t.object : t.subject;
        Side& s = st->sides[k];
        s.name = blank(a.actor) ? std::string_view(a.text) : std::string_view(a.actor);
        s.hash = StringPool::hash(s.name);
        s.vertex = kNoNode;
        pool.prefetch_slot(s.hash);
      }
    }
    // Level 1: the string records the slots point at.
    if (Step* st = level(i, 1))
      for (const Side& s : st->sides) pool.prefetch_record(s.hash);
    // Level 2: the records' cached vertex; prefetch the stored vertex (its
    // out- and in-edge lists, then the node record).
    if (Step* st = level(i, 2))
      for (Side& s : st->sides) {
        s.vertex = pool.find_aux(s.name, s.hash);
        if (s.vertex >= boost::num_vertices(g)) {  // kNoNode: not seen yet
          s.vertex = kNoNode;
          continue;
        }
        const char* v = reinterpret_cast<const char*>(&g.m_vertices[s.vertex]);
        __builtin_prefetch(v);
        __builtin_prefetch(v + 64);
        __builtin_prefetch(v + 127);
      }
    // Level 3: where add_edge will append, and the edge index slot.
    if (Step* st = level(i, 3)) {
      const std::size_t at = i - 3 * kDistance;
      const std::uint32_t s = st->sides[0].vertex, d = st->sides[1].vertex;
      if (s != kNoNode && d != kNoNode) {
        const auto& out = g.out_edge_list(s);
        __builtin_prefetch(out.data() + out.size());
        const auto& in = in_edge_list(g, d);
        __builtin_prefetch(in.data() + in.size());
        const Triple& t = triples[at];
        const bool by_lemma = !blank(t.relation.lemma);
        const std::optional<std::uint32_t> name =
            pool.find(by_lemma ? t.relation.lemma : t.relation.text);
        if (name && *name < relation_of_name.size() && relation_of_name[*name] != kNoNode &&
            relation_of_name[*name] <= kMaxRelationId) {
          st->key = {s, d, relation_of_name[*name] << 1 | (t.polarity == Polarity::kNegative)};
          st->has_key = true;
          edge_index.prefetch(st->key);
        }
      }
    }
    // Level 4: a repeated triple's edge record, which its observation updates.
    if (Step* st = level(i, 4); st && st->has_key)
      if (const std::optional<std::uint32_t> e = edge_index.find(st->key)) {
        __builtin_prefetch(&edges[*e]);
        __builtin_prefetch(&first_obs[*e]);
      }
    // Then the triple is added.
    if (Step* st = level(i, kLevels)) {
      const std::uint64_t hashes[2] = {st->sides[0].hash, st->sides[1].hash};
      add_triple(triples[i - kLevels * kDistance], hashes);
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
  if (r.count == 1 && first_obs[e].rel_text) return str(first_obs[e].rel_text);
  TallyList counts;
  for (const ObsRec& o : obs_of(e))
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
    for (const ObsRec& o : other.obs_of(e)) {
      Impl::NewObs c{o, other.detail_of(o)};
      ObsDetail& d = c.detail;
      d.spans = self.store_spans(other.spans_of(d), d.span_total());
      if (const std::uint32_t extra = d.extra; extra != kNoObs) {
        d.extra = static_cast<std::uint32_t>(self.extras.size());
        self.extras.push_back(other.extras[extra]);
      }
      for (ArgDetail* a : {&d.subject, &d.object}) {
        a->type = id[a->type];
        a->actor = id[a->actor];
        a->title = id[a->title];
        a->affiliation = id[a->affiliation];
        a->role = id[a->role];
      }
      for (std::uint32_t* s :
           {&c.rec.subject_text, &c.rec.object_text, &c.rec.rel_text, &c.rec.rel_lemma,
            &c.rec.document, &c.rec.sentence_text, &d.modality, &d.source, &d.verb})
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
    for (const ObsRec& o : m.obs_of(index)) m.fill_triple(r, o, e.provenance[k++]);
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
