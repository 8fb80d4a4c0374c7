// The guesser (src/morph/guesser.cc) on the real dictionary: concrete predictions for words
// the dictionary does not have, and its contract (no closed classes, at most kMaxGuesses,
// sorted, scores below dictionary parses, nothing for short words). Skipped with a message
// when the dictionary is not built.
#include "morph/guesser.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "morph/alphabet.h"
#include "morph/analyzer.h"
#include "morph/dictionary.h"

namespace svodka {
namespace {

struct Real {
  std::unique_ptr<Analyzer> analyzer;
  std::vector<TagInfo> tags;  // the analyzer's tag table, as GuessParses takes it
};

const Real* Get() {
  static const std::unique_ptr<Real> r = []() -> std::unique_ptr<Real> {
    auto a = Analyzer::Load(SVODKA_TEST_BINDIR "/data/ru.dict");
    if (!a.ok()) return nullptr;
    auto r = std::make_unique<Real>();
    r->analyzer = std::make_unique<Analyzer>(std::move(*a));
    for (size_t t = 0; t < r->analyzer->TagCount(); ++t) {
      r->tags.push_back(r->analyzer->Tag(static_cast<uint16_t>(t)));
    }
    return r;
  }();
  return r.get();
}

#define REQUIRE_DICT()                                                               \
  const Real* real = Get();                                                          \
  if (real == nullptr) GTEST_SKIP() << SVODKA_TEST_BINDIR "/data/ru.dict not built"; \
  const Analyzer& a = *real->analyzer

// The guesses for a lower-case word.
std::vector<MorphParse> Guess(const Real& real, std::string_view word) {
  std::string key;
  EXPECT_TRUE(alphabet::EncodeUtf8(word, &key)) << word;
  std::vector<MorphParse> out;
  GuessParses(real.analyzer->dictionary(), real.tags, reinterpret_cast<const uint8_t*>(key.data()),
              static_cast<int>(key.size()), &out);
  return out;
}

struct Reading {
  std::string lemma, upos, tag;
  float score;
};
Reading Describe(const Analyzer& a, std::string_view word, const MorphParse& p) {
  return {a.Lemma(word, p), UposName(p.upos), a.Tag(p.tag).text, p.score};
}

TEST(Guesser, PredictsParadigmsFromTheEnding) {
  REQUIRE_DICT();
  struct Case {
    const char* word;
    const char* lemma;
    const char* upos;
    const char* tag;
  };
  // The best guess of words OpenCorpora does not have.
  const Case cases[] = {
      {"твитнул", "твитнуть", "VERB", "VERB,perf,tran masc,sing,past,indc"},
      {"гуглила", "гуглить", "VERB", "VERB,perf,tran femn,sing,past,indc"},
      {"потвитить", "потвитить", "VERB", "INFN,perf,tran"},
      {"зумеров", "зумер", "NOUN", "NOUN,inan,masc plur,gent"},
      {"кракозябрами", "кракозябра", "NOUN", "NOUN,inan,femn plur,ablt"},
      {"ковидного", "ковидный", "ADJ", "ADJF,Qual masc,sing,gent"},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(a.InDictionary(c.word)) << c.word;
    const auto guesses = Guess(*real, c.word);
    ASSERT_FALSE(guesses.empty()) << c.word;
    const Reading r = Describe(a, c.word, guesses[0]);
    EXPECT_EQ(r.lemma, c.lemma) << c.word;
    EXPECT_EQ(r.upos, c.upos) << c.word;
    EXPECT_EQ(r.tag, c.tag) << c.word;
    EXPECT_EQ(guesses[0].source, ParseSource::kGuesser);
  }
  // The score of a guess is its share of the evidence, halved: "твитнул" 0.4545 = 0.5 * 10/11.
  EXPECT_NEAR(Guess(*real, "твитнул")[0].score, 0.4545, 1e-4);
}

TEST(Guesser, ParadigmPrefixes) {
  REQUIRE_DICT();
  // "наи-" is a paradigm prefix of superlatives: the word is guessed both with and without
  // it, each prefix's evidence normalized on its own (so the scores may sum to up to 1).
  const auto guesses = Guess(*real, "наикрутейший");
  ASSERT_GE(guesses.size(), 2u);
  EXPECT_EQ(a.Tag(guesses[0].tag).text, "ADJF,Supr,Qual masc,sing,nomn");
  double sum = 0;
  for (const MorphParse& p : guesses) sum += p.score;
  EXPECT_GT(sum, 0.5);
  EXPECT_LE(sum, 1.0 + 1e-4);
}

TEST(Guesser, Contract) {
  REQUIRE_DICT();
  for (const char* w : {"твитнул", "зумеров", "кракозябрами", "ковидного", "хрюкотали", "зелюки",
                        "бармаглот", "пыряться", "шорьками"}) {
    const auto guesses = Guess(*real, w);
    ASSERT_FALSE(guesses.empty()) << w;
    EXPECT_LE(guesses.size(), static_cast<size_t>(kMaxGuesses)) << w;
    double sum = 0;
    for (size_t i = 0; i < guesses.size(); ++i) {
      const MorphParse& p = guesses[i];
      sum += p.score;
      EXPECT_EQ(p.source, ParseSource::kGuesser);
      // Never a closed class (pronoun, preposition, conjunction, ...: the "closed" grammemes
      // of data/rules/morph_grammeme_classes.tsv).
      EXPECT_TRUE(a.Tag(p.tag).productive) << w << ": " << a.Tag(p.tag).text;
      EXPECT_GT(p.score, 0) << w;
      EXPECT_LE(p.score, 0.5) << w;
      if (i > 0) {
        EXPECT_GE(guesses[i - 1].score, p.score) << w;
      }
      for (size_t j = 0; j < i; ++j) {  // one guess per (paradigm, tag)
        EXPECT_FALSE(guesses[j].paradigm == p.paradigm && guesses[j].tag == p.tag) << w;
      }
    }
    // Without a paradigm prefix, guesses weigh half of what dictionary parses do.
    EXPECT_LE(sum, 0.5 + 1e-4) << w;
  }
}

TEST(Guesser, NothingForShortWords) {
  REQUIRE_DICT();
  EXPECT_TRUE(Guess(*real, "хыр").empty());  // 3 letters: too short
  EXPECT_FALSE(Guess(*real, "хыры").empty());
  // The analyzer then falls back to an unknown-word parse whose lemma is the word.
  std::vector<MorphParse> ps;
  a.Analyze("хыр", &ps);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].source, ParseSource::kUnknown);
  EXPECT_EQ(a.Lemma("хыр", ps[0]), "хыр");
}

TEST(Guesser, AnalyzerUsesItForUnknownWords) {
  REQUIRE_DICT();
  // Through Analyze: an unknown capitalized noun is PROPN with its capitalization kept.
  std::vector<MorphParse> ps;
  a.Analyze("Кисидой", &ps);
  ASSERT_FALSE(ps.empty());
  EXPECT_EQ(ps[0].source, ParseSource::kGuesser);
  EXPECT_EQ(a.Lemma("Кисидой", ps[0]), "Кисида");
  EXPECT_EQ(UposName(ps[0].upos), std::string("PROPN"));
  // The part after the last hyphen of an unknown compound is guessed, the prefix kept.
  a.Analyze("интернет-кракозябрами", &ps);
  ASSERT_FALSE(ps.empty());
  EXPECT_EQ(ps[0].source, ParseSource::kHyphen);
  EXPECT_EQ(a.Lemma("интернет-кракозябрами", ps[0]), "интернет-кракозябра");
}

}  // namespace
}  // namespace svodka
