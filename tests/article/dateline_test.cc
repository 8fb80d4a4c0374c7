#include "article/dateline.h"

#include <gtest/gtest.h>

#include <string>

namespace svodka {
namespace {

struct Case {
  std::string paragraph;
  std::string place, date, agency, span_text;
};

std::optional<Dateline> Parse(const std::string& p, std::optional<int> year = std::nullopt) {
  return ParseDateline(p, {0, static_cast<uint32_t>(p.size())}, year);
}

TEST(Dateline, AllWireForms) {
  const Case cases[] = {
      {"ТОКИО, 20 марта. /ТАСС/. Выработка", "Токио", "--03-20", "ТАСС",
       "ТОКИО, 20 марта. /ТАСС/."},
      {"МОСКВА, 4 авг - РИА Новости. Текст", "Москва", "--08-04", "РИА Новости",
       "МОСКВА, 4 авг - РИА Новости."},
      {"ВАШИНГТОН, 5 мая. /Корр. ТАСС Иван Иванов/. Текст", "Вашингтон", "--05-05", "ТАСС",
       "ВАШИНГТОН, 5 мая. /Корр. ТАСС Иван Иванов/."},
      {"МОСКВА, 12 января. /Интерфакс/ Текст", "Москва", "--01-12", "Интерфакс",
       "МОСКВА, 12 января. /Интерфакс/"},
      {"МОСКВА, 12 января — Интерфакс. Текст", "Москва", "--01-12", "Интерфакс",
       "МОСКВА, 12 января — Интерфакс."},
      {"(Reuters) - Oil prices rose", "", "", "Reuters", "(Reuters) -"},
      {"MOSCOW, March 20 (Reuters) - Russia said", "Moscow", "--03-20", "Reuters",
       "MOSCOW, March 20 (Reuters) -"},
      {"LONDON (Reuters) - Britain", "London", "", "Reuters", "LONDON (Reuters) -"},
      {"NEW YORK, March 20 (AP) — Stocks", "New York", "--03-20", "AP",
       "NEW YORK, March 20 (AP) —"},
      {"НЬЮ-ЙОРК, 1 сентября. /ТАСС/. Текст", "Нью-Йорк", "--09-01", "ТАСС",
       "НЬЮ-ЙОРК, 1 сентября. /ТАСС/."},
      {"РОСТОВ-НА-ДОНУ, 3 июля. /ИТАР-ТАСС/. Текст", "Ростов-на-Дону", "--07-03", "ТАСС",
       "РОСТОВ-НА-ДОНУ, 3 июля. /ИТАР-ТАСС/."},
      {"НИЖНИЙ НОВГОРОД, 3 июля — РИА Новости. Текст", "Нижний Новгород", "--07-03", "РИА Новости",
       "НИЖНИЙ НОВГОРОД, 3 июля — РИА Новости."},
      {"МОСКВА, 20 марта 2017 г. /ТАСС/. Текст", "Москва", "2017-03-20", "ТАСС",
       "МОСКВА, 20 марта 2017 г. /ТАСС/."},
      {"WASHINGTON, Sept. 5, 2016 (AP) - Text", "Washington", "2016-09-05", "AP",
       "WASHINGTON, Sept. 5, 2016 (AP) -"},
      {"МОСКВА\xC2\xA0— РИА Новости. Текст", "Москва", "", "РИА Новости",
       "МОСКВА\xC2\xA0— РИА Новости."},
      {"  ТОКИО, 20\xC2\xA0марта. /ТАСС/.", "Токио", "--03-20", "ТАСС",
       "ТОКИО, 20\xC2\xA0марта. /ТАСС/."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.paragraph);
    auto d = Parse(c.paragraph);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->place, c.place);
    EXPECT_EQ(d->date, c.date);
    EXPECT_EQ(d->agency, c.agency);
    EXPECT_EQ(c.paragraph.substr(d->span.begin, d->span.size()), c.span_text);
  }
}

TEST(Dateline, YearHintMakesIsoDate) {
  auto d = Parse("ТОКИО, 20 марта. /ТАСС/. Текст", 2017);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date, "2017-03-20");
  // A year written in the dateline wins over the hint.
  d = Parse("ТОКИО, 20 марта 2016 года. /ТАСС/. Текст", 2017);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date, "2016-03-20");
}

// A hinted year (from `published`) without 29 February is not used, but the dateline stays;
// a written one without the day still makes no dateline.
TEST(Dateline, HintedYearWithoutTheDayIsDropped) {
  auto d = Parse("МОСКВА, 29 февраля. /ТАСС/. Текст", 2017);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Москва");
  EXPECT_EQ(d->agency, "ТАСС");
  EXPECT_EQ(d->date, "--02-29");
  d = Parse("МОСКВА, 29 февраля. /ТАСС/. Текст", 2016);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date, "2016-02-29");
  EXPECT_FALSE(Parse("МОСКВА, 29 февраля 2017 года. /ТАСС/. Текст", 2016).has_value());
}

TEST(Dateline, SpanIsRelativeToTheWholeText) {
  std::string text = "Заголовок\nТОКИО, 20 марта. /ТАСС/. Текст";
  uint32_t b = static_cast<uint32_t>(text.find('\n') + 1);
  auto d = ParseDateline(text, {b, static_cast<uint32_t>(text.size())}, std::nullopt);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->span.begin, b);
  EXPECT_EQ(text.substr(d->span.begin, d->span.size()), "ТОКИО, 20 марта. /ТАСС/.");
}

TEST(Dateline, Negatives) {
  for (const char* p : {
           "МОСКВА — столица России.",
           "Москва, 20 марта. /ТАСС/. Текст",    // the place must be upper case
           "ТОКИО, 32 марта. /ТАСС/. Текст",     // no such day
           "ТОКИО, 30 февраля. /ТАСС/. Текст",   // no such day
           "ТОКИО, 20 мартобря. /ТАСС/. Текст",  // no such month
           "ТОКИО, сказал он, важен.", "США и Россия договорились",
           "(в скобках) - текст",  // no known agency
           "NATO said on Monday", "ОДКБ", "", "Лавров: для Москвы и Токио важно",
           "МОСКВА, 20 марта/ТАСС",  // glued to the next word
       }) {
    SCOPED_TRACE(p);
    EXPECT_FALSE(Parse(p).has_value());
  }
}

TEST(Dateline, PlaceCase) {
  EXPECT_EQ(NormalizePlaceCase("РИО-ДЕ-ЖАНЕЙРО"), "Рио-де-Жанейро");
  EXPECT_EQ(NormalizePlaceCase("SAN FRANCISCO"), "San Francisco");
  EXPECT_EQ(NormalizePlaceCase("НА"), "На");
}

}  // namespace
}  // namespace svodka

namespace svodka {
namespace {

// Published on 1 January 2017, written on 31 December: the dateline's year is 2016. A month
// boundary crossed by time zones (published 31 March UTC, dateline 1 April Moscow) stays.
TEST(DatelineNewYear, MonthFarAfterPublicationIsLastYear) {
  std::string t = "МОСКВА, 31 декабря. /ТАСС/. Текст";
  auto d = ParseDateline(t, Span{0, static_cast<uint32_t>(t.size())}, 2017, 1);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date, "2016-12-31");
  t = "МОСКВА, 1 апреля. /ТАСС/. Текст";
  d = ParseDateline(t, Span{0, static_cast<uint32_t>(t.size())}, 2017, 3);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date, "2017-04-01");
}

}  // namespace
}  // namespace svodka
