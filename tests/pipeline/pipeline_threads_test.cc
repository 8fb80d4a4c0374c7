// One shared Pipeline used by many threads at once (each with its own Scratch) gives exactly
// the single-threaded results. Run under ThreadSanitizer by `make test-sanitize`, it also
// checks that the stages are free of data races.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "svodka/document_json.h"
#include "svodka/pipeline.h"
#include "svodka/reader.h"

namespace svodka {
namespace {

// The bundled example plus, when ../shared is present, the factRuEval dev texts.
std::vector<Document> Corpus() {
  std::vector<Document> docs;
  std::vector<std::string> paths = {SVODKA_TEST_SRCDIR
                                    "/examples/tass-2017-03-20-lavrov-kishida.txt"};
  const std::filesystem::path fre = SVODKA_TEST_SHARED "/data/factrueval-2016/devset";
  if (std::filesystem::exists(fre)) {
    for (const auto& e : std::filesystem::directory_iterator(fre))
      if (e.path().extension() == ".txt" && paths.size() < 40) paths.push_back(e.path());
  }
  for (const std::string& path : paths) {
    Status s = ReadDocumentsFromFile(
        path, {},
        [&](Document&& d) {
          docs.push_back(std::move(d));
          return true;
        },
        [](const Status& e) { ADD_FAILURE() << e.ToString(); });
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  return docs;
}

TEST(PipelineThreads, SharedPipelineGivesSingleThreadedResults) {
  // With morphology when its models are found, else segmentation alone.
  Result<Pipeline> pipeline = Pipeline::Create({});
  if (!pipeline.ok()) {
    PipelineOptions o;
    o.morphology = false;
    pipeline = Pipeline::Create(o);
  }
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  const std::vector<Document> corpus = Corpus();
  ASSERT_FALSE(corpus.empty());
  const DocumentJsonOptions tokens{.tokens = true};

  std::vector<std::string> expected;
  for (Document d : corpus) {
    ASSERT_TRUE(pipeline->Annotate(d).ok());
    expected.emplace_back();
    WriteDocumentJson(d, tokens, &expected.back());
  }

  constexpr int kThreads = 4;
  std::vector<std::vector<std::string>> got(kThreads, std::vector<std::string>(corpus.size()));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Scratch scratch;  // one per thread, reused across documents
      // Each thread walks the corpus from a different place, twice.
      for (size_t k = 0; k < 2 * corpus.size(); ++k) {
        const size_t i = (k + static_cast<size_t>(t) * 7) % corpus.size();
        Document d = corpus[i];
        if (!pipeline->Annotate(d, &scratch).ok()) return;
        got[t][i].clear();
        WriteDocumentJson(d, tokens, &got[t][i]);
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t)
    for (size_t i = 0; i < corpus.size(); ++i)
      EXPECT_EQ(got[t][i], expected[i]) << "thread " << t << ", document " << corpus[i].id;
}

}  // namespace
}  // namespace svodka
