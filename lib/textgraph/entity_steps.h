// The NER step of the actor view, shared by extract_inputs() and build_graph().
#pragma once

#include "textgraph/textgraph.h"

namespace textgraph {

// With the actor view and a NER model (ner.tgm) in the model directory, adds
// the NER step to `analyzer` so that names come from NER tags; without the
// model, names come from proper nouns and the dictionary (entities.h).
// Failure: kModel when ner.tgm is there but cannot be loaded.
[[nodiscard]] Status add_entity_steps(Analyzer& analyzer, const TextGraphOptions& options);

}  // namespace textgraph
