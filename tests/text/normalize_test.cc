#include "text/normalize.h"

#include <gtest/gtest.h>

namespace svodka {
namespace {

TEST(NormalizeTest, LowerYoStressSoftHyphenNbsp) {
  NormalizedText n = Normalize("Ёлка\u00A0За\u0301мок Ми\u00ADнистр");
  EXPECT_EQ(n.text, "елка замок министр");
  NormalizedText keep = Normalize("Ёлка", {.lower_case = false, .yo_to_e = false});
  EXPECT_EQ(keep.text, "Ёлка");
}

TEST(NormalizeTest, LatinLookAlikesInsideCyrillicWords) {
  EXPECT_EQ(Normalize("Mосква").text, "москва");  // Latin M
  EXPECT_EQ(Normalize("iPhone Pоссия").text, "iphone россия");
  EXPECT_EQ(Normalize("Bлaдимир").text, "владимир");  // Latin B, a
  EXPECT_EQ(Normalize("CNN").text, "cnn");            // no Cyrillic: untouched
}

TEST(NormalizeTest, MapBackToOriginal) {
  std::string s = "Ми\u00ADр да";
  NormalizedText n = Normalize(s);
  ASSERT_EQ(n.text, "мир да");
  ASSERT_EQ(n.to_original.size(), n.text.size() + 1);
  EXPECT_EQ(n.to_original[0], 0u);  // м
  EXPECT_EQ(n.to_original[2], 2u);  // и
  EXPECT_EQ(n.to_original[4], 6u);  // р after the 2-byte soft hyphen
  EXPECT_EQ(n.to_original.back(), s.size());
  for (size_t i = 1; i < n.to_original.size(); ++i) {
    EXPECT_LE(n.to_original[i - 1], n.to_original[i]);
  }
}

}  // namespace
}  // namespace svodka
