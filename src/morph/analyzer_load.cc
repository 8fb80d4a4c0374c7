// Analyzer, part 1: loading — mapping the dictionary, building the tag tables and the
// OpenCorpora→UD mapping from data/rules/opencorpora_ud.tsv. See analyzer.h for the contract;
// analysis is in analyzer.cc, lemmas and inflection in analyzer_forms.cc.
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
  g_abbr = GrammemeId("Abbr");
  g_femn = GrammemeId("femn");
  for (const char* g : {"PREP", "CONJ", "PRCL"}) {
    if (GrammemeId(g) >= 0) self_lemma_pos.Add(GrammemeId(g));
  }
  return Status::Ok();
}

}  // namespace svodka
