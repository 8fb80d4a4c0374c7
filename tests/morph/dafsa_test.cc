// Differential test of the DAFSA (tools/dafsa_builder.h + src/morph/dafsa.h) against a naive
// std::unordered_map built from the same keys: >= 100k (word, paradigm, form) entries over
// Russian-like stems and shared paradigm endings, so suffix sharing is exercised.
#include "morph/dafsa.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "dafsa_builder.h"

namespace svodka {
namespace {

std::string Payload(uint16_t a, uint16_t b) {
  std::string s;
  s.push_back('\x01');
  s.push_back(static_cast<char>(a >> 8));
  s.push_back(static_cast<char>(a & 0xFF));
  s.push_back(static_cast<char>(b >> 8));
  s.push_back(static_cast<char>(b & 0xFF));
  return s;
}

struct Fixture {
  std::unordered_map<std::string, std::vector<std::pair<uint16_t, uint16_t>>> naive;
  std::string bytes;
  Dafsa dafsa;
  size_t entries = 0;
  size_t transitions = 0;
};

const Fixture& Get() {
  static const Fixture* f = [] {
    auto* fx = new Fixture;
    std::mt19937 rng(12345);
    const std::string letters =
        "\xE0\xE1\xE2\xE3\xE4\xE5\xB8\xE6\xE7\xE8\xEA\xEB\xEC\xED\xEE\xEF\xF0\xF1\xF2\xF3-";
    std::vector<std::vector<std::string>> paradigms;
    for (int p = 0; p < 300; ++p) {
      std::vector<std::string> ends;
      const int n = 1 + rng() % 12;
      for (int i = 0; i < n; ++i) {
        std::string e;
        const int len = rng() % 4;
        for (int j = 0; j < len; ++j) e.push_back(letters[rng() % (letters.size() - 1)]);
        ends.push_back(e);
      }
      paradigms.push_back(ends);
    }
    std::set<std::string> keys;
    while (keys.size() < 120000) {
      std::string stem;
      const int len = 1 + rng() % 9;
      for (int j = 0; j < len; ++j) stem.push_back(letters[rng() % letters.size()]);
      const uint16_t p = static_cast<uint16_t>(rng() % paradigms.size());
      for (uint16_t i = 0; i < paradigms[p].size(); ++i) {
        const std::string w = stem + paradigms[p][i];
        if (keys.insert(w + Payload(p, i)).second) fx->naive[w].emplace_back(p, i);
      }
    }
    DafsaBuilder b;
    for (const auto& k : keys) EXPECT_TRUE(b.Add(k).ok());
    fx->entries = keys.size();
    fx->bytes = b.Finish();
    fx->transitions = b.transition_count();
    auto d = Dafsa::Map(fx->bytes, "test");
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    if (d.ok()) fx->dafsa = *d;
    return fx;
  }();
  return *f;
}

std::vector<std::pair<uint16_t, uint16_t>> Lookup(const Dafsa& d, const std::string& w) {
  std::vector<std::pair<uint16_t, uint16_t>> out;
  uint32_t s = d.Walk(d.root(), w);
  if (s >= d.transition_count()) return out;
  s = d.Next(s, 0x01);
  if (s >= d.transition_count()) return out;
  d.Enumerate(s, 4, 1000, [&](const uint8_t* p) {
    out.emplace_back(static_cast<uint16_t>(p[0] << 8 | p[1]),
                     static_cast<uint16_t>(p[2] << 8 | p[3]));
  });
  return out;
}

TEST(DafsaTest, MatchesNaiveMapOnEveryWord) {
  const Fixture& f = Get();
  ASSERT_GE(f.entries, 100000u);
  for (const auto& [w, expected] : f.naive) {
    auto want = expected;
    std::sort(want.begin(), want.end());
    ASSERT_EQ(Lookup(f.dafsa, w), want) << w;
  }
}

TEST(DafsaTest, RejectsWordsNotInTheMap) {
  const Fixture& f = Get();
  std::mt19937 rng(7);
  int checked = 0;
  for (const auto& [w, unused] : f.naive) {
    for (const std::string& probe : {w + "\xFF", w.substr(0, w.size() / 2), "\xFA" + w}) {
      if (f.naive.count(probe)) continue;
      EXPECT_TRUE(Lookup(f.dafsa, probe).empty()) << probe;
      ++checked;
    }
    if (checked > 100000) break;
  }
  EXPECT_GT(checked, 1000);
}

TEST(DafsaTest, IsMinimizedWellBelowTrieSize) {
  const Fixture& f = Get();
  size_t trie_bytes = 0;
  for (const auto& [w, v] : f.naive) trie_bytes += (w.size() + 5) * v.size();
  EXPECT_LT(f.transitions, trie_bytes / 2);
}

TEST(DafsaTest, BuilderRejectsUnsortedAndPrefixKeys) {
  DafsaBuilder b;
  EXPECT_TRUE(b.Add("b\x01").ok());
  EXPECT_FALSE(b.Add("a\x01").ok());
  DafsaBuilder c;
  EXPECT_TRUE(c.Add("a").ok());
  EXPECT_FALSE(c.Add("ab").ok());
}

TEST(DafsaTest, EmptyAutomaton) {
  DafsaBuilder b;
  const std::string bytes = b.Finish();
  auto d = Dafsa::Map(bytes, "empty");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(Lookup(*d, "x").empty());
}

// A corrupt automaton (found by fuzzing a dictionary whose checksum was made to match): one
// state of 256 transitions without an end mark, every one leading back to it, and none to the
// final state. Enumerating 6-byte strings from it would walk 256^6 paths; the work is bounded.
TEST(DafsaTest, CorruptAutomatonCannotMakeLookupsExplode) {
  constexpr uint32_t kCount = 300;
  std::string bytes(8 + (kCount + 7) / 8 * 8 + kCount * 4, '\0');
  const uint32_t root = 0;
  std::memcpy(bytes.data(), &kCount, 4);
  std::memcpy(bytes.data() + 4, &root, 4);
  for (uint32_t i = 0; i < kCount; ++i) {
    bytes[8 + i] = static_cast<char>(i % 256);  // not sorted after 255, never marked last
    const uint32_t next = 0;                    // back to the start: a cycle
    std::memcpy(bytes.data() + 8 + (kCount + 7) / 8 * 8 + i * 4, &next, 4);
  }
  std::string aligned(bytes.size() + 8, '\0');  // Map needs 4-byte alignment
  const size_t shift = (4 - reinterpret_cast<uintptr_t>(aligned.data()) % 4) % 4;
  std::memcpy(aligned.data() + shift, bytes.data(), bytes.size());
  auto d = Dafsa::Map(std::string_view(aligned).substr(shift, bytes.size()), "corrupt");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  int calls = 0;
  EXPECT_EQ(d->Enumerate(0, 6, 256, [&](const uint8_t*) { ++calls; }), 0);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(d->Next(0, 200), 0u);                       // found among the first 256 transitions
  EXPECT_EQ(d->Walk(0, std::string(100000, 'x')), 0u);  // loops, but each step is bounded
}

TEST(DafsaTest, MapRejectsBadSizes) {
  const Fixture& f = Get();
  EXPECT_FALSE(Dafsa::Map(std::string_view(f.bytes).substr(0, 4), "t").ok());
  EXPECT_FALSE(Dafsa::Map(std::string_view(f.bytes).substr(0, f.bytes.size() - 4), "t").ok());
}

}  // namespace
}  // namespace svodka
