// Training the named-entity tagger (`svodka train ner`): a first-order structured averaged
// perceptron (Collins 2002) over BILOU labels, with the features of src/ner/ner_features.h.
//
// Data: gold folders read by ReadEntityGold (src/eval/entity_gold.h: NEREL and Collection5 brat
// folders, factRuEval), names already reduced to PER/ORG/LOC and to their outermost spans.
// Every text goes through the runtime's own reader, segmentation and morphology, so the
// tagger learns from exactly the tokens it will see. A token gets the label of the gold name
// it lies in (a token only partly inside a name — a tokenization disagreement — counts as
// inside, and is counted in the log).
//
// The gazetteer (names seen in training, by lemma) is built by jackknifing: the gazetteer
// feature of a training document comes from the other folds only, so that the model learns
// how much a gazetteer hit is worth on names it has not seen; the model then ships the
// gazetteer of all the data.
//
// A held-out tenth of the training documents (every tenth, never trained on) picks the best
// epoch; the development and test sets of the corpora are not used at all.
#ifndef SVODKA_TOOLS_NER_TRAINER_H_
#define SVODKA_TOOLS_NER_TRAINER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "ner/ner_model.h"
#include "svodka/status.h"

namespace svodka {

struct NerTrainOptions {
  std::vector<std::string> train;  // gold folders (brat or factRuEval)
  std::string dict_path;           // morphology (default: looked up)
  std::string tagger_model_path;
  std::string clusters_path;  // word clusters for the cluster features ("" = none)
  std::string out_path;       // where the model is written
  int epochs = 10;
  uint32_t hash_bits = 17;
  int gazetteer_min_count = 2;  // a key must be seen in this many names
  int folds = 5;                // jackknife folds of the gazetteer
  uint64_t seed = 1;
  // Perceptrons trained with seeds seed, seed + 1, ...; the model is the mean of their
  // weights (a linear ensemble: steadier than any one document order).
  int ensemble = 1;
};

// The whole command: reads, analyses, trains, writes options.out_path. Nothing is written when
// training fails; errors name the input. `log` gets progress and the held-out figures.
Status TrainNer(const NerTrainOptions& options, std::ostream& log);

}  // namespace svodka

#endif  // SVODKA_TOOLS_NER_TRAINER_H_
