// Every committed table under data/rules/ is well-formed: the morphology tables through their
// real loader (MorphRules::Load, then Analyzer::Create and CandidateMaker on the tiny and, when
// built, the real dictionary), the others through the strict TSV reader with the shape their
// loaders expect. A bad edit of any table (a missing or extra field, an empty field, stray
// white space, a duplicate key, a contradiction between tables) fails this suite. Also: the
// loaders report a malformed table as a Status naming the table and the line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/embedded.h"
#include "base/file.h"
#include "base/tsv.h"
#include "dict_builder.h"
#include "morph/analyzer.h"
#include "morph/analyzer_rules.h"
#include "morph/candidates.h"
#include "morph/dictionary.h"

namespace svodka {
namespace {

const std::string kRulesDir = SVODKA_TEST_SRCDIR "/data/rules";

// The committed tables, by file name.
std::map<std::string, std::string> CommittedTables() {
  std::map<std::string, std::string> tables;
  for (const auto& entry : std::filesystem::directory_iterator(kRulesDir)) {
    if (entry.path().extension() != ".tsv") continue;
    auto data = ReadFile(entry.path().string());
    EXPECT_TRUE(data.ok()) << data.status().ToString();
    if (data.ok()) tables[entry.path().filename().string()] = *data;
  }
  return tables;
}

// MorphRules::Load over `tables` (file name -> bytes).
Result<MorphRules> LoadRules(const std::map<std::string, std::string>& tables) {
  return MorphRules::Load([&](std::string_view name) -> std::string_view {
    auto it = tables.find(std::string(name));
    return it == tables.end() ? std::string_view() : std::string_view(it->second);
  });
}

// The shape the loaders outside src/morph expect (src/text/sentences.cc, tokenizer.cc,
// src/article/rules.cc): fields, key, and the values a column may take ({} = any).
struct OtherTable {
  TsvSchema schema;
  size_t value_column = 0;  // 0 = none checked
  std::vector<std::string_view> values;
};
const std::map<std::string, OtherTable>& OtherTables() {
  static const auto* kTables = new std::map<std::string, OtherTable>{
      {"abbreviations.tsv", {{2, 2, 1}, 2, {"prefix", "tail"}}},
      {"agencies.tsv", {{2, 2, 1}, 0, {}}},
      {"domains.tsv", {{1, 1, 1}, 0, {}}},
      {"html_noise.tsv", {{2, 2, 1}, 2, {"word", "prefix"}}},
      {"json_fields.tsv", {{2, 2, 1}, 2, {"id", "url", "title", "lead", "text", "published"}}},
      {"link_aliases.tsv", {{3, 3, 1}, 3, {"place", "org"}}},
      {"link_place_adjectives.tsv", {{2, 2, 1}, 0, {}}},
      {"link_pronouns.tsv", {{2, 2, 1}, 2, {"masc", "femn"}}},
      {"link_roles.tsv", {{3, 3, 1}, 2, {"head", "minister", "position", "relation"}}},
      {"ner_head_types.tsv", {{2, 2, 1}, 2, {"LOC", "ORG"}}},
      {"months.tsv",
       {{2, 2, 1}, 2, {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}}},
      {"place_particles.tsv", {{1, 1, 1}, 0, {}}},
      {"related_headings.tsv", {{1, 1, 1}, 0, {}}},
  };
  return *kTables;
}

// The small test dictionary (FromBytes keeps its own copy of the bytes).
Dictionary TinyDictionary() {
  auto bytes = BuildDictionary(TinyDictSource());
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto d = Dictionary::FromBytes(bytes.ok() ? *bytes : std::string(), "tiny.dict");
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return std::move(*d);
}

TEST(RuleTables, EveryCommittedTableHasALoaderAndIsWellFormed) {
  const auto tables = CommittedTables();
  ASSERT_FALSE(tables.empty()) << "no tables in " << kRulesDir;
  const auto& morph = MorphRules::TableNames();
  for (const auto& [name, data] : tables) {
    const bool is_morph = std::find(morph.begin(), morph.end(), name) != morph.end();
    auto other = OtherTables().find(name);
    EXPECT_TRUE(is_morph || other != OtherTables().end())
        << "data/rules/" << name << " has no loader known to this test: add its schema to "
        << "OtherTables() or its loader to MorphRules";
    if (is_morph || other == OtherTables().end()) continue;
    auto rows = ReadTsv("data/rules/" + name, data, other->second.schema);
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    EXPECT_FALSE(rows->empty()) << name;
    const OtherTable& t = other->second;
    if (t.value_column == 0) continue;
    for (const TsvRow& row : *rows) {
      const std::string_view v = row[t.value_column - 1];
      EXPECT_NE(std::find(t.values.begin(), t.values.end(), v), t.values.end())
          << "data/rules/" << name << ":" << row.line << ": unexpected value '" << v << "'";
    }
  }
  for (std::string_view name : morph) {
    EXPECT_TRUE(tables.count(std::string(name))) << "data/rules/" << name << " is missing";
  }
}

TEST(RuleTables, MorphologyTablesLoadWithoutContradictions) {
  auto rules = LoadRules(CommittedTables());
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_FALSE(rules->tag_rules.empty());
  EXPECT_FALSE(rules->lexeme_rules.empty());
  EXPECT_FALSE(rules->conventions.empty());
  EXPECT_FALSE(rules->hyphen_particles.empty());
  EXPECT_FALSE(rules->sym_tokens.empty());
  // Through the real analyzer on the tiny dictionary (every grammeme it has resolves).
  auto a = Analyzer::Create(TinyDictionary(), "tiny.dict", std::move(*rules));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  CandidateMaker maker(&*a);
  SentenceCandidates s;
  std::vector<std::string_view> forms = {"Стол", "и", "стула", "."};
  maker.Build(forms, &s);
  EXPECT_EQ(s.size(), forms.size());
}

TEST(RuleTables, RealDictionaryResolvesEveryTag) {
  const std::string dict = SVODKA_TEST_BINDIR "/data/ru.dict";
  if (!std::filesystem::exists(dict)) GTEST_SKIP() << dict << " not built";
  auto rules = LoadRules(CommittedTables());
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  auto d = Dictionary::Load(dict);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  auto a = Analyzer::Create(std::move(*d), dict, *rules);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  // Every grammeme and tag the tables name exists in the dictionary (the tiny one lacks
  // most; a typo would silently disable a rule).
  for (const auto& r : rules->tag_rules) {
    EXPECT_GE(a->GrammemeId(r.grammeme), 0) << "opencorpora_ud.tsv:" << r.line;
  }
  for (const auto* list :
       {&rules->closed_grammemes, &rules->proper_grammemes, &rules->own_lemma_grammemes}) {
    for (const std::string& g : *list) EXPECT_GE(a->GrammemeId(g), 0) << g;
  }
  for (const auto& c : rules->conventions) {
    if (!c.grammeme.empty()) {
      EXPECT_GE(a->GrammemeId(c.grammeme), 0) << "morph_ud_conventions.tsv:" << c.line;
    }
  }
  for (const auto& r : rules->added_readings) {
    if (r.cls == "neuter_pronoun") continue;
    bool found = false;
    for (size_t t = 0; t < a->TagCount() && !found; ++t) {
      found = a->Tag(static_cast<uint16_t>(t)).text == r.key;
    }
    EXPECT_TRUE(found) << "morph_added_readings.tsv:" << r.line << ": no tag '" << r.key << "'";
  }
}

TEST(RuleTables, EmbeddedTablesAreTheCommittedOnes) {
  const auto tables = CommittedTables();
  size_t n = 0;
  const EmbeddedEntry* embedded = EmbeddedFiles(&n);
  EXPECT_EQ(n, tables.size());
  for (size_t i = 0; i < n; ++i) {
    auto it = tables.find(std::string(embedded[i].name));
    ASSERT_NE(it, tables.end()) << embedded[i].name;
    EXPECT_EQ(it->second, embedded[i].data) << embedded[i].name << ": rebuild to re-embed";
  }
}

// Each morphology table, broken in the ways ReadTsv rejects: the loader's error names the
// table and the line.
TEST(RuleTables, MalformedMorphologyTablesAreErrorsNamingTableAndLine) {
  const auto committed = CommittedTables();
  for (std::string_view name : MorphRules::TableNames()) {
    const std::string file(name);
    const std::string& data = committed.at(file);
    const int lines = static_cast<int>(std::count(data.begin(), data.end(), '\n'));
    // The first data row, and its line number.
    size_t b = 0;
    int first_line = 1;
    while (data[b] == '#') {
      b = data.find('\n', b) + 1;
      ++first_line;
    }
    const std::string first_row = data.substr(b, data.find('\n', b) - b);
    const std::string prefix = "data/rules/" + file + ":";
    struct Broken {
      std::string data;
      std::string where;
    };
    const Broken broken[] = {
        {data + "a\tb\tc\td\te\tf\tg\th\n", prefix + std::to_string(lines + 1) + ": "},
        {data + first_row + "\n", prefix + std::to_string(lines + 1) + ": duplicate key"},
        {data.substr(0, b) + first_row + " " + data.substr(b + first_row.size()),
         prefix + std::to_string(first_line) + ": field"},
        {data.substr(0, b) + "\t" + data.substr(b), prefix + std::to_string(first_line) + ": "},
    };
    for (const Broken& x : broken) {
      auto tables = committed;
      tables[file] = x.data;
      auto rules = LoadRules(tables);
      ASSERT_FALSE(rules.ok()) << file << ": accepted\n" << x.data;
      EXPECT_EQ(rules.status().message().rfind(x.where, 0), 0u)
          << rules.status().message() << "\n  expected to start with: " << x.where;
    }
    // A missing table is an error too.
    auto tables = committed;
    tables.erase(file);
    auto rules = LoadRules(tables);
    ASSERT_FALSE(rules.ok());
    EXPECT_NE(rules.status().message().find(file), std::string::npos) << rules.status().message();
  }
}

// Values that make no sense, and the contradictions between tables this task resolved: each
// is refused with the table and the line.
TEST(RuleTables, ContradictionsAndBadValuesAreRefused) {
  const auto committed = CommittedTables();
  struct Edit {
    const char* table;
    const char* row;
    const char* message;  // the error contains it
  };
  const Edit edits[] = {
      // The example of issue 6: "надо" ADV in the mapping, VERB by convention.
      {"opencorpora_ud.tsv", "lemma\tнадо/PRED\tADV",
       "makes 'надо' VERB, but data/rules/opencorpora_ud.tsv:"},
      {"opencorpora_ud.tsv", "lemma\tтакже/CONJ\tCCONJ", "makes 'также' ADV"},
      {"opencorpora_ud.tsv", "lemma\tбыть/*\tVERB", "overlaps 'быть/VERB'"},
      {"opencorpora_ud.tsv", "pos\tFOO\tNOPE\t-", "unknown UPOS 'NOPE'"},
      {"opencorpora_ud.tsv", "gram\tFoo\t-\tCase", "bad FEATS edit"},
      {"opencorpora_ud.tsv", "gram\tFoo\t-\tCasus=Nom", "unknown UD feature 'Casus'"},
      {"opencorpora_ud.tsv", "feat\tfoo\t-Case", "a feat row sets one feature"},
      {"opencorpora_ud.tsv", "lemma\tbe/VERB\tAUX\t-", "a lemma row has 3 fields, not 4"},
      {"opencorpora_ud.tsv", "lemma\tБыть/VERB\tAUX", "is not a lower-case word"},
      {"opencorpora_ud.tsv", "rule\tx\tNOUN", "unknown kind 'rule'"},
      {"morph_ud_conventions.tsv", "также\tADV\t*\tCCONJ\t-\t-", "contradicts line "},
      {"morph_ud_conventions.tsv", "тот\t*\t*\t-\tтого\t-", "contradicts line "},
      {"morph_ud_conventions.tsv", "где\t*\t*\tADV\t-\t-", "duplicate key"},
      {"morph_ud_conventions.tsv", "что\t*\t*\t-\t-\t-", "changes nothing"},
      {"morph_ud_conventions.tsv", "что\t*\t*\tSUBJ\t-\t-", "unknown UPOS 'SUBJ'"},
      {"morph_ud_conventions.tsv", "что\t*\t*\t-\t-\tKase", "unknown UD feature 'Kase'"},
      {"morph_punct.tsv", "PUNCT\t%", "'%' is already listed at line"},
      {"morph_punct.tsv", "SYM\t%%", "is not one character"},
      {"morph_punct.tsv", "X\t^", "is not SYM or PUNCT"},
      {"morph_grammeme_classes.tsv", "open\tNOUN", "unknown class 'open'"},
      {"morph_added_readings.tsv", "initial\tNOUN,anim sing\tPROPN\t2", "is not a number in"},
      {"morph_added_readings.tsv", "abbreviation\tNOUN,anim sing\tPROPN\t0.5", "has no score"},
      {"morph_added_readings.tsv", "name\tNOUN,anim sing\tPROPN\t-", "unknown class 'name'"},
      {"morph_name_endings.tsv", "ь\tconsonant_name", "is not indeclinable_name or none"},
      {"morph_name_endings.tsv", "ья\tnone", "is not one lower-case letter"},
      {"morph_ordinal_endings.tsv", "ой\tGen\tFem\tSg", "bad Case, Gender or Number"},
      {"morph_hyphen_particles.tsv", "то-то", "without hyphens"},
  };
  for (const Edit& e : edits) {
    auto tables = committed;
    std::string& data = tables.at(e.table);
    data += e.row;
    data += '\n';
    const int line = static_cast<int>(std::count(data.begin(), data.end(), '\n'));
    auto rules = LoadRules(tables);
    ASSERT_FALSE(rules.ok()) << e.table << ": accepted " << e.row;
    const std::string& m = rules.status().message();
    EXPECT_NE(m.find(e.message), std::string::npos) << m << "\n  expected: " << e.message;
    // The error names the line of the edit (or, for a contradiction found from the other
    // table, the line of that table's row).
    const std::string here = "data/rules/" + std::string(e.table) + ":" + std::to_string(line);
    const bool names_line = m.find(here) != std::string::npos;
    const bool names_other = m.rfind("data/rules/morph_ud_conventions.tsv:", 0) == 0;
    EXPECT_TRUE(names_line || names_other) << m << "\n  expected to name " << here;
  }
}

// Errors that need the dictionary are reported by Analyzer::Create with the table and line.
TEST(RuleTables, AnalyzerReportsRowsTheDictionaryCannotResolve) {
  auto tables = CommittedTables();
  tables.at("opencorpora_ud.tsv") += "lemma\tфу/NOPOS\tINTJ\n";
  const int line = static_cast<int>(std::count(tables.at("opencorpora_ud.tsv").begin(),
                                               tables.at("opencorpora_ud.tsv").end(), '\n'));
  auto rules = LoadRules(tables);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  auto a = Analyzer::Create(TinyDictionary(), "tiny.dict", std::move(*rules));
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().message(), "data/rules/opencorpora_ud.tsv:" + std::to_string(line) +
                                      ": part of speech 'NOPOS' is not in tiny.dict");

  tables = CommittedTables();
  tables.at("morph_added_readings.tsv") += "initial\tNOUN,nosuch sing\tPROPN\t0.1\n";
  rules = LoadRules(tables);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  a = Analyzer::Create(TinyDictionary(), "tiny.dict", std::move(*rules));
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("no tag 'NOUN,nosuch sing' (data/rules/"
                                      "morph_added_readings.tsv:"),
            std::string::npos)
      << a.status().message();
}

}  // namespace
}  // namespace svodka
