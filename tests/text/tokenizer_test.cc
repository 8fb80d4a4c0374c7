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

std::vector<TokenKind> Kinds(const std::string& text) {
  std::vector<Token> tokens;
  std::vector<Span> sentences;
  testing_text::TheSegmenter().Segment(text, &tokens, &sentences);
  std::vector<TokenKind> kinds;
  for (const Token& t : tokens) kinds.push_back(t.kind);
  return kinds;
}

// Texts in which nothing is a URL, and what they are instead.
TEST(TokenizerTest, NotUrls) {
  // A scheme or "www." with nothing after it.
  EXPECT_EQ(Tokens("http://"), (V{"http", ":", "/", "/"}));
  EXPECT_EQ(Tokens("см. www."), (V{"см", ".", "www", "."}));
  EXPECT_EQ(Tokens("www.)"), (V{"www", ".", ")"}));
  EXPECT_EQ(Tokens("http:/a.ru"), (V{"http", ":", "/", "a.ru"}));
  // Without a scheme or "www." an address is a domain word and signs.
  EXPECT_EQ(Tokens("tass.ru/x."), (V{"tass.ru", "/", "x", "."}));
  EXPECT_EQ(Tokens("t.me/x"), (V{"t.me", "/", "x"}));
  EXPECT_EQ(Tokens("на tass.ru:"), (V{"на", "tass.ru", ":"}));
  // Russian abbreviations, file names and version numbers are not domains.
  EXPECT_EQ(Tokens("и т.д."), (V{"и", "т", ".", "д", "."}));
  EXPECT_EQ(Tokens("т.е. С.Петербург"), (V{"т", ".", "е", ".", "С", ".", "Петербург"}));
  EXPECT_EQ(Tokens("report.pdf"), (V{"report", ".", "pdf"}));
  EXPECT_EQ(Tokens("1.2.3 и 1.2.3."), (V{"1.2.3", "и", "1.2.3", "."}));
  EXPECT_EQ(Tokens("v1.2.3 вышла"), (V{"v1.2.3", "вышла"}));
  for (const char* text : {"http://", "www.", "tass.ru/x.", "и т.д.", "report.pdf", "1.2.3"}) {
    for (TokenKind k : Kinds(text)) EXPECT_NE(k, TokenKind::kUrl) << text;
  }
}

TEST(TokenizerTest, UrlEnds) {
  // Brackets, quotes and sentence punctuation around a URL are not part of it.
  EXPECT_EQ(Tokens("(http://a.ru)"), (V{"(", "http://a.ru", ")"}));
  EXPECT_EQ(Tokens("«http://a.ru»"), (V{"«", "http://a.ru", "»"}));
  EXPECT_EQ(Tokens("http://a.ru\"x"), (V{"http://a.ru", "\"", "x"}));
  EXPECT_EQ(Tokens("см. http://tass.ru/x.!"), (V{"см", ".", "http://tass.ru/x", ".!"}));
  EXPECT_EQ(Tokens("https://tass.ru/a?b=1&c=2, и"), (V{"https://tass.ru/a?b=1&c=2", ",", "и"}));
  // ... unless the URL opened the bracket, or the signs are inside it.
  EXPECT_EQ(Tokens("http://a.ru/x_(y)."), (V{"http://a.ru/x_(y)", "."}));
  EXPECT_EQ(Tokens("http://a.ru:8080/x ftp://x WWW.KREMLIN.RU"),
            (V{"http://a.ru:8080/x", "ftp://x", "WWW.KREMLIN.RU"}));
  EXPECT_THAT(Kinds("(http://a.ru) www.tass"),
              ElementsAre(TokenKind::kPunct, TokenKind::kUrl, TokenKind::kPunct, TokenKind::kUrl));
}

// Texts in which nothing is an e-mail address, and what they are instead (issue 6: a domain
// label may not start or end with "-"; before, "a@-b.ru" was one address).
TEST(TokenizerTest, NotEmails) {
  // No dot in the domain: a word and a mention.
  EXPECT_EQ(Tokens("a@b"), (V{"a", "@b"}));
  EXPECT_EQ(Tokens("user@localhost"), (V{"user", "@localhost"}));
  // No domain label, or one that starts or ends with "-".
  EXPECT_EQ(Tokens("mail@.ru"), (V{"mail", "@", ".", "ru"}));
  EXPECT_EQ(Tokens("a@-b.ru"), (V{"a", "@", "-", "b.ru"}));
  EXPECT_EQ(Tokens("a@b-.ru"), (V{"a", "@b", "-", ".", "ru"}));
  // The last label must be alphabetic; the name must be ASCII.
  EXPECT_EQ(Tokens("a@1.2"), (V{"a", "@", "1.2"}));
  EXPECT_EQ(Tokens("a@mail.ru5 ."), (V{"a", "@mail", ".", "ru5", "."}));
  EXPECT_EQ(Tokens("иван@mail.ru"), (V{"иван", "@mail", ".", "ru"}));
  for (const char* text :
       {"a@b", "user@localhost", "mail@.ru", "a@-b.ru", "a@b-.ru", "a@1.2", "иван@mail.ru"}) {
    for (TokenKind k : Kinds(text)) EXPECT_NE(k, TokenKind::kEmail) << text;
  }
}

TEST(TokenizerTest, EmailEnds) {
  EXPECT_EQ(Tokens("x@mail.ru."), (V{"x@mail.ru", "."}));
  EXPECT_EQ(Tokens("«press@tass.ru»"), (V{"«", "press@tass.ru", "»"}));
  EXPECT_EQ(Tokens("mailto:a@b.ru"), (V{"mailto", ":", "a@b.ru"}));
  EXPECT_EQ(Tokens(".a@mail.ru"), (V{".", "a@mail.ru"}));
  EXPECT_EQ(Tokens("a-b_c%d+e@my-mail.co.uk"), (V{"a-b_c%d+e@my-mail.co.uk"}));
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
