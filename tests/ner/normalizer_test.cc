// Base forms of named mentions (src/ner/normalizer.h) on sentences analysed by the real
// segmenter, dictionary and tagger (skipped when the compiled dictionary is absent).
#include "ner/normalizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "base/file.h"
#include "morph/morphology.h"
#include "text/segmenter.h"

namespace svodka {
namespace {

const std::string kDict = SVODKA_TEST_BINDIR "/data/ru.dict";
const std::string kModel = SVODKA_TEST_SRCDIR "/data/models/morph-tagger.bin";

class NormalizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kDict) || !std::filesystem::exists(kModel)) return;
    Result<Morphology> m = Morphology::Load(kDict, kModel);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    morphology_ = new Morphology(std::move(*m));
    normalizer_ = new Normalizer(*morphology_);
  }
  static void TearDownTestSuite() {
    delete normalizer_;
    delete morphology_;
    normalizer_ = nullptr;
    morphology_ = nullptr;
  }
  void SetUp() override {
    if (!normalizer_) GTEST_SKIP() << "no " << kDict << " or " << kModel;
  }

  // The document `text`, segmented and tagged, with a mention of `type` for the first
  // occurrence of each of `names` (aligned to tokens).
  static Document Analyse(const std::string& text, EntityType type,
                          const std::vector<std::string>& names) {
    Document doc;
    doc.text = text;
    Scratch scratch;
    EXPECT_TRUE(Segmenter().Annotate(doc, &scratch).ok());
    EXPECT_TRUE(morphology_->Annotate(doc, &scratch).ok());
    for (const std::string& name : names) AddMention(doc, name, type);
    return doc;
  }

  static void AddMention(Document& doc, const std::string& name, EntityType type, size_t from = 0) {
    const size_t at = doc.text.find(name, from);
    ASSERT_NE(at, std::string::npos) << name;
    Mention m;
    m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
    m.type = type;
    m.first_token = UINT32_MAX;
    for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
      if (doc.tokens[t].span.begin == m.span.begin) m.first_token = t;
      if (doc.tokens[t].span.end == m.span.end) m.end_token = t + 1;
    }
    ASSERT_NE(m.first_token, UINT32_MAX) << name << " is not on token boundaries";
    doc.entities.push_back(m);
  }

  // The base form of `name` (type `type`) in `text`, normalized alone.
  static std::string Base(const std::string& text, const std::string& name, EntityType type) {
    Document doc = Analyse(text, type, {name});
    return normalizer_->Normalize(doc, doc.entities.at(0));
  }
  static std::string Per(const std::string& text, const std::string& name) {
    return Base(text, name, EntityType::kPer);
  }
  static std::string Loc(const std::string& text, const std::string& name) {
    return Base(text, name, EntityType::kLoc);
  }
  static std::string Org(const std::string& text, const std::string& name) {
    return Base(text, name, EntityType::kOrg);
  }

  static Morphology* morphology_;
  static Normalizer* normalizer_;
};

Morphology* NormalizerTest::morphology_ = nullptr;
Normalizer* NormalizerTest::normalizer_ = nullptr;

TEST_F(NormalizerTest, TheIssueExamples) {
  EXPECT_EQ(Per("Открывая переговоры с японским коллегой Фумио Кисидой, глава МИД РФ заявил.",
                "Фумио Кисидой"),
            "Фумио Кисида");
  EXPECT_EQ(Org("Глава МИД РФ заявил об этом в Токио.", "МИД РФ"), "МИД РФ");
  EXPECT_EQ(Org("Об этом сообщили в пресс-службе Министерства иностранных дел России.",
                "Министерства иностранных дел России"),
            "Министерство иностранных дел России");
  EXPECT_EQ(Loc("Стороны обсудили совместную хозяйственную деятельность на южных Курилах.",
                "южных Курилах"),
            "Южные Курилы");
  EXPECT_EQ(Per("Он прочитал роман об истории Анны Карениной.", "Анны Карениной"), "Анна Каренина");
  EXPECT_EQ(Per("Переговоры с Лавровым прошли в Токио.", "Лавровым"), "Лавров");
  EXPECT_EQ(Org("Акции «Газпрома» выросли на бирже.", "«Газпрома»"), "«Газпром»");
}

TEST_F(NormalizerTest, SurnameFromTheDocument) {
  // Alone, "Кисиде" reads as a form of "Кисид"; the document names "Кисида".
  Document doc =
      Analyse("Фумио Кисида прибыл в Москву. Лавров вручил Кисиде приглашение посетить Сочи.",
              EntityType::kPer, {"Фумио Кисида", "Лавров", "Кисиде"});
  ASSERT_TRUE(normalizer_->Annotate(doc, nullptr).ok());
  EXPECT_EQ(doc.entities[0].normal, "Фумио Кисида");
  EXPECT_EQ(doc.entities[1].normal, "Лавров");
  EXPECT_EQ(doc.entities[2].normal, "Кисида");
  EXPECT_TRUE(doc.layers & kLayerNormal);
}

TEST_F(NormalizerTest, TheWireStoryOfTheExample) {
  Result<std::string> text =
      ReadFile(SVODKA_TEST_SRCDIR "/examples/tass-2017-03-20-lavrov-kishida.txt");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  Document doc = Analyse(*text, EntityType::kPer, {});
  // (form, its occurrence, type, base form)
  const struct {
    const char* form;
    int nth;
    EntityType type;
    const char* normal;
  } cases[] = {
      {"Лавров", 1, EntityType::kPer, "Лавров"},
      {"Фумио Кисидой", 1, EntityType::kPer, "Фумио Кисида"},
      {"Сергей Лавров", 1, EntityType::kPer, "Сергей Лавров"},
      {"Владимира Путина", 1, EntityType::kPer, "Владимир Путин"},
      {"Лавровым", 1, EntityType::kPer, "Лавров"},
      {"Шойгу", 1, EntityType::kPer, "Шойгу"},
      {"Кисида", 1, EntityType::kPer, "Кисида"},  // "- Кисида заявил"
      {"Кисида", 2, EntityType::kPer, "Кисида"},  // "- Кисида: встреча"
      {"Москвы", 1, EntityType::kLoc, "Москва"},
      {"Токио", 1, EntityType::kLoc, "Токио"},
      {"России", 1, EntityType::kLoc, "Россия"},
      {"Японию", 1, EntityType::kLoc, "Япония"},
      {"Азиатско-Тихоокеанском регионе", 1, EntityType::kLoc, "Азиатско-Тихоокеанский регион"},
      {"Южных Курилах", 1, EntityType::kLoc, "Южные Курилы"},
      {"южных Курилах", 1, EntityType::kLoc, "Южные Курилы"},
      {"Россией", 1, EntityType::kLoc, "Россия"},
      {"АТР", 1, EntityType::kLoc, "АТР"},
      {"МИД РФ", 1, EntityType::kOrg, "МИД РФ"},
      {"МИД Японии", 1, EntityType::kOrg, "МИД Японии"},
      {"Минобороны", 1, EntityType::kOrg, "Минобороны"},
      {"ТАСС", 2, EntityType::kOrg, "ТАСС"},
  };
  for (const auto& c : cases) {
    size_t from = 0;
    for (int k = 1; k < c.nth; ++k) from = doc.text.find(c.form, from) + 1;
    AddMention(doc, c.form, c.type, from);
  }
  std::sort(doc.entities.begin(), doc.entities.end(),
            [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  ASSERT_TRUE(normalizer_->Annotate(doc, nullptr).ok());
  for (const Mention& m : doc.entities) {
    const std::string_view form = doc.Slice(m.span);
    const char* want = nullptr;
    for (const auto& c : cases) {
      if (form == c.form) want = c.normal;
    }
    ASSERT_NE(want, nullptr);
    EXPECT_EQ(m.normal, want) << form;
  }
}

TEST_F(NormalizerTest, TheGuesserReadsWordsTheDictionaryHas) {
  // The dictionary has "Асии" as the masculine "Асий" only; Analyzer::Guess reads it as a
  // form of a feminine "Асия" too.
  const Analyzer& a = morphology_->analyzer();
  std::vector<MorphParse> parses;
  a.Guess("Асии", &parses);
  bool feminine = false;
  for (const MorphParse& p : parses) feminine |= a.Lemma("Асии", p) == "Асия";
  EXPECT_TRUE(feminine);
  a.Guess("ООН-2", &parses);
  EXPECT_TRUE(parses.empty());
  a.Guess("", &parses);
  EXPECT_TRUE(parses.empty());
}

TEST_F(NormalizerTest, MasculineAndFeminineNames) {
  EXPECT_EQ(Per("Заявление Сергея Лаврова опубликовано.", "Сергея Лаврова"), "Сергей Лавров");
  EXPECT_EQ(Per("Брифинг Марии Захаровой начался в полдень.", "Марии Захаровой"), "Мария Захарова");
  EXPECT_EQ(Per("Он встретился с Анной Ивановой в Москве.", "Анной Ивановой"), "Анна Иванова");
  EXPECT_EQ(Per("Убийство Андрея Карлова осудили во всем мире.", "Андрея Карлова"),
            "Андрей Карлов");
  EXPECT_EQ(Per("Он поговорил с Владимиром Путиным по телефону.", "Владимиром Путиным"),
            "Владимир Путин");
  EXPECT_EQ(Per("Встреча с Олегом Дерипаской состоялась вчера.", "Олегом Дерипаской"),
            "Олег Дерипаска");
  // A woman's surname that ends in a consonant does not decline.
  EXPECT_EQ(Per("Он встретился с Терезой Мэй в Лондоне.", "Терезой Мэй"), "Тереза Мэй");
  EXPECT_EQ(Per("Он прокомментировал слова Мишель Обамы о будущем.", "Мишель Обамы"),
            "Мишель Обама");
  EXPECT_EQ(Per("Он поговорил с Мишель Обамой о будущем.", "Мишель Обамой"), "Мишель Обама");
  // A title noun before the name agrees with it.
  EXPECT_EQ(Per("Он говорил об оскорблении пророка Мухаммеда.", "пророка Мухаммеда"),
            "пророк Мухаммед");
}

TEST_F(NormalizerTest, GenderFromTheSentence) {
  // The dictionary has only the masculine "Асий" (genitive "Асия"); the verbs say she.
  Document doc = Analyse(
      "Асия Биби провела восемь лет в тюрьме. Суд оправдал христианку Асию Биби. Адвокат "
      "Асии Биби уехал из страны.",
      EntityType::kPer, {"Асия Биби", "Асию Биби", "Асии Биби"});
  ASSERT_TRUE(normalizer_->Annotate(doc, nullptr).ok());
  for (const Mention& m : doc.entities) EXPECT_EQ(m.normal, "Асия Биби") << doc.Slice(m.span);
}

TEST_F(NormalizerTest, IndeclinableAndForeignNamesStay) {
  EXPECT_EQ(Loc("Переговоры прошли в Токио.", "Токио"), "Токио");
  EXPECT_EQ(Per("Фумио Кисида прибыл в Москву.", "Фумио Кисида"), "Фумио Кисида");
  EXPECT_EQ(Org("Об этом сообщил телеканал Fox News.", "Fox News"), "Fox News");
  EXPECT_EQ(Org("Об этом сообщили в ООН.", "ООН"), "ООН");
  EXPECT_EQ(Per("Он встретился с Антонио Гутерришем.", "Антонио Гутерришем"), "Антонио Гутерриш");
  EXPECT_EQ(Org("Акции компании Apple подешевели.", "компании Apple"), "компания Apple");
}

TEST_F(NormalizerTest, PluralNames) {
  EXPECT_EQ(Loc("Он жил в Соединенных Штатах десять лет.", "Соединенных Штатах"),
            "Соединенные Штаты");  // no "ё" that the text did not write
  EXPECT_EQ(Loc("Делегация прибыла из Нидерландов.", "Нидерландов"), "Нидерланды");
  EXPECT_EQ(Loc("Он отдыхал в Афинах.", "Афинах"), "Афины");
  EXPECT_EQ(Per("Опрос американцев показал рост доверия.", "американцев"), "американцы");
}

TEST_F(NormalizerTest, OrganizationsKeepTheirComplements) {
  EXPECT_EQ(Org("Приговор был отменен Верховным судом Пакистана.", "Верховным судом Пакистана"),
            "Верховный суд Пакистана");
  EXPECT_EQ(Org("Жалобу рассмотрят в Европейском суде по правам человека.",
                "Европейском суде по правам человека"),
            "Европейский суд по правам человека");
  EXPECT_EQ(Org("Он выступил на сессии Генеральной Ассамблеи Организации Объединенных Наций.",
                "Организации Объединенных Наций"),
            "Организация Объединенных Наций");
  EXPECT_EQ(
      Org("Он служил в 101-й воздушно-десантной дивизии.", "101-й воздушно-десантной дивизии"),
      "101-я воздушно-десантная дивизия");
  EXPECT_EQ(Org("Решение приняли в Европейской комиссии.", "Европейской комиссии"),
            "Европейская комиссия");
}

TEST_F(NormalizerTest, PlacesWithAdjectivesAndHyphens) {
  EXPECT_EQ(Loc("Он родился в Нижнем Новгороде.", "Нижнем Новгороде"), "Нижний Новгород");
  EXPECT_EQ(Loc("Учения прошли в Южно-Китайском море.", "Южно-Китайском море"),
            "Южно-Китайское море");
  EXPECT_EQ(Loc("Матч пройдет в Ростове-на-Дону.", "Ростове-на-Дону"), "Ростов-на-Дону");
  EXPECT_EQ(Loc("Он вернулся из Нью-Йорка вчера.", "Нью-Йорка"), "Нью-Йорк");
  EXPECT_EQ(Loc("Встреча прошла в Белом доме.", "Белом доме"), "Белый дом");
  EXPECT_EQ(Loc("Он приехал из Великобритании.", "Великобритании"), "Великобритания");
  EXPECT_EQ(Loc("Этот закон действует в Пакистане.", "Пакистане"), "Пакистан");
  EXPECT_EQ(Loc("Он живет в городе Москве.", "городе Москве"), "город Москва");
  EXPECT_EQ(Org("Он выступил на заседании совета Европы.", "совета Европы"), "совет Европы");
}

TEST_F(NormalizerTest, WhitespaceAndPunctuation) {
  EXPECT_EQ(Org("Пресс-служба «Газпрома» сообщила об этом.", "«Газпрома»"), "«Газпром»");
  EXPECT_EQ(Per("Он встретился с Фумио\n  Кисидой в Токио.", "Фумио\n  Кисидой"), "Фумио Кисида");
}

TEST_F(NormalizerTest, AnnotateLeavesOtherKindsAndBadSpansAlone) {
  Document doc = Analyse("Лавров встретился с Кисидой. Он заявил об этом.", EntityType::kPer,
                         {"Лавров", "Кисидой", "Он"});
  doc.entities[2].kind = MentionKind::kPronoun;
  Mention broken;
  broken.span = {5, 3};  // inverted
  broken.first_token = 7;
  broken.end_token = 1000;
  doc.entities.push_back(broken);
  Mention outside;
  outside.span = {0, 100000};
  outside.first_token = 0;
  outside.end_token = 1000;
  doc.entities.push_back(outside);
  ASSERT_TRUE(normalizer_->Annotate(doc, nullptr).ok());
  EXPECT_EQ(doc.entities[0].normal, "Лавров");
  EXPECT_EQ(doc.entities[1].normal, "Кисида");
  EXPECT_EQ(doc.entities[2].normal, "");
  EXPECT_EQ(doc.entities[3].normal, "");
  EXPECT_EQ(doc.entities[4].normal, "");
}

TEST_F(NormalizerTest, SameResultOnManyThreads) {
  const std::string text =
      "Открывая переговоры с японским коллегой Фумио Кисидой, глава МИД РФ заявил, что "
      "стороны обсудили деятельность на южных Курилах и работу Министерства иностранных "
      "дел России.";
  Document doc = Analyse(text, EntityType::kPer, {"Фумио Кисидой"});
  AddMention(doc, "МИД РФ", EntityType::kOrg);
  AddMention(doc, "южных Курилах", EntityType::kLoc);
  AddMention(doc, "Министерства иностранных дел России", EntityType::kOrg);
  Document expected = doc;
  ASSERT_TRUE(normalizer_->Annotate(expected, nullptr).ok());
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      Scratch scratch;
      for (int round = 0; round < 20; ++round) {
        Document d = doc;
        if (!normalizer_->Annotate(d, &scratch).ok()) ++failures[k];
        for (size_t i = 0; i < d.entities.size(); ++i)
          failures[k] += d.entities[i].normal != expected.entities[i].normal;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int f : failures) EXPECT_EQ(f, 0);
  EXPECT_EQ(expected.entities[0].normal, "Фумио Кисида");
  EXPECT_EQ(expected.entities[1].normal, "МИД РФ");
  EXPECT_EQ(expected.entities[2].normal, "Южные Курилы");
  EXPECT_EQ(expected.entities[3].normal, "Министерство иностранных дел России");
}

}  // namespace
}  // namespace svodka
