#include "article/text_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "article/reader.h"
#include "base/file.h"

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
