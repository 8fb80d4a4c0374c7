#include "link/linker.h"

#include <algorithm>
#include <numeric>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "link/link_text.h"
#include "link/mention_keys.h"
#include "link/role_phrase.h"
#include "text/char_class.h"

namespace svodka {

namespace {

constexpr uint32_t kNone = UINT32_MAX;
// Sentences before a pronoun's own in which its person may be found.
constexpr uint32_t kPronounSentences = 2;

struct Cluster {
  EntityType type = EntityType::kPer;
  PersonName person;
  int gender = 0;
  bool bare_first = false;          // made of first names alone
  std::vector<uint32_t> positions;  // first tokens of its mentions
  std::vector<uint32_t> roles;      // indices into the role phrases
};

struct Added {
  Mention mention;
  uint32_t cluster = kNone;
};

bool ValidTokens(const Document& doc, const Mention& m) {
  return m.first_token < m.end_token && m.end_token <= doc.tokens.size();
}

// The latest position of c before `token`, or kNone.
uint32_t LastBefore(const Cluster& c, uint32_t token) {
  uint32_t best = kNone;
  for (uint32_t p : c.positions)
    if (p < token && (best == kNone || p > best)) best = p;
  return best;
}

uint32_t FirstAfter(const Cluster& c, uint32_t token) {
  uint32_t best = kNone;
  for (uint32_t p : c.positions)
    if (p > token && (best == kNone || p < best)) best = p;
  return best;
}

// Of the candidate clusters, the one mentioned last before `token`, else first after it.
uint32_t Nearest(const std::vector<Cluster>& clusters, const std::vector<uint32_t>& candidates,
                 uint32_t token) {
  uint32_t best = kNone, best_pos = 0;
  for (uint32_t c : candidates) {
    const uint32_t p = LastBefore(clusters[c], token);
    if (p != kNone && (best == kNone || p > best_pos)) {
      best = c;
      best_pos = p;
    }
  }
  if (best != kNone) return best;
  for (uint32_t c : candidates) {
    const uint32_t p = FirstAfter(clusters[c], token);
    if (p != kNone && (best == kNone || p < best_pos)) {
      best = c;
      best_pos = p;
    }
  }
  return best;
}

uint32_t Find(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

void Union(std::vector<uint32_t>& parent, uint32_t a, uint32_t b) {
  a = Find(parent, a);
  b = Find(parent, b);
  if (a == b) return;
  if (a < b) std::swap(a, b);
  parent[a] = b;
}

bool SamePlaces(const NameKey& a, const NameKey& b) { return a.places == b.places; }

bool AcronymOf(const NameKey& acronym, const NameKey& full) {
  if (acronym.acronym.empty() || full.core.size() < 2) return false;
  return acronym.acronym == full.initials || acronym.acronym == full.initials_all;
}

// Strong identity of two place/organization names.
bool SameThing(const NameKey& a, EntityType ta, const NameKey& b, EntityType tb) {
  if (a.words.empty() || b.words.empty()) return false;
  const bool orgs = ta == EntityType::kOrg && tb == EntityType::kOrg;
  if (SameWords(a.words, b.words) && (!orgs || SamePlaces(a, b))) return true;
  if (orgs && SamePlaces(a, b) && !a.core.empty() && SameWords(a.core, b.core)) return true;
  if (!a.short_form.empty() &&
      (SameWords(a.short_form, b.words) || SameWords(a.short_form, b.short_form)))
    return true;
  if (!b.short_form.empty() && SameWords(b.short_form, a.words)) return true;
  if (SamePlaces(a, b) && (AcronymOf(a, b) || AcronymOf(b, a))) return true;
  return false;
}

// Same core, one with places and the other without ("МИД" and "МИД РФ").
bool SameCore(const NameKey& a, const NameKey& b) {
  if (!a.core.empty() && SameWords(a.core, b.core)) return true;
  return AcronymOf(a, b) || AcronymOf(b, a);
}

char32_t Upper(char32_t c) {
  if (c >= 0x430 && c <= 0x44F) return c - 0x20;
  if (c == 0x451) return 0x401;
  if (c >= 'a' && c <= 'z') return c - 32;
  return c;
}

// `lemma` with the capitalization of `written`, per hyphen-separated part.
std::string Capitalize(std::string_view lemma, std::string_view written, const CharClasses& cc) {
  std::string out;
  size_t li = 0, wi = 0;
  bool part_start = true;
  bool upper = false;
  while (li < lemma.size()) {
    size_t len = 1;
    char32_t c = DecodeUtf8(lemma, li, &len);
    li += len;
    if (part_start) {
      upper = false;
      while (wi < written.size()) {  // the written part's first letter
        size_t wl = 1;
        const char32_t w = DecodeUtf8(written, wi, &wl);
        wi += wl;
        if (w == '-') continue;
        upper = cc.Of(w) == kCcUpper;
        break;
      }
      // skip the rest of the written part
      while (wi < written.size() && written[wi] != '-') ++wi;
      if (upper) c = Upper(c);
    }
    part_start = c == '-';
    AppendUtf8(c, &out);
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view e) {
  return s.size() >= e.size() && s.substr(s.size() - e.size()) == e;
}

// An adjective's lemma (masculine nominative singular) in the nominative of a noun of the
// given flags' gender and number: "южный" + plural -> "южные".
std::string AgreeAdjective(std::string lemma, uint64_t noun) {
  const bool plural = (noun & kTfPlur) != 0;
  const bool fem = !plural && (noun & kTfFemn);
  const bool neut = !plural && (noun & kTfNeut);
  if (!plural && !fem && !neut) return lemma;
  auto replace = [&](std::string_view from, std::string_view to) {
    lemma.replace(lemma.size() - from.size(), from.size(), to);
  };
  const bool velar = EndsWith(lemma, "кий") || EndsWith(lemma, "гий") || EndsWith(lemma, "хий");
  const bool sibilant = EndsWith(lemma, "жий") || EndsWith(lemma, "ший") ||
                        EndsWith(lemma, "чий") || EndsWith(lemma, "щий");
  if (EndsWith(lemma, "ый")) {
    replace("ый", plural ? "ые" : fem ? "ая" : "ое");
  } else if (EndsWith(lemma, "ой")) {
    replace("ой", plural ? "ые" : fem ? "ая" : "ое");
    if (plural &&
        (velar || EndsWith(lemma, "кые") || EndsWith(lemma, "гые") || EndsWith(lemma, "хые")))
      replace("ые", "ие");
  } else if (EndsWith(lemma, "ий")) {
    if (velar || sibilant) {
      replace("ий", plural ? "ие" : fem ? "ая" : (velar ? "ое" : "ее"));
    } else {
      replace("ий", plural ? "ие" : fem ? "яя" : "ее");
    }
  }
  return lemma;
}

// The feminine of a masculine surname lemma ("Петров" -> "Петрова").
std::string FeminineSurname(std::string lemma) {
  for (std::string_view e : {"ов", "ев", "ёв", "ин", "ын"})
    if (EndsWith(lemma, e)) return lemma + "а";
  if (EndsWith(lemma, "ский") || EndsWith(lemma, "цкий")) {
    lemma.replace(lemma.size() - 4, 4, "кая");
    if (EndsWith(lemma, "сккая")) lemma.replace(lemma.size() - 10, 10, "ская");
    return lemma;
  }
  return lemma;
}

}  // namespace

namespace {

std::string BaseForm(const Document& doc, const std::vector<uint64_t>& flags, const Mention& m) {
  if (!ValidTokens(doc, m) || flags.size() != doc.tokens.size())
    return std::string(doc.Slice(m.span));
  const CharClasses& cc = CharClasses::Get();
  auto f = [&](uint32_t t) { return flags[t]; };
  bool nominative = true;
  for (uint32_t t = m.first_token; t < m.end_token; ++t) {
    const uint64_t x = f(t);
    if (doc.tokens[t].kind == TokenKind::kWord && (x & kTfCases) && !(x & kTfNomn) &&
        !(x & kTfFixd))
      nominative = false;
  }
  std::vector<std::string> parts(m.end_token - m.first_token);
  if (nominative) {
    for (uint32_t t = m.first_token; t < m.end_token; ++t)
      parts[t - m.first_token] = std::string(TokenText(doc, t));
  } else if (m.type == EntityType::kPer) {
    for (uint32_t t = m.first_token; t < m.end_token; ++t) {
      const std::string_view text = TokenText(doc, t);
      const std::string_view lemma = doc.Lemma(doc.tokens[t]);
      const uint64_t x = f(t);
      std::string w(text);
      if (doc.tokens[t].kind == TokenKind::kWord && !lemma.empty() && (x & kTfCases) &&
          !(x & kTfNomn) && !(x & kTfFixd) && !(x & kTfOneLetter)) {
        w = Capitalize(lemma, text, cc);
        if ((x & kTfSurn) && (x & kTfFemn)) w = FeminineSurname(w);
      }
      parts[t - m.first_token] = std::move(w);
    }
  } else {
    uint32_t head = kNone;
    for (uint32_t t = m.first_token; t < m.end_token && head == kNone; ++t)
      if (f(t) & (kTfNoun | kTfPropn)) head = t;
    for (uint32_t t = m.first_token; t < m.end_token; ++t) {
      const std::string_view text = TokenText(doc, t);
      const std::string_view lemma = doc.Lemma(doc.tokens[t]);
      std::string w(text);
      if (head != kNone && t <= head && !lemma.empty() && !(f(t) & kTfFixd) &&
          !(f(t) & kTfAllCaps)) {
        if (t == head) {
          w = Capitalize(lemma, text, cc);
        } else if (f(t) & (kTfAdj | kTfPrtf)) {
          w = Capitalize(AgreeAdjective(std::string(lemma), f(head)), text, cc);
        }
      }
      parts[t - m.first_token] = std::move(w);
    }
  }
  // "южных Курилах" -> "Южные Курилы": a proper name's first word is capitalized.
  if (m.type != EntityType::kPer && !parts.empty() && !(f(m.first_token) & kTfUpper) &&
      (f(m.first_token) & kTfAdj)) {
    bool proper = false;
    for (uint32_t t = m.first_token + 1; t < m.end_token && !proper; ++t)
      proper = (f(t) & (kTfNoun | kTfPropn)) && (f(t) & kTfUpper);
    if (proper) parts[0] = Capitalize(parts[0], "X", cc);
  }
  std::string out;
  for (uint32_t t = m.first_token; t < m.end_token; ++t) {
    if (t > m.first_token && doc.tokens[t].span.begin > doc.tokens[t - 1].span.end) out += ' ';
    out += parts[t - m.first_token];
  }
  return out;
}

}  // namespace

std::string TokenBaseForm(const Document& doc, const Mention& m) {
  TokenFlagCache cache;
  cache.Compute(doc);
  return BaseForm(doc, cache.flags(), m);
}

struct Linker::Buffers {
  TokenFlagCache flags;
  std::vector<NameKey> keys;
  std::vector<RolePhrase> phrases;
  std::vector<Cluster> clusters;
  std::vector<uint32_t> cluster_of;  // per entity
  std::vector<uint32_t> parent;
  std::vector<uint32_t> sentence;  // per token
  std::vector<Added> added;
  std::vector<uint32_t> candidates;
};

Linker Linker::Create() { return Linker(&LinkRules::Get()); }

namespace {

void SentenceIndex(const Document& doc, std::vector<uint32_t>* out) {
  out->assign(doc.tokens.size(), 0);
  size_t s = 0;
  uint32_t id = 0;
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    const uint32_t b = doc.tokens[t].span.begin;
    while (s < doc.sentences.size() && doc.sentences[s].end <= b) {
      ++s;
      ++id;
    }
    (*out)[t] = id;
  }
}

// The name in brackets right after name i ("Комитет защиты журналистов (Committee to Protect
// Journalists)", "ФАО" after its full name), or kNone.
uint32_t Bracketed(const Document& doc, const std::vector<uint64_t>& flags, uint32_t i) {
  if (i + 1 >= doc.entities.size()) return kNone;
  const Mention& m = doc.entities[i];
  const Mention& o = doc.entities[i + 1];
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  if (m.kind != MentionKind::kName || o.kind != MentionKind::kName || !ValidTokens(doc, m) ||
      !ValidTokens(doc, o) || m.end_token + 1 != o.first_token || o.end_token >= n)
    return kNone;
  if (!(flags[m.end_token] & kTfOpenBr) || TokenText(doc, o.end_token) != ")") return kNone;
  return i + 1;
}

bool Latin(const Document& doc, const Mention& m) {
  const char32_t c = FirstLetter(TokenText(doc, m.first_token));
  return c >= 'a' && c <= 'z';
}

// Whether the bracketed name j is another name of name i: a transliteration or translation
// (one in Latin letters, the other not: "Джоэл Саймон (Joel Simon)"), or for an organization
// its abbreviation ("Комитет защиты журналистов (КЗЖ)"). A place in brackets is where the
// thing is ("Дюссельдорф (Германия)"), a person in brackets another person ("Хитли (Гецлаф)").
bool BracketAlias(const Document& doc, const std::vector<uint64_t>& flags, uint32_t i, uint32_t j) {
  const Mention& m = doc.entities[i];
  const Mention& o = doc.entities[j];
  if ((m.type == EntityType::kPer) != (o.type == EntityType::kPer)) return false;
  if (Latin(doc, m) != Latin(doc, o)) return true;
  return m.type == EntityType::kOrg && o.type == EntityType::kOrg &&
         o.end_token == o.first_token + 1 && (flags[o.first_token] & kTfAllCaps);
}

// Person names into clusters (the three passes of linker.h).
void LinkPersons(const Document& doc, const std::vector<uint64_t>& flags, Linker::Buffers* b) {
  std::vector<Cluster>& clusters = b->clusters;
  const std::vector<NameKey>& keys = b->keys;
  auto add = [&](uint32_t c, uint32_t i, int gender) {
    Cluster& cl = clusters[c];
    const PersonName& p = keys[i].person;
    if (!cl.person.has_surname && p.has_surname) {
      cl.person.surname = p.surname;
      cl.person.has_surname = true;
    }
    if (p.has_first && (!cl.person.has_first || (cl.person.first_initial && !p.first_initial))) {
      cl.person.first = p.first;
      cl.person.has_first = true;
      cl.person.first_initial = p.first_initial;
      cl.person.first_dictionary = p.first_dictionary;
    }
    if (p.has_patronymic &&
        (!cl.person.has_patronymic || (cl.person.patronymic_initial && !p.patronymic_initial))) {
      cl.person.patronymic = p.patronymic;
      cl.person.has_patronymic = true;
      cl.person.patronymic_initial = p.patronymic_initial;
    }
    for (const Word& w : p.others) cl.person.others.push_back(w);
    cl.gender += gender;
    cl.positions.push_back(doc.entities[i].first_token);
    b->cluster_of[i] = c;
  };
  auto start = [&](uint32_t i, int gender) {
    clusters.emplace_back();
    clusters.back().type = EntityType::kPer;
    add(static_cast<uint32_t>(clusters.size() - 1), i, gender);
    return static_cast<uint32_t>(clusters.size() - 1);
  };
  const size_t n = doc.entities.size();
  std::vector<int> gender(n, 0);
  std::vector<uint32_t> persons;
  for (uint32_t i = 0; i < n; ++i) {
    const Mention& m = doc.entities[i];
    if (m.kind != MentionKind::kName || m.type != EntityType::kPer) continue;
    persons.push_back(i);
    gender[i] = keys[i].person.gender + GenderEvidence(doc, flags, m);
  }
  // 1. Full names.
  for (uint32_t i : persons) {
    const PersonName& p = keys[i].person;
    if (!p.Full()) continue;
    b->candidates.clear();
    for (uint32_t c = 0; c < clusters.size(); ++c) {
      const Cluster& cl = clusters[c];
      if (SurnamesMatch(cl.person, p) && FirstNamesAgree(cl.person, p) &&
          GendersAgree(cl.gender, gender[i]))
        b->candidates.push_back(c);
    }
    const uint32_t c = Nearest(clusters, b->candidates, doc.entities[i].first_token);
    if (c == kNone) {
      start(i, gender[i]);
    } else {
      add(c, i, gender[i]);
    }
  }
  // 2. Surnames alone; a first name alone may be a surname ("Гордон", "Нетаньяху").
  for (uint32_t i : persons) {
    PersonName p = keys[i].person;
    const bool as_surname = !p.has_surname && p.has_first && !p.first_initial && !p.has_patronymic;
    if (as_surname) {
      p.surname = p.first;
      p.has_surname = true;
      p.has_first = false;
    }
    if (p.Full() || !p.has_surname) continue;
    b->candidates.clear();
    for (uint32_t c = 0; c < clusters.size(); ++c) {
      const Cluster& cl = clusters[c];
      if (!cl.bare_first && SurnamesMatch(cl.person, p) && GendersAgree(cl.gender, gender[i]))
        b->candidates.push_back(c);
    }
    if (b->candidates.empty()) {
      for (uint32_t c = 0; c < clusters.size(); ++c) {
        const Cluster& cl = clusters[c];
        if (cl.bare_first || !GendersAgree(cl.gender, gender[i])) continue;
        bool match = cl.person.has_first && !cl.person.first_initial &&
                     !cl.person.first_dictionary && SameWord(cl.person.first, p.surname);
        for (const Word& w : cl.person.others) match |= SameWord(w, p.surname);
        if (match) b->candidates.push_back(c);
      }
    }
    const uint32_t c = Nearest(clusters, b->candidates, doc.entities[i].first_token);
    if (c != kNone) {
      add(c, i, gender[i]);
    } else if (!as_surname) {
      start(i, gender[i]);
    }
  }
  // 3. First names alone.
  for (uint32_t i : persons) {
    if (b->cluster_of[i] != kNone) continue;
    const PersonName& p = keys[i].person;
    if (!p.has_first || p.has_surname) {
      start(i, gender[i]);
      continue;
    }
    b->candidates.clear();
    for (uint32_t c = 0; c < clusters.size(); ++c) {
      const Cluster& cl = clusters[c];
      if (!cl.bare_first && cl.person.has_first && !cl.person.first_initial &&
          SameWord(cl.person.first, p.first) && GendersAgree(cl.gender, gender[i]))
        b->candidates.push_back(c);
    }
    if (b->candidates.size() == 1) {
      add(b->candidates[0], i, gender[i]);
      continue;
    }
    uint32_t same = kNone;
    if (b->candidates.empty()) {
      for (uint32_t c = 0; c < clusters.size() && same == kNone; ++c)
        if (clusters[c].bare_first && SameWord(clusters[c].person.first, p.first)) same = c;
    }
    if (same != kNone) {
      add(same, i, gender[i]);
    } else {
      const uint32_t c = start(i, gender[i]);
      clusters[c].bare_first = b->candidates.empty();
    }
  }
  // A name and another in brackets after it: "Джоэл Саймон (Joel Simon)".
  for (uint32_t i = 0; i + 1 < n; ++i) {
    const uint32_t j = Bracketed(doc, flags, i);
    if (j == kNone || doc.entities[j].type != EntityType::kPer ||
        doc.entities[i].type != EntityType::kPer || !BracketAlias(doc, flags, i, j))
      continue;
    const uint32_t from = b->cluster_of[j], to = b->cluster_of[i];
    if (from == kNone || to == kNone || from == to) continue;
    for (uint32_t k = 0; k < n; ++k)
      if (b->cluster_of[k] == from) b->cluster_of[k] = to;
    Cluster& a = clusters[to];
    Cluster& z = clusters[from];
    a.positions.insert(a.positions.end(), z.positions.begin(), z.positions.end());
    a.gender += z.gender;
    z.positions.clear();
  }
}

// Places and organizations into clusters.
void LinkThings(const Document& doc, const std::vector<uint64_t>& flags, Linker::Buffers* b) {
  const size_t n = doc.entities.size();
  const std::vector<NameKey>& keys = b->keys;
  std::vector<uint32_t>& parent = b->parent;
  parent.resize(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<uint32_t> things;
  for (uint32_t i = 0; i < n; ++i) {
    const Mention& m = doc.entities[i];
    if (m.kind == MentionKind::kName && m.type != EntityType::kPer) things.push_back(i);
  }
  for (size_t x = 0; x < things.size(); ++x) {
    for (size_t y = x + 1; y < things.size(); ++y) {
      const uint32_t i = things[x], j = things[y];
      if (Find(parent, i) == Find(parent, j)) continue;
      if (SameThing(keys[i], doc.entities[i].type, keys[j], doc.entities[j].type))
        Union(parent, i, j);
    }
  }
  for (uint32_t i : things) {
    const uint32_t j = Bracketed(doc, flags, i);
    if (j == kNone || !BracketAlias(doc, flags, i, j)) continue;
    // "организации ООН (ФАО)": the abbreviation is of the whole, whose head is named first.
    uint32_t h = i;
    if (h > 0 && doc.entities[h - 1].kind == MentionKind::kName &&
        doc.entities[h - 1].type == EntityType::kOrg &&
        doc.entities[h - 1].end_token == doc.entities[h].first_token)
      --h;
    Union(parent, h, j);
  }
  // Weak links, when unambiguous: an organization without a place to the one with its core
  // and a place; a one-word name to the one "adjectives + noun" name with that noun, or with
  // that adjective when the word is one ("Манежную" -> "Манежная площадь").
  for (uint32_t i : things) {
    if (Find(parent, i) != i) continue;
    const Mention& m = doc.entities[i];
    const NameKey& k = keys[i];
    bool group_plain = true, group_single = true;
    for (uint32_t j : things) {
      if (Find(parent, j) != i) continue;
      group_plain &= keys[j].places.empty() && doc.entities[j].type == EntityType::kOrg;
      group_single &= keys[j].words.size() == 1 && doc.entities[j].type == m.type;
    }
    uint32_t target = kNone;
    bool ambiguous = false;
    for (uint32_t j : things) {
      const uint32_t r = Find(parent, j);
      if (r == i || r == target) continue;
      const NameKey& o = keys[j];
      bool match = false;
      if (group_plain && m.type == EntityType::kOrg && doc.entities[j].type == EntityType::kOrg &&
          !o.places.empty() && SameCore(k, o))
        match = true;
      if (group_single && doc.entities[j].type == m.type && o.adjectives_then_noun &&
          (k.adjective ? SameWord(o.words.front(), k.words[0])
                       : m.type == EntityType::kLoc && SameWord(o.words.back(), k.words[0])))
        match = true;
      if (!match) continue;
      if (target != kNone) ambiguous = true;
      target = r;
    }
    if (target != kNone && !ambiguous) Union(parent, i, target);
  }
  // Clusters.
  std::vector<uint32_t> root_cluster(n, kNone);
  for (uint32_t i : things) {
    const uint32_t r = Find(parent, i);
    if (root_cluster[r] == kNone) {
      root_cluster[r] = static_cast<uint32_t>(b->clusters.size());
      b->clusters.emplace_back();
      b->clusters.back().type = doc.entities[i].type;
    }
    const uint32_t c = root_cluster[r];
    b->cluster_of[i] = c;
    b->clusters[c].positions.push_back(doc.entities[i].first_token);
  }
}

Mention MakeMention(const Document& doc, uint32_t begin, uint32_t end, MentionKind kind) {
  Mention m;
  m.span = {doc.tokens[begin].span.begin, doc.tokens[end - 1].span.end};
  m.first_token = begin;
  m.end_token = end;
  m.type = EntityType::kPer;
  m.kind = kind;
  return m;
}

// Descriptions: apposed role phrases, then the others by agreeing roles.
void LinkDescriptions(const Document& doc, Linker::Buffers* b) {
  std::vector<Cluster>& clusters = b->clusters;
  std::vector<bool> used(b->phrases.size(), false);
  for (uint32_t p = 0; p < b->phrases.size(); ++p) {
    const RolePhrase& r = b->phrases[p];
    if (r.person == kNoMention || r.post) continue;
    const uint32_t c = b->cluster_of[r.person];
    if (c == kNone) continue;
    clusters[c].roles.push_back(p);
    clusters[c].positions.push_back(r.begin);
    b->added.push_back({MakeMention(doc, r.begin, r.end, MentionKind::kDescription), c});
    used[p] = true;
  }
  for (uint32_t p = 0; p < b->phrases.size(); ++p) {
    const RolePhrase& r = b->phrases[p];
    // Only heads, and other positions qualified by a place or organization, are specific
    // enough to point back to one person ("президент Франции", "министр", "посол Японии";
    // not "журналист").
    if (used[p] || r.person != kNoMention) continue;
    if (r.kind == RoleKind::kPosition && r.place_key.empty() && r.org_words.empty()) continue;
    if (r.kind == RoleKind::kRelation && r.place_key.empty()) continue;
    b->candidates.clear();
    for (uint32_t c = 0; c < clusters.size(); ++c) {
      if (clusters[c].type != EntityType::kPer) continue;
      for (uint32_t q : clusters[c].roles) {
        if (RolesAgree(r, b->phrases[q])) {
          b->candidates.push_back(c);
          break;
        }
      }
    }
    const uint32_t c = Nearest(clusters, b->candidates, r.begin);
    if (c == kNone) continue;
    clusters[c].roles.push_back(p);
    clusters[c].positions.push_back(r.begin);
    b->added.push_back({MakeMention(doc, r.begin, r.end, MentionKind::kDescription), c});
  }
}

struct PersonMention {
  uint32_t first_token, end_token;
  uint32_t cluster;
  bool nominative;
};

// Pronouns: the agreeing person in focus (linker.h).
void LinkPronouns(const Document& doc, const std::vector<uint64_t>& flags, const LinkRules& rules,
                  Linker::Buffers* b) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  std::vector<uint32_t> covered(n, 0);  // tokens inside names or descriptions
  std::vector<PersonMention> persons;
  auto nominative = [&](uint32_t first, uint32_t end) {
    for (uint32_t t = end; t > first; --t)
      if (doc.tokens[t - 1].kind == TokenKind::kWord) {
        const uint64_t c = flags[t - 1] & kTfCases;
        return c == 0 || (c & kTfNomn) != 0;
      }
    return false;
  };
  for (uint32_t i = 0; i < doc.entities.size(); ++i) {
    const Mention& m = doc.entities[i];
    if (!ValidTokens(doc, m)) continue;
    for (uint32_t t = m.first_token; t < m.end_token; ++t) covered[t] = 1;
    if (m.type == EntityType::kPer && b->cluster_of[i] != kNone)
      persons.push_back(
          {m.first_token, m.end_token, b->cluster_of[i], nominative(m.first_token, m.end_token)});
  }
  for (const Added& a : b->added) {
    for (uint32_t t = a.mention.first_token; t < a.mention.end_token; ++t) covered[t] = 1;
    // A description's case is its noun's: the first word of the nominative test is enough.
    const RolePhrase* r = nullptr;
    for (const RolePhrase& p : b->phrases)
      if (p.begin == a.mention.first_token && p.end == a.mention.end_token) r = &p;
    const bool nom = r ? ((flags[r->head] & kTfCases) == 0 || (flags[r->head] & kTfNomn) != 0)
                       : nominative(a.mention.first_token, a.mention.end_token);
    persons.push_back({a.mention.first_token, a.mention.end_token, a.cluster, nom});
  }
  std::sort(persons.begin(), persons.end(), [](const PersonMention& x, const PersonMention& y) {
    return x.first_token < y.first_token;
  });
  const std::vector<uint32_t>& sentence = b->sentence;
  std::vector<Added> pronouns;
  for (uint32_t t = 0; t < n; ++t) {
    const uint64_t f = flags[t];
    if (covered[t] || !(f & (kTfPron | kTfDet)) || doc.tokens[t].kind != TokenKind::kWord) continue;
    auto it = rules.pronouns.find(Fold(TokenText(doc, t)));
    if (it == rules.pronouns.end()) continue;
    if ((f & kTfPron) && (f & kTfPlur)) continue;  // "им", "ним" of "они"
    const int g = it->second;                      // 1 masculine, 2 feminine
    const bool possessive = (f & kTfDet) != 0;
    const bool subject = !possessive && (f & kTfNomn) != 0;
    auto agrees = [&](uint32_t c) {
      const int cg = b->clusters[c].gender;
      return g == 1 ? cg >= 0 : cg <= 0;
    };
    auto blocker = [&](uint32_t from, uint32_t to) {  // an inanimate noun of the pronoun's gender
      for (uint32_t k = from; k < to; ++k) {
        const uint64_t x = flags[k];
        if (covered[k] || !(x & kTfNoun) || (x & kTfAnim) || (x & kTfPlur)) continue;
        if (subject && !(x & kTfNomn)) continue;
        if (g == 1 ? (x & (kTfMasc | kTfNeut)) : (x & kTfFemn)) return true;
      }
      return false;
    };
    uint32_t found = kNone;
    uint32_t sentence_start = t;
    while (sentence_start > 0 && sentence[sentence_start - 1] == sentence[t]) --sentence_start;
    // In its own sentence: the last agreeing person before it.
    for (size_t k = persons.size(); k-- > 0;) {
      const PersonMention& p = persons[k];
      if (p.end_token > t) continue;
      if (sentence[p.first_token] != sentence[t]) break;
      if (!agrees(p.cluster)) continue;
      if (!blocker(p.end_token, t)) found = p.cluster;
      sentence_start = kNone;  // decided in this sentence
      break;
    }
    if (found == kNone && sentence_start != kNone && !blocker(sentence_start, t)) {
      // The sentences before: the last subject, else the last person mentioned.
      const uint32_t own = sentence[t];
      uint32_t last = kNone, last_subject = kNone;
      for (size_t k = persons.size(); k-- > 0;) {
        const PersonMention& p = persons[k];
        if (p.end_token > t || sentence[p.first_token] == own) continue;
        if (own - sentence[p.first_token] > kPronounSentences) break;
        if (!agrees(p.cluster)) continue;
        if (last == kNone) last = p.cluster;
        if (p.nominative && last_subject == kNone) last_subject = p.cluster;
      }
      found = last_subject != kNone ? last_subject : last;
    }
    if (found == kNone) continue;
    b->clusters[found].positions.push_back(t);
    pronouns.push_back({MakeMention(doc, t, t + 1, MentionKind::kPronoun), found});
    persons.push_back({t, t + 1, found, subject});
    std::sort(persons.begin(), persons.end(), [](const PersonMention& x, const PersonMention& y) {
      return x.first_token < y.first_token;
    });
  }
  for (Added& a : pronouns) b->added.push_back(std::move(a));
}

// The fullest base form of a cluster's names.
std::string CanonicalName(const Document& doc, const std::vector<uint32_t>& names,
                          const std::vector<uint64_t>& flags, const std::vector<NameKey>& keys) {
  auto score_of = [&](const Mention& m) {
    int score = 0;
    if (!ValidTokens(doc, m)) return score;
    for (uint32_t t = m.first_token; t < m.end_token; ++t) {
      if (doc.tokens[t].kind != TokenKind::kWord && doc.tokens[t].kind != TokenKind::kNumber)
        continue;
      score += (flags[t] & kTfOneLetter) ? 2 : 4;
      if (flags[t] & kTfAllCaps) score -= 1;  // "Россия" before "РФ"
    }
    return score;
  };
  auto base_of = [&](const Mention& m) {
    return (doc.layers & kLayerNormal) && !m.normal.empty() ? m.normal : BaseForm(doc, flags, m);
  };
  std::string best;
  int best_score = -1;
  for (uint32_t i : names) {
    const Mention& m = doc.entities[i];
    const uint32_t q = i < keys.size() ? keys[i].qualifier : kNoMention;
    const int score = score_of(m) + (q != kNoMention ? score_of(doc.entities[q]) : 0);
    if (score <= best_score) continue;
    best_score = score;
    best = base_of(m);
    if (q != kNoMention) {  // "МИД" + "Японии": the place as written, in the genitive
      best += ' ';
      best += doc.Slice(doc.entities[q].span);
    }
  }
  return best;
}

}  // namespace

Status Linker::Annotate(Document& doc, Scratch* scratch) const {
  Buffers local;
  Buffers& b = scratch ? scratch->For<Buffers>(this) : local;
  // Replace what an earlier run added.
  std::erase_if(doc.entities, [](const Mention& m) { return m.kind != MentionKind::kName; });
  for (Mention& m : doc.entities) m.object = kNoObject;
  doc.objects.clear();
  doc.layers &= ~(kLayerObjects | kLayerRoles);
  b.clusters.clear();
  b.added.clear();
  b.cluster_of.assign(doc.entities.size(), kNone);
  b.flags.Compute(doc);
  const std::vector<uint64_t>& flags = b.flags.flags();
  SentenceIndex(doc, &b.sentence);
  ComputeNameKeys(doc, flags, *rules_, &b.keys);
  LinkPersons(doc, flags, &b);
  LinkThings(doc, flags, &b);
  // Names left out (no valid tokens, or of no kind above): an object each.
  for (uint32_t i = 0; i < doc.entities.size(); ++i) {
    if (b.cluster_of[i] != kNone) continue;
    b.cluster_of[i] = static_cast<uint32_t>(b.clusters.size());
    b.clusters.emplace_back();
    b.clusters.back().type = doc.entities[i].type;
    b.clusters.back().positions.push_back(doc.entities[i].first_token);
  }
  FindRolePhrases(doc, flags, *rules_, b.keys, &b.phrases);
  LinkDescriptions(doc, &b);
  LinkPronouns(doc, flags, *rules_, &b);
  // Names per cluster (for the canonical name) before the entities are reordered.
  std::vector<std::vector<uint32_t>> names(b.clusters.size());
  for (uint32_t i = 0; i < doc.entities.size(); ++i) names[b.cluster_of[i]].push_back(i);
  std::vector<std::string> canonical(b.clusters.size());
  std::vector<EntityType> type(b.clusters.size());
  for (uint32_t c = 0; c < b.clusters.size(); ++c) {
    canonical[c] = CanonicalName(doc, names[c], flags, b.keys);
    int counts[3] = {0, 0, 0};
    for (uint32_t i : names[c]) ++counts[static_cast<int>(doc.entities[i].type)];
    type[c] = b.clusters[c].type;
    if (type[c] != EntityType::kPer) {
      const EntityType first = names[c].empty() ? type[c] : doc.entities[names[c][0]].type;
      type[c] = first;
      for (int k = 0; k < 3; ++k)
        if (counts[k] > counts[static_cast<int>(type[c])]) type[c] = static_cast<EntityType>(k);
    }
  }
  // All mentions in text order; objects in order of their first mention.
  std::vector<std::pair<Mention, uint32_t>> all;
  all.reserve(doc.entities.size() + b.added.size());
  for (uint32_t i = 0; i < doc.entities.size(); ++i)
    all.emplace_back(std::move(doc.entities[i]), b.cluster_of[i]);
  for (Added& a : b.added) all.emplace_back(std::move(a.mention), a.cluster);
  std::stable_sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
    if (x.first.span.begin != y.first.span.begin) return x.first.span.begin < y.first.span.begin;
    return x.first.span.end > y.first.span.end;
  });
  std::vector<uint32_t> object_of(b.clusters.size(), kNoObject);
  doc.entities.clear();
  for (auto& [m, c] : all) {
    if (object_of[c] == kNoObject) {
      object_of[c] = static_cast<uint32_t>(doc.objects.size());
      EntityObject o;
      o.type = type[c];
      o.name = canonical[c];
      doc.objects.push_back(std::move(o));
    }
    m.object = object_of[c];
    doc.objects[m.object].mentions.push_back(static_cast<uint32_t>(doc.entities.size()));
    doc.entities.push_back(std::move(m));
  }
  doc.layers |= kLayerObjects;
  return Status::Ok();
}

}  // namespace svodka
