#include "link/mention_keys.h"

#include <algorithm>

#include "base/utf8.h"
#include "text/char_class.h"

namespace svodka {
namespace {

bool ValidTokens(const Document& doc, const Mention& m) {
  return m.first_token < m.end_token && m.end_token <= doc.tokens.size();
}

// Folded first letters of each hyphen-separated part of a word ("Азиатско-Тихоокеанский" ->
// "ат").
void AppendInitials(std::string_view word, std::string* out) {
  size_t i = 0;
  while (i < word.size()) {
    size_t j = word.find('-', i);
    if (j == std::string_view::npos) j = word.size();
    if (j > i) AppendUtf8(FirstLetter(word.substr(i, j - i)), out);
    i = j + 1;
  }
}

// An abbreviation: all capitals ("МИД") or capitals and a lower-case case ending ("МИДа").
bool IsAbbreviation(uint64_t flags, std::string_view text) {
  if (flags & kTfAllCaps) return true;
  if (!(flags & kTfUpper)) return false;
  const CharClasses& cc = CharClasses::Get();
  size_t caps = 0, i = 0;
  while (i < text.size()) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(text, i, &len);
    if (cc.Of(c) != kCcUpper) break;
    ++caps;
    i += len;
  }
  if (caps < 2) return false;
  size_t rest = 0;
  while (i < text.size()) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(text, i, &len);
    if (cc.Of(c) != kCcLower) return false;
    ++rest;
    i += len;
  }
  return rest <= 3;
}

struct KeyWord {
  Word word;
  uint32_t token = kNoMention;  // the token it comes from, kNoMention for an alias's words
  bool place = false;           // a place (alias of kind place)
  bool org_alias = false;       // from an alias of kind org
  int place_group = -1;         // words of one place share a group
};

// Replaces alias variants in `in` by their canonical words.
void ApplyAliases(const LinkRules& rules, const std::vector<Word>& in,
                  const std::vector<uint32_t>& tokens, std::vector<KeyWord>* out) {
  out->clear();
  int group = 0;
  size_t i = 0;
  while (i < in.size()) {
    const Alias* found = nullptr;
    for (const std::string* stem : {&in[i].form, &in[i].lemma}) {
      auto it = rules.alias_index.find(*stem);
      if (it == rules.alias_index.end()) continue;
      for (uint32_t a : it->second) {
        const Alias& alias = rules.aliases[a];
        if (i + alias.variant.size() > in.size()) continue;
        bool ok = true;
        for (size_t k = 0; k < alias.variant.size() && ok; ++k)
          ok = SameWord(alias.variant[k], in[i + k]);
        if (ok && (!found || alias.variant.size() > found->variant.size())) found = &alias;
      }
    }
    if (!found) {
      out->push_back({in[i], tokens[i], false, false, -1});
      ++i;
      continue;
    }
    const int g = group++;
    for (const Word& w : found->canonical) {
      KeyWord k;
      k.word = w;
      k.token = found->variant.size() == 1 ? tokens[i] : kNoMention;
      k.place = found->place;
      k.org_alias = !found->place;
      k.place_group = found->place ? g : -1;
      out->push_back(std::move(k));
    }
    i += found->variant.size();
  }
}

void PlaceOrgKey(const Document& doc, const std::vector<uint64_t>& flags, const LinkRules& rules,
                 const Mention& m, NameKey* key) {
  std::vector<uint32_t> tokens;
  std::vector<Word> words;
  bool quoted = false;
  size_t quote_begin = SIZE_MAX, quote_end = SIZE_MAX;
  for (uint32_t t = m.first_token; t < m.end_token; ++t) {
    const uint64_t f = flags[t];
    if (f & kTfQuote) {
      if (!quoted && quote_begin == SIZE_MAX) {
        quote_begin = tokens.size();
        quoted = true;
      } else if (quoted) {
        quote_end = tokens.size();
        quoted = false;
      }
      continue;
    }
    const TokenKind kind = doc.tokens[t].kind;
    if (kind != TokenKind::kWord && kind != TokenKind::kNumber) continue;
    tokens.push_back(t);
    words.push_back(TokenWord(doc, t));
  }
  if (quoted) quote_end = tokens.size();
  std::vector<KeyWord> kw;
  ApplyAliases(rules, words, tokens, &kw);
  const bool org = m.type == EntityType::kOrg;
  std::vector<uint32_t> core_tokens;
  std::vector<std::vector<Word>> places;
  int last_group = -2;
  for (size_t i = 0; i < kw.size(); ++i) {
    KeyWord& k = kw[i];
    key->words.push_back(k.word);
    if (!org) continue;
    const uint64_t f = k.token == kNoMention ? 0 : flags[k.token];
    if (k.place) {
      if (k.place_group != last_group) places.emplace_back();
      places.back().push_back(k.word);
      last_group = k.place_group;
      continue;
    }
    last_group = -2;
    if (k.token != kNoMention && (f & kTfAdj)) {
      auto it = rules.place_adjectives.find(k.word.form);
      if (it == rules.place_adjectives.end()) it = rules.place_adjectives.find(k.word.lemma);
      if (it != rules.place_adjectives.end()) {
        places.push_back(it->second.words);
        continue;
      }
    }
    if (k.token != kNoMention && (f & kTfGeox) && i > 0 && !k.org_alias) {
      places.push_back({k.word});
      continue;
    }
    key->core.push_back(k.word);
    if (k.token != kNoMention && (core_tokens.empty() || core_tokens.back() != k.token))
      core_tokens.push_back(k.token);
  }
  if (org) {
    for (const auto& p : places) key->places.push_back(PlaceKey(p));
    std::sort(key->places.begin(), key->places.end());
    key->places.erase(std::unique(key->places.begin(), key->places.end()), key->places.end());
    if (key->core.empty()) key->place = PlaceKey(key->words);  // "России" tagged ORG
  } else {
    key->core = key->words;
    core_tokens = tokens;
    key->place = PlaceKey(key->words);
  }
  // Initials and acronym of the core as written.
  for (uint32_t t : core_tokens) {
    const std::string_view text = TokenText(doc, t);
    AppendInitials(text, &key->initials_all);
    if (!(flags[t] & (kTfAdp | kTfConj))) AppendInitials(text, &key->initials);
  }
  if (core_tokens.size() == 1 &&
      IsAbbreviation(flags[core_tokens[0]], TokenText(doc, core_tokens[0]))) {
    const std::string folded = Fold(TokenText(doc, core_tokens[0]));
    const std::string stem = WordStem(TokenText(doc, core_tokens[0]));  // "МИДа" -> "мид"
    key->acronym = (flags[core_tokens[0]] & kTfAllCaps) ? folded : stem;
  }
  // Short form: the quoted part, or the proper part after generic lower-case nouns.
  if (quote_begin != SIZE_MAX && quote_end != SIZE_MAX && quote_end > quote_begin &&
      (quote_begin > 0 || quote_end < tokens.size())) {
    key->short_form.assign(words.begin() + quote_begin, words.begin() + quote_end);
  } else if (!tokens.empty() && !(flags[tokens[0]] & kTfUpper)) {
    size_t k = 0;
    bool noun = false, other = false;
    while (k < tokens.size() && !(flags[tokens[k]] & kTfUpper)) {
      noun |= (flags[tokens[k]] & kTfNoun) != 0;
      other |= !(flags[tokens[k]] & (kTfNoun | kTfAdj));
      ++k;
    }
    noun &= !other;  // generic words only: "постоянного представительства в Германии" is not
    // The proper part must be an apposition: quoted, indeclinable, or in the case of the
    // generic noun ("городе Москве"); "отдел России" is a department, not Россия.
    const uint64_t generic_case = k > 0 ? flags[tokens[k - 1]] & kTfCases : 0;
    const uint64_t proper_case = k < tokens.size() ? flags[tokens[k]] & kTfCases : 0;
    const bool apposition = generic_case == 0 || proper_case == 0 ||
                            (flags[tokens[k < tokens.size() ? k : 0]] & kTfFixd) ||
                            (generic_case & proper_case) != 0;
    if (noun && k < tokens.size() && apposition) {
      std::vector<KeyWord> rest;
      std::vector<Word> tail(words.begin() + k, words.end());
      std::vector<uint32_t> tail_tokens(tokens.begin() + k, tokens.end());
      ApplyAliases(rules, tail, tail_tokens, &rest);
      for (const KeyWord& r : rest) key->short_form.push_back(r.word);
    }
  }
  key->adjective = tokens.size() == 1 && (flags[tokens[0]] & kTfAdj);
  if (tokens.size() >= 2) {
    bool adjectives = true;
    for (size_t k = 0; k + 1 < tokens.size(); ++k) adjectives &= (flags[tokens[k]] & kTfAdj) != 0;
    const uint64_t last = flags[tokens.back()];
    key->adjectives_then_noun = adjectives && (last & (kTfNoun | kTfPropn));
  }
}

Word InitialWord(const Document& doc, uint32_t t) {
  Word w;
  AppendUtf8(FirstLetter(TokenText(doc, t)), &w.form);
  w.lemma = w.form;
  return w;
}

void PersonKey(const Document& doc, const std::vector<uint64_t>& flags, const Mention& m,
               PersonName* p) {
  std::vector<uint32_t> tokens;
  bool any_upper = false;
  for (uint32_t t = m.first_token; t < m.end_token; ++t) {
    if (doc.tokens[t].kind != TokenKind::kWord) continue;
    tokens.push_back(t);
    any_upper |= (flags[t] & kTfUpper) != 0;
  }
  if (any_upper) {
    tokens.erase(std::remove_if(tokens.begin(), tokens.end(),
                                [&](uint32_t t) { return !(flags[t] & kTfUpper); }),
                 tokens.end());
  }
  if (tokens.empty()) return;
  enum Class { kInitial, kPatr, kName, kSurn, kUnknown };
  std::vector<Class> cls(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const uint64_t f = flags[tokens[i]];
    cls[i] = (f & kTfOneLetter) ? kInitial
             : (f & kTfPatr)    ? kPatr
             : (f & kTfSurn)    ? kSurn
             : (f & kTfName)    ? kName
                                : kUnknown;
  }
  auto vote = [&](uint32_t t, int w) {
    if (flags[t] & kTfMasc) p->gender += w;
    if (flags[t] & kTfFemn) p->gender -= w;
  };
  if (tokens.size() == 1) {
    const uint32_t t = tokens[0];
    if (cls[0] == kInitial) return;
    // A word alone: a dictionary surname's form tells the gender ("Ивановой"); a first name's
    // only weakly, as the word may be a surname the dictionary files as a name ("Гордон").
    vote(t, cls[0] == kSurn ? 2 : cls[0] == kName ? 1 : 0);
    if (cls[0] == kName) {
      p->first = TokenWord(doc, t);
      p->has_first = true;
      p->first_dictionary = true;
    } else if (cls[0] == kPatr) {
      p->patronymic = TokenWord(doc, t);
      p->has_patronymic = true;
    } else {
      p->surname = TokenWord(doc, t);
      p->has_surname = true;
    }
    return;
  }
  // The surname: the last word when it is a surname or of unknown kind, else the last
  // dictionary surname ("Лавров Сергей"), else the last word of unknown kind, else the last
  // first name after the first word ("Беньямин Нетаньяху").
  size_t surname = SIZE_MAX;
  if (cls.back() == kSurn || cls.back() == kUnknown) surname = tokens.size() - 1;
  for (size_t i = 0; i < tokens.size() && surname == SIZE_MAX; ++i)
    if (cls[i] == kSurn) surname = i;
  if (surname == SIZE_MAX)
    for (size_t i = 0; i < tokens.size(); ++i)
      if (cls[i] == kUnknown) surname = i;
  if (surname == SIZE_MAX)
    for (size_t i = 1; i < tokens.size(); ++i)
      if (cls[i] == kName) surname = i;
  if (surname != SIZE_MAX) {
    p->surname = TokenWord(doc, tokens[surname]);
    p->has_surname = true;
  }
  // The first name: the first other word (an initial counts), before the surname if any.
  size_t first = SIZE_MAX;
  for (size_t i = 0; i < tokens.size() && first == SIZE_MAX; ++i)
    if (i != surname && cls[i] != kPatr) first = i;
  if (first != SIZE_MAX) {
    p->has_first = true;
    p->first_initial = cls[first] == kInitial;
    p->first_dictionary = cls[first] == kName;
    p->first = p->first_initial ? InitialWord(doc, tokens[first]) : TokenWord(doc, tokens[first]);
  }
  // Gender: a dictionary first name ±2, a dictionary surname ±1.
  if (first != SIZE_MAX && cls[first] == kName) vote(tokens[first], 2);
  if (surname != SIZE_MAX && cls[surname] == kSurn) vote(tokens[surname], 1);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i == surname || i == first) continue;
    if (cls[i] == kPatr || (cls[i] == kInitial && !p->has_patronymic)) {
      if (p->has_patronymic) continue;
      p->has_patronymic = true;
      p->patronymic_initial = cls[i] == kInitial;
      p->patronymic =
          p->patronymic_initial ? InitialWord(doc, tokens[i]) : TokenWord(doc, tokens[i]);
    } else if (cls[i] != kInitial) {
      p->others.push_back(TokenWord(doc, tokens[i]));
    }
  }
}

// The case flag of a mention: the case of its last word.
uint64_t MentionCase(const Document& doc, const std::vector<uint64_t>& flags, const Mention& m) {
  for (uint32_t t = m.end_token; t > m.first_token; --t)
    if (doc.tokens[t - 1].kind == TokenKind::kWord) return flags[t - 1] & kTfCases;
  return 0;
}

int VerbGender(uint64_t f) {
  if (!(f & (kTfVerb | kTfAux)) || !(f & kTfPast)) return 0;
  if (f & kTfMasc) return 3;
  if (f & kTfFemn) return -3;
  return 0;
}

}  // namespace

std::string PlaceKey(const std::vector<Word>& words) {
  std::string key;
  for (const Word& w : words) {
    if (!key.empty()) key += ' ';
    key += w.lemma;
  }
  return key;
}

int GenderEvidence(const Document& doc, const std::vector<uint64_t>& flags, const Mention& m) {
  if (!ValidTokens(doc, m)) return 0;
  int g = 0;
  const uint64_t c = MentionCase(doc, flags, m);
  if (c == 0 || (c & kTfNomn)) {
    for (uint32_t t = m.end_token; t < doc.tokens.size() && t < m.end_token + 4; ++t) {
      const uint64_t f = flags[t];
      if (f & (kTfAdv | kTfPart)) continue;
      g += VerbGender(f);
      break;
    }
    if (m.first_token > 0) g += VerbGender(flags[m.first_token - 1]);
  }
  return g;
}

void ComputeNameKeys(const Document& doc, const std::vector<uint64_t>& flags,
                     const LinkRules& rules, std::vector<NameKey>* keys) {
  keys->assign(doc.entities.size(), NameKey());
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Mention& m = doc.entities[i];
    if (m.kind != MentionKind::kName || !ValidTokens(doc, m)) continue;
    NameKey& key = (*keys)[i];
    if (m.type == EntityType::kPer) {
      PersonKey(doc, flags, m, &key.person);
    } else {
      PlaceOrgKey(doc, flags, rules, m, &key);
    }
  }
  // An organization followed by a place in the genitive is that place's ("МИД" "РФ" when the
  // names were found apart), and so is one after a place adjective ("японского" "МИДа").
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Mention& m = doc.entities[i];
    if (m.kind != MentionKind::kName || m.type != EntityType::kOrg || !ValidTokens(doc, m))
      continue;
    NameKey& key = (*keys)[i];
    bool added = false;
    for (size_t j = i + 1; j < doc.entities.size(); ++j) {
      const Mention& n = doc.entities[j];
      if (n.first_token < m.end_token) continue;
      if (n.first_token == m.end_token && n.kind == MentionKind::kName &&
          n.type == EntityType::kLoc && ValidTokens(doc, n) && !(*keys)[j].place.empty() &&
          (flags[n.first_token] & kTfGent)) {
        key.places.push_back((*keys)[j].place);
        key.qualifier = static_cast<uint32_t>(j);
        added = true;
      }
      break;
    }
    if (m.first_token > 0 && (flags[m.first_token - 1] & kTfAdj)) {
      const Word w = TokenWord(doc, m.first_token - 1);
      auto it = rules.place_adjectives.find(w.form);
      if (it == rules.place_adjectives.end()) it = rules.place_adjectives.find(w.lemma);
      if (it != rules.place_adjectives.end()) {
        key.places.push_back(PlaceKey(it->second.words));
        added = true;
      }
    }
    if (added) {
      std::sort(key.places.begin(), key.places.end());
      key.places.erase(std::unique(key.places.begin(), key.places.end()), key.places.end());
    }
  }
}

bool SurnamesMatch(const PersonName& a, const PersonName& b) {
  return a.has_surname && b.has_surname && SameWord(a.surname, b.surname);
}

namespace {
bool PartAgrees(const Word& a, bool a_initial, const Word& b, bool b_initial) {
  if (a_initial || b_initial) return FirstLetter(a.form) == FirstLetter(b.form);
  if (SameWord(a, b)) return true;
  // Spellings of one foreign name: "Раймон" / "Раймонд".
  const std::string& x = a.form.size() < b.form.size() ? a.form : b.form;
  const std::string& y = a.form.size() < b.form.size() ? b.form : a.form;
  return CountCodePoints(x) >= 5 && y.compare(0, x.size(), x) == 0 &&
         CountCodePoints(y) - CountCodePoints(x) <= 1;
}
}  // namespace

bool FirstNamesAgree(const PersonName& a, const PersonName& b) {
  if (a.has_first && b.has_first && !PartAgrees(a.first, a.first_initial, b.first, b.first_initial))
    return false;
  if (a.has_patronymic && b.has_patronymic &&
      !PartAgrees(a.patronymic, a.patronymic_initial, b.patronymic, b.patronymic_initial))
    return false;
  return true;
}

bool GendersAgree(int a, int b) { return !((a >= 2 && b <= -2) || (a <= -2 && b >= 2)); }

}  // namespace svodka
