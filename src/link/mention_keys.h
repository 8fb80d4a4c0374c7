// What linking compares in a named mention (src/link/linker.h, role_finder.h):
//
//  * a person's name read as first name, patronymic and surname ("Сергей Лавров",
//    "С. Лавров", "Лавровым", "Дмитрий Анатольевич Медведев"): by the dictionary's Name,
//    Patr and Surn marks, otherwise by position (the surname is the last word of a full name,
//    the first name the word before it); a single letter is an initial; lower-case words
//    ("бин", "шейх") are left out;
//  * a place's or organization's words after the aliases of link_aliases.tsv ("РФ" ->
//    "Россия", "МИД" -> "Министерство иностранных дел"); for an organization, the place words
//    apart ("МИД РФ", "российский МИД", "Министерство иностранных дел России": the core
//    "министерство иностранных дел" and the place "Россия"), the initials of its core words
//    for acronyms ("ФМС" = "Федеральная миграционная служба": initials of every word, and of
//    every word but prepositions and conjunctions; each part of a hyphenated word counts:
//    "АТР" = "Азиатско-Тихоокеанский регион"), and a short form (the quoted name of
//    "ОАО «Газпром»", the proper name after generic lower-case words: "клуб Челси" ->
//    "Челси", "город Москва" -> "Москва").
//
// Thread-safety: pure functions.
#ifndef SVODKA_LINK_MENTION_KEYS_H_
#define SVODKA_LINK_MENTION_KEYS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "link/link_rules.h"
#include "link/link_text.h"
#include "svodka/document.h"

namespace svodka {

inline constexpr uint32_t kNoMention = UINT32_MAX;

struct PersonName {
  Word first;  // first name, or its initial (form = lemma = the folded letter)
  bool has_first = false;
  bool first_initial = false;
  bool first_dictionary = false;  // the dictionary knows it as a first name (Name)
  Word patronymic;
  bool has_patronymic = false;
  bool patronymic_initial = false;
  Word surname;
  bool has_surname = false;
  std::vector<Word> others;  // further words of the name (a middle name)
  int gender = 0;  // evidence from the words: > 0 masculine, < 0 feminine (GenderEvidence)

  // A name with a surname and a first name or patronymic ("Сергей Лавров", "С. Лавров").
  bool Full() const { return has_surname && (has_first || has_patronymic); }
};

struct NameKey {
  // Places and organizations.
  std::vector<Word> words;            // after aliases
  std::vector<Word> core;             // organizations: the words that are not places
  std::vector<std::string> places;    // PlaceKey of each place the name holds, sorted, unique
  std::vector<Word> short_form;       // quoted part / proper part after generic words; or empty
  std::string initials;               // of the core words without prepositions/conjunctions
  std::string initials_all;           // of every core word
  std::string acronym;                // the core when it is one abbreviation ("мид"), folded
  std::string place;                  // PlaceKey(words) when the mention is a place
  bool adjectives_then_noun = false;  // adjectives and one last noun ("южные Курилы")
  bool adjective = false;             // one word, an adjective ("Манежную" of a square)
  // ORG: the place name right after it that gave it a place ("МИД" "Японии"), or kNoMention.
  uint32_t qualifier = kNoMention;
  // Persons.
  PersonName person;
};

// The key of a place: its words' lemma stems joined by spaces ("росс", "южн коре").
std::string PlaceKey(const std::vector<Word>& words);

// Gender evidence of a person mention. From its own words (PersonName::gender, by the gender
// the tagger chose): in a full name a dictionary first name ±2 and a dictionary surname ±1; a
// word alone ±2 when it is a dictionary surname ("Ивановой"), ±1 when a first name (it may be
// a surname: "Гордон"). From the predicate (this function): a past-tense verb right after a
// nominative mention ("Кисида заявил") or right before it ("сказал Лавров"), ±3.
int GenderEvidence(const Document& doc, const std::vector<uint64_t>& flags, const Mention& m);

// Keys of every mention of doc.entities of kind name (the others get an empty key).
// `flags`: TokenFlagCache::flags() of doc.
void ComputeNameKeys(const Document& doc, const std::vector<uint64_t>& flags,
                     const LinkRules& rules, std::vector<NameKey>* keys);

// Person names: surnames match (SameWord); first names and patronymics agree where both have
// them (an initial agrees with a name of its letter; spellings of five letters or more agree
// when one is the other and one letter more: "Раймон" / "Раймонд"); genders contradict when
// one is ≥ 2 and the other ≤ −2 (weaker evidence never separates).
bool SurnamesMatch(const PersonName& a, const PersonName& b);
bool FirstNamesAgree(const PersonName& a, const PersonName& b);
bool GendersAgree(int a, int b);

}  // namespace svodka

#endif  // SVODKA_LINK_MENTION_KEYS_H_
