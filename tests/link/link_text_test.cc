// Words as linking compares them (src/link/link_text.h) and the rule tables it reads
// (src/link/link_rules.h): no dictionary needed.
#include "link/link_text.h"

#include <gtest/gtest.h>

#include "link/link_rules.h"
#include "link/mention_keys.h"

namespace svodka {
namespace {

TEST(LinkText, FoldLowersAndDropsYo) {
  EXPECT_EQ(Fold("Лавров"), "лавров");
  EXPECT_EQ(Fold("Соединённые ШТАТЫ"), "соединенные штаты");
  EXPECT_EQ(Fold("O'Neil"), "o'neil");
}

TEST(LinkText, StemsOfTheFormsOfOneWordAgree) {
  for (const char* w : {"лавров", "лаврова", "лаврову", "лавровым", "лавровой"})
    EXPECT_EQ(Stem(w), "лавров") << w;
  for (const char* w : {"кисида", "кисидой", "кисиде", "кисиду"}) EXPECT_EQ(Stem(w), "кисид") << w;
  for (const char* w : {"россия", "россии", "россией", "россию"}) EXPECT_EQ(Stem(w), "росс") << w;
  for (const char* w : {"сергей", "сергея", "сергею", "сергеем"}) EXPECT_EQ(Stem(w), "серг") << w;
  for (const char* w : {"иностранных", "иностранные", "иностранным"})
    EXPECT_EQ(Stem(w), "иностранн") << w;
  // Short words keep three letters at least.
  EXPECT_EQ(Stem("дел"), "дел");
  EXPECT_EQ(Stem("дела"), "дел");
  EXPECT_EQ(Stem("сша"), "сша");
}

TEST(LinkText, AbbreviationsKeepTheirCapitals) {
  EXPECT_EQ(WordStem("МИДа"), "мид");
  EXPECT_EQ(WordStem("МИД"), "мид");
  EXPECT_EQ(WordStem("США"), "сша");
  EXPECT_EQ(WordStem("ТОКИО"), WordStem("Токио"));  // a word in capitals is a word
}

TEST(LinkText, WordsMatchByFormOrLemmaStem) {
  const Word a{"соединенн", "соедин"};  // "Соединенные", lemma "соединить"
  const Word b{"соединенн", "соединенн"};
  const Word c{"штат", "штат"};
  EXPECT_TRUE(SameWord(a, b));
  EXPECT_FALSE(SameWord(a, c));
  EXPECT_TRUE(SameWords({a, c}, {b, c}));
  EXPECT_FALSE(SameWords({a, c}, {b}));
}

TEST(LinkRules, TablesLoad) {
  const LinkRules& r = LinkRules::Get();
  ASSERT_NE(r.Role("министр"), nullptr);
  EXPECT_EQ(r.Role("министр")->kind, RoleKind::kMinister);
  EXPECT_EQ(r.Role("глава")->kind, RoleKind::kHead);
  EXPECT_EQ(r.Role("коллега")->kind, RoleKind::kRelation);
  EXPECT_EQ(r.Role("посол")->kind, RoleKind::kPosition);
  EXPECT_EQ(r.Role("стол"), nullptr);
  EXPECT_EQ(r.pronouns.at("он"), 1);
  EXPECT_EQ(r.pronouns.at("ее"), 2);
  EXPECT_EQ(r.pronouns.count("они"), 0u);
  EXPECT_EQ(r.place_adjectives.at(WordStem("японский")).text, "Япония");
  // "РФ" and "Российская Федерация" are "Россия", a place.
  bool rf = false, full = false;
  for (const Alias& a : r.aliases) {
    if (a.canonical_text != "Россия") continue;
    EXPECT_TRUE(a.place);
    rf |= SameWords(a.variant, PhraseWords("РФ"));
    full |= SameWords(a.variant, PhraseWords("Российской Федерации"));
  }
  EXPECT_TRUE(rf);
  EXPECT_TRUE(full);
}

TEST(MentionKeys, PersonNamesAgree) {
  PersonName a, b;
  a.has_first = b.has_first = a.has_surname = b.has_surname = true;
  a.first = {"серг", "серг"};
  a.surname = b.surname = {"лавров", "лавров"};
  b.first = {"с", "с"};
  b.first_initial = true;
  EXPECT_TRUE(SurnamesMatch(a, b));
  EXPECT_TRUE(FirstNamesAgree(a, b));  // "С." is Сергей's initial
  b.first = {"иван", "иван"};
  b.first_initial = false;
  EXPECT_FALSE(FirstNamesAgree(a, b));  // two first names: two people
  b.first = {"раймон", "раймон"};
  a.first = {"раймонд", "раймонд"};
  EXPECT_TRUE(FirstNamesAgree(a, b));  // spellings of one name
  EXPECT_TRUE(GendersAgree(3, 0));
  EXPECT_TRUE(GendersAgree(3, -1));  // weak evidence never separates
  EXPECT_FALSE(GendersAgree(3, -2));
}

}  // namespace
}  // namespace svodka
