// The pipeline: a short loop over stages (include/svodka/stage.h), each a const verb over a
// Document:
//
//   reader (svodka/reader.h) ─► segment (src/text) ─► morphology (src/morph)
//                             ─► ner (src/ner) ─► writers
//
// A Pipeline is immutable after Create and is shared by all threads; Annotate uses only the
// Document it is given and the caller's Scratch (one per thread).
//
//   auto pipeline = svodka::Pipeline::Create({});
//   svodka::Scratch scratch;                          // one per thread, reused
//   svodka::Status s = pipeline->Annotate(doc, &scratch);
#ifndef SVODKA_PIPELINE_H_
#define SVODKA_PIPELINE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "svodka/document.h"
#include "svodka/stage.h"
#include "svodka/status.h"

namespace svodka {

struct PipelineOptions {
  // Morphology needs the compiled dictionary and the tagger model. Empty paths mean "look
  // them up" (SVODKA_DATA_DIR, then the build tree; see src/morph/data_path.h).
  bool morphology = true;
  std::string dictionary_path;
  std::string tagger_model_path;
  // Named entities need morphology and the NER model (data/models/ner.bin unless a path is
  // given).
  bool entities = true;
  std::string ner_model_path;
};

class Pipeline {
 public:
  // Builds the stages the options ask for, loading their models. A missing or corrupt model
  // file is an error that names the file.
  static Result<Pipeline> Create(const PipelineOptions& options);

  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  // Runs every stage on doc, in order, replacing what earlier runs added: sentences and tokens
  // (each title, lead, paragraph and related headline segmented on its own), then the tokens'
  // morphology when it is enabled. Stops at the first stage that fails and returns its
  // Status. A null scratch uses a temporary one.
  Status Annotate(Document& doc, Scratch* scratch = nullptr) const;

  // The same, calling after(stage name, doc) once each stage has annotated doc: for
  // measurements that time the stages, or evaluations that replace a stage's output with gold
  // annotations before the next stages read it ("ner": the names linking starts from).
  using AfterStage = std::function<void(std::string_view stage, Document& doc)>;
  Status Annotate(Document& doc, Scratch* scratch, const AfterStage& after) const;

  // The stages, in order ("segment", "morph").
  std::vector<std::string_view> stage_names() const;
  bool has_morphology() const;

 private:
  explicit Pipeline(std::vector<std::unique_ptr<const Stage>> stages);
  std::vector<std::unique_ptr<const Stage>> stages_;
};

}  // namespace svodka

#endif  // SVODKA_PIPELINE_H_
