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

}  // namespace
}  // namespace svodka
