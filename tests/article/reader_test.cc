#include "article/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "base/file.h"
#include "read_all.h"

namespace svodka {
namespace {

using Output = testing::ReadAllResult;

Output Read(std::string_view bytes, const std::string& name, ReadOptions options = {}) {
  return testing::ReadAll(bytes, name, options);
}

Output ReadPath(const std::string& path, ReadOptions options = {}, Status* status = nullptr) {
  Output out;
  Status s = ReadDocumentsFromFile(
      path, options,
      [&](Document&& d) {
        out.docs.push_back(std::move(d));
        return true;
      },
      [&](const Status& e) { out.errors.push_back(e); });
  if (status)
    *status = s;
  else
    EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

std::string TempPath(const std::string& suffix) {
  return std::string(SVODKA_TEST_BINDIR) + "/article_test_" + std::to_string(::getpid()) + suffix;
}

TEST(Reader, ParseInputFormat) {
  EXPECT_EQ(*ParseInputFormat("jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(*ParseInputFormat("HTML"), InputFormat::kHtml);
  EXPECT_EQ(*ParseInputFormat("auto"), InputFormat::kAuto);
  Result<InputFormat> bad = ParseInputFormat("pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("\"pdf\""), std::string::npos);
  EXPECT_EQ(FormatFromExtension("a/b.NDJSON"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromExtension("a.b/c"), InputFormat::kAuto);
  EXPECT_EQ(SniffFormat("\xEF\xBB\xBF<!doctype html><p>x"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("<b>Жирный</b> заголовок"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("Заголовок\nТекст"), InputFormat::kText);
}

TEST(Reader, InvalidUtf8WarningOffset) {
  std::string text = "Заголовок\nМОСКВА, 1 мая. /ТАСС/. Плохой \xC3 байт.\nЕщё.";
  size_t bad = text.find('\xC3');
  auto out = Read(text, "bad.txt");
  ASSERT_EQ(out.docs.size(), 1u);
  const Document& d = out.docs[0];
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_EQ(d.warnings[0],
            "bad.txt: byte " + std::to_string(bad) + ": invalid UTF-8 replaced with U+FFFD");
  EXPECT_NE(d.text.find("Плохой \xEF\xBF\xBD байт."), std::string::npos);
  EXPECT_EQ(d.paragraphs.size(), 2u);
}

TEST(Reader, EmptyInput) {
  for (const char* empty : {"", "  \n\r\n\t", "\xEF\xBB\xBF\n"}) {
    for (const char* name : {"e.txt", "e.json", "e.jsonl", "e.html", "e"}) {
      SCOPED_TRACE(name);
      auto out = Read(empty, name);
      EXPECT_TRUE(out.docs.empty());
      ASSERT_EQ(out.errors.size(), 1u);
      EXPECT_EQ(out.errors[0].message(), std::string(name) + ": empty file, nothing to analyse");
    }
  }
}

TEST(Reader, BinaryInput) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  auto out = Read(png, "img.txt");
  EXPECT_TRUE(out.docs.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].message().rfind("img.txt: byte 8: NUL byte: binary data", 0), 0u);
  // UTF-16 has NULs too.
  out = Read(std::string("\xFF\xFEM\0o\0", 6), "u16.txt");
  ASSERT_EQ(out.errors.size(), 1u);
  // Windows-1251 text: mostly invalid UTF-8.
  std::string cp1251;
  for (int i = 0; i < 40; ++i) cp1251 += "\xCC\xEE\xF1\xEA\xE2\xE0 ";
  out = Read(cp1251, "legacy.txt");
  EXPECT_TRUE(out.docs.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("not UTF-8"), std::string::npos);
  // Binary JSONL is refused once, not line by line.
  out = Read(png + "\n" + png, "x.jsonl");
  EXPECT_TRUE(out.docs.empty());
  EXPECT_EQ(out.errors.size(), 1u);
}

TEST(Reader, SizeLimit) {
  ReadOptions options;
  options.max_document_bytes = 64;
  auto out = Read(std::string(100, 'a'), "big.txt", options);
  EXPECT_TRUE(out.docs.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(out.errors[0].message(),
            "big.txt: 100 bytes is over the limit of 64 bytes per document");
  // JSONL: the long line is skipped, the others go on.
  std::string jsonl =
      "{\"text\":\"a\"}\n{\"text\":\"" + std::string(100, 'b') + "\"}\n{\"text\":\"c\"}\n";
  out = Read(jsonl, "f.jsonl", options);
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[1].id, "f:3");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(out.errors[0].message().rfind("f.jsonl: line 2: 111 bytes is over the limit", 0), 0u)
      << out.errors[0].message();
}

TEST(Reader, MissingFileIsReturned) {
  Status s;
  auto out = ReadPath("/nonexistent/x.txt", {}, &s);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find("/nonexistent/x.txt"), std::string::npos);
  s = Status();
  ReadPath(SVODKA_TEST_SRCDIR, {}, &s);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

TEST(Reader, StreamsLargeJsonlFileAcrossChunks) {
  // Lines that straddle the 64 KiB read chunks, a long line over the limit, sniffed format.
  std::string path = TempPath(".data");
  std::string data;
  const int kLines = 3000;
  for (int i = 1; i <= kLines; ++i) {
    std::string body(static_cast<size_t>(i % 97) * 7, 'x');
    if (i == 1500) body = std::string(300000, 'y');
    data += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"" + body + "z\"}\n";
  }
  ASSERT_TRUE(WriteFile(path, data).ok());
  ReadOptions options;
  options.max_document_bytes = 200000;
  size_t count = 0;
  bool order_ok = true;
  std::vector<Status> errors;
  Status s = ReadDocumentsFromFile(
      path, options,
      [&](Document&& d) {
        ++count;
        int expect = static_cast<int>(count) + (count >= 1500 ? 1 : 0);
        order_ok = order_ok && d.id == "d" + std::to_string(expect) && d.text.back() == 'z';
        return true;
      },
      [&](const Status& e) { errors.push_back(e); });
  std::remove(path.c_str());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(count, static_cast<size_t>(kLines - 1));
  EXPECT_TRUE(order_ok);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message().find(": line 1500: "), std::string::npos);
}

TEST(Reader, SinkCanStop) {
  int n = 0;
  Status s = ReadDocuments(
      "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n", "s.jsonl", {},
      [&](Document&&) { return ++n < 2; }, [](const Status&) {});
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(n, 2);
}

TEST(Reader, HtmlByContent) {
  auto out = Read("<!DOCTYPE html><title>Т</title><p>Абзац.</p>", "page");
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].text, "Т\n\nАбзац.");
}

}  // namespace
}  // namespace svodka
