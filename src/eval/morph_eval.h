// Scoring the morphology stage on gold CoNLL-U (`svodka eval morph`).
//
// The gold tokenization is kept: each gold sentence's word lines (multi-word token ranges
// and empty nodes are ignored) are tagged in context and compared with the gold columns.
//
// Which tokens count ("word tokens"): gold UPOS is not PUNCT or SYM and the form contains at
// least one letter (so "2017" and "%" are out, "двух" and "NASA" are in).
//   lemma   over word tokens whose form contains a Cyrillic letter; compared lower-cased
//           with ё→е (gold corpora differ in capitalizing proper-name lemmas).
//   UPOS    exact, over word tokens.
//   Case, Number, Gender: over the word tokens where gold OR prediction has the feature;
//           correct when both have it with the same value (a feature predicted where gold has
//           none, or missed where gold has one, is an error).
//   FEATS   the whole FEATS set equal (order-insensitive, "_" = empty), over word tokens.
#ifndef SVODKA_MORPH_MORPH_EVAL_H_
#define SVODKA_MORPH_MORPH_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "base/conllu.h"
#include "morph/morphology.h"

namespace svodka {

struct MorphScores {
  struct Count {
    size_t total = 0, correct = 0;
    double Accuracy() const { return total ? double(correct) / double(total) : 0.0; }
  };
  size_t sentences = 0, tokens = 0;
  Count lemma, upos, gcase, number, gender, feats;
  // Upper bound from the analyzer: word tokens whose gold UPOS and Case (when it has one)
  // are offered by some candidate.
  Count oracle;
  void Add(const MorphScores& o);
};

// Confusions for error analysis (`svodka eval morph --show-errors N`): key
// "UPOS NOUN>PROPN", "Case Nom>Acc (NOUN)", "oracle NOUN/Gen", value: count and the first
// few forms.
struct MorphErrorLog {
  struct Entry {
    size_t count = 0;
    std::vector<std::string> examples;
  };
  std::map<std::string, Entry> entries;
  void Add(const std::string& key, std::string_view form);
  // The n most frequent entries, one per line.
  std::string Format(size_t n) const;
};

// Tags `gold` in context and scores it as described above. If predicted is non-null it
// receives a copy of gold with LEMMA, UPOS, FEATS replaced by the predictions; if errors is
// non-null it collects the confusions.
MorphScores EvaluateMorph(const Morphology& morph, const std::vector<ConlluSentence>& gold,
                          std::vector<ConlluSentence>* predicted = nullptr,
                          MorphErrorLog* errors = nullptr);

// Human-readable lines ("lemma 96.41% (10234/10615)", ...) and a JSON object.
std::string FormatMorphScores(const MorphScores& s);
std::string MorphScoresJson(const std::string& file, const MorphScores& s);

}  // namespace svodka

#endif  // SVODKA_MORPH_MORPH_EVAL_H_
