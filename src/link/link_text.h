// Word-level helpers of the linking stages (src/link): folding and stemming of words, and the
// grammatical facts of each token that linking reads from its morphology, decoded once per
// document into bit flags.
//
//  * Fold: lower case with "ё" -> "е" ("Лавров" -> "лавров", "Соединённые" -> "соединенные").
//  * Stem: a folded word without its inflectional ending — the longest ending of a fixed list
//    of Russian noun and adjective endings that leaves at least three letters ("лавровым" ->
//    "лавров", "кисидой" -> "кисид", "россии" -> "росс", "иностранных" -> "иностранн"). Words
//    are compared by the stems of their form and of their lemma (Word), so that a wrong lemma
//    of a foreign name ("Кисидой" -> "Кисида" or "Кисидой") or an unexpected lemma of a
//    participle ("Соединенные" -> "соединить") still matches the other forms of the word.
//    An abbreviation written with a lower-case ending keeps its capitals only ("МИДа" ->
//    "мид"); a word in capitals is stemmed as any other ("ТОКИО" -> "токи", as "Токио").
//  * TokenFlags: UPOS, the OpenCorpora grammemes linking needs (Name, Surn, Patr, Geox,
//    gender, number, case, tense), capitalization, punctuation classes.
//
// Thread-safety: pure functions; TokenFlagCache is per call (kept in a Scratch).
#ifndef SVODKA_LINK_LINK_TEXT_H_
#define SVODKA_LINK_LINK_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "svodka/document.h"

namespace svodka {

// Lower case, "ё" -> "е".
std::string Fold(std::string_view s);
// The stem of a folded word (see above).
std::string Stem(std::string_view folded);
// The stem of a word as written: an all-capitals prefix of two letters or more followed by a
// lower-case ending ("МИДа") is kept, lower-cased; otherwise Stem(Fold(s)).
std::string WordStem(std::string_view s);
// The first code point of s, folded (0 for an empty s).
char32_t FirstLetter(std::string_view s);

// A word as linking compares it: the stems of its form and of its lemma.
struct Word {
  std::string form;   // WordStem(form)
  std::string lemma;  // WordStem(lemma); == form when there is no lemma
};
// True when the words share a stem (form or lemma).
bool SameWord(const Word& a, const Word& b);
// Word by word.
bool SameWords(const std::vector<Word>& a, const std::vector<Word>& b);

// Token flags (bits of a uint64_t).
enum TokenFlag : uint64_t {
  kTfWord = 1ull << 0,  // TokenKind::kWord
  kTfNoun = 1ull << 1,  // UPOS NOUN
  kTfPropn = 1ull << 2,
  kTfAdj = 1ull << 3,
  kTfVerb = 1ull << 4,
  kTfPron = 1ull << 5,
  kTfDet = 1ull << 6,
  kTfAdp = 1ull << 7,
  kTfConj = 1ull << 8,  // CCONJ, SCONJ
  kTfPunct = 1ull << 9,
  kTfNum = 1ull << 10,
  kTfAux = 1ull << 11,
  kTfName = 1ull << 12,  // OpenCorpora Name (first name)
  kTfSurn = 1ull << 13,
  kTfPatr = 1ull << 14,
  kTfGeox = 1ull << 15,
  kTfOrgn = 1ull << 16,
  kTfAbbr = 1ull << 17,
  kTfFixd = 1ull << 18,
  kTfMasc = 1ull << 19,
  kTfFemn = 1ull << 20,
  kTfNeut = 1ull << 21,
  kTfMsF = 1ull << 22,  // common gender ("коллега", "глава")
  kTfSing = 1ull << 23,
  kTfPlur = 1ull << 24,
  kTfNomn = 1ull << 25,
  kTfGent = 1ull << 26,
  kTfDatv = 1ull << 27,
  kTfAccs = 1ull << 28,
  kTfAblt = 1ull << 29,
  kTfLoct = 1ull << 30,
  kTfPast = 1ull << 31,
  kTfAnim = 1ull << 32,
  kTfInan = 1ull << 33,
  kTfPrtf = 1ull << 34,     // participle
  kTfUpper = 1ull << 35,    // the first letter is a capital
  kTfAllCaps = 1ull << 36,  // two letters or more, all capitals
  kTfComma = 1ull << 37,
  kTfDash = 1ull << 38,    // - – —
  kTfQuote = 1ull << 39,   // " « » „ “ ”
  kTfOpenBr = 1ull << 40,  // (
  kTfColon = 1ull << 41,
  kTfAdv = 1ull << 42,
  kTfPart = 1ull << 43,
  kTfOneLetter = 1ull << 44,  // a word of one letter ("С" of "С. Лавров")
};
inline constexpr uint64_t kTfCases = kTfNomn | kTfGent | kTfDatv | kTfAccs | kTfAblt | kTfLoct;
inline constexpr uint64_t kTfGenders = kTfMasc | kTfFemn | kTfNeut;

// Flags of every token of a document. The tags are decoded once per distinct tag string.
class TokenFlagCache {
 public:
  // Computes the flags of doc's tokens into flags().
  void Compute(const Document& doc);
  const std::vector<uint64_t>& flags() const { return flags_; }

 private:
  std::vector<uint64_t> flags_;
  std::vector<uint64_t> tag_flags_;  // by string id: grammeme flags | 1 (computed)
  std::vector<uint64_t> upos_flags_;
};

// The text of a token, and its folded lemma (the folded text when it has none).
std::string_view TokenText(const Document& doc, uint32_t t);
std::string TokenLemmaKey(const Document& doc, uint32_t t);
Word TokenWord(const Document& doc, uint32_t t);

}  // namespace svodka

#endif  // SVODKA_LINK_LINK_TEXT_H_
