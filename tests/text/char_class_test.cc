#include "text/char_class.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

namespace svodka {
namespace {

const CharClasses& Cc() { return CharClasses::Get(); }

TEST(CharClassTest, OneTableForTheProcess) { EXPECT_EQ(&CharClasses::Get(), &CharClasses::Get()); }

TEST(CharClassTest, Ascii) {
  for (char32_t cp : {U' ', U'\t', U'\0', U'\x01', U'\x1B', U'\x7F'}) {
    EXPECT_EQ(Cc().Of(cp), kCcSpace) << static_cast<uint32_t>(cp);
  }
  for (char32_t cp : {U'\n', U'\r', U'\v', U'\f'}) EXPECT_EQ(Cc().Of(cp), kCcNewline);
  EXPECT_EQ(Cc().Of('a'), kCcLower);
  EXPECT_EQ(Cc().Of('Z'), kCcUpper);
  EXPECT_EQ(Cc().Of('7'), kCcDigit);
  EXPECT_EQ(Cc().Of('-'), kCcHyphen);
  EXPECT_EQ(Cc().Of('_'), kCcConnector);
  EXPECT_EQ(Cc().Of('\''), kCcApostrophe);
  EXPECT_EQ(Cc().Of('"'), kCcOpen);  // ambiguous: the tokenizer decides by context
  for (char32_t cp : {U'(', U'[', U'{'}) EXPECT_EQ(Cc().Of(cp), kCcOpen);
  for (char32_t cp : {U')', U']', U'}'}) EXPECT_EQ(Cc().Of(cp), kCcClose);
  for (char32_t cp : {U'.', U'?', U'!'}) EXPECT_EQ(Cc().Of(cp), kCcTerminal);
  for (char32_t cp : {U',', U':', U';', U'#', U'@', U'&', U'*', U'%', U'/', U'\\'}) {
    EXPECT_EQ(Cc().Of(cp), kCcPunct) << static_cast<char>(cp);
  }
  // Sm, Sc, Sk: "=" and "+" are symbols, and so is "`" (the tokenizer's smiley and "2+2"
  // rules look at the code point, not the class).
  for (char32_t cp : {U'+', U'=', U'<', U'>', U'|', U'~', U'$', U'^', U'`'}) {
    EXPECT_EQ(Cc().Of(cp), kCcSymbol) << static_cast<char>(cp);
  }
}

TEST(CharClassTest, LettersOfEveryKind) {
  EXPECT_EQ(Cc().Of(U'ж'), kCcLower);
  EXPECT_EQ(Cc().Of(U'Ё'), kCcUpper);
  EXPECT_EQ(Cc().Of(U'ǅ'), kCcUpper);  // title case (Lt)
  EXPECT_EQ(Cc().Of(U'é'), kCcLower);
  EXPECT_EQ(Cc().Of(U'β'), kCcLower);
  EXPECT_EQ(Cc().Of(U'中'), kCcLetter);  // Lo
  EXPECT_EQ(Cc().Of(U'א'), kCcLetter);
  EXPECT_EQ(Cc().Of(U'ʰ'), kCcLetter);  // Lm
  EXPECT_EQ(Cc().Of(U'٣'), kCcDigit);   // Arabic-Indic three (Nd)
}

TEST(CharClassTest, MarksExtendWords) {
  // Combining stress, soft hyphen, zero-width characters, variation selectors, superscripts.
  for (char32_t cp : {U'\u0301', U'\u00AD', U'\u200B', U'\u200C', U'\u200D', U'\u2060', U'\uFE0F',
                      U'\uFE0E', U'²', U'½', U'Ⅻ'}) {
    EXPECT_EQ(Cc().Of(cp), kCcMark) << std::hex << static_cast<uint32_t>(cp);
  }
}

TEST(CharClassTest, SpacesAndLineEnds) {
  for (char32_t cp : {U'\u00A0', U'\u2009', U'\u3000', U'\uFEFF', U'\u200E'}) {
    EXPECT_EQ(Cc().Of(cp), kCcSpace) << std::hex << static_cast<uint32_t>(cp);
  }
  for (char32_t cp : {U'\u0085', U'\u2028', U'\u2029'}) EXPECT_EQ(Cc().Of(cp), kCcNewline);
}

TEST(CharClassTest, QuotesDashesAndTerminals) {
  EXPECT_EQ(Cc().Of(U'«'), kCcOpen);
  EXPECT_EQ(Cc().Of(U'»'), kCcClose);
  EXPECT_EQ(Cc().Of(U'„'), kCcOpen);
  EXPECT_EQ(Cc().Of(U'‚'), kCcOpen);
  EXPECT_EQ(Cc().Of(U'“'), kCcOpen);   // Pi; closes „...“ in Russian, decided by context
  EXPECT_EQ(Cc().Of(U'”'), kCcClose);  // Pf in Unicode too, but overridden explicitly
  EXPECT_EQ(Cc().Of(U'‘'), kCcOpen);
  EXPECT_EQ(Cc().Of(U'’'), kCcApostrophe);
  EXPECT_EQ(Cc().Of(U'ʼ'), kCcApostrophe);
  for (char32_t cp : {U'–', U'—', U'‐', U'−'}) {
    EXPECT_EQ(Cc().Of(cp), kCcHyphen) << std::hex << static_cast<uint32_t>(cp);
  }
  for (char32_t cp : {U'…', U'‼', U'⁇', U'⁈', U'⁉', U'。', U'！', U'．', U'？'}) {
    EXPECT_EQ(Cc().Of(cp), kCcTerminal) << std::hex << static_cast<uint32_t>(cp);
  }
  EXPECT_EQ(Cc().Of(U'№'), kCcSymbol);
  EXPECT_EQ(Cc().Of(U'€'), kCcSymbol);
  EXPECT_EQ(Cc().Of(U'😀'), kCcSymbol);
  EXPECT_EQ(Cc().Of(U'🇷'), kCcSymbol);  // regional indicator
}

TEST(CharClassTest, UnassignedPrivateUseAndBeyondTheTable) {
  EXPECT_EQ(Cc().Of(0x0378), kCcOther);  // unassigned
  EXPECT_EQ(Cc().Of(0xE000), kCcOther);  // private use
  EXPECT_EQ(Cc().Of(CharClasses::kSize - 1), kCcOther);
  // Outside the table: whatever Unicode says (U+E0001 is Cf, U+10FFFF a non-character).
  EXPECT_EQ(Cc().Of(CharClasses::kSize), kCcOther);
  EXPECT_EQ(Cc().Of(0xE0001), kCcOther);
  EXPECT_EQ(Cc().Of(0x10FFFF), kCcOther);
}

TEST(CharClassTest, Predicates) {
  for (int i = kCcSpace; i <= kCcOther; ++i) {
    const auto c = static_cast<CharClass>(i);
    EXPECT_EQ(CharClasses::IsLetter(c), c == kCcLower || c == kCcUpper || c == kCcLetter) << i;
    EXPECT_EQ(CharClasses::IsWordChar(c), CharClasses::IsLetter(c) || c == kCcMark || c == kCcDigit)
        << i;
  }
}

// The table against utf8proc, its source, over every code point it holds: only the listed
// exceptions differ from the general category.
TEST(CharClassTest, AgreesWithUnicodeCategories) {
  for (char32_t cp = 0; cp < CharClasses::kSize; ++cp) {
    const CharClass c = Cc().Of(cp);
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
      case UTF8PROC_CATEGORY_ND:
        ASSERT_EQ(c, kCcDigit) << std::hex << static_cast<uint32_t>(cp);
        break;
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LT:
        ASSERT_EQ(c, kCcUpper) << std::hex << static_cast<uint32_t>(cp);
        break;
      case UTF8PROC_CATEGORY_LL:
        ASSERT_EQ(c, kCcLower) << std::hex << static_cast<uint32_t>(cp);
        break;
      case UTF8PROC_CATEGORY_ZS:
        ASSERT_EQ(c, kCcSpace) << std::hex << static_cast<uint32_t>(cp);
        break;
      case UTF8PROC_CATEGORY_PD:
        ASSERT_EQ(c, kCcHyphen) << std::hex << static_cast<uint32_t>(cp);
        break;
      case UTF8PROC_CATEGORY_PE:
        ASSERT_EQ(c, kCcClose) << std::hex << static_cast<uint32_t>(cp);
        break;
      case UTF8PROC_CATEGORY_CO:
      case UTF8PROC_CATEGORY_CN:
        ASSERT_EQ(c, kCcOther) << std::hex << static_cast<uint32_t>(cp);
        break;
      default:
        break;
    }
  }
}

TEST(CharClassTest, ToLower) {
  EXPECT_EQ(Cc().ToLower('A'), U'a');
  EXPECT_EQ(Cc().ToLower('a'), U'a');
  EXPECT_EQ(Cc().ToLower('5'), U'5');
  EXPECT_EQ(Cc().ToLower(U'Ё'), U'ё');
  EXPECT_EQ(Cc().ToLower(U'Я'), U'я');
  EXPECT_EQ(Cc().ToLower(U'Σ'), U'σ');
  EXPECT_EQ(Cc().ToLower(U'ǅ'), U'ǆ');
  EXPECT_EQ(Cc().ToLower(U'İ'), U'i');  // simple mapping, no combining dot
  EXPECT_EQ(Cc().ToLower(U'𐐀'), U'𐐀');  // beyond the BMP: unchanged (Deseret)
  for (char32_t cp = 0; cp < CharClasses::kLowerSize; ++cp) {
    const utf8proc_int32_t lower = utf8proc_tolower(static_cast<utf8proc_int32_t>(cp));
    ASSERT_EQ(Cc().ToLower(cp), lower < 0x10000 ? static_cast<char32_t>(lower) : cp)
        << std::hex << static_cast<uint32_t>(cp);
  }
}

}  // namespace
}  // namespace svodka
