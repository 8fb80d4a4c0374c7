// Morphology accuracy on UD_Russian-GSD dev against its floors in tests/eval/floors.tsv
// (skipped when the dictionary, the model or ../shared/data is absent; tools/eval-all.sh
// checks the other corpora).
#include "eval/morph_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/conllu.h"
#include "floors.h"
#include "morph/morphology.h"

namespace svodka {
namespace {

TEST(MorphEvalTest, GsdDevFloors) {
  const std::string corpus = "ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu";
  const std::string gold_path = SVODKA_TEST_SHARED "/data/" + corpus;
  const std::string dict = SVODKA_TEST_BINDIR "/data/ru.dict";
  const std::string model = SVODKA_TEST_SRCDIR "/data/models/morph-tagger.bin";
  if (!std::filesystem::exists(gold_path)) GTEST_SKIP() << "shared data absent: " << gold_path;
  if (!std::filesystem::exists(dict)) GTEST_SKIP() << "no " << dict;
  Result<Morphology> m = Morphology::Load(dict, model);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  Result<std::vector<ConlluSentence>> gold = ReadConlluFile(gold_path);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  const MorphScores s = EvaluateMorph(*m, *gold);
  const std::vector<testing_eval::Floor> floors = testing_eval::FloorsFor("morph", corpus);
  ASSERT_EQ(floors.size(), 5u) << "lemma, upos, case, number, gender floors in floors.tsv";
  for (const testing_eval::Floor& f : floors) {
    const MorphScores::Count* count = f.metric == "lemma"    ? &s.lemma
                                      : f.metric == "upos"   ? &s.upos
                                      : f.metric == "case"   ? &s.gcase
                                      : f.metric == "number" ? &s.number
                                      : f.metric == "gender" ? &s.gender
                                                             : nullptr;
    ASSERT_NE(count, nullptr) << "unknown metric " << f.metric << " in floors.tsv";
    const double accuracy = 100 * count->Accuracy();
    EXPECT_TRUE(f.Met(accuracy)) << f.metric << " = " << accuracy << "%, floor " << f.limit;
  }
}

}  // namespace
}  // namespace svodka
