#include "link/role_phrase.h"

#include <algorithm>

namespace svodka {
namespace {

constexpr uint32_t kMaxModifiers = 3;
constexpr uint32_t kMaxComplement = 12;

bool IsWordText(const Document& doc, uint32_t t, std::string_view w) {
  return Fold(TokenText(doc, t)) == w;
}

// The sentence index of every token (tokens outside every sentence get their own run).
void SentenceOf(const Document& doc, std::vector<uint32_t>* out) {
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

const RoleNoun* RoleOf(const LinkRules& rules, const std::string& lemma, std::string* head) {
  if (const RoleNoun* r = rules.Role(lemma)) {
    *head = lemma;
    return r;
  }
  static constexpr std::string_view kPrefixes[] = {"экс-", "вице-"};
  for (std::string_view p : kPrefixes) {
    if (lemma.size() > p.size() && lemma.compare(0, p.size(), p) == 0) {
      const std::string rest = lemma.substr(p.size());
      // The rest as a lemma, or as a form ("Экс-премьера" lemmatized as one word).
      for (const std::string& r : {rest, Stem(rest)}) {
        if (const RoleNoun* noun = rules.Role(r)) {
          *head = std::string(p) + r;
          return noun;
        }
      }
    }
  }
  return nullptr;
}

// Whether a person's name may stand in apposition to a role noun of case flags `head_case`:
// some word of the name has that case (the accusative and genitive of persons sound alike);
// a name with an indeclinable word, a word without a case or a plural word (a foreign name
// the tagger misread) agrees with any case.
bool NameAgrees(const Document& doc, const std::vector<uint64_t>& flags, uint64_t head_case,
                const Mention& m) {
  if (head_case == 0) return true;
  uint64_t want = head_case;
  if (want & (kTfAccs | kTfGent)) want |= kTfAccs | kTfGent;
  for (uint32_t t = m.first_token; t < m.end_token; ++t) {
    if (doc.tokens[t].kind != TokenKind::kWord) continue;
    const uint64_t f = flags[t];
    if ((f & (kTfFixd | kTfPlur)) || !(f & kTfCases) || (f & want)) return true;
  }
  return false;
}

}  // namespace

void FindRolePhrases(const Document& doc, const std::vector<uint64_t>& flags,
                     const LinkRules& rules, const std::vector<NameKey>& keys,
                     std::vector<RolePhrase>* out) {
  out->clear();
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  if (flags.size() != n) return;
  std::vector<uint32_t> entity_at(n, kNoMention);
  for (uint32_t i = 0; i < doc.entities.size(); ++i) {
    const Mention& m = doc.entities[i];
    if (m.kind != MentionKind::kName || m.first_token >= m.end_token || m.end_token > n) continue;
    for (uint32_t t = m.first_token; t < m.end_token; ++t)
      if (entity_at[t] == kNoMention) entity_at[t] = i;
  }
  std::vector<uint32_t> sentence;
  SentenceOf(doc, &sentence);
  auto starts = [&](uint32_t t) {
    return t < n && entity_at[t] != kNoMention && doc.entities[entity_at[t]].first_token == t;
  };
  for (uint32_t h = 0; h < n; ++h) {
    const uint64_t hf = flags[h];
    if (!(hf & (kTfNoun | kTfPropn)) || (hf & kTfPlur) || entity_at[h] != kNoMention) continue;
    RolePhrase p;
    const RoleNoun* noun = RoleOf(rules, TokenLemmaKey(doc, h), &p.head_lemma);
    if (!noun) continue;
    p.kind = noun->kind;
    p.head = h;
    // Adjectives before the noun.
    const uint64_t head_case = hf & kTfCases;
    uint32_t b = h;
    while (b > 0 && h - b < kMaxModifiers && sentence[b - 1] == sentence[h] &&
           entity_at[b - 1] == kNoMention && (flags[b - 1] & (kTfAdj | kTfPrtf)) &&
           !(flags[b - 1] & kTfPlur) &&
           (head_case == 0 || !(flags[b - 1] & kTfCases) || (flags[b - 1] & head_case)))
      --b;
    if (b > 0 && ((flags[b - 1] & kTfNum) || doc.tokens[b - 1].kind == TokenKind::kNumber))
      continue;  // "84 журналиста": a number of them
    p.begin = b;
    p.position_begin = h;
    for (uint32_t t = h; t > b; --t) {
      const Word w = TokenWord(doc, t - 1);
      auto it = rules.place_adjectives.find(w.form);
      if (it == rules.place_adjectives.end()) it = rules.place_adjectives.find(w.lemma);
      if (it != rules.place_adjectives.end()) {
        if (p.place_key.empty()) p.place_key = PlaceKey(it->second.words);
        break;
      }
      p.position_begin = t - 1;
    }
    // The complement.
    uint32_t c = h + 1;
    uint32_t position_end = h + 1;
    bool names = false, genitive = false;
    while (c < n && c - h <= kMaxComplement && sentence[c] == sentence[h]) {
      const uint64_t f = flags[c];
      if (entity_at[c] != kNoMention) {
        const Mention& m = doc.entities[entity_at[c]];
        if (m.type == EntityType::kPer || m.first_token != c) break;
        if (m.type == EntityType::kOrg && p.org == kNoMention) p.org = entity_at[c];
        if (m.type == EntityType::kLoc && p.place == kNoMention) p.place = entity_at[c];
        c = m.end_token;
        names = true;
        if (c < n && (flags[c] & kTfQuote) && m.first_token > 0 &&
            (flags[m.first_token - 1] & kTfQuote))
          ++c;
        continue;
      }
      if ((f & kTfQuote) && starts(c + 1) &&
          doc.entities[entity_at[c + 1]].type != EntityType::kPer) {
        ++c;
        continue;
      }
      if ((f & (kTfNoun | kTfAdj | kTfPropn | kTfPrtf)) && (f & kTfGent) && !(f & kTfPunct)) {
        if ((f & kTfUpper) && (f & kTfPropn)) names = true;  // a name the NER missed
        ++c;
        genitive = true;
        if (!names) position_end = c;
        continue;
      }
      if ((f & kTfAdp) && c + 1 < n && IsWordText(doc, c, "по") &&
          (flags[c + 1] & (kTfNoun | kTfAdj)) && (flags[c + 1] & kTfDatv) &&
          entity_at[c + 1] == kNoMention) {
        c += 2;
        while (c < n && entity_at[c] == kNoMention && (flags[c] & (kTfNoun | kTfAdj)) &&
               (flags[c] & (kTfDatv | kTfGent)))
          ++c;
        if (!names) position_end = c;
        continue;
      }
      if ((f & kTfAdp) && noun->kind == RoleKind::kPosition &&
          (IsWordText(doc, c, "в") || IsWordText(doc, c, "на") || IsWordText(doc, c, "от") ||
           IsWordText(doc, c, "при"))) {
        // "в России", "от штата Аризона", "в округе": a few words, a name, or both.
        uint32_t k = c + 1;
        while (k < n && k - c <= 3 && entity_at[k] == kNoMention &&
               (flags[k] & (kTfNoun | kTfAdj)) && !(flags[k] & kTfPunct))
          ++k;
        if (starts(k) && doc.entities[entity_at[k]].type != EntityType::kPer) {
          c = k;  // the name is consumed next
          names = true;
          continue;
        }
        if (k > c + 1) {
          c = k;
          names = true;
          continue;
        }
        break;
      }
      if ((f & kTfConj) && genitive && !names && c + 1 < n && IsWordText(doc, c, "и") &&
          entity_at[c + 1] == kNoMention && (flags[c + 1] & (kTfNoun | kTfAdj)) &&
          (flags[c + 1] & kTfGent)) {
        ++c;
        continue;
      }
      break;
    }
    p.end = c;
    p.position_end = position_end;
    // Position text: adjectives and the noun as lemmas, the complement as written.
    for (uint32_t t = p.position_begin; t < p.position_end; ++t) {
      if (doc.tokens[t].kind != TokenKind::kWord) continue;
      if (!p.position.empty()) p.position += ' ';
      p.position += t <= h ? TokenLemmaKey(doc, t) : Fold(TokenText(doc, t));
    }
    // Place and organization.
    if (p.place != kNoMention && p.place < keys.size() && !keys[p.place].place.empty())
      p.place_key = keys[p.place].place;
    if (p.org != kNoMention && p.org < keys.size()) {
      const NameKey& k = keys[p.org];
      p.org_words = k.core;
      if (p.place_key.empty() && !k.places.empty()) p.place_key = k.places.front();
    } else if (noun->kind == RoleKind::kMinister) {
      if (p.position_end > h + 1) p.org_words = noun->org;
      for (uint32_t t = h + 1; t < p.position_end; ++t)
        if (doc.tokens[t].kind == TokenKind::kWord && !(flags[t] & (kTfAdp | kTfConj)))
          p.org_words.push_back(TokenWord(doc, t));
    } else if (p.position_end > h + 1) {
      for (uint32_t t = h + 1; t < p.position_end; ++t)
        if (doc.tokens[t].kind == TokenKind::kWord && !(flags[t] & (kTfAdp | kTfConj)))
          p.org_words.push_back(TokenWord(doc, t));
    } else if (noun->kind == RoleKind::kHead) {
      p.org_words = noun->org;
    }
    // Apposition: a name right after, in the same case; or a name before, then a comma or dash.
    auto agrees = [&](const Mention& m) { return NameAgrees(doc, flags, head_case, m); };
    if (starts(p.end) && doc.entities[entity_at[p.end]].type == EntityType::kPer &&
        agrees(doc.entities[entity_at[p.end]])) {
      p.person = entity_at[p.end];
    } else if (p.begin >= 2 && (flags[p.begin - 1] & (kTfComma | kTfDash)) &&
               entity_at[p.begin - 2] != kNoMention && sentence[p.begin - 2] == sentence[p.begin] &&
               !(p.end < n && (flags[p.end] & (kTfVerb | kTfAux)))) {
      // After the name: its last word in the noun's case (a phrase that a verb follows is
      // the subject of a new clause: "с коллегой Фумио Кисидой, глава МИД РФ заявил").
      const Mention& m = doc.entities[entity_at[p.begin - 2]];
      const uint64_t last = flags[m.end_token - 1];
      uint64_t want = head_case;
      if (want & (kTfAccs | kTfGent)) want |= kTfAccs | kTfGent;
      const bool agree =
          head_case == 0 || (last & (kTfFixd | kTfPlur)) || !(last & kTfCases) || (last & want);
      if (m.type == EntityType::kPer && m.end_token == p.begin - 1 && agree)
        p.person = entity_at[p.begin - 2];
    }
    // "занять пост премьер-министра", "на посту губернатора": the post of the person named
    // before it in the sentence.
    if (p.person == kNoMention && p.begin > 0 &&
        (TokenLemmaKey(doc, p.begin - 1) == "пост" ||
         TokenLemmaKey(doc, p.begin - 1) == "должность")) {
      for (uint32_t t = p.begin - 1; t-- > 0 && sentence[t] == sentence[p.begin];) {
        if (entity_at[t] != kNoMention && doc.entities[entity_at[t]].type == EntityType::kPer) {
          p.person = entity_at[t];
          p.post = true;
          break;
        }
      }
    }
    out->push_back(std::move(p));
    h = std::max(h, out->back().position_end - 1);
  }
  // Roles listed before one name: "депутат ..., сопредседатель ... Михаил Вельмакин".
  for (size_t i = out->size(); i-- > 1;) {
    RolePhrase& later = (*out)[i];
    RolePhrase& p = (*out)[i - 1];
    if (p.person == kNoMention && later.person != kNoMention && later.person != kNoMention &&
        p.end + 1 == later.begin && p.end < n && (flags[p.end] & kTfComma) &&
        doc.entities[later.person].first_token >= later.end)
      p.person = later.person;
  }
}

bool RolesAgree(const RolePhrase& a, const RolePhrase& b) {
  const bool heads = (a.kind == RoleKind::kHead || a.kind == RoleKind::kMinister) &&
                     (b.kind == RoleKind::kHead || b.kind == RoleKind::kMinister);
  const bool same_org =
      heads && !a.org_words.empty() && !b.org_words.empty() && SameWords(a.org_words, b.org_words);
  if (a.head_lemma != b.head_lemma && !same_org) return false;
  if (!a.place_key.empty() && !b.place_key.empty() && a.place_key != b.place_key) return false;
  if (!a.org_words.empty() && !b.org_words.empty() && !SameWords(a.org_words, b.org_words))
    return false;
  return true;
}

}  // namespace svodka
