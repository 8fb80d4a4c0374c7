// Normalization of text for word lookup (dictionaries, gazetteers), keeping a map back to the
// original bytes, as SentencePiece's normalizer does.
//
// Steps, per code point: drop soft hyphens (U+00AD) and combining acute/grave stress marks
// (U+0301, U+0300); NBSP and other spaces → " "; lower case (optional); ё → е (optional);
// inside a word that has Cyrillic letters, Latin look-alikes (A a B C c E e H K k M O o P p T
// X x y) become the Cyrillic letters they imitate ("Mосква" → "москва"). A word here is a
// maximal run of letters and combining marks.
//
// Complexity: linear; the output map has one entry per output byte plus one.
#ifndef SVODKA_TEXT_NORMALIZE_H_
#define SVODKA_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace svodka {

struct NormalizeOptions {
  bool lower_case = true;
  bool yo_to_e = true;
};

struct NormalizedText {
  std::string text;  // normalized UTF-8
  // to_original[i] is the byte offset in the input of the character that produced output byte
  // i; to_original[text.size()] is the input size. Monotone non-decreasing.
  std::vector<uint32_t> to_original;
};

// Normalizes valid UTF-8 `s` into *out (cleared first; its buffers are reused).
void Normalize(std::string_view s, const NormalizeOptions& options, NormalizedText* out);

inline NormalizedText Normalize(std::string_view s, const NormalizeOptions& options = {}) {
  NormalizedText out;
  Normalize(s, options, &out);
  return out;
}

}  // namespace svodka

#endif  // SVODKA_TEXT_NORMALIZE_H_
