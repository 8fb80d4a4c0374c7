// Analyzer, part 3: lemmas and inflection — writing a parse's lemma (restoring the input's
// capitalization for proper names) and producing other forms of its lexeme. See analyzer.h.
#include <utf8proc.h>

#include <algorithm>
#include <cstring>

#include "base/embedded.h"
#include "base/utf8.h"
#include "morph/alphabet.h"
#include "morph/analyzer.h"
#include "morph/analyzer_impl.h"
#include "morph/data_path.h"
#include "morph/dict_format.h"
#include "morph/dictionary.h"
#include "morph/guesser.h"

namespace svodka {

// ---- lemmas and inflection ---------------------------------------------------------------

namespace {

// Capitalization of one hyphen-separated part of the input.
enum class PartCase { kLower, kTitle, kUpper };

}  // namespace

void Analyzer::Impl::AppendCased(const KeyBuf& k, const uint8_t* key, int n, bool restore,
                                 std::string* out) const {
  // Per hyphen part: the case pattern of the corresponding input part.
  std::vector<PartCase> parts;
  if (restore) {
    int i = 0;
    while (i < k.n) {
      int j = i;
      int up = 0, letters = 0;
      while (j < k.n && k.key[j] != '-') {
        if (k.key[j] != 0 &&
            (alphabet::IsCyrillic(k.key[j]) || (k.key[j] >= 'a' && k.key[j] <= 'z'))) {
          ++letters;
          up += k.is_upper[j];
        }
        ++j;
      }
      PartCase c = PartCase::kLower;
      if (letters > 1 && up == letters)
        c = PartCase::kUpper;
      else if (i < k.n && k.is_upper[i])
        c = PartCase::kTitle;
      parts.push_back(c);
      i = j + 1;
    }
  }
  size_t part = 0;
  bool part_start = true;
  for (int i = 0; i < n; ++i) {
    const uint8_t c = key[i];
    if (c == '-') {
      if (part + 1 < parts.size()) ++part;
      part_start = true;
      out->push_back('-');
      continue;
    }
    bool upper = false;
    if (!parts.empty()) {
      const PartCase pc = parts[std::min(part, parts.size() - 1)];
      upper = pc == PartCase::kUpper || (pc == PartCase::kTitle && part_start);
    }
    part_start = false;
    const char32_t cp = alphabet::Decode(c);
    alphabet::AppendCodePoint(cp == 0 ? kReplacementChar : cp, upper, out);
  }
}

std::string Analyzer::Lemma(std::string_view word, const MorphParse& p) const {
  return impl_->Lemma(word, p);
}

std::string Analyzer::Impl::Lemma(std::string_view word, const MorphParse& p) const {
  KeyBuf k;
  if (!Normalize(word, &k)) return std::string(word);
  if (p.source == ParseSource::kNumber && p.upos == Upos::kAdj) {
    const size_t dash = word.find('-');
    if (dash != std::string_view::npos)
      return std::string(word.substr(0, dash)) + "-\xD0\xB9";  // "-й"
    return std::string(word);
  }
  switch (p.source) {
    case ParseSource::kNumber:
    case ParseSource::kPunct:
    case ParseSource::kSymbol:
      return std::string(word);
    case ParseSource::kInitial:  // "В." -> "В" (UD)
      return std::string(word.substr(0, word.size() - (!word.empty() && word.back() == '.')));
    case ParseSource::kLatin:
    case ParseSource::kUnknown: {
      if (p.upos == Upos::kPropn || !k.ok) return std::string(word);
      std::string s;
      AppendCased(k, k.key, k.n, false, &s);
      return s;
    }
    default:
      break;
  }
  if (tags[p.tag].pos >= 0 && self_lemma_pos.Has(tags[p.tag].pos) && p.suffix_chars == 0 &&
      p.prefix_chars == 0) {
    std::string s;
    AppendCased(k, k.key, k.n, false, &s);
    return s;
  }
  uint8_t lemma[2 * KeyBuf::kMax + 16];
  const int n = LemmaKey(k, p, lemma);
  if (n < 0) return std::string(word);
  uint8_t full[3 * KeyBuf::kMax + 16];
  int m = 0;
  for (int i = 0; i < p.prefix_chars && i < k.n; ++i) full[m++] = k.key[i];
  for (int i = 0; i < n; ++i) full[m++] = lemma[i];
  if (p.source != ParseSource::kAbbreviation) {
    for (int i = k.n - p.suffix_chars; i < k.n; ++i) full[m++] = k.key[i];
  }
  const bool restore =
      proper_tag[p.tag] || (p.source == ParseSource::kGuesser && k.n > 0 && k.is_upper[0] &&
                            (tags[p.tag].pos == g_noun || tags[p.tag].pos == g_adjf));
  std::string s;
  AppendCased(k, full, m, restore, &s);
  return s;
}

std::optional<std::string> Analyzer::Inflect(std::string_view word, const MorphParse& p,
                                             const GrammemeSet& want) const {
  return impl_->Inflect(word, p, want);
}

std::optional<std::string> Analyzer::Impl::Inflect(std::string_view word, const MorphParse& p,
                                                   const GrammemeSet& want) const {
  if (p.paradigm >= dict.paradigm_count() || p.form >= dict.form_count(p.paradigm)) {
    return std::nullopt;
  }
  KeyBuf k;
  if (!Normalize(word, &k)) return std::nullopt;
  const GrammemeSet& have = tags[p.tag].grammemes;
  const uint16_t n = dict.form_count(p.paradigm);
  // The dictionary stores a first name's patronymics in the name's paradigm ("Иван" ->
  // "Иванович", "Ивановна"), and the guesser hands that paradigm to unknown names ("Фумио"
  // -> "Фумиовичи"). A patronymic is another word (UD lemmatizes it to itself, see LemmaForm),
  // so a name is inflected among the name's forms and a patronymic among the patronymic's.
  const bool patr = g_patr >= 0 && have.Has(g_patr);
  int best = -1;
  for (int attempt = 0; attempt < 2 && best < 0; ++attempt) {
    GrammemeSet w = want;
    if (attempt == 1) {
      // Plural-only / singular-only lexemes: relax the number, but only when something else
      // was asked for ("Курилах" + nomn,sing -> "Курилы"); a request for a number alone that
      // the lexeme lacks has no answer ("Курилах" + sing, "Фумио" + plur).
      if (!w.Has(g_sing) && !w.Has(g_plur)) break;
      w.Remove(g_sing);
      w.Remove(g_plur);
      if (w.Empty()) break;
    }
    int best_score = -1000;
    for (uint16_t f = 0; f < n; ++f) {
      const GrammemeSet& g = tags[dict.form_tag(p.paradigm, f)].grammemes;
      if (!g.Contains(w)) continue;
      if (g_patr >= 0 && g.Has(g_patr) != patr) continue;
      const int common = g.CountCommon(have);
      const int score = 4 * common - (g.Count() - common);
      if (score > best_score) {
        best_score = score;
        best = f;
      }
    }
  }
  if (best < 0) return std::nullopt;
  return BuildForm(k, p, static_cast<uint16_t>(best));
}

std::optional<std::string> Analyzer::Impl::BuildForm(const KeyBuf& k, const MorphParse& p,
                                                     uint16_t target) const {
  // Stem of the analysed part, then the target form's prefix + suffix.
  const int b = p.prefix_chars, e = k.n - p.suffix_chars;
  if (e <= b) return std::nullopt;
  uint8_t form[3 * KeyBuf::kMax + 16];
  int m = 0;
  for (int i = 0; i < b; ++i) form[m++] = k.key[i];
  const std::string_view pre = Dictionary::prefix(dict.form_prefix(p.paradigm, p.form));
  const std::string_view suf = dict.suffix(dict.form_suffix(p.paradigm, p.form));
  int sb = b + static_cast<int>(pre.size()), se = e - static_cast<int>(suf.size());
  if (se < sb) return std::nullopt;
  for (char c : Dictionary::prefix(dict.form_prefix(p.paradigm, target))) {
    form[m++] = static_cast<uint8_t>(c);
  }
  for (int i = sb; i < se; ++i) {
    uint8_t c = k.key[i];
    if (i - b < 32 && (p.yo_mask >> (i - b) & 1)) c = alphabet::kYo;
    form[m++] = c;
  }
  for (char c : dict.suffix(dict.form_suffix(p.paradigm, target))) {
    form[m++] = static_cast<uint8_t>(c);
  }
  for (int i = e; i < k.n; ++i) form[m++] = k.key[i];
  std::string s;
  AppendCased(k, form, m, true, &s);
  return s;
}

std::vector<std::pair<std::string, uint16_t>> Analyzer::Lexeme(std::string_view word,
                                                               const MorphParse& p) const {
  std::vector<std::pair<std::string, uint16_t>> out;
  const Dictionary& dict = impl_->dict;
  if (p.paradigm >= dict.paradigm_count() || p.form >= dict.form_count(p.paradigm)) return out;
  Impl::KeyBuf k;
  if (!impl_->Normalize(word, &k)) return out;
  const uint16_t n = dict.form_count(p.paradigm);
  const int g_patr = impl_->g_patr;
  const bool patr = g_patr >= 0 && impl_->tags[p.tag].grammemes.Has(g_patr);
  for (uint16_t f = 0; f < n; ++f) {
    // A name's patronymics are other words (see Impl::Inflect).
    if (g_patr >= 0 && impl_->tags[dict.form_tag(p.paradigm, f)].grammemes.Has(g_patr) != patr) {
      continue;
    }
    auto form = impl_->BuildForm(k, p, f);
    if (form) out.emplace_back(std::move(*form), dict.form_tag(p.paradigm, f));
  }
  return out;
}

bool Analyzer::InDictionary(std::string_view word) const {
  std::vector<MorphParse> tmp;
  Impl::KeyBuf k;
  if (!impl_->Normalize(word, &k) || !k.ok) return false;
  return impl_->Lookup(k.key, 0, k.n, ParseSource::kDictionary, &tmp);
}

}  // namespace svodka
