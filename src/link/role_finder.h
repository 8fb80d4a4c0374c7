// Roles: the stage that records on each person's object the occupations the text states —
// factRuEval's Occupation facts (Who / Position / Where): "министр иностранных дел России
// Сергей Лавров", "глава МИД Японии Фумио Кисида", "Валерий Зорькин, председатель
// Конституционного суда", "президент Франции прибыл" (a description the linker tied to
// Саркози).
//
// Every role phrase (role_phrase.h) whose noun is an occupation (kinds head, minister and
// position of link_roles.tsv; "коллега" is not one) becomes a Role of the person it is apposed
// to, or of the person whose description it is (the linker's mention of kind description with
// the phrase's tokens). The Role's span is the position words ("министр иностранных дел",
// "глава", "посол"), its position their text with the noun in the nominative, its org the
// object of the organization the phrase names ("МИД РФ"), its place the object of the place it
// names ("России"), of its place adjective ("японский" -> the object "Япония" when the article
// names it) or of its organization's place ("МИД РФ" -> "Россия"). A person's role is recorded
// once per position, where the text first states it (a later statement fills in the org or
// place the first lacked): "президента", "президент" and "президентом" of one person are one
// Occupation fact, and so are "министр" and "министр иностранных дел" (the same noun, agreeing
// as role_phrase.h's RolesAgree says).
//
// Needs the linker's objects (kLayerObjects); without them it records nothing.
//
// Thread-safety: immutable after Create; Annotate uses the caller's Scratch.
#ifndef SVODKA_LINK_ROLE_FINDER_H_
#define SVODKA_LINK_ROLE_FINDER_H_

#include <string_view>

#include "link/link_rules.h"
#include "svodka/document.h"
#include "svodka/stage.h"
#include "svodka/status.h"

namespace svodka {

class RoleFinder : public Stage {
 public:
  // With the embedded rule tables.
  static RoleFinder Create();
  explicit RoleFinder(const LinkRules* rules) : rules_(rules) {}

  std::string_view name() const override { return "roles"; }
  // Replaces the roles of every object and sets kLayerRoles. Never fails on input.
  Status Annotate(Document& doc, Scratch* scratch) const override;

  struct Buffers;

 private:
  const LinkRules* rules_;
};

}  // namespace svodka

#endif  // SVODKA_LINK_ROLE_FINDER_H_
