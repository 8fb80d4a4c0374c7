// Role phrases: a noun of link_roles.tsv with what qualifies it, as news text names a person by
// their occupation — "министр иностранных дел России", "глава МИД РФ", "японский коллега",
// "председатель правительства", "посол Японии в России", "министр по делам разведки".
//
// A phrase is:
//   [adjectives] ROLE-NOUN [complement]
// * adjectives right before the noun ("бывший", "японский"; a place adjective gives the place);
// * the role noun, singular, not inside a name;
// * the complement: genitive words ("иностранных дел", "правительства"), names of
//   organizations and places ("МИД РФ", "России"; quotation marks around them included),
//   "по" with a dative phrase ("по делам разведки"), for nouns of kind position "в"/"на"/"от"/
//   "при" with a name ("посол Японии в России", "наблюдатель от ОБСЕ"; not for heads:
//   "визит президента России в Японию"), "и" between genitive words ("связи и
//   коммуникаций").
// The position is the noun (nominative), the adjectives before it that are not places, and the
// complement up to its first name: "министр иностранных дел", "глава", "посол".
//
// A phrase is APPOSED to a person's name when the name follows it at once in the same case
// ("министр иностранных дел России Сергей Лавров", "с японским коллегой Фумио Кисидой"; a name
// with an indeclinable, caseless or plural-tagged word agrees with any case, and persons'
// accusative with the genitive), when it follows the name after a comma or a dash ("Валерий
// Зорькин, председатель Конституционного суда", "Андрей Санников — бывший заместитель
// министра"; the name's last word in the noun's case, and no verb right after the phrase:
// "с коллегой Фумио Кисидой, глава МИД РФ заявил" is a new subject), or when it comes before
// another phrase apposed to a name that follows, after a comma ("депутат ..., сопредседатель ...
// Михаил Вельмакин"). After "пост"/"должность"
// ("Путин согласился занять пост премьер-министра") the phrase is the post of the person named
// last before it in the sentence (`post`). A phrase right after a number is not one person
// ("84 журналиста") and is skipped; adjectives join the noun only in its case.
//
// The organization the phrase's person heads (for matching descriptions with one another):
// the named organization ("глава МИД РФ": МИД РФ's core words), else for "minister" nouns the
// noun's organization with the complement ("министр иностранных дел" -> "министерство
// иностранных дел"), else the complement's words ("председатель правительства" ->
// "правительство"), else the organization a head noun implies ("президент" -> "государство").
//
// Thread-safety: pure functions.
#ifndef SVODKA_LINK_ROLE_PHRASE_H_
#define SVODKA_LINK_ROLE_PHRASE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "link/link_rules.h"
#include "link/link_text.h"
#include "link/mention_keys.h"
#include "svodka/document.h"

namespace svodka {

struct RolePhrase {
  uint32_t begin = 0, end = 0;                    // tokens of the whole phrase, [begin, end)
  uint32_t head = 0;                              // the role noun
  uint32_t position_begin = 0, position_end = 0;  // tokens of the position words
  std::string position;                           // "министр иностранных дел"
  std::string head_lemma;                         // "министр"
  RoleKind kind = RoleKind::kPosition;
  uint32_t org = kNoMention;     // index into Document::entities: the organization it names
  uint32_t place = kNoMention;   // the place it names
  std::string place_key;         // PlaceKey of its place: named, adjective or the org's place
  std::vector<Word> org_words;   // the organization its person heads (see above)
  uint32_t person = kNoMention;  // the name of the person it is apposed to
  bool post = false;  // "пост премьер-министра": names the post of `person`, not the person
};

// The role phrases of doc, in text order. `keys` are ComputeNameKeys' of doc.entities; only
// mentions of kind name are read.
void FindRolePhrases(const Document& doc, const std::vector<uint64_t>& flags,
                     const LinkRules& rules, const std::vector<NameKey>& keys,
                     std::vector<RolePhrase>* out);

// Whether two role phrases may describe one person: the same noun, or heads (kinds head and
// minister) of the same organization; and no contradicting place or organization.
bool RolesAgree(const RolePhrase& a, const RolePhrase& b);

}  // namespace svodka

#endif  // SVODKA_LINK_ROLE_PHRASE_H_
