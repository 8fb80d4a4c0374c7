#include "base/json_writer.h"

#include <gtest/gtest.h>

namespace svodka {
namespace {

TEST(JsonWriter, NestsAndSeparates) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("id");
  w.String("a\"b\\c\n\x01");
  w.Key("spans");
  w.BeginArray();
  w.Pair(0, 5);
  w.Pair(6, 7);
  w.EndArray();
  w.Key("empty");
  w.BeginArray();
  w.EndArray();
  w.Key("n");
  w.Null();
  w.Key("x");
  w.Double(2.5);
  w.EndObject();
  EXPECT_EQ(out, R"({"id":"a\"b\\c\n\u0001","spans":[[0,5],[6,7]],"empty":[],"n":null,"x":2.5})");
}

TEST(JsonWriter, KeepsUtf8) {
  std::string out;
  JsonWriter w(&out);
  w.String("Лавров 😀");
  EXPECT_EQ(out, "\"Лавров 😀\"");
}

TEST(PrettyJson, IndentsAndKeepsSpansFlat) {
  std::string pretty = PrettyJson(R"({"a":[[0,5],[6,7]],"b":{"c":"x,{y}"},"d":[]})");
  EXPECT_EQ(pretty,
            "{\n  \"a\": [\n    [0, 5],\n    [6, 7]\n  ],\n  \"b\": {\n    \"c\": \"x,{y}\"\n  },"
            "\n  \"d\": []\n}");
}

}  // namespace
}  // namespace svodka
