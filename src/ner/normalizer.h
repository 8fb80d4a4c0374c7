// Normalizer: the stage that gives every named mention its base form (Mention::normal) — the
// nominative of the whole phrase with agreement kept:
//
//   "Фумио Кисидой" -> "Фумио Кисида"       "Анны Карениной" -> "Анна Каренина"
//   "Министерства иностранных дел России" -> "Министерство иностранных дел России"
//   "южных Курилах" -> "Южные Курилы"        "«Газпрома»" -> "«Газпром»"    "МИД РФ" unchanged
//
// Every form comes from the analyzer's inflection (Analyzer::Inflect over the dictionary's or
// the guesser's paradigm of the reading chosen for the word, starting from the tagger's); no
// ending is made up by a string rule (but for ordinals in digits, "101-й" -> "101-я", from
// data/rules/morph_ordinal_endings.tsv). The rules, in full in docs/entities.md, "Base forms":
//
//  * PER: every word of the name goes to the nominative singular in the person's gender; the
//    name's case is the one its words' readings agree on, or the one the sentence gives (a
//    verb after it, an agreeing word before it). The gender is the sentence's ("Асия Биби
//    была", "христианке Асии Биби"), pooled over the document's mentions of the name, else the
//    first name's, else the surname's. Indeclinable names, initials, abbreviations, Latin and
//    unknown words stay; so does a woman's surname whose masculine nominative ends in a
//    consonant ("Корине Крецу"). Words in another case than the name's are its dependents and
//    stay ("патриарх Московский и всея Руси Кирилл").
//  * LOC, ORG: the head (the first noun) goes to the nominative — singular for a proper noun,
//    plural-only names stay plural ("Курилах" -> "Курилы"), its own number for a common noun
//    ("Соединенных Штатов" -> "Соединенные Штаты") — and the adjectives before it agree with
//    it; everything after the head stays as written (genitive complements, prepositional
//    phrases, quoted or foreign names) but a name in apposition to a lower-case head
//    ("городе Москве" -> "город Москва"). An abbreviation, Latin or unknown head stays.
//  * The document is evidence (Annotate only): a second pass re-reads a name word whose
//    nominative no other mention attests when another reading's is attested ("Асии": "Асия",
//    not "Асий"), or the word is a form of an attested nominative ("Кисиде" -> "Кисида").
//  * Each word keeps its capitalization; a LOC/ORG name whose head is capitalized gets a
//    lower-case first adjective capitalized ("южных Курилах" -> "Южные Курилы"); "ё" only
//    where the word had it; punctuation stays, white space becomes one space.
//
// Thread-safety: immutable after construction; Annotate and Normalize may run concurrently,
// each call with its own Scratch (null: a temporary one).
#ifndef SVODKA_NER_NORMALIZER_H_
#define SVODKA_NER_NORMALIZER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "morph/analyzer.h"
#include "morph/morphology.h"
#include "svodka/document.h"
#include "svodka/stage.h"
#include "svodka/status.h"

namespace svodka {

class Normalizer : public Stage {
 public:
  // Shares the analyzer (its dictionary and guesser inflect the words).
  explicit Normalizer(std::shared_ptr<const Analyzer> analyzer);
  // Uses the morphology stage's analyzer; `morphology` must outlive the Normalizer.
  explicit Normalizer(const Morphology& morphology);
  // Loads the dictionary (FindDataFile("ru.dict") unless a path is given).
  static Result<Normalizer> LoadDefault(const std::string& dict_path = {});

  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;
  ~Normalizer() override;

  std::string_view name() const override { return "normal"; }
  // Sets Mention::normal of every mention of kind kName in doc.entities (others keep "")
  // and adds kLayerNormal to doc.layers. The tokens must have their morphology (a token
  // without it is kept as written). Never fails on input: mentions whose tokens are out of
  // range get their text as written.
  Status Annotate(Document& doc, Scratch* scratch) const override;

  // The base form of mention m of doc (its tokens [m.first_token, m.end_token) inside m.span)
  // read as a name of m.type, whatever m.kind is.
  std::string Normalize(const Document& doc, const Mention& m, Scratch* scratch = nullptr) const;

 private:
  struct Ids;
  struct Word;
  struct Reading;
  struct Buffers;
  explicit Normalizer(std::shared_ptr<const Analyzer> owned, const Analyzer* analyzer);

  std::string NormalizeMention(const Document& doc, const Mention& m, Buffers* b) const;
  void Describe(const Document& doc, const Mention& m, Buffers* b) const;
  bool FindParse(std::string_view form, uint16_t tag, std::string_view lemma, Buffers* b,
                 MorphParse* out) const;
  bool Agrees(const Document& doc, const Mention& m, const GrammemeSet& g, Buffers* b) const;
  int ContextGender(const Document& doc, const Mention& m, Buffers* b, int* gcase) const;
  void Readings(const Word& w, bool person, int gender, Buffers* b) const;
  bool Resolve(Word& w, int phrase_case, int gender, bool person, Buffers* b,
               const std::vector<Reading>* readings) const;
  bool FromEvidence(Word& w, int gcase, bool person, Buffers* b) const;
  bool OfKeptNominative(Word& w, int gcase, bool person, Buffers* b) const;
  std::optional<std::string> Nominative(std::string_view form, const MorphParse& p,
                                        GrammemeSet want) const;
  bool InflectWord(Word& w, GrammemeSet want, bool keep_gender) const;
  bool InflectParts(Word& w, int gcase, GrammemeSet want, Buffers* b) const;
  void NormalizePerson(const Document& doc, const Mention& m, Buffers* b) const;
  void NormalizePhrase(const Document& doc, Buffers* b) const;
  void Remember(Buffers* b) const;
  bool EndsIndeclinable(std::string_view form) const;
  int CaseOf(const GrammemeSet& g) const;
  int GenderOf(const GrammemeSet& g) const;
  bool IsPerson(const GrammemeSet& g) const;
  bool IsProper(const GrammemeSet& g) const;

  std::shared_ptr<const Analyzer> owned_;
  const Analyzer* analyzer_;
  std::unique_ptr<const Ids> ids_;
  std::unordered_map<std::string_view, uint16_t> tag_ids_;  // tag text -> id (analyzer's)
};

}  // namespace svodka

#endif  // SVODKA_NER_NORMALIZER_H_
