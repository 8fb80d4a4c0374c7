// The file checksums (src/base/checksum.h): published FNV-1a 64 test vectors, the word-wise
// variant's definition, continuation, and that every single-bit flip changes the value.
#include "base/checksum.h"

#include <gtest/gtest.h>

#include <string>

namespace svodka {
namespace {

TEST(ChecksumTest, Fnv1a64TestVectors) {
  // From the FNV reference test suite (http://www.isthe.com/chongo/src/fnv/test_fnv.c).
  EXPECT_EQ(Fnv1a64("", 0), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a", 1), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a64("foobar", 6), 0x85944171f73967e8ULL);
}

TEST(ChecksumTest, WordsAreLittleEndianUnitsThenBytes) {
  const std::string s = "0123456789abcdefXYZ";  // two words and a 3-byte tail
  uint64_t h = kFnv1a64Basis;
  for (int w = 0; w < 2; ++w) {
    uint64_t word = 0;
    for (int b = 7; b >= 0; --b) word = word << 8 | static_cast<unsigned char>(s[8 * w + b]);
    h = (h ^ word) * kFnv1a64Prime;
  }
  h = Fnv1a64(s.data() + 16, 3, h);
  EXPECT_EQ(Fnv1a64Words(s.data(), s.size()), h);
  // Shorter than a word: the same as the byte-wise form.
  EXPECT_EQ(Fnv1a64Words("foobar", 6), Fnv1a64("foobar", 6));
  // Continuation over a split at a multiple of 8.
  EXPECT_EQ(Fnv1a64Words(s.data() + 8, s.size() - 8, Fnv1a64Words(s.data(), 8)),
            Fnv1a64Words(s.data(), s.size()));
}

TEST(ChecksumTest, EverySingleBitFlipChangesBoth) {
  std::string s(203, '\0');
  for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<char>(i * 37 + 11);
  const uint64_t bytes = Fnv1a64(s.data(), s.size());
  const uint64_t words = Fnv1a64Words(s.data(), s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      s[i] = static_cast<char>(s[i] ^ (1 << bit));
      EXPECT_NE(Fnv1a64(s.data(), s.size()), bytes) << i << ":" << bit;
      EXPECT_NE(Fnv1a64Words(s.data(), s.size()), words) << i << ":" << bit;
      s[i] = static_cast<char>(s[i] ^ (1 << bit));
    }
  }
}

}  // namespace
}  // namespace svodka
