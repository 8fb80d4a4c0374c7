// The morphology rule tables: the OpenCorpora -> UD mapping (data/rules/opencorpora_ud.tsv)
// and the word lists, endings and conventions of data/rules/morph_*.tsv, read through the
// strict TSV reader (src/base/tsv.h) and checked, once, when an Analyzer is created. The
// analyzer (analyzer_load.cc, analyzer.cc) and CandidateMaker (candidates.cc) build their
// lookup structures from a MorphRules; nothing is parsed per call.
//
// Two stages apply UD conventions, and the tables keep them apart:
//   * opencorpora_ud.tsv gives every parse of the analyzer its UPOS and FEATS. Those parses
//     are the tagger's candidates, and the model (data/models/morph-tagger.bin) hashes a
//     candidate's tag and UPOS, so a change there changes tagging until it is retrained;
//   * morph_ud_conventions.tsv rewrites the reading the tagger chose (UPOS, lemma, FEATS);
//     it never changes tagging.
// Load refuses a table that contradicts another: a lexeme given one UPOS by opencorpora_ud.tsv
// and another by a convention, two conventions that overlap and disagree, a character listed
// both as SYM and as PUNCT.
//
// Errors: InvalidArgument "data/rules/NAME:LINE: what" for a malformed row (see ReadTsv) or a
// row whose values make no sense (unknown UPOS, kind, feature, ...); Internal when a table
// was not embedded into the library.
#ifndef SVODKA_MORPH_ANALYZER_RULES_H_
#define SVODKA_MORPH_ANALYZER_RULES_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "morph/analyzer.h"
#include "svodka/status.h"

namespace svodka {

// UD features the mapping knows, in the order FEATS lists them (alphabetical,
// case-insensitive).
inline constexpr std::string_view kUdFeatNames[] = {
    "Abbr",   "Animacy", "Aspect", "Case",   "Degree", "Foreign", "Gender",   "Mood", "NumType",
    "Number", "Person",  "Poss",   "Reflex", "Tense",  "Variant", "VerbForm", "Voice"};
inline constexpr int kUdFeatCount = sizeof(kUdFeatNames) / sizeof(kUdFeatNames[0]);

// "NOUN" -> Upos::kNoun; nullopt for a name that is not a UD v2 UPOS.
std::optional<Upos> UposFromName(std::string_view name);

struct MorphRules {
  // One edit of FEATS: set feature kUdFeatNames[slot] to value, or remove it (value empty).
  struct FeatEdit {
    int slot = 0;
    std::string value;
  };

  // opencorpora_ud.tsv, rows pos / gram / feat: what a grammeme of a tag contributes.
  struct TagRule {
    enum class Kind : uint8_t { kPos, kGram, kFeat };
    Kind kind = Kind::kPos;
    std::string grammeme;      // OpenCorpora name ("NOUN", "Name", "nomn")
    std::optional<Upos> upos;  // kPos: always; kGram: unless "-"; kFeat: never
    std::vector<FeatEdit> feats;
    int line = 0;
  };
  // opencorpora_ud.tsv, rows lemma: the UPOS of every parse of a lexeme.
  struct LexemeRule {
    std::string lemma;  // UTF-8, lower case
    std::string pos;    // OpenCorpora part of speech, "*" = any
    Upos upos = Upos::kX;
    int line = 0;
  };
  // morph_added_readings.tsv.
  struct AddedReading {
    std::string cls;  // "initial", "abbreviation", "consonant_name", "indeclinable_name",
                      // "neuter_pronoun"
    std::string key;  // an OpenCorpora tag, or a form for "neuter_pronoun"
    Upos upos = Upos::kX;
    float score = 0;  // "initial" only
    int line = 0;
  };
  // morph_ud_conventions.tsv: when a chosen reading has `lemma` (or any, when empty), `upos`
  // and grammeme `grammeme` in its tag, and the next token's UPOS is in next_upos (any when 0),
  // set its UPOS / lemma / FEATS.
  struct Convention {
    enum class Feats : uint8_t { kKeep, kClear, kKeepOnly };
    std::string lemma;             // "" = any
    std::optional<Upos> upos;      // nullopt = any
    std::string grammeme;          // "" = any
    std::optional<Upos> set_upos;  // nullopt = keep
    std::string set_lemma;         // "" = keep
    Feats feats = Feats::kKeep;
    std::vector<std::string> keep_feats;  // kKeepOnly: the features kept
    uint32_t next_upos = 0;               // bit (1 << Upos) per allowed UPOS; 0 = no condition
    int line = 0;
  };
  // morph_ordinal_endings.tsv: features of an ordinal in digits by its ending ("" = none).
  struct OrdinalEnding {
    std::string ending, gcase, gender, number;
  };

  std::vector<TagRule> tag_rules;                // in file order
  std::vector<LexemeRule> lexeme_rules;          // in file order
  std::vector<std::string> closed_grammemes;     // morph_grammeme_classes.tsv "closed"
  std::vector<std::string> proper_grammemes;     // ... "proper"
  std::vector<std::string> own_lemma_grammemes;  // ... "own_lemma"
  std::vector<std::string> hyphen_particles;     // morph_hyphen_particles.tsv, UTF-8
  std::vector<std::string> sym_tokens;           // morph_punct.tsv SYM: one character each
  std::vector<char32_t> quote_chars;             // morph_punct.tsv PUNCT
  std::vector<AddedReading> added_readings;      // in file order
  std::vector<std::pair<char32_t, std::string>> name_endings;            // letter -> class
  std::vector<std::string> time_nouns;                                   // morph_time_nouns.tsv
  std::vector<Convention> conventions;                                   // in file order
  std::vector<std::pair<std::string, std::string>> superlative_endings;  // longest first
  std::vector<OrdinalEnding> ordinal_endings;

  // Every table read by Load, by file name (for tests and tools).
  static const std::vector<std::string_view>& TableNames();

  // Reads and checks every table from the library's embedded copy of data/rules/ (once per
  // process; later calls return a copy). Thread-safe.
  static Result<MorphRules> LoadEmbedded();
  // The same from file(name), which returns the bytes of data/rules/<name> (empty when there
  // is no such table: Internal error). The bytes are copied; they need not outlive the call.
  static Result<MorphRules> Load(const std::function<std::string_view(std::string_view)>& file);
};

}  // namespace svodka

#endif  // SVODKA_MORPH_ANALYZER_RULES_H_
