// Training the morphological tagger (`svodka train morph`): an averaged perceptron over the
// analyzer's candidates (see src/morph/tagger.h for the model and its features).
//
// Gold annotations (UD-style CoNLL-U: MorphoRuEval-2017, UD treebanks, GramEval2020) are
// mapped to candidates by MatchGold: a candidate is acceptable when its coarse POS agrees with
// the gold UPOS and it scores best on lemma (lower-cased, ё→е) + Case + Number + Gender;
// tokens without such a candidate, or whose gold is not comparable (punctuation, numbers in
// digits), are not learned from, but still tagged so that the left context is realistic.
#ifndef SVODKA_TOOLS_MORPH_TRAINER_H_
#define SVODKA_TOOLS_MORPH_TRAINER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "base/conllu.h"
#include "morph/morphology.h"
#include "svodka/status.h"

namespace svodka {

struct MorphTrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U, optionally .xz-compressed
  std::vector<std::string> dev_files;    // scored after each epoch (never trained on)
  std::string dict_path;
  std::string out_path;  // where the model is written (if not empty)
  int epochs = 8;
  uint32_t hash_bits = kTaggerDefaultHashBits;
  uint64_t seed = 1;
};

// Candidates and gold of a training corpus, already analysed. gold[t] has bit k set when
// candidate k of token t is acceptable; 0 = not learned from.
struct TaggerTrainingSet {
  std::vector<TagToken> tokens;
  std::vector<uint64_t> gold;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;  // [begin, end) token ranges
};

// The perceptron itself: `epochs` passes in a seeded random order; after each epoch calls
// on_epoch(epoch, errors, learned tokens, averaged weights) and returns the last averaged
// weights. Deterministic for a given seed.
std::vector<float> TrainPerceptron(
    const TaggerTrainingSet& set, int epochs, uint32_t hash_bits, uint64_t seed,
    const std::function<void(int, size_t, size_t, const std::vector<float>&)>& on_epoch);

// Reads a CoNLL-U file, decompressing it first when the name ends in ".xz".
Result<std::vector<ConlluSentence>> ReadConlluMaybeXz(const std::string& path);

// Trains on in-memory sentences with a loaded analyzer; `log` gets progress lines.
// InvalidArgument, and no model, when nothing can be learned: no token whose gold reading
// (a UD UPOS, "_" is not one) matches one of several candidates.
Result<TaggerModel> TrainTagger(std::shared_ptr<const Analyzer> analyzer,
                                const std::vector<ConlluSentence>& train,
                                const std::vector<std::vector<ConlluSentence>>& dev,
                                const MorphTrainOptions& options, std::ostream& log);

// The whole command: load the dictionary and data, train, save options.out_path (nothing
// is written when training fails; the error names the training files).
Status TrainMorph(const MorphTrainOptions& options, std::ostream& log);

}  // namespace svodka

#endif  // SVODKA_TOOLS_MORPH_TRAINER_H_
