// The guesser: parses of words that are not in the dictionary, predicted from their ending.
//
// Algorithm (pymorphy2's KnownSuffixAnalyzer, M. Korobov, "Morphological Analyzer and
// Generator for Russian and Ukrainian Languages", AIST 2015): for each paradigm prefix the word
// starts with ("", "по", "наи"), try the word's endings from the longest (5 characters) to the
// shortest; the prediction table maps an ending to the (count, paradigm, form) triples of
// dictionary words with that ending. Closed-class tags (NPRO, PREP, CONJ, ...) are skipped.
// The first ending length that yields any evidence wins; a parse's score is its count over the
// total count for its prefix, times 0.5 (guesses rank below dictionary parses).
#ifndef SVODKA_MORPH_GUESSER_H_
#define SVODKA_MORPH_GUESSER_H_

#include <cstdint>
#include <vector>

#include "morph/analyzer.h"

namespace svodka {

class Dictionary;

// Appends guessed parses (source kGuesser) of key[0, n) (key alphabet) to *out, best first;
// at most kMaxGuesses. Words shorter than 4 characters get none. No heap allocation beyond
// *out's growth.
inline constexpr int kMaxGuesses = 24;
void GuessParses(const Dictionary& dict, const std::vector<TagInfo>& tags, const uint8_t* key,
                 int n, std::vector<MorphParse>* out);

}  // namespace svodka

#endif  // SVODKA_MORPH_GUESSER_H_
