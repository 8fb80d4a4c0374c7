// Viterbi decoding of one sentence under the BILOU constraints (ner_labels.h): the label
// sequence with the highest sum of emission, transition, start and end scores among the
// sequences that spell well-formed names. Shared by the tagger (int16 weights) and the trainer
// (float weights), which only differ in how they score. O(n * L * L), L = kNerLabels.
#ifndef SVODKA_NER_NER_DECODE_H_
#define SVODKA_NER_NER_DECODE_H_

#include <limits>
#include <vector>

#include "ner/ner_labels.h"

namespace svodka {

struct NerDecodeScratch {
  std::vector<float> best;   // n * L: the best score of a prefix ending in each label
  std::vector<int8_t> back;  // n * L: the label before it
};

// emission(i, l): the score of label l at position i; transition(p, l), start(l), end(l).
// Writes n labels into *labels.
template <typename Emission, typename Transition, typename Start, typename End>
void NerViterbi(int n, const Emission& emission, const Transition& transition, const Start& start,
                const End& end, NerDecodeScratch* s, std::vector<int>* labels) {
  constexpr int L = kNerLabels;
  constexpr float kNo = -std::numeric_limits<float>::infinity();
  labels->assign(n, 0);
  if (n == 0) return;
  s->best.assign(static_cast<size_t>(n) * L, kNo);
  s->back.assign(static_cast<size_t>(n) * L, 0);
  for (int l = 0; l < L; ++l)
    if (NerTransitionAllowed(-1, l)) s->best[l] = start(l) + emission(0, l);
  // The transition scores with the constraints folded in (-inf where not allowed).
  float trans[L][L];
  for (int p = 0; p < L; ++p)
    for (int l = 0; l < L; ++l) trans[p][l] = NerTransitionAllowed(p, l) ? transition(p, l) : kNo;
  for (int i = 1; i < n; ++i) {
    const float* prev_best = s->best.data() + static_cast<size_t>(i - 1) * L;
    for (int l = 0; l < L; ++l) {
      float best = kNo;
      int arg = 0;
      for (int p = 0; p < L; ++p) {
        const float v = prev_best[p] + trans[p][l];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      if (best == kNo) continue;
      s->best[i * L + l] = best + emission(i, l);
      s->back[i * L + l] = static_cast<int8_t>(arg);
    }
  }
  float best = kNo;
  int arg = 0;
  for (int l = 0; l < L; ++l) {
    const float v = s->best[(n - 1) * L + l];
    if (v == kNo || !NerTransitionAllowed(l, L)) continue;
    if (v + end(l) > best) {
      best = v + end(l);
      arg = l;
    }
  }
  for (int i = n - 1; i >= 0; --i) {
    (*labels)[i] = arg;
    arg = s->back[i * L + arg];
  }
}

}  // namespace svodka

#endif  // SVODKA_NER_NER_DECODE_H_
