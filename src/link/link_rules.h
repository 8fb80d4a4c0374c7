// The rule tables of linking and roles, read once from the embedded data/rules tables:
//
//   link_roles.tsv             role nouns ("министр", "глава", "посол", "коллега") and their kind
//   link_pronouns.tsv          third person pronouns that refer to a person, with gender
//   link_aliases.tsv           other names of places and organizations ("РФ" = "Россия",
//                              "МИД" = "Министерство иностранных дел")
//   link_place_adjectives.tsv  adjectives naming a place ("российский" -> "Россия")
//
// Phrases of the tables are kept as Words (link_text.h), compared by stems, so that every
// case of a phrase matches it.
//
// Thread-safety: LinkRules::Get() loads on first use (a function-local static) and the rules
// are immutable afterwards.
#ifndef SVODKA_LINK_LINK_RULES_H_
#define SVODKA_LINK_LINK_RULES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "link/link_text.h"

namespace svodka {

enum class RoleKind : uint8_t { kHead, kMinister, kPosition, kRelation };

struct RoleNoun {
  RoleKind kind = RoleKind::kPosition;
  std::vector<Word> org;  // the organization it implies (head) or heads with its complement
};

struct Alias {
  std::vector<Word> variant;
  std::vector<Word> canonical;
  std::string canonical_text;  // as the table writes it ("Россия")
  bool place = false;
};

struct LinkRules {
  std::unordered_map<std::string, RoleNoun> roles;  // folded lemma -> role noun
  std::unordered_map<std::string, int> pronouns;    // folded form -> 1 masculine, 2 feminine
  std::vector<Alias> aliases;
  // Stem of an alias's first word -> indices into aliases, longest variant first.
  std::unordered_map<std::string, std::vector<uint32_t>> alias_index;
  // Stem of a place adjective -> the place (canonical words and text).
  struct Place {
    std::vector<Word> words;
    std::string text;
  };
  std::unordered_map<std::string, Place> place_adjectives;

  // The role noun of a folded lemma, or null.
  const RoleNoun* Role(std::string_view folded_lemma) const;

  // The rules of the embedded tables. A malformed table aborts naming the table and the line
  // (as EmbeddedTable does: the tables are part of the build, and the suite loads them).
  static const LinkRules& Get();
};

// The Words of a phrase as a table writes it ("Российская Федерация" -> stems of each word).
std::vector<Word> PhraseWords(std::string_view phrase);

}  // namespace svodka

#endif  // SVODKA_LINK_LINK_RULES_H_
