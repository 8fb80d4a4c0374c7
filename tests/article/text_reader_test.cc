#include "article/text_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "article/reader.h"
#include "article/text_util.h"
#include "base/file.h"
#include "text/segmenter.h"

namespace svodka {
namespace {

std::vector<Document> ReadText(const std::string& text, const std::string& name = "story.txt") {
  std::vector<Document> docs;
  ReadOptions options;
  options.format = InputFormat::kText;
  Status s = ReadDocuments(
      text, name, options,
      [&](Document&& d) {
        docs.push_back(std::move(d));
        return true;
      },
      [](const Status& e) { ADD_FAILURE() << e.message(); });
  EXPECT_TRUE(s.ok());
  return docs;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

TEST(TextReader, TheExampleArticle) {
  const std::string path =
      std::string(SVODKA_TEST_SRCDIR) + "/examples/tass-2017-03-20-lavrov-kishida.txt";
  Result<std::string> bytes = ReadFile(path);
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  std::vector<std::string> lines = Lines(*bytes);
  ASSERT_EQ(lines.size(), 15u);

  std::vector<Document> docs;
  Status s = ReadDocumentsFromFile(
      path, {},
      [&](Document&& d) {
        docs.push_back(std::move(d));
        return true;
      },
      [](const Status& e) { ADD_FAILURE() << e.message(); });
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  EXPECT_EQ(doc.id, "tass-2017-03-20-lavrov-kishida");
  EXPECT_EQ(doc.text, *bytes);
  EXPECT_TRUE(doc.warnings.empty());
  ASSERT_TRUE(doc.title);
  EXPECT_EQ(doc.Slice(*doc.title), lines[0]);
  ASSERT_TRUE(doc.lead);
  EXPECT_EQ(doc.Slice(*doc.lead), lines[1]);
  ASSERT_TRUE(doc.dateline);
  EXPECT_EQ(doc.dateline->place, "Токио");
  EXPECT_EQ(doc.dateline->agency, "ТАСС");
  // The file name carries the date 2017-03-20, which agrees with "20 марта".
  EXPECT_EQ(doc.dateline->date, "2017-03-20");
  EXPECT_EQ(doc.Slice(doc.dateline->span), "ТОКИО, 20 марта. /ТАСС/.");
  // The dateline paragraph (line 3) and the 8 paragraphs after it (lines 4-11).
  ASSERT_EQ(doc.paragraphs.size(), 9u);
  for (size_t i = 0; i < 9; ++i) EXPECT_EQ(doc.Slice(doc.paragraphs[i]), lines[2 + i]);
  EXPECT_TRUE(doc.paragraphs[0].Contains(doc.dateline->span));
  ASSERT_EQ(doc.related.size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(doc.Slice(doc.related[i]), lines[11 + i].substr(2));
}

TEST(TextReader, ExampleWithoutDatedNameHasNoYear) {
  const std::string path =
      std::string(SVODKA_TEST_SRCDIR) + "/examples/tass-2017-03-20-lavrov-kishida.txt";
  Result<std::string> bytes = ReadFile(path);
  ASSERT_TRUE(bytes.ok());
  auto docs = ReadText(*bytes, "lavrov.txt");
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_TRUE(docs[0].dateline);
  EXPECT_EQ(docs[0].dateline->date, "--03-20");
  EXPECT_EQ(docs[0].id, "lavrov");
}

TEST(TextReader, CrlfSpansExcludeCarriageReturns) {
  std::string text =
      "Заголовок\r\nЛид статьи\r\nМОСКВА, 1 мая. /ТАСС/. Первый абзац.\r\nВторой абзац.\r\n"
      "- Связанный заголовок\r\n";
  auto docs = ReadText(text);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.text, text);
  EXPECT_EQ(d.Slice(*d.title), "Заголовок");
  EXPECT_EQ(d.Slice(*d.lead), "Лид статьи");
  ASSERT_EQ(d.paragraphs.size(), 2u);
  EXPECT_EQ(d.Slice(d.paragraphs[1]), "Второй абзац.");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(d.Slice(d.related[0]), "Связанный заголовок");
}

// Sentences as the pipeline makes them: each title, lead, paragraph and related headline on
// its own, in text order.
std::vector<std::string> PipelineSentences(const Document& d) {
  static const Segmenter* const kSegmenter = new Segmenter();
  std::vector<Span> fields;
  if (d.title) fields.push_back(*d.title);
  if (d.lead) fields.push_back(*d.lead);
  fields.insert(fields.end(), d.paragraphs.begin(), d.paragraphs.end());
  fields.insert(fields.end(), d.related.begin(), d.related.end());
  std::sort(fields.begin(), fields.end(), [](Span a, Span b) { return a.begin < b.begin; });
  std::vector<Token> tokens;
  std::vector<Span> sentences;
  for (Span f : fields) kSegmenter->Segment(d.text, f, &tokens, &sentences);
  std::vector<std::string> out;
  for (Span s : sentences) out.emplace_back(d.Slice(s));
  return out;
}

// No span may start or end with a line end character (nor contain one, for one-line fields).
void ExpectNoLineEnds(const Document& d) {
  std::vector<Span> one_line(d.paragraphs);
  if (d.title) one_line.push_back(*d.title);
  if (d.lead) one_line.push_back(*d.lead);
  one_line.insert(one_line.end(), d.related.begin(), d.related.end());
  for (Span s : one_line) EXPECT_FALSE(HasLineEnd(d.Slice(s))) << d.Slice(s);
}

// Issue 12: old Mac "\r", U+2028, U+2029 and NEL line ends lost all structure.
TEST(TextReader, ExampleWithOtherLineEnds) {
  const std::string path =
      std::string(SVODKA_TEST_SRCDIR) + "/examples/tass-2017-03-20-lavrov-kishida.txt";
  Result<std::string> bytes = ReadFile(path);
  ASSERT_TRUE(bytes.ok());
  auto lf_docs = ReadText(*bytes, "tass-2017-03-20-x.txt");
  ASSERT_EQ(lf_docs.size(), 1u);
  const Document& lf = lf_docs[0];
  const std::vector<std::string> lf_sentences = PipelineSentences(lf);
  ASSERT_EQ(lf.paragraphs.size(), 9u);
  ASSERT_EQ(lf.related.size(), 4u);
  ASSERT_EQ(lf_sentences.size(), 20u);
  for (std::string eol : {"\r", "\r\n", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\x85", "\f"}) {
    SCOPED_TRACE(::testing::PrintToString(eol));
    std::string text;
    for (char c : *bytes) c == '\n' ? text += eol : text += c;
    auto docs = ReadText(text, "tass-2017-03-20-x.txt");
    ASSERT_EQ(docs.size(), 1u);
    const Document& d = docs[0];
    EXPECT_EQ(d.text, text);  // byte for byte
    ASSERT_TRUE(d.title);
    EXPECT_EQ(d.Slice(*d.title), lf.Slice(*lf.title));
    ASSERT_TRUE(d.lead);
    EXPECT_EQ(d.Slice(*d.lead), lf.Slice(*lf.lead));
    ASSERT_TRUE(d.dateline);
    EXPECT_EQ(d.dateline->place, "Токио");
    EXPECT_EQ(d.dateline->date, "2017-03-20");
    EXPECT_EQ(d.Slice(d.dateline->span), "ТОКИО, 20 марта. /ТАСС/.");
    ASSERT_EQ(d.paragraphs.size(), lf.paragraphs.size());
    for (size_t i = 0; i < d.paragraphs.size(); ++i)
      EXPECT_EQ(d.Slice(d.paragraphs[i]), lf.Slice(lf.paragraphs[i]));
    ASSERT_EQ(d.related.size(), lf.related.size());
    for (size_t i = 0; i < d.related.size(); ++i)
      EXPECT_EQ(d.Slice(d.related[i]), lf.Slice(lf.related[i]));
    EXPECT_EQ(PipelineSentences(d), lf_sentences);
    ExpectNoLineEnds(d);
  }
}

TEST(TextReader, MixedLineEndsAndBlankLines) {
  // "\r\r\n" is two line ends (a lone "\r", then "\r\n"): a blank line, as Unicode and the
  // sentence splitter count it; here it separates two hard-wrapped blocks.
  std::string text =
      "Заголовок\xE2\x80\xA9\xE2\x80\xA9МОСКВА, 1 мая. /ТАСС/. Первый абзац,\rперенесённый.\r\r\n"
      "Второй абзац\xC2\x85тоже в две строки.\xE2\x80\xA8\xE2\x80\xA8- Связанная новость\r";
  auto docs = ReadText(text);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.Slice(*d.title), "Заголовок");
  ASSERT_TRUE(d.dateline);
  ASSERT_EQ(d.paragraphs.size(), 2u);
  EXPECT_EQ(d.Slice(d.paragraphs[0]), "МОСКВА, 1 мая. /ТАСС/. Первый абзац,\rперенесённый.");
  EXPECT_EQ(d.Slice(d.paragraphs[1]), "Второй абзац\xC2\x85тоже в две строки.");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(d.Slice(d.related[0]), "Связанная новость");
}

TEST(TextUtil, LineEnds) {
  const std::string s =
      "a\nb\r\nc\rd\xC2\x85"
      "e\xE2\x80\xA8"
      "f\xE2\x80\xA9g\fh\vi";
  std::vector<std::string> lines;
  for (size_t pos = 0;;) {
    size_t len;
    size_t e = FindLineEnd(s, pos, s.size(), &len);
    EXPECT_EQ(len, LineEndAt(s, e));
    lines.push_back(s.substr(pos, e - pos));
    if (len == 0) break;
    pos = e + len;
  }
  EXPECT_EQ(lines, (std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "h", "i"}));
  EXPECT_EQ(LineEndAt("\r\r\n", 0), 1u);
  EXPECT_EQ(LineEndAt("\r\r\n", 1), 2u);
  // Not line ends: other C2/E2 sequences (U+00A0, U+2026, U+202F), a cut sequence, tab.
  for (std::string_view t : {"\xC2\xA0", "\xE2\x80\xA6", "\xE2\x80\xAF", "\xE2\x80", "\t"})
    EXPECT_EQ(LineEndAt(t, 0), 0u);
  EXPECT_FALSE(HasLineEnd("без переводов строки\t\xC2\xA0…"));
  // Trimming drops the Unicode line ends like "\n", so no span has one at its edges.
  std::string t = "\xE2\x80\xA8 \xC2\x85слово\xE2\x80\xA9";
  Span trimmed = TrimSpan(t, {0, static_cast<uint32_t>(t.size())});
  EXPECT_EQ(t.substr(trimmed.begin, trimmed.size()), "слово");
}

TEST(TextReader, HardWrappedParagraphs) {
  std::string text =
      "Заголовок статьи\n\nМОСКВА, 1 мая. /ТАСС/. Первый абзац,\nперенесённый на вторую строку.\n\n"
      "Второй абзац\nтоже в две строки.\n\nЧитайте также:\n- Первый связанный\n- Второй "
      "связанный\n";
  auto docs = ReadText(text);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.Slice(*d.title), "Заголовок статьи");
  EXPECT_FALSE(d.lead);
  ASSERT_EQ(d.paragraphs.size(), 2u);
  EXPECT_EQ(d.Slice(d.paragraphs[0]),
            "МОСКВА, 1 мая. /ТАСС/. Первый абзац,\nперенесённый на вторую строку.");
  ASSERT_EQ(d.related.size(), 2u);
  EXPECT_EQ(d.Slice(d.related[1]), "Второй связанный");
}

TEST(TextReader, SeeAlsoInlineAndDialogueEnding) {
  std::string text =
      "Заголовок\nПервый абзац без даты.\nСм. также: Другая новость\n— Вы придёте?\n"
      "— Да, — ответил он.\n";
  auto docs = ReadText(text);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.Slice(*d.title), "Заголовок");
  EXPECT_FALSE(d.dateline);
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(d.Slice(d.related[0]), "Другая новость");
  // The dialogue lines stay paragraphs: the last one is attributed speech.
  ASSERT_EQ(d.paragraphs.size(), 3u);
  EXPECT_EQ(d.Slice(d.paragraphs[2]), "— Да, — ответил он.");
}

TEST(TextReader, NoHeadlineWhenFirstLineIsASentence) {
  auto docs = ReadText("Это просто текст.\nЕщё одна строка.\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].title);
  EXPECT_EQ(docs[0].paragraphs.size(), 2u);
  docs = ReadText("МОСКВА, 1 мая. /ТАСС/. Сразу с датой.\nДальше.");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].title);
  EXPECT_TRUE(docs[0].dateline);
}

TEST(TextReader, YearFromName) {
  EXPECT_EQ(YearFromName("tass-2017-03-20-x.txt", "--03-20"), 2017);
  EXPECT_EQ(YearFromName("tass-2017-03-21-x.txt", "--03-20"), std::nullopt);
  EXPECT_EQ(YearFromName("12017-03-20.txt", "--03-20"), std::nullopt);
  EXPECT_EQ(YearFromName("a.txt", "--03-20"), std::nullopt);
}

}  // namespace
}  // namespace svodka
