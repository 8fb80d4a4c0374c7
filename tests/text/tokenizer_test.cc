#include "text/tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_util.h"

namespace svodka {
namespace {

using ::testing::ElementsAre;
using testing_text::Tokens;
using V = std::vector<std::string>;

TEST(TokenizerTest, Words) {
  EXPECT_EQ(Tokens("Мама мыла раму."), (V{"Мама", "мыла", "раму", "."}));
  EXPECT_EQ(Tokens("Hello, world!"), (V{"Hello", ",", "world", "!"}));
}

TEST(TokenizerTest, HyphenatedWords) {
  EXPECT_EQ(Tokens("Южно-Сахалинск кто-то COVID-19 рок-н-ролла 25-го"),
            (V{"Южно-Сахалинск", "кто-то", "COVID-19", "рок-н-ролла", "25-го"}));
  EXPECT_EQ(Tokens("К_тому_же"), (V{"К_тому_же"}));
  EXPECT_EQ(Tokens("Женщина- врач"), (V{"Женщина", "-", "врач"}));
  EXPECT_EQ(Tokens("O'Neil д’Артаньян"), (V{"O'Neil", "д’Артаньян"}));
}

TEST(TokenizerTest, NumbersDatesTimesPercentsMoney) {
  EXPECT_EQ(Tokens("20 марта в 15:30"), (V{"20", "марта", "в", "15:30"}));
  EXPECT_EQ(Tokens("2,5% и $1,5 млрд"), (V{"2,5", "%", "и", "$", "1,5", "млрд"}));
  EXPECT_EQ(Tokens("1/2 20.03.2017 2+2 1 000"), (V{"1/2", "20.03.2017", "2+2", "1", "000"}));
  EXPECT_EQ(Tokens("счёт 2:1"), (V{"счёт", "2", ":", "1"}));
  EXPECT_EQ(Tokens("1941–1945"), (V{"1941–1945"}));
}

TEST(TokenizerTest, Kinds) {
  std::string text = "Он, 5 😀 http://tass.ru/a?b=1 a.b@mail.ru #тег @user";
  std::vector<Token> tokens;
  std::vector<Span> sentences;
  testing_text::TheSegmenter().Segment(text, &tokens, &sentences);
  std::vector<TokenKind> kinds;
  for (const Token& t : tokens) kinds.push_back(t.kind);
  EXPECT_THAT(kinds, ElementsAre(TokenKind::kWord, TokenKind::kPunct, TokenKind::kNumber,
                                 TokenKind::kSymbol, TokenKind::kUrl, TokenKind::kEmail,
                                 TokenKind::kHashtag, TokenKind::kHashtag));
}

TEST(TokenizerTest, QuotesAndPunctuation) {
  EXPECT_EQ(Tokens("«Да»."), (V{"«", "Да", "»", "."}));
  EXPECT_EQ(Tokens("„Нет“"), (V{"„", "Нет", "“"}));
  EXPECT_EQ(Tokens("\"Так\""), (V{"\"", "Так", "\""}));
  EXPECT_EQ(Tokens("Что?! Ну... Да…"), (V{"Что", "?!", "Ну", "...", "Да", "…"}));
  EXPECT_EQ(Tokens("т.е. так"), (V{"т", ".", "е", ".", "так"}));
  EXPECT_EQ(Tokens("a -- b :))) :)"), (V{"a", "--", "b", ":)))", ":)"}));
  EXPECT_EQ(Tokens("), - сказал"), (V{")", ",", "-", "сказал"}));
}

TEST(TokenizerTest, UrlsEmailsHashtags) {
  EXPECT_EQ(Tokens("см. https://tass.ru/politika/123 (там)."),
            (V{"см", ".", "https://tass.ru/politika/123", "(", "там", ")", "."}));
  EXPECT_EQ(Tokens("www.kremlin.ru, Lenta.ru и Лента.ру"),
            (V{"www.kremlin.ru", ",", "Lenta.ru", "и", "Лента.ру"}));
  EXPECT_EQ(Tokens("пишите на press@tass.ru."), (V{"пишите", "на", "press@tass.ru", "."}));
  EXPECT_EQ(Tokens("#МыВместе и &#39;"), (V{"#МыВместе", "и", "&#39;"}));
}

TEST(TokenizerTest, EmojiAndMixedScripts) {
  EXPECT_EQ(Tokens("Ура👍🏽!"), (V{"Ура", "👍🏽", "!"}));
  EXPECT_EQ(Tokens("👨‍👩‍👧 🇷🇺"), (V{"👨‍👩‍👧", "🇷🇺"}));
  EXPECT_EQ(Tokens("Bлaдимир iPhone-а"), (V{"Bлaдимир", "iPhone-а"}));
  EXPECT_EQ(Tokens("ударе́ние"), (V{"ударе́ние"}));
}

TEST(TokenizerTest, AlphanumericWordsAndDomainZones) {
  EXPECT_EQ(Tokens("HTML5 и 3Com, G20"), (V{"HTML5", "и", "3Com", ",", "G20"}));
  EXPECT_EQ(Tokens("в зоне .РФ и «.eu»."), (V{"в", "зоне", ".РФ", "и", "«", ".eu", "»", "."}));
  // At the start of a line, whatever ends the line before (issue 12).
  for (const char* eol : {"\n", "\r", "\r\n", "\xC2\x85", "\xE2\x80\xA8"})
    EXPECT_EQ(Tokens(std::string("зона") + eol + ".РФ"), (V{"зона", ".РФ"})) << eol;
}

TEST(TokenizerTest, RazdelScheme) {
  Segmenter seg(TokenScheme::kRazdel);
  std::string text = "http://a.ru 15:30 МТС733";
  std::vector<Token> tokens;
  std::vector<Span> sentences;
  seg.Segment(text, &tokens, &sentences);
  V out;
  for (const Token& t : tokens) out.push_back(text.substr(t.span.begin, t.span.size()));
  EXPECT_EQ(out, (V{"http", ":", "/", "/", "a", ".", "ru", "15", ":", "30", "МТС", "733"}));
}

TEST(TokenizerTest, RangeAndAppend) {
  std::string text = "xx Привет, мир! yy";
  std::vector<Token> tokens(1);
  std::vector<Span> sentences;
  testing_text::TheSegmenter().Segment(text, Span{3, 24}, &tokens, &sentences);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[1].span, (Span{3, 15}));
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0], (Span{3, 24}));
}

TEST(TokenizerTest, HostileInputIsLinearAndCovered) {
  for (std::string unit : {".", "a.", "-", "a@", "#", "1:", "&#", "😀", "1,", "::))", "www."}) {
    std::string text;
    while (text.size() < 1000000) text += unit;
    std::vector<Token> tokens;
    std::vector<Span> sentences;
    testing_text::TheSegmenter().Segment(text, &tokens, &sentences);
    uint32_t prev = 0;
    for (const Token& t : tokens) {
      ASSERT_LE(prev, t.span.begin);
      ASSERT_LT(t.span.begin, t.span.end);
      prev = t.span.end;
    }
    ASSERT_LE(prev, text.size());
  }
}

}  // namespace
}  // namespace svodka
