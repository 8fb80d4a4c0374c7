#include "svodka/pipeline.h"

#include <utility>

#include "link/linker.h"
#include "link/role_finder.h"
#include "morph/morphology.h"
#include "ner/ner_tagger.h"
#include "ner/normalizer.h"
#include "text/segmenter.h"

namespace svodka {

Pipeline::Pipeline(std::vector<std::unique_ptr<const Stage>> stages) : stages_(std::move(stages)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

// A new stage is one line here (and its own folder, and its key in the JSON writer).
Result<Pipeline> Pipeline::Create(const PipelineOptions& options) {
  std::vector<std::unique_ptr<const Stage>> stages;
  stages.push_back(std::make_unique<Segmenter>());
  if (options.morphology) {
    Result<Morphology> m =
        Morphology::LoadDefault(options.dictionary_path, options.tagger_model_path);
    if (!m.ok()) return m.status();
    auto morph = std::make_unique<Morphology>(std::move(m).value());
    const Morphology& morphology = *morph;  // owned by the stage list, never moves again
    stages.push_back(std::move(morph));
    if (options.entities) {
      Result<NerTagger> ner = NerTagger::LoadDefault(options.ner_model_path);
      if (!ner.ok()) return ner.status();
      stages.push_back(std::make_unique<NerTagger>(std::move(ner).value()));
      stages.push_back(std::make_unique<Normalizer>(morphology));
      stages.push_back(std::make_unique<Linker>(Linker::Create()));
      stages.push_back(std::make_unique<RoleFinder>(RoleFinder::Create()));
    }
  }
  return Pipeline(std::move(stages));
}

Status Pipeline::Annotate(Document& doc, Scratch* scratch) const {
  return Annotate(doc, scratch, AfterStage());
}

Status Pipeline::Annotate(Document& doc, Scratch* scratch, const AfterStage& after) const {
  Scratch local;
  if (!scratch) scratch = &local;
  for (const auto& stage : stages_) {
    if (Status s = stage->Annotate(doc, scratch); !s.ok()) return s;
    if (after) after(stage->name(), doc);
  }
  return Status::Ok();
}

std::vector<std::string_view> Pipeline::stage_names() const {
  std::vector<std::string_view> names;
  for (const auto& stage : stages_) names.push_back(stage->name());
  return names;
}

bool Pipeline::has_morphology() const {
  for (const auto& stage : stages_)
    if (stage->name() == "morph") return true;
  return false;
}

}  // namespace svodka
