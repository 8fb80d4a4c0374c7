#include "morph/candidates.h"

#include <algorithm>
#include <cmath>

#include "base/conllu.h"
#include "base/utf8.h"

namespace svodka {
namespace {

// Small ids the tagger's features use; the order is part of the model (kTaggerFeatureSet).
constexpr const char* kPosNames[] = {"NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF",
                                     "PRTS", "GRND", "NUMR", "ADVB", "NPRO", "PRED", "PREP",
                                     "CONJ", "PRCL", "INTJ", "LATN", "PNCT", "NUMB", "ROMN",
                                     "UNKN"};
constexpr uint8_t kAdjsPos = 3, kPrtsPos = 8, kAdvbPos = 11;  // 1 + index in kPosNames

bool IsTimeNoun(std::string_view form) {
  static constexpr std::string_view kForms[] = {"утром", "вечером", "днем", "днём", "ночью",
                                                "летом", "зимой", "весной", "осенью"};
  for (std::string_view f : kForms)
    if (form == f) return true;
  return false;
}
constexpr const char* kCaseNames[] = {"nomn", "gent", "datv", "accs", "ablt", "loct",
                                      "voct", "gen2", "acc2", "loc2"};
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

// The UD treebanks' conventions where they differ from what the dictionary's OpenCorpora
// tags map to (each checked against UD_Russian-GSD and GramEval2020 dev/train files).
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
  if (a->upos == "PRON" && a->lemma == "тот") a->lemma = "то";
  // The reflexive pronoun has no number or gender in any of the treebanks.
  if (a->lemma == "себя") {
    std::string gcase(FeatValue(a->feats, "Case"));
    a->feats = gcase.empty() ? std::string() : "Case=" + gcase;
  }
  if (a->lemma == "быть" && a->upos == "VERB") a->upos = "AUX";
  if (a->lemma == "который") a->upos = "PRON";
  if (a->upos == "DET" && (a->lemma == "другой" || a->lemma == "иной" || a->lemma == "сам" ||
                           a->lemma == "самый" || a->lemma == "данный" || a->lemma == "многий"))
    a->upos = "ADJ";
  if (a->lemma == "один" && (a->upos == "DET" || a->upos == "ADJ")) a->upos = "NUM";
  if (a->lemma == "также" || a->lemma == "однако" || a->lemma == "впрочем" || a->lemma == "где")
    a->upos = "ADV";
  if (a->lemma == "должный" && a->upos == "ADJ" && short_adj_ >= 0 &&
      tag.pos == short_adj_)
    a->lemma = "должен";
  // Organisations and trade marks are proper nouns ("Интерфакса", "КАМАЗа").
  if (a->upos == "NOUN" && ((orgn_ >= 0 && tag.grammemes.Has(orgn_)) ||
                            (trad_ >= 0 && tag.grammemes.Has(trad_))))
    a->upos = "PROPN";
  // Superlatives are their own lemmas ("лучших" -> "лучший", "высшем" -> "высший").
  if (supr_ >= 0 && tag.grammemes.Has(supr_) && a->upos == "ADJ") {
    std::string lower = NormalizeLemma(form);
    static constexpr std::string_view kEndings[] = {
        "ими", "ыми", "ого", "его", "ому", "ему", "ой", "ей", "ым", "им", "ом", "ем", "ую",
        "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ый", "ий"};
    for (std::string_view e : kEndings) {
      if (lower.size() > e.size() + 2 && lower.ends_with(e)) {
        a->lemma = lower.substr(0, lower.size() - e.size()) + "ий";
        break;
      }
    }
  }
  if (a->upos == "ADV" && (a->lemma == "можно" || a->lemma == "надо" || a->lemma == "нельзя"))
    a->upos = "VERB";
  // Indeclinable possessives (его, её, их) carry no features in UD.
  if (a->upos == "DET" && fixd_ >= 0 && tag.grammemes.Has(fixd_)) a->feats.clear();
  // Unknown capitalized words are proper names.
  if (StartsUpper(form) && IsCyrillicWord(form)) {
    if (a->upos == "NOUN" && p.source == ParseSource::kGuesser) a->upos = "PROPN";
    if (a->upos == "X" && p.source == ParseSource::kUnknown) {
      a->upos = "PROPN";
      a->lemma = std::string(form);
    }
  }
  // "14-го", "1960-х": ordinal adjectives written with digits; lemma "14-й".
  if (p.source == ParseSource::kNumber && !form.empty() && form[0] >= '0' && form[0] <= '9') {
    size_t hyphen = form.find('-');
    if (hyphen != std::string_view::npos && hyphen + 1 < form.size() &&
        static_cast<unsigned char>(form[hyphen + 1]) >= 0xC0) {
      a->upos = "ADJ";
      a->lemma = std::string(form.substr(0, hyphen)) + "-й";
    }
  }
  if (!form.empty() && form.find_first_not_of("IVXLCDM") == std::string_view::npos) {
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
    if (a.upos == "PROPN" && IsCyrillicWord(form) && !StartsUpper(form)) a.upos = "NOUN";
    if (a.upos == "NOUN" && i > 0 && StartsUpper(form) && s.Chosen(i).source == ParseSource::kDictionary) {
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
      if (best >= 0) a = Describe(form, s.parses[best_k], s.cands[best_k]);
    }
    // "как" introducing a noun phrase ("такие, как Франция"; "как правило") is ADP in the UD
    // treebanks that distinguish it; before a clause it stays SCONJ.
    if (a.upos == "SCONJ" && a.lemma == "как" && i + 1 < n) {
      const MorphAnalysis& next = (*out)[i + 1];
      if (next.upos == "NOUN" || next.upos == "PROPN" || next.upos == "ADJ" || next.upos == "NUM")
        a.upos = "ADP";
    }
    const bool ordinal = a.upos == "ADJ" && a.feats.empty() && !form.empty() &&
                         ((form[0] >= '0' && form[0] <= '9') ||
                          form.find_first_not_of("IVXLCDM") == std::string_view::npos);
    if (ordinal) {
      // Roman numerals after a name agree with it ("Карла V", "Екатерины II"); otherwise an
      // ordinal agrees with the noun or adjective after it ("XVIII века", "67-й отдельной").
      const bool roman = !(form[0] >= '0' && form[0] <= '9');
      const MorphAnalysis* head = nullptr;
      if (roman && i > 0 && (*out)[i - 1].upos == "PROPN" &&
          !FeatValue((*out)[i - 1].feats, "Case").empty())
        head = &(*out)[i - 1];
      else if (i + 1 < n && ((*out)[i + 1].upos == "NOUN" || (*out)[i + 1].upos == "PROPN" ||
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
        struct Ending {
          std::string_view end, gcase, gender, number;
        };
        static constexpr Ending kEndings[] = {
            {"й", "Nom", "Masc", "Sing"},  {"ый", "Nom", "Masc", "Sing"},
            {"ий", "Nom", "Masc", "Sing"}, {"я", "Nom", "Fem", "Sing"},
            {"ая", "Nom", "Fem", "Sing"},  {"го", "Gen", "Masc", "Sing"},
            {"ого", "Gen", "Masc", "Sing"}, {"му", "Dat", "Masc", "Sing"},
            {"ому", "Dat", "Masc", "Sing"}, {"м", "Ins", "Masc", "Sing"},
            {"им", "Ins", "Masc", "Sing"}, {"ым", "Ins", "Masc", "Sing"},
            {"ю", "Acc", "Fem", "Sing"},   {"ую", "Acc", "Fem", "Sing"},
            {"х", "Gen", "", "Plur"},      {"ых", "Gen", "", "Plur"},
            {"их", "Gen", "", "Plur"},     {"е", "Nom", "", "Plur"},
            {"ые", "Nom", "", "Plur"}};
        const std::string_view end = form.substr(form.rfind('-') + 1);
        for (const Ending& e : kEndings) {
          if (end == e.end) {
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
    if (c >= U'А' && c <= U'Я') c += 0x20;
    else if (c == U'Ё' || c == U'ё') c = U'е';
    else if (c >= U'A' && c <= U'Z') c += 0x20;
    else if (c >= 0x400 && c <= 0x40F) c += 0x50;
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
  fixd_ = analyzer->GrammemeId("Fixd");
  anum_ = analyzer->GrammemeId("Anum");
  supr_ = analyzer->GrammemeId("Supr");
  orgn_ = analyzer->GrammemeId("Orgn");
  trad_ = analyzer->GrammemeId("Trad");
  short_adj_ = analyzer->GrammemeId("ADJS");
  if (auto g = analyzer->ParseGrammemes("nomn,sing,masc")) nomn_sing_masc_ = *g;
  static constexpr std::string_view kCases[] = {"nomn", "gent", "datv", "accs", "ablt", "loct"};
  for (size_t t = 0; t < n; ++t) {
    const std::string& text = analyzer->Tag(static_cast<uint16_t>(t)).text;
    if (text == "NOUN,anim,masc,Sgtm,Surn sing,nomn") name_nomn_tag_ = static_cast<int>(t);
    for (int k = 0; k < 6; ++k)
      if (text == std::string("NOUN,anim,masc,Sgtm,Fixd,Name sing,").append(kCases[k]))
        fixd_name_tags_[k] = static_cast<int>(t);
    for (int k = 0; k < 6; ++k) {
      if (text == std::string("NOUN,inan,masc,Sgtm,Fixd,Abbr,Orgn sing,").append(kCases[k]))
        abbr_tags_[0][k] = static_cast<int>(t);
      if (text == std::string("NOUN,inan,femn,Sgtm,Fixd,Abbr,Orgn sing,").append(kCases[k]))
        abbr_tags_[1][k] = static_cast<int>(t);
    }
  }
}

// Readings the analyzer does not offer but the treebanks use (each checked against the
// GramEval2020 train files and UD_Russian-GSD dev):
//  * the neuter singular of "тот" used on its own ("до того", "тем не менее", "о том, что")
//    is PRON with lemma "то" (DET "тот" remains for "в том году");
//  * unknown capitalized words (guessed from their ending, which for foreign names is usually
//    wrong: "Тезей" -> plural genitive of "Тезь") may be a masculine name in the nominative
//    (consonant-final: "Кайрелл", "Сатпаев") or an indeclinable name in any case
//    (vowel-final: "Мопертюи", "Нани"); lemma = the form.
// Added candidates get their own tag hash (salted), so the tagger learns their weights.
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
  if (form.size() <= 8 && form.size() >= 4 && IsCyrillicWord(form)) {
    std::string lower = NormalizeLemma(form);
    if (lower == "то" || lower == "того" || lower == "тому" || lower == "тем" || lower == "том") {
      for (uint32_t k = b; k < e; ++k) {
        const MorphParse p = out->parses[k];
        const TagAttrs& a = tag_attrs_[p.tag];
        if (p.upos == Upos::kDet && a.gender == 3 && a.number == 1 && a.gcase != 0 &&
            NormalizeLemma(analyzer_->Lemma(form, p)) == "тот")
          push(p, Upos::kPron, p.tag, 0x70);
      }
      return;
    }
  }
  if (!StartsUpper(form) || !IsCyrillicWord(form) || form.size() < 4) return;
  // Unknown abbreviations ("ГРУ", "ССР") are indeclinable singular proper nouns; their gender
  // is that of the abbreviated head word, so both common genders are offered.
  if (e - b == 1 && out->parses[b].source == ParseSource::kUnknown && IsCapitalCyrillic(form)) {
    MorphParse base = out->parses[b];
    for (const auto& tags : abbr_tags_)
      for (int t : tags)
        if (t >= 0) push(base, Upos::kPropn, t, 0x73);
    return;
  }
  if (form.size() < 6) return;
  for (uint32_t k = b; k < e; ++k)
    if (out->parses[k].source != ParseSource::kGuesser) return;
  // The last code point, lower-cased; all-capital abbreviations are left alone.
  size_t last = form.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(form[last]) & 0xC0) == 0x80) --last;
  size_t len = 1;
  char32_t c = DecodeUtf8(form, last, &len);
  if (c >= U'А' && c <= U'Я') return;
  static constexpr std::u32string_view kVowels = U"аеёиоуыэюя";
  static constexpr std::u32string_view kIndeclinable = U"еиоуэю";
  MorphParse base;
  base.source = ParseSource::kUnknown;
  if (kVowels.find(c) == std::u32string_view::npos) {
    if (name_nomn_tag_ >= 0) push(base, Upos::kPropn, name_nomn_tag_, 0x71);
  } else if (kIndeclinable.find(c) != std::u32string_view::npos) {
    for (int t : fixd_name_tags_)
      if (t >= 0) push(base, Upos::kPropn, t, 0x72);
  }
}

void CandidateMaker::Build(std::span<const std::string_view> forms,
                           SentenceCandidates* out) const {
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
      // "утром", "летом" are nouns in UD, adverbs in OpenCorpora.
      if (tag_attrs_[p.tag].pos == kAdvbPos && out->tmp.size() > 1 && IsTimeNoun(form)) continue;
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

void CandidateMaker::DescribeInto(std::string_view form, const MorphParse& p,
                                  const TagCandidate& c, MorphAnalysis* a) const {
  a->lemma = analyzer_->Lemma(form, p);
  a->upos = UposName(p.upos);
  std::string_view feats = analyzer_->Feats(p);
  if (feats != "_") a->feats.assign(feats);
  else a->feats.clear();
  const TagInfo& tag = analyzer_->Tag(p.tag);
  a->tag.assign(tag.text);
  ApplyUdConventions(form, p, tag, a);
}

}  // namespace svodka
