#include "ner/ner_labels.h"

namespace svodka {

std::string_view NerLabelName(int label) {
  static constexpr std::string_view kNames[kNerLabels] = {
      "O",     "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG",
      "L-ORG", "U-ORG", "B-LOC", "I-LOC", "L-LOC", "U-LOC"};
  return label >= 0 && label < kNerLabels ? kNames[label] : "?";
}

}  // namespace svodka
