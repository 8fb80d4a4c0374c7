#include "base/conllu.h"

#include <gtest/gtest.h>

namespace svodka {
namespace {

constexpr char kSample[] =
    "# sent_id = 1\n"
    "# text = Он пришёл.\n"
    "1\tОн\tон\tPRON\t_\tCase=Nom\t2\tnsubj\t_\t_\n"
    "2\tпришёл\tприйти\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2.1\tx\tx\tX\t_\t_\t_\t_\t_\t_\n"
    "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1-2\tНе-а\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tНе\tне\tPART\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t-а\tа\tPART\t_\t_\t1\tdep\t_\t_\n";

TEST(Conllu, FeatValue) {
  EXPECT_EQ(FeatValue("Case=Nom|Number=Sing", "Case"), "Nom");
  EXPECT_EQ(FeatValue("Case=Nom|Number=Sing", "Number"), "Sing");
  EXPECT_EQ(FeatValue("NumType=Card|Number=Plur", "Number"), "Plur");  // not a prefix match
  EXPECT_EQ(FeatValue("Case=Nom", "Gender"), "");
  EXPECT_EQ(FeatValue("", "Case"), "");
  EXPECT_EQ(FeatValue("Case=|X=1", "Case"), "");
}

TEST(Conllu, ReadsAndWritesBack) {
  std::vector<ConlluSentence> sents;
  ASSERT_TRUE(ReadConllu(kSample, "sample", [&](ConlluSentence&& s) {
                sents.push_back(std::move(s));
                return true;
              }).ok());
  ASSERT_EQ(sents.size(), 2u);
  EXPECT_EQ(sents[0].words.size(), 3u);
  EXPECT_EQ(sents[0].words[1].lemma, "прийти");
  EXPECT_FALSE(sents[0].words[1].SpaceAfter());
  EXPECT_EQ(sents[0].Text(), "Он пришёл.");
  EXPECT_EQ(sents[1].Text(), "Не-а");
  std::string out;
  for (const auto& s : sents) WriteConllu(s, &out);
  EXPECT_EQ(out, std::string(kSample) + "\n");
}

TEST(Conllu, ReportsBadLineWithNumber) {
  Status s = ReadConllu("1\tonly\tthree\n", "bad.conllu", [](ConlluSentence&&) { return true; });
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.conllu: line 1"), std::string::npos) << s.message();
}

Status ReadAll(std::string_view data, std::vector<ConlluSentence>* out) {
  return ReadConllu(data, "t.conllu", [&](ConlluSentence&& s) {
    out->push_back(std::move(s));
    return true;
  });
}

// Regression: an ID that is neither an integer, a range nor an empty node ("x", "-1") was
// kept as an "extra line", so the word silently vanished from tagging and scoring.
TEST(Conllu, RejectsBadIdWithLine) {
  std::vector<ConlluSentence> sents;
  Status s = ReadAll("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\nx\tb\tb\tX\t_\t_\t1\tdep\t_\t_\n\n", &sents);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("t.conllu: line 2: ID 'x'"), std::string::npos) << s.message();
  sents.clear();
  EXPECT_FALSE(ReadAll("-1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n", &sents).ok());
  EXPECT_FALSE(ReadAll("1-\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", &sents).ok());
  EXPECT_FALSE(ReadAll("1.2.3\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", &sents).ok());
}

// Regression: a byte order mark glued itself to the first ID, which then was not an integer
// and the first word was dropped.
TEST(Conllu, SkipsByteOrderMark) {
  std::vector<ConlluSentence> sents;
  ASSERT_TRUE(ReadAll("\xEF\xBB\xBF"
                      "1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n",
                      &sents)
                  .ok());
  ASSERT_EQ(sents.size(), 1u);
  ASSERT_EQ(sents[0].words.size(), 1u);
  EXPECT_EQ(sents[0].words[0].id, "1");
}

// Regression: invalid UTF-8 and NUL bytes went through into forms, output and scores.
TEST(Conllu, RejectsInvalidUtf8AndNulWithPosition) {
  std::vector<ConlluSentence> sents;
  Status s =
      ReadAll("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n\n1\tb\xFF\tb\tX\t_\t_\t0\troot\t_\t_\n", &sents);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("t.conllu: line 3: invalid UTF-8 at byte 27"), std::string::npos)
      << s.message();
  EXPECT_EQ(sents.size(), 1u);  // the sentence before the bad line was delivered
  sents.clear();
  s = ReadAll(std::string_view("1\ta\0b\ta\tX\t_\t_\t0\troot\t_\t_\n", 25), &sents);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("line 1: NUL byte at byte 3"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace svodka
