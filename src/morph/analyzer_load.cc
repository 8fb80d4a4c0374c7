// Analyzer, part 1: loading — mapping the dictionary, building the tag tables and the
// OpenCorpora→UD mapping from the rule tables (data/rules/opencorpora_ud.tsv and the others
// read by analyzer_rules.cc). See analyzer.h for the contract; analysis is in analyzer.cc,
// lemmas and inflection in analyzer_forms.cc.
#include <utf8proc.h>

#include <algorithm>
#include <cstring>

#include "base/embedded.h"
#include "base/utf8.h"
#include "morph/alphabet.h"
#include "morph/analyzer.h"
#include "morph/analyzer_impl.h"
#include "morph/analyzer_rules.h"
#include "morph/data_path.h"
#include "morph/dict_format.h"
#include "morph/dictionary.h"
#include "morph/guesser.h"

namespace svodka {

const char* UposName(Upos upos) {
  static constexpr const char* kNames[kUposCount] = {
      "X",   "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
      "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB"};
  const int i = static_cast<int>(upos);
  return i >= 0 && i < kUposCount ? kNames[i] : "X";
}

namespace {

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

using FeatSlots = std::string_view[kUdFeatCount];

void ApplyFeatEdits(const std::vector<MorphRules::FeatEdit>& edits, FeatSlots& slots) {
  for (const auto& e : edits) slots[e.slot] = e.value;
}

std::string JoinFeats(const FeatSlots& slots) {
  std::string s;
  for (int i = 0; i < kUdFeatCount; ++i) {
    if (slots[i].empty()) continue;
    if (!s.empty()) s += '|';
    s += kUdFeatNames[i];
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
  return Create(std::move(*dict), path);
}

Result<Analyzer> Analyzer::Create(Dictionary dict, const std::string& name) {
  Result<MorphRules> rules = MorphRules::LoadEmbedded();
  if (!rules.ok()) return rules.status();
  return Create(std::move(dict), name, std::move(*rules));
}

Result<Analyzer> Analyzer::Create(Dictionary dict, const std::string& name, MorphRules rules) {
  auto impl = std::make_unique<Impl>();
  impl->dict = std::move(dict);
  if (Status s = impl->Init(name, std::move(rules)); !s.ok()) return s;
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
const MorphRules& Analyzer::rules() const { return impl_->rules; }
const TagInfo& Analyzer::Tag(uint16_t tag_id) const { return impl_->tags[tag_id]; }
size_t Analyzer::TagCount() const { return impl_->tags.size(); }

std::string_view Analyzer::Feats(const MorphParse& p) const { return impl_->tags[p.tag].feats; }

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

Status Analyzer::Impl::Init(const std::string& path, MorphRules morph_rules) {
  rules = std::move(morph_rules);
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
  for (const char* g : {"LATN", "NUMB", "PNCT", "ROMN", "UNKN", "SYMB"})
    is_pos[GrammemeId(g)] = true;

  // The OpenCorpora -> UD mapping (opencorpora_ud.tsv). A grammeme this dictionary does not
  // have is skipped (the tiny test dictionary has few).
  struct PosRule {
    Upos upos;
    const std::vector<MorphRules::FeatEdit>* feats;
  };
  std::vector<std::optional<PosRule>> pos_rules(grammeme_names.size());
  std::vector<std::optional<Upos>> gram_upos(grammeme_names.size());
  std::vector<const std::vector<MorphRules::FeatEdit>*> gram_feats(grammeme_names.size());
  std::vector<const std::vector<MorphRules::FeatEdit>*> feat_of(grammeme_names.size());
  for (const MorphRules::TagRule& r : rules.tag_rules) {
    const int g = GrammemeId(r.grammeme);
    if (g < 0) continue;
    switch (r.kind) {
      case MorphRules::TagRule::Kind::kPos:
        pos_rules[g] = PosRule{*r.upos, &r.feats};
        break;
      case MorphRules::TagRule::Kind::kGram:
        gram_upos[g] = r.upos;
        gram_feats[g] = &r.feats;
        break;
      case MorphRules::TagRule::Kind::kFeat:
        feat_of[g] = &r.feats;
        break;
    }
  }
  for (const MorphRules::LexemeRule& r : rules.lexeme_rules) {
    std::string key;
    if (!alphabet::EncodeUtf8(r.lemma, &key)) {
      return InvalidArgument("data/rules/opencorpora_ud.tsv:" + std::to_string(r.line) +
                             ": lemma '" + r.lemma + "' is outside the dictionary's alphabet");
    }
    const int pos_id = r.pos == "*" ? -1 : GrammemeId(r.pos);
    if (r.pos != "*" && pos_id < 0) {
      return InvalidArgument("data/rules/opencorpora_ud.tsv:" + std::to_string(r.line) +
                             ": part of speech '" + r.pos + "' is not in " + path);
    }
    lexeme_rules.push_back({key, pos_id, r.upos});
  }
  std::sort(lexeme_rules.begin(), lexeme_rules.end(),
            [](const LexemeRule& a, const LexemeRule& b) { return a.lemma < b.lemma; });
  for (const auto& r : lexeme_rules) {
    if (r.lemma.size() < kRuleMaxLen) rule_lengths[r.lemma.size()] = true;
  }
  std::vector<bool> pos_has_rule(grammeme_names.size(), false);
  bool any_pos_rule = false;
  for (const auto& r : lexeme_rules) {
    if (r.pos >= 0)
      pos_has_rule[r.pos] = true;
    else
      any_pos_rule = true;
  }

  const int noun = GrammemeId("NOUN");
  tags.resize(dict.tags().size());
  tag_has_lexeme_rule.assign(dict.tags().size(), false);
  GrammemeSet non_productive, proper;
  for (const std::string& g : rules.closed_grammemes) non_productive.Add(GrammemeId(g));
  for (const std::string& g : rules.proper_grammemes) proper.Add(GrammemeId(g));
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
      ApplyFeatEdits(*pos_rules[info.pos]->feats, feats);
    }
    for (int id : ids) {
      if (feat_of[id] != nullptr) ApplyFeatEdits(*feat_of[id], feats);
    }
    for (int id : ids) {
      if (gram_upos[id] && (info.upos == Upos::kNoun || *gram_upos[id] != Upos::kPropn)) {
        if (*gram_upos[id] != Upos::kPropn || info.pos == noun) info.upos = *gram_upos[id];
      }
      if (gram_feats[id] != nullptr) ApplyFeatEdits(*gram_feats[id], feats);
    }
    info.feats = JoinFeats(feats);
    info.productive = info.grammemes.CountCommon(non_productive) == 0;
    proper_tag[t] = info.grammemes.CountCommon(proper) > 0;
    tag_has_lexeme_rule[t] =
        info.pos >= 0 && (pos_has_rule[info.pos] || (any_pos_rule && info.pos != noun));
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
  for (int t : {tag_pnct, tag_intg, tag_real, tag_latn, tag_romn, tag_unkn, tag_symb}) {
    if (t < 0) return DataLoss(path + ": section tags: a tag for non-word tokens is missing");
  }
  for (const MorphRules::AddedReading& r : rules.added_readings) {
    if (r.cls != "initial") continue;
    const int t = find_tag(r.key);
    if (t < 0) {
      return DataLoss(path + ": section tags: no tag '" + r.key +
                      "' (data/rules/morph_added_readings.tsv:" + std::to_string(r.line) + ")");
    }
    initials.push_back({static_cast<uint16_t>(t), r.upos, r.score});
  }
  for (char32_t c : rules.quote_chars) {
    if (c < 128) quote_ascii[c] = true;
  }
  for (const std::string& s : rules.sym_tokens) sym_max_bytes = std::max(sym_max_bytes, s.size());
  for (const std::string& particle : rules.hyphen_particles) {
    std::string key;
    if (alphabet::EncodeUtf8(particle, &key)) hyphen_particles.push_back(std::move(key));
  }
  g_sing = GrammemeId("sing");
  g_plur = GrammemeId("plur");
  g_noun = noun;
  g_adjf = GrammemeId("ADJF");
  g_anum = GrammemeId("Anum");
  g_patr = GrammemeId("Patr");
  g_abbr = GrammemeId("Abbr");
  g_femn = GrammemeId("femn");
  for (const std::string& g : rules.own_lemma_grammemes) self_lemma_pos.Add(GrammemeId(g));
  return Status::Ok();
}

}  // namespace svodka
