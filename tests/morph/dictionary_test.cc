// Loader tests: a tiny dictionary made by the builder loads; truncated, extended, bit-flipped,
// wrong-magic and wrong-version files are rejected with a message naming the file (the
// whole-file checksum catches every single-bit flip).
#include "morph/dictionary.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "dict_builder.h"
#include "morph/analyzer.h"
#include "morph/dict_format.h"

namespace svodka {
namespace {

std::string Tiny() {
  auto bytes = BuildDictionary(TinyDictSource());
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : std::string();
}

TEST(DictionaryTest, TinyDictionaryLoads) {
  const std::string bytes = Tiny();
  auto d = Dictionary::FromBytes(bytes, "tiny.dict");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->paradigm_count(), 4u);
  EXPECT_NE(d->license().find("CC BY-SA"), std::string_view::npos);
}

TEST(DictionaryTest, RejectsEveryTruncation) {
  const std::string bytes = Tiny();
  for (size_t n = 0; n < bytes.size(); ++n) {
    auto d = Dictionary::FromBytes(std::string_view(bytes).substr(0, n), "tiny.dict");
    ASSERT_FALSE(d.ok()) << "truncated at " << n;
    EXPECT_NE(d.status().message().find("tiny.dict"), std::string::npos) << d.status().message();
  }
}

TEST(DictionaryTest, RejectsTrailingBytes) {
  std::string bytes = Tiny();
  bytes += std::string(8, '\0');
  auto d = Dictionary::FromBytes(bytes, "tiny.dict");
  ASSERT_FALSE(d.ok());
}

TEST(DictionaryTest, RejectsWrongMagicAndVersion) {
  std::string bytes = Tiny();
  std::string bad = bytes;
  bad[0] = 'X';
  auto d = Dictionary::FromBytes(bad, "tiny.dict");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("magic"), std::string::npos);
  bad = bytes;
  const uint32_t v = dictfmt::kVersion + 1;
  std::memcpy(bad.data() + 8, &v, 4);
  d = Dictionary::FromBytes(bad, "tiny.dict");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(d.status().message().find("version"), std::string::npos);
}

TEST(DictionaryTest, FlippedBytesNeverCrash) {
  const std::string bytes = Tiny();
  int rejected = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (uint8_t mask : {0x01, 0x80, 0xFF}) {
      std::string bad = bytes;
      bad[i] = static_cast<char>(bad[i] ^ mask);
      auto d = Dictionary::FromBytes(bad, "tiny.dict");
      if (!d.ok()) {
        ++rejected;
        continue;
      }
      auto a = Analyzer::Create(std::move(*d), "tiny.dict");
      if (!a.ok()) continue;
      std::vector<MorphParse> parses;
      for (const char* w : {"стола", "Лаврова", "еж", "стал", "И", "столов", "Колом", "x-y"}) {
        a->Analyze(w, &parses);
        ASSERT_FALSE(parses.empty());
        for (const auto& p : parses) {
          ASSERT_LT(p.tag, a->TagCount());
          (void)a->Lemma(w, p);
          (void)a->Feats(p);
          (void)a->Lexeme(w, p);
        }
      }
    }
  }
  EXPECT_GT(rejected, 100);
}

// Issue 12: format 1 had no whole-file checksum and 29 of 30 random single-bit flips loaded
// silently. Every single-bit flip anywhere in the file must now be rejected: all bits of the
// tiny dictionary, and bits spread over the real one (below).
TEST(DictionaryTest, EverySingleBitFlipIsRejected) {
  const std::string bytes = Tiny();
  ASSERT_TRUE(Dictionary::FromBytes(bytes, "tiny.dict").ok());
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = bytes;
      bad[i] = static_cast<char>(bad[i] ^ (1 << bit));
      auto d = Dictionary::FromBytes(bad, "tiny.dict");
      ASSERT_FALSE(d.ok()) << "bit " << bit << " of byte " << i << " flipped, still loads";
      EXPECT_NE(d.status().message().find("tiny.dict"), std::string::npos);
    }
  }
}

TEST(DictionaryTest, ChecksumMismatchIsNamed) {
  std::string bad = Tiny();
  bad[bad.size() / 2] ^= 0x10;
  auto d = Dictionary::FromBytes(bad, "tiny.dict");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(d.status().message().find("tiny.dict: checksum mismatch"), std::string::npos)
      << d.status().message();
}

// A format-1 file (24-byte header, no checksum) is named as an unsupported version, not as
// corrupt or too short.
TEST(DictionaryTest, OldFormatVersionIsUnsupported) {
  std::string old = Tiny();
  const uint32_t v1 = 1;
  std::memcpy(old.data() + 8, &v1, 4);
  for (size_t n : {old.size(), size_t{24}, size_t{12}}) {
    auto d = Dictionary::FromBytes(std::string_view(old).substr(0, n), "old.dict");
    ASSERT_FALSE(d.ok()) << n;
    EXPECT_EQ(d.status().code(), StatusCode::kUnsupported) << d.status().message();
    EXPECT_NE(d.status().message().find("old.dict: unsupported dictionary format version 1"),
              std::string::npos)
        << d.status().message();
  }
}

TEST(DictionaryTest, HeaderFieldsAreValidated) {
  const std::string bytes = Tiny();
  // Every 8-byte field of the header and section table: set to garbage, must be rejected.
  for (size_t off = 12;
       off < dictfmt::kHeaderSize + dictfmt::kSectionCount * dictfmt::kSectionEntrySize; off += 4) {
    std::string bad = bytes;
    const uint32_t garbage = 0x7FFFFFF1u;
    std::memcpy(bad.data() + off, &garbage, 4);
    EXPECT_FALSE(Dictionary::FromBytes(bad, "tiny.dict").ok()) << "field at " << off;
  }
}

TEST(DictionaryTest, MissingFileIsNamed) {
  auto d = Dictionary::Load("/nonexistent/ru.dict");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("/nonexistent/ru.dict"), std::string::npos);
}

TEST(DictionaryTest, RealDictionaryTruncationsAreRejected) {
  const std::string path = SVODKA_TEST_BINDIR "/data/ru.dict";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << path << " not built (configure with -DSVODKA_BUILD_DICT=ON)";
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_TRUE(Dictionary::FromBytes(bytes, path).ok());
  for (size_t n : {size_t{0}, size_t{7}, size_t{100}, size_t{4096}, bytes.size() / 3,
                   bytes.size() / 2, bytes.size() - 1, bytes.size() - 8}) {
    EXPECT_FALSE(Dictionary::FromBytes(std::string_view(bytes).substr(0, n), path).ok()) << n;
  }
}

// Single-bit flips at 150 positions of the real dictionary: every byte of the header and the
// section table, then positions spread over every section (a fixed pseudo-random sequence,
// so a failure reproduces). Each one must be rejected.
TEST(DictionaryTest, RealDictionaryBitFlipsAreRejected) {
  const std::string path = SVODKA_TEST_BINDIR "/data/ru.dict";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << path << " not built (configure with -DSVODKA_BUILD_DICT=ON)";
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_TRUE(Dictionary::FromBytes(bytes, path).ok());
  std::vector<size_t> positions;
  const size_t table_end =
      dictfmt::kHeaderSize + dictfmt::kSectionCount * dictfmt::kSectionEntrySize;
  for (size_t i = 0; i < table_end; i += 3) positions.push_back(i);
  uint64_t x = 0x9E3779B97F4A7C15ULL;
  while (positions.size() < 150) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    positions.push_back(table_end + x % (bytes.size() - table_end));
  }
  positions.push_back(bytes.size() - 1);
  int k = 0;
  for (size_t pos : positions) {
    const char mask = static_cast<char>(1 << (k++ % 8));
    bytes[pos] ^= mask;
    EXPECT_FALSE(Dictionary::FromBytes(bytes, path).ok())
        << "bit " << (k - 1) % 8 << " of byte " << pos << " flipped, still loads";
    bytes[pos] ^= mask;
  }
}

}  // namespace
}  // namespace svodka
