// Word clusters: the builder (tools/cluster_builder.h) on a tiny corpus, the file it writes
// read back by the runtime (src/ner/word_clusters.h), the two key functions against each
// other, and the loader against missing, truncated, bit-flipped and mutated files.
#include "ner/word_clusters.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/file.h"
#include "cluster_builder.h"

namespace svodka {
namespace {

namespace fs = std::filesystem;

// Sentences in which cities, people and verbs of saying each have their own contexts.
std::string TinyCorpus() {
  const char* cities[] = {"Москве", "Париже", "Лондоне", "Берлине", "Токио", "Пекине"};
  const char* people[] = {"Лавров", "Кисида", "Путин", "Меркель", "Обама", "Джонсон"};
  const char* verbs[] = {"заявил", "сказал", "сообщил", "отметил"};
  std::string text;
  for (int i = 0; i < 6; ++i) {
    for (int j = 0; j < 6; ++j) {
      const int k = (i + j) % 4;
      text += std::string("Вчера в ") + cities[i] + " министр " + people[j] + " " + verbs[k] +
              " о переговорах " + std::to_string(2000 + i * 6 + j) + " года.\n";
      text += std::string("Встреча прошла в ") + cities[(i + j) % 6] + ", " + verbs[(k + 1) % 4] +
              " " + people[(i + 2 * j) % 6] + ".\n";
    }
  }
  return text;
}

class WordClustersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("svodka_clusters_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Clusters the tiny corpus; the serialized file.
  BrownClusters Build(int threads = 2, int clusters = 4) {
    ClusterCorpus corpus;
    corpus.AddText(TinyCorpus());
    BrownOptions options;
    options.clusters = clusters;
    options.min_count = 2;
    options.threads = threads;
    options.prefixes[0] = 1;
    options.prefixes[1] = 2;
    options.prefixes[2] = 3;
    std::ostringstream log;
    Result<BrownClusters> c = BrownCluster(corpus, options, log);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? std::move(c).value() : BrownClusters{};
  }

  std::string Write(std::string_view bytes, const std::string& name = "c.bin") {
    const std::string path = (dir_ / name).string();
    EXPECT_TRUE(WriteFile(path, bytes).ok());
    return path;
  }

  fs::path dir_;
};

TEST_F(WordClustersTest, RuntimeKeysAreTheBuildersKeys) {
  std::vector<std::string> forms = {
      "Москва",        "МОСКВА",        "Ёлке",     "ЁЖ",    "2017",     "G20", "COVID-19",
      "Бара\xcc\x81к", "по\xc2\xadнял", "O'Neil",   "Ωμέγα", "ǅemal",    "😀",   "ß",
      "\xff\xfe",      "a\xe2\x82",     "\xc2\xad", "",      "İstanbul", "١٢٣", "ＡＢＣ"};
  forms.push_back(std::string(48, 'x'));
  forms.push_back(std::string(96, 'x'));
  forms.push_back(std::string(97, 'x'));
  forms.push_back(std::string(50, 'x') + "Я");
  std::string s;
  for (int i = 0; i < 20; ++i) s += "Ж";  // 40 bytes
  forms.push_back(s + s + "Ж");           // 82 bytes
  forms.push_back(s + s + s);             // 120 bytes: too long
  for (const std::string& f : forms) {
    char buf[WordClusters::kMaxKeyBytes];
    const size_t n = WordClusters::Key(f, buf);
    std::string key;
    const bool ok = ClusterKey(f, &key);
    EXPECT_EQ(n != 0, ok) << f;
    if (ok) {
      EXPECT_EQ(std::string_view(buf, n), key) << f;
    }
  }
  char buf[WordClusters::kMaxKeyBytes];
  EXPECT_EQ(std::string_view(buf, WordClusters::Key("Ёлке-2017", buf)), "елке-0000");
  EXPECT_EQ(std::string_view(buf, WordClusters::Key("Бара\xcc\x81к", buf)), "барак");
}

TEST_F(WordClustersTest, BuildsLoadsAndLooksUp) {
  const BrownClusters c = Build();
  ASSERT_FALSE(c.words.empty());
  EXPECT_EQ(c.cluster_count, 4u);
  const std::string path = Write(SerializeWordClusters(c));
  Result<WordClusters> w = WordClusters::Load(path);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  ASSERT_EQ(w->size(), c.words.size());
  EXPECT_EQ(w->cluster_count(), 4u);
  for (size_t i = 0; i < c.words.size(); ++i) {
    EXPECT_EQ(w->KeyAt(i), c.words[i]);
    std::optional<WordClusterIds> ids = w->Cluster(c.words[i]);
    ASSERT_TRUE(ids.has_value()) << c.words[i];
    EXPECT_EQ(ids->leaf, c.leaves[i]);
    EXPECT_EQ(ids->path, c.paths[i]);
    EXPECT_EQ(ids->path_length, c.path_lengths[i]);
    EXPECT_EQ(ids->count, c.counts[i]);
    for (int g = 0; g < 3; ++g) {
      EXPECT_NE(ids->id[g], 0u);
      const uint32_t l = std::min<uint32_t>(g + 1, ids->path_length);
      EXPECT_EQ(ids->id[g], (1u << l) | uint32_t(ids->path >> (ids->path_length - l)));
    }
  }
  // Any case, ё, digits: the form is keyed like the corpus.
  ASSERT_TRUE(w->Cluster("МОСКВЕ").has_value());
  EXPECT_EQ(w->Cluster("МОСКВЕ")->leaf, w->Cluster("москве")->leaf);
  EXPECT_EQ(w->Cluster("1999")->leaf, w->Cluster("2000")->leaf);  // both "0000"
  EXPECT_FALSE(w->Cluster("Вашингтоне").has_value());
  EXPECT_FALSE(w->Cluster("").has_value());
  EXPECT_FALSE(w->Cluster(std::string(200, 'a')).has_value());
  // Cities share a cluster and people share one, different from the cities'.
  const uint32_t city = w->Cluster("Париже")->leaf;
  const uint32_t person = w->Cluster("Путин")->leaf;
  EXPECT_NE(city, person);
  for (const char* x : {"Москве", "Лондоне", "Берлине", "Токио", "Пекине"})
    EXPECT_EQ(w->Cluster(x)->leaf, city) << x;
  for (const char* x : {"Лавров", "Кисида", "Меркель", "Обама", "Джонсон"})
    EXPECT_EQ(w->Cluster(x)->leaf, person) << x;
  // Paths are distinct per leaf and prefix-free.
  std::vector<std::string> paths(c.cluster_count);
  for (size_t i = 0; i < c.words.size(); ++i)
    paths[c.leaves[i]] = WordClusters::PathString(*w->Cluster(c.words[i]));
  for (size_t a = 0; a < paths.size(); ++a)
    for (size_t b = 0; b < paths.size(); ++b)
      if (a != b) {
        EXPECT_NE(paths[b].rfind(paths[a], 0), 0u) << paths[a] << " " << paths[b];
      }
}

// The incremental loss updates against the losses computed from scratch after every merge, on
// a random Zipf-like text whose words have many kinds of neighbours (rare and frequent ones,
// merges of two large clusters in the second phase).
TEST_F(WordClustersTest, IncrementalLossesMatchTheSlowComputation) {
  std::mt19937 rng(11);
  std::string text;
  for (int sentence = 0; sentence < 400; ++sentence) {
    const int n = 3 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) {
      // Word w with probability ~ 1/(w+1): a few frequent words, a long tail.
      const double u = std::uniform_real_distribution<double>(0, 1)(rng);
      const int w = static_cast<int>(std::exp(u * std::log(300.0))) - 1;
      text += "w" + std::string(1 + w % 3, static_cast<char>('a' + w / 26 % 26)) +
              static_cast<char>('a' + w % 26) + " ";
    }
    text += ".\n";
  }
  for (int c : {3, 8, 20}) {
    ClusterCorpus corpus;
    corpus.AddText(text);
    BrownOptions options;
    options.clusters = c;
    options.min_count = 2;
    options.threads = 2;
    options.verify = true;
    std::ostringstream log;
    Result<BrownClusters> r = BrownCluster(corpus, options, log);
    ASSERT_TRUE(r.ok()) << "C=" << c << ": " << r.status().ToString();
    EXPECT_GT(r->words.size(), 100u);
  }
}

TEST_F(WordClustersTest, OutputIsIndependentOfThreads) {
  const std::string one = SerializeWordClusters(Build(1, 5));
  EXPECT_EQ(SerializeWordClusters(Build(3, 5)), one);
  EXPECT_EQ(SerializeWordClusters(Build(2, 5)), one);
}

TEST_F(WordClustersTest, ToolReadsFilesAndFolders) {
  fs::create_directories(dir_ / "in" / "sub");
  ASSERT_TRUE(WriteFile((dir_ / "in" / "a.txt").string(), TinyCorpus()).ok());
  ASSERT_TRUE(WriteFile((dir_ / "in" / "a.ann").string(), "T1\tPER 0 5\tЛавров\n").ok());
  ASSERT_TRUE(WriteFile((dir_ / "in" / "sub" / "b.conllu").string(),
                        "# text = Лавров сказал.\n1\tЛавров\t_\t_\t_\t_\t_\t_\t_\t_\n"
                        "2\tсказал\t_\t_\t_\t_\t_\t_\t_\t_\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n")
                  .ok());
  ASSERT_TRUE(WriteFile((dir_ / "t.tsv").string(),
                        "id\tINPUT:first_text\turl\nx\tЛавров сказал о Токио.\thttp://a.ru\n")
                  .ok());
  ASSERT_TRUE(WriteFile((dir_ / "r.txt").string(), "Лав|ров| |сказал\n").ok());
  WordClusterBuildOptions options;
  options.inputs = {(dir_ / "in").string(), (dir_ / "t.tsv").string()};
  options.razdel_inputs = {(dir_ / "r.txt").string()};
  options.brown.clusters = 4;
  options.brown.min_count = 2;
  options.out_path = (dir_ / "out.bin").string();
  options.dump_path = (dir_ / "out.txt").string();
  std::ostringstream log;
  Status s = BuildWordClusters(options, log);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_NE(log.str().find("tokens"), std::string::npos) << log.str();
  Result<WordClusters> w = WordClusters::Load(options.out_path);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  ASSERT_TRUE(w->Cluster("лавров").has_value());
  // 6 + 6 times in the text, once in the CoNLL-U, the TSV and the razdel file each; the .ann
  // file and the TSV's other columns are not read.
  EXPECT_EQ(w->Cluster("лавров")->count, 12 + 3u) << log.str();
  EXPECT_FALSE(w->Cluster("t1").has_value());
  Result<std::string> dump = ReadFile(options.dump_path);
  ASSERT_TRUE(dump.ok());
  EXPECT_NE(dump->find("\tлавров\t15\n"), std::string::npos) << *dump;

  options.inputs = {(dir_ / "missing").string()};
  s = BuildWordClusters(options, log);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find("missing"), std::string::npos) << s.message();
  options.inputs = {(dir_ / "in").string()};
  options.brown.min_count = 1000;
  s = BuildWordClusters(options, log);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

TEST_F(WordClustersTest, MissingFileIsAClearError) {
  const std::string path = (dir_ / "nope.bin").string();
  Result<WordClusters> w = WordClusters::Load(path);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), StatusCode::kNotFound);
  EXPECT_NE(w.status().message().find(path), std::string::npos) << w.status().message();
}

TEST_F(WordClustersTest, EveryTruncationIsRefused) {
  const std::string image = SerializeWordClusters(Build());
  for (size_t n = 0; n < image.size(); ++n) {
    Result<WordClusters> w = WordClusters::FromBytes(image.substr(0, n), "cut.bin");
    ASSERT_FALSE(w.ok()) << n;
    EXPECT_EQ(w.status().code(), StatusCode::kDataLoss);
    EXPECT_EQ(w.status().message().rfind("cut.bin: ", 0), 0u) << w.status().message();
  }
  Result<WordClusters> w = WordClusters::FromBytes(image + std::string(8, '\0'), "long.bin");
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("trailing"), std::string::npos) << w.status().message();
}

TEST_F(WordClustersTest, EveryBitFlipIsRefused) {
  const std::string image = SerializeWordClusters(Build());
  ASSERT_TRUE(WordClusters::FromBytes(image, "ok.bin").ok());
  std::string bad = image;
  for (size_t i = 0; i < image.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      bad[i] = static_cast<char>(image[i] ^ (1 << bit));
      Result<WordClusters> w = WordClusters::FromBytes(bad, "flip.bin");
      EXPECT_FALSE(w.ok()) << "byte " << i << " bit " << bit;
      if (!w.ok() && w.status().code() != StatusCode::kUnsupported) {
        EXPECT_EQ(w.status().code(), StatusCode::kDataLoss) << w.status().message();
      }
      bad[i] = image[i];
    }
  }
  // Through the file path as well: the error names the file.
  bad[image.size() - 9] ^= 1;
  const std::string path = Write(bad, "flipped.bin");
  Result<WordClusters> w = WordClusters::Load(path);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find(path), std::string::npos);
  EXPECT_NE(w.status().message().find("checksum"), std::string::npos) << w.status().message();
}

// What the libFuzzer target of other loaders does, deterministically: random mutations with
// the checksum made right, so that the structural checks behind it are exercised. A file that
// loads must answer lookups without reading out of bounds (ASan in `make test-sanitize`) or
// probing forever.
TEST_F(WordClustersTest, MutatedFilesFailCleanlyOrWork) {
  const BrownClusters c = Build();
  const std::string image = SerializeWordClusters(c);
  std::mt19937 rng(7);
  int loaded = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string bad = image;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % bad.size();
      switch (rng() % 4) {
        case 0:
          bad[at] = static_cast<char>(rng());
          break;
        case 1:
          bad[at] = static_cast<char>(bad[at] ^ (1 << (rng() % 8)));
          break;
        case 2:  // a plausible small integer in a 32-bit field
          if (at + 4 <= bad.size()) {
            const uint32_t v = rng() % 70;
            std::memcpy(bad.data() + at, &v, 4);
          }
          break;
        default:
          bad[at] = 0;
          break;
      }
    }
    if (iter % 50 == 0) bad.resize(rng() % (bad.size() + 1));
    if (bad.size() >= kWordClustersHeaderSize) {
      const uint64_t sum = WordClusters::FileChecksum(bad);
      std::memcpy(bad.data() + kWordClustersChecksumOffset, &sum, sizeof sum);
    }
    Result<WordClusters> w = WordClusters::FromBytes(bad, "mutant.bin");
    if (!w.ok()) {
      EXPECT_EQ(w.status().message().rfind("mutant.bin: ", 0), 0u) << w.status().message();
      continue;
    }
    ++loaded;
    for (const std::string& word : c.words) (void)w->Cluster(word);
    for (size_t i = 0; i < w->size(); ++i) (void)w->Cluster(w->KeyAt(i));
    (void)w->Cluster("неизвестное");
  }
  EXPECT_GT(loaded, 0);  // some mutations (of counts, paths) are still valid files
}

TEST_F(WordClustersTest, ConcurrentLookupsAgree) {
  const BrownClusters c = Build();
  Result<WordClusters> w = WordClusters::FromBytes(SerializeWordClusters(c), "c.bin");
  ASSERT_TRUE(w.ok());
  std::vector<uint32_t> expected;
  for (const std::string& word : c.words) expected.push_back(w->Cluster(word)->leaf);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int r = 0; r < 200; ++r)
        for (size_t i = 0; i < c.words.size(); ++i)
          if (w->Cluster(c.words[i])->leaf != expected[i]) ++mismatches[k];
    });
  }
  for (std::thread& t : threads) t.join();
  for (int k = 0; k < 4; ++k) EXPECT_EQ(mismatches[k], 0);
}

// The committed clusters (data/models/word-clusters.bin, model card beside it).
TEST(CommittedWordClusters, LoadFastAndKnowNewsWords) {
  const std::string path = std::string(SVODKA_TEST_SRCDIR) + "/data/models/word-clusters.bin";
  if (!fs::exists(path)) GTEST_SKIP() << path << " is absent";
  const auto t0 = std::chrono::steady_clock::now();
  Result<WordClusters> w = WordClusters::Load(path);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  std::printf("loaded %s: %zu words, %u clusters in %.2f ms\n", path.c_str(), w->size(),
              w->cluster_count(), ms);
  EXPECT_LE(fs::file_size(path), 10u << 20);
  EXPECT_GT(w->size(), 10000u);
  for (const char* word : {"Москва", "Лавров", "министр", "Газпром", "понедельник"}) {
    std::optional<WordClusterIds> ids = w->Cluster(word);
    ASSERT_TRUE(ids.has_value()) << word;
  }
  // Words of one kind share a cluster: days at the coarsest granularity, months and two
  // ministers' surnames at the middle one.
  EXPECT_EQ(w->Cluster("понедельник")->id[0], w->Cluster("вторник")->id[0]);
  EXPECT_EQ(w->Cluster("января")->id[1], w->Cluster("марта")->id[1]);
  EXPECT_EQ(w->Cluster("Лавров")->id[1], w->Cluster("Кудрин")->id[1]);
  EXPECT_NE(w->Cluster("Лавров")->id[1], w->Cluster("Москва")->id[1]);
}

}  // namespace
}  // namespace svodka
