#include "svodka/pipeline.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "morph/morphology.h"
#include "text/segmenter.h"

namespace svodka {

struct Pipeline::Impl {
  Segmenter segmenter;
  std::optional<Morphology> morphology;
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::Create(const PipelineOptions& options) {
  auto impl = std::make_unique<Impl>();
  if (options.morphology) {
    auto m = Morphology::LoadDefault(options.dictionary_path, options.tagger_model_path);
    if (!m.ok()) return m.status();
    impl->morphology.emplace(std::move(*m));
  }
  return Pipeline(std::move(impl));
}

bool Pipeline::has_morphology() const { return impl_->morphology.has_value(); }

void Pipeline::Annotate(Document& doc) const {
  doc.tokens.clear();
  doc.sentences.clear();
  doc.strings.Clear();
  // The fields that hold text, in order of position.
  std::vector<Span> fields;
  if (doc.title) fields.push_back(*doc.title);
  if (doc.lead) fields.push_back(*doc.lead);
  fields.insert(fields.end(), doc.paragraphs.begin(), doc.paragraphs.end());
  fields.insert(fields.end(), doc.related.begin(), doc.related.end());
  if (fields.empty() && !doc.text.empty())
    fields.push_back(Span{0, static_cast<uint32_t>(doc.text.size())});
  std::sort(fields.begin(), fields.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  uint32_t done = 0;  // fields never overlap in a well-formed document; skip any that would
  for (const Span& f : fields) {
    if (f.begin < done || f.empty()) continue;
    impl_->segmenter.Segment(doc.text, f, &doc.tokens, &doc.sentences);
    done = f.end;
  }
  if (impl_->morphology) impl_->morphology->Annotate(doc);
}

}  // namespace svodka
