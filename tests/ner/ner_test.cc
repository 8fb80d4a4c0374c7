// The NER model file, the BILOU decoding, the tagger stage and the trainer on a tiny corpus.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "base/file.h"
#include "morph/morphology.h"
#include "ner/ner_decode.h"
#include "ner/ner_labels.h"
#include "ner/ner_model.h"
#include "ner/ner_tagger.h"
#include "ner_trainer.h"
#include "text/segmenter.h"

namespace svodka {
namespace {

NerModel::Parts TinyParts() {
  NerModel::Parts p;
  p.hash_bits = 10;
  p.weights.assign((size_t{1} << 10) * kNerLabels, 0);
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> u(-3, 3);
  for (float& w : p.weights) w = u(rng);
  p.transitions.assign(kNerLabels * kNerLabels, 0.5f);
  p.start.assign(kNerLabels, 0.25f);
  p.end.assign(kNerLabels, -0.25f);
  p.gazetteer = {{"Лавров", 1}, {"Москва", 4}};
  return p;
}

TEST(NerLabels, BilouConstraints) {
  const int b_per = NerLabel(Bilou::kB, EntityType::kPer);
  const int l_per = NerLabel(Bilou::kL, EntityType::kPer);
  const int i_org = NerLabel(Bilou::kI, EntityType::kOrg);
  const int u_loc = NerLabel(Bilou::kU, EntityType::kLoc);
  EXPECT_EQ(NerLabelName(b_per), "B-PER");
  EXPECT_EQ(NerLabelName(u_loc), "U-LOC");
  EXPECT_TRUE(NerTransitionAllowed(b_per, l_per));
  EXPECT_FALSE(NerTransitionAllowed(b_per, i_org));  // a name cannot change type
  EXPECT_FALSE(NerTransitionAllowed(b_per, 0));      // nor stop without its last token
  EXPECT_FALSE(NerTransitionAllowed(-1, l_per));     // nor start in the middle
  EXPECT_FALSE(NerTransitionAllowed(b_per, kNerLabels));
  EXPECT_TRUE(NerTransitionAllowed(u_loc, kNerLabels));
  EXPECT_TRUE(NerTransitionAllowed(0, u_loc));
}

TEST(NerDecode, ViterbiNeverSpellsAnIllFormedName) {
  // Emissions that prefer ill-formed sequences (I after O, B at the end) at every position.
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> u(-1, 1);
  NerDecodeScratch scratch;
  std::vector<int> labels;
  for (int round = 0; round < 200; ++round) {
    const int n = 1 + round % 9;
    std::vector<float> e(static_cast<size_t>(n) * kNerLabels);
    for (float& x : e) x = u(rng);
    NerViterbi(
        n, [&](int i, int l) { return e[static_cast<size_t>(i) * kNerLabels + l]; },
        [&](int, int) { return 0.f; }, [&](int) { return 0.f; }, [&](int) { return 0.f; }, &scratch,
        &labels);
    ASSERT_EQ(static_cast<int>(labels.size()), n);
    int prev = -1;
    for (int l : labels) {
      ASSERT_TRUE(NerTransitionAllowed(prev, l)) << NerLabelName(prev) << " " << NerLabelName(l);
      prev = l;
    }
    ASSERT_TRUE(NerTransitionAllowed(prev, kNerLabels));
  }
}

TEST(NerModel, RoundTripAndCorruption) {
  const NerModel m = NerModel::FromParts(TinyParts());
  const std::string bytes = m.Serialize();
  Result<NerModel> back = NerModel::FromBytes(bytes, "tiny.bin");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Serialize(), bytes);
  EXPECT_EQ(back->GazetteerTypes("Лавров"), 1);
  EXPECT_EQ(back->GazetteerTypes("Москва"), 4);
  EXPECT_EQ(back->GazetteerTypes("Тверь"), 0);
  EXPECT_FLOAT_EQ(back->transition(1, 2), 0.5f);
  // Every truncation and a flip of every 97th bit are refused, naming the file.
  for (size_t n = 0; n < bytes.size(); n += 331) {
    Result<NerModel> cut = NerModel::FromBytes(bytes.substr(0, n), "cut.bin");
    ASSERT_FALSE(cut.ok()) << n;
    EXPECT_NE(cut.status().message().find("cut.bin"), std::string::npos);
  }
  for (size_t bit = 0; bit < bytes.size() * 8; bit += 97) {
    std::string bad = bytes;
    bad[bit / 8] = static_cast<char>(bad[bit / 8] ^ (1 << (bit % 8)));
    EXPECT_FALSE(NerModel::FromBytes(bad, "flip.bin").ok()) << "bit " << bit;
  }
}

TEST(NerModel, MissingFileIsNamed) {
  Result<NerModel> m = NerModel::Load("/nonexistent/ner.bin");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("/nonexistent/ner.bin"), std::string::npos);
}

TEST(NerTagger, MentionsFromLabels) {
  Document d;
  d.text = "Сергей Лавров прибыл в Токио";
  for (auto [b, e] : {std::pair{0, 12}, {13, 25}, {26, 38}, {39, 41}, {42, 52}}) {
    Token t;
    t.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    d.tokens.push_back(t);
  }
  std::vector<int> labels = {NerLabel(Bilou::kB, EntityType::kPer),
                             NerLabel(Bilou::kL, EntityType::kPer), 0, 0,
                             NerLabel(Bilou::kU, EntityType::kLoc)};
  std::vector<Mention> out;
  MentionsFromLabels(d, 0, labels, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(d.Slice(out[0].span), "Сергей Лавров");
  EXPECT_EQ(out[0].type, EntityType::kPer);
  EXPECT_EQ(out[0].first_token, 0u);
  EXPECT_EQ(out[0].end_token, 2u);
  EXPECT_EQ(d.Slice(out[1].span), "Токио");
  EXPECT_EQ(out[1].type, EntityType::kLoc);
}

// The trainer on a tiny brat corpus learns it, and its model loads and tags a new sentence;
// needs the dictionary and the morphology model.
TEST(NerTrainer, LearnsATinyCorpus) {
  Result<Morphology> morph = Morphology::LoadDefault();
  if (!morph.ok()) GTEST_SKIP() << "no morphology: " << morph.status().ToString();
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(SVODKA_TEST_BINDIR) / ("ner_tiny_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const char* kPeople[] = {"Сергей Лавров", "Фумио Кисида", "Иван Петров", "Анна Смирнова"};
  const char* kPlaces[] = {"Токио", "Москве", "Париже", "Берлине"};
  for (int i = 0; i < 16; ++i) {
    const std::string person = kPeople[i % 4], place = kPlaces[(i / 4) % 4];
    const std::string text = "Вчера " + person + " выступил в " + place + ".\n";
    std::ofstream(dir / (std::to_string(100 + i) + ".txt")) << text;
    // brat offsets are code points.
    auto cps = [](const std::string& s) {
      size_t n = 0;
      for (unsigned char c : s) n += (c & 0xC0) != 0x80;
      return n;
    };
    const size_t pb = cps("Вчера "), pe = pb + cps(person);
    const size_t lb = pe + cps(" выступил в "), le = lb + cps(place);
    std::ofstream(dir / (std::to_string(100 + i) + ".ann"))
        << "T1\tPER " << pb << " " << pe << "\t" << person << "\nT2\tLOC " << lb << " " << le
        << "\t" << place << "\n";
  }
  NerTrainOptions o;
  o.train = {dir.string()};
  o.out_path = (dir / "model.bin").string();
  o.epochs = 4;
  o.hash_bits = 12;
  o.gazetteer_min_count = 1;
  std::ostringstream log;
  Status s = TrainNer(o, log);
  ASSERT_TRUE(s.ok()) << s.ToString() << "\n" << log.str();
  Result<NerTagger> tagger = NerTagger::Load(o.out_path, "");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  Document doc;
  doc.text = "Вчера Иван Петров выступил в Берлине.";
  ASSERT_TRUE(Segmenter().Annotate(doc, nullptr).ok());
  ASSERT_TRUE(morph->Annotate(doc, nullptr).ok());
  ASSERT_TRUE(tagger->Annotate(doc, nullptr).ok());
  ASSERT_EQ(doc.entities.size(), 2u) << log.str();
  EXPECT_EQ(doc.Slice(doc.entities[0].span), "Иван Петров");
  EXPECT_EQ(doc.entities[0].type, EntityType::kPer);
  EXPECT_EQ(doc.Slice(doc.entities[1].span), "Берлине");
  EXPECT_EQ(doc.entities[1].type, EntityType::kLoc);
  EXPECT_TRUE(doc.layers & kLayerEntities);
  fs::remove_all(dir);
}

// Nothing to learn from is an error, and no model is written.
TEST(NerTrainer, RefusesTooLittleData) {
  NerTrainOptions o;
  o.train = {"/nonexistent/corpus"};
  o.out_path = std::string(SVODKA_TEST_BINDIR) + "/never.bin";
  std::ostringstream log;
  Status s = TrainNer(o, log);
  EXPECT_FALSE(s.ok());
  EXPECT_FALSE(std::filesystem::exists(o.out_path));
}

}  // namespace
}  // namespace svodka
