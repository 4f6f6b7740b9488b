// Internal: the records of edges and of their observations (the triples
// merged into each edge), split into what adding a triple touches and what
// only an export or a query reads.
//
// Why the split (bench/README.md, "Small edge records"): at a million edges
// every byte of a record is a byte of memory to fault in, clear and write,
// and a repeated triple reads its edge at a random place. An EdgeRec is 32
// bytes (two to a cache line) and holds what merging reads and writes. Each
// edge's first observation (48 bytes, with the texts every export reads) sits
// in an array parallel to the edges, at the edge's own index, so a reader
// that knows the edge number fetches both at once rather than one after the
// other; further observations are chained in a second flat array in the
// order they were added. The fields most triples leave
// empty (argument types, actors, attributes, spans, modality, attribution,
// extra arguments) are an ObsDetail in a side array, only for observations
// that have any of them.
#pragma once

#include <cstddef>
#include <cstdint>

#include "graph/chunked_array.h"
#include "textgraph/triple.h"

namespace textgraph {

inline constexpr std::uint32_t kNoObs = UINT32_MAX;

// An edge: its ends, its merge key and its observations: the first in
// Impl::first_obs at the edge's own index, the others chained through ObsRec::next in
// Impl::more_obs up to `last`, in the order they were added.
struct EdgeRec {
  std::uint32_t source = 0, target = 0;  // vertices
  std::uint32_t relation : 30 = 0;       // pool id of the relation key (edge_for checks the range)
  Polarity polarity : 2 = Polarity::kPositive;
  std::uint32_t count = 0;      // observations
  std::uint32_t last = kNoObs;  // the last one in Impl::more_obs (when count >= 2)
  double keep = 1;              // Π(1 - c_i), folded in observation order
  double confidence() const { return 1.0 - keep; }
};
static_assert(sizeof(EdgeRec) == 32);

// Pool ids are 30 bits in EdgeRec::relation.
inline constexpr std::uint32_t kMaxRelationId = (1u << 30) - 1;

// One triple merged into an edge, minus what the edge itself holds
// (polarity) and minus its ObsDetail. Plain data (no heap member), so adding
// one allocates nothing and the arrays holding them move with memcpy.
struct ObsRec {
  std::uint32_t subject_text = 0, object_text = 0;  // pool ids
  std::uint32_t rel_text = 0, rel_lemma = 0;        // pool ids
  std::uint32_t document = 0, sentence_text = 0;    // pool ids
  std::uint32_t next = kNoObs;                      // the edge's next observation in Impl::more_obs
  std::uint32_t detail = kNoObs;  // its ObsDetail in Impl::details (kNoObs: all empty)
  std::uint64_t sentence = 0;
  double confidence = 1;
};
static_assert(sizeof(ObsRec) == 48);

// An argument's fields besides its text.
struct ArgDetail {
  std::uint32_t type = 0, actor = 0;                   // pool ids
  std::uint32_t title = 0, affiliation = 0, role = 0;  // pool ids
  std::uint32_t span_count = 0;  // spans of this argument (see ObsDetail::spans)
  bool empty() const { return !type && !actor && !title && !affiliation && !role && !span_count; }
};

// The rarely set fields of an observation. Spans of subject, relation and
// object follow one another in Impl::spans from `spans` on.
struct ObsDetail {
  ArgDetail subject, object;
  std::uint32_t rel_span_count = 0;
  std::uint32_t modality = 0, source = 0, verb = 0;  // pool ids
  std::uint32_t extra = kNoObs;  // its Triple::extra in Impl::extras (kNoObs: none)
  std::uint64_t spans = 0;       // first span in Impl::spans
  std::size_t span_total() const {
    return std::size_t{subject.span_count} + rel_span_count + object.span_count;
  }
  bool empty() const {
    return subject.empty() && object.empty() && !rel_span_count && !modality && !source && !verb &&
           extra == kNoObs;
  }
};

// The observations of one edge, in order, for range-for.
class ObsList {
 public:
  class iterator {
   public:
    iterator(const ObsRec* at, const ChunkedArray<ObsRec>* more) : at_(at), more_(more) {}
    const ObsRec& operator*() const { return *at_; }
    const ObsRec* operator->() const { return at_; }
    iterator& operator++() {
      at_ = at_->next == kNoObs ? nullptr : &(*more_)[at_->next];
      return *this;
    }
    bool operator==(const iterator& o) const { return at_ == o.at_; }

   private:
    const ObsRec* at_;
    const ChunkedArray<ObsRec>* more_;
  };
  ObsList(const EdgeRec& e, const ObsRec& first, const ChunkedArray<ObsRec>& more)
      : e_(e), first_(first), more_(more) {}
  iterator begin() const { return {e_.count ? &first_ : nullptr, &more_}; }
  iterator end() const { return {nullptr, &more_}; }
  std::size_t size() const { return e_.count; }
  const ObsRec& front() const { return first_; }  // precondition: size() >= 1

 private:
  const EdgeRec& e_;
  const ObsRec& first_;
  const ChunkedArray<ObsRec>& more_;
};

}  // namespace textgraph
