// The confidence of a triple: a logistic score over features of the rule
// that produced it and of its arguments. It ranks extractions (the Open IE
// precision/recall curve is traced by lowering a threshold on it), so only
// the order matters; the weights are set by hand from what tends to go wrong
// (inherited subjects, long arguments, missing objects, weak constructions)
// and are meant to be refitted on a development set.
#include <algorithm>
#include <cmath>

#include "extract/builder.h"

namespace textgraph::extraction {

namespace {

double construction_weight(Construction c) {
  switch (c) {
    case Construction::kVerbal:
      return 1.6;
    case Construction::kCopular:
      return 1.1;
    case Construction::kRelative:
      return 1.0;
    case Construction::kParticiple:
      return 0.6;
    case Construction::kApposition:
      return 0.8;
    case Construction::kLightVerb:
      return 0.4;
    case Construction::kNominal:
      return -0.2;
    case Construction::kReporting:
      return 0.9;
    case Construction::kPossessive:
      return -1.6;
  }
  return 0.0;
}

double subject_weight(SubjectSource s) {
  switch (s) {
    case SubjectSource::kOwn:
      return 0.3;
    case SubjectSource::kConj:
      return 0.0;
    case SubjectSource::kControl:
      return -0.1;
    case SubjectSource::kAdverbial:
      return -0.5;
    case SubjectSource::kModified:
      return -0.2;
    case SubjectSource::kAgent:
      return 0.2;
    case SubjectSource::kSynthetic:
      return 0.0;
  }
  return 0.0;
}

double object_weight(ObjectKind o) {
  switch (o) {
    case ObjectKind::kNone:
      return -2.0;
    case ObjectKind::kNominal:
      return 0.4;
    case ObjectKind::kPrepositional:
      return 0.2;
    case ObjectKind::kBare:
      return -0.6;
    case ObjectKind::kClause:
      return -0.1;
    case ObjectKind::kPredicative:
      return 0.0;
  }
  return 0.0;
}

}  // namespace

double confidence(const Frame& f, const Arg* subject, const Arg* object, const Tree& tree) {
  double z = construction_weight(f.kind) + subject_weight(f.features.subject) +
             object_weight(object ? f.features.object : ObjectKind::kNone);
  const int s = subject ? static_cast<int>(subject->ids.size()) : 0;
  const int o = object ? static_cast<int>(object->ids.size()) : 0;
  z -= 0.08 * std::max(0, s - 4);
  z -= 0.03 * std::max(0, o - 8);
  z -= 0.15 * static_cast<double>(f.extras.size());
  z -= 0.15 * (f.features.chain - 1);
  z -= 0.12 * std::max(0, f.features.depth - 2);
  if (f.features.odd) z -= 0.6;
  if (f.subjects.size() > 1 || f.objects.size() > 1) z -= 0.1;
  if (subject && subject->head && tree.upos(subject->head, "PRON")) z -= 0.1;
  if (f.features.predicate_dep == Dep::kRoot) z += 0.2;
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace textgraph::extraction
