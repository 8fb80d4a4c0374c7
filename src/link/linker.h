// Linking within an article: the stage that groups the names of Document::entities into
// Document::objects — one object per person, organization or place the article mentions —
// and adds the descriptions and pronouns that the text ties to a person.
//
// NAMES (docs/entities.md, "Linking"). Words are compared by stems of their form and lemma
// (link_text.h), names by the keys of mention_keys.h.
//  * Persons, in three passes over the names in text order:
//    1. full names (a surname with a first name, initial or patronymic) join the most recent
//       person with the same surname whose first name and patronymic agree ("Сергей Лавров" =
//       "С. Лавров") and whose gender does not contradict; two first names that differ are two
//       people ("Иван Петров" and "Мария Петрова"), never merged;
//    2. a surname alone ("Лавров", "Лавровым") joins a person with that surname whose gender
//       agrees; of several, the one mentioned last before it, else the first after it; with
//       none it starts a person of its own that later bare surnames join. A surname that
//       matches no surname may match another word of a foreign full name ("Ху" of
//       "Ху Цзиньтао");
//    3. a first name alone joins the one person with that first name; when two people have it,
//       or none, it stays apart (with the other mentions of that first name alone).
//    Gender: the dictionary's first names (±3) and surnames (±1), and a past-tense verb next to
//    a nominative name ("Кисида заявил", ±3).
//  * Places and organizations: the same words after aliases (link_aliases.tsv: "РФ" =
//    "Россия"); an organization's core and places ("МИД РФ" = "Министерство иностранных дел
//    России" = "российский МИД"); an acronym and the initials of a full name ("ФМС" =
//    "Федеральная миграционная служба"); a short form ("Газпром" = "ОАО «Газпром»"). Then
//    weaker links, made only when they are unambiguous: an organization without a place
//    ("МИД") joins the one organization with its core and a place; a one-word place
//    ("Курилы") the one place of adjectives and that noun ("южные Курилы"). A place and an
//    organization with the same words are one object ("Россия" as a state).
//
// DESCRIPTIONS (role phrases, role_phrase.h). A phrase apposed to a person's name is a
// description of that person ("министр иностранных дел России Сергей Лавров", "японским
// коллегой Фумио Кисидой"). Any other singular phrase is a description of the person whose
// described roles agree with it (RolesAgree: the same noun, or heads of the same
// organization: "глава МИД РФ" = "министр иностранных дел России"; "министр" alone), of
// several the one mentioned last before it, else first after it. Phrases that agree with no
// person are not added.
//
// PRONOUNS (link_pronouns.tsv: он, его, ему, ней, ...; possessive его/её). A pronoun refers to
// the agreeing person (gender by the evidence above) in focus: the last one mentioned before it
// in its sentence; else, in the two sentences before, the last one mentioned in the nominative
// (the subject), else the last one mentioned. Left unresolved when a singular inanimate noun of
// the pronoun's gender stands between the person and the pronoun in its sentence ("такой
// диалог, его углубление"): in the nominative for "он"/"она", in any case for the others.
//
// Mentions added are of type PER and kind description or pronoun, with no base form;
// Document::entities stays in text order (a description before the names inside it). Each
// object's `name` is its fullest base form: Mention::normal when the normalizer has run
// (kLayerNormal), otherwise one built from the tokens (TokenBaseForm: a name whose words are
// all nominative as written; else a person's words by their lemmas, "Петровой" -> "Петрова";
// a place's or organization's first noun by its lemma, the adjectives before it agreeing with
// it, the words after it as written, and the first adjective capitalized before a proper noun:
// "южных Курилах" -> "Южные Курилы"). An organization named with the place after it
// ("МИД" "Японии") is named with it: "МИД Японии".
//
// Thread-safety: immutable after Create; Annotate uses the caller's Scratch.
#ifndef SVODKA_LINK_LINKER_H_
#define SVODKA_LINK_LINKER_H_

#include <string>
#include <string_view>

#include "link/link_rules.h"
#include "svodka/document.h"
#include "svodka/stage.h"
#include "svodka/status.h"

namespace svodka {

class Linker : public Stage {
 public:
  // With the embedded rule tables.
  static Linker Create();
  explicit Linker(const LinkRules* rules) : rules_(rules) {}

  std::string_view name() const override { return "link"; }
  // Replaces doc.objects and every mention of kind description or pronoun, sets
  // Mention::object of every mention, and sets kLayerObjects (roles are cleared: kLayerRoles
  // is removed). Reads the tokens' morphology; never fails on input.
  Status Annotate(Document& doc, Scratch* scratch) const override;

  struct Buffers;

 private:
  const LinkRules* rules_;
};

// The base form of a name built from its tokens (see above), for a mention without `normal`.
std::string TokenBaseForm(const Document& doc, const Mention& m);

}  // namespace svodka

#endif  // SVODKA_LINK_LINKER_H_
