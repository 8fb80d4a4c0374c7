// Private to src/morph: the Analyzer's state and helpers (see analyzer.cc).
#ifndef SVODKA_MORPH_ANALYZER_IMPL_H_
#define SVODKA_MORPH_ANALYZER_IMPL_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "morph/analyzer.h"
#include "morph/analyzer_rules.h"
#include "morph/dictionary.h"

namespace svodka {

struct Analyzer::Impl {
  // A word lower-cased into the key alphabet, with per-character case; on the stack.
  struct KeyBuf {
    static constexpr int kMax = 64;
    uint8_t key[kMax];  // 0 for characters outside the alphabet
    char32_t cp[kMax];  // the input code points
    bool is_upper[kMax];
    int n = 0;
    int upper = 0, lower = 0, cyr = 0, latin = 0, digits = 0, hyphens = 0, other = 0;
    bool ok = true;  // every character is in the alphabet
  };
  struct LexemeRule {
    std::string lemma;  // key alphabet
    int pos;            // grammeme id or -1 for any
    Upos upos;
  };

  // A reading offered for a kind of non-word token (morph_added_readings.tsv).
  struct FixedReading {
    uint16_t tag;
    Upos upos;
    float score;
  };

  Status Init(const std::string& path, MorphRules morph_rules);
  int GrammemeId(std::string_view name) const;
  // False when the word is longer than KeyBuf::kMax code points.
  bool Normalize(std::string_view word, KeyBuf* k) const;
  bool Lookup(const uint8_t* key, int b, int e, ParseSource source,
              std::vector<MorphParse>* out) const;
  void NonWord(std::string_view word, const KeyBuf& k, std::vector<MorphParse>* out) const;
  void GuessPart(const KeyBuf& k, int b, std::vector<MorphParse>* out) const;
  void Finish(const KeyBuf& k, std::vector<MorphParse>* out) const;
  void RefineUpos(const KeyBuf& k, MorphParse* p) const;
  uint16_t LemmaForm(uint16_t paradigm, uint16_t form) const;
  int LemmaKey(const KeyBuf& k, const MorphParse& p, uint8_t* out) const;
  void AppendCased(const KeyBuf& k, const uint8_t* key, int n, bool restore,
                   std::string* out) const;
  void Analyze(std::string_view word, std::vector<MorphParse>* out) const;
  std::string Lemma(std::string_view word, const MorphParse& p) const;
  std::optional<std::string> Inflect(std::string_view word, const MorphParse& p,
                                     const GrammemeSet& want) const;
  std::optional<std::string> BuildForm(const KeyBuf& k, const MorphParse& p, uint16_t target) const;

  Dictionary dict;
  std::vector<std::string> grammeme_names;
  std::unordered_map<std::string_view, int> grammeme_index;  // views into grammeme_names
  std::vector<TagInfo> tags;
  std::vector<bool> tag_has_lexeme_rule;
  std::vector<bool> proper_tag;
  std::vector<LexemeRule> lexeme_rules;  // sorted by lemma
  static constexpr size_t kRuleMaxLen = 64;
  bool rule_lengths[kRuleMaxLen] = {};  // lengths of rule lemmas (a cheap pre-filter)
  int tag_pnct = -1, tag_intg = -1, tag_real = -1, tag_latn = -1, tag_romn = -1, tag_unkn = -1,
      tag_symb = -1;
  std::vector<FixedReading> initials;         // readings of a capital letter ("В.")
  std::vector<std::string> hyphen_particles;  // key alphabet ("нибудь")
  bool quote_ascii[128] = {};  // the ASCII characters of rules.quote_chars (a fast path)
  size_t sym_max_bytes = 0;    // the longest of rules.sym_tokens
  int g_sing = -1, g_plur = -1, g_noun = -1, g_adjf = -1, g_anum = -1, g_patr = -1, g_femn = -1,
      g_abbr = -1;
  GrammemeSet self_lemma_pos;  // parts of speech whose lemma is the word itself
  MorphRules rules;            // the rule tables, as read (CandidateMaker builds on them too)
};

}  // namespace svodka

#endif  // SVODKA_MORPH_ANALYZER_IMPL_H_
