// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
//
// Used by evaluation (gold tokens, sentences, lemmas, tags), by the morphology trainer and by
// `svodka morph --conllu`. Multi-word token lines ("1-2") and empty nodes ("1.1") are kept as
// raw lines so a file can be written back unchanged except for the columns we predict.
#ifndef SVODKA_BASE_CONLLU_H_
#define SVODKA_BASE_CONLLU_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "svodka/status.h"

namespace svodka {

struct ConlluWord {
  std::string id, form, lemma, upos, xpos, feats, head, deprel, deps, misc;
  bool SpaceAfter() const;  // false when MISC has SpaceAfter=No
};

struct ConlluSentence {
  std::vector<std::string> comments;  // "# text = ..." lines, without the newline
  std::vector<ConlluWord> words;      // ordinary word lines (integer ids)
  // Lines that are not ordinary words ("1-2\t...", "3.1\t..."), with the index in `words`
  // before which each appeared, so Write can reproduce the file.
  std::vector<std::pair<size_t, std::string>> extra_lines;
  size_t line = 0;  // 1-based line of the sentence's first line in the file

  std::string Text() const;  // "# text =" when present, else forms joined by SpaceAfter
};

// Parses CoNLL-U from `data`, calling `sink` per sentence (return false to stop early).
// `name` is used in error messages: "name: line 17: expected 10 tab-separated columns".
// Malformed lines are reported as an error Status after the sentences before them.
Status ReadConllu(std::string_view data, std::string_view name,
                  const std::function<bool(ConlluSentence&&)>& sink);

// Convenience: the whole file into memory.
Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path);

// Appends the sentence in CoNLL-U form (comments, words, extra lines, blank line).
void WriteConllu(const ConlluSentence& s, std::string* out);

// The value of feature `name` in a UD FEATS string ("Case=Nom|Number=Sing", "Case" -> "Nom"),
// or "" when absent. The result points into `feats`. O(feats.size()).
std::string_view FeatValue(std::string_view feats, std::string_view name);

}  // namespace svodka

#endif  // SVODKA_BASE_CONLLU_H_
