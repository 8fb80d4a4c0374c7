// The README's library example, compiled against the public headers only (include/svodka/;
// this target has no view of src/) and linked with svodka::svodka: the public API is enough to
// read documents, run the pipeline and write JSON.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "svodka/document_json.h"
#include "svodka/pipeline.h"
#include "svodka/reader.h"

namespace {

TEST(LibraryExample, ReadAnnotateWrite) {
  // --- as in README.md ---------------------------------------------------------------------
  auto pipeline = svodka::Pipeline::Create({});  // loads the dictionary and the tagger
  if (!pipeline.ok()) {                          // (without them: segmentation only)
    svodka::PipelineOptions no_morph;
    no_morph.morphology = false;
    pipeline = svodka::Pipeline::Create(no_morph);
  }
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  svodka::Scratch scratch;  // one per thread, reused across documents
  std::vector<std::string> lines;
  std::vector<std::string> problems;
  svodka::Status read = svodka::ReadDocumentsFromFile(
      SVODKA_TEST_SRCDIR "/examples/tass-2017-03-20-lavrov-kishida.txt", {},
      [&](svodka::Document&& doc) {
        if (svodka::Status s = pipeline->Annotate(doc, &scratch); !s.ok()) {
          problems.push_back(s.ToString());
          return true;
        }
        for (const svodka::Token& t : doc.tokens) {
          if (doc.Slice(t.span) == "Лавров" && pipeline->has_morphology()) {
            EXPECT_EQ(doc.Lemma(t), "Лавров");
            EXPECT_EQ(doc.Upos(t), "PROPN");
          }
        }
        std::string json;
        svodka::WriteDocumentJson(doc, {}, &json);
        lines.push_back(json);
        return true;
      },
      [&](const svodka::Status& problem) { problems.push_back(problem.ToString()); });
  // -------------------------------------------------------------------------------------------
  ASSERT_TRUE(read.ok()) << read.ToString();
  EXPECT_TRUE(problems.empty()) << problems.front();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].rfind("{\"id\":\"tass-2017-03-20-lavrov-kishida\"", 0), 0u);
  EXPECT_NE(lines[0].find("\"dateline\":{\"place\":\"Токио\",\"date\":\"2017-03-20\""),
            std::string::npos);
}

}  // namespace
