#include "svodka/pipeline.h"

#include <gtest/gtest.h>

#include <string>

#include "base/json_writer.h"
#include "svodka/document_json.h"

namespace svodka {
namespace {

Document MakeDoc() {
  Document d;
  d.id = "t";
  d.text = "Заголовок без точки\nМОСКВА, 1 мая. /ТАСС/. Первое. Второе\n\nЁж";
  d.title = Span{0, 36};  // "Заголовок без точки" is 19 code points, 36 bytes
  d.paragraphs = {Span{37, static_cast<uint32_t>(d.text.find("\n\n"))}};
  d.related = {
      Span{static_cast<uint32_t>(d.text.size() - 4), static_cast<uint32_t>(d.text.size())}};
  return d;
}

Pipeline NoMorphology() {
  PipelineOptions o;
  o.morphology = false;
  Result<Pipeline> p = Pipeline::Create(o);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return std::move(p).value();
}

std::string Json(const Document& d) {
  std::string json;
  WriteDocumentJson(d, DocumentJsonOptions{.tokens = true}, &json);
  return json;
}

TEST(Pipeline, StagesAreALoop) {
  EXPECT_EQ(NoMorphology().stage_names(), std::vector<std::string_view>{"segment"});
  EXPECT_FALSE(NoMorphology().has_morphology());
}

TEST(Pipeline, EachFieldEndsItsSentences) {
  const Pipeline p = NoMorphology();
  Document d = MakeDoc();
  ASSERT_TRUE(p.Annotate(d).ok());
  ASSERT_GE(d.sentences.size(), 4u);
  EXPECT_EQ(d.Slice(d.sentences.front()), "Заголовок без точки");
  EXPECT_EQ(d.Slice(d.sentences.back()), "Ёж");
  for (const Token& t : d.tokens) {
    EXPECT_LT(t.span.begin, t.span.end);
    EXPECT_NE(d.Slice(t.span), "\n");
  }
  // No sentence crosses a field boundary.
  for (const Span& s : d.sentences) {
    bool inside = d.title->Contains(s) || d.paragraphs[0].Contains(s) || d.related[0].Contains(s);
    EXPECT_TRUE(inside) << d.Slice(s);
  }
}

// Annotating again replaces the results instead of adding to them, whatever the document held
// before (tokens and morphology of an earlier analysis, a stale string pool).
TEST(Pipeline, AnnotateReplacesPreviousResults) {
  const Pipeline p = NoMorphology();
  Document once = MakeDoc();
  ASSERT_TRUE(p.Annotate(once).ok());
  Document twice = MakeDoc();
  Scratch scratch;
  ASSERT_TRUE(p.Annotate(twice, &scratch).ok());
  twice.tokens.push_back(twice.tokens.front());  // leftovers a second run must drop
  twice.sentences.push_back(twice.sentences.front());
  twice.tokens.front().lemma = twice.strings.Intern("мусор");
  ASSERT_TRUE(p.Annotate(twice, &scratch).ok());
  EXPECT_EQ(Json(twice), Json(once));
  EXPECT_EQ(twice.strings.size(), once.strings.size());
}

TEST(DocumentJson, SpansAreCodePoints) {
  const Pipeline p = NoMorphology();
  Document d = MakeDoc();
  ASSERT_TRUE(p.Annotate(d).ok());
  std::string json = Json(d);
  EXPECT_NE(json.find("\"title\":{\"text\":\"Заголовок без точки\",\"span\":[0,19]}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"kind\":\"word\""), std::string::npos);
}

}  // namespace
}  // namespace svodka
