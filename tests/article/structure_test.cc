// Tests of src/article/structure.h (paragraph units, related headlines, LooksLikeHeadline) and
// of the plain-text title/lead/dateline assignment built on it (text_reader.h's
// StructurePlainText), against the rules stated in structure.h, text_reader.h and
// docs/format.md ("Plain text (a wire story)").
//
// Most tests are tables: an input, the texts the spans must select and, where offsets are the
// point, the byte spans themselves.
#include "article/structure.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "article/text_reader.h"
#include "article/text_util.h"

namespace svodka {
namespace {

using Texts = std::vector<std::string>;
using Spans = std::vector<Span>;

// Line ends as byte strings. Kept as constants because a hex escape followed by a hex digit
// or an ASCII letter a-f in one literal would swallow it.
const std::string kLf = "\n";
const std::string kCrLf = "\r\n";
const std::string kCr = "\r";
const std::string kNel = "\xC2\x85";          // U+0085 NEXT LINE
const std::string kLineSep = "\xE2\x80\xA8";  // U+2028 LINE SEPARATOR
const std::string kParaSep = "\xE2\x80\xA9";  // U+2029 PARAGRAPH SEPARATOR
const std::string kNbsp = "\xC2\xA0";         // U+00A0 NO-BREAK SPACE

std::string_view Slice(std::string_view text, Span s) { return text.substr(s.begin, s.size()); }

Texts TextsOf(std::string_view text, const Spans& spans) {
  Texts out;
  for (Span s : spans) out.emplace_back(Slice(text, s));
  return out;
}

Span Whole(std::string_view text) { return {0, static_cast<uint32_t>(text.size())}; }

Texts Units(std::string_view text) { return TextsOf(text, SplitUnits(text, Whole(text))); }

// SplitUnits over the whole text, then TakeRelated: what a body becomes.
struct Body {
  Texts paragraphs;
  Texts related;
};
Body Layout(std::string_view text) {
  Spans units = SplitUnits(text, Whole(text));
  Spans related = TakeRelated(text, &units);
  return {TextsOf(text, units), TextsOf(text, related)};
}

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// No span starts or ends with whitespace or a line end, and every span is on character
// boundaries inside the text.
void ExpectTrimmed(std::string_view text, const Spans& spans) {
  for (Span s : spans) {
    ASSERT_LE(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    EXPECT_FALSE(s.empty());
    EXPECT_EQ(TrimSpan(text, s), s) << "untrimmed span: " << Slice(text, s);
    for (uint32_t edge : {s.begin, s.end}) {
      if (edge < text.size()) {
        EXPECT_NE(static_cast<unsigned char>(text[edge]) & 0xC0, 0x80) << "mid-character";
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Line ends: every kind splits lines, and none is ever inside a span's edges.

struct LineEndCase {
  const char* name;
  std::string eol;
};

void PrintTo(const LineEndCase& c, std::ostream* os) { *os << c.name; }

class SplitUnitsLineEnd : public ::testing::TestWithParam<LineEndCase> {};

TEST_P(SplitUnitsLineEnd, OneParagraphPerLine) {
  const std::string& eol = GetParam().eol;
  const uint32_t n = static_cast<uint32_t>(eol.size());
  // "Alpha", "Beta", "Gamma", each followed by a line end: no blank line, one block.
  std::string text = "Alpha" + eol + "Beta" + eol + "Gamma" + eol;
  Spans units = SplitUnits(text, Whole(text));
  EXPECT_EQ(units, (Spans{{0, 5}, {5 + n, 9 + n}, {9 + 2 * n, 14 + 2 * n}}));
  EXPECT_EQ(TextsOf(text, units), (Texts{"Alpha", "Beta", "Gamma"}));
}

TEST_P(SplitUnitsLineEnd, BlankLineSeparatesHardWrappedBlocks) {
  const std::string& eol = GetParam().eol;
  const uint32_t n = static_cast<uint32_t>(eol.size());
  // Two lines, a blank line, one line: the two-line block is one paragraph whose span keeps
  // the inner line end.
  std::string text = "Alpha" + eol + "Beta" + eol + eol + "Gamma";
  Spans units = SplitUnits(text, Whole(text));
  EXPECT_EQ(units, (Spans{{0, 9 + n}, {9 + 3 * n, 14 + 3 * n}}));
  EXPECT_EQ(TextsOf(text, units), (Texts{"Alpha" + eol + "Beta", "Gamma"}));
}

TEST_P(SplitUnitsLineEnd, RelatedLinesAfterTheLineEnd) {
  const std::string& eol = GetParam().eol;
  std::string text = "Абзац." + eol + "- Связанная новость" + eol + "- Ещё одна" + eol;
  Body b = Layout(text);
  EXPECT_EQ(b.paragraphs, (Texts{"Абзац."}));
  EXPECT_EQ(b.related, (Texts{"Связанная новость", "Ещё одна"}));
}

INSTANTIATE_TEST_SUITE_P(AllKinds, SplitUnitsLineEnd,
                         ::testing::Values(LineEndCase{"Lf", kLf}, LineEndCase{"CrLf", kCrLf},
                                           LineEndCase{"LoneCr", kCr}, LineEndCase{"Nel", kNel},
                                           LineEndCase{"LineSeparator", kLineSep},
                                           LineEndCase{"ParagraphSeparator", kParaSep},
                                           LineEndCase{"FormFeed", "\f"},
                                           LineEndCase{"VerticalTab", "\v"}),
                         [](const ::testing::TestParamInfo<LineEndCase>& info) {
                           return info.param.name;
                         });

TEST(SplitUnits, CrCrLfIsTwoLineEndsSoABlankLine) {
  // "\r\r\n" = a lone "\r" + "\r\n": an empty line between, so hard-wrapped blocks...
  EXPECT_EQ(Units("Alpha\nBeta\r\r\nGamma"), (Texts{"Alpha\nBeta", "Gamma"}));
  // ...while "\r\n" alone is one line end: one block, one paragraph per line.
  EXPECT_EQ(Units("Alpha\nBeta\r\nGamma"), (Texts{"Alpha", "Beta", "Gamma"}));
}

TEST(SplitUnits, MixedLineEnds) {
  std::string text =
      "One\r\nTwo\rThree" + kNel + "Four" + kLineSep + "Five" + kParaSep + "Six\fSeven\vEight\n";
  EXPECT_EQ(Units(text), (Texts{"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight"}));
  // Mixed kinds also make blank lines together: "\n" + U+2029 is a blank line.
  std::string wrapped = "One\r\nTwo\n" + kParaSep + "Three";
  Spans units = SplitUnits(wrapped, Whole(wrapped));
  EXPECT_EQ(units, (Spans{{0, 8}, {12, 17}}));
  EXPECT_EQ(TextsOf(wrapped, units), (Texts{"One\r\nTwo", "Three"}));
}

// ---------------------------------------------------------------------------------------------
// Paragraph layouts.

struct UnitsCase {
  const char* name;
  std::string text;
  Texts units;
};

void PrintTo(const UnitsCase& c, std::ostream* os) { *os << c.name; }

class SplitUnitsTable : public ::testing::TestWithParam<UnitsCase> {};

TEST_P(SplitUnitsTable, Units) {
  const UnitsCase& c = GetParam();
  Spans units = SplitUnits(c.text, Whole(c.text));
  EXPECT_EQ(TextsOf(c.text, units), c.units);
  ExpectTrimmed(c.text, units);
}

INSTANTIATE_TEST_SUITE_P(
    Layouts, SplitUnitsTable,
    ::testing::Values(
        UnitsCase{"Empty", "", {}},
        UnitsCase{"OnlyLineEnds", "\n\r\n\r" + kLineSep + kParaSep + kNel, {}},
        UnitsCase{"WhitespaceOnlyLines", "  \n\t\n" + kNbsp + "\n \xE2\x80\x89 \r\n", {}},
        UnitsCase{"OneLineWithoutLineEnd", "Одна строка", {"Одна строка"}},
        UnitsCase{"SurroundingWhitespaceTrimmed",
                  "  \tПервая " + kNbsp + "\n" + kNbsp + " Вторая\t \n",
                  {"Первая", "Вторая"}},
        UnitsCase{"InnerWhitespaceKept", "Слово  \t слово", {"Слово  \t слово"}},
        // A single block (no blank lines): one paragraph per line, however many lines.
        UnitsCase{"OneBlockIsOnePerLine", "Первая\nВторая\nТретья", {"Первая", "Вторая", "Третья"}},
        // Blank lines between single lines: still one paragraph per line.
        UnitsCase{"BlankLinesBetweenSingleLines",
                  "Первая\n\nВторая\n\n\n\nТретья\n",
                  {"Первая", "Вторая", "Третья"}},
        // A whitespace-only line is a blank line.
        UnitsCase{"WhitespaceLineIsBlank", "А1\nА2\n \t \nБ", {"А1\nА2", "Б"}},
        UnitsCase{"NbspLineIsBlank", "А1\nА2\n" + kNbsp + "\nБ", {"А1\nА2", "Б"}},
        // Hard-wrapped: one multi-line ordinary block makes every block one paragraph.
        UnitsCase{"HardWrapped",
                  "Первый абзац,\nперенесённый.\n\nВторой\nтоже.\n\nТретий.",
                  {"Первый абзац,\nперенесённый.", "Второй\nтоже.", "Третий."}},
        // The joined span starts at the first line's text and ends at the last line's.
        UnitsCase{"HardWrappedSpanIsTrimmedAtItsEdgesOnly",
                  "  Начало  \n  конец.  \n\nДругой.",
                  {"Начало  \n  конец.", "Другой."}},
        UnitsCase{"HardWrappedCrLf",
                  "Первый,\r\nперенесённый.\r\n\r\nВторой.\r\n",
                  {"Первый,\r\nперенесённый.", "Второй."}},
        // Leading blank lines open no block: the text is one block, split per line.
        UnitsCase{"LeadingBlankLinesAreNotASeparator",
                  "\n\n  \nПервая\nВторая\n\n",
                  {"Первая", "Вторая"}},
        // Bullet blocks are always split by line, in both layouts.
        UnitsCase{"BulletBlocksAloneAreNotHardWrapped",
                  "- Первый\n- Второй\n\n- Третий\n— Четвёртый",
                  {"- Первый", "- Второй", "- Третий", "— Четвёртый"}},
        UnitsCase{"BulletBlockInsideHardWrappedText",
                  "Абзац,\nперенесённый.\n\n- Первый\n— Второй\n– Третий\n• Четвёртый\n* Пятый",
                  {"Абзац,\nперенесённый.", "- Первый", "— Второй", "– Третий", "• Четвёртый",
                   "* Пятый"}},
        // A block mixing ordinary and bullet lines is ordinary: joined when hard-wrapped.
        UnitsCase{"MixedBlockIsJoined",
                  "Абзац,\nперенесённый.\n\nСписок:\n- пункт\n- пункт",
                  {"Абзац,\nперенесённый.", "Список:\n- пункт\n- пункт"}},
        // Being ordinary, such a block alone makes the text hard-wrapped.
        UnitsCase{"MixedBlockMakesTheTextHardWrapped",
                  "Вступление.\n\nСписок:\n- пункт",
                  {"Вступление.", "Список:\n- пункт"}},
        // A block opened by a related heading is split by line, even with ordinary lines.
        UnitsCase{"HeadingBlockInsideHardWrappedText",
                  "Абзац,\nперенесённый.\n\nЧитайте также:\nПервая новость\nВторая новость",
                  {"Абзац,\nперенесённый.", "Читайте также:", "Первая новость", "Вторая новость"}},
        UnitsCase{"HeadingBlockAloneIsNotHardWrapped",
                  "Абзац.\n\nСм. также\nПервая новость\nВторая новость",
                  {"Абзац.", "См. также", "Первая новость", "Вторая новость"}},
        // "-5" is not a bullet: a block of such lines is ordinary.
        UnitsCase{"DashWithoutSpaceIsNotABullet",
                  "-5 градусов\n-7 ночью\n\nДальше.",
                  {"-5 градусов\n-7 ночью", "Дальше."}}),
    [](const ::testing::TestParamInfo<UnitsCase>& info) { return info.param.name; });

TEST(SplitUnits, RegionLimitsTheLinesAndSpansAreAbsolute) {
  std::string text = "XXX\n\nAlpha\nBeta\n\nYYY\nZZZ";
  // The region [5, 15) covers "Alpha\nBeta" only: the blocks outside do not count, so this
  // is one block split per line.
  Spans units = SplitUnits(text, {5, 15});
  EXPECT_EQ(units, (Spans{{5, 10}, {11, 15}}));
  // A region starting in the middle of a line takes the rest of that line.
  EXPECT_EQ(SplitUnits(text, {7, 15}), (Spans{{7, 10}, {11, 15}}));
  // An empty region has no units.
  EXPECT_TRUE(SplitUnits(text, {4, 4}).empty());
  EXPECT_TRUE(SplitUnits(text, {3, 5}).empty());  // only line ends
}

TEST(SplitUnits, LongTextStaysLinear) {
  // 20,000 lines in blank-separated two-line blocks; a quick sanity check of scale.
  std::string text = Repeat("Строка текста,\nперенесённая.\n\n", 10000);
  Spans units = SplitUnits(text, Whole(text));
  ASSERT_EQ(units.size(), 10000u);
  EXPECT_EQ(Slice(text, units.back()), "Строка текста,\nперенесённая.");
}

// ---------------------------------------------------------------------------------------------
// Related headlines.

struct RelatedCase {
  const char* name;
  std::string text;
  Texts paragraphs;
  Texts related;
};

void PrintTo(const RelatedCase& c, std::ostream* os) { *os << c.name; }

class TakeRelatedTable : public ::testing::TestWithParam<RelatedCase> {};

TEST_P(TakeRelatedTable, ParagraphsAndRelated) {
  const RelatedCase& c = GetParam();
  Spans units = SplitUnits(c.text, Whole(c.text));
  Spans related = TakeRelated(c.text, &units);
  EXPECT_EQ(TextsOf(c.text, units), c.paragraphs);
  EXPECT_EQ(TextsOf(c.text, related), c.related);
  ExpectTrimmed(c.text, units);
  ExpectTrimmed(c.text, related);
  // In text order, both.
  for (size_t i = 1; i < related.size(); ++i) EXPECT_LT(related[i - 1].begin, related[i].begin);
  for (size_t i = 1; i < units.size(); ++i) EXPECT_LT(units[i - 1].begin, units[i].begin);
}

INSTANTIATE_TEST_SUITE_P(
    TrailingBullets, TakeRelatedTable,
    ::testing::Values(
        RelatedCase{"Empty", "", {}, {}},
        RelatedCase{
            "NoBullets", "Первый абзац.\nВторой абзац.", {"Первый абзац.", "Второй абзац."}, {}},
        // Every marker, a space after it; the span excludes marker and space.
        RelatedCase{"HyphenMinus", "Текст.\n- Заголовок", {"Текст."}, {"Заголовок"}},
        RelatedCase{"EmDash", "Текст.\n— Заголовок", {"Текст."}, {"Заголовок"}},
        RelatedCase{"EnDash", "Текст.\n– Заголовок", {"Текст."}, {"Заголовок"}},
        RelatedCase{"BulletSign", "Текст.\n• Заголовок", {"Текст."}, {"Заголовок"}},
        RelatedCase{"Asterisk", "Текст.\n* Заголовок", {"Текст."}, {"Заголовок"}},
        RelatedCase{"AllMarkersInOrder",
                    "Текст.\n- Один\n— Два\n– Три\n• Четыре\n* Пять",
                    {"Текст."},
                    {"Один", "Два", "Три", "Четыре", "Пять"}},
        // Several spaces, a tab or a no-break space after the marker are all skipped.
        RelatedCase{"SpacesAfterMarker",
                    "Текст.\n-   Один\n—\tДва\n•" + kNbsp + "Три",
                    {"Текст."},
                    {"Один", "Два", "Три"}},
        // A marker glued to the text is no bullet: "-5", "—Нет", "**".
        RelatedCase{"MarkerWithoutSpace", "Текст.\n-5 градусов", {"Текст.", "-5 градусов"}, {}},
        RelatedCase{"EmDashWithoutSpace", "Текст.\n—Нет", {"Текст.", "—Нет"}, {}},
        RelatedCase{"DoubleAsterisk", "Текст.\n** Важно", {"Текст.", "** Важно"}, {}},
        RelatedCase{"OtherMarker", "Текст.\n+ Заголовок", {"Текст.", "+ Заголовок"}, {}},
        // A story of nothing but headline bullets: all related, no paragraphs.
        RelatedCase{"OnlyBullets", "- Один\n- Два", {}, {"Один", "Два"}},
        // Headline-like: no final "." or "…"; "?", "!", ":" and quotes are fine.
        RelatedCase{"FinalPeriodStaysParagraph",
                    "Текст.\n- Предложение.",
                    {"Текст.", "- Предложение."},
                    {}},
        RelatedCase{"FinalEllipsisCharStaysParagraph",
                    "Текст.\n- Что дальше…",
                    {"Текст.", "- Что дальше…"},
                    {}},
        RelatedCase{"QuestionAndExclamation",
                    "Текст.\n- Кто победит?\n- Победа!",
                    {"Текст."},
                    {"Кто победит?", "Победа!"}},
        RelatedCase{"QuotesAndColon",
                    "Текст.\n- Лавров: «Мы готовы к диалогу»",
                    {"Текст."},
                    {"Лавров: «Мы готовы к диалогу»"}},
        // The scan goes up from the end and stops at the first line that is not a related
        // bullet: an earlier bullet stays a paragraph.
        RelatedCase{"ScanStopsAtFirstNonHeadline",
                    "Текст.\n- Заголовок один\n- Это предложение.\n- Заголовок два",
                    {"Текст.", "- Заголовок один", "- Это предложение."},
                    {"Заголовок два"}},
        RelatedCase{"BulletsFollowedByAParagraphStay",
                    "Список:\n- первый пункт\n- второй пункт\nКонец истории.",
                    {"Список:", "- первый пункт", "- второй пункт", "Конец истории."},
                    {}},
        RelatedCase{"ListInTheMiddleAndRelatedAtTheEnd",
                    "Список:\n- первый пункт\nКонец.\n- Связанная",
                    {"Список:", "- первый пункт", "Конец."},
                    {"Связанная"}},
        // Blank lines and whitespace around the trailing block do not matter.
        RelatedCase{"BlankLinesAroundTrailingBlock",
                    "Текст.\n\n- Один\n\n  - Два  \n\n\n",
                    {"Текст."},
                    {"Один", "Два"}},
        RelatedCase{
            "CrLfTrailingBlock", "Текст.\r\n- Один\r\n- Два\r\n", {"Текст."}, {"Один", "Два"}}),
    [](const ::testing::TestParamInfo<RelatedCase>& info) { return info.param.name; });

INSTANTIATE_TEST_SUITE_P(
    Dialogue, TakeRelatedTable,
    ::testing::Values(
        // Speech attribution ", —", ", -", ", –" marks dialogue, even without a final period.
        RelatedCase{"AttributedWithEmDash",
                    "Текст.\n— Да, — сказал он",
                    {"Текст.", "— Да, — сказал он"},
                    {}},
        RelatedCase{"AttributedWithHyphen",
                    "Текст.\n- Да, - сказал он",
                    {"Текст.", "- Да, - сказал он"},
                    {}},
        RelatedCase{"AttributedWithEnDash",
                    "Текст.\n– Да, – сказал он",
                    {"Текст.", "– Да, – сказал он"},
                    {}},
        RelatedCase{"AttributionInTheMiddle",
                    "Текст.\n— Приду, — ответил он, — обязательно!",
                    {"Текст.", "— Приду, — ответил он, — обязательно!"},
                    {}},
        // The closing dialogue of a story keeps all its lines: the last one stops the scan.
        RelatedCase{"StoryEndingInDialogue",
                    "Он помолчал.\n— Вы придёте?\n— Да, — ответил он.",
                    {"Он помолчал.", "— Вы придёте?", "— Да, — ответил он."},
                    {}},
        RelatedCase{"DialogueLineEndingWithPeriod",
                    "Он помолчал.\n— Вы придёте?\n— Приду.",
                    {"Он помолчал.", "— Вы придёте?", "— Приду."},
                    {}},
        // A comma without the dash is no attribution.
        RelatedCase{"CommaAloneIsFine",
                    "Текст.\n— Москва, Токио и Пекин договорились",
                    {"Текст."},
                    {"Москва, Токио и Пекин договорились"}}),
    [](const ::testing::TestParamInfo<RelatedCase>& info) { return info.param.name; });

INSTANTIATE_TEST_SUITE_P(
    SeeAlso, TakeRelatedTable,
    ::testing::Values(
        // A heading with the headline on the same line: one related headline, heading dropped.
        RelatedCase{"InlineAfterColon",
                    "Текст.\nЧитайте также: Другая новость\nЕщё текст.",
                    {"Текст.", "Ещё текст."},
                    {"Другая новость"}},
        RelatedCase{"InlineWithoutSpaceAfterColon",
                    "Текст.\nЧитайте также:Другая новость",
                    {"Текст."},
                    {"Другая новость"}},
        // The inline headline is taken whatever it ends with.
        RelatedCase{"InlineWithFinalPeriod",
                    "Текст.\nСм. также: Другая новость.",
                    {"Текст."},
                    {"Другая новость."}},
        // A bare heading: the following headline-like lines, bullets or not, are related.
        RelatedCase{"BareHeadingThenLines",
                    "Текст.\nЧитайте также:\nПервая новость\nВторая новость",
                    {"Текст."},
                    {"Первая новость", "Вторая новость"}},
        RelatedCase{"BareHeadingThenBullets",
                    "Текст.\nЧитайте также:\n- Первая новость\n• Вторая новость",
                    {"Текст."},
                    {"Первая новость", "Вторая новость"}},
        // structure.h: "related while they look like headlines (bullet lines, or lines
        // without a final period)" — a bullet line with a final period is not one either.
        RelatedCase{"BareHeadingThenBulletWithPeriod",
                    "Текст.\nЧитайте также:\n- Новость.",
                    {"Текст.", "- Новость."},
                    {}},
        RelatedCase{"BareHeadingWithoutColon",
                    "Текст.\nСм. также\nДругая новость",
                    {"Текст."},
                    {"Другая новость"}},
        // The block ends at the first line that is not headline-like; the rest is body.
        RelatedCase{"BlockInTheMiddle",
                    "Текст.\nЧитайте также:\nПервая новость\nПродолжение истории.\nКонец.",
                    {"Текст.", "Продолжение истории.", "Конец."},
                    {"Первая новость"}},
        RelatedCase{"BlockEndsAtDialogue",
                    "Текст.\nЧитайте также:\nНовость\n— Нет, — сказал он",
                    {"Текст.", "— Нет, — сказал он"},
                    {"Новость"}},
        // A bare heading at the end is dropped and yields nothing.
        RelatedCase{"BareHeadingAtTheEnd", "Текст.\nЧитайте также:", {"Текст."}, {}},
        RelatedCase{"BareHeadingThenSentence",
                    "Текст.\nЧитайте также:\nЭто предложение.",
                    {"Текст.", "Это предложение."},
                    {}},
        // Two headings in a row: the second opens its own block.
        RelatedCase{"TwoHeadings",
                    "Текст.\nЧитайте также:\nПервая\nПо теме:\nВторая",
                    {"Текст."},
                    {"Первая", "Вторая"}},
        RelatedCase{"TwoBareHeadingsInARow",
                    "Текст.\nЧитайте также:\nСм. также:\nНовость",
                    {"Текст."},
                    {"Новость"}},
        // Letter case does not matter; every heading of related_headings.tsv is recognized.
        RelatedCase{"UpperCase", "Текст.\nЧИТАЙТЕ ТАКЖЕ: Новость", {"Текст."}, {"Новость"}},
        RelatedCase{
            "ReadAlsoMore", "Текст.\nЧитайте ещё: А\nЧитайте еще: Б", {"Текст."}, {"А", "Б"}},
        RelatedCase{"SeeAlsoRu", "Текст.\nСмотрите также: А\nСм. также: Б", {"Текст."}, {"А", "Б"}},
        RelatedCase{"OnTheTopic",
                    "Текст.\nМатериалы по теме:\nА\nЕщё по теме:\nБ\nЕще по теме: В",
                    {"Текст."},
                    {"А", "Б", "В"}},
        RelatedCase{
            "English", "Text.\nRead more: A\nSee also:\nB\nRELATED: C", {"Text."}, {"A", "B", "C"}},
        // A word that merely starts like a heading is not one.
        RelatedCase{"HeadingPrefixOfAWord",
                    "Текст.\nRelatedness matters",
                    {"Текст.", "Relatedness matters"},
                    {}},
        RelatedCase{"HeadingFollowedByComma",
                    "Текст.\nСм. также, например, прошлую статью.",
                    {"Текст.", "См. также, например, прошлую статью."},
                    {}},
        // See-also blocks and trailing bullets together, in text order.
        RelatedCase{"HeadingBlockThenTrailingBullets",
                    "Текст.\nЧитайте также: Первая\nЕщё текст.\n- Вторая\n- Третья",
                    {"Текст.", "Ещё текст."},
                    {"Первая", "Вторая", "Третья"}},
        RelatedCase{"TrailingScanSkipsAHeadingBlock",
                    "Текст.\n- Первая\nЧитайте также:\nВторая",
                    {"Текст."},
                    {"Первая", "Вторая"}},
        // In hard-wrapped text the heading block is split by line (see SplitUnits).
        RelatedCase{"HardWrappedWithHeadingBlock",
                    "Абзац,\nперенесённый.\n\nЧитайте также:\n- Первая\n- Вторая\n",
                    {"Абзац,\nперенесённый."},
                    {"Первая", "Вторая"}},
        // A hard-wrapped bullet (a continuation line) is joined into a multi-line unit, and a
        // multi-line unit is never a related headline.
        RelatedCase{"HardWrappedBulletIsNotRelated",
                    "Абзац,\nперенесённый.\n\n- Длинный заголовок,\nперенесённый",
                    {"Абзац,\nперенесённый.", "- Длинный заголовок,\nперенесённый"},
                    {}}),
    [](const ::testing::TestParamInfo<RelatedCase>& info) { return info.param.name; });

TEST(TakeRelated, SpansExcludeMarkerAndHeading) {
  std::string text = "Текст.\nЧитайте также: Первая\n—  Вторая";
  Spans units = SplitUnits(text, Whole(text));
  Spans related = TakeRelated(text, &units);
  // "Текст." is bytes [0, 11); "Читайте также: " [12, 39); "Первая" [39, 51); "—  " [52, 57).
  EXPECT_EQ(units, (Spans{{0, 11}}));
  EXPECT_EQ(related, (Spans{{39, 51}, {57, 69}}));
  EXPECT_EQ(TextsOf(text, related), (Texts{"Первая", "Вторая"}));
}

TEST(TakeRelated, HeadlineLengthLimitIs300CodePoints) {
  const std::string at_limit = Repeat("ж", 300);
  const std::string over = Repeat("ж", 301);
  Body b = Layout("Текст.\n- " + at_limit + "\n- " + over);
  EXPECT_EQ(b.paragraphs, (Texts{"Текст.", "- " + at_limit, "- " + over}));  // scan stops at 301
  EXPECT_TRUE(b.related.empty());
  b = Layout("Текст.\n- " + over + "\n- " + at_limit);
  EXPECT_EQ(b.paragraphs, (Texts{"Текст.", "- " + over}));
  EXPECT_EQ(b.related, (Texts{at_limit}));
  // The same limit after a bare heading.
  b = Layout("Текст.\nЧитайте также:\n" + at_limit + "\n" + over);
  EXPECT_EQ(b.related, (Texts{at_limit}));
  EXPECT_EQ(b.paragraphs, (Texts{"Текст.", over}));
}

TEST(TakeRelated, EllipsisEndsASentenceNotAHeadline) {
  // docs/format.md: a related headline has no final "." or "…"; three periods are the
  // ellipsis written with full stops, and count as "…" does.
  Body b = Layout("Текст.\n- Что дальше...");
  EXPECT_TRUE(b.related.empty());
  b = Layout("Текст.\n- Что дальше…");
  EXPECT_TRUE(b.related.empty());
}

TEST(TakeRelated, UnitsNotFromSplitUnitsAreAccepted) {
  // TakeRelated takes any units: here the second unit spans two lines, so it is no headline.
  std::string text = "Текст.\n- Один\n- Два";
  Spans units = {{0, 11}, {12, static_cast<uint32_t>(text.size())}};
  Spans related = TakeRelated(text, &units);
  EXPECT_TRUE(related.empty());
  EXPECT_EQ(units.size(), 2u);
}

// The documented rule for "see also" headings on the same line is "with the headline on the
// same line after the colon" (docs/format.md). The code accepts any whitespace after the
// heading instead of the colon, so an ordinary sentence that starts with a heading's words
// ("По теме ...", "Related ...", "Read more ...") is taken out of the body as a related
// headline — whatever it ends with (structure.h's "text after the heading on the same line"
// does not ask for the colon either). Expected: it stays a paragraph. Actual: paragraphs
// ["Первый абзац.", "Конец."], related ["переговоров Лавров ничего не сказал."].
TEST(TakeRelated, SentenceStartingWithHeadingWordsStaysParagraph) {
  Body b = Layout("Первый абзац.\nПо теме переговоров Лавров ничего не сказал.\nКонец.");
  EXPECT_EQ(b.paragraphs,
            (Texts{"Первый абзац.", "По теме переговоров Лавров ничего не сказал.", "Конец."}));
  EXPECT_TRUE(b.related.empty());
  b = Layout("First paragraph.\nRead more about the talks in our report.\nThe end.");
  EXPECT_EQ(b.paragraphs.size(), 3u);
  EXPECT_TRUE(b.related.empty());
  // In hard-wrapped text the same sentence also makes its block a "list block", split by line.
  EXPECT_EQ(Units("Абзац,\nперенесённый.\n\nПо теме переговоров\nЛавров молчал."),
            (Texts{"Абзац,\nперенесённый.", "По теме переговоров\nЛавров молчал."}));
}

// related_headings.tsv lists "related" before "related stories", and HeadingLength takes the
// first heading that matches, not the longest: "Related stories:" is read as the heading
// "Related" with the inline headline "stories:". Expected: the heading "Related stories" is
// dropped and the lines under it are related.
TEST(TakeRelated, LongestHeadingWins) {
  Body b = Layout("Text.\nRelated stories:\nFirst story\nSecond story");
  EXPECT_EQ(b.paragraphs, (Texts{"Text."}));
  EXPECT_EQ(b.related, (Texts{"First story", "Second story"}));
}

// ---------------------------------------------------------------------------------------------
// LooksLikeHeadline.

struct HeadlineCase {
  const char* name;
  std::string text;
  size_t max_chars;
  bool no_final_period;
  bool expected;
};

void PrintTo(const HeadlineCase& c, std::ostream* os) { *os << c.name; }

class LooksLikeHeadlineTable : public ::testing::TestWithParam<HeadlineCase> {};

TEST_P(LooksLikeHeadlineTable, Decides) {
  const HeadlineCase& c = GetParam();
  EXPECT_EQ(LooksLikeHeadline(c.text, Whole(c.text), c.max_chars, c.no_final_period), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, LooksLikeHeadlineTable,
    ::testing::Values(
        HeadlineCase{"Plain", "Лавров прибыл в Токио", 200, true, true},
        HeadlineCase{"Empty", "", 200, false, false},
        // Code points, not bytes: 200 Cyrillic letters (400 bytes) fit 200.
        HeadlineCase{"AtTheLimit", Repeat("ж", 200), 200, true, true},
        HeadlineCase{"OverTheLimit", Repeat("ж", 201), 200, true, false},
        HeadlineCase{"At300", Repeat("ж", 300), 300, false, true},
        HeadlineCase{"Over300", Repeat("ж", 301), 300, false, false},
        HeadlineCase{"FinalPeriodWhenForbidden", "Лавров прибыл в Токио.", 200, true, false},
        HeadlineCase{"FinalPeriodWhenAllowed", "Лавров прибыл в Токио.", 300, false, true},
        HeadlineCase{"ThreeDotsAllowed", "Что дальше...", 200, true, true},
        HeadlineCase{"EllipsisCharAllowed", "Что дальше…", 200, true, true},
        HeadlineCase{"QuestionMark", "Что дальше?", 200, true, true},
        HeadlineCase{"TwoLines", "Первая\nвторая", 200, false, false},
        HeadlineCase{"CrLfInside", "Первая\r\nвторая", 200, false, false},
        HeadlineCase{"LineSeparatorInside", "Первая" + kLineSep + "вторая", 200, false, false},
        HeadlineCase{"NelInside", "Первая" + kNel + "вторая", 200, false, false}),
    [](const ::testing::TestParamInfo<HeadlineCase>& info) { return info.param.name; });

TEST(LooksLikeHeadline, LooksAtTheUnitOnly) {
  std::string text = "Заголовок.\nВторая строка";
  EXPECT_TRUE(LooksLikeHeadline(text, {0, 18}, 200, true));  // "Заголовок" without the period
  EXPECT_FALSE(LooksLikeHeadline(text, {0, 19}, 200, true));  // "Заголовок."
  EXPECT_TRUE(LooksLikeHeadline(text, {20, 45}, 200, true));  // "Вторая строка"
}

// ---------------------------------------------------------------------------------------------
// Plain text: title, lead and dateline (text_reader.h's StructurePlainText on SplitUnits).

struct PlainCase {
  const char* name;
  std::string text;
  std::optional<std::string> title;
  std::optional<std::string> lead;
  std::optional<std::string> dateline;  // the dateline span's text
  Texts paragraphs;
  Texts related;
};

void PrintTo(const PlainCase& c, std::ostream* os) { *os << c.name; }

class PlainTextStructure : public ::testing::TestWithParam<PlainCase> {};

TEST_P(PlainTextStructure, Fields) {
  const PlainCase& c = GetParam();
  Document doc;
  doc.text = c.text;
  StructurePlainText("story.txt", &doc);
  EXPECT_EQ(doc.text, c.text);  // byte for byte
  auto text_of = [&](const std::optional<Span>& s) -> std::optional<std::string> {
    if (!s) return std::nullopt;
    return std::string(doc.Slice(*s));
  };
  EXPECT_EQ(text_of(doc.title), c.title);
  EXPECT_EQ(text_of(doc.lead), c.lead);
  EXPECT_EQ(doc.dateline ? std::optional<std::string>(doc.Slice(doc.dateline->span)) : std::nullopt,
            c.dateline);
  EXPECT_EQ(TextsOf(doc.text, doc.paragraphs), c.paragraphs);
  EXPECT_EQ(TextsOf(doc.text, doc.related), c.related);
}

const std::string kDl = "МОСКВА, 1 мая. /ТАСС/.";
const std::string kDlPara = kDl + " Первый абзац.";

INSTANTIATE_TEST_SUITE_P(
    Assignment, PlainTextStructure,
    ::testing::Values(
        PlainCase{"Empty", "", {}, {}, {}, {}, {}},
        PlainCase{"Whitespace", " \n\r\n\t", {}, {}, {}, {}, {}},
        // The dateline in line 1: no title and no lead.
        PlainCase{"DatelineInLine1",
                  kDlPara + "\nВторой абзац.",
                  {},
                  {},
                  kDl,
                  {kDlPara, "Второй абзац."},
                  {}},
        // In line 2: line 1 is the title.
        PlainCase{"DatelineInLine2",
                  "Заголовок\n" + kDlPara + "\nВторой.",
                  "Заголовок",
                  {},
                  kDl,
                  {kDlPara, "Второй."},
                  {}},
        // In line 3: line 1 is the title and line 2 the lead.
        PlainCase{"DatelineInLine3",
                  "Заголовок\nЛид статьи.\n" + kDlPara + "\n- Связанная",
                  "Заголовок",
                  "Лид статьи.",
                  kDl,
                  {kDlPara},
                  {"Связанная"}},
        // In line 4: too late, so there is no dateline, and the no-dateline title rule applies.
        PlainCase{"DatelineInLine4Ignored",
                  "Заголовок\nЛид.\nЕщё.\n" + kDlPara,
                  "Заголовок",
                  {},
                  {},
                  {"Лид.", "Ещё.", kDlPara},
                  {}},
        // Units, not lines: blank lines do not shift the positions.
        PlainCase{"BlankLinesBetween",
                  "\n\nЗаголовок\n\n\nЛид\n\n" + kDlPara + "\n\n",
                  "Заголовок",
                  "Лид",
                  kDl,
                  {kDlPara},
                  {}},
        // With a dateline a title may end in a period.
        PlainCase{"TitleWithPeriodBeforeDateline",
                  "Заголовок.\n" + kDlPara,
                  "Заголовок.",
                  {},
                  kDl,
                  {kDlPara},
                  {}},
        // Title and dateline alone.
        PlainCase{"TitleAndDatelineOnly", "Заголовок\n" + kDl, "Заголовок", {}, kDl, {kDl}, {}},
        // Without a dateline: a short first line without a final period, more lines after.
        PlainCase{"NoDatelineTitle",
                  "Заголовок\nПервый абзац.\nВторой.",
                  "Заголовок",
                  {},
                  {},
                  {"Первый абзац.", "Второй."},
                  {}},
        PlainCase{"NoDatelineFirstLineASentence",
                  "Это предложение.\nВторое.",
                  {},
                  {},
                  {},
                  {"Это предложение.", "Второе."},
                  {}},
        PlainCase{"NoDatelineEllipsisTitle",
                  "Что дальше...\nТекст.",
                  "Что дальше...",
                  {},
                  {},
                  {"Текст."},
                  {}},
        // Only one line: no title (nothing follows it), it is the one paragraph.
        PlainCase{"OnlyATitleLine", "Заголовок\n", {}, {}, {}, {"Заголовок"}, {}},
        PlainCase{"OnlyASentence", "Просто текст.", {}, {}, {}, {"Просто текст."}, {}},
        // A title followed by related lines only: no body paragraphs.
        PlainCase{"TitleAndRelatedOnly",
                  "Заголовок\n- Связанная\n- Ещё одна",
                  "Заголовок",
                  {},
                  {},
                  {},
                  {"Связанная", "Ещё одна"}},
        // The title must be a single line: a hard-wrapped first block is a paragraph.
        PlainCase{"WrappedFirstBlockIsNoTitle",
                  "Заголовок\nв две строки\n\n" + kDlPara + "\nперенос.",
                  {},
                  {},
                  kDl,
                  {"Заголовок\nв две строки", kDlPara + "\nперенос."},
                  {}},
        // The example's layout with CRLF and a see-also block.
        PlainCase{"CrLfStory",
                  "Заголовок\r\nЛид\r\n" + kDlPara +
                      "\r\nВторой.\r\nЧитайте также:\r\n"
                      "- Первая\r\n- Вторая\r\n",
                  "Заголовок",
                  "Лид",
                  kDl,
                  {kDlPara, "Второй."},
                  {"Первая", "Вторая"}},
        // U+2029 between paragraphs (text pasted from a word processor).
        PlainCase{"ParagraphSeparators",
                  "Заголовок" + kParaSep + "Лид" + kParaSep + kDlPara + kParaSep + "- Связанная",
                  "Заголовок",
                  "Лид",
                  kDl,
                  {kDlPara},
                  {"Связанная"}}),
    [](const ::testing::TestParamInfo<PlainCase>& info) { return info.param.name; });

TEST(PlainTextStructure, TitleLengthLimits) {
  auto structure = [](const std::string& text) {
    Document doc;
    doc.text = text;
    StructurePlainText("story.txt", &doc);
    return doc;
  };
  const std::string t200 = Repeat("ж", 200), t201 = Repeat("ж", 201);
  const std::string t300 = Repeat("ж", 300), t301 = Repeat("ж", 301);
  // Without a dateline: at most 200 code points.
  Document d = structure(t200 + "\nТекст.");
  ASSERT_TRUE(d.title);
  EXPECT_EQ(d.Slice(*d.title), t200);
  d = structure(t201 + "\nТекст.");
  EXPECT_FALSE(d.title);
  EXPECT_EQ(TextsOf(d.text, d.paragraphs), (Texts{t201, "Текст."}));
  // With a dateline: at most 300.
  d = structure(t300 + "\n" + kDlPara);
  ASSERT_TRUE(d.title);
  EXPECT_EQ(d.Slice(*d.title), t300);
  ASSERT_TRUE(d.dateline);
  d = structure(t300 + "\nЛид\n" + kDlPara);
  ASSERT_TRUE(d.title);
  ASSERT_TRUE(d.lead);
  EXPECT_EQ(d.Slice(*d.lead), "Лид");
}

// docs/format.md (output) says "the dateline paragraph is the first" of `paragraphs`. When the
// line before the dateline is too long (or multi-line) to be a title, it "stays a paragraph"
// (docs, input part) — before the dateline paragraph, so the dateline paragraph is not first.
// The behaviour follows the input rules; this pins it.
TEST(PlainTextStructure, OverlongTitleStaysAParagraphBeforeTheDateline) {
  const std::string t301 = Repeat("ж", 301);
  Document d;
  d.text = t301 + "\n" + kDlPara;
  StructurePlainText("story.txt", &d);
  EXPECT_FALSE(d.title);
  EXPECT_FALSE(d.lead);
  ASSERT_TRUE(d.dateline);
  EXPECT_EQ(TextsOf(d.text, d.paragraphs), (Texts{t301, kDlPara}));
  // In line 3 with an unusable title: neither title nor lead; both stay paragraphs.
  d = Document();
  d.text = t301 + "\nЛид.\n" + kDlPara;
  StructurePlainText("story.txt", &d);
  EXPECT_FALSE(d.title);
  EXPECT_FALSE(d.lead);
  EXPECT_EQ(TextsOf(d.text, d.paragraphs), (Texts{t301, "Лид.", kDlPara}));
}

TEST(PlainTextStructure, DatelineYearFromTheFileName) {
  struct Case {
    const char* name;
    const char* date;
  };
  for (const Case& c : {Case{"tass-2017-05-01-x.txt", "2017-05-01"},
                        Case{"tass-2017-05-02-x.txt", "--05-01"},  // day differs
                        Case{"story.txt", "--05-01"}, Case{"dir/2016-05-01.txt", "2016-05-01"}}) {
    SCOPED_TRACE(c.name);
    Document d;
    d.text = "Заголовок\n" + kDlPara + " В 2015 году было иначе.";
    StructurePlainText(c.name, &d);
    ASSERT_TRUE(d.dateline);
    EXPECT_EQ(d.dateline->date, c.date);
    EXPECT_EQ(d.dateline->place, "Москва");
    EXPECT_EQ(d.dateline->agency, "ТАСС");
  }
}

}  // namespace
}  // namespace svodka
