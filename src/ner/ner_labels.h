// The label set of the named-entity tagger: BILOU over three types.
//
//   O        outside any name
//   B-T      the first token of a name of type T that has several tokens
//   I-T      a token inside it
//   L-T      its last token
//   U-T      a name of one token
//
// with T one of PER, ORG, LOC. BILOU rather than BIO: the explicit last and unit labels let the
// tagger learn where names end (a genitive complement "МИД России" vs two names), which
// measurably helps span F1 for Russian names (Ratinov & Roth 2009 found the same for English).
// The order of the labels is part of the model file format: do not change it.
#ifndef SVODKA_NER_NER_LABELS_H_
#define SVODKA_NER_NER_LABELS_H_

#include <cstdint>
#include <string_view>

#include "svodka/document.h"

namespace svodka {

inline constexpr int kNerLabels = 13;
enum class Bilou : uint8_t { kO, kB, kI, kL, kU };

// Label 0 is O; label 1 + 4 * type + (position - 1) for B, I, L, U.
constexpr int NerLabel(Bilou position, EntityType type) {
  return position == Bilou::kO ? 0
                               : 1 + 4 * static_cast<int>(type) + static_cast<int>(position) - 1;
}
constexpr Bilou LabelPosition(int label) {
  return label == 0 ? Bilou::kO : static_cast<Bilou>((label - 1) % 4 + 1);
}
constexpr EntityType LabelType(int label) {
  return static_cast<EntityType>(label == 0 ? 0 : (label - 1) / 4);
}

// Whether label `next` may follow label `prev` (-1: the sentence start; kNerLabels: its
// end): a B or I must be followed by an I or L of the same type; an L, U or O by anything that
// starts (B, U, O).
constexpr bool NerTransitionAllowed(int prev, int next) {
  const bool prev_open = prev >= 0 && prev < kNerLabels &&
                         (LabelPosition(prev) == Bilou::kB || LabelPosition(prev) == Bilou::kI);
  if (next == kNerLabels) return !prev_open;
  const Bilou p = LabelPosition(next);
  const bool continues = p == Bilou::kI || p == Bilou::kL;
  if (prev_open) return continues && LabelType(prev) == LabelType(next);
  return !continues;
}

// Whether a token of this kind may carry the label: a name never starts with a punctuation
// mark or a symbol ("/ТАСС/." is no name's beginning; the quotes of «Газпром» are outside it).
constexpr bool NerLabelAllowedOn(int label, TokenKind kind) {
  const Bilou p = LabelPosition(label);
  return !((p == Bilou::kB || p == Bilou::kU) &&
           (kind == TokenKind::kPunct || kind == TokenKind::kSymbol));
}

// "O", "B-PER", ... for messages and tests.
std::string_view NerLabelName(int label);

}  // namespace svodka

#endif  // SVODKA_NER_NER_LABELS_H_
