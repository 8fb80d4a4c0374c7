#include "link/link_rules.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "base/embedded.h"

namespace svodka {
namespace {

[[noreturn]] void BadRow(std::string_view table, const TsvRow& row, std::string_view what) {
  std::fprintf(stderr, "svodka: embedded rule table data/rules/%.*s:%d: %.*s\n",
               static_cast<int>(table.size()), table.data(), row.line,
               static_cast<int>(what.size()), what.data());
  std::abort();
}

LinkRules Load() {
  LinkRules r;
  for (const TsvRow& row : EmbeddedTable("link_roles.tsv", {3, 3, 1})) {
    RoleNoun noun;
    const std::string_view kind = row[1];
    if (kind == "head") {
      noun.kind = RoleKind::kHead;
    } else if (kind == "minister") {
      noun.kind = RoleKind::kMinister;
    } else if (kind == "position") {
      noun.kind = RoleKind::kPosition;
    } else if (kind == "relation") {
      noun.kind = RoleKind::kRelation;
    } else {
      BadRow("link_roles.tsv", row, "kind must be head, minister, position or relation");
    }
    if (row[2] != "-") noun.org = PhraseWords(row[2]);
    if (noun.kind == RoleKind::kMinister && noun.org.empty())
      BadRow("link_roles.tsv", row, "a minister noun names its organization");
    r.roles.emplace(Fold(row[0]), std::move(noun));
  }
  for (const TsvRow& row : EmbeddedTable("link_pronouns.tsv", {2, 2, 1})) {
    int gender = row[1] == "masc" ? 1 : row[1] == "femn" ? 2 : 0;
    if (gender == 0) BadRow("link_pronouns.tsv", row, "gender must be masc or femn");
    r.pronouns.emplace(Fold(row[0]), gender);
  }
  for (const TsvRow& row : EmbeddedTable("link_aliases.tsv", {3, 3, 1})) {
    Alias a;
    a.variant = PhraseWords(row[0]);
    a.canonical = PhraseWords(row[1]);
    a.canonical_text = std::string(row[1]);
    if (row[2] != "place" && row[2] != "org")
      BadRow("link_aliases.tsv", row, "kind must be place or org");
    a.place = row[2] == "place";
    if (a.variant.empty() || a.canonical.empty()) BadRow("link_aliases.tsv", row, "no words");
    r.aliases.push_back(std::move(a));
  }
  for (uint32_t i = 0; i < r.aliases.size(); ++i)
    r.alias_index[r.aliases[i].variant[0].form].push_back(i);
  for (auto& [stem, list] : r.alias_index) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return r.aliases[a].variant.size() > r.aliases[b].variant.size();
    });
  }
  for (const TsvRow& row : EmbeddedTable("link_place_adjectives.tsv", {2, 2, 1})) {
    LinkRules::Place p;
    p.words = PhraseWords(row[1]);
    p.text = std::string(row[1]);
    if (p.words.empty()) BadRow("link_place_adjectives.tsv", row, "no words");
    r.place_adjectives.emplace(WordStem(row[0]), std::move(p));
  }
  return r;
}

}  // namespace

std::vector<Word> PhraseWords(std::string_view phrase) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j > i) {
      Word w;
      w.form = WordStem(phrase.substr(i, j - i));
      w.lemma = w.form;
      out.push_back(std::move(w));
    }
    i = j;
  }
  return out;
}

const RoleNoun* LinkRules::Role(std::string_view folded_lemma) const {
  auto it = roles.find(std::string(folded_lemma));
  return it == roles.end() ? nullptr : &it->second;
}

const LinkRules& LinkRules::Get() {
  static const LinkRules* rules = new LinkRules(Load());
  return *rules;
}

}  // namespace svodka
