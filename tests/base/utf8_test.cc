#include "base/utf8.h"

#include <gtest/gtest.h>

#include "base/offsets.h"

namespace svodka {
namespace {

TEST(Utf8, ValidTextIsUntouched) {
  std::string s = "Лавров: ок 😀";
  EXPECT_EQ(FindInvalidUtf8(s), std::string::npos);
  Utf8Repair r = RepairUtf8(&s);
  EXPECT_EQ(r.replaced, 0u);
  EXPECT_EQ(s, "Лавров: ок 😀");
}

TEST(Utf8, RepairsMaximalSubparts) {
  std::string s = "a\xD0z\xE2\x82!\xFF";
  EXPECT_EQ(FindInvalidUtf8(s), 1u);
  Utf8Repair r = RepairUtf8(&s);
  EXPECT_EQ(r.replaced, 3u);
  EXPECT_EQ(r.first_bad_offset, 1u);
  EXPECT_EQ(s, "a\xEF\xBF\xBDz\xEF\xBF\xBD!\xEF\xBF\xBD");
}

TEST(Utf8, RejectsSurrogatesAndOverlongs) {
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xEF\xBF\xBD"), std::string::npos);  // a literal U+FFFD
}

TEST(CodePointIndex, MatchesNaiveCount) {
  std::string s;
  for (int i = 0; i < 500; ++i) s += (i % 3 == 0) ? "я" : (i % 3 == 1 ? "a" : "😀");
  CodePointIndex index(s);
  for (uint32_t b = 0; b <= s.size(); ++b) {
    uint32_t naive = 0;
    for (uint32_t k = 0; k < b; ++k) naive += (static_cast<unsigned char>(s[k]) & 0xC0) != 0x80;
    ASSERT_EQ(index(b), naive) << "byte " << b;
  }
}

}  // namespace
}  // namespace svodka
