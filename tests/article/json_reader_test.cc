#include "article/json_reader.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "article/reader.h"
#include "read_all.h"

namespace svodka {
namespace {

using testing::ReadAll;
using testing::ReadAllResult;

ReadAllResult Read(const std::string& bytes, const std::string& name) {
  return ReadAll(bytes, name);
}

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
  // A syntax error names the line and the byte in it (here the unclosed string's quote).
  EXPECT_EQ(out.errors[0].message(), "feed.jsonl: line 4, byte 9: malformed JSON: unclosed string");
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
    Status s = ReadDocuments(
        json, name, o, [](Document&&) { return true; },
        [&](const Status& e) {
          if (message.empty()) message = e.message();
        });
    EXPECT_TRUE(s.ok());
    return message;
  };
  EXPECT_EQ(first_error(R"({"text":"Текст."} garbage)", "a.json"),
            "a.json: byte 23: malformed JSON: content after the top-level value");
  EXPECT_EQ(first_error(R"({"text":"x"]})", "b.json"),
            "b.json: byte 11: malformed JSON: unexpected ']'");
  EXPECT_EQ(first_error(R"([{"text":"x"})", "c.json"),
            "c.json: byte 13: truncated JSON: 1 object(s)/array(s) not closed at the end");
  EXPECT_EQ(first_error("{\"text\":\"ok\"}\n{\"text\":\"x\"} tail\n", "d.jsonl"),
            "d.jsonl: line 2, byte 13: malformed JSON: content after the top-level value");
}

}  // namespace
}  // namespace svodka

namespace svodka {
namespace {

using testing::ReadAll;

std::string FirstError(const std::string& bytes, const std::string& name) {
  auto out = ReadAll(bytes, name);
  EXPECT_TRUE(out.docs.empty()) << bytes;
  return out.errors.empty() ? "" : out.errors[0].message();
}

// Issue 12: a raw control character in a string was reported without a position.
TEST(JsonReaderErrors, ControlCharacterInStringNamesTheByte) {
  EXPECT_EQ(FirstError("{\"title\": \"a\tb\", \"text\": \"c\"}", "tab.json"),
            "tab.json: byte 12: malformed JSON: unescaped control character U+0009 in a string "
            "(write it as \\u00XX)");
  EXPECT_EQ(FirstError("{\"text\": \"Ж\x01\"}", "c.json"),
            "c.json: byte 12: malformed JSON: unescaped control character U+0001 in a string "
            "(write it as \\u00XX)");
  for (char c : {'\n', '\r', '\x1f'}) {
    std::string json = std::string("[{\"text\": \"ok\"}, {\"text\": \"a") + c + "b\"}]";
    char hex[8];
    std::snprintf(hex, sizeof hex, "U+%04X", c);
    EXPECT_EQ(FirstError(json, "a.json"), std::string("a.json: byte 28: malformed JSON: unescaped "
                                                      "control character ") +
                                              hex + " in a string (write it as \\u00XX)");
  }
  // A NUL byte (the reader refuses it earlier, as binary input) is found as well.
  std::optional<JsonSyntaxError> nul = FindJsonSyntaxError(std::string("[\"a\0\"]", 6));
  ASSERT_TRUE(nul);
  EXPECT_EQ(nul->offset, 3u);
  // JSONL: the line, and the byte within it; the other lines are still read.
  auto out =
      ReadAll("{\"text\": \"один\"}\n{\"text\": \"a\tb\"}\n{\"text\": \"три\"}\n", "f.jsonl");
  EXPECT_EQ(out.docs.size(), 2u);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].message(),
            "f.jsonl: line 2, byte 11: malformed JSON: unescaped control character U+0009 in a "
            "string (write it as \\u00XX)");
  EXPECT_EQ(out.errors[0].code(), StatusCode::kInvalidArgument);
}

// Issue 12: every syntax error points at the byte where the text stops being JSON: the token
// where a ',' or ':' or a value was expected (as Python's json module reports), the bad
// character, the first byte of a bad number or literal, the opening quote of an unclosed
// string, the end of a truncated text.
TEST(JsonReaderErrors, SyntaxErrorsPointAtTheRightByte) {
  struct Case {
    const char* json;
    size_t byte;
    const char* what;
  };
  const Case kCases[] = {
      // Missing commas: at the next token, whatever the whitespace before it.
      {R"({"title": "a" "text": "b"})", 14,
       R"(malformed JSON: expected ',' or '}' after an object member, found '"')"},
      {"{\"title\": \"a\"\n  \"text\": \"b\"}", 16,
       R"(malformed JSON: expected ',' or '}' after an object member, found '"')"},
      {R"([{"text":"a"} {"text":"b"}])", 14,
       "malformed JSON: expected ',' or ']' after an array element, found '{'"},
      {"[{\"text\":\"a\"}\n\n{\"text\":\"b\"}]", 15,
       "malformed JSON: expected ',' or ']' after an array element, found '{'"},
      {R"({"text": "a", "x": [1 2]})", 22,
       "malformed JSON: expected ',' or ']' after an array element, found '2'"},
      {R"({"text": "a", "x": {"y": true "z": 1}})", 30,
       R"(malformed JSON: expected ',' or '}' after an object member, found '"')"},
      // Missing colons, keys and values.
      {R"({"title" "a"})", 9, R"(malformed JSON: expected ':' after an object key, found '"')"},
      {"{\"title\"\n: \"a\", \"text\" \"b\"}", 23,
       R"(malformed JSON: expected ':' after an object key, found '"')"},
      {R"({"title": })", 10, "malformed JSON: expected a value, found '}'"},
      {R"({"text": "a",})", 13, "malformed JSON: expected a string key, found '}'"},
      {R"({title: "a"})", 1, "malformed JSON: expected a string key, found 't'"},
      {R"([{"text": "a"},])", 15, "malformed JSON: expected a value, found ']'"},
      {R"({"text": "a", "x": [1, ж]})", 23, "malformed JSON: expected a value, found 'ж'"},
      {R"({"text": "a", "n": .5})", 19, "malformed JSON: expected a value, found '.'"},
      {R"({"text": "a", "n": +1})", 19, "malformed JSON: expected a value, found '+'"},
      // Wrong closing brackets and content after the value.
      {R"({"text": "a"])", 12, "malformed JSON: unexpected ']'"},
      {R"({"text": "a", "x": [1, 2}})", 24, "malformed JSON: unexpected '}'"},
      {R"({"text": "a"} x)", 14, "malformed JSON: content after the top-level value"},
      {R"({"text": "a"}})", 13, "malformed JSON: content after the top-level value"},
      // Truncated texts: at the end.
      {R"([{"text": "a"})", 14, "truncated JSON: 1 object(s)/array(s) not closed at the end"},
      {R"([{"text": "a"}, {"text": )", 25,
       "truncated JSON: 2 object(s)/array(s) not closed at the end"},
      {R"({"text")", 7, "truncated JSON: 1 object(s)/array(s) not closed at the end"},
      {"{\"text\": \"a\"\n\n", 14, "truncated JSON: 1 object(s)/array(s) not closed at the end"},
      // Strings: at the opening quote when unclosed, else at the bad character or escape.
      {R"({"text": "b)", 9, "malformed JSON: unclosed string"},
      {R"({"text": "a\"})", 9, "malformed JSON: unclosed string"},
      {R"({"text": "a\q"})", 11, "malformed JSON: invalid escape sequence in a string"},
      {R"({"text": "a\u12G4"})", 11,
       "malformed JSON: invalid \\u escape in a string (4 hex digits expected)"},
      {R"({"text": "a\ud800"})", 11, "malformed JSON: unpaired surrogate escape in a string"},
      {R"({"text": "a\udc00b"})", 11, "malformed JSON: unpaired surrogate escape in a string"},
      {R"({"text": "a\ud800\u0041"})", 11, "malformed JSON: unpaired surrogate escape in a string"},
      // Literals and numbers: at their first byte.
      {R"({"text": tru})", 9, "malformed JSON: invalid literal (true, false or null expected)"},
      {R"({"text": True})", 9, "malformed JSON: invalid literal (true, false or null expected)"},
      {R"({"text": "a", "x": NaN})", 19,
       "malformed JSON: invalid literal (true, false or null expected)"},
      {R"({"text": "a", "x": nullx})", 19,
       "malformed JSON: invalid literal (true, false or null expected)"},
      {R"({"text": "a", "n": 01})", 19, "malformed JSON: invalid number"},
      {R"({"text": "a", "n": 1.})", 19, "malformed JSON: invalid number"},
      {R"({"text": "a", "n": -})", 19, "malformed JSON: invalid number"},
      {R"({"text": "a", "n": 1e})", 19, "malformed JSON: invalid number"},
      {R"({"text": "a", "n": 1e+})", 19, "malformed JSON: invalid number"},
      {R"({"text": "a", "n": 0x1F})", 19, "malformed JSON: invalid number"},
      {R"({"text": "a", "n": -Infinity})", 19, "malformed JSON: invalid number"},
      {R"({"text": "a", "n": 1.5.2})", 19, "malformed JSON: invalid number"},
      // Errors inside ignored (metadata) values are found too: metadata stays valid JSON.
      {R"({"text": "a", "x": ["\ud800", 1]})", 21,
       "malformed JSON: unpaired surrogate escape in a string"},
      {R"({"text": "a", "x": [true, tru]})", 26,
       "malformed JSON: invalid literal (true, false or null expected)"},
      {R"({"text": "a", "x": {"y": [01]}})", 26, "malformed JSON: invalid number"},
      {R"({"text": "a", "x": ["\q"]})", 21, "malformed JSON: invalid escape sequence in a string"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.json);
    std::optional<JsonSyntaxError> e = FindJsonSyntaxError(c.json);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->offset, c.byte) << e->what;
    EXPECT_EQ(e->what, c.what);
    EXPECT_FALSE(e->too_deep);
    // The readers report exactly this, with the file name (JSON) or line (JSONL).
    EXPECT_EQ(FirstError(c.json, "m.json"),
              "m.json: byte " + std::to_string(c.byte) + ": " + c.what);
    std::string line(c.json);
    if (line.find('\n') == std::string::npos && line[0] == '{') {
      auto out = ReadAll("{\"text\": \"ok\"}\n" + line + "\n", "m.jsonl");
      ASSERT_EQ(out.errors.size(), 1u);
      EXPECT_EQ(out.errors[0].message(),
                "m.jsonl: line 2, byte " + std::to_string(c.byte) + ": " + c.what);
    }
  }
}

// Issue 12: numbers in ignored fields are kept as written, whatever their magnitude; a number
// id is its literal text.
TEST(JsonReaderNumbers, KeptVerbatimWhateverTheirMagnitude) {
  auto out =
      ReadAll(R"({"text": "b", "a": 1e999, "b": 12345678901234567890123, "c": -0, "d": 1E+2,)"
              R"( "e": -1.5e-400, "f": [1e999, {"g": 123456789012345678901234567890}], "h": 0.0})",
              "n.json");
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].message();
  ASSERT_EQ(out.docs.size(), 1u);
  const auto& m = out.docs[0].metadata;
  ASSERT_EQ(m.size(), 7u);
  EXPECT_EQ(m[0].second, "1e999");
  EXPECT_EQ(m[1].second, "12345678901234567890123");
  EXPECT_EQ(m[2].second, "-0");
  EXPECT_EQ(m[3].second, "1E+2");
  EXPECT_EQ(m[4].second, "-1.5e-400");
  EXPECT_EQ(m[5].second, R"([1e999, {"g": 123456789012345678901234567890}])");
  EXPECT_EQ(m[6].second, "0.0");
  for (const char* id : {"1e999", "12345678901234567890123", "-0", "1E+2", "17", "-3.5"}) {
    auto r = ReadAll(std::string(R"({"text": "b", "id": )") + id + "}\n", "i.jsonl");
    ASSERT_EQ(r.docs.size(), 1u) << id;
    EXPECT_EQ(r.docs[0].id, id);
    EXPECT_TRUE(r.docs[0].metadata.empty());
  }
}

std::string Nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// Issue 12: deep nesting in an ignored field is kept verbatim up to kMaxJsonDepth levels in
// all, and refused beyond with the position of the first bracket too deep (no crash, linear).
TEST(JsonReaderDepth, DeepMetadataIsKeptOrRefusedWithAPosition) {
  const std::string prefix = R"({"text": "b", "x": )";
  // The record is level 1, so 1023 arrays inside it reach the limit.
  auto out = ReadAll(prefix + Nested(kMaxJsonDepth - 1) + "}", "ok.json");
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].message();
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].metadata[0].second, Nested(kMaxJsonDepth - 1));
  const std::string too_deep = "JSON nested deeper than 1024 arrays and objects";
  for (size_t depth : {kMaxJsonDepth, size_t{100000}, size_t{1000000}}) {
    std::string json = prefix + Nested(depth) + "}";
    out = ReadAll(json, "deep.json");
    EXPECT_TRUE(out.docs.empty());
    ASSERT_EQ(out.errors.size(), 1u);
    size_t at = prefix.size() + kMaxJsonDepth - 1;  // the 1025th bracket
    EXPECT_EQ(out.errors[0].message(), "deep.json: byte " + std::to_string(at) + ": " + too_deep);
    EXPECT_EQ(out.errors[0].code(), StatusCode::kResourceExhausted);
    out = ReadAll(json + "\n{\"text\": \"next\"}\n", "deep.jsonl");
    ASSERT_EQ(out.docs.size(), 1u);
    ASSERT_EQ(out.errors.size(), 1u);
    EXPECT_EQ(out.errors[0].message(),
              "deep.jsonl: line 1, byte " + std::to_string(at) + ": " + too_deep);
  }
  // Unclosed deep nesting: the depth is what is reported, at the same byte.
  std::optional<JsonSyntaxError> e = FindJsonSyntaxError(std::string(200000, '['));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->offset, kMaxJsonDepth);
  EXPECT_TRUE(e->too_deep);
}

// FindJsonSyntaxError against simdjson's DOM parser (a full validating parser) on random
// mutations of valid JSON: both accept or both reject. Numbers simdjson cannot represent
// (1e999, huge integers) are valid JSON that only simdjson refuses.
TEST(JsonReaderDifferential, AgreesWithSimdjsonDom) {
  const std::vector<std::string> seeds = {
      R"({"id": 17, "title": "T", "text": "a\nb \"q\" \u0416 \ud83d\ude00", "x": [1, -2.5e3, true, false, null, {}, []]})",
      R"([{"text": "one"}, {"text": "two", "tags": ["a", "b"], "n": {"m": 0.5}}])",
      R"({"a": {"b": {"c": [[], [{}], "\/\\\b\f\r\t"]}}, "e": -0, "f": 1E+2})",
  };
  const std::string alphabet = "{}[]\":,\\ \t\n0123456789-+.eEtrufalsn\x01xudDcC8A/bf";
  std::mt19937 rng(12);
  simdjson::dom::parser dom;
  size_t rejected = 0, total = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s = seeds[rng() % seeds.size()];
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits && !s.empty(); ++k) {
      size_t at = rng() % s.size();
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0:
          s.erase(at, 1);
          break;
        case 1:
          s.insert(at, 1, c);
          break;
        default:
          s[at] = c;
          break;
      }
    }
    if (s.find_first_not_of(" \t\n\r") == std::string::npos) continue;
    simdjson::padded_string padded(s);
    simdjson::error_code dom_error = dom.parse(padded).error();
    if (dom_error == simdjson::NUMBER_ERROR) continue;  // 1e999, huge integers
    std::optional<JsonSyntaxError> e = FindJsonSyntaxError(s);
    ++total;
    if (e) ++rejected;
    ASSERT_EQ(e.has_value(), dom_error != simdjson::SUCCESS)
        << s << "\nsimdjson: " << simdjson::error_message(dom_error)
        << "\nours: " << (e ? e->what : std::string("valid"));
    if (e) {
      ASSERT_LE(e->offset, s.size()) << s;
    }
  }
  EXPECT_GT(rejected, total / 4);           // the mutations do produce errors
  EXPECT_GT(total - rejected, total / 20);  // and valid texts
}

}  // namespace
}  // namespace svodka
