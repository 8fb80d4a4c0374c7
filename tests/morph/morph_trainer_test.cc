// `svodka train morph` on gold it cannot learn from (issue 12): CoNLL-U without annotations,
// or with tags that are not UD, used to write a model trained on nothing with exit status 0.
// Training must fail with a message naming the files, and write no model.
#include "morph_trainer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>

#include "base/file.h"
#include "dict_builder.h"

namespace svodka {
namespace {

namespace fs = std::filesystem;

class TrainOnNothingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("svodka_train_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    auto bytes = BuildDictionary(TinyDictSource());
    ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
    options_.dict_path = (dir_ / "tiny.dict").string();
    ASSERT_TRUE(WriteFile(options_.dict_path, *bytes).ok());
    options_.out_path = (dir_ / "model.bin").string();
    options_.epochs = 1;
    options_.hash_bits = 10;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Trains on one CoNLL-U file with these contents; the status, and the log in *log.
  Status Train(const std::string& conllu, std::string* log = nullptr) {
    const std::string path = (dir_ / "train.conllu").string();
    EXPECT_TRUE(WriteFile(path, conllu).ok());
    options_.train_files = {path};
    std::ostringstream out;
    Status s = TrainMorph(options_, out);
    if (log) *log = out.str();
    return s;
  }

  fs::path dir_;
  MorphTrainOptions options_;
};

TEST_F(TrainOnNothingTest, UnannotatedGoldIsRefused) {
  // FORMs only: "_" is not a UPOS (it used to "match" every featureless X candidate, such as
  // Latin words).
  const Status s = Train(
      "1\tСтолы\t_\t_\t_\t_\t0\troot\t_\t_\n2\tApple\t_\t_\t_\t_\t1\tnmod\t_\t_\n"
      "3\tПепол\t_\t_\t_\t_\t1\tnmod\t_\t_\n\n");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("train.conllu: nothing to learn from"), std::string::npos)
      << s.message();
  EXPECT_FALSE(fs::exists(options_.out_path));
}

TEST_F(TrainOnNothingTest, UnknownTagSetIsRefused) {
  const Status s = Train("1\tПепол\tпепол\tNN\t_\t_\t0\troot\t_\t_\n\n");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("nothing to learn from"), std::string::npos) << s.message();
  EXPECT_FALSE(fs::exists(options_.out_path));
}

TEST_F(TrainOnNothingTest, OnlyUnambiguousTokensAreRefused) {
  // "стола" has one candidate: a match, but nothing to choose, so no weight would move.
  const Status s =
      Train("1\tстола\tстол\tNOUN\t_\tCase=Gen|Gender=Masc|Number=Sing\t0\troot\t_\t_\n\n");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("each of those has only one candidate"), std::string::npos)
      << s.message();
  EXPECT_FALSE(fs::exists(options_.out_path));
}

TEST_F(TrainOnNothingTest, AnAmbiguousMatchTrains) {
  // "Пепол" is unknown: a guessed noun and an added surname reading, both matching the gold.
  std::string log;
  const Status s = Train(
      "1\tПепол\tПепол\tPROPN\t_\tAnimacy=Anim|Case=Nom|Gender=Masc|Number=Sing\t0\troot\t_\t_\n"
      "\n",
      &log);
  ASSERT_TRUE(s.ok()) << s.ToString() << "\n" << log;
  EXPECT_TRUE(fs::exists(options_.out_path));
}

}  // namespace
}  // namespace svodka
