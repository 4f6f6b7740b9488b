// NER as a pipeline step: the tagger reads only the word forms, so it can run
// after any of the other stages; it runs last so that `parse --ner` output
// holds every layer.
#include "textgraph/ner.h"
#include "textgraph/pipeline.h"

namespace textgraph {
namespace {

class NerStep final : public AnalysisStep {
 public:
  explicit NerStep(NerTagger tagger) : tagger_(std::move(tagger)) {}
  std::string name() const override { return "ner"; }
  Status run(Document& document) const override {
    tagger_.tag(document);
    return {};
  }

 private:
  NerTagger tagger_;
};

}  // namespace

std::shared_ptr<const AnalysisStep> make_ner_step(const NerTagger& tagger) {
  return std::make_shared<const NerStep>(tagger);
}

}  // namespace textgraph
