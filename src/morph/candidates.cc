#include "morph/candidates.h"

#include <algorithm>
#include <cmath>

#include "base/conllu.h"
#include "base/utf8.h"

namespace svodka {
namespace {

// Small ids the tagger's features use; the order is part of the model (kTaggerFeatureSet).
constexpr const char* kPosNames[] = {"NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS",
                                     "GRND", "NUMR", "ADVB", "NPRO", "PRED", "PREP", "CONJ", "PRCL",
                                     "INTJ", "LATN", "PNCT", "NUMB", "ROMN", "UNKN"};
constexpr uint8_t kAdjsPos = 3, kPrtsPos = 8, kAdvbPos = 11;  // 1 + index in kPosNames

// The OpenCorpora grammemes behind the tagger's case, number and gender ids: part of the
// model too (not rules).
constexpr const char* kCaseNames[] = {"nomn", "gent", "datv", "accs", "ablt",
                                      "loct", "voct", "gen2", "acc2", "loc2"};
constexpr const char* kNumberNames[] = {"sing", "plur"};
constexpr const char* kGenderNames[] = {"masc", "femn", "neut", "ms-f"};

template <size_t N>
uint8_t FindId(const Analyzer& a, const GrammemeSet& g, const char* const (&names)[N]) {
  for (size_t k = 0; k < N; ++k) {
    int id = a.GrammemeId(names[k]);
    if (id >= 0 && g.Has(id)) return static_cast<uint8_t>(k + 1);
  }
  return 0;
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  size_t len = 1;
  char32_t c = DecodeUtf8(s, 0, &len);
  return (c >= U'А' && c <= U'Я') || c == U'Ё' || (c >= U'A' && c <= U'Z');
}

bool IsCyrillicWord(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = DecodeUtf8(s, i, &len);
    i += len;
    if (c >= 0x400 && c <= 0x4FF) return true;
  }
  return false;
}

// Two or more letters, all capital Cyrillic ("ГРУ", "ССР").
bool IsCapitalCyrillic(std::string_view s) {
  size_t letters = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = DecodeUtf8(s, i, &len);
    i += len;
    if (!((c >= U'А' && c <= U'Я') || c == U'Ё')) return false;
    ++letters;
  }
  return letters >= 2;
}

// A token of Roman numeral letters ("XVIII").
bool IsRomanNumeral(std::string_view s) {
  return !s.empty() && s.find_first_not_of("IVXLCDM") == std::string_view::npos;
}

// Combining acute and grave accents (stress marks in wiki text: "Никола́й").
bool HasStressMarks(std::string_view s) {
  return s.find("\xCC\x81") != std::string_view::npos ||
         s.find("\xCC\x80") != std::string_view::npos;
}
void StripStressMarks(std::string_view s, std::string* out) {
  out->clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 1 < s.size() && s[i] == '\xCC' && (s[i + 1] == '\x81' || s[i + 1] == '\x80')) {
      ++i;
      continue;
    }
    out->push_back(s[i]);
  }
}

}  // namespace

bool CandidateMaker::Matches(const Convention& c, const TagInfo& tag,
                             const MorphAnalysis& a) const {
  return (c.upos == nullptr || a.upos == c.upos) &&
         (c.grammeme == -1 || (c.grammeme >= 0 && tag.grammemes.Has(c.grammeme)));
}

void CandidateMaker::Apply(const Convention& c, MorphAnalysis* a) {
  if (c.set_upos != nullptr) a->upos = c.set_upos;
  if (!c.rule->set_lemma.empty()) a->lemma = c.rule->set_lemma;
  switch (c.rule->feats) {
    case MorphRules::Convention::Feats::kKeep:
      break;
    case MorphRules::Convention::Feats::kClear:
      a->feats.clear();
      break;
    case MorphRules::Convention::Feats::kKeepOnly: {
      std::string kept;
      size_t b = 0;
      while (b < a->feats.size()) {
        size_t e = a->feats.find('|', b);
        if (e == std::string::npos) e = a->feats.size();
        const std::string_view f = std::string_view(a->feats).substr(b, e - b);
        const std::string_view name = f.substr(0, f.find('='));
        for (const std::string& k : c.rule->keep_feats) {
          if (name == k) {
            if (!kept.empty()) kept += '|';
            kept += f;
          }
        }
        b = e + 1;
      }
      a->feats = std::move(kept);
      break;
    }
  }
}

// The UD treebanks' conventions where they differ from what the dictionary's OpenCorpora
// tags map to (each checked against UD_Russian-GSD and GramEval2020 dev/train files): the
// rows of morph_ud_conventions.tsv, and the ones below that compute a lemma or read the form.
void CandidateMaker::ApplyUdConventions(std::string_view form, const MorphParse& p,
                                        const TagInfo& tag, MorphAnalysis* a) const {
  if (a->upos == "ADP") {  // "со", "во", "обо" are their own lemmas
    a->lemma = NormalizeLemma(form);
    return;
  }
  // Ordinals are lemmatized to the ordinal ("первой" -> "первый"), not the cardinal.
  if (anum_ >= 0 && tag.grammemes.Has(anum_) && p.source == ParseSource::kDictionary) {
    if (std::optional<std::string> l = analyzer_->Inflect(form, p, nomn_sing_masc_))
      a->lemma = NormalizeLemma(*l);
  }
  // The table's rows in file order, each on the result of the ones before (a row may change
  // the lemma, and so which rows apply next).
  for (size_t next = 0;;) {
    size_t best = conventions_.size();
    if (auto it = conventions_by_lemma_.find(a->lemma); it != conventions_by_lemma_.end()) {
      for (uint16_t k : it->second) {
        if (k >= next && Matches(conventions_[k], tag, *a)) {
          best = k;
          break;
        }
      }
    }
    for (uint16_t k : conventions_any_lemma_) {
      if (k >= best) break;
      if (k >= next && Matches(conventions_[k], tag, *a)) {
        best = k;
        break;
      }
    }
    if (best == conventions_.size()) break;
    Apply(conventions_[best], a);
    next = best + 1;
  }
  // Superlatives are their own lemmas ("лучших" -> "лучший", "высшем" -> "высший").
  if (supr_ >= 0 && tag.grammemes.Has(supr_) && a->upos == "ADJ") {
    std::string lower = NormalizeLemma(form);
    for (const auto& [ending, lemma_ending] : analyzer_->rules().superlative_endings) {
      if (lower.size() > ending.size() + 2 && lower.ends_with(ending)) {
        a->lemma = lower.substr(0, lower.size() - ending.size()) + lemma_ending;
        break;
      }
    }
  }
  // Unknown capitalized words are proper names.
  if (StartsUpper(form) && IsCyrillicWord(form) && a->upos == "X" &&
      p.source == ParseSource::kUnknown) {
    a->upos = "PROPN";
    a->lemma = std::string(form);
  }
  // ("14-го", "1960-х" are ordinal adjectives with the lemma "14-й" from the analyzer.)
  if (IsRomanNumeral(form)) {
    a->upos = "ADJ";
    a->feats.clear();
    a->lemma = std::string(form);
  }
}

void CandidateMaker::DescribeSentence(const SentenceCandidates& s,
                                      std::vector<MorphAnalysis>* out) const {
  const size_t n = s.size();
  out->resize(n);
  for (size_t i = 0; i < n; ++i)
    DescribeInto(s.tokens[i].form, s.Chosen(i), s.ChosenCandidate(i), &(*out)[i]);
  for (size_t i = 0; i < n; ++i) {
    MorphAnalysis& a = (*out)[i];
    std::string_view form = s.tokens[i].form;
    const MorphParse* chosen = &s.Chosen(i);
    if (a.upos == "PROPN" && IsCyrillicWord(form) && !StartsUpper(form)) a.upos = "NOUN";
    if (a.upos == "NOUN" && i > 0 && StartsUpper(form) &&
        s.Chosen(i).source == ParseSource::kDictionary) {
      // The proper-noun candidate agreeing best with the chosen one (case, then number).
      std::string_view gcase = FeatValue(a.feats, "Case"), num = FeatValue(a.feats, "Number");
      int best = -1;
      uint32_t best_k = 0;
      for (uint32_t k = s.begin[i]; k < s.begin[i + 1]; ++k) {
        if (s.parses[k].upos != Upos::kPropn) continue;
        std::string_view f = analyzer_->Feats(s.parses[k]);
        int score = 2 * (FeatValue(f, "Case") == gcase) + (FeatValue(f, "Number") == num);
        if (score > best) {
          best = score;
          best_k = k;
        }
      }
      if (best >= 0) {
        a = Describe(form, s.parses[best_k], s.cands[best_k]);
        chosen = &s.parses[best_k];
      }
    }
    // Conventions that look at the next token ("как" before a noun phrase, "такие, как
    // Франция", "как правило", is ADP; before a clause it stays SCONJ), in file order.
    for (uint16_t k : conventions_in_context_) {
      const Convention& c = conventions_[k];
      if (i + 1 < n && (c.rule->lemma.empty() || c.rule->lemma == a.lemma) &&
          Matches(c, analyzer_->Tag(chosen->tag), a)) {
        const std::optional<Upos> next = UposFromName((*out)[i + 1].upos);
        if (next && (c.rule->next_upos >> static_cast<int>(*next) & 1)) Apply(c, &a);
      }
    }
    const bool ordinal = a.upos == "ADJ" && a.feats.empty() && !form.empty() &&
                         ((form[0] >= '0' && form[0] <= '9') || IsRomanNumeral(form));
    if (ordinal) {
      // Roman numerals after a name agree with it ("Карла V", "Екатерины II"); otherwise an
      // ordinal agrees with the noun or adjective after it ("XVIII века", "67-й отдельной").
      const bool roman = !(form[0] >= '0' && form[0] <= '9');
      const MorphAnalysis* head = nullptr;
      if (roman && i > 0 && (*out)[i - 1].upos == "PROPN" &&
          !FeatValue((*out)[i - 1].feats, "Case").empty())
        head = &(*out)[i - 1];
      else if (i + 1 < n &&
               ((*out)[i + 1].upos == "NOUN" || (*out)[i + 1].upos == "PROPN" ||
                (*out)[i + 1].upos == "ADJ") &&
               !FeatValue((*out)[i + 1].feats, "Case").empty())
        head = &(*out)[i + 1];
      std::string_view c, g, num;
      if (head) {
        c = FeatValue(head->feats, "Case");
        g = FeatValue(head->feats, "Gender");
        num = FeatValue(head->feats, "Number");
        if (roman && num == "Plur") {  // "XI -- XII веках": one century each
          num = "Sing";
          g = {};
        }
      } else if (!roman) {
        // No head word: the written ending says it ("3-им", "1930-х", "9-я").
        const std::string_view end = form.substr(form.rfind('-') + 1);
        for (const MorphRules::OrdinalEnding& e : analyzer_->rules().ordinal_endings) {
          if (end == e.ending) {
            c = e.gcase;
            g = e.gender;
            num = e.number;
            break;
          }
        }
      }
      std::string f;
      if (!c.empty()) f.append("Case=").append(c);
      if (!g.empty() && num == "Sing") f.append(f.empty() ? "" : "|").append("Gender=").append(g);
      if (!num.empty()) f.append(f.empty() ? "" : "|").append("Number=").append(num);
      a.feats = std::move(f);
    }
  }
}

std::string NormalizeLemma(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = DecodeUtf8(s, i, &len);
    i += len;
    if (c >= U'А' && c <= U'Я')
      c += 0x20;
    else if (c == U'Ё' || c == U'ё')
      c = U'е';
    else if (c >= U'A' && c <= U'Z')
      c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
      c += 0x50;
    AppendUtf8(c, &out);
  }
  return out;
}

CandidateMaker::CandidateMaker(const Analyzer* analyzer) : analyzer_(analyzer) {
  const size_t n = analyzer->TagCount();
  tag_attrs_.resize(n);
  for (size_t t = 0; t < n; ++t) {
    const TagInfo& info = analyzer->Tag(static_cast<uint16_t>(t));
    TagAttrs& a = tag_attrs_[t];
    a.hash = TaggerHash(info.text);
    a.pos = 31;
    if (info.pos >= 0) {
      const std::string& name = analyzer->GrammemeName(info.pos);
      for (size_t k = 0; k < std::size(kPosNames); ++k)
        if (name == kPosNames[k]) a.pos = static_cast<uint8_t>(k + 1);
    } else {
      std::string_view text = info.text;
      for (size_t k = 0; k < std::size(kPosNames); ++k)
        if (text.substr(0, text.find_first_of(", ")) == kPosNames[k])
          a.pos = static_cast<uint8_t>(k + 1);
    }
    a.gcase = FindId(*analyzer, info.grammemes, kCaseNames);
    a.number = FindId(*analyzer, info.grammemes, kNumberNames);
    a.gender = FindId(*analyzer, info.grammemes, kGenderNames);
  }
  anum_ = analyzer->GrammemeId("Anum");
  supr_ = analyzer->GrammemeId("Supr");
  if (auto g = analyzer->ParseGrammemes("nomn,sing,masc")) nomn_sing_masc_ = *g;

  const MorphRules& rules = analyzer->rules();
  for (const MorphRules::Convention& r : rules.conventions) {
    Convention c{&r};
    if (r.upos) c.upos = UposName(*r.upos);
    if (!r.grammeme.empty()) {
      c.grammeme = analyzer->GrammemeId(r.grammeme);
      if (c.grammeme < 0) c.grammeme = -2;  // this dictionary has no such tags
    }
    if (r.set_upos) c.set_upos = UposName(*r.set_upos);
    const auto k = static_cast<uint16_t>(conventions_.size());
    conventions_.push_back(c);
    if (r.next_upos != 0) {
      conventions_in_context_.push_back(k);
    } else if (r.lemma.empty()) {
      conventions_any_lemma_.push_back(k);
    } else {
      conventions_by_lemma_[r.lemma].push_back(k);
    }
  }

  // Tag ids of the added readings, by text; a tag the dictionary lacks is not offered.
  std::unordered_map<std::string_view, uint16_t> tag_ids;
  for (size_t t = 0; t < n; ++t)
    tag_ids[analyzer->Tag(static_cast<uint16_t>(t)).text] = static_cast<uint16_t>(t);
  for (const MorphRules::AddedReading& r : rules.added_readings) {
    if (r.cls == "neuter_pronoun") {
      neuter_pronoun_forms_.push_back(r.key);
      neuter_pronoun_upos_ = r.upos;
      if (neuter_pronoun_min_bytes_ == 0 || r.key.size() < neuter_pronoun_min_bytes_)
        neuter_pronoun_min_bytes_ = r.key.size();
      neuter_pronoun_max_bytes_ = std::max(neuter_pronoun_max_bytes_, r.key.size());
      continue;
    }
    std::vector<Added>* out = r.cls == "abbreviation"        ? &abbreviation_readings_
                              : r.cls == "consonant_name"    ? &consonant_name_readings_
                              : r.cls == "indeclinable_name" ? &indeclinable_name_readings_
                                                             : nullptr;
    auto it = tag_ids.find(r.key);
    if (out != nullptr && it != tag_ids.end()) out->push_back({it->second, r.upos});
  }
  for (const auto& [letter, cls] : rules.name_endings) {
    name_endings_.emplace_back(
        letter, cls == "indeclinable_name" ? NameEnding::kIndeclinable : NameEnding::kNone);
  }
}

// Readings the analyzer does not offer but the treebanks use (data/rules/
// morph_added_readings.tsv; each checked against the GramEval2020 train files and
// UD_Russian-GSD dev):
//  * the neuter singular of "тот" used on its own ("до того", "тем не менее", "о том, что")
//    is PRON with lemma "то" (DET "тот" remains for "в том году");
//  * unknown capitalized words (guessed from their ending, which for foreign names is usually
//    wrong: "Тезей" -> plural genitive of "Тезь") may be a masculine name in the nominative
//    (consonant-final: "Кайрелл", "Сатпаев") or an indeclinable name in any case
//    (vowel-final: "Мопертюи", "Нани"); lemma = the form. The last letter decides
//    (morph_name_endings.tsv);
//  * unknown words of capital letters ("ГРУ", "ССР") are indeclinable singular proper nouns
//    whose gender is that of the abbreviated head word, so both common genders are offered.
// Added candidates get their own tag hash (salted), so the tagger learns their weights; the
// salts are part of the model.
void CandidateMaker::AddReadings(std::string_view form, SentenceCandidates* out) const {
  const uint32_t b = out->begin.back();
  const uint32_t e = static_cast<uint32_t>(out->parses.size());
  if (e == b || e - b >= 50) return;
  auto push = [&](MorphParse p, Upos upos, int tag, uint64_t salt) {
    p.upos = upos;
    p.tag = static_cast<uint16_t>(tag);
    p.score = 0;
    const TagAttrs& a = tag_attrs_[p.tag];
    TagCandidate c;
    c.tag = a.hash + static_cast<uint64_t>(upos) * 0x9E3779B97F4A7C15ULL + salt;
    c.pos = a.pos;
    c.gcase = a.gcase;
    c.number = a.number;
    c.gender = a.gender;
    c.score = 0;
    c.rank = 3;
    out->parses.push_back(p);
    out->cands.push_back(c);
  };
  if (form.size() <= neuter_pronoun_max_bytes_ && form.size() >= neuter_pronoun_min_bytes_ &&
      IsCyrillicWord(form)) {
    const std::string lower = NormalizeLemma(form);
    if (std::find(neuter_pronoun_forms_.begin(), neuter_pronoun_forms_.end(), lower) !=
        neuter_pronoun_forms_.end()) {
      for (uint32_t k = b; k < e; ++k) {
        const MorphParse p = out->parses[k];
        const TagAttrs& a = tag_attrs_[p.tag];
        if (p.upos == Upos::kDet && a.gender == 3 && a.number == 1 && a.gcase != 0)
          push(p, neuter_pronoun_upos_, p.tag, 0x70);
      }
      return;
    }
  }
  if (!StartsUpper(form) || !IsCyrillicWord(form) || form.size() < 4) return;
  if (e - b == 1 && out->parses[b].source == ParseSource::kUnknown && IsCapitalCyrillic(form)) {
    const MorphParse base = out->parses[b];
    for (const Added& r : abbreviation_readings_) push(base, r.upos, r.tag, 0x73);
    return;
  }
  if (form.size() < 6) return;
  for (uint32_t k = b; k < e; ++k)
    if (out->parses[k].source != ParseSource::kGuesser) return;
  // The last code point; all-capital abbreviations are left alone.
  size_t last = form.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(form[last]) & 0xC0) == 0x80) --last;
  size_t len = 1;
  const char32_t c = DecodeUtf8(form, last, &len);
  if (c >= U'А' && c <= U'Я') return;
  NameEnding ending = NameEnding::kConsonant;
  for (const auto& [letter, cls] : name_endings_) {
    if (letter == c) ending = cls;
  }
  MorphParse base;
  base.source = ParseSource::kUnknown;
  if (ending == NameEnding::kConsonant) {
    for (const Added& r : consonant_name_readings_) push(base, r.upos, r.tag, 0x71);
  } else if (ending == NameEnding::kIndeclinable) {
    for (const Added& r : indeclinable_name_readings_) push(base, r.upos, r.tag, 0x72);
  }
}

void CandidateMaker::Build(std::span<const std::string_view> forms, SentenceCandidates* out) const {
  const std::vector<std::string>& time_nouns = analyzer_->rules().time_nouns;
  auto is_time_noun = [&](std::string_view form) {
    return std::find(time_nouns.begin(), time_nouns.end(), form) != time_nouns.end();
  };
  out->parses.clear();
  out->cands.clear();
  out->begin.clear();
  out->tokens.clear();
  out->forms.assign(forms.begin(), forms.end());
  if (out->cleaned.size() < forms.size()) out->cleaned.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    if (HasStressMarks(forms[i])) {
      StripStressMarks(forms[i], &out->cleaned[i]);
      out->forms[i] = out->cleaned[i];
    }
  }
  for (std::string_view form : out->forms) {
    out->begin.push_back(static_cast<uint32_t>(out->parses.size()));
    analyzer_->Analyze(form, &out->tmp);
    uint8_t rank = 0;
    // UD treebanks make short forms of participles VERB ("открыт", "связан"): where the
    // dictionary also has a short adjective with the same grammemes, keep the participle.
    bool has_prts = false;
    for (const MorphParse& p : out->tmp) has_prts |= tag_attrs_[p.tag].pos == kPrtsPos;
    for (const MorphParse& p : out->tmp) {
      if (has_prts && tag_attrs_[p.tag].pos == kAdjsPos) continue;
      // "утром", "летом" are nouns in UD, adverbs in OpenCorpora (morph_time_nouns.tsv).
      if (tag_attrs_[p.tag].pos == kAdvbPos && out->tmp.size() > 1 && is_time_noun(form)) {
        continue;
      }
      const TagAttrs& a = tag_attrs_[p.tag];
      TagCandidate c;
      c.tag = a.hash + static_cast<uint64_t>(p.upos) * 0x9E3779B97F4A7C15ULL;
      c.pos = a.pos;
      c.gcase = a.gcase;
      c.number = a.number;
      c.gender = a.gender;
      c.score = static_cast<uint8_t>(std::clamp(p.score * 8.0f, 0.0f, 7.0f));
      c.rank = rank < 3 ? rank++ : 3;
      out->parses.push_back(p);
      out->cands.push_back(c);
      if (out->parses.size() - out->begin.back() >= 60) break;  // tags fit in uint16 choice
    }
    AddReadings(form, out);
  }
  const size_t n = forms.size();
  out->begin.push_back(static_cast<uint32_t>(out->parses.size()));
  // Lemma hashes are computed lazily only for ambiguous tokens: Lemma() allocates.
  for (size_t i = 0; i < n; ++i) {
    uint32_t b = out->begin[i], e = out->begin[i + 1];
    if (e - b > 1) {
      for (uint32_t k = b; k < e; ++k) {
        out->cands[k].lemma =
            TaggerHash(NormalizeLemma(analyzer_->Lemma(forms[i], out->parses[k])));
      }
    }
    out->tokens.push_back(TagToken{out->forms[i], &out->cands[b], e - b});
  }
  out->choice.assign(n, 0);
}

MorphAnalysis CandidateMaker::Describe(std::string_view form, const MorphParse& p,
                                       const TagCandidate& c) const {
  MorphAnalysis a;
  DescribeInto(form, p, c, &a);
  return a;
}

void CandidateMaker::DescribeInto(std::string_view form, const MorphParse& p, const TagCandidate& c,
                                  MorphAnalysis* a) const {
  a->lemma = analyzer_->Lemma(form, p);
  a->upos = UposName(p.upos);
  std::string_view feats = analyzer_->Feats(p);
  if (feats != "_")
    a->feats.assign(feats);
  else
    a->feats.clear();
  const TagInfo& tag = analyzer_->Tag(p.tag);
  a->tag.assign(tag.text);
  ApplyUdConventions(form, p, tag, a);
}

}  // namespace svodka
