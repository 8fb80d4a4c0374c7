// The named-entity stage: finds the names of persons, organizations and places in every
// sentence of a document (Document::entities, kind name, in text order), the outermost name
// where names nest ("МИД России" is one ORG, not an ORG holding a LOC), as NEREL, Collection5
// and factRuEval annotate them.
//
// Model: a first-order structured averaged perceptron (Collins 2002) over BILOU labels
// (ner_labels.h) with the features of ner_features.h, decoded by Viterbi under the BILOU
// constraints (ner_decode.h); weights in data/models/ner.bin (ner_model.h, trained by
// `svodka train ner`, model card data/models/ner.md). docs/entities.md says why this model and
// what else was measured.
//
// Thread-safety: immutable after Load; Annotate uses the caller's Scratch.
#ifndef SVODKA_NER_NER_TAGGER_H_
#define SVODKA_NER_NER_TAGGER_H_

#include <memory>
#include <string>
#include <vector>

#include "ner/ner_decode.h"
#include "ner/ner_features.h"
#include "ner/ner_model.h"
#include "svodka/stage.h"

namespace svodka {

class NerTagger : public Stage {
 public:
  // Loads the model and, when `clusters_path` is not empty, the word clusters the model was
  // trained with. Errors name the file.
  static Result<NerTagger> Load(const std::string& model_path, const std::string& clusters_path);
  // Default locations: FindDataFile("models/ner.bin") and "models/word-clusters.bin".
  static Result<NerTagger> LoadDefault(const std::string& model_path = {});
  // From parts in memory (the trainer evaluates its model this way).
  NerTagger(std::shared_ptr<const NerModel> model, std::shared_ptr<const WordClusters> clusters);

  std::string_view name() const override { return "ner"; }
  // Replaces doc.entities with the names found (kind name, no base form, no object) and sets
  // kLayerEntities. Needs the tokens' morphology (without it the features are poorer).
  Status Annotate(Document& doc, Scratch* scratch) const override;

  // Per-call memory, kept in the caller's Scratch.
  struct TagScratch {
    NerFeatureScratch features;
    NerHistory history;  // of the document being tagged
    std::vector<uint32_t> rows;
    std::vector<float> emissions;
    NerDecodeScratch decode;
    std::vector<int> labels;
  };
  // The labels of tokens [begin, end) (one sentence) into scratch->labels.
  void TagSentence(const Document& doc, uint32_t begin, uint32_t end, TagScratch* scratch) const;

  const NerModel& model() const { return *model_; }

 private:
  std::shared_ptr<const NerModel> model_;
  std::shared_ptr<const WordClusters> clusters_;
  NerFeatures features_;
};

// Records in *history the types that `labels` give tokens [begin, begin + n) of doc.
void RecordHistory(const Document& doc, uint32_t begin, const std::vector<int>& labels,
                   NerHistory* history);

// Appends to *out the names that BILOU `labels` spell over tokens [begin, begin + n) of doc.
void MentionsFromLabels(const Document& doc, uint32_t begin, const std::vector<int>& labels,
                        std::vector<Mention>* out);

// Retypes the ORG and LOC names of mentions[from, end) by their head noun
// (data/rules/ner_head_types.tsv): the first word of a multi-word name that is not an
// adjective, determiner or number, when it is a common noun of the table.
void RetypeByHead(const Document& doc, std::vector<Mention>* mentions, size_t from);

// For each sentence of doc, calls f(first_token, end_token); tokens outside every sentence
// form runs of their own.
template <typename F>
void ForEachSentenceTokens(const Document& doc, F&& f) {
  const std::vector<Token>& tokens = doc.tokens;
  size_t t = 0, s = 0;
  while (t < tokens.size()) {
    while (s < doc.sentences.size() && doc.sentences[s].end <= tokens[t].span.begin) ++s;
    size_t end = t + 1;
    if (s < doc.sentences.size() && doc.sentences[s].begin <= tokens[t].span.begin) {
      while (end < tokens.size() && tokens[end].span.begin < doc.sentences[s].end) ++end;
    } else {
      const uint32_t limit = s < doc.sentences.size() ? doc.sentences[s].begin : UINT32_MAX;
      while (end < tokens.size() && tokens[end].span.begin < limit) ++end;
    }
    f(static_cast<uint32_t>(t), static_cast<uint32_t>(end));
    t = end;
  }
}

}  // namespace svodka

#endif  // SVODKA_NER_NER_TAGGER_H_
