#include "base/tsv.h"

#include <gtest/gtest.h>

namespace svodka {
namespace {

TEST(Tsv, SkipsCommentsAndBlankLinesAndSplitsFields) {
  auto rows = ParseTsv("# comment\nг.\tprefix\r\n\nмлн\n\ta\t\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string_view>{"г.", "prefix"}));
  EXPECT_EQ(rows[1], (std::vector<std::string_view>{"млн"}));
  EXPECT_EQ(rows[2], (std::vector<std::string_view>{"", "a", ""}));
}

}  // namespace
}  // namespace svodka
