// Morphological analysis of Russian word forms without context: every parse a word can have
// (lemma, OpenCorpora tag, UD UPOS + FEATS, a score), plus inflection of a lexeme to requested
// grammemes. A context tagger (src/morph/tagger*) picks among the parses.
//
// Sources of parses, tried in this order (the first that yields anything wins):
//   1. the compiled OpenCorpora dictionary (src/morph/dictionary.h), looked up in lower case,
//      where an input "е" also matches a dictionary "ё" (as pymorphy2 does: "еще" -> "ещё");
//      scored by P(tag|word) from the OpenCorpora corpus where known, otherwise by a
//      tag-frequency prior;
//   2. tokens that are not words: numbers ("2017", "2,5"; "1990-х" is an ordinal, ADJ),
//      punctuation, symbols (data/rules/morph_punct.tsv), Latin words, initials ("В.",
//      data/rules/morph_added_readings.tsv);
//   3. hyphenated words not in the dictionary: the part after the last hyphen is analysed and
//      the prefix is kept verbatim ("интернет-магазина" -> "интернет-магазин"), particles
//      ("-то", "-нибудь", ... data/rules/morph_hyphen_particles.tsv) are kept verbatim after
//      the analysed left part ("кто-нибудь"); abbreviation
//      readings of the last part are dropped (their lemma is the expanded word), and a word
//      whose last part is one letter ("п-р-и-в-е-т", "Чта-а-а") is not a compound: it goes
//      to 5., so its lemma is the word itself;
//   4. the guesser (src/morph/guesser.h): paradigms predicted from the word's ending, like
//      pymorphy2's KnownSuffixAnalyzer ("Кисидой" -> "Кисида", "твитнул" -> "твитнуть");
//   5. a fallback UNKN/X parse, so Analyze never returns an empty list.
//
// UPOS and FEATS come from data/rules/opencorpora_ud.tsv (by part of speech, grammeme and
// lexeme: "быть" is AUX, "который" PRON). Lemmas follow UD Russian where the dictionary's
// lexemes differ: prepositions, conjunctions and particles are their own lemma ("во" ->
// "во"), ordinals are not merged with cardinals ("первого" -> "первый"). Combining stress
// marks (U+0301, U+0300) are ignored.
//
// Capitalization: lemmas of proper names and abbreviations (the "proper" grammemes of
// data/rules/morph_grammeme_classes.tsv) keep the input's capitalization per hyphen-separated
// part ("Лаврова" -> "Лавров",
// "МИД" -> "МИД", "Южно-Сахалинска" -> "Южно-Сахалинск"); other lemmas are lower case.
//
// Thread-safety: all const methods may be called concurrently. The Analyzer owns its mapped
// dictionary; it is movable, not copyable.
#ifndef SVODKA_MORPH_ANALYZER_H_
#define SVODKA_MORPH_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "svodka/status.h"

namespace svodka {

class Dictionary;
struct MorphRules;

// Universal POS tags (UD v2).
enum class Upos : uint8_t {
  kX = 0,
  kAdj,
  kAdp,
  kAdv,
  kAux,
  kCconj,
  kDet,
  kIntj,
  kNoun,
  kNum,
  kPart,
  kPron,
  kPropn,
  kPunct,
  kSconj,
  kSym,
  kVerb,
};
inline constexpr int kUposCount = 17;
// "ADJ", "NOUN", ... ; "X" for out-of-range values.
const char* UposName(Upos upos);

// A set of OpenCorpora grammemes, by id (ids are the dictionary's grammeme order; use
// Analyzer::GrammemeId / Analyzer::ParseGrammemes to get them). Fits all 113 (+ synthetic).
struct GrammemeSet {
  uint64_t bits[2] = {0, 0};
  // Ids outside [0, 128) (e.g. -1 from GrammemeId for an unknown name) are ignored.
  void Add(int id) {
    if (static_cast<unsigned>(id) < 128) bits[id >> 6] |= uint64_t{1} << (id & 63);
  }
  void Remove(int id) {
    if (static_cast<unsigned>(id) < 128) bits[id >> 6] &= ~(uint64_t{1} << (id & 63));
  }
  bool Has(int id) const {
    return static_cast<unsigned>(id) < 128 && ((bits[id >> 6] >> (id & 63)) & 1);
  }
  bool Contains(const GrammemeSet& o) const {
    return (bits[0] & o.bits[0]) == o.bits[0] && (bits[1] & o.bits[1]) == o.bits[1];
  }
  bool Empty() const { return (bits[0] | bits[1]) == 0; }
  int Count() const { return __builtin_popcountll(bits[0]) + __builtin_popcountll(bits[1]); }
  int CountCommon(const GrammemeSet& o) const {
    return __builtin_popcountll(bits[0] & o.bits[0]) + __builtin_popcountll(bits[1] & o.bits[1]);
  }
  bool operator==(const GrammemeSet&) const = default;
};

// Everything known about one tag, precomputed once at load.
struct TagInfo {
  std::string text;        // OpenCorpora notation, e.g. "NOUN,anim,masc,Name sing,gent"
  int pos = -1;            // grammeme id of the part of speech (NOUN, ADJF, ...), -1 if none
  GrammemeSet grammemes;   // all grammemes of the tag
  Upos upos = Upos::kX;    // default UPOS (a parse may refine it, see MorphParse::upos)
  std::string feats;       // UD FEATS, "Animacy=Anim|Case=Gen|Gender=Masc|Number=Sing", or "_"
  bool productive = true;  // false for closed classes (NPRO, PREP, CONJ, PRCL, ...)
};

// How a parse was obtained.
enum class ParseSource : uint8_t {
  kDictionary = 0,
  kHyphen,
  kGuesser,
  kNumber,
  kPunct,
  kSymbol,
  kLatin,
  kInitial,
  kUnknown,
  kAbbreviation,  // a dictionary word written with a trailing period ("г.", "чел."); the
                  // period is suffix_chars but not part of the lemma
};

// One parse of a word form. Trivially copyable, 20 bytes; lemma text is made on demand.
struct MorphParse {
  static constexpr uint16_t kNoParadigm = 0xFFFF;
  uint16_t paradigm = kNoParadigm;  // dictionary paradigm id, kNoParadigm for non-words
  uint16_t form = 0;                // form index within the paradigm
  uint16_t tag = 0;                 // Analyzer::Tag(tag)
  Upos upos = Upos::kX;             // UD UPOS of this parse (tag default refined by lexeme)
  ParseSource source = ParseSource::kUnknown;
  uint8_t prefix_chars = 0;  // leading code points of the input kept verbatim (hyphen prefix)
  uint8_t suffix_chars = 0;  // trailing code points kept verbatim (hyphen particle "-то")
  uint32_t yo_mask = 0;      // bit i: the dictionary form has "ё" at code point i (after the
                             // kept prefix) where the input has "е"
  float score = 0;           // in (0, 1]; parses of one word sum to ~1, sorted descending
};

class Analyzer {
 public:
  // Maps the compiled dictionary at path (see FindDataFile in src/morph/data_path.h for the
  // default location, "ru.dict") and reads the rule tables embedded from data/rules (see
  // analyzer_rules.h). Errors name the file and the failing section / offset, or the table
  // and line ("data/rules/opencorpora_ud.tsv:12: ...").
  static Result<Analyzer> Load(const std::string& path);
  // Takes over an already loaded dictionary; `name` is used in error messages.
  static Result<Analyzer> Create(Dictionary dict, const std::string& name);
  // The same with rule tables other than the embedded data/rules (tests).
  static Result<Analyzer> Create(Dictionary dict, const std::string& name, MorphRules rules);
  // Finds "ru.dict" via FindDataFile and loads it.
  static Result<Analyzer> LoadDefault();

  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  ~Analyzer();

  // All parses of a word form (UTF-8, one token, no surrounding spaces), most likely first;
  // never empty. *out is cleared first. No heap allocation once *out has capacity (words up
  // to 64 code points are handled on the stack; longer ones get a fallback parse).
  void Analyze(std::string_view word, std::vector<MorphParse>* out) const;

  // The lemma of word under parse p (word must be the string p was produced for).
  std::string Lemma(std::string_view word, const MorphParse& p) const;

  // Tag table. Valid ids are [0, TagCount()); ids from MorphParse::tag are always valid.
  const TagInfo& Tag(uint16_t tag_id) const;
  size_t TagCount() const;
  // UD FEATS of a parse ("_" when none): its tag's FEATS (opencorpora_ud.tsv), whatever
  // UPOS a lexeme rule gave it.
  std::string_view Feats(const MorphParse& p) const;

  // Grammeme id by OpenCorpora name ("nomn"), or -1.
  int GrammemeId(std::string_view name) const;
  const std::string& GrammemeName(int id) const;
  // "nomn,sing" (also spaces) -> set; nullopt if a name is unknown.
  std::optional<GrammemeSet> ParseGrammemes(std::string_view names) const;

  // The form of p's lexeme that has all grammemes in `want`, keeping the parse's other
  // grammemes (gender, animacy, number, ...) as far as possible; for lexemes that lack a
  // requested number (plural-only "Курилах" + {nomn,sing}) the number is relaxed when
  // `want` names something besides the number ("Курилах" + {sing} has no form). The
  // result keeps the input's capitalization pattern ("Министерства" -> "Министерство").
  // A first name's lexeme does not include the patronymics the dictionary files under it
  // ("Иван" + {femn} has no form, not "Ивановна"; "Фумио" + {plur} not "Фумиовичи"), and a
  // patronymic inflects among patronymic forms only.
  // nullopt for non-dictionary parses that cannot be inflected or when no form matches.
  std::optional<std::string> Inflect(std::string_view word, const MorphParse& p,
                                     const GrammemeSet& want) const;

  // All forms of p's lexeme with their tags, as Inflect sees the lexeme (a name without
  // its patronymics; for tests and tools).
  std::vector<std::pair<std::string, uint16_t>> Lexeme(std::string_view word,
                                                       const MorphParse& p) const;

  // True when the lower-cased word (with е/ё matching) is in the dictionary.
  bool InDictionary(std::string_view word) const;

  // The guesser's parses of a word as if the dictionary did not have it (4. above), most
  // likely first; empty for words the guesser does not read (non-Cyrillic, digits, hyphens,
  // under 4 letters). For readings the dictionary lacks: "Асии" is only the masculine
  // "Асий" there, the guesser also offers the feminine "Асия".
  void Guess(std::string_view word, std::vector<MorphParse>* out) const;

  const Dictionary& dictionary() const;
  // The rule tables the analyzer was built with (src/morph/analyzer_rules.h).
  const MorphRules& rules() const;

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace svodka

#endif  // SVODKA_MORPH_ANALYZER_H_
