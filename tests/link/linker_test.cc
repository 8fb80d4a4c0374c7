// Linking names into objects, descriptions, pronouns (src/link/linker.h) and roles
// (src/link/role_finder.h) on sentences analysed by the real segmenter, dictionary and tagger,
// with the names given by hand (skipped when the compiled dictionary is absent); and the
// issue's example through the whole chain with the NER model (skipped when it is absent).
#include "link/linker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/file.h"
#include "link/role_finder.h"
#include "morph/morphology.h"
#include "ner/ner_tagger.h"
#include "ner/normalizer.h"
#include "text/segmenter.h"

namespace svodka {
namespace {

const std::string kDict = SVODKA_TEST_BINDIR "/data/ru.dict";
const std::string kModel = SVODKA_TEST_SRCDIR "/data/models/morph-tagger.bin";
const std::string kNerModel = SVODKA_TEST_SRCDIR "/data/models/ner.bin";
const std::string kClusters = SVODKA_TEST_SRCDIR "/data/models/word-clusters.bin";
const std::string kExample = SVODKA_TEST_SRCDIR "/examples/tass-2017-03-20-lavrov-kishida.txt";

class LinkerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kDict) || !std::filesystem::exists(kModel)) return;
    Result<Morphology> m = Morphology::Load(kDict, kModel);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    morphology_ = new Morphology(std::move(*m));
  }
  static void TearDownTestSuite() {
    delete morphology_;
    morphology_ = nullptr;
  }
  void SetUp() override {
    if (!morphology_) GTEST_SKIP() << "no " << kDict << " or " << kModel;
  }

  // `text` segmented and tagged, without names.
  static Document Analyse(const std::string& text) {
    Document doc;
    doc.text = text;
    Scratch scratch;
    EXPECT_TRUE(Segmenter().Annotate(doc, &scratch).ok());
    EXPECT_TRUE(morphology_->Annotate(doc, &scratch).ok());
    doc.layers |= kLayerEntities;
    return doc;
  }

  // Adds a name of `type` for the n-th occurrence (from 0) of `name`, aligned to tokens.
  static void Name(Document& doc, const std::string& name, EntityType type, int n = 0) {
    size_t at = doc.text.find(name);
    for (int k = 0; k < n && at != std::string::npos; ++k) at = doc.text.find(name, at + 1);
    ASSERT_NE(at, std::string::npos) << name << " #" << n;
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
    std::sort(doc.entities.begin(), doc.entities.end(),
              [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  }
  static void Per(Document& doc, const std::string& name, int n = 0) {
    Name(doc, name, EntityType::kPer, n);
  }
  static void Org(Document& doc, const std::string& name, int n = 0) {
    Name(doc, name, EntityType::kOrg, n);
  }
  static void Loc(Document& doc, const std::string& name, int n = 0) {
    Name(doc, name, EntityType::kLoc, n);
  }

  // Links (and finds roles), then checks the invariants every output must keep.
  static void Link(Document& doc) {
    Scratch scratch;
    ASSERT_TRUE(Linker::Create().Annotate(doc, &scratch).ok());
    ASSERT_TRUE(RoleFinder::Create().Annotate(doc, &scratch).ok());
    CheckInvariants(doc);
  }

  static void CheckInvariants(const Document& doc) {
    EXPECT_TRUE(doc.layers & kLayerObjects);
    EXPECT_TRUE(doc.layers & kLayerRoles);
    for (size_t i = 1; i < doc.entities.size(); ++i)
      EXPECT_LE(doc.entities[i - 1].span.begin, doc.entities[i].span.begin) << "text order";
    std::vector<int> seen(doc.entities.size(), 0);
    for (uint32_t o = 0; o < doc.objects.size(); ++o) {
      const EntityObject& obj = doc.objects[o];
      EXPECT_FALSE(obj.mentions.empty());
      EXPECT_FALSE(obj.name.empty());
      for (size_t k = 0; k < obj.mentions.size(); ++k) {
        ASSERT_LT(obj.mentions[k], doc.entities.size());
        EXPECT_EQ(doc.entities[obj.mentions[k]].object, o);
        if (k > 0) {
          EXPECT_LT(obj.mentions[k - 1], obj.mentions[k]);
        }
        ++seen[obj.mentions[k]];
      }
      if (o > 0) {  // objects in order of their first mention
        EXPECT_LT(doc.objects[o - 1].mentions[0], obj.mentions[0]);
      }
      for (const Role& r : obj.roles) {
        EXPECT_EQ(obj.type, EntityType::kPer);
        EXPECT_FALSE(r.position.empty());
        EXPECT_TRUE(r.org == kNoObject || r.org < doc.objects.size());
        EXPECT_TRUE(r.place == kNoObject || r.place < doc.objects.size());
      }
    }
    for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], 1) << "mention " << i;
  }

  // The object of the n-th mention (from 0) whose whole text is `text` (kNoObject when there is
  // none). Name()'s n counts occurrences in the text instead, names inside names included.
  static uint32_t ObjectOf(const Document& doc, const std::string& text, int n = 0) {
    for (const Mention& m : doc.entities) {
      if (doc.Slice(m.span) != text) continue;
      if (n-- == 0) return m.object;
    }
    return kNoObject;
  }
  static const Mention* MentionOf(const Document& doc, const std::string& text, int n = 0) {
    for (const Mention& m : doc.entities) {
      if (doc.Slice(m.span) != text) continue;
      if (n-- == 0) return &m;
    }
    return nullptr;
  }
  static const EntityObject* Named(const Document& doc, const std::string& name) {
    for (const EntityObject& o : doc.objects)
      if (o.name == name) return &o;
    return nullptr;
  }

  static Morphology* morphology_;
};

Morphology* LinkerTest::morphology_ = nullptr;

TEST_F(LinkerTest, NameVariantsOfAPersonAreOneObject) {
  Document doc = Analyse(
      "Лавров прилетел в Токио. Сергей Лавров провёл переговоры. С. Лавров заявил, что "
      "переговоры прошли успешно. Кисида поблагодарил Лаврова и пообедал с Лавровым.");
  Per(doc, "Лавров");
  Per(doc, "Сергей Лавров");
  Per(doc, "С. Лавров");
  Per(doc, "Кисида");
  Per(doc, "Лаврова");
  Per(doc, "Лавровым");
  Link(doc);
  const uint32_t o = ObjectOf(doc, "Сергей Лавров");
  ASSERT_NE(o, kNoObject);
  EXPECT_EQ(ObjectOf(doc, "Лавров"), o);
  EXPECT_EQ(ObjectOf(doc, "С. Лавров"), o);
  EXPECT_EQ(ObjectOf(doc, "Лаврова"), o);
  EXPECT_EQ(ObjectOf(doc, "Лавровым"), o);
  EXPECT_NE(ObjectOf(doc, "Кисида"), o);
  EXPECT_EQ(doc.objects[o].name, "Сергей Лавров");  // the fullest, in the nominative
  EXPECT_EQ(doc.objects[o].type, EntityType::kPer);
}

TEST_F(LinkerTest, NeverMergesTwoPeopleWhoShareASurname) {
  Document doc = Analyse(
      "Иван Петров и Мария Петрова пришли на собрание. Петров выступил первым. Потом Петрова "
      "опоздала на поезд.");
  Per(doc, "Иван Петров");
  Per(doc, "Мария Петрова");
  Per(doc, "Петров", 2);
  Per(doc, "Петрова", 1);
  Link(doc);
  const uint32_t ivan = ObjectOf(doc, "Иван Петров");
  const uint32_t maria = ObjectOf(doc, "Мария Петрова");
  ASSERT_NE(ivan, kNoObject);
  ASSERT_NE(maria, kNoObject);
  EXPECT_NE(ivan, maria);
  EXPECT_EQ(ObjectOf(doc, "Петров"), ivan);    // "Петров выступил"
  EXPECT_EQ(ObjectOf(doc, "Петрова"), maria);  // "Петрова опоздала"
}

TEST_F(LinkerTest, TwoFirstNamesAreTwoPeopleAndAFirstNameAloneLinksWhenUnambiguous) {
  Document doc = Analyse(
      "Сергей Иванов и Андрей Иванов — братья. Андрей рассказал об этом журналистам. "
      "Сергей Смирнов промолчал. Сергей ушёл.");
  Per(doc, "Сергей Иванов");
  Per(doc, "Андрей Иванов");
  Per(doc, "Андрей", 1);
  Per(doc, "Сергей Смирнов");
  Per(doc, "Сергей", 2);
  Link(doc);
  EXPECT_NE(ObjectOf(doc, "Сергей Иванов"), ObjectOf(doc, "Андрей Иванов"));
  EXPECT_EQ(ObjectOf(doc, "Андрей"), ObjectOf(doc, "Андрей Иванов"));
  // Two Сергеи: "Сергей" alone stays apart from both.
  const uint32_t sergey = ObjectOf(doc, "Сергей");
  EXPECT_NE(sergey, ObjectOf(doc, "Сергей Иванов"));
  EXPECT_NE(sergey, ObjectOf(doc, "Сергей Смирнов"));
}

TEST_F(LinkerTest, OrganizationsByAcronymShortFormAndPlace) {
  Document doc = Analyse(
      "Министерство иностранных дел России выступило с заявлением. В МИД РФ считают, что "
      "российский МИД прав. МИД Японии не согласен. Федеральная миграционная служба и ФМС "
      "России молчат.");
  Org(doc, "Министерство иностранных дел России");
  Org(doc, "МИД РФ");
  Org(doc, "МИД", 1);  // "российский МИД": the adjective outside the name
  Org(doc, "МИД Японии");
  Org(doc, "Федеральная миграционная служба");
  Org(doc, "ФМС России");
  Link(doc);
  const uint32_t mid = ObjectOf(doc, "Министерство иностранных дел России");
  ASSERT_NE(mid, kNoObject);
  EXPECT_EQ(ObjectOf(doc, "МИД РФ"), mid);
  EXPECT_EQ(ObjectOf(doc, "МИД"), mid);
  EXPECT_NE(ObjectOf(doc, "МИД Японии"), mid);
  EXPECT_EQ(doc.objects[mid].name, "Министерство иностранных дел России");
  // "ФМС России" is the service of Россия; the full name without a place is the one service
  // with that core (an unambiguous short form).
  EXPECT_EQ(ObjectOf(doc, "ФМС России"), ObjectOf(doc, "Федеральная миграционная служба"));
}

TEST_F(LinkerTest, AnAcronymOfAPlaceAndTheBracketedNames) {
  Document doc = Analyse(
      "Стабильность в Азиатско-Тихоокеанском регионе важна. Безопасность в АТР обсудят. "
      "Комитет защиты журналистов (Committee to Protect Journalists) выступил.");
  Loc(doc, "Азиатско-Тихоокеанском регионе");
  Org(doc, "АТР");
  Org(doc, "Комитет защиты журналистов");
  Org(doc, "Committee to Protect Journalists");
  Link(doc);
  EXPECT_EQ(ObjectOf(doc, "АТР"), ObjectOf(doc, "Азиатско-Тихоокеанском регионе"));
  EXPECT_EQ(ObjectOf(doc, "Committee to Protect Journalists"),
            ObjectOf(doc, "Комитет защиты журналистов"));
  const uint32_t atr = ObjectOf(doc, "АТР");
  EXPECT_EQ(doc.objects[atr].name, "Азиатско-Тихоокеанский регион");
  EXPECT_EQ(doc.objects[atr].type, EntityType::kLoc);
}

TEST_F(LinkerTest, PlacesByBaseFormAndKnownEquivalents) {
  Document doc = Analyse(
      "Россия и США договорились. В РФ довольны, в Российской Федерации ждут визита. "
      "Соединенные Штаты ответят. Делегация прибыла в Москву, в Москве тепло. "
      "Отдел России в МИД закрыт. Переговоры на южных Курилах и на Курилах продолжатся.");
  Loc(doc, "Россия");
  Loc(doc, "США");
  Loc(doc, "РФ");
  Loc(doc, "Российской Федерации");
  Loc(doc, "Соединенные Штаты");
  Loc(doc, "Москву");
  Loc(doc, "Москве");
  Org(doc, "Отдел России");
  Loc(doc, "южных Курилах");
  Loc(doc, "Курилах", 1);
  Link(doc);
  const uint32_t russia = ObjectOf(doc, "Россия");
  EXPECT_EQ(ObjectOf(doc, "РФ"), russia);
  EXPECT_EQ(ObjectOf(doc, "Российской Федерации"), russia);
  EXPECT_EQ(ObjectOf(doc, "Соединенные Штаты"), ObjectOf(doc, "США"));
  EXPECT_NE(ObjectOf(doc, "США"), russia);
  EXPECT_EQ(ObjectOf(doc, "Москву"), ObjectOf(doc, "Москве"));
  EXPECT_NE(ObjectOf(doc, "Отдел России"), russia);  // a department, not the country
  EXPECT_EQ(ObjectOf(doc, "Курилах"), ObjectOf(doc, "южных Курилах"));
  EXPECT_EQ(doc.objects[ObjectOf(doc, "Москве")].name, "Москва");
  EXPECT_EQ(doc.objects[ObjectOf(doc, "южных Курилах")].name, "Южные Курилы");
}

TEST_F(LinkerTest, PronounsAgreeInGender) {
  Document doc = Analyse(
      "Мария Петрова встретилась с Иваном Сидоровым. Она сказала, что он опоздал. "
      "Потом ему позвонили.");
  Per(doc, "Мария Петрова");
  Per(doc, "Иваном Сидоровым");
  Link(doc);
  const Mention* she = MentionOf(doc, "Она");
  const Mention* he = MentionOf(doc, "он");
  const Mention* him = MentionOf(doc, "ему");
  ASSERT_NE(she, nullptr);
  ASSERT_NE(he, nullptr);
  ASSERT_NE(him, nullptr);
  EXPECT_EQ(she->kind, MentionKind::kPronoun);
  EXPECT_EQ(she->object, ObjectOf(doc, "Мария Петрова"));
  EXPECT_EQ(he->object, ObjectOf(doc, "Иваном Сидоровым"));
  EXPECT_EQ(him->object, ObjectOf(doc, "Иваном Сидоровым"));
}

TEST_F(LinkerTest, PronounsPreferTheSubjectAndSkipThings) {
  Document doc = Analyse(
      "Сергей Лавров обсудил визит Владимира Путина. \"Мы готовы\", - сказал он. "
      "Такой диалог, его углубление важны.");
  Per(doc, "Сергей Лавров");
  Per(doc, "Владимира Путина");
  Link(doc);
  const Mention* he = MentionOf(doc, "он");
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(he->object, ObjectOf(doc, "Сергей Лавров"));  // the subject, not the last name
  EXPECT_EQ(MentionOf(doc, "его"), nullptr);              // "его" is the dialogue's
}

TEST_F(LinkerTest, DescriptionsAndRolesOfAPerson) {
  Document doc = Analyse(
      "Министр иностранных дел России Сергей Лавров провёл переговоры с японским коллегой "
      "Фумио Кисидой. Глава МИД РФ заявил, что переговоры важны. \"Это важно\", - отметил "
      "министр.");
  Loc(doc, "России");
  Per(doc, "Сергей Лавров");
  Per(doc, "Фумио Кисидой");
  Org(doc, "МИД РФ");
  Link(doc);
  const uint32_t lavrov = ObjectOf(doc, "Сергей Лавров");
  const uint32_t kishida = ObjectOf(doc, "Фумио Кисидой");
  ASSERT_NE(lavrov, kNoObject);
  EXPECT_NE(lavrov, kishida);
  const Mention* minister = MentionOf(doc, "Министр иностранных дел России");
  ASSERT_NE(minister, nullptr);
  EXPECT_EQ(minister->kind, MentionKind::kDescription);
  EXPECT_EQ(minister->object, lavrov);
  ASSERT_NE(MentionOf(doc, "японским коллегой"), nullptr);
  EXPECT_EQ(ObjectOf(doc, "японским коллегой"), kishida);
  EXPECT_EQ(ObjectOf(doc, "Глава МИД РФ"), lavrov);  // the same office
  EXPECT_EQ(ObjectOf(doc, "министр"), lavrov);       // "министр" alone
  // Roles: "министр иностранных дел" of Россия; "глава" of МИД РФ; none for the colleague.
  const std::vector<Role>& roles = doc.objects[lavrov].roles;
  ASSERT_GE(roles.size(), 1u);
  EXPECT_EQ(roles[0].position, "министр иностранных дел");
  EXPECT_EQ(doc.Slice(roles[0].span), "Министр иностранных дел России");  // the phrase
  EXPECT_EQ(doc.Slice(roles[0].position_span), "Министр иностранных дел");
  EXPECT_EQ(roles[0].place, ObjectOf(doc, "России"));
  EXPECT_EQ(roles[0].org, kNoObject);
  bool head = false;
  for (const Role& r : roles) {
    if (r.position != "глава") continue;
    head = true;
    EXPECT_EQ(r.org, ObjectOf(doc, "МИД РФ"));
    EXPECT_EQ(r.place, ObjectOf(doc, "России"));  // the place of МИД РФ
  }
  EXPECT_TRUE(head);
  EXPECT_TRUE(doc.objects[kishida].roles.empty());
}

TEST_F(LinkerTest, RolesAfterTheNameAndListedBeforeIt) {
  Document doc = Analyse(
      "Валерий Зорькин, председатель Конституционного суда, высказал сомнения. Депутат "
      "муниципального собрания, сопредседатель движения «Солидарность» Михаил Вельмакин был "
      "задержан. Путин согласился занять пост премьер-министра.");
  Per(doc, "Валерий Зорькин");
  Org(doc, "Конституционного суда");
  Org(doc, "Солидарность");
  Per(doc, "Михаил Вельмакин");
  Per(doc, "Путин");
  Link(doc);
  const EntityObject& zorkin = doc.objects[ObjectOf(doc, "Валерий Зорькин")];
  ASSERT_EQ(zorkin.roles.size(), 1u);
  EXPECT_EQ(zorkin.roles[0].position, "председатель");
  EXPECT_EQ(zorkin.roles[0].org, ObjectOf(doc, "Конституционного суда"));
  const EntityObject& v = doc.objects[ObjectOf(doc, "Михаил Вельмакин")];
  std::set<std::string> positions;
  for (const Role& r : v.roles) positions.insert(r.position);
  EXPECT_TRUE(positions.count("депутат муниципального собрания")) << v.roles.size();
  EXPECT_TRUE(positions.count("сопредседатель движения"));
  const EntityObject& putin = doc.objects[ObjectOf(doc, "Путин")];
  ASSERT_EQ(putin.roles.size(), 1u);
  EXPECT_EQ(putin.roles[0].position, "премьер-министр");
  // A post is not a mention of the person.
  EXPECT_EQ(MentionOf(doc, "премьер-министра"), nullptr);
}

TEST_F(LinkerTest, AnnotatingTwiceGivesTheSameResult) {
  Document doc = Analyse(
      "Министр обороны Сергей Шойгу прибыл в Токио. Он встретился с коллегой. Шойгу доволен.");
  Per(doc, "Сергей Шойгу");
  Loc(doc, "Токио");
  Per(doc, "Шойгу", 1);
  Link(doc);
  const std::vector<Mention> first = doc.entities;
  const size_t objects = doc.objects.size();
  Link(doc);
  ASSERT_EQ(doc.entities.size(), first.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(doc.entities[i].span, first[i].span);
    EXPECT_EQ(doc.entities[i].object, first[i].object);
  }
  EXPECT_EQ(doc.objects.size(), objects);
  EXPECT_EQ(ObjectOf(doc, "Шойгу", 0), ObjectOf(doc, "Сергей Шойгу"));
}

TEST_F(LinkerTest, NoNamesAndBrokenMentionsAreHandled) {
  Document doc = Analyse("Он сказал, что она придёт.");
  Link(doc);
  EXPECT_TRUE(doc.entities.empty());  // no person to refer to
  EXPECT_TRUE(doc.objects.empty());
  Document bad = Analyse("Лавров прилетел.");
  Mention m;
  m.span = {0, 12};
  m.first_token = 5;  // out of range
  m.end_token = 9;
  bad.entities.push_back(m);
  Link(bad);
  ASSERT_EQ(bad.objects.size(), 1u);
  EXPECT_EQ(bad.objects[0].name, "Лавров");
}

TEST_F(LinkerTest, BaseFormsWithoutTheNormalizer) {
  Document doc =
      Analyse("Переговоры на Южных Курилах в Министерстве иностранных дел России с Фумио Кисидой.");
  Loc(doc, "Южных Курилах");
  Org(doc, "Министерстве иностранных дел России");
  Per(doc, "Фумио Кисидой");
  EXPECT_EQ(TokenBaseForm(doc, doc.entities[0]), "Южные Курилы");
  EXPECT_EQ(TokenBaseForm(doc, doc.entities[1]), "Министерство иностранных дел России");
  EXPECT_EQ(TokenBaseForm(doc, doc.entities[2]), "Фумио Кисида");
}

// The issue's example through segmentation, morphology, NER, base forms, linking and roles.
TEST_F(LinkerTest, TheExampleObjects) {
  if (!std::filesystem::exists(kNerModel)) GTEST_SKIP() << "no " << kNerModel;
  Result<NerTagger> ner = NerTagger::Load(kNerModel, kClusters);  // as the pipeline loads it
  ASSERT_TRUE(ner.ok()) << ner.status().ToString();
  Result<std::string> text = ReadFile(kExample);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  Document doc;
  doc.text = *text;
  Scratch scratch;
  ASSERT_TRUE(Segmenter().Annotate(doc, &scratch).ok());
  ASSERT_TRUE(morphology_->Annotate(doc, &scratch).ok());
  ASSERT_TRUE(ner->Annotate(doc, &scratch).ok());
  ASSERT_TRUE(Normalizer(*morphology_).Annotate(doc, &scratch).ok());
  ASSERT_TRUE(Linker::Create().Annotate(doc, &scratch).ok());
  ASSERT_TRUE(RoleFinder::Create().Annotate(doc, &scratch).ok());
  CheckInvariants(doc);

  const uint32_t lavrov = ObjectOf(doc, "Сергей Лавров");
  ASSERT_NE(lavrov, kNoObject);
  EXPECT_EQ(doc.objects[lavrov].name, "Сергей Лавров");
  for (const char* m : {"Лавров", "Лавровым", "глава МИД РФ", "министр иностранных дел России"})
    EXPECT_EQ(ObjectOf(doc, m), lavrov) << m;
  bool minister = false;
  for (const Role& r : doc.objects[lavrov].roles) {
    if (r.position != "министр иностранных дел") continue;
    minister = true;
    ASSERT_NE(r.place, kNoObject);
    EXPECT_EQ(doc.objects[r.place].name, "Россия");
  }
  EXPECT_TRUE(minister);

  const uint32_t kishida = ObjectOf(doc, "Фумио Кисидой");
  ASSERT_NE(kishida, kNoObject);
  EXPECT_EQ(doc.objects[kishida].name, "Фумио Кисида");
  EXPECT_EQ(ObjectOf(doc, "японским коллегой"), kishida);
  // "Кисида" of the related headlines ("Кисида заявил, ...", "Кисида: ...") is the minister.
  int kishida_alone = 0;
  for (const Mention& m : doc.entities)
    if (doc.Slice(m.span) == "Кисида") {
      ++kishida_alone;
      EXPECT_EQ(m.type, EntityType::kPer);
      EXPECT_EQ(m.object, kishida);
    }
  EXPECT_EQ(kishida_alone, 2);
  // No two people merged.
  for (const EntityObject& o : doc.objects) {
    if (o.type != EntityType::kPer) continue;
    std::set<std::string> names;
    for (uint32_t m : o.mentions)
      if (doc.entities[m].kind == MentionKind::kName) names.insert(doc.entities[m].normal);
    const bool l = names.count("Лавров") || names.count("Сергей Лавров");
    const bool k = names.count("Кисида") || names.count("Фумио Кисида");
    const bool p = names.count("Владимир Путин") || names.count("Шойгу");
    EXPECT_LE(int(l) + int(k) + int(p), 1) << o.name;
  }

  EXPECT_EQ(ObjectOf(doc, "ТОКИО"), ObjectOf(doc, "Токио"));
  EXPECT_EQ(ObjectOf(doc, "РФ"), ObjectOf(doc, "России"));
  EXPECT_EQ(ObjectOf(doc, "АТР"), ObjectOf(doc, "Азиатско-Тихоокеанском регионе"));
  EXPECT_EQ(ObjectOf(doc, "Курилах"), ObjectOf(doc, "Южных Курилах"));
  for (const char* name : {"Токио", "Москва", "Россия", "Япония", "Азиатско-Тихоокеанский регион",
                           "Южные Курилы", "МИД РФ", "МИД Японии", "ТАСС"})
    EXPECT_NE(Named(doc, name), nullptr) << name;
  const EntityObject* defence = nullptr;
  for (const EntityObject& o : doc.objects)
    if (o.name.rfind("Минобороны", 0) == 0) defence = &o;
  ASSERT_NE(defence, nullptr);
  EXPECT_EQ(defence->mentions.size(), 3u);
}

}  // namespace
}  // namespace svodka
