// Tagger: picks one morphological analysis per token of a sentence, in context.
//
// The analyzer proposes every analysis a word form can have (its CANDIDATES); the tagger ranks
// them with a linear model over hashed features and keeps the best. Decoding is greedy, left to
// right: a candidate of token i is scored with features of the words around it (forms,
// suffixes, capitalization, the candidate sets of the words on the right), of the analyses
// already chosen on the left (tag, POS, case/number/gender agreement) and of the candidate
// itself (its tag, POS, grammemes, lemma, dictionary score). For case, subject vs object:
// the nearest possible finite verb on the right (its tag: transitivity, reflexivity), whether
// it can agree with the candidate in number and gender, punctuation in between; the chosen
// verb on the left, its agreement with the candidate and whether it already has a nominative
// before it; coordination ("X и Y", "X, Y": the case of X). The weights are learned by an
// averaged perceptron (tools/morph_trainer.cc) in the manner of Collins (2002), "Discriminative
// training methods for hidden Markov models", restricted to the analyzer's candidates as in
// candidate-ranking disambiguators for Russian (e.g. MorphoRuEval-2017 systems).
//
// Features are 64-bit hashes of (template, values); each feature conjoined with a candidate
// attribute indexes a fixed table of 2^bits float weights (TaggerModel). The hash functions
// are FROZEN: they define the model file (see tagger_model.h, kTaggerFeatureSet).
//
// Cost: O(tokens × candidates × ~30) table look-ups; no allocation once the caller's
// TaggerScratch has grown to the longest sentence. A Tagger is immutable and thread-safe;
// each thread brings its own scratch.
#ifndef SVODKA_MORPH_TAGGER_H_
#define SVODKA_MORPH_TAGGER_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "morph/tagger_model.h"

namespace svodka {

// Coarse grammatical values, as small ids (0 = absent). Filled by the caller from the
// analyzer's OpenCorpora tag (see morphology.cc); the tagger only compares and hashes them.
struct TagCandidate {
  uint64_t tag = 0;    // TaggerHash of the full OpenCorpora tag text
  uint64_t lemma = 0;  // TaggerHash of the normalized lemma
  uint8_t pos = 0;     // < 32: OpenCorpora POS id
  uint8_t gcase = 0;   // < 16
  uint8_t number = 0;  // < 4
  uint8_t gender = 0;  // < 8
  uint8_t score = 0;   // dictionary score bucket 0..7 (higher = more likely out of context)
  uint8_t rank = 0;    // position in the analyzer's list (capped at 3)
  uint8_t flags = 0;   // caller-defined (see candidates.h); not a feature
};

// One token as the tagger sees it: its form and its candidates (at least one).
struct TagToken {
  std::string_view form;
  const TagCandidate* candidates = nullptr;
  uint32_t num_candidates = 0;
};

// Per-call memory of the tagger, reused across sentences. Not shared between threads.
struct TaggerScratch {
  struct TokenInfo {
    uint64_t word = 0;        // lower-cased form (ё→е)
    uint64_t suffix[4] = {};  // last 1..4 code points
    uint64_t shape = 0;
    uint64_t amb = 0;  // the set of candidate tags
    uint32_t pos_mask = 0;
    uint32_t case_mask = 0;
    uint32_t agr_mask = 0;  // (case, number, gender) combinations of the candidates, hashed
    uint64_t verb_tag = 0;  // tag of the first finite-verb candidate, 0 when none
    uint8_t verb_number = 0, verb_gender = 0;  // of that candidate
  };
  std::vector<TokenInfo> info;
  std::vector<uint64_t> static_features;  // kNumStatic per token
  std::vector<char32_t> chars;
};

// A frozen 64-bit hash of bytes (FNV-1a followed by a murmur3 finalizer).
uint64_t TaggerHash(std::string_view s);

class Tagger {
 public:
  static constexpr int kNumStatic = 20;    // candidate-independent features per token
  static constexpr int kMaxFeatures = 56;  // upper bound of CandidateFeatures' output

  explicit Tagger(const TaggerModel* model) : model_(model) {}

  // For each token i writes into choice[i] the index of the chosen candidate.
  // Precondition: choice.size() == tokens.size(); every token has >= 1 candidate.
  void Tag(std::span<const TagToken> tokens, TaggerScratch* scratch,
           std::span<uint16_t> choice) const;

  // --- building blocks shared with the trainer ------------------------------------------
  // Computes the candidate-independent features of every token into scratch.
  static void Prepare(std::span<const TagToken> tokens, TaggerScratch* scratch);
  // Writes the weight-table keys (full 64-bit hashes) of candidate c of token i, given the
  // choices already made for tokens < i. Returns how many (<= kMaxFeatures).
  static int CandidateFeatures(std::span<const TagToken> tokens, const TaggerScratch& scratch,
                               std::span<const uint16_t> choice, size_t i, const TagCandidate& c,
                               uint64_t* out);
  // The two parts of CandidateFeatures: those that do not depend on the choices on the left,
  // and those that do (a decoder that keeps several histories computes the first once).
  static int StaticCandidateFeatures(std::span<const TagToken> tokens, const TaggerScratch& scratch,
                                     size_t i, const TagCandidate& c, uint64_t* out);
  static int HistoryFeatures(std::span<const TagToken> tokens, const TaggerScratch& scratch,
                             std::span<const uint16_t> choice, size_t i, const TagCandidate& c,
                             uint64_t* out);

 private:
  const TaggerModel* model_;
};

}  // namespace svodka

#endif  // SVODKA_MORPH_TAGGER_H_
