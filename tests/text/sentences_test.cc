#include "text/sentences.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_util.h"

namespace svodka {
namespace {

using testing_text::Sentences;
using V = std::vector<std::string>;

TEST(SentencesTest, Basic) {
  EXPECT_EQ(Sentences("Первое. Второе! Третье? Четвёртое…"),
            (V{"Первое.", "Второе!", "Третье?", "Четвёртое…"}));
  EXPECT_EQ(Sentences("Он ждал... И дождался."), (V{"Он ждал...", "И дождался."}));
  EXPECT_EQ(Sentences("Он ждал... и дождался."), (V{"Он ждал... и дождался."}));
}

TEST(SentencesTest, Abbreviations) {
  EXPECT_EQ(Sentences("Т.е. это так, т. е. верно и т.д. Потом."),
            (V{"Т.е. это так, т. е. верно и т.д.", "Потом."}));
  EXPECT_EQ(Sentences("Он живёт в г. Москве на ул. Тверской, д. 5."),
            (V{"Он живёт в г. Москве на ул. Тверской, д. 5."}));
  EXPECT_EQ(Sentences("Это было в 2016 г. Потом всё изменилось."),
            (V{"Это было в 2016 г.", "Потом всё изменилось."}));
  EXPECT_EQ(Sentences("Лекцию читал проф. Иванов из МГУ им. Ломоносова."),
            (V{"Лекцию читал проф. Иванов из МГУ им. Ломоносова."}));
  EXPECT_EQ(Sentences("Бюджет 5 млрд руб. В следующем году больше."),
            (V{"Бюджет 5 млрд руб.", "В следующем году больше."}));
  EXPECT_EQ(Sentences("Mr. Smith met Dr. Jones."), (V{"Mr. Smith met Dr. Jones."}));
}

TEST(SentencesTest, Initials) {
  EXPECT_EQ(Sentences("Президент В. В. Путин и С.Лавров прибыли."),
            (V{"Президент В. В. Путин и С.Лавров прибыли."}));
}

TEST(SentencesTest, QuotesAndDialogueDashes) {
  EXPECT_EQ(Sentences("«Как же так?!» — воскликнул он. Все молчали."),
            (V{"«Как же так?!» — воскликнул он.", "Все молчали."}));
  EXPECT_EQ(Sentences("\"Мы готовы\", - сказал он."), (V{"\"Мы готовы\", - сказал он."}));
  EXPECT_EQ(Sentences("\"Важно, - отметил министр. - Это важно\"."),
            (V{"\"Важно, - отметил министр.", "- Это важно\"."}));
  EXPECT_EQ(Sentences("Он сказал: «Да». Потом ушёл."), (V{"Он сказал: «Да».", "Потом ушёл."}));
  EXPECT_EQ(Sentences("«Уходи!» Он ушёл."), (V{"«Уходи!»", "Он ушёл."}));
}

TEST(SentencesTest, LineBreaks) {
  EXPECT_EQ(Sentences("Заголовок без точки\nПервое предложение. Второе"),
            (V{"Заголовок без точки", "Первое предложение.", "Второе"}));
  EXPECT_EQ(Sentences("Абзац\n\nабзац"), (V{"Абзац", "абзац"}));
  // A hard-wrapped paragraph: a single break before a lower-case word continues.
  EXPECT_EQ(Sentences("Это длинное\nпредложение. Да"), (V{"Это длинное\nпредложение.", "Да"}));
  EXPECT_EQ(Sentences("- Шойгу прибыл в Токио\n- Кисида заявил"),
            (V{"- Шойгу прибыл в Токио", "- Кисида заявил"}));
}

// Issue 12: every line end ends a sentence like "\n" does, and no sentence includes one.
TEST(SentencesTest, OtherLineEnds) {
  for (std::string eol : {"\r", "\r\n", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    SCOPED_TRACE(::testing::PrintToString(eol));
    EXPECT_EQ(Sentences("Заголовок без точки" + eol + "Первое предложение. Второе" + eol + eol +
                        "Третье"),
              (V{"Заголовок без точки", "Первое предложение.", "Второе", "Третье"}));
    EXPECT_EQ(Sentences("- Шойгу прибыл в Токио" + eol + "- Кисида заявил"),
              (V{"- Шойгу прибыл в Токио", "- Кисида заявил"}));
  }
  // A single "\r" or NEL may be a hard wrap, as "\n"; U+2028/U+2029 never are.
  EXPECT_EQ(Sentences("Это длинное\rпредложение. Да"), (V{"Это длинное\rпредложение.", "Да"}));
  EXPECT_EQ(Sentences("Это длинное\xC2\x85предложение. Да"),
            (V{"Это длинное\xC2\x85предложение.", "Да"}));
  EXPECT_EQ(Sentences("Это длинное\xE2\x80\xA8предложение. Да"),
            (V{"Это длинное", "предложение.", "Да"}));
}

TEST(SentencesTest, DatelineStaysWithFirstSentence) {
  EXPECT_EQ(Sentences("ТОКИО, 20 марта. /ТАСС/. Выработка позиций важна. Об этом заявил он."),
            (V{"ТОКИО, 20 марта. /ТАСС/. Выработка позиций важна.", "Об этом заявил он."}));
}

TEST(SentencesTest, BulletsAndGluedEnds) {
  EXPECT_EQ(Sentences("Страны: • Алжир • Ангола"), (V{"Страны:", "• Алжир", "• Ангола"}));
  EXPECT_EQ(Sentences("Кто виноват?». Дело в том"), (V{"Кто виноват?».", "Дело в том"}));
  EXPECT_EQ(Sentences("перегрузки до 10 G. Из-за ошибки"),
            (V{"перегрузки до 10 G.", "Из-за ошибки"}));
  EXPECT_EQ(Sentences("в зоне .РФ будет"), (V{"в зоне .РФ будет"}));
}

TEST(SentencesTest, ListNumbers) {
  EXPECT_EQ(Sentences("1. Михаил Саакашвили — 52 %"), (V{"1. Михаил Саакашвили — 52 %"}));
}

TEST(SentencesTest, ExampleArticle) {
  std::ifstream in(std::string(SVODKA_TEST_SRCDIR) +
                   "/examples/tass-2017-03-20-lavrov-kishida.txt");
  ASSERT_TRUE(in) << "example article missing";
  std::stringstream ss;
  ss << in.rdbuf();
  V s = Sentences(ss.str());
  ASSERT_GE(s.size(), 12u);
  EXPECT_EQ(s[0],
            "Лавров: для Москвы и Токио важно выработать общие позиции по международным "
            "вопросам");
  EXPECT_EQ(s[2].rfind("ТОКИО, 20 марта. /ТАСС/. Выработка общих позиций", 0), 0u) << s[2];
  EXPECT_EQ(s[3].rfind("Об этом заявил министр", 0), 0u) << s[3];
  EXPECT_EQ(s[4],
            "\"Очень важно, что мы обеспечиваем регулярность и интенсивность контактов, "
            "их содержательное наполнение, - отметил министр.");
  EXPECT_EQ(s[5].rfind("- Это важно, чтобы держать", 0), 0u) << s[5];
  bool found = false;
  for (const std::string& x : s) {
    if (x == "\"Мы готовы к предметному и доверительному разговору\", - подчеркнул он.") {
      found = true;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(s.back(),
            "- Кисида: встреча глав МИД и Минобороны РФ и Японии укрепит мир и "
            "безопасность в АТР");
}

}  // namespace
}  // namespace svodka
