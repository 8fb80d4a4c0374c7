#include "article/json_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "article/reader.h"
#include "read_all.h"

namespace svodka {
namespace {

using testing::ReadAll;
using testing::ReadAllResult;

ReadAllResult Read(const std::string& bytes, const std::string& name) { return ReadAll(bytes, name); }

TEST(JsonReader, ObjectComposesTitleLeadText) {
  auto out = Read(R"({"id": "a1", "url": "https://x.ru/a1", "title": " Заголовок ",
    "lead": "Лид", "text": "ТОКИО, 20 марта. /ТАСС/. Первый.\nВторой.\n- Связанная новость",
    "published": "2017-03-20T10:15:00+03:00", "rubric": {"name": "политика"}, "tags": ["a", 1],
    "views": 12})",
                  "in.json");
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].message();
  ASSERT_EQ(out.docs.size(), 1u);
  const Document& d = out.docs[0];
  EXPECT_EQ(d.id, "a1");
  EXPECT_EQ(d.url, "https://x.ru/a1");
  EXPECT_EQ(d.text,
            "Заголовок\n\nЛид\n\nТОКИО, 20 марта. /ТАСС/. Первый.\nВторой.\n- Связанная новость");
  EXPECT_EQ(d.Slice(*d.title), "Заголовок");
  EXPECT_EQ(d.Slice(*d.lead), "Лид");
  ASSERT_EQ(d.paragraphs.size(), 2u);
  EXPECT_EQ(d.Slice(d.paragraphs[1]), "Второй.");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(d.Slice(d.related[0]), "Связанная новость");
  ASSERT_TRUE(d.dateline);
  EXPECT_EQ(d.dateline->date, "2017-03-20");  // year from published
  EXPECT_EQ(d.published, "2017-03-20T10:15:00+03:00");
  ASSERT_EQ(d.metadata.size(), 3u);
  EXPECT_EQ(d.metadata[0].first, "rubric");
  EXPECT_EQ(d.metadata[0].second, R"({"name": "политика"})");
  EXPECT_EQ(d.metadata[1].second, R"(["a", 1])");
  EXPECT_EQ(d.metadata[2].second, "12");
}

TEST(JsonReader, AliasesAndPreference) {
  auto out = Read(R"({"headline": "H", "body": "B1", "content": "C", "text": "T",
                      "date": "2020-01-02", "description": "D", "id": 17})",
                  "x.json");
  ASSERT_EQ(out.docs.size(), 1u);
  const Document& d = out.docs[0];
  EXPECT_EQ(d.id, "17");
  EXPECT_EQ(d.text, "H\n\nD\n\nT");
  EXPECT_EQ(d.published, "2020-01-02");
  // The losers are kept verbatim.
  ASSERT_EQ(d.metadata.size(), 2u);
  EXPECT_EQ(d.metadata[0].first, "body");
  EXPECT_EQ(d.metadata[0].second, "\"B1\"");
  EXPECT_EQ(d.metadata[1].first, "content");
}

TEST(JsonReader, ArrayIdsAndBadElements) {
  auto out =
      Read(R"([{"text": "один"}, 5, {"foo": 1}, {"title": "три", "id": "z"}])", "dir/arr.json");
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, "arr:1");
  EXPECT_EQ(out.docs[1].id, "z");
  ASSERT_EQ(out.errors.size(), 2u);
  EXPECT_NE(out.errors[0].message().find("dir/arr.json: byte 23: element 2: not a JSON object"),
            std::string::npos)
      << out.errors[0].message();
  EXPECT_NE(out.errors[1].message().find("element 3: record has no title, lead or text"),
            std::string::npos)
      << out.errors[1].message();
}

TEST(JsonReader, TruncatedJsonNamesFileAndOffset) {
  for (const char* bad : {R"({"title": "a", "text": "b)", R"([{"text": "a"}, {"text": )",
                          R"({"text": "a"} x)", R"({"text": tru})", "[{\"text\": \"a\"}"}) {
    SCOPED_TRACE(bad);
    auto out = Read(bad, "t.json");
    EXPECT_TRUE(out.docs.empty());
    ASSERT_EQ(out.errors.size(), 1u);
    EXPECT_EQ(out.errors[0].message().rfind("t.json: byte ", 0), 0u) << out.errors[0].message();
    EXPECT_EQ(out.errors[0].code(), StatusCode::kInvalidArgument);
  }
}

TEST(JsonReader, JsonlOneBadLineAmongGood) {
  std::string jsonl =
      "{\"text\": \"первый\"}\n"
      "\n"
      "{\"text\": \"второй\", \"id\": \"b\"}\n"
      "{\"text\": \"сломан\n"
      "{\"text\": \"четвёртый\"}";
  auto out = Read(jsonl, "feed.jsonl");
  ASSERT_EQ(out.docs.size(), 3u);
  EXPECT_EQ(out.docs[0].id, "feed:1");
  EXPECT_EQ(out.docs[1].id, "b");
  EXPECT_EQ(out.docs[2].id, "feed:5");
  EXPECT_EQ(out.docs[2].text, "четвёртый");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].message().rfind("feed.jsonl: line 4: ", 0), 0u)
      << out.errors[0].message();
}

TEST(JsonReader, JsonlSniffedWithoutExtension) {
  EXPECT_EQ(SniffFormat("{\"a\":1}\n{\"a\":2}\n"), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("{\n \"a\": 1\n}\n"), InputFormat::kJson);
  EXPECT_EQ(SniffFormat("  [1]"), InputFormat::kJson);
  auto out = Read("{\"text\":\"a\"}\n{\"text\":\"b\"}\n", "-");
  EXPECT_EQ(out.docs.size(), 2u);
}

TEST(JsonReader, InvalidUtf8IsRepairedWithWarning) {
  std::string line1 = "{\"text\": \"ok\"}\n";
  std::string jsonl = line1 + "{\"text\": \"bad \xFF here\"}\n";
  auto out = Read(jsonl, "u.jsonl");
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_TRUE(out.docs[0].warnings.empty());
  ASSERT_EQ(out.docs[1].warnings.size(), 1u);
  size_t offset = jsonl.find('\xFF');
  EXPECT_EQ(out.docs[1].warnings[0],
            "u.jsonl: byte " + std::to_string(offset) + ": invalid UTF-8 replaced with U+FFFD");
  EXPECT_EQ(out.docs[1].text, "bad \xEF\xBF\xBD here");
}

}  // namespace
}  // namespace svodka

namespace svodka {
namespace {

// Structural errors found by simdjson's first stage come with the position where the
// structure breaks, not "byte 0".
TEST(JsonReaderStructure, StructuralErrorsAreLocated) {
  auto first_error = [](std::string_view json, std::string_view name) {
    std::string message;
    ReadOptions o;
    Status s = ReadDocuments(json, name, o, [](Document&&) { return true; },
                             [&](const Status& e) { if (message.empty()) message = e.message(); });
    EXPECT_TRUE(s.ok());
    return message;
  };
  EXPECT_EQ(first_error(R"({"text":"Текст."} garbage)", "a.json"),
            "a.json: byte 23: malformed JSON: content after the top-level value");
  EXPECT_EQ(first_error(R"({"text":"x"]})", "b.json"), "b.json: byte 11: malformed JSON: unexpected ']'");
  EXPECT_EQ(first_error(R"([{"text":"x"})", "c.json"),
            "c.json: byte 13: truncated JSON: 1 object(s)/array(s) not closed at the end");
  EXPECT_EQ(first_error("{\"text\":\"ok\"}\n{\"text\":\"x\"} tail\n", "d.jsonl"),
            "d.jsonl: line 2, byte 13: malformed JSON: content after the top-level value");
}

}  // namespace
}  // namespace svodka
