// Tests of src/article/compose.h: the document text of field-based sources (JSON, HTML),
//
//   text = title + "\n\n" + lead + "\n\n" + body,
//
// absent or blank parts left out with their separators, title and lead trimmed, the body kept
// as given; the spans of title and lead; paragraphs, related headlines and the dateline from
// the body (structure.h, dateline.h) with the year of `published`; UTF-8 repair warnings.
// Checked against compose.h and docs/format.md ("JSON and JSONL").
#include "article/compose.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace svodka {
namespace {

using Texts = std::vector<std::string>;
using Spans = std::vector<Span>;

const std::string kNbsp = "\xC2\xA0";         // U+00A0 NO-BREAK SPACE
const std::string kLineSep = "\xE2\x80\xA8";  // U+2028 LINE SEPARATOR
const std::string kBom = "\xEF\xBB\xBF";      // U+FEFF
const std::string kFffd = "\xEF\xBF\xBD";     // U+FFFD REPLACEMENT CHARACTER

Document Compose(const std::string& title, const std::string& lead, const std::string& body,
                 std::optional<std::string> published = std::nullopt) {
  Document doc;
  doc.published = std::move(published);
  ComposeDocument("in.json", title, lead, body, &doc);
  return doc;
}

Texts TextsOf(const Document& d, const Spans& spans) {
  Texts out;
  for (Span s : spans) out.emplace_back(d.Slice(s));
  return out;
}

// Every span lies inside the text on character boundaries.
void ExpectValidSpans(const Document& d) {
  Spans all(d.paragraphs);
  all.insert(all.end(), d.related.begin(), d.related.end());
  if (d.title) all.push_back(*d.title);
  if (d.lead) all.push_back(*d.lead);
  if (d.dateline) all.push_back(d.dateline->span);
  for (Span s : all) {
    ASSERT_LE(s.begin, s.end);
    ASSERT_LE(s.end, d.text.size());
    for (uint32_t edge : {s.begin, s.end}) {
      if (edge < d.text.size()) {
        EXPECT_NE(static_cast<unsigned char>(d.text[edge]) & 0xC0, 0x80) << "mid-character";
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Composition: which parts, which separators, which spans.

struct ComposeCase {
  const char* name;
  std::string title, lead, body;
  std::string text;
  std::optional<Span> title_span, lead_span;
  Spans paragraphs;
};

void PrintTo(const ComposeCase& c, std::ostream* os) { *os << c.name; }

class ComposeParts : public ::testing::TestWithParam<ComposeCase> {};

TEST_P(ComposeParts, TextAndSpans) {
  const ComposeCase& c = GetParam();
  Document d = Compose(c.title, c.lead, c.body);
  EXPECT_EQ(d.text, c.text);
  EXPECT_EQ(d.title, c.title_span);
  EXPECT_EQ(d.lead, c.lead_span);
  EXPECT_EQ(d.paragraphs, c.paragraphs);
  EXPECT_TRUE(d.related.empty());
  EXPECT_FALSE(d.dateline);
  EXPECT_TRUE(d.warnings.empty());
  ExpectValidSpans(d);
}

INSTANTIATE_TEST_SUITE_P(
    Parts, ComposeParts,
    ::testing::Values(
        ComposeCase{"All",
                    "Title",
                    "Lead",
                    "Body.",
                    "Title\n\nLead\n\nBody.",
                    Span{0, 5},
                    Span{7, 11},
                    {{13, 18}}},
        ComposeCase{"TitleOnly", "Title", "", "", "Title", Span{0, 5}, {}, {}},
        ComposeCase{"LeadOnly", "", "Lead", "", "Lead", {}, Span{0, 4}, {}},
        ComposeCase{"BodyOnly", "", "", "Body.", "Body.", {}, {}, {{0, 5}}},
        ComposeCase{
            "TitleAndLead", "Title", "Lead", "", "Title\n\nLead", Span{0, 5}, Span{7, 11}, {}},
        ComposeCase{
            "TitleAndBody", "Title", "", "Body.", "Title\n\nBody.", Span{0, 5}, {}, {{7, 12}}},
        ComposeCase{"LeadAndBody", "", "Lead", "Body.", "Lead\n\nBody.", {}, Span{0, 4}, {{6, 11}}},
        ComposeCase{"Nothing", "", "", "", "", {}, {}, {}},
        // Blank parts count as absent, separators included.
        ComposeCase{"AllBlank", " \t\n", "\r\n ", "  \n\n " + kNbsp, "", {}, {}, {}},
        ComposeCase{
            "BlankTitle", "   ", "Lead", "Body.", "Lead\n\nBody.", {}, Span{0, 4}, {{6, 11}}},
        ComposeCase{
            "BlankLead", "Title", "\n", "Body.", "Title\n\nBody.", Span{0, 5}, {}, {{7, 12}}},
        ComposeCase{
            "BlankBody", "Title", "Lead", "\n \n", "Title\n\nLead", Span{0, 5}, Span{7, 11}, {}},
        // Title and lead are trimmed of every kind of whitespace: spaces, tabs, line ends,
        // U+00A0, U+2028, a byte order mark.
        ComposeCase{"TitleAndLeadTrimmed",
                    " \tTitle \n",
                    kNbsp + "Lead" + kLineSep,
                    "Body.",
                    "Title\n\nLead\n\nBody.",
                    Span{0, 5},
                    Span{7, 11},
                    {{13, 18}}},
        ComposeCase{"BomTrimmed",
                    kBom + "Title",
                    "Lead" + kBom,
                    "",
                    "Title\n\nLead",
                    Span{0, 5},
                    Span{7, 11},
                    {}},
        // Inner whitespace and inner line breaks stay: the span covers the whole part.
        ComposeCase{"InnerWhitespaceKept",
                    "Two  words",
                    "Line one\nline two",
                    "",
                    "Two  words\n\nLine one\nline two",
                    Span{0, 10},
                    Span{12, 29},
                    {}},
        // The body is kept as given, surrounding whitespace and line ends included; its
        // paragraphs are trimmed.
        ComposeCase{"BodyKeptAsGiven",
                    "Title",
                    "",
                    "\n  Body.\n\n",
                    "Title\n\n\n  Body.\n\n",
                    Span{0, 5},
                    {},
                    {{10, 15}}},
        ComposeCase{"BodyCrLf",
                    "",
                    "Lead",
                    "One.\r\nTwo.\r\n",
                    "Lead\n\nOne.\r\nTwo.\r\n",
                    {},
                    Span{0, 4},
                    {{6, 10}, {12, 16}}},
        // Parts are never re-read as text: a title with a period stays the title, and the
        // body's first line never becomes one (no title rule for composed documents).
        ComposeCase{
            "TitleWithPeriod", "Title.", "", "Body.", "Title.\n\nBody.", Span{0, 6}, {}, {{8, 13}}},
        ComposeCase{"BodyFirstLineIsNoTitle",
                    "",
                    "",
                    "Headline\nBody.",
                    "Headline\nBody.",
                    {},
                    {},
                    {{0, 8}, {9, 14}}}),
    [](const ::testing::TestParamInfo<ComposeCase>& info) { return info.param.name; });

TEST(Compose, TitleLongerThanTheTextLimitsStaysTheTitle) {
  // The 200/300-character limits are for telling a title in plain text; a title field is a
  // title whatever its length.
  std::string title;
  for (int i = 0; i < 1000; ++i) title += "ж";
  Document d = Compose(title, "", "Body.");
  ASSERT_TRUE(d.title);
  EXPECT_EQ(*d.title, (Span{0, 2000}));
  EXPECT_EQ(d.paragraphs, (Spans{{2002, 2007}}));
}

TEST(Compose, CyrillicSpansAreBytes) {
  Document d = Compose(" Заголовок ", "Лид", "Текст.");
  EXPECT_EQ(d.text, "Заголовок\n\nЛид\n\nТекст.");
  EXPECT_EQ(d.title, (Span{0, 18}));
  EXPECT_EQ(d.lead, (Span{20, 26}));
  EXPECT_EQ(d.paragraphs, (Spans{{28, 39}}));
}

// ---------------------------------------------------------------------------------------------
// The body's structure: paragraphs, related headlines and the dateline.

TEST(Compose, BodyParagraphsRelatedAndDateline) {
  Document d = Compose("Заголовок", "Лид",
                       "МОСКВА, 1 мая. /ТАСС/. Первый абзац.\nВторой абзац.\n- Связанная новость",
                       "2017-05-01T10:00:00+03:00");
  EXPECT_EQ(d.text,
            "Заголовок\n\nЛид\n\nМОСКВА, 1 мая. /ТАСС/. Первый абзац.\nВторой абзац.\n"
            "- Связанная новость");
  EXPECT_EQ(TextsOf(d, d.paragraphs),
            (Texts{"МОСКВА, 1 мая. /ТАСС/. Первый абзац.", "Второй абзац."}));
  EXPECT_EQ(TextsOf(d, d.related), (Texts{"Связанная новость"}));
  ASSERT_TRUE(d.dateline);
  // The body starts at byte 28; the dateline "МОСКВА, 1 мая. /ТАСС/." is 35 bytes.
  EXPECT_EQ(d.dateline->span, (Span{28, 63}));
  EXPECT_EQ(d.Slice(d.dateline->span), "МОСКВА, 1 мая. /ТАСС/.");
  EXPECT_EQ(d.dateline->place, "Москва");
  EXPECT_EQ(d.dateline->agency, "ТАСС");
  EXPECT_EQ(d.dateline->date, "2017-05-01");
  EXPECT_EQ(d.published, "2017-05-01T10:00:00+03:00");  // passed through
  ExpectValidSpans(d);
}

struct BodyCase {
  const char* name;
  std::string title, body;
  Texts paragraphs, related;
  std::optional<std::string> dateline;
};

void PrintTo(const BodyCase& c, std::ostream* os) { *os << c.name; }

class ComposeBody : public ::testing::TestWithParam<BodyCase> {};

TEST_P(ComposeBody, Structure) {
  const BodyCase& c = GetParam();
  Document d = Compose(c.title, "", c.body);
  EXPECT_EQ(TextsOf(d, d.paragraphs), c.paragraphs);
  EXPECT_EQ(TextsOf(d, d.related), c.related);
  EXPECT_EQ(d.dateline ? std::optional<std::string>(d.Slice(d.dateline->span)) : std::nullopt,
            c.dateline);
  ExpectValidSpans(d);
}

INSTANTIATE_TEST_SUITE_P(
    Bodies, ComposeBody,
    ::testing::Values(
        BodyCase{"Empty", "Заголовок", "", {}, {}, {}},
        BodyCase{"HardWrapped",
                 "Заголовок",
                 "Первый абзац,\nперенесённый.\n\nВторой.\n\n- Первая\n- Вторая",
                 {"Первый абзац,\nперенесённый.", "Второй."},
                 {"Первая", "Вторая"},
                 {}},
        BodyCase{"SeeAlsoInline",
                 "Заголовок",
                 "Текст.\nЧитайте также: Новость\nКонец.",
                 {"Текст.", "Конец."},
                 {"Новость"},
                 {}},
        BodyCase{"SeeAlsoBlock",
                 "Заголовок",
                 "Текст.\n\nСм. также:\nПервая\nВторая",
                 {"Текст."},
                 {"Первая", "Вторая"},
                 {}},
        BodyCase{"DialogueEnding",
                 "Заголовок",
                 "Текст.\n— Вы придёте?\n— Да, — сказал он",
                 {"Текст.", "— Вы придёте?", "— Да, — сказал он"},
                 {},
                 {}},
        BodyCase{"OnlyRelated", "Заголовок", "- Первая\n- Вторая", {}, {"Первая", "Вторая"}, {}},
        // The title's "\n\n" does not make the body hard-wrapped: the region is the body.
        BodyCase{"TitleSeparatorIsNotABlankLineOfTheBody",
                 "Заголовок",
                 "Первая\nВторая",
                 {"Первая", "Вторая"},
                 {},
                 {}},
        // The dateline is looked for at the start of the first paragraph only.
        BodyCase{"DatelineInFirstParagraph",
                 "",
                 "\n  ЛОНДОН (Reuters) - Текст.\nДальше.",
                 {"ЛОНДОН (Reuters) - Текст.", "Дальше."},
                 {},
                 "ЛОНДОН (Reuters) -"},
        BodyCase{"DatelineInSecondParagraphIgnored",
                 "Заголовок",
                 "Вступление.\nМОСКВА, 1 мая. /ТАСС/. Текст.",
                 {"Вступление.", "МОСКВА, 1 мая. /ТАСС/. Текст."},
                 {},
                 {}},
        BodyCase{"DatelineInTitleIgnored", "МОСКВА, 1 мая. /ТАСС/.", "Текст.", {"Текст."}, {}, {}},
        // Related lines go first, so the first paragraph is the first non-related one.
        BodyCase{"DatelineAfterSeeAlso",
                 "",
                 "Читайте также: Новость\nМОСКВА, 1 мая. /ТАСС/. Текст.",
                 {"МОСКВА, 1 мая. /ТАСС/. Текст."},
                 {"Новость"},
                 "МОСКВА, 1 мая. /ТАСС/."},
        BodyCase{"MixedLineEnds",
                 "Заголовок",
                 "МОСКВА, 1 мая. /ТАСС/. Первый.\r\nВторой.\rТретий." + kLineSep + "- Связанная",
                 {"МОСКВА, 1 мая. /ТАСС/. Первый.", "Второй.", "Третий."},
                 {"Связанная"},
                 "МОСКВА, 1 мая. /ТАСС/."}),
    [](const ::testing::TestParamInfo<BodyCase>& info) { return info.param.name; });

// ---------------------------------------------------------------------------------------------
// The dateline's year from `published`.

struct YearCase {
  const char* name;
  std::optional<std::string> published;
  std::string dateline;
  std::string date;
};

void PrintTo(const YearCase& c, std::ostream* os) { *os << c.name; }

class ComposeDatelineYear : public ::testing::TestWithParam<YearCase> {};

TEST_P(ComposeDatelineYear, Date) {
  const YearCase& c = GetParam();
  Document d = Compose("Заголовок", "", c.dateline + " Текст.", c.published);
  ASSERT_TRUE(d.dateline);
  EXPECT_EQ(d.dateline->date, c.date);
  EXPECT_EQ(d.published, c.published);  // passed through as given
}

INSTANTIATE_TEST_SUITE_P(
    Published, ComposeDatelineYear,
    ::testing::Values(
        YearCase{"Absent", std::nullopt, "МОСКВА, 1 мая. /ТАСС/.", "--05-01"},
        YearCase{"Iso", "2017-03-20T10:15:00+03:00", "ТОКИО, 20 марта. /ТАСС/.", "2017-03-20"},
        YearCase{"IsoDateOnly", "2019-05-02", "МОСКВА, 1 мая. /ТАСС/.", "2019-05-01"},
        YearCase{"Rfc822", "Mon, 20 Mar 2017 10:15:00 +0300", "ТОКИО, 20 марта. /ТАСС/.",
                 "2017-03-20"},
        YearCase{"YearOnly", "2017", "МОСКВА, 1 мая. /ТАСС/.", "2017-05-01"},
        // A December dateline in a story published in January: the year before.
        YearCase{"NewYear", "2018-01-01T09:00:00Z", "МОСКВА, 31 декабря. /ТАСС/.", "2017-12-31"},
        // No 4-digit year in 1900-2099: no year.
        YearCase{"NoYear", "вчера", "МОСКВА, 1 мая. /ТАСС/.", "--05-01"},
        YearCase{"YearOutOfRange", "1899-05-01", "МОСКВА, 1 мая. /ТАСС/.", "--05-01"},
        YearCase{"DigitsRun", "20170501", "МОСКВА, 1 мая. /ТАСС/.", "--05-01"},
        YearCase{"Empty", "", "МОСКВА, 1 мая. /ТАСС/.", "--05-01"},
        // A year written in the dateline wins.
        YearCase{"YearInDateline", "2019-05-01", "MOSCOW, May 1, 2015 (Reuters) -", "2015-05-01"},
        // A dateline without a date has none, whatever `published` says.
        YearCase{"NoDateInDateline", "2019-05-01", "LONDON (Reuters) -", ""}),
    [](const ::testing::TestParamInfo<YearCase>& info) { return info.param.name; });

// The new-year rule needs the publication month, and MonthOf reads ISO 8601 only; an RFC 822
// `published` (RSS pubDate, one of the JSON field names for `published`) gives the year but
// no month, so a "31 декабря" dateline in a story published on 1 January gets the
// publication's year. Input: published "Mon, 01 Jan 2018 09:00:00 +0000", body
// "МОСКВА, 31 декабря. /ТАСС/. Текст." Expected date "2017-12-31"; actual "2018-12-31".
TEST(Compose, NewYearRuleWithRfc822Published) {
  Document d = Compose("Заголовок", "", "МОСКВА, 31 декабря. /ТАСС/. Текст.",
                       "Mon, 01 Jan 2018 09:00:00 +0000");
  ASSERT_TRUE(d.dateline);
  EXPECT_EQ(d.dateline->date, "2017-12-31");
}

// ---------------------------------------------------------------------------------------------
// What ComposeDocument sets and what it leaves alone.

TEST(Compose, ResetsEveryFieldItSets) {
  Document d = Compose("Старый", "Лид", "МОСКВА, 1 мая. /ТАСС/. Текст.\n- Связанная");
  ASSERT_TRUE(d.title && d.lead && d.dateline);
  ASSERT_EQ(d.related.size(), 1u);
  ComposeDocument("in.json", "", "", "Только текст.", &d);
  EXPECT_EQ(d.text, "Только текст.");
  EXPECT_FALSE(d.title);
  EXPECT_FALSE(d.lead);
  EXPECT_FALSE(d.dateline);
  EXPECT_TRUE(d.related.empty());
  EXPECT_EQ(d.paragraphs, (Spans{{0, 24}}));
}

TEST(Compose, LeavesOtherFieldsAlone) {
  Document d;
  d.id = "a1";
  d.url = "https://example.ru/a1";
  d.published = "2017-05-01";
  d.metadata = {{"views", "12"}};
  d.warnings = {"earlier warning"};
  d.sentences = {{0, 1}};
  ComposeDocument("in.json", "Title", "", "Body.", &d);
  EXPECT_EQ(d.id, "a1");
  EXPECT_EQ(d.url, "https://example.ru/a1");
  EXPECT_EQ(d.published, "2017-05-01");
  ASSERT_EQ(d.metadata.size(), 1u);
  EXPECT_EQ(d.warnings, (std::vector<std::string>{"earlier warning"}));
  EXPECT_EQ(d.sentences, (Spans{{0, 1}}));
}

// ---------------------------------------------------------------------------------------------
// Invalid UTF-8: repaired to U+FFFD, one warning naming the byte offset in the composed text.

struct Utf8Case {
  const char* name;
  std::string title, lead, body;
  std::string text;
  std::string warning;
};

void PrintTo(const Utf8Case& c, std::ostream* os) { *os << c.name; }

class ComposeUtf8 : public ::testing::TestWithParam<Utf8Case> {};

TEST_P(ComposeUtf8, RepairedWithWarning) {
  const Utf8Case& c = GetParam();
  Document d = Compose(c.title, c.lead, c.body);
  EXPECT_EQ(d.text, c.text);
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_EQ(d.warnings[0], c.warning);
  ExpectValidSpans(d);
}

INSTANTIATE_TEST_SUITE_P(
    Parts, ComposeUtf8,
    ::testing::Values(
        // "Ti" + a lone lead byte + "tle": the bad byte is at 2.
        Utf8Case{"InTitle", "Ti\xC3tle", "Lead", "", "Ti" + kFffd + "tle\n\nLead",
                 "in.json: byte 2: invalid UTF-8 replaced with U+FFFD"},
        // Offsets are in the composed text: "Title\n\n" + "Le" = 9.
        Utf8Case{"InLead", "Title",
                 "Le\xE2\x80"
                 "ad",
                 "", "Title\n\nLe" + kFffd + "ad",
                 "in.json: byte 9: invalid UTF-8 replaced with U+FFFD"},
        // "Title\n\n" + "Body " = 12.
        Utf8Case{"InBody", "Title", "", "Body \xFF.", "Title\n\nBody " + kFffd + ".",
                 "in.json: byte 12: invalid UTF-8 replaced with U+FFFD"},
        // After trimming the title's spaces the bad byte is at 0.
        Utf8Case{"TrimmedTitleOfOneBadByte", "  \xFF  ", "", "Body.", kFffd + "\n\nBody.",
                 "in.json: byte 0: invalid UTF-8 replaced with U+FFFD"},
        // A surrogate encoded in UTF-8 (ED A0 80) is ill-formed: three bytes, three U+FFFD
        // (maximal subparts); the first is reported, with the count (docs/format.md).
        Utf8Case{"EncodedSurrogate", "", "", "A\xED\xA0\x80Z", "A" + kFffd + kFffd + kFffd + "Z",
                 "in.json: byte 1: invalid UTF-8 replaced with U+FFFD (3 sequences)"}),
    [](const ::testing::TestParamInfo<Utf8Case>& info) { return info.param.name; });

TEST(Compose, ValidTextHasNoWarning) {
  Document d = Compose("Заголовок " + kFffd, "Лид", "Текст с U+FFFD: " + kFffd);  // a real U+FFFD
  EXPECT_TRUE(d.warnings.empty());
}

TEST(Compose, SeveralBadSequencesGiveOneWarningWithTheFirstOffset) {
  Document d = Compose("A\xFF", "", "B\xFF\xFE");
  EXPECT_EQ(d.text, "A" + kFffd + "\n\nB" + kFffd + kFffd);
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_EQ(d.warnings[0].rfind("in.json: byte 1: invalid UTF-8 replaced with U+FFFD", 0), 0u)
      << d.warnings[0];
}

// docs/format.md ("Checks common to all formats"): "`(K sequences)` is appended when there are
// several". The plain-text/JSON readers do so (reader.cc); ComposeDocument does not.
// Expected: "in.json: byte 1: invalid UTF-8 replaced with U+FFFD (3 sequences)".
TEST(Compose, WarningCountsTheSequences) {
  Document d = Compose("A\xFF", "", "B\xFF\xFE");
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_EQ(d.warnings[0], "in.json: byte 1: invalid UTF-8 replaced with U+FFFD (3 sequences)");
}

// compose.h promises title/lead spans that select their parts and a dateline parsed at the
// start of the first body paragraph. After a repair, ComposeDocument "gives up exact part
// boundaries": the title and lead are dropped and the whole text (title and lead included) is
// split as body, so the title becomes the first paragraph and the dateline is looked for in it
// and lost. The parts could be repaired one by one before composing, keeping every boundary.
// Input: title "Заголовок", lead "Лид", body "МОСКВА, 1 мая. /ТАСС/. Текст \xFF." Expected:
// title [0, 18), lead [20, 26), paragraphs ["МОСКВА, 1 мая. /ТАСС/. Текст \uFFFD."], dateline
// "МОСКВА, 1 мая. /ТАСС/.". Actual: no title, no lead, paragraphs ["Заголовок", "Лид",
// "МОСКВА, ..."], no dateline.
TEST(Compose, RepairKeepsTitleLeadAndDateline) {
  Document d = Compose("Заголовок", "Лид", "МОСКВА, 1 мая. /ТАСС/. Текст \xFF.");
  EXPECT_EQ(d.text, "Заголовок\n\nЛид\n\nМОСКВА, 1 мая. /ТАСС/. Текст " + kFffd + ".");
  EXPECT_EQ(d.title, (Span{0, 18}));
  EXPECT_EQ(d.lead, (Span{20, 26}));
  EXPECT_EQ(TextsOf(d, d.paragraphs), (Texts{"МОСКВА, 1 мая. /ТАСС/. Текст " + kFffd + "."}));
  ASSERT_TRUE(d.dateline);
  EXPECT_EQ(d.Slice(d.dateline->span), "МОСКВА, 1 мая. /ТАСС/.");
}

}  // namespace
}  // namespace svodka
