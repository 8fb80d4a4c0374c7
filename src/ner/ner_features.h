// Features of the named-entity tagger: for every token of a sentence, the rows of the model's
// feature table that fire (hashed feature templates).
//
// The templates are those the best classical NER systems use (Ratinov & Roth 2009; the CRF
// systems of factRuEval-2016): the token's lower-cased form, lemma, shape, affixes, UD part of
// speech and case from our morphology, the dictionary's name marks (Name, Surn, Patr, Geox,
// Orgn, Abbr), capitalization and its pattern around the token, a ±2 window of forms and
// lemmas, quotation marks around the token («Газпром»), the start of the sentence, the
// headline, the gazetteer of names seen in the training data, and word clusters learned from
// unlabelled text (word_clusters.h) at three granularities.
//
// Every template's value is hashed with the frozen FNV-1a/fmix functions below into a row of
// 2^hash_bits; changing a template, a hash or the order of computation changes the meaning of
// every weight, so it is versioned by kNerFeatureSet (ner_model.h) and the model refuses to
// load under another set.
//
// Cost: linear in the tokens, no allocation once the scratch vectors have grown.
#ifndef SVODKA_NER_NER_FEATURES_H_
#define SVODKA_NER_NER_FEATURES_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "svodka/document.h"

namespace svodka {

class NerModel;
class WordClusters;

// What the templates read of one token (computed once per token).
struct NerTokenInfo {
  uint64_t lower = 0, lemma = 0, shape = 0, upos = 0, gcase = 0;
  uint64_t suffix2 = 0, suffix3 = 0, suffix4 = 0, prefix3 = 0;
  uint64_t cluster[3] = {0, 0, 0};  // 0 when the token has no cluster
  uint8_t cap = 0;                  // 0 no letters, 1 lower, 2 Initial, 3 ALL CAPS, 4 mIxed
  uint8_t marks = 0;      // the dictionary's Name/Surn/Patr/Geox/Orgn/Abbr grammemes, one bit each
  uint8_t gazetteer = 0;  // type bits from the model's gazetteer (by lemma)
  uint8_t quote = 0;      // bit 0: an opening quote before; bit 1: a closing quote after;
                          // bit 2: inside quotes
  uint8_t history = 0;    // NerHistory::Code
  bool title = false;     // in the headline
  bool dateline = false;  // in the dateline ("ТОКИО, 20 марта. /ТАСС/.")
  bool starts = false;    // starts the sentence, or follows the dateline
};

// What the tagger has said so far in this document about each lemma ("extended prediction
// history", Ratinov & Roth 2009): a name tagged confidently in the headline ("МИД РФ" as an
// ORG) makes its later, harder occurrences ("МИД", in a list) easier. Indexed by the token's
// lemma id in the document's string pool.
struct NerHistory {
  std::vector<std::array<uint16_t, 4>> counts;  // O, PER, ORG, LOC predictions per lemma id

  void Reset(const Document& doc) { counts.assign(doc.strings.size(), {0, 0, 0, 0}); }
  // 0: the lemma has not been tagged before; else 1 + the most frequent of O, PER, ORG, LOC.
  uint8_t Code(const Token& token) const {
    if (token.lemma >= counts.size()) return 0;
    const auto& c = counts[token.lemma];
    int best = -1, best_count = 0;
    for (int k = 0; k < 4; ++k)
      if (c[k] > best_count) best = k, best_count = c[k];
    return static_cast<uint8_t>(best + 1);
  }
  void Record(const Token& token, int type_plus_one) {  // 0 for O, 1 + EntityType
    if (token.lemma < counts.size() && counts[token.lemma][type_plus_one] < UINT16_MAX)
      ++counts[token.lemma][type_plus_one];
  }
};

// Per-call memory of feature extraction.
struct NerFeatureScratch {
  std::vector<NerTokenInfo> info;
  std::string lower;  // the lower-cased form being built
  std::string shape;  // the shape being built
};

// The gazetteer key of a token: its lemma as the morphology gives it (the form before
// morphology ran) — what the trainer records and the tagger looks up.
inline std::string_view GazetteerKey(const Document& doc, const Token& token) {
  return token.has_morphology() ? doc.Lemma(token) : doc.Slice(token.span);
}

class NerFeatures {
 public:
  // `clusters` may be null (no cluster features).
  explicit NerFeatures(const WordClusters* clusters) : clusters_(clusters) {}

  // Rows per token: 39 templates, 44 with word clusters.
  int per_token() const { return clusters_ != nullptr ? 44 : 39; }

  // The rows of tokens [begin, end) of doc (one sentence): per_token() per token, appended to
  // *rows. `mask` selects the row (2^hash_bits - 1); `gazetteer` gives a key's type bits
  // (the model's, or the trainer's own while training).
  template <typename Gazetteer>
  void Extract(const Document& doc, uint32_t begin, uint32_t end, uint64_t mask,
               const Gazetteer& gazetteer, const NerHistory& history, NerFeatureScratch* scratch,
               std::vector<uint32_t>* rows) const {
    Describe(doc, begin, end, scratch);
    for (uint32_t t = begin; t < end; ++t) {
      NerTokenInfo& info = scratch->info[t - begin];
      info.gazetteer = gazetteer(GazetteerKey(doc, doc.tokens[t]));
      info.history = history.Code(doc.tokens[t]);
    }
    Rows(begin, end, mask, *scratch, rows);
  }

 private:
  void Describe(const Document& doc, uint32_t begin, uint32_t end,
                NerFeatureScratch* scratch) const;
  void Rows(uint32_t begin, uint32_t end, uint64_t mask, const NerFeatureScratch& scratch,
            std::vector<uint32_t>* rows) const;

  const WordClusters* clusters_;
};

}  // namespace svodka

#endif  // SVODKA_NER_NER_FEATURES_H_
