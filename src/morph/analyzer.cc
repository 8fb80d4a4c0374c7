// Analyzer: dictionary lookup with е/ё folding, non-word tokens, hyphenated words, the guesser,
// lemmas, UD mapping and inflection. See analyzer.h for the contract.
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

const char* UposName(Upos upos) {
  static constexpr const char* kNames[kUposCount] = {
      "X",    "ADJ",  "ADP",  "ADV",  "AUX",   "CCONJ", "DET",   "INTJ", "NOUN",
      "NUM",  "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB"};
  const int i = static_cast<int>(upos);
  return i >= 0 && i < kUposCount ? kNames[i] : "X";
}

namespace {

std::optional<Upos> UposFromName(std::string_view s) {
  for (int i = 0; i < kUposCount; ++i) {
    if (s == UposName(static_cast<Upos>(i))) return static_cast<Upos>(i);
  }
  return std::nullopt;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (true) {
    const size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

// UD features by name; FEATS lists them in this (alphabetical, case-insensitive) order.
constexpr std::string_view kFeatNames[] = {"Abbr",   "Animacy", "Aspect",  "Case",  "Degree",
                                           "Foreign", "Gender",  "Mood",    "NumType", "Number",
                                           "Person", "Poss",    "Reflex",  "Tense", "Variant",
                                           "VerbForm", "Voice"};
constexpr int kFeatSlots = sizeof(kFeatNames) / sizeof(kFeatNames[0]);

// One edit of a FEATS value: set slot to value, or clear it (value empty).
struct FeatEdit {
  int slot;
  std::string value;
};
using FeatSlots = std::string_view[kFeatSlots];

// Parses "A=B|-C" into edits; false on an unknown feature name.
bool ParseFeatEdits(std::string_view edits, std::vector<FeatEdit>* out) {
  if (edits.empty() || edits == "-") return true;
  for (std::string_view e : Split(edits, '|')) {
    if (e.empty()) continue;
    const bool remove = e[0] == '-';
    if (remove) e.remove_prefix(1);
    const size_t eq = e.find('=');
    const std::string_view name = e.substr(0, eq);
    int slot = -1;
    for (int i = 0; i < kFeatSlots; ++i) {
      if (kFeatNames[i] == name) slot = i;
    }
    if (slot < 0 || (!remove && eq == std::string_view::npos)) return false;
    out->push_back({slot, remove ? std::string() : std::string(e.substr(eq + 1))});
  }
  return true;
}

void ApplyFeatEdits(const std::vector<FeatEdit>& edits, FeatSlots& slots) {
  for (const auto& e : edits) slots[e.slot] = e.value;
}

std::string JoinFeats(const FeatSlots& slots) {
  std::string s;
  for (int i = 0; i < kFeatSlots; ++i) {
    if (slots[i].empty()) continue;
    if (!s.empty()) s += '|';
    s += kFeatNames[i];
    s += '=';
    s += slots[i];
  }
  return s.empty() ? std::string("_") : s;
}

}  // namespace

// ---- loading -----------------------------------------------------------------------------

Result<Analyzer> Analyzer::Load(const std::string& path) {
  auto dict = Dictionary::Load(path);
  if (!dict.ok()) return dict.status();
  auto impl = std::make_unique<Impl>();
  impl->dict = std::move(*dict);
  if (Status s = impl->Init(path); !s.ok()) return s;
  return Analyzer(std::move(impl));
}

Result<Analyzer> Analyzer::Create(Dictionary dict, const std::string& name) {
  auto impl = std::make_unique<Impl>();
  impl->dict = std::move(dict);
  if (Status s = impl->Init(name); !s.ok()) return s;
  return Analyzer(std::move(impl));
}

Result<Analyzer> Analyzer::LoadDefault() {
  auto path = FindDataFile("ru.dict");
  if (!path.ok()) return path.status();
  return Load(*path);
}

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
Analyzer::~Analyzer() = default;

const Dictionary& Analyzer::dictionary() const { return impl_->dict; }
const TagInfo& Analyzer::Tag(uint16_t tag_id) const { return impl_->tags[tag_id]; }
size_t Analyzer::TagCount() const { return impl_->tags.size(); }

std::string_view Analyzer::Feats(const MorphParse& p) const {
  const TagInfo& t = impl_->tags[p.tag];
  if (p.upos != t.upos &&
      (p.upos == Upos::kPron || p.upos == Upos::kDet || p.upos == Upos::kAux ||
       p.upos == Upos::kSconj || p.upos == Upos::kCconj)) {
    return impl_->feats_no_degree[p.tag];
  }
  return t.feats;
}

int Analyzer::GrammemeId(std::string_view name) const { return impl_->GrammemeId(name); }

const std::string& Analyzer::GrammemeName(int id) const {
  static const std::string kEmpty;
  if (id < 0 || id >= static_cast<int>(impl_->grammeme_names.size())) return kEmpty;
  return impl_->grammeme_names[id];
}

std::optional<GrammemeSet> Analyzer::ParseGrammemes(std::string_view names) const {
  GrammemeSet set;
  size_t b = 0;
  while (b <= names.size()) {
    size_t e = names.find_first_of(", ", b);
    if (e == std::string_view::npos) e = names.size();
    const std::string_view n = names.substr(b, e - b);
    if (!n.empty()) {
      const int id = GrammemeId(n);
      if (id < 0) return std::nullopt;
      set.Add(id);
    }
    b = e + 1;
  }
  return set;
}

int Analyzer::Impl::GrammemeId(std::string_view name) const {
  auto it = grammeme_index.find(name);
  return it == grammeme_index.end() ? -1 : it->second;
}

Status Analyzer::Impl::Init(const std::string& path) {
  for (const auto& [name, parent] : dict.grammemes()) grammeme_names.push_back(name);
  // Pseudo-grammemes of tokens that are not words (pymorphy2's names).
  for (const char* g : {"LATN", "NUMB", "intg", "real", "PNCT", "ROMN", "UNKN", "SYMB", "Init"}) {
    if (std::find(grammeme_names.begin(), grammeme_names.end(), g) == grammeme_names.end()) {
      grammeme_names.emplace_back(g);
    }
  }
  for (size_t i = 0; i < grammeme_names.size(); ++i) {
    grammeme_index.emplace(grammeme_names[i], static_cast<int>(i));
  }
  if (grammeme_names.size() > 128) return DataLoss(path + ": too many grammemes");
  std::vector<bool> is_pos(grammeme_names.size(), false);
  for (size_t i = 0; i < dict.grammemes().size(); ++i) {
    if (dict.grammemes()[i].second == "POST") is_pos[i] = true;
  }
  for (const char* g : {"LATN", "NUMB", "PNCT", "ROMN", "UNKN", "SYMB"}) is_pos[GrammemeId(g)] = true;

  // The OpenCorpora -> UD table.
  const std::string_view table = EmbeddedFile("opencorpora_ud.tsv");
  if (table.empty()) return Internal("embedded data/rules/opencorpora_ud.tsv is missing");
  struct PosRule { Upos upos; std::vector<FeatEdit> feats; };
  std::vector<std::optional<PosRule>> pos_rules(grammeme_names.size());
  std::vector<std::optional<Upos>> gram_upos(grammeme_names.size());
  std::vector<std::vector<FeatEdit>> gram_feats(grammeme_names.size());
  std::vector<std::vector<FeatEdit>> feat_of(grammeme_names.size());
  int line_no = 0;
  for (std::string_view line : Split(table, '\n')) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const auto f = Split(line, '\t');
    const std::string where = "opencorpora_ud.tsv:" + std::to_string(line_no);
    if (f.size() < 3) return Internal(where + ": expected at least 3 columns");
    const std::string_view feats = f.size() > 3 ? f[3] : std::string_view("-");
    if (f[0] == "lemma") {
      const size_t slash = f[1].find('/');
      auto upos = UposFromName(f[2]);
      if (slash == std::string_view::npos || !upos) return Internal(where + ": bad lemma rule");
      std::string key;
      if (!alphabet::EncodeUtf8(f[1].substr(0, slash), &key)) return Internal(where + ": bad lemma");
      const std::string_view pos = f[1].substr(slash + 1);
      const int pos_id = pos == "*" ? -1 : GrammemeId(pos);
      if (pos != "*" && pos_id < 0) return Internal(where + ": unknown POS");
      lexeme_rules.push_back({key, pos_id, *upos});
      continue;
    }
    const int g = GrammemeId(f[1]);
    if (g < 0) continue;  // a grammeme this dictionary does not have
    if (f[0] == "pos") {
      auto upos = UposFromName(f[2]);
      if (!upos) return Internal(where + ": unknown UPOS");
      pos_rules[g] = PosRule{*upos, {}};
      if (!ParseFeatEdits(feats, &pos_rules[g]->feats)) return Internal(where + ": bad FEATS");
    } else if (f[0] == "gram") {
      if (f[2] != "-") {
        auto upos = UposFromName(f[2]);
        if (!upos) return Internal(where + ": unknown UPOS");
        gram_upos[g] = *upos;
      }
      if (!ParseFeatEdits(feats, &gram_feats[g])) return Internal(where + ": bad FEATS");
    } else if (f[0] == "feat") {
      if (!ParseFeatEdits(f[2], &feat_of[g])) return Internal(where + ": bad FEATS");
    } else {
      return Internal(where + ": unknown kind");
    }
  }
  std::sort(lexeme_rules.begin(), lexeme_rules.end(),
            [](const LexemeRule& a, const LexemeRule& b) { return a.lemma < b.lemma; });
  for (const auto& r : lexeme_rules) {
    if (r.lemma.size() < kRuleMaxLen) rule_lengths[r.lemma.size()] = true;
  }
  std::vector<bool> pos_has_rule(grammeme_names.size(), false);
  bool any_pos_rule = false;
  for (const auto& r : lexeme_rules) {
    if (r.pos >= 0) pos_has_rule[r.pos] = true;
    else any_pos_rule = true;
  }

  const int noun = GrammemeId("NOUN");
  tags.resize(dict.tags().size());
  feats_no_degree.resize(dict.tags().size());
  tag_has_lexeme_rule.assign(dict.tags().size(), false);
  GrammemeSet non_productive, proper;
  for (const char* g : {"NUMR", "NPRO", "PRED", "PREP", "CONJ", "PRCL", "INTJ", "Apro"}) {
    if (GrammemeId(g) >= 0) non_productive.Add(GrammemeId(g));
  }
  for (const char* g : {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"}) {
    if (GrammemeId(g) >= 0) proper.Add(GrammemeId(g));
  }
  proper_tag.assign(dict.tags().size(), false);
  for (size_t t = 0; t < dict.tags().size(); ++t) {
    TagInfo& info = tags[t];
    info.text = std::string(dict.tags()[t]);
    std::vector<int> ids;
    for (std::string_view part : Split(info.text, ' ')) {
      for (std::string_view g : Split(part, ',')) {
        if (g.empty()) continue;
        const int id = GrammemeId(g);
        if (id < 0) continue;
        info.grammemes.Add(id);
        ids.push_back(id);
        if (info.pos < 0 && is_pos[id]) info.pos = id;
      }
    }
    FeatSlots feats = {};
    if (info.pos >= 0 && pos_rules[info.pos]) {
      info.upos = pos_rules[info.pos]->upos;
      ApplyFeatEdits(pos_rules[info.pos]->feats, feats);
    }
    for (int id : ids) ApplyFeatEdits(feat_of[id], feats);
    for (int id : ids) {
      if (gram_upos[id] && (info.upos == Upos::kNoun || *gram_upos[id] != Upos::kPropn)) {
        if (*gram_upos[id] != Upos::kPropn || info.pos == noun) info.upos = *gram_upos[id];
      }
      ApplyFeatEdits(gram_feats[id], feats);
    }
    info.feats = JoinFeats(feats);
    feats[4] = {};  // Degree
    feats_no_degree[t] = JoinFeats(feats);
    info.productive = info.grammemes.CountCommon(non_productive) == 0;
    proper_tag[t] = info.grammemes.CountCommon(proper) > 0;
    tag_has_lexeme_rule[t] = info.pos >= 0 && (pos_has_rule[info.pos] ||
                                               (any_pos_rule && info.pos != noun));
  }
  auto find_tag = [&](std::string_view text) -> int {
    for (size_t t = tags.size(); t-- > 0;) {
      if (tags[t].text == text) return static_cast<int>(t);
    }
    return -1;
  };
  tag_pnct = find_tag("PNCT");
  tag_intg = find_tag("NUMB,intg");
  tag_real = find_tag("NUMB,real");
  tag_latn = find_tag("LATN");
  tag_romn = find_tag("ROMN");
  tag_unkn = find_tag("UNKN");
  tag_symb = find_tag("SYMB");
  tag_init_name_m = find_tag("NOUN,anim,masc,Sgtm,Name,Fixd,Abbr,Init sing,nomn");
  tag_init_name_f = find_tag("NOUN,anim,femn,Sgtm,Name,Fixd,Abbr,Init sing,nomn");
  tag_init_patr = find_tag("NOUN,anim,masc,Sgtm,Patr,Fixd,Abbr,Init sing,nomn");
  for (int t : {tag_pnct, tag_intg, tag_real, tag_latn, tag_romn, tag_unkn, tag_symb,
                tag_init_name_m, tag_init_name_f, tag_init_patr}) {
    if (t < 0) return DataLoss(path + ": section tags: a tag for non-word tokens is missing");
  }
  g_sing = GrammemeId("sing");
  g_plur = GrammemeId("plur");
  g_noun = noun;
  g_adjf = GrammemeId("ADJF");
  g_anum = GrammemeId("Anum");
  g_patr = GrammemeId("Patr");
  g_femn = GrammemeId("femn");
  for (const char* g : {"PREP", "CONJ", "PRCL"}) {
    if (GrammemeId(g) >= 0) self_lemma_pos.Add(GrammemeId(g));
  }
  return Status::Ok();
}

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
      if (alphabet::IsCyrillic(static_cast<uint8_t>(b))) ++k->cyr;
      else if (b >= 'a' && b <= 'z') ++k->latin;
      else if (b >= '0' && b <= '9') ++k->digits;
      else if (b == '-') ++k->hyphens;
      else ++k->other;
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
  struct Frame { int pos; uint32_t state; uint32_t mask; };
  Frame stack[64];
  int sp = 0;
  stack[sp++] = {b, words.root(), 0};
  while (sp > 0) {
    Frame f = stack[--sp];
    while (f.pos < e && f.state < words.transition_count()) {
      const uint8_t c = key[f.pos];
      const bool at_root = f.pos == b;
      if (c == alphabet::kYe && f.pos - b < 32 && sp < 64) {
        const uint32_t yo = at_root ? words.NextFromRoot(alphabet::kYo)
                                    : words.Next(f.state, alphabet::kYo);
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
  if (se < sb) { sb = 0; se = n; }  // inconsistent (guessed) analysis: keep the word
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
  // adjectival ending ("1990-х", "14-го", "3-й"): ADJ first (lemma "1990-й"). Digit groups
  // joined by ':', '/', '-' ("3:0", "2007/08", "46-49"): NUM.
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
        add(tag_intg, Upos::kAdj, ParseSource::kNumber, k.n - i - 1 <= 3 ? 0.8f : 0.4f);
        add(tag_intg, Upos::kNum, ParseSource::kNumber, k.n - i - 1 <= 3 ? 0.2f : 0.6f);
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
  if ((k.n == 1 || (k.n == 2 && k.cp[1] == '.')) && k.cyr == 1 && k.upper == 1) {
    add(tag_init_name_m, Upos::kPropn, ParseSource::kInitial, 0.5f);
    add(tag_init_patr, Upos::kPropn, ParseSource::kInitial, 0.3f);
    add(tag_init_name_f, Upos::kPropn, ParseSource::kInitial, 0.2f);
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
      for (int i = 0; i < k.n && roman; ++i) roman = std::strchr("IVXLCDM", static_cast<int>(k.cp[i])) != nullptr;
      if (roman) add(tag_romn, Upos::kAdj, ParseSource::kLatin, 0.5f);  // "XVIII век"
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
    bool quotes = !word.empty();
    for (char c : word) quotes = quotes && (c == '`' || c == '\'' || c == '"');
    if (quotes) {  // `` and '' are quotation marks
      add(tag_pnct, Upos::kPunct, ParseSource::kPunct, 1);
      return;
    }
    if (!word.empty() && punct) {
      // "%" , "#", "&" , "*" , "/" , "@" are punctuation in Unicode but symbols in UD.
      if (word == "%" || word == "#" || word == "&" || word == "*" || word == "/" || word == "@" ||
          word == "\xE2\x84\x96" /* № */ || word == "\xC2\xA7" /* § */) {
        add(tag_symb, Upos::kSym, ParseSource::kSymbol, 1);
      } else {
        add(tag_pnct, Upos::kPunct, ParseSource::kPunct, 1);
      }
      return;
    }
    if (!word.empty() && symbol) {
      add(tag_symb, Upos::kSym, ParseSource::kSymbol, 1);
      return;
    }
  }
}

namespace {

// Particles written after a hyphen and kept verbatim: "кто-нибудь", "скажи-ка".
constexpr std::string_view kParticles[] = {"\xF2\xEE" /* то */, "\xEB\xE8\xE1\xEE" /* либо */,
                                           "\xED\xE8\xE1\xF3\xE4\xFC" /* нибудь */,
                                           "\xEA\xE0" /* ка */, "\xF2\xE0\xEA\xE8" /* таки */,
                                           "\xE4\xE5" /* де */, "\xF1" /* с */};

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
  if (wordlike && k.hyphens > 0) {
    // "кто-нибудь" style particles: analyse the part before the particle.
    int last = k.n - 1;
    while (last >= 0 && k.key[last] != '-') --last;
    if (last > 0) {
      const std::string_view tail(reinterpret_cast<const char*>(k.key + last + 1),
                                  static_cast<size_t>(k.n - last - 1));
      for (std::string_view particle : kParticles) {
        if (tail != particle) continue;
        const size_t first = out->size();
        if (Lookup(k.key, 0, last, ParseSource::kHyphen, out)) {
          for (size_t i = first; i < out->size(); ++i) {
            (*out)[i].suffix_chars = static_cast<uint8_t>(k.n - last);
          }
        }
        break;
      }
      if (out->empty() && last + 1 < k.n) {
        // "интернет-магазина": analyse the last part, keep the prefix.
        if (!Lookup(k.key, last + 1, k.n, ParseSource::kHyphen, out)) {
          GuessPart(k, last + 1, out);
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
  if (wordlike) {
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

void Analyzer::Impl::GuessPart(const KeyBuf& k, int b, std::vector<MorphParse>* out) const {
  GuessParses(dict, tags, k.key + b, k.n - b, out);
}

void Analyzer::Impl::Finish(const KeyBuf& k, std::vector<MorphParse>* out) const {
  const size_t n = out->size();
  for (size_t i = 0; i < n; ++i) {
    MorphParse& p = (*out)[i];
    RefineUpos(k, &p);
    if (p.source == ParseSource::kGuesser && k.is_upper[0] && p.upos == Upos::kNoun) {
      p.upos = Upos::kPropn;  // an unknown capitalized noun is most likely a name
    }
    if (p.upos == Upos::kAux && tags[p.tag].upos == Upos::kVerb) {
      // "быть" is AUX as copula/auxiliary, VERB as existential "есть/был": keep both.
      MorphParse v = p;
      v.upos = Upos::kVerb;
      v.score = p.score * 0.25f;
      p.score *= 0.75f;
      out->push_back(v);
    }
  }
  SortByScore(out, 0);
}

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
        if (k.key[j] != 0 && (alphabet::IsCyrillic(k.key[j]) || (k.key[j] >= 'a' && k.key[j] <= 'z'))) {
          ++letters;
          up += k.is_upper[j];
        }
        ++j;
      }
      PartCase c = PartCase::kLower;
      if (letters > 1 && up == letters) c = PartCase::kUpper;
      else if (i < k.n && k.is_upper[i]) c = PartCase::kTitle;
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
    if (dash != std::string_view::npos) return std::string(word.substr(0, dash)) + "-\xD0\xB9";  // "-й"
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
    default: break;
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
  const bool restore = proper_tag[p.tag] ||
                       (p.source == ParseSource::kGuesser && k.n > 0 && k.is_upper[0] &&
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
  int best = -1;
  for (int attempt = 0; attempt < 2 && best < 0; ++attempt) {
    GrammemeSet w = want;
    if (attempt == 1) {
      // Plural-only / singular-only lexemes: relax the number.
      if (!w.Has(g_sing) && !w.Has(g_plur)) break;
      w.Remove(g_sing);
      w.Remove(g_plur);
    }
    int best_score = -1000;
    for (uint16_t f = 0; f < n; ++f) {
      const GrammemeSet& g = tags[dict.form_tag(p.paradigm, f)].grammemes;
      if (!g.Contains(w)) continue;
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
  for (uint16_t f = 0; f < n; ++f) {
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
