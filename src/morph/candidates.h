// The bridge between the analyzer and the tagger: analyzer parses become tagger candidates
// (TagCandidate), and the chosen parse becomes the annotation we output (lemma, UD UPOS, UD
// FEATS, OpenCorpora tag) under the UD conventions of the Russian treebanks we evaluate on
// (UD_Russian-GSD, SynTagRus, GramEval2020): "быть" is AUX, "который" is PRON, possessive
// "его/её/их" is DET without features. See docs/evaluation.md, "Morphology".
//
// Thread-safety: immutable after construction; Describe/Build may run concurrently with
// per-thread scratch.
#ifndef SVODKA_MORPH_CANDIDATES_H_
#define SVODKA_MORPH_CANDIDATES_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "morph/analyzer.h"
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
  std::vector<MorphParse> parses;    // all tokens' parses, concatenated
  std::vector<TagCandidate> cands;   // parallel to parses
  std::vector<uint32_t> begin;       // token i's parses are [begin[i], begin[i+1])
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
  explicit CandidateMaker(const Analyzer* analyzer);

  // Analyzes every form into *out; tokens[i].form is forms[i] with stress marks (U+0301,
  // U+0300) removed, pointing into `forms` or into *out. choice is resized, zeroed.
  void Build(std::span<const std::string_view> forms, SentenceCandidates* out) const;

  // The annotation of `form` under parse p (c: its candidate).
  MorphAnalysis Describe(std::string_view form, const MorphParse& p,
                         const TagCandidate& c) const;
  // The same into *a, reusing its strings' capacity.
  void DescribeInto(std::string_view form, const MorphParse& p, const TagCandidate& c,
                    MorphAnalysis* a) const;

  // Describes every token's chosen candidate, then applies the conventions that need the
  // sentence: ordinals in digits/Roman numerals take Case/Gender/Number from the noun or
  // adjective they precede ("XVIII века"), Roman numerals after a name from the name
  // ("Карла V"), else from the written ending ("3-им"); "как" before a noun phrase is ADP; a
  // capitalized noun inside a sentence prefers its proper-noun reading; lower-case words are
  // never PROPN.
  void DescribeSentence(const SentenceCandidates& s, std::vector<MorphAnalysis>* out) const;

  const Analyzer& analyzer() const { return *analyzer_; }

 private:
  struct TagAttrs {
    uint64_t hash;
    uint8_t pos, gcase, number, gender;
  };
  // Appends to *out readings the analyzer lacks for the token being built (see the .cc).
  void AddReadings(std::string_view form, SentenceCandidates* out) const;
  void ApplyUdConventions(std::string_view form, const MorphParse& p, const TagInfo& tag,
                          MorphAnalysis* a) const;

  const Analyzer* analyzer_;
  std::vector<TagAttrs> tag_attrs_;  // by tag id
  int fixd_ = -1;                    // grammeme id of "Fixd" (indeclinable)
  int anum_ = -1;                    // "Anum" (ordinal)
  int supr_ = -1, orgn_ = -1, trad_ = -1, short_adj_ = -1;
  // Tags of the readings added for unknown capitalized words (see Build): a masculine
  // surname in the nominative, and an indeclinable masculine name in the six cases; -1 when
  // the dictionary lacks the tag.
  int name_nomn_tag_ = -1;
  int fixd_name_tags_[6] = {-1, -1, -1, -1, -1, -1};
  int abbr_tags_[2][6] = {{-1, -1, -1, -1, -1, -1}, {-1, -1, -1, -1, -1, -1}};  // masc, femn
  GrammemeSet nomn_sing_masc_;
};

// Lower-cases (Cyrillic, Latin) and maps ё→е: how lemmas are compared.
std::string NormalizeLemma(std::string_view s);

}  // namespace svodka

#endif  // SVODKA_MORPH_CANDIDATES_H_
