// The entity gold readers (src/eval/entity_gold.h) on small hand-made factRuEval, NEREL and
// Collection5 folders, and their counts on the shared corpora (skipped when ../shared/data is
// absent).
#include "eval/entity_gold.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace svodka {
namespace {

namespace fs = std::filesystem;

// A temporary folder, removed with its files at the end of the test.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("svodka_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  void Write(const std::string& name, std::string_view data) const {
    std::FILE* f = std::fopen((path_ / name).c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fwrite(data.data(), 1, data.size(), f);
    std::fclose(f);
  }
  std::string path() const { return path_.string(); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// The byte span of the n-th (0-based) occurrence of word in text.
Span Find(std::string_view text, std::string_view word, int n = 0) {
  size_t at = text.find(word);
  while (n-- > 0 && at != std::string_view::npos) at = text.find(word, at + 1);
  EXPECT_NE(at, std::string_view::npos) << word;
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())};
}

std::string Show(const EntityGoldDocument& doc, const GoldName& n) {
  return std::string(EntityTypeName(n.type)) + " " + doc.text.substr(n.span.begin, n.span.size());
}

std::vector<std::string> ShowAll(const EntityGoldDocument& doc) {
  std::vector<std::string> out;
  for (const GoldName& n : doc.names) out.push_back(Show(doc, n));
  return out;
}

constexpr std::string_view kFactText =
    "Мэр Москвы Юрий Лужков посетил МИД Грузии. Лужков — мэр столицы.";

void WriteFactRu(const TempDir& dir) {
  dir.Write("book_1.txt", kFactText);
  // Offsets in code points.
  dir.Write("book_1.spans",
            "1 job 0 3 100 1  # 100 Мэр\n"
            "2 loc_name 4 6 101 1  # 101 Москвы\n"
            "3 name 11 4 102 1  # 102 Юрий\n"
            "4 surname 16 6 103 1  # 103 Лужков\n"
            "5 org_name 31 3 105 1  # 105 МИД\n"
            "6 loc_name 35 6 106 1  # 106 Грузии\n"
            "7 surname 43 6 108 1  # 108 Лужков\n"
            "8 job 52 3 110 1  # 110 мэр\n"
            "9 loc_descr 56 7 111 1  # 111 столицы\n");
  dir.Write("book_1.objects",
            "10 LocOrg 2 # Москвы\n"
            "11 Person 3 4 # Юрий Лужков\n"
            "12 Org 5 6 # МИД Грузии\n"
            "13 LocOrg 6 # Грузии\n"
            "14 Person 7 # Лужков\n"
            "15 Location 9 # столицы\n"
            "16 Project 5 # МИД\n");
  dir.Write("book_1.coref",
            "1 10 15\nname Москва\n\n"
            "2 11 14\nfirstname Юрий\nlastname Лужков\n\n"
            "3 12\nname МИД Грузии\n");
  dir.Write("book_1.facts",
            "1-0 Occupation\nWho obj2 Лужков Юрий\nPosition span1 Мэр | span8 мэр\n"
            "Where obj1 Москва\n\n"
            "1-1 Occupation\nWho obj2 Лужков Юрий\nPosition span8 мэр | span1 Мэр\n"
            "Where obj3 МИД Грузии\n\n"
            "1-2 Occupation\nWho obj2 Лужков Юрий\nWhere obj1 Москва\n\n"
            "1-3 Meeting\nParticipant obj2 Лужков Юрий\n");
  dir.Write("book_1.tokens", "100 0 3 Мэр\n");
}

TEST(EntityGoldTest, FactRuEvalNamesChainsAndRoles) {
  TempDir dir("fre_gold");
  WriteFactRu(dir);
  Result<EntityGold> gold = ReadEntityGold(dir.path());
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  EXPECT_EQ(gold->corpus, EntityCorpus::kFactRuEval);
  ASSERT_EQ(gold->docs.size(), 1u);
  const EntityGoldDocument& d = gold->docs[0];
  EXPECT_EQ(d.id, "book_1");
  EXPECT_EQ(d.text, kFactText);
  // A Person is one span from its first to its last span; an Org its org_name spans only;
  // LocOrg/Location their loc_name spans (a Location known by a descriptor has no name); a
  // Project is dropped.
  EXPECT_EQ(ShowAll(d), (std::vector<std::string>{"LOC Москвы", "PER Юрий Лужков", "ORG МИД",
                                                  "LOC Грузии", "PER Лужков"}));
  EXPECT_EQ(d.names[1].span, Find(kFactText, "Юрий Лужков"));
  EXPECT_EQ(d.names[4].span, Find(kFactText, "Лужков", 1));
  // Chains: the three of .coref, then one per object in none (13 Грузии, 16 the Project).
  ASSERT_TRUE(d.has_chains);
  ASSERT_EQ(d.chains.size(), 5u);
  EXPECT_EQ(d.chains[0], (std::vector<uint32_t>{0}));
  EXPECT_EQ(d.chains[1], (std::vector<uint32_t>{1, 4}));
  EXPECT_EQ(d.chains[2], (std::vector<uint32_t>{2}));
  EXPECT_EQ(d.chains[3], (std::vector<uint32_t>{3}));
  EXPECT_TRUE(d.chains[4].empty());
  for (size_t i = 0; i < d.names.size(); ++i) {
    const std::vector<uint32_t>& c = d.chains[d.names[i].chain];
    EXPECT_NE(std::find(c.begin(), c.end(), i), c.end());
  }
  // Occupations: 1-1 repeats 1-0's person and position (only Where differs), 1-2 has no
  // Position, 1-3 is a Meeting.
  ASSERT_TRUE(d.has_roles);
  ASSERT_EQ(d.roles.size(), 1u);
  const GoldRole& r = d.roles[0];
  EXPECT_EQ(r.id, "1-0");
  EXPECT_EQ(r.who, 1u);
  EXPECT_EQ(r.who_spans,
            (std::vector<Span>{Find(kFactText, "Юрий Лужков"), Find(kFactText, "Лужков", 1)}));
  EXPECT_EQ(r.positions, (std::vector<Span>{Find(kFactText, "Мэр"), Find(kFactText, "мэр")}));

  // One document named by any of its files.
  Result<EntityGold> one = ReadEntityGold(dir.file("book_1.spans"));
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  ASSERT_EQ(one->docs.size(), 1u);
  EXPECT_EQ(one->docs[0].names.size(), 5u);
}

TEST(EntityGoldTest, FactRuEvalErrorsNameFileAndLine) {
  TempDir dir("fre_bad");
  WriteFactRu(dir);
  dir.Write("book_1.spans", "1 job 0 3 100 1\n2 loc_name 60 18446744073709551615 1 1\n");
  Result<EntityGold> gold = ReadEntityGold(dir.path());
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find("book_1.spans: line 2: span at 60 of length"),
            std::string::npos)
      << gold.status().message();

  dir.Write("book_1.spans", "1 job 0 3 100 1\n");
  gold = ReadEntityGold(dir.path());
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find("book_1.objects: line 1: span 2 is not in"),
            std::string::npos)
      << gold.status().message();

  dir.Write("book_1.spans", "nonsense\n");
  gold = ReadEntityGold(dir.path());
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find("book_1.spans: line 1: expected"), std::string::npos)
      << gold.status().message();
}

constexpr std::string_view kNerelText =
    "Глава МИД России Сергей Лавров и «Газпром» встретились в Москве.\n"
    "ООО «Ромашка» и Анна и Мария Ивановы тоже.";

TEST(EntityGoldTest, NerelOutermostKeptTypesFragmentsQuotes) {
  TempDir dir("nerel_gold");
  dir.Write("1_text.txt", kNerelText);
  dir.Write("1_text.ann",
            "T1\tPROFESSION 0 16\tГлава МИД России\n"
            "T2\tORGANIZATION 6 16\tМИД России\n"
            "T3\tCOUNTRY 10 16\tРоссии\n"
            "T4\tPERSON 17 30\tСергей Лавров\n"
            "T5\tORGANIZATION 33 42\t«Газпром»\n"
            "T6\tCITY 57 63\tМосква\n"
            "T7\tORGANIZATION 65 78\tООО «Ромашка»\n"
            "T8\tPERSON 81 85;94 101\tАнна Ивановы\n"
            "T9\tPERSON 88 101\tМария Ивановы\n"
            "R1\tWORKPLACE Arg1:T4 Arg2:T2\n"
            "N1\tReference T4 Wikidata:Q1\tЛавров\n"
            "не аннотация, а хвост строки\n");
  Result<EntityGold> gold = ReadEntityGold(dir.path());
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  EXPECT_EQ(gold->corpus, EntityCorpus::kNerel);
  ASSERT_EQ(gold->docs.size(), 1u);
  const EntityGoldDocument& d = gold->docs[0];
  EXPECT_EQ(d.id, "1_text");
  EXPECT_FALSE(d.has_chains);
  // PROFESSION is dropped, so the ORGANIZATION is outermost and the COUNTRY inside it goes;
  // «Газпром» loses its quotes, ООО «Ромашка» keeps them; the fragment "Ивановы" of Анна's
  // discontinuous name lies inside Мария Ивановы.
  EXPECT_EQ(ShowAll(d), (std::vector<std::string>{"ORG МИД России", "PER Сергей Лавров",
                                                  "ORG Газпром", "LOC Москве", "ORG ООО «Ромашка»",
                                                  "PER Анна", "PER Мария Ивановы"}));
  EXPECT_EQ(d.names[2].span, Find(kNerelText, "Газпром"));
  EXPECT_EQ(d.names[6].span, Find(kNerelText, "Мария Ивановы"));
}

// NEREL tags descriptions of organizations too ("полиции Москвы", "компании «Газпром»"):
// they are not names, and the names inside them become the outermost ones; a capitalized
// organization name stays.
TEST(EntityGoldTest, NerelOrganizationDescriptionsAreNotNames) {
  constexpr std::string_view kText =
      "Сотрудники полиции Москвы и компании «Газпром» пришли, а Правительство России молчит.\n";
  TempDir dir("nerel_descr");
  dir.Write("2_text.txt", kText);
  dir.Write("2_text.ann",
            "T1\tORGANIZATION 11 25\tполиции Москвы\n"
            "T2\tCITY 19 25\tМосквы\n"
            "T3\tORGANIZATION 28 46\tкомпании «Газпром»\n"
            "T4\tORGANIZATION 37 46\t«Газпром»\n"
            "T5\tORGANIZATION 57 77\tПравительство России\n"
            "T6\tCOUNTRY 71 77\tРоссии\n");
  Result<EntityGold> gold = ReadEntityGold(dir.path());
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_EQ(gold->docs.size(), 1u);
  EXPECT_EQ(ShowAll(gold->docs[0]),
            (std::vector<std::string>{"LOC Москвы", "ORG Газпром", "ORG Правительство России"}));
}

TEST(EntityGoldTest, Collection5TypesAndTrimmedEdges) {
  TempDir dir("c5_gold");
  const std::string text = "Россия и США\nРИА Новости: Иван Петров прибыл в \"Газпром\".";
  dir.Write("001.txt", text);
  dir.Write("001.ann",
            "T1\tGEOPOLIT 0 6\tРоссия\n"
            "T2\tLOC 9 13\tСША\n"
            "T3\tMEDIA 13 24\tРИА Новости\n"
            "T4\tPER 26 37\tИван Петров\n"
            "T5\tORG 47 56\t\"Газпром\"\n");
  dir.Write("002.txt", "Пусто.");
  dir.Write("002.ann", "");
  Result<EntityGold> gold = ReadEntityGold(dir.path());
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  EXPECT_EQ(gold->corpus, EntityCorpus::kCollection5);
  ASSERT_EQ(gold->docs.size(), 2u);
  const EntityGoldDocument& d = gold->docs[0];
  EXPECT_EQ(ShowAll(d), (std::vector<std::string>{"LOC Россия", "LOC США", "ORG РИА Новости",
                                                  "PER Иван Петров", "ORG Газпром"}));
  EXPECT_EQ(d.names[1].span, Find(text, "США"));  // the line break at its end trimmed
  EXPECT_TRUE(gold->docs[1].names.empty());

  // One document given by its .ann file.
  Result<EntityGold> one = ReadEntityGold(dir.file("001.ann"));
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->corpus, EntityCorpus::kCollection5);
  EXPECT_EQ(one->docs.size(), 1u);
}

TEST(EntityGoldTest, BratErrors) {
  TempDir dir("brat_bad");
  dir.Write("a.txt", "Москва");
  dir.Write("a.ann", "T1\tFOO 0 6\tМосква\n");
  Result<EntityGold> gold = ReadEntityGold(dir.path());
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find("entity type FOO in a.ann is neither"), std::string::npos)
      << gold.status().message();

  dir.Write("a.ann", "T1\tLOC 0 7\tМосква\n");  // 6 characters, not 7
  gold = ReadEntityGold(dir.path());
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find("a.ann: line 1: span at 0 of length 7 beyond the end"),
            std::string::npos)
      << gold.status().message();

  dir.Write("a.ann", "T1\tLOC zero six\tМосква\n");
  gold = ReadEntityGold(dir.path());
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find("a.ann: line 1: expected 'T<n>"), std::string::npos)
      << gold.status().message();

  dir.Write("a.ann", "R1\tWORKPLACE Arg1:T4 Arg2:T2\n");
  gold = ReadEntityGold(dir.path());
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find("cannot tell NEREL from Collection5"), std::string::npos)
      << gold.status().message();

  TempDir empty("entity_empty");
  gold = ReadEntityGold(empty.path());
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find("no entity gold"), std::string::npos);
  EXPECT_FALSE(ReadEntityGold(empty.file("absent")).ok());
}

TEST(EntityGoldTest, KeepOutermostAsNaeval) {
  // Sorted by begin, longest first; a name overlapping the last kept one goes, whatever its
  // type; at an equal span the first listed stays.
  std::vector<GoldName> names = {{{10, 20}, EntityType::kLoc, 1}, {{0, 30}, EntityType::kOrg, 2},
                                 {{25, 40}, EntityType::kPer, 3}, {{40, 45}, EntityType::kPer, 4},
                                 {{40, 45}, EntityType::kLoc, 5}, {{0, 5}, EntityType::kPer, 6}};
  KeepOutermost(&names);
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0].chain, 2u);
  EXPECT_EQ(names[1].chain, 4u);
}

// The corpora as read (the figures of docs/evaluation.md).
TEST(EntityGoldTest, SharedCorporaCounts) {
  const std::string data = SVODKA_TEST_SHARED "/data/";
  if (!fs::exists(data + "factrueval-2016/devset")) GTEST_SKIP() << "shared data absent: " << data;
  struct Expect {
    std::string corpus;
    EntityCorpus kind;
    size_t docs, per, org, loc;
  };
  const Expect expected[] = {
      {"factrueval-2016/devset", EntityCorpus::kFactRuEval, 122, 733, 610, 1008},
      // NEREL's 91 geographic adjectives ("российских") and its descriptions of
      // organizations ("полиции", "компании «Газпром»") are not names (entity_gold.h); the
      // names inside the descriptions are ("Москвы" in "мэрии Москвы").
      {"nerel/dev", EntityCorpus::kNerel, 94, 931, 441, 548},
      {"collection5", EntityCorpus::kCollection5, 833, 8915, 7194, 6022},
  };
  for (const Expect& e : expected) {
    Result<EntityGold> gold = ReadEntityGold(data + e.corpus);
    ASSERT_TRUE(gold.ok()) << gold.status().ToString();
    EXPECT_EQ(gold->corpus, e.kind) << e.corpus;
    EXPECT_EQ(gold->docs.size(), e.docs) << e.corpus;
    size_t count[3] = {0, 0, 0};
    for (const EntityGoldDocument& d : gold->docs) {
      for (const GoldName& n : d.names) {
        ++count[static_cast<int>(n.type)];
        // Spans are bytes of the text, on character boundaries, trimmed.
        ASSERT_LE(n.span.end, d.text.size());
        EXPECT_NE(static_cast<unsigned char>(d.text[n.span.begin]) & 0xC0, 0x80u);
        EXPECT_NE(d.text[n.span.begin], ' ');
        EXPECT_NE(d.text[n.span.end - 1], '\n');
      }
    }
    EXPECT_EQ(count[0], e.per) << e.corpus;
    EXPECT_EQ(count[1], e.org) << e.corpus;
    EXPECT_EQ(count[2], e.loc) << e.corpus;
  }
  // factRuEval: 1258 chains with a name, 194 Occupation facts (211, less 13 without a
  // Position and 4 repeating a person and position).
  Result<EntityGold> fre = ReadEntityGold(data + "factrueval-2016/devset");
  ASSERT_TRUE(fre.ok());
  size_t chains = 0, roles = 0;
  for (const EntityGoldDocument& d : fre->docs) {
    for (const auto& c : d.chains) chains += !c.empty();
    roles += d.roles.size();
  }
  EXPECT_EQ(chains, 1258u);
  EXPECT_EQ(roles, 194u);
}

}  // namespace
}  // namespace svodka
