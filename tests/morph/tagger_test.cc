// Tests of the tagger model format, the perceptron trainer and (when the dictionary, the
// committed model and ../shared are present) the accuracy floor on UD_Russian-GSD dev.
#include "morph/tagger.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "base/conllu.h"
#include "base/file.h"
#include "morph/morphology.h"
#include "morph/tagger_model.h"
#include "morph_trainer.h"

namespace svodka {
namespace {

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

TaggerModel RandomModel(uint32_t bits) {
  std::vector<float> w(size_t{1} << bits);
  std::mt19937 rng(7);
  std::normal_distribution<float> d;
  for (float& x : w) x = d(rng);
  return TaggerModel::FromWeights(std::move(w));
}

TEST(TaggerModelTest, SerializeRoundTrip) {
  TaggerModel m = RandomModel(12);
  std::string bytes = m.Serialize();
  EXPECT_EQ(bytes.size(), 64u + 4u * 4096u);
  Result<TaggerModel> back = TaggerModel::FromBytes(bytes, "mem");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->hash_bits(), 12u);
  EXPECT_EQ(0, std::memcmp(back->weights(), m.weights(), 4096 * sizeof(float)));
}

TEST(TaggerModelTest, SaveAndMapRoundTrip) {
  TaggerModel m = RandomModel(11);
  std::string path = testing::TempDir() + "/tagger_roundtrip.bin";
  ASSERT_TRUE(m.Save(path).ok());
  Result<TaggerModel> back = TaggerModel::Load(path);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(0, std::memcmp(back->weights(), m.weights(), 2048 * sizeof(float)));
  std::remove(path.c_str());
}

TEST(TaggerModelTest, RejectsCorruptFiles) {
  const std::string good = RandomModel(10).Serialize();
  auto load = [](const std::string& bytes) { return TaggerModel::FromBytes(bytes, "m.bin"); };

  Result<TaggerModel> r = load(good.substr(0, good.size() - 4));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(r.status().message().find("m.bin"), std::string::npos);
  EXPECT_NE(r.status().message().find("truncated"), std::string::npos);

  r = load(good.substr(0, 20));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("truncated"), std::string::npos);

  std::string bad = good;
  bad[0] = 'X';
  r = load(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("magic"), std::string::npos);

  bad = good;
  bad[100] ^= 0x40;  // a weight byte
  r = load(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("checksum"), std::string::npos);

  bad = good;
  bad[8] = 9;  // version
  r = load(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);

  bad = good + std::string(8, '\0');
  r = load(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("trailing"), std::string::npos);

  r = TaggerModel::Load(testing::TempDir() + "/no-such-model.bin");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

// Synthetic candidates: tag ids stand for readings; the right one depends on the context.
TagCandidate Cand(const char* tag, uint8_t pos, uint8_t gcase) {
  TagCandidate c;
  c.tag = TaggerHash(tag);
  c.lemma = TaggerHash(tag);
  c.pos = pos;
  c.gcase = gcase;
  return c;
}

TEST(TaggerTrainerTest, OverfitsTinyCorpus) {
  // "стали" is a noun after "из" and a verb after "они"; "мой" is a pronoun before a noun
  // and an imperative before "посуду"; "рядом" is unambiguous.
  const TagCandidate stali[] = {Cand("VERB", 5, 0), Cand("NOUN gent", 1, 2),
                                Cand("NOUN nomn", 1, 1)};
  const TagCandidate moi[] = {Cand("ADJF", 2, 1), Cand("VERB impr", 5, 0)};
  const TagCandidate one[] = {Cand("X", 9, 0)};
  struct Word {
    const char* form;
    const TagCandidate* c;
    uint32_t n;
    int gold;
  };
  const std::vector<std::vector<Word>> corpus = {
      {{"они", one, 1, 0}, {"стали", stali, 3, 0}, {"рядом", one, 1, 0}},
      {{"из", one, 1, 0}, {"стали", stali, 3, 1}},
      {{"это", one, 1, 0}, {"стали", stali, 3, 2}, {"дом", one, 1, 0}},
      {{"мой", moi, 2, 0}, {"дом", one, 1, 0}},
      {{"мой", moi, 2, 1}, {"посуду", one, 1, 0}},
  };
  TaggerTrainingSet set;
  for (const auto& sent : corpus) {
    uint32_t b = static_cast<uint32_t>(set.tokens.size());
    for (const Word& w : sent) {
      set.tokens.push_back(TagToken{w.form, w.c, w.n});
      set.gold.push_back(uint64_t{1} << w.gold);
    }
    set.sentences.emplace_back(b, static_cast<uint32_t>(set.tokens.size()));
  }
  size_t last_errors = 99;
  std::vector<float> w = TrainPerceptron(
      set, 30, 14, 1,
      [&](int, size_t errors, size_t, const std::vector<float>&) { last_errors = errors; });
  EXPECT_EQ(last_errors, 0u);
  TaggerModel model = TaggerModel::FromWeights(std::move(w));
  Tagger tagger(&model);
  TaggerScratch scratch;
  for (const auto& [b, e] : set.sentences) {
    std::vector<uint16_t> choice(e - b);
    tagger.Tag(std::span(set.tokens.data() + b, e - b), &scratch, choice);
    for (uint32_t i = b; i < e; ++i)
      EXPECT_EQ(uint64_t{1} << choice[i - b], set.gold[i]) << set.tokens[i].form;
  }
}

const std::string kDict = SVODKA_TEST_BINDIR "/data/ru.dict";
const std::string kModel = SVODKA_TEST_SRCDIR "/data/models/morph-tagger.bin";

TEST(MorphologyTest, AnnotatesTokensInSentences) {
  if (!Exists(kDict) || !Exists(kModel)) GTEST_SKIP() << "no " << kDict << " or " << kModel;
  Result<Morphology> m = Morphology::Load(kDict, kModel);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  Document doc;
  doc.text = "Мама мыла раму. Стали из стали.";
  std::vector<Token>& tokens = doc.tokens;
  auto add = [&](std::string_view w) {
    size_t b = doc.text.find(w, tokens.empty() ? 0 : tokens.back().span.end);
    Token t;
    t.span = Span{uint32_t(b), uint32_t(b + w.size())};
    tokens.push_back(t);
  };
  for (auto w : {"Мама", "мыла", "раму", ".", "Стали", "из", "стали", "."}) add(w);
  doc.sentences = {{0, tokens[3].span.end}, {tokens[4].span.begin, tokens[7].span.end}};
  ASSERT_TRUE(m->Annotate(doc, nullptr).ok());
  EXPECT_EQ(doc.Lemma(tokens[0]), "мама");
  EXPECT_EQ(doc.Lemma(tokens[1]), "мыть");
  EXPECT_EQ(doc.Upos(tokens[1]), "VERB");
  EXPECT_NE(doc.Feats(tokens[2]).find("Case=Acc"), std::string::npos) << doc.Feats(tokens[2]);
  EXPECT_EQ(doc.Upos(tokens[3]), "PUNCT");
  EXPECT_EQ(doc.Lemma(tokens[6]), "сталь");
  EXPECT_FALSE(doc.Tag(tokens[6]).empty());
}

// A sentence that never ends ("т. т. т. ...", 49 parses a token) is tagged in pieces of
// kMaxTaggedTokens, exactly as if it had been cut into sentences there: scratch memory stays
// bounded instead of growing by kilobytes per token of the whole input.
TEST(MorphologyTest, LongSentenceIsTaggedInBoundedPieces) {
  if (!Exists(kDict) || !Exists(kModel)) GTEST_SKIP() << "no " << kDict << " or " << kModel;
  Result<Morphology> m = Morphology::Load(kDict, kModel);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  const size_t n = Morphology::kMaxTaggedTokens * 5 / 2;
  Document whole, cut;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = i % 3 == 0 ? "т." : (i % 3 == 1 ? "стали" : "мыла");
    Token t;
    t.span = Span{uint32_t(whole.text.size()), uint32_t(whole.text.size() + w.size())};
    whole.tokens.push_back(t);
    whole.text += w;
    whole.text += ' ';
  }
  cut.text = whole.text;
  cut.tokens = whole.tokens;
  whole.sentences = {Span{0, uint32_t(whole.text.size())}};
  ASSERT_TRUE(m->Annotate(whole, nullptr).ok());
  for (size_t b = 0; b < n; b += Morphology::kMaxTaggedTokens) {
    const size_t e = std::min(n, b + Morphology::kMaxTaggedTokens);
    cut.sentences.push_back(Span{cut.tokens[b].span.begin, cut.tokens[e - 1].span.end});
  }
  ASSERT_TRUE(m->Annotate(cut, nullptr).ok());
  for (size_t i = 0; i < n; ++i) {
    ASSERT_FALSE(whole.Lemma(whole.tokens[i]).empty()) << i;
    ASSERT_EQ(whole.Tag(whole.tokens[i]), cut.Tag(cut.tokens[i])) << i;
    ASSERT_EQ(whole.Lemma(whole.tokens[i]), cut.Lemma(cut.tokens[i])) << i;
  }
}

// The readings CandidateMaker adds and the sentence-level UD conventions
// (src/morph/candidates.cc): they must be offered whatever the model picks.
TEST(MorphologyTest, AddsTreebankReadingsAndConventions) {
  if (!Exists(kDict) || !Exists(kModel)) GTEST_SKIP() << "no " << kDict << " or " << kModel;
  Result<Morphology> m = Morphology::Load(kDict, kModel);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  SentenceCandidates s;
  std::vector<MorphAnalysis> out;
  auto offers = [&](size_t i, std::string_view upos, std::string_view feat) {
    for (uint32_t k = s.begin[i]; k < s.begin[i + 1]; ++k) {
      MorphAnalysis a = m->candidates().Describe(s.tokens[i].form, s.parses[k], s.cands[k]);
      if (a.upos == upos && a.feats.find(feat) != std::string::npos) return true;
    }
    return false;
  };
  std::vector<std::string_view> forms = {"До", "того",  "ГРУ",  "и",   "Тезей", "видели", "себя",
                                         "в",  "XVIII", "веке", "при", "Карле", "V"};
  m->TagSentence(forms, &s);
  m->DescribeSentence(s, &out);
  EXPECT_TRUE(offers(1, "PRON", "Case=Gen"));   // "до того": PRON "то"
  EXPECT_TRUE(offers(2, "PROPN", "Case=Gen"));  // unknown abbreviation, any case
  EXPECT_TRUE(offers(4, "PROPN", "Case=Nom|Gender=Masc|Number=Sing"));        // unknown name
  EXPECT_EQ(out[6].feats.find("Number"), std::string::npos) << out[6].feats;  // "себя"
  EXPECT_EQ(out[8].feats, "Case=Loc|Gender=Masc|Number=Sing");                // from "веке"
  EXPECT_EQ(out[12].upos, "ADJ");
  EXPECT_NE(out[12].feats.find("Case="), std::string::npos) << out[12].feats;  // from "Карле"
  EXPECT_EQ(out[12].feats.find("Case="),
            out[12].feats.find(out[11].feats.substr(out[11].feats.find("Case="), 8)))
      << out[11].feats << " / " << out[12].feats;
}

TEST(MorphologyTest, RejectsCorruptModelWithClearError) {
  if (!Exists(kDict)) GTEST_SKIP() << "no " << kDict;
  std::string path = testing::TempDir() + "/corrupt-tagger.bin";
  ASSERT_TRUE(WriteFile(path, "SVTAGGR\x01 not really").ok());
  Result<Morphology> m = Morphology::Load(kDict, path);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find(path), std::string::npos) << m.status().message();
  std::remove(path.c_str());
}

}  // namespace
}  // namespace svodka
