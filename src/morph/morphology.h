// Morphology: the pipeline stage that gives every token its lemma, UD UPOS, UD FEATS and
// OpenCorpora tag, chosen in context (analyzer candidates ranked by the tagger).
//
// Usage:
//   Result<Morphology> m = Morphology::Load(dict_path, model_path);
//   m->Annotate(doc, &scratch);  // after segmentation: doc.tokens and doc.sentences are set
//
// Thread-safety: a loaded Morphology is immutable; Annotate and TagSentence may be called
// from many threads at once (each call uses its own scratch, or the caller's).
#ifndef SVODKA_MORPH_MORPHOLOGY_H_
#define SVODKA_MORPH_MORPHOLOGY_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "morph/analyzer.h"
#include "morph/candidates.h"
#include "morph/tagger.h"
#include "morph/tagger_model.h"
#include "svodka/document.h"
#include "svodka/stage.h"
#include "svodka/status.h"

namespace svodka {

class Morphology : public Stage {
 public:
  // Loads the compiled dictionary and the tagger model. Errors name the failing file.
  static Result<Morphology> Load(const std::string& dict_path, const std::string& model_path);
  // Default locations: FindDataFile("ru.dict") and FindDataFile("models/morph-tagger.bin")
  // unless a path is given (non-empty).
  static Result<Morphology> LoadDefault(const std::string& dict_path = {},
                                        const std::string& model_path = {});
  // From parts already loaded (the trainer evaluates its in-memory model this way).
  Morphology(std::shared_ptr<const Analyzer> analyzer, std::shared_ptr<const TaggerModel> model);

  // Fills lemma/upos/feats/tag of every token of doc (ids into doc.strings). Tokens are spans
  // into doc.text, in order; a token belongs to the sentence of doc.sentences containing its
  // begin; tokens outside every sentence are tagged as one sentence each run of them. A
  // sentence longer than kMaxTaggedTokens is tagged in consecutive pieces of that many tokens,
  // so that scratch memory (a few KB per token) stays bounded on input that never ends a
  // sentence ("т. т. т. ..."). Cost: linear in tokens.
  static constexpr size_t kMaxTaggedTokens = 1000;
  std::string_view name() const override { return "morph"; }
  Status Annotate(Document& doc, Scratch* scratch) const override;

  // Tags one sentence given its word forms; *scratch is reusable. Afterwards
  // scratch->Chosen(i) is token i's parse; DescribeSentence turns the
  // choices into annotations.
  void TagSentence(std::span<const std::string_view> forms, SentenceCandidates* scratch) const;
  // The annotations of all tokens of the sentence last tagged into s.
  void DescribeSentence(const SentenceCandidates& s, std::vector<MorphAnalysis>* out) const {
    maker_.DescribeSentence(s, out);
  }

  const Analyzer& analyzer() const { return *analyzer_; }
  const CandidateMaker& candidates() const { return maker_; }

 private:
  std::shared_ptr<const Analyzer> analyzer_;
  std::shared_ptr<const TaggerModel> model_;
  CandidateMaker maker_;
  Tagger tagger_;
};

}  // namespace svodka

#endif  // SVODKA_MORPH_MORPHOLOGY_H_
