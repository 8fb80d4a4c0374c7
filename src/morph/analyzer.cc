// Analyzer, part 2: analysis — dictionary lookup with е/ё folding, non-word tokens, hyphenated
// words and the guesser. See analyzer.h for the contract; loading and the UD mapping are in
// analyzer_load.cc, lemmas and inflection in analyzer_forms.cc.
//
// Hot path (Analyze on a dictionary word): the word is lower-cased into the dictionary's
// one-byte alphabet on a stack buffer, the automaton is walked (branching on е -> ё, as
// pymorphy2's similar_keys does), and the fixed-size payloads after the separators are
// enumerated straight into *out. Scores: P(tag|word) from the OpenCorpora corpus when the word
// has it (as pymorphy2's ProbabilityEstimator), otherwise the corpus tag prior. Nothing is
// allocated once *out has capacity.
#include "morph/analyzer.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstring>

#include "base/embedded.h"
#include "base/utf8.h"
#include "morph/alphabet.h"
#include "morph/analyzer_impl.h"
#include "morph/data_path.h"
#include "morph/dict_format.h"
#include "morph/dictionary.h"
#include "morph/guesser.h"

namespace svodka {

// ---- analysis ----------------------------------------------------------------------------

bool Analyzer::Impl::Normalize(std::string_view word, KeyBuf* k) const {
  k->n = 0;
  k->upper = k->lower = k->cyr = k->latin = k->digits = k->hyphens = k->other = 0;
  k->ok = true;
  for (size_t i = 0; i < word.size();) {
    size_t len = 1;
    const char32_t cp = DecodeUtf8(word, i, &len);
    i += len;
    if (cp == 0x301 || cp == 0x300) continue;  // stress marks
    if (k->n >= KeyBuf::kMax) return false;
    alphabet::Case c;
    int b = alphabet::Encode(cp, &c);
    if (cp == 0x2010 || cp == 0x2011) b = '-';  // Unicode hyphens
    k->cp[k->n] = cp;
    k->is_upper[k->n] = c == alphabet::Case::kUpper;
    if (c == alphabet::Case::kUpper) ++k->upper;
    if (c == alphabet::Case::kLower) ++k->lower;
    if (b < 0) {
      k->ok = false;
      ++k->other;
      k->key[k->n] = 0;
    } else {
      k->key[k->n] = static_cast<uint8_t>(b);
      if (alphabet::IsCyrillic(static_cast<uint8_t>(b)))
        ++k->cyr;
      else if (b >= 'a' && b <= 'z')
        ++k->latin;
      else if (b >= '0' && b <= '9')
        ++k->digits;
      else if (b == '-')
        ++k->hyphens;
      else
        ++k->other;
    }
    ++k->n;
  }
  return true;
}

namespace {

struct ProbEntry {
  uint16_t tag;
  uint32_t p;
};

}  // namespace

// Looks key[b, e) up with е/ё folding; appends dictionary parses (score = P(t|w) or prior).
bool Analyzer::Impl::Lookup(const uint8_t* key, int b, int e, ParseSource source,
                            std::vector<MorphParse>* out) const {
  const Dafsa& words = dict.words();
  const size_t first = out->size();
  ProbEntry probs[48];
  int nprobs = 0;
  // Iterative DFS over (position, state, yo_mask).
  struct Frame {
    int pos;
    uint32_t state;
    uint32_t mask;
  };
  Frame stack[64];
  int sp = 0;
  stack[sp++] = {b, words.root(), 0};
  while (sp > 0) {
    Frame f = stack[--sp];
    while (f.pos < e && f.state < words.transition_count()) {
      const uint8_t c = key[f.pos];
      const bool at_root = f.pos == b;
      if (c == alphabet::kYe && f.pos - b < 32 && sp < 64) {
        const uint32_t yo =
            at_root ? words.NextFromRoot(alphabet::kYo) : words.Next(f.state, alphabet::kYo);
        if (yo < words.transition_count()) {
          stack[sp++] = {f.pos + 1, yo, f.mask | (1u << (f.pos - b))};
        }
      }
      f.state = at_root ? words.NextFromRoot(c) : words.Next(f.state, c);
      ++f.pos;
    }
    if (f.pos != e || f.state >= words.transition_count()) continue;
    const uint32_t fs = words.Next(f.state, dictfmt::kFormSep);
    if (fs < words.transition_count()) {
      words.Enumerate(fs, dictfmt::kFormPayload, 64, [&](const uint8_t* p) {
        const uint16_t para = static_cast<uint16_t>(p[0] << 8 | p[1]);
        const uint16_t form = static_cast<uint16_t>(p[2] << 8 | p[3]);
        if (para >= dict.paradigm_count() || form >= dict.form_count(para)) return;
        MorphParse mp;
        mp.paradigm = para;
        mp.form = form;
        mp.tag = dict.form_tag(para, form);
        mp.upos = tags[mp.tag].upos;
        mp.source = source;
        mp.yo_mask = f.mask;
        out->push_back(mp);
      });
    }
    const uint32_t ps = words.Next(f.state, dictfmt::kProbSep);
    if (ps < words.transition_count()) {
      words.Enumerate(ps, dictfmt::kProbPayload, 48 - nprobs, [&](const uint8_t* p) {
        probs[nprobs++] = {static_cast<uint16_t>(p[0] << 8 | p[1]),
                           static_cast<uint32_t>(p[2] << 16 | p[3] << 8 | p[4])};
      });
    }
  }
  if (out->size() == first) return false;
  // Scores.
  double total = 0;
  for (size_t i = first; i < out->size(); ++i) {
    MorphParse& mp = (*out)[i];
    double s = -1;
    for (int j = 0; j < nprobs; ++j) {
      if (probs[j].tag == mp.tag) s = probs[j].p / 1e6;
    }
    if (s < 0) s = nprobs > 0 ? 1e-4 * dict.tag_prior(mp.tag) : dict.tag_prior(mp.tag);
    if (!(s > 0)) s = 1e-9;
    mp.score = static_cast<float>(s);
    total += s;
  }
  for (size_t i = first; i < out->size(); ++i) {
    (*out)[i].score = static_cast<float>((*out)[i].score / total);
  }
  return true;
}

void Analyzer::Impl::RefineUpos(const KeyBuf& k, MorphParse* p) const {
  if (p->paradigm == MorphParse::kNoParadigm || !tag_has_lexeme_rule[p->tag]) return;
  {
    // Cheap filter before building the lemma: its length and first byte.
    const int n = k.n - p->suffix_chars - p->prefix_chars;
    const size_t len = Dictionary::prefix(dict.form_prefix(p->paradigm, 0)).size() + n -
                       Dictionary::prefix(dict.form_prefix(p->paradigm, p->form)).size() -
                       dict.suffix(dict.form_suffix(p->paradigm, p->form)).size() +
                       dict.suffix(dict.form_suffix(p->paradigm, 0)).size();
    if (len >= kRuleMaxLen || !rule_lengths[len]) return;
  }
  uint8_t lemma[2 * KeyBuf::kMax + 16];
  const int n = LemmaKey(k, *p, lemma);
  if (n <= 0) return;
  const std::string_view lv(reinterpret_cast<const char*>(lemma), n);
  auto it = std::lower_bound(lexeme_rules.begin(), lexeme_rules.end(), lv,
                             [](const LexemeRule& r, std::string_view v) { return r.lemma < v; });
  const int pos = tags[p->tag].pos;
  for (; it != lexeme_rules.end() && it->lemma == lv; ++it) {
    if (it->pos < 0 || it->pos == pos) {
      p->upos = it->upos;
      return;
    }
  }
}

// Writes the lemma of the analysed part of k (without kept prefix/suffix) in key bytes.
// The form whose text is the lemma: form 0, except where UD does not merge what OpenCorpora
// links: ordinals ("первого" -> "первый", not "один") and patronymics ("Алексеевна" ->
// "Алексеевна", not "Алексей", keeping the gender).
uint16_t Analyzer::Impl::LemmaForm(uint16_t paradigm, uint16_t form) const {
  const GrammemeSet& g = tags[dict.form_tag(paradigm, form)].grammemes;
  const GrammemeSet& g0 = tags[dict.form_tag(paradigm, 0)].grammemes;
  for (int special : {g_anum, g_patr}) {
    if (special < 0 || !g.Has(special) || g0.Has(special)) continue;
    const uint16_t n = dict.form_count(paradigm);
    for (uint16_t f = 0; f < n; ++f) {
      const GrammemeSet& gf = tags[dict.form_tag(paradigm, f)].grammemes;
      if (!gf.Has(special)) continue;
      if (special == g_patr && g_femn >= 0 && gf.Has(g_femn) != g.Has(g_femn)) continue;
      return f;
    }
  }
  return 0;
}

int Analyzer::Impl::LemmaKey(const KeyBuf& k, const MorphParse& p, uint8_t* out) const {
  const int b = p.prefix_chars, e = k.n - p.suffix_chars;
  if (e <= b || p.paradigm >= dict.paradigm_count() || p.form >= dict.form_count(p.paradigm)) {
    return -1;
  }
  uint8_t word[KeyBuf::kMax];
  int n = 0;
  for (int i = b; i < e; ++i) {
    uint8_t c = k.key[i];
    if (i - b < 32 && (p.yo_mask >> (i - b) & 1)) c = alphabet::kYo;
    word[n++] = c;
  }
  const std::string_view pre = Dictionary::prefix(dict.form_prefix(p.paradigm, p.form));
  const std::string_view suf = dict.suffix(dict.form_suffix(p.paradigm, p.form));
  int sb = static_cast<int>(pre.size()), se = n - static_cast<int>(suf.size());
  if (se < sb) {
    sb = 0;
    se = n;
  }  // inconsistent (guessed) analysis: keep the word
  const uint16_t lf = LemmaForm(p.paradigm, p.form);
  const std::string_view pre0 = Dictionary::prefix(dict.form_prefix(p.paradigm, lf));
  const std::string_view suf0 = dict.suffix(dict.form_suffix(p.paradigm, lf));
  int m = 0;
  for (char c : pre0) out[m++] = static_cast<uint8_t>(c);
  for (int i = sb; i < se; ++i) out[m++] = word[i];
  for (char c : suf0) out[m++] = static_cast<uint8_t>(c);
  return m;
}

void Analyzer::Impl::NonWord(std::string_view word, const KeyBuf& k,
                             std::vector<MorphParse>* out) const {
  auto add = [&](int tag, Upos upos, ParseSource src, float score) {
    MorphParse p;
    p.tag = static_cast<uint16_t>(tag);
    p.upos = upos;
    p.source = src;
    p.score = score;
    out->push_back(p);
  };
  // Numbers: digits with inner , or . ("2,5", "1.5"): NUM, and for integers also ADJ (UD
  // tags years and ordinals written in digits as ADJ: "в 1945 году"). Digits + hyphen +
  // Cyrillic ending ("1990-х", "14-го", "3-й"): an ordinal, ADJ (lemma "1990-й"), as in the
  // treebanks (65 of 67 such tokens). Digit groups joined by ':', '/', '-' ("3:0", "2007/08",
  // "46-49"): NUM.
  if (k.n > 0 && k.key[0] >= '0' && k.key[0] <= '9') {
    int i = 0;
    bool real = false;
    while (i < k.n && ((k.key[i] >= '0' && k.key[i] <= '9') ||
                       ((k.key[i] == ',' || k.key[i] == '.') && i + 1 < k.n &&
                        k.key[i + 1] >= '0' && k.key[i + 1] <= '9'))) {
      if (k.key[i] == ',' || k.key[i] == '.') real = true;
      ++i;
    }
    if (i == k.n) {
      if (real) {
        add(tag_real, Upos::kNum, ParseSource::kNumber, 1);
      } else {
        add(tag_intg, Upos::kNum, ParseSource::kNumber, 0.6f);
        add(tag_intg, Upos::kAdj, ParseSource::kNumber, 0.4f);
      }
      return;
    }
    if (k.key[i] == '-' && i + 1 < k.n) {
      bool cyr = true;
      for (int j = i + 1; j < k.n; ++j) cyr = cyr && alphabet::IsCyrillic(k.key[j]);
      if (cyr) {
        add(tag_intg, Upos::kAdj, ParseSource::kNumber, 1);
        return;
      }
    }
    bool groups = true;
    for (int j = 0; j < k.n; ++j) {
      const uint8_t c = k.key[j];
      const bool digit = c >= '0' && c <= '9';
      const bool sep = (c == ':' || c == '/' || c == '-' || k.cp[j] == 0x2013) && j > 0 &&
                       j + 1 < k.n && k.key[j - 1] >= '0' && k.key[j - 1] <= '9';
      groups = groups && (digit || sep);
    }
    if (groups) {
      add(tag_intg, Upos::kNum, ParseSource::kNumber, 1);
      return;
    }
  }
  // Initials: one capital Cyrillic letter, optionally followed by a period.
  if ((k.n == 1 || (k.n == 2 && k.cp[1] == '.')) && k.cyr == 1 && k.upper == 1 &&
      !initials.empty()) {
    for (const FixedReading& r : initials) add(r.tag, r.upos, ParseSource::kInitial, r.score);
    return;
  }
  // Latin words (letters, digits, inner hyphens, apostrophes, periods).
  if (k.latin > 0 && k.cyr == 0) {
    bool ok = true;
    for (int i = 0; i < k.n; ++i) {
      const char32_t c = k.cp[i];
      ok = ok && (k.key[i] != 0 || c == 0x2019) &&
           ((k.key[i] >= 'a' && k.key[i] <= 'z') || (k.key[i] >= '0' && k.key[i] <= '9') ||
            c == '-' || c == '\'' || c == 0x2019 || c == '.' || c == '&');
    }
    if (ok) {
      bool roman = k.n > 0 && k.upper == k.n;
      for (int i = 0; i < k.n && roman; ++i)
        roman = std::strchr("IVXLCDM", static_cast<int>(k.cp[i])) != nullptr;
      if (roman) add(tag_romn, tags[tag_romn].upos, ParseSource::kLatin, 0.5f);  // "XVIII век"
      if (k.is_upper[0]) {
        add(tag_latn, Upos::kX, ParseSource::kLatin, roman ? 0.3f : 0.6f);
        add(tag_latn, Upos::kPropn, ParseSource::kLatin, roman ? 0.2f : 0.4f);
      } else {
        add(tag_latn, Upos::kX, ParseSource::kLatin, roman ? 0.5f : 1.0f);
      }
      return;
    }
  }
  // Punctuation and symbols: every code point is P* (punctuation) or S* (symbol).
  if (k.cyr == 0 && k.latin == 0) {
    bool punct = true, symbol = true;
    for (size_t i = 0; i < word.size();) {
      size_t len = 1;
      const char32_t cp = DecodeUtf8(word, i, &len);
      i += len;
      const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
      const bool p = cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO;
      const bool s = cat >= UTF8PROC_CATEGORY_SM && cat <= UTF8PROC_CATEGORY_SO;
      punct = punct && p;
      symbol = symbol && (s || p);
    }
    // Quotation marks typed as `` and '' (morph_punct.tsv, PUNCT).
    bool quotes = !word.empty();
    for (size_t i = 0; i < word.size() && quotes;) {
      const unsigned char c = static_cast<unsigned char>(word[i]);
      if (c < 0x80) {
        quotes = quote_ascii[c];
        ++i;
        continue;
      }
      size_t len = 1;
      const char32_t cp = DecodeUtf8(word, i, &len);
      i += len;
      quotes = std::find(rules.quote_chars.begin(), rules.quote_chars.end(), cp) !=
               rules.quote_chars.end();
    }
    if (quotes) {
      add(tag_pnct, tags[tag_pnct].upos, ParseSource::kPunct, 1);
      return;
    }
    if (!word.empty() && punct) {
      // "%", "#", "&", ... are punctuation in Unicode but symbols in UD (morph_punct.tsv, SYM).
      if (word.size() <= sym_max_bytes &&
          std::find(rules.sym_tokens.begin(), rules.sym_tokens.end(), word) !=
              rules.sym_tokens.end()) {
        add(tag_symb, tags[tag_symb].upos, ParseSource::kSymbol, 1);
      } else {
        add(tag_pnct, tags[tag_pnct].upos, ParseSource::kPunct, 1);
      }
      return;
    }
    if (!word.empty() && symbol) {
      add(tag_symb, tags[tag_symb].upos, ParseSource::kSymbol, 1);
      return;
    }
  }
}

namespace {

// Stable insertion sort by descending score: lists are short, and std::stable_sort may
// allocate.
void SortByScore(std::vector<MorphParse>* out, size_t first) {
  MorphParse* v = out->data();
  const size_t n = out->size();
  for (size_t i = first + 1; i < n; ++i) {
    const MorphParse x = v[i];
    size_t j = i;
    while (j > first && v[j - 1].score < x.score) {
      v[j] = v[j - 1];
      --j;
    }
    v[j] = x;
  }
}

}  // namespace

void Analyzer::Analyze(std::string_view word, std::vector<MorphParse>* out) const {
  impl_->Analyze(word, out);
}

void Analyzer::Impl::Analyze(std::string_view word, std::vector<MorphParse>* out) const {
  out->clear();
  KeyBuf k;
  if (!Normalize(word, &k) || k.n == 0) {
    MorphParse p;
    p.tag = static_cast<uint16_t>(tag_unkn);
    p.upos = Upos::kX;
    p.score = 1;
    out->push_back(p);
    return;
  }
  const bool wordlike = k.ok && k.cyr > 0 && k.digits == 0;
  if (wordlike && Lookup(k.key, 0, k.n, ParseSource::kDictionary, out)) {
    Finish(k, out);
    return;
  }
  NonWord(word, k, out);
  if (!out->empty()) return;
  if (k.ok && k.n >= 2 && k.key[k.n - 1] == '.' && k.cyr == k.n - 1 &&
      Lookup(k.key, 0, k.n - 1, ParseSource::kAbbreviation, out)) {
    for (auto& p : *out) p.suffix_chars = 1;
    Finish(k, out);
    return;
  }
  bool unknown = false;  // a hyphenated word that is not a compound (see below)
  if (wordlike && k.hyphens > 0) {
    // "кто-нибудь" style particles: analyse the part before the particle.
    int last = k.n - 1;
    while (last >= 0 && k.key[last] != '-') --last;
    if (last > 0) {
      const std::string_view tail(reinterpret_cast<const char*>(k.key + last + 1),
                                  static_cast<size_t>(k.n - last - 1));
      for (std::string_view particle : hyphen_particles) {
        if (tail != particle) continue;
        const size_t first = out->size();
        if (Lookup(k.key, 0, last, ParseSource::kHyphen, out)) {
          for (size_t i = first; i < out->size(); ++i) {
            (*out)[i].suffix_chars = static_cast<uint8_t>(k.n - last);
          }
        }
        break;
      }
      if (out->empty() && last + 2 == k.n) {
        // The last part is one letter: a word spelled out ("п-р-и-в-е-т"), drawn out
        // ("Чта-а-а") or abbreviated ("р-н"), not a compound. One letter's readings are
        // prepositions, conjunctions and abbreviations ("т" -> "том"), whose lemma glued to
        // the prefix is not a form of the word, and an ending of one letter tells the
        // guesser nothing: the word gets the UNKN parse, whose lemma is the word.
        unknown = true;
      } else if (out->empty() && last + 1 < k.n) {
        // "интернет-магазина": analyse the last part, keep the prefix.
        if (!Lookup(k.key, last + 1, k.n, ParseSource::kHyphen, out)) {
          GuessPart(k, last + 1, out);
        }
        // An abbreviation's lemma is the word it stands for ("кв" -> "квартира"): glued to
        // the prefix it is not a form of the word. The others keep their share of the score.
        if (g_abbr >= 0) {
          float before = 0, after = 0;
          for (const auto& p : *out) before += p.score;
          std::erase_if(*out,
                        [&](const MorphParse& p) { return tags[p.tag].grammemes.Has(g_abbr); });
          for (const auto& p : *out) after += p.score;
          if (after > 0 && after < before) {
            for (auto& p : *out) p.score *= before / after;
          }
        }
        for (auto& p : *out) {
          p.prefix_chars = static_cast<uint8_t>(last + 1);
          p.source = ParseSource::kHyphen;
        }
      }
      if (!out->empty()) {
        Finish(k, out);
        return;
      }
    }
  }
  if (wordlike && !unknown) {
    GuessPart(k, 0, out);
    if (!out->empty()) {
      Finish(k, out);
      return;
    }
  }
  MorphParse p;
  p.tag = static_cast<uint16_t>(tag_unkn);
  p.upos = Upos::kX;
  p.source = ParseSource::kUnknown;
  p.score = 1;
  out->push_back(p);
}

void Analyzer::Guess(std::string_view word, std::vector<MorphParse>* out) const {
  out->clear();
  Impl::KeyBuf k;
  if (!impl_->Normalize(word, &k) || !k.ok || k.cyr == 0 || k.digits > 0 || k.hyphens > 0) return;
  impl_->GuessPart(k, 0, out);
  impl_->Finish(k, out);
}

void Analyzer::Impl::GuessPart(const KeyBuf& k, int b, std::vector<MorphParse>* out) const {
  GuessParses(dict, tags, k.key + b, k.n - b, out);
}

void Analyzer::Impl::Finish(const KeyBuf& k, std::vector<MorphParse>* out) const {
  for (MorphParse& p : *out) {
    RefineUpos(k, &p);
    if (p.source == ParseSource::kGuesser && k.is_upper[0] && p.upos == Upos::kNoun) {
      p.upos = Upos::kPropn;  // an unknown capitalized noun is most likely a name
    }
  }
  SortByScore(out, 0);
}

}  // namespace svodka
