// The bridge between the analyzer and the tagger: analyzer parses become tagger candidates
// (TagCandidate), with readings the analyzer lacks added (data/rules/morph_added_readings.tsv),
// and the chosen parse becomes the annotation we output (lemma, UD UPOS, UD FEATS,
// OpenCorpora tag) under the UD conventions of the Russian treebanks we evaluate on
// (UD_Russian-GSD, SynTagRus, GramEval2020): "надо" is VERB, "также" ADV, possessive
// "его/её/их" is DET without features (data/rules/morph_ud_conventions.tsv), superlatives and
// ordinals are their own lemma (morph_superlative_endings.tsv, morph_ordinal_endings.tsv).
// The tables are read and checked by the Analyzer (analyzer_rules.h); see
// docs/evaluation.md, "Morphology".
//
// Thread-safety: immutable after construction; Describe/Build may run concurrently with
// per-thread scratch.
#ifndef SVODKA_MORPH_CANDIDATES_H_
#define SVODKA_MORPH_CANDIDATES_H_

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "morph/analyzer.h"
#include "morph/analyzer_rules.h"
#include "morph/tagger.h"

namespace svodka {

// One token's analysis as the world sees it.
struct MorphAnalysis {
  std::string lemma;
  std::string upos;   // "NOUN"
  std::string feats;  // "Case=Nom|Number=Sing", "" when none
  std::string tag;    // OpenCorpora tag text, "" for added candidates without one
};

// Reusable per-thread buffers for one sentence.
struct SentenceCandidates {
  std::vector<MorphParse> parses;   // all tokens' parses, concatenated
  std::vector<TagCandidate> cands;  // parallel to parses
  std::vector<uint32_t> begin;      // token i's parses are [begin[i], begin[i+1])
  std::vector<TagToken> tokens;
  std::vector<uint16_t> choice;
  std::vector<MorphParse> tmp;
  std::vector<std::string_view> forms;  // the forms analysed (stress marks removed)
  std::vector<std::string> cleaned;     // storage for forms that needed cleaning
  TaggerScratch tagger;

  size_t size() const { return tokens.size(); }
  const MorphParse& Chosen(size_t i) const { return parses[begin[i] + choice[i]]; }
  const TagCandidate& ChosenCandidate(size_t i) const { return cands[begin[i] + choice[i]]; }
};

class CandidateMaker {
 public:
  // Builds the lookups of the rule tables the analyzer was created with (its rules()); the
  // analyzer must outlive the CandidateMaker.
  explicit CandidateMaker(const Analyzer* analyzer);

  // Analyzes every form into *out; tokens[i].form is forms[i] with stress marks (U+0301,
  // U+0300) removed, pointing into `forms` or into *out. choice is resized, zeroed.
  void Build(std::span<const std::string_view> forms, SentenceCandidates* out) const;

  // The annotation of `form` under parse p (c: its candidate).
  MorphAnalysis Describe(std::string_view form, const MorphParse& p, const TagCandidate& c) const;
  // The same into *a, reusing its strings' capacity.
  void DescribeInto(std::string_view form, const MorphParse& p, const TagCandidate& c,
                    MorphAnalysis* a) const;

  // Describes every token's chosen candidate, then applies the conventions that need the
  // sentence: ordinals in digits/Roman numerals take Case/Gender/Number from the noun or
  // adjective they precede ("XVIII века"), Roman numerals after a name from the name
  // ("Карла V"), else from the written ending ("3-им"); the conventions with a next-token
  // condition ("как" before a noun phrase is ADP); a capitalized noun inside a sentence
  // prefers its proper-noun reading; lower-case words are never PROPN.
  void DescribeSentence(const SentenceCandidates& s, std::vector<MorphAnalysis>* out) const;

  const Analyzer& analyzer() const { return *analyzer_; }

 private:
  struct TagAttrs {
    uint64_t hash;
    uint8_t pos, gcase, number, gender;
  };
  // A row of data/rules/morph_ud_conventions.tsv with its names resolved.
  struct Convention {
    const MorphRules::Convention* rule;
    const char* upos = nullptr;      // condition: UposName, nullptr = any
    int grammeme = -1;               // condition: grammeme id, -1 = any, -2 = never (unknown)
    const char* set_upos = nullptr;  // nullptr = keep
  };
  // A reading added to unknown words (data/rules/morph_added_readings.tsv).
  struct Added {
    uint16_t tag;
    Upos upos;
  };
  enum class NameEnding : uint8_t { kConsonant, kIndeclinable, kNone };

  // Appends to *out readings the analyzer lacks for the token being built (see the .cc).
  void AddReadings(std::string_view form, SentenceCandidates* out) const;
  void ApplyUdConventions(std::string_view form, const MorphParse& p, const TagInfo& tag,
                          MorphAnalysis* a) const;
  bool Matches(const Convention& c, const TagInfo& tag, const MorphAnalysis& a) const;
  static void Apply(const Convention& c, MorphAnalysis* a);

  const Analyzer* analyzer_;
  std::vector<TagAttrs> tag_attrs_;  // by tag id
  int anum_ = -1;                    // grammeme id of "Anum" (ordinal)
  int supr_ = -1;                    // "Supr" (superlative)
  GrammemeSet nomn_sing_masc_;
  // The conventions applied to a token's own reading, by lemma and for any lemma (ids into
  // conventions_, ascending = file order); the ones that look at the next token.
  std::vector<Convention> conventions_;
  std::unordered_map<std::string_view, std::vector<uint16_t>> conventions_by_lemma_;
  std::vector<uint16_t> conventions_any_lemma_;
  std::vector<uint16_t> conventions_in_context_;
  // Added readings by class; a tag the dictionary lacks is left out.
  std::vector<Added> abbreviation_readings_, consonant_name_readings_, indeclinable_name_readings_;
  std::vector<std::string_view> neuter_pronoun_forms_;
  Upos neuter_pronoun_upos_ = Upos::kPron;
  size_t neuter_pronoun_min_bytes_ = 0, neuter_pronoun_max_bytes_ = 0;
  std::vector<std::pair<char32_t, NameEnding>> name_endings_;
};

// Lower-cases (Cyrillic, Latin) and maps ё→е: how lemmas are compared.
std::string NormalizeLemma(std::string_view s);

}  // namespace svodka

#endif  // SVODKA_MORPH_CANDIDATES_H_
