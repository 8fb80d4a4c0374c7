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
  uint8_t stem_history = 0;  // NerHistory::StemCode
  uint64_t stem = 0;         // NerStemKey of a capitalized word, 0 otherwise
  bool title = false;        // in the headline
  bool dateline = false;     // in the dateline ("ТОКИО, 20 марта. /ТАСС/.")
  bool starts = false;       // starts the sentence, or follows the dateline
};

// What the tagger has said so far in this document about each lemma ("extended prediction
// history", Ratinov & Roth 2009): a name tagged confidently in the headline ("МИД РФ" as an
// ORG) makes its later, harder occurrences ("МИД", in a list) easier. Indexed by the token's
// lemma id in the document's string pool.
//
// The same is kept for the STEMS of capitalized words (NerStemKey: the first five letters,
// lower case), because the lemma of a name is not always the same word in all its cases:
// "Фумио Кисидой" (lemma "Кисида") tagged PER helps "Кисида заявил" in a related headline,
// which the dictionary also reads as the genitive of an organization-like "Кисид".
struct NerHistory {
  std::vector<std::array<uint16_t, 4>> counts;  // O, PER, ORG, LOC predictions per lemma id
  // Open addressing over stem keys (0 is an empty slot); a document with more distinct
  // capitalized stems than kStemSlots / 2 stops recording new ones (the feature is then
  // absent for them, never wrong).
  static constexpr size_t kStemSlots = 4096;
  std::vector<uint64_t> stem_keys;
  std::vector<std::array<uint16_t, 4>> stem_counts;
  std::vector<uint32_t> stem_used;  // slots to clear at the next Reset
  size_t stems = 0;

  void Reset(const Document& doc) {
    counts.assign(doc.strings.size(), {0, 0, 0, 0});
    if (stem_keys.size() != kStemSlots) {
      stem_keys.assign(kStemSlots, 0);
      stem_counts.assign(kStemSlots, {0, 0, 0, 0});
    }
    for (uint32_t i : stem_used) stem_keys[i] = 0, stem_counts[i] = {0, 0, 0, 0};
    stem_used.clear();
    stems = 0;
  }
  static uint8_t Best(const std::array<uint16_t, 4>& c) {
    int best = -1, best_count = 0;
    for (int k = 0; k < 4; ++k)
      if (c[k] > best_count) best = k, best_count = c[k];
    return static_cast<uint8_t>(best + 1);
  }
  // The slot of `key`, or of the empty slot where it would go.
  size_t StemSlot(uint64_t key) const {
    size_t i = key & (kStemSlots - 1);
    while (stem_keys[i] != 0 && stem_keys[i] != key) i = (i + 1) & (kStemSlots - 1);
    return i;
  }
  // As Code, for a capitalized word's stem key (0: not a capitalized word).
  uint8_t StemCode(uint64_t key) const {
    if (key == 0 || stem_keys.size() != kStemSlots) return 0;
    const size_t i = StemSlot(key);
    return stem_keys[i] == key ? Best(stem_counts[i]) : 0;
  }
  void RecordStem(uint64_t key, int type_plus_one) {
    if (key == 0 || stem_keys.size() != kStemSlots) return;
    const size_t i = StemSlot(key);
    if (stem_keys[i] == 0) {
      if (stems >= kStemSlots / 2) return;
      stem_keys[i] = key;
      stem_used.push_back(static_cast<uint32_t>(i));
      ++stems;
    }
    if (stem_counts[i][type_plus_one] < UINT16_MAX) ++stem_counts[i][type_plus_one];
  }
  // 0: the lemma has not been tagged before; else 1 + the most frequent of O, PER, ORG, LOC.
  uint8_t Code(const Token& token) const {
    if (token.lemma >= counts.size()) return 0;
    return Best(counts[token.lemma]);
  }
  void Record(const Token& token, int type_plus_one) {  // 0 for O, 1 + EntityType
    if (token.lemma < counts.size() && counts[token.lemma][type_plus_one] < UINT16_MAX)
      ++counts[token.lemma][type_plus_one];
  }
};

// The stem key of a word that starts with an upper-case letter: a hash of its first five
// letters in lower case (the whole word when shorter), never 0; 0 for any other token.
// `lower` is scratch.
uint64_t NerStemKey(const Document& doc, const Token& token, std::string* lower);

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

  // Rows per token: 41 templates, 46 with word clusters.
  int per_token() const { return clusters_ != nullptr ? 46 : 41; }

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
      info.stem_history = history.StemCode(info.stem);
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
