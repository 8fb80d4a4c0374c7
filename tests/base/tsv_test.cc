#include "base/tsv.h"

#include <gtest/gtest.h>

#include <string>

namespace svodka {
namespace {

// The strict reader: rows with their line numbers; comments, empty lines and CRLF as above.
TEST(ReadTsv, ReadsRowsWithLineNumbers) {
  auto rows = ReadTsv("t.tsv", "# comment\nг.\tprefix\r\n\nмлн\tРИА Новости\n", {2, 2, 1});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].line, 2);
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string_view>{"г.", "prefix"}));
  EXPECT_EQ((*rows)[1].line, 4);
  EXPECT_EQ((*rows)[1][1], "РИА Новости");  // a space inside a field is fine
  EXPECT_EQ((*rows)[1].size(), 2u);
}

TEST(ReadTsv, OptionalFieldsAndNoKey) {
  auto rows = ReadTsv("t.tsv", "a\tb\na\tb\tc\n", {2, 3, 0});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(rows->size(), 2u);
  EXPECT_TRUE(ReadTsv("t.tsv", "", {1, 1, 1}).ok());  // an empty table is well-formed
}

// Every malformed row is an error naming the table and the line, with what is wrong.
TEST(ReadTsv, RejectsMalformedRowsNamingFileAndLine) {
  struct Case {
    const char* data;
    TsvSchema schema;
    const char* message;
  };
  const Case cases[] = {
      {"# c\na\tb\nc\n", {2, 2, 1}, "t.tsv:3: 1 TAB-separated field, expected 2"},
      {"a\tb\tc\n", {1, 2, 1}, "t.tsv:1: 3 TAB-separated fields, expected 1 to 2"},
      {"a\t\n", {2, 2, 1}, "t.tsv:1: field 2 is empty"},
      {"\tb\n", {2, 2, 1}, "t.tsv:1: field 1 is empty"},
      {"a \tb\n", {2, 2, 1}, "t.tsv:1: field 1 has stray white space"},
      {"a\t b\n", {2, 2, 1}, "t.tsv:1: field 2 has stray white space"},
      {"ok\n   \n", {1, 1, 1}, "t.tsv:2: field 1 has stray white space"},
      {"a\tb\xC2\xA0\n", {2, 2, 1}, "t.tsv:1: field 2 has stray white space"},  // no-break space
      {"\xEF\xBB\xBF"
       "a\n",
       {1, 1, 1},
       "t.tsv:1: field 1 has stray white space"},  // BOM
      {"a\rb\n", {1, 1, 1}, "t.tsv:1: field 1 has a control character"},
      {"a\x01\n", {1, 1, 1}, "t.tsv:1: field 1 has a control character"},
      {"a\xFF\n", {1, 1, 1}, "t.tsv:1: field 1 has invalid UTF-8"},
      {"x\t1\ny\t2\nx\t3\n", {2, 2, 1}, "t.tsv:3: duplicate key 'x' (first at line 1)"},
      {"x\t1\nx\t2\nx\t1\n", {2, 2, 2}, "t.tsv:3: duplicate key 'x 1' (first at line 1)"},
  };
  for (const Case& c : cases) {
    auto rows = ReadTsv("t.tsv", c.data, c.schema);
    ASSERT_FALSE(rows.ok()) << c.data;
    EXPECT_EQ(rows.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(rows.status().message().rfind(c.message, 0), 0u)
        << rows.status().message() << "\n  expected: " << c.message;
  }
}

TEST(ReadTsv, KeysOfSeveralFields) {
  // Key = first two fields: the same first field with another second field is fine.
  EXPECT_TRUE(ReadTsv("t.tsv", "x\t1\tA\nx\t2\tA\n", {3, 3, 2}).ok());
  EXPECT_FALSE(ReadTsv("t.tsv", "x\t1\tA\nx\t1\tB\n", {3, 3, 2}).ok());
}

}  // namespace
}  // namespace svodka
