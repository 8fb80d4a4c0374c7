// The pipeline: a short loop over stages, each a const verb over a Document.
//
//   reader (src/article) ─► segment (src/text) ─► morphology (src/morph) ─► writers
//
// A Pipeline is immutable after Create and may be shared by threads; Annotate uses only the
// Document it is given plus per-call scratch memory.
#ifndef SVODKA_PIPELINE_H_
#define SVODKA_PIPELINE_H_

#include <memory>
#include <string>

#include "svodka/document.h"
#include "svodka/status.h"

namespace svodka {

struct PipelineOptions {
  // Morphology needs the compiled dictionary and the tagger model. Empty paths mean "look
  // them up" (SVODKA_DATA_DIR, then the build tree; see src/morph/data_path.h).
  bool morphology = true;
  std::string dictionary_path;
  std::string tagger_model_path;
};

class Pipeline {
 public:
  // Loads the models the options ask for. A missing or corrupt model file is an error that
  // names the file.
  static Result<Pipeline> Create(const PipelineOptions& options);

  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  // Fills doc.sentences and doc.tokens (replacing any), then the tokens' morphology when it
  // is enabled. Each title, lead, paragraph and related headline is segmented on its own, so
  // none of them runs into the next; text outside those fields (blank lines) has no tokens.
  // A document without paragraphs is segmented whole.
  void Annotate(Document& doc) const;

  bool has_morphology() const;

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace svodka

#endif  // SVODKA_PIPELINE_H_
