#include "svodka/pipeline.h"

#include <gtest/gtest.h>

#include <string>

#include "base/json_writer.h"
#include "pipeline/document_json.h"

namespace svodka {
namespace {

Document MakeDoc() {
  Document d;
  d.id = "t";
  d.text = "Заголовок без точки\nМОСКВА, 1 мая. /ТАСС/. Первое. Второе\n\nЁж";
  d.title = Span{0, 36};  // "Заголовок без точки" is 19 code points, 36 bytes
  d.paragraphs = {Span{37, static_cast<uint32_t>(d.text.find("\n\n"))}};
  d.related = {Span{static_cast<uint32_t>(d.text.size() - 4), static_cast<uint32_t>(d.text.size())}};
  return d;
}

TEST(Pipeline, EachFieldEndsItsSentences) {
  PipelineOptions o;
  o.morphology = false;
  auto p = Pipeline::Create(o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  Document d = MakeDoc();
  p->Annotate(d);
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

TEST(Pipeline, AnnotateReplacesPreviousResults) {
  PipelineOptions o;
  o.morphology = false;
  auto p = Pipeline::Create(o);
  ASSERT_TRUE(p.ok());
  Document d = MakeDoc();
  p->Annotate(d);
  size_t n = d.tokens.size();
  p->Annotate(d);
  EXPECT_EQ(d.tokens.size(), n);
}

TEST(DocumentJson, SpansAreCodePoints) {
  PipelineOptions o;
  o.morphology = false;
  auto p = Pipeline::Create(o);
  ASSERT_TRUE(p.ok());
  Document d = MakeDoc();
  p->Annotate(d);
  std::string json;
  WriteDocumentJson(d, DocumentJsonOptions{.tokens = true}, &json);
  EXPECT_NE(json.find("\"title\":{\"text\":\"Заголовок без точки\",\"span\":[0,19]}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"kind\":\"word\""), std::string::npos);
}

}  // namespace
}  // namespace svodka
