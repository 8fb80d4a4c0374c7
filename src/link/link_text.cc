#include "link/link_text.h"

#include <array>

#include "base/utf8.h"
#include "text/char_class.h"

namespace svodka {
namespace {

constexpr char32_t kYo = 0x451;  // ё
constexpr char32_t kYe = 0x435;  // е

// Inflectional endings of nouns and adjectives (and the "-ея/-еем" of "Сергея/Сергеем"),
// longest first within the lookup. "-ов/-ев/-ин" are left out: they end the nominative of
// surnames ("Лавров"); a genitive plural matches through its lemma instead.
constexpr std::array<std::u32string_view, 51> kEndings = {
    U"иями", U"ями", U"ами", U"ыми", U"ими", U"ого", U"его", U"ому", U"ему", U"ией", U"ием",
    U"иям",  U"иях", U"еем", U"ой",  U"ей",  U"ый",  U"ий",  U"ая",  U"яя",  U"ое",  U"ее",
    U"ые",   U"ие",  U"ых",  U"их",  U"ую",  U"юю",  U"ою",  U"ею",  U"ым",  U"им",  U"ом",
    U"ем",   U"ах",  U"ях",  U"ам",  U"ям",  U"ию",  U"ия",  U"ии",  U"ея",  U"а",   U"я",
    U"о",    U"е",   U"ы",   U"и",   U"у",   U"ю",   U"ь"};
constexpr std::u32string_view kShortEnding = U"й";
constexpr size_t kMinStem = 3;

std::u32string Decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    out.push_back(DecodeUtf8(s, i, &len));
    i += len;
  }
  return out;
}

std::string Encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

bool IsUpper(const CharClasses& cc, char32_t c) { return cc.Of(c) == kCcUpper; }
bool IsLower(const CharClasses& cc, char32_t c) { return cc.Of(c) == kCcLower; }

}  // namespace

std::string Fold(std::string_view s) {
  const CharClasses& cc = CharClasses::Get();
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = cc.ToLower(DecodeUtf8(s, i, &len));
    if (c == kYo) c = kYe;
    AppendUtf8(c, &out);
    i += len;
  }
  return out;
}

std::string Stem(std::string_view folded) {
  const std::u32string w = Decode(folded);
  size_t best = 0;
  for (std::u32string_view e : kEndings) {
    if (e.size() > best && w.size() >= e.size() + kMinStem &&
        std::u32string_view(w).substr(w.size() - e.size()) == e)
      best = e.size();
  }
  if (best == 0 && w.size() >= 1 + kMinStem && w.back() == kShortEnding[0]) best = 1;
  return Encode(std::u32string_view(w).substr(0, w.size() - best));
}

std::string WordStem(std::string_view s) {
  const CharClasses& cc = CharClasses::Get();
  const std::u32string w = Decode(s);
  size_t caps = 0;
  while (caps < w.size() && IsUpper(cc, w[caps])) ++caps;
  if (caps >= 2 && caps < w.size()) {
    size_t rest = caps;
    while (rest < w.size() && IsLower(cc, w[rest])) ++rest;
    if (rest == w.size()) return Fold(Encode(std::u32string_view(w).substr(0, caps)));
  }
  return Stem(Fold(s));
}

char32_t FirstLetter(std::string_view s) {
  if (s.empty()) return 0;
  size_t len = 1;
  char32_t c = CharClasses::Get().ToLower(DecodeUtf8(s, 0, &len));
  return c == kYo ? kYe : c;
}

bool SameWord(const Word& a, const Word& b) {
  return a.form == b.form || a.form == b.lemma || a.lemma == b.form || a.lemma == b.lemma;
}

bool SameWords(const std::vector<Word>& a, const std::vector<Word>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!SameWord(a[i], b[i])) return false;
  return true;
}

namespace {

uint64_t GrammemeFlag(std::string_view g) {
  struct Entry {
    std::string_view name;
    uint64_t flag;
  };
  static constexpr Entry kGrammemes[] = {
      {"Name", kTfName}, {"Surn", kTfSurn}, {"Patr", kTfPatr}, {"Geox", kTfGeox}, {"Orgn", kTfOrgn},
      {"Abbr", kTfAbbr}, {"Fixd", kTfFixd}, {"masc", kTfMasc}, {"femn", kTfFemn}, {"neut", kTfNeut},
      {"Ms-f", kTfMsF},  {"sing", kTfSing}, {"plur", kTfPlur}, {"nomn", kTfNomn}, {"voct", kTfNomn},
      {"gent", kTfGent}, {"gen1", kTfGent}, {"gen2", kTfGent}, {"datv", kTfDatv}, {"accs", kTfAccs},
      {"acc2", kTfAccs}, {"ablt", kTfAblt}, {"loct", kTfLoct}, {"loc1", kTfLoct}, {"loc2", kTfLoct},
      {"past", kTfPast}, {"anim", kTfAnim}, {"inan", kTfInan}, {"PRTF", kTfPrtf}, {"PRTS", kTfPrtf},
  };
  for (const Entry& e : kGrammemes)
    if (e.name == g) return e.flag;
  return 0;
}

uint64_t TagFlags(std::string_view tag) {
  uint64_t f = 0;
  size_t i = 0;
  while (i < tag.size()) {
    size_t j = i;
    while (j < tag.size() && tag[j] != ',' && tag[j] != ' ') ++j;
    f |= GrammemeFlag(tag.substr(i, j - i));
    i = j + 1;
  }
  return f;
}

uint64_t UposFlags(std::string_view upos) {
  if (upos == "NOUN") return kTfNoun;
  if (upos == "PROPN") return kTfPropn;
  if (upos == "ADJ") return kTfAdj;
  if (upos == "VERB") return kTfVerb;
  if (upos == "AUX") return kTfAux;
  if (upos == "PRON") return kTfPron;
  if (upos == "DET") return kTfDet;
  if (upos == "ADP") return kTfAdp;
  if (upos == "CCONJ" || upos == "SCONJ") return kTfConj;
  if (upos == "PUNCT") return kTfPunct;
  if (upos == "NUM") return kTfNum;
  if (upos == "ADV") return kTfAdv;
  if (upos == "PART") return kTfPart;
  return 0;
}

uint64_t TextFlags(const CharClasses& cc, std::string_view s, TokenKind kind) {
  uint64_t f = 0;
  if (kind == TokenKind::kWord) f |= kTfWord;
  size_t letters = 0, upper = 0;
  char32_t first = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(s, i, &len);
    if (i == 0) first = c;
    const CharClass k = cc.Of(c);
    if (CharClasses::IsLetter(k)) ++letters;
    if (k == kCcUpper) ++upper;
    i += len;
  }
  if (first != 0 && cc.Of(first) == kCcUpper) f |= kTfUpper;
  if (letters >= 2 && upper == letters) f |= kTfAllCaps;
  if (letters == 1 && kind == TokenKind::kWord && CountCodePoints(s) == 1) f |= kTfOneLetter;
  if (kind == TokenKind::kPunct || kind == TokenKind::kSymbol) {
    if (s == ",") f |= kTfComma;
    if (s == ":") f |= kTfColon;
    if (s == "(") f |= kTfOpenBr;
    if (s == "-" || s == "\u2013" || s == "\u2014") f |= kTfDash;
    if (s == "\"" || s == "\u00ab" || s == "\u00bb" || s == "\u201e" || s == "\u201c" ||
        s == "\u201d")
      f |= kTfQuote;
    f |= kTfPunct;
  }
  return f;
}

}  // namespace

void TokenFlagCache::Compute(const Document& doc) {
  const CharClasses& cc = CharClasses::Get();
  tag_flags_.assign(doc.strings.size(), 0);
  upos_flags_.assign(doc.strings.size(), 0);
  flags_.resize(doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    uint64_t f = TextFlags(cc, doc.Slice(t.span), t.kind);
    if (t.tag < tag_flags_.size()) {
      if (tag_flags_[t.tag] == 0) tag_flags_[t.tag] = TagFlags(doc.Tag(t)) | 1;
      f |= tag_flags_[t.tag] & ~uint64_t{1};
    }
    if (t.upos < upos_flags_.size()) {
      if (upos_flags_[t.upos] == 0) upos_flags_[t.upos] = UposFlags(doc.Upos(t)) | 1;
      f |= upos_flags_[t.upos] & ~uint64_t{1};
    }
    flags_[i] = f;
  }
}

std::string_view TokenText(const Document& doc, uint32_t t) {
  return doc.Slice(doc.tokens[t].span);
}

std::string TokenLemmaKey(const Document& doc, uint32_t t) {
  std::string_view lemma = doc.Lemma(doc.tokens[t]);
  return Fold(lemma.empty() ? TokenText(doc, t) : lemma);
}

Word TokenWord(const Document& doc, uint32_t t) {
  Word w;
  const std::string_view text = TokenText(doc, t);
  w.form = WordStem(text);
  const std::string_view lemma = doc.Lemma(doc.tokens[t]);
  w.lemma = lemma.empty() ? w.form : WordStem(lemma);
  return w;
}

}  // namespace svodka
