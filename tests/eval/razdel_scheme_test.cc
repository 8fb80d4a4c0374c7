#include "eval/razdel_scheme.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/scan.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace svodka {
namespace {

using ::testing::ElementsAre;
using V = std::vector<std::string>;

const Tokenizer& News() {
  static const Tokenizer* const kTokenizer = new Tokenizer();
  return *kTokenizer;
}

std::vector<Token> NewsTokens(std::string_view text) {
  std::vector<Token> tokens;
  News().Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, &tokens);
  return tokens;
}

std::vector<std::string> Texts(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(text.substr(t.span.begin, t.span.size()));
  return out;
}

V Razdel(std::string_view text) { return Texts(text, ToRazdelTokens(text, NewsTokens(text))); }

// The slow reference: every stretch between whitespace handed to the pass as one word, so that
// it re-scans all of the text with razdel's rules and keeps nothing from the news scan.
std::vector<Token> RazdelByRescanningEverything(std::string_view text) {
  const CharClasses& cc = CharClasses::Get();
  std::vector<Token> runs;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp;
    size_t len;
    const CharClass c = text_internal::ClassAt(cc, text, pos, text.size(), &cp, &len);
    const bool space = c == kCcSpace || c == kCcNewline;
    if (!space && (runs.empty() || runs.back().span.end != pos)) {
      Token& t = runs.emplace_back();
      t.span = Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos)};
      t.kind = TokenKind::kWord;
    }
    pos += len;
    if (!space) runs.back().span.end = static_cast<uint32_t>(pos);
  }
  return ToRazdelTokens(text, runs);
}

TEST(RazdelSchemeTest, SplitsWhatTheNewsSchemeKeepsWhole) {
  EXPECT_EQ(Razdel("http://a.ru/x?b=1"),
            (V{"http", ":", "/", "/", "a", ".", "ru", "/", "x", "?", "b", "=", "1"}));
  EXPECT_EQ(Razdel("a.b@mail.ru"), (V{"a", ".", "b", "@", "mail", ".", "ru"}));
  EXPECT_EQ(Razdel("#тег @user"), (V{"#", "тег", "@", "user"}));
  EXPECT_EQ(Razdel("Lenta.ru и .РФ"), (V{"Lenta", ".", "ru", "и", ".", "РФ"}));
  EXPECT_EQ(Razdel("&#39;"), (V{"&", "#", "39", ";"}));
  EXPECT_EQ(Razdel("15:30 2+2"), (V{"15", ":", "30", "2", "+", "2"}));
  EXPECT_EQ(Razdel("O'Neil HTML5 3Com"), (V{"O", "'", "Neil", "HTML", "5", "3", "Com"}));
  // Latin B and a in a Cyrillic word.
  EXPECT_EQ(Razdel("Bлaдимир iPhone-а"), (V{"B", "л", "a", "димир", "iPhone-а"}));
}

TEST(RazdelSchemeTest, KeepsWhatBothSchemesShare) {
  EXPECT_EQ(Razdel("что-то COVID-19 К_тому_же 2,5 1/2 20.03.2017"),
            (V{"что-то", "COVID-19", "К_тому_же", "2,5", "1/2", "20.03.2017"}));
  EXPECT_EQ(Razdel("Что?! :))) -- ** «Да». 👍🏽 🇷🇺"),
            (V{"Что", "?!", ":)))", "--", "**", "«", "Да", "»", ".", "👍🏽", "🇷🇺"}));
  // Only Latin against Cyrillic splits: a Greek letter continues a Latin run ("mβ" then
  // "ж"), and a run that starts in another script never splits ("βж", "中ж").
  EXPECT_EQ(Razdel("mβж βж 中ж"), (V{"mβ", "ж", "βж", "中ж"}));
}

TEST(RazdelSchemeTest, Kinds) {
  const std::string text = "http://a.ru 15:30 #x 😀 ...";
  std::vector<TokenKind> kinds;
  for (const Token& t : ToRazdelTokens(text, NewsTokens(text))) kinds.push_back(t.kind);
  EXPECT_THAT(
      kinds, ElementsAre(TokenKind::kWord, TokenKind::kPunct, TokenKind::kPunct, TokenKind::kPunct,
                         TokenKind::kWord, TokenKind::kPunct, TokenKind::kWord, TokenKind::kNumber,
                         TokenKind::kPunct, TokenKind::kNumber, TokenKind::kPunct, TokenKind::kWord,
                         TokenKind::kSymbol, TokenKind::kPunct));
}

TEST(RazdelSchemeTest, RazdelTokensCanRunPastNewsTokens) {
  // News: "Lenta.ru" "‐" "x" (a domain ends the word); razdel joins "ru‐x" over the dash.
  const std::string text = "Lenta.ru‐x и ru_x.ru_y";
  EXPECT_EQ(Texts(text, NewsTokens(text)), (V{"Lenta.ru", "‐", "x", "и", "ru_x.ru", "_", "y"}));
  EXPECT_EQ(Razdel(text), (V{"Lenta", ".", "ru‐x", "и", "ru_x", ".", "ru_y"}));
}

TEST(RazdelSchemeTest, TextEndsWhereTheRangeEnded) {
  // The range ends inside "‐x": razdel must not join across its end either.
  const std::string text = "Lenta.ru‐x";
  std::vector<Token> news;
  News().Tokenize(text, Span{0, 8}, &news);
  EXPECT_EQ(Texts(text, ToRazdelTokens(std::string_view(text).substr(0, 8), news)),
            (V{"Lenta", ".", "ru"}));
  // Appends; empty input gives nothing.
  std::vector<Token> out(2);
  AppendRazdelTokens(text, {}, &out);
  EXPECT_EQ(out.size(), 2u);
}

// How `svodka eval segment --scheme razdel` scores: our segmentation, then the pass.
TEST(RazdelSchemeTest, AppliedAfterSegmentation) {
  const std::string text = "http://a.ru 15:30 МТС733 Bлaдимир";
  std::vector<Token> tokens;
  std::vector<Span> sentences;
  Segmenter().Segment(text, &tokens, &sentences);
  EXPECT_EQ(Texts(text, ToRazdelTokens(text, tokens)),
            (V{"http", ":", "/", "/", "a", ".", "ru", "15", ":", "30", "МТС", "733", "B", "л", "a",
               "димир"}));
}

// The pass keeps the news scan's signs and re-scans the rest; the reference re-scans
// everything. They must agree on every text, here random ones built from the pieces where
// the two schemes differ.
TEST(RazdelSchemeTest, AgreesWithRescanningEverything) {
  const std::vector<std::string> pieces = {
      "a",    "Б",      "z", "ж", "5", "٣",  "²",       "\u0301", "-",  "‐",  "_",     "'",     "’",
      ".",    ",",      ":", ";", "/", "\\", "+",       "=",      "(",  ")",  "#",     "@",     "&",
      "*",    "!",      "?", "…", " ", "\n", "http://", "www.",   "ru", "рф", "com",   "&#39;", "😀",
      "🏽", "\u200D", "🇷", "🇺", "«", "»",  "\"",      "mail",   "β",  "中", "\uFFFD"};
  std::mt19937 rng(6);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    const std::vector<Token> fast = ToRazdelTokens(text, NewsTokens(text));
    const std::vector<Token> slow = RazdelByRescanningEverything(text);
    ASSERT_EQ(Texts(text, fast), Texts(text, slow)) << text;
    for (size_t k = 0; k < fast.size(); ++k) ASSERT_EQ(fast[k].kind, slow[k].kind) << text;
  }
}

}  // namespace
}  // namespace svodka
