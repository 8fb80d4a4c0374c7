// Error counting, gold readers, and the quality floors on the shared corpora (skipped when
// ../shared/data is absent). Floors are set a little above the measured error rates.
#include "eval/segment_eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string_view>

#include "floors.h"
#include "text/segmenter.h"

namespace svodka {
namespace {

TEST(SegmentEvalTest, RazdelExampleCountsThreeErrors) {
  // gold что-то|?  predicted что|-|то?
  std::vector<Span> gold = {{0, 11}, {11, 12}};
  std::vector<Span> pred = {{0, 6}, {6, 7}, {7, 12}};
  EXPECT_EQ(BoundaryErrors(gold, pred), 3u);
  EXPECT_EQ(BoundaryErrors(gold, gold), 0u);
}

// Regression: "start length" of 2^64-1 and 1 wrapped around in the bounds check
// (start + length >= size) and indexed far past the code point table (ASan crash in
// `svodka eval segment`). Offsets beyond the text must be a clear error naming the line.
TEST(SegmentEvalTest, FactRuEvalHugeOffsetIsAnErrorNotACrash) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("svodka_fre_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const char* name, const std::string& data) {
    FILE* f = std::fopen((dir / name).c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fwrite(data.data(), 1, data.size(), f);
    std::fclose(f);
  };
  write("a.txt", "Кот.");
  write("a.tokens", "1 0 3 Кот\n2 18446744073709551615 1 x\n");
  Result<std::vector<GoldDocument>> docs = ReadGold((dir / "a.tokens").string(), GoldFormat::kAuto);
  fs::remove_all(dir);
  ASSERT_FALSE(docs.ok());
  EXPECT_NE(docs.status().message().find("a.tokens: line 2: token beyond the end"),
            std::string::npos)
      << docs.status().message();
}

// An empty or word-less CoNLL-U file yields no gold document (the CLI reports it), rather
// than one empty document that "scores" 0 errors.
TEST(SegmentEvalTest, EmptyConlluGivesNoDocuments) {
  namespace fs = std::filesystem;
  fs::path path =
      fs::temp_directory_path() / ("svodka_empty_" + std::to_string(::getpid()) + ".conllu");
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("# just a comment\n\n", f);
  std::fclose(f);
  Result<std::vector<GoldDocument>> docs = ReadGold(path.string(), GoldFormat::kAuto);
  fs::remove(path);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  EXPECT_TRUE(docs->empty());
}

// Issue 12: `svodka eval segment /bin/ls` "scored" an executable as razdel gold. Files that
// are not gold data in the chosen format are refused with a message naming the file; the
// check callback sees only the head of a file before it is read whole.
class NotGoldTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("svodka_notgold_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& data) {
    const std::string path = (dir_ / name).string();
    FILE* f = std::fopen(path.c_str(), "wb");
    EXPECT_NE(f, nullptr);
    if (f) {
      std::fwrite(data.data(), 1, data.size(), f);
      std::fclose(f);
    }
    return path;
  }
  // The error of reading `path` as gold, or "" when it reads.
  static std::string Error(const std::string& path, GoldFormat format = GoldFormat::kAuto,
                           const GoldFileCheck& check = nullptr) {
    Result<std::vector<GoldDocument>> docs = ReadGold(path, format, check);
    return docs.ok() ? "" : docs.status().message();
  }
  std::filesystem::path dir_;
};

TEST_F(NotGoldTest, ProseIsNotRazdelTokens) {
  const std::string path = Write("notes.txt", "Это просто текст.\nИ ещё одна строка.\n");
  EXPECT_EQ(Error(path).rfind(path + ": line 1: token 'Это просто текст.' contains whitespace", 0),
            0u)
      << Error(path);
}

TEST_F(NotGoldTest, TextWithoutBarsIsNotAPartition) {
  const std::string path = Write("sents.txt", "Первое предложение.\nВторое.\n");
  EXPECT_NE(Error(path).find(path + ": no '|' between chunks"), std::string::npos) << Error(path);
  const std::string words = Write("words.txt", "кот\nпёс\n");
  EXPECT_NE(Error(words).find("no '|' between chunks"), std::string::npos) << Error(words);
  // Real partitions still read, single-chunk lines included.
  const std::string tokens = Write("tokens.txt", "что-то|?\nгей-союзов\nКот| |спит|.\n");
  EXPECT_EQ(Error(tokens), "");
  const std::string sents = Write("unit_sents.txt", "Одно предложение.\nПервое.| |Второе.\n");
  EXPECT_EQ(Error(sents), "");
}

TEST_F(NotGoldTest, CheckSeesTheHeadAndRefusesBinaryData) {
  std::string big(1 << 20, 'x');
  big[3] = '\0';
  const std::string path = Write("blob", big);
  size_t seen = 0;
  auto check = [&](std::string_view head, std::string_view name) -> std::optional<Status> {
    seen = head.size();
    if (head.find('\0') != std::string_view::npos)
      return InvalidArgument(std::string(name) + ": binary data");
    return std::nullopt;
  };
  EXPECT_EQ(Error(path, GoldFormat::kAuto, check), path + ": binary data");
  EXPECT_EQ(seen, kGoldHeadBytes);
  // Every format's files go through the check, the factRuEval .txt included.
  EXPECT_EQ(Error(Write("b.conllu", std::string("1\t\0", 3)), GoldFormat::kAuto, check),
            (dir_ / "b.conllu").string() + ": binary data");
  Write("c.txt", std::string("\0\0", 2));
  EXPECT_EQ(Error(Write("c.tokens", "1 0 1 x\n"), GoldFormat::kAuto, check),
            (dir_ / "c.txt").string() + ": binary data");
}

TEST_F(NotGoldTest, FactRuEvalWithoutTokensIsRefused) {
  Write("d.txt", "Кот.");
  const std::string path = Write("d.tokens", "\n\n");
  EXPECT_NE(Error(path).find(path + ": no tokens"), std::string::npos) << Error(path);
}

TEST_F(NotGoldTest, ConlluWordWithoutFormIsRefused) {
  const std::string path = Write("e.conllu",
                                 "# text = x\n1\tКот\t_\t_\t_\t_\t0\troot\t_\t_\n"
                                 "2\t\t_\t_\t_\t_\t1\tx\t_\t_\n\n");
  EXPECT_EQ(Error(path), path + ": line 3: word 2 has an empty FORM: a gold token has text");
}

TEST_F(NotGoldTest, DocumentsWithoutSpansAreRefused) {
  const std::string path = Write("blank_sents.txt", "  |  \n");
  EXPECT_NE(Error(path).find(path + ": no gold documents"), std::string::npos) << Error(path);
}

struct Rates {
  double tokens = 0, sentences = 0;
};

Rates Score(const std::string& path, bool razdel = false) {
  Result<std::vector<GoldDocument>> docs = ReadGold(path, GoldFormat::kAuto);
  EXPECT_TRUE(docs.ok()) << docs.status().ToString();
  if (!docs.ok()) return {};
  const SegmentScores s = ScoreSegmentation(Segmenter(), *docs, razdel);
  return {s.tokens.ErrorsPer1000(), s.sentences.ErrorsPer1000()};
}

std::string Shared(const std::string& rel) {
  return std::string(SVODKA_TEST_SHARED) + "/data/" + rel;
}

// The floors of tests/eval/floors.tsv for each corpus this test can score directly.
void CheckFloors(const std::string& corpus) {
  const std::string path = Shared(corpus);
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " absent";
  const std::vector<testing_eval::Floor> floors = testing_eval::FloorsFor("segment", corpus);
  ASSERT_FALSE(floors.empty()) << "no floors for " << corpus << " in tests/eval/floors.tsv";
  for (const testing_eval::Floor& f : floors) {
    const Rates r = Score(path, f.flags == "--scheme razdel");
    const double value = f.metric == "token_errors" ? r.tokens : r.sentences;
    EXPECT_TRUE(f.Met(value)) << corpus << " " << f.flags << " " << f.metric << " = " << value
                              << ", floor " << f.op << " " << f.limit;
  }
}

TEST(SegmentEvalTest, FactRuEvalFloors) { CheckFloors("factrueval-2016/devset"); }
TEST(SegmentEvalTest, RazdelTokensFloors) { CheckFloors("razdel/tokens.txt"); }

}  // namespace
}  // namespace svodka
