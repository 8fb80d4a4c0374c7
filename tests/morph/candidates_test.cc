// CandidateMaker (src/morph/candidates.cc) on the real dictionary, without the tagger: the
// readings Build offers, the UD conventions Describe applies (data/rules/
// morph_ud_conventions.tsv and friends), and the sentence-level conventions of
// DescribeSentence, with the reading of each token picked by hand. Skipped with a message when
// the dictionary is not built.
#include "morph/candidates.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "morph/analyzer.h"

namespace svodka {
namespace {

const Analyzer* Real() {
  static const std::unique_ptr<Analyzer> a = []() -> std::unique_ptr<Analyzer> {
    auto r = Analyzer::Load(SVODKA_TEST_BINDIR "/data/ru.dict");
    if (!r.ok()) return nullptr;
    return std::make_unique<Analyzer>(std::move(*r));
  }();
  return a.get();
}

#define REQUIRE_MAKER()                                                                \
  if (Real() == nullptr) GTEST_SKIP() << SVODKA_TEST_BINDIR "/data/ru.dict not built"; \
  const CandidateMaker maker(Real())

// Every reading Build offers for token i, described.
std::vector<MorphAnalysis> Readings(const CandidateMaker& maker, const SentenceCandidates& s,
                                    size_t i) {
  std::vector<MorphAnalysis> out;
  for (uint32_t k = s.begin[i]; k < s.begin[i + 1]; ++k) {
    out.push_back(maker.Describe(s.tokens[i].form, s.parses[k], s.cands[k]));
  }
  return out;
}

std::string Show(const std::vector<MorphAnalysis>& rs) {
  std::string out;
  for (const auto& r : rs) out += "\n  " + r.lemma + " " + r.upos + " " + r.feats + " " + r.tag;
  return out;
}

// Every context-free parse of one word, described (as `svodka morph` prints them).
std::vector<MorphAnalysis> Describe(const CandidateMaker& maker, std::string_view word) {
  std::vector<MorphParse> ps;
  maker.analyzer().Analyze(word, &ps);
  std::vector<MorphAnalysis> out;
  for (const MorphParse& p : ps) out.push_back(maker.Describe(word, p, TagCandidate{}));
  return out;
}

// The description of word under its first parse whose tag is `tag`.
MorphAnalysis DescribeTag(const CandidateMaker& maker, std::string_view word,
                          std::string_view tag) {
  for (MorphAnalysis& a : Describe(maker, word)) {
    if (a.tag == tag) return a;
  }
  ADD_FAILURE() << word << " has no parse " << tag << Show(Describe(maker, word));
  return {};
}

// Picks, for each token, the first candidate that `pick` accepts (the first one when none
// does), and describes the sentence.
std::vector<MorphAnalysis> Sentence(const CandidateMaker& maker,
                                    std::vector<std::string_view> forms,
                                    const std::function<bool(size_t, const MorphAnalysis&)>& pick,
                                    SentenceCandidates* s) {
  maker.Build(forms, s);
  for (size_t i = 0; i < s->size(); ++i) {
    const auto rs = Readings(maker, *s, i);
    for (size_t k = 0; k < rs.size(); ++k) {
      if (pick(i, rs[k])) {
        s->choice[i] = static_cast<uint16_t>(k);
        break;
      }
    }
  }
  std::vector<MorphAnalysis> out;
  maker.DescribeSentence(*s, &out);
  return out;
}

// ---- Describe: the UD conventions of a token's reading ------------------------------------

TEST(CandidatesDescribe, ByTheTables) {
  REQUIRE_MAKER();
  // "быть" is AUX in every form (opencorpora_ud.tsv), with no VERB reading left.
  for (const MorphAnalysis& a : Describe(maker, "был")) {
    EXPECT_EQ(a.lemma, "быть");
    EXPECT_EQ(a.upos, "AUX") << a.tag;
  }
  // "который" is PRON, not the ADJ (DET) of its OpenCorpora tag; no Degree.
  const MorphAnalysis which = DescribeTag(maker, "который", "ADJF,Apro,Subx,Anph masc,sing,nomn");
  EXPECT_EQ(which.upos, "PRON");
  EXPECT_EQ(which.feats, "Case=Nom|Gender=Masc|Number=Sing");
  // Possessive "его" is DET without features; the personal pronoun keeps them.
  const MorphAnalysis his = DescribeTag(maker, "его", "ADJF,Fixd,Apro,Anph masc,sing,nomn");
  EXPECT_EQ(his.lemma, "его");
  EXPECT_EQ(his.upos, "DET");
  EXPECT_EQ(his.feats, "");
  const MorphAnalysis him = DescribeTag(maker, "его", "NPRO,masc,3per,Anph sing,gent");
  EXPECT_EQ(him.lemma, "он");
  EXPECT_EQ(him.upos, "PRON");
  EXPECT_EQ(him.feats, "Case=Gen|Gender=Masc|Number=Sing|Person=3");
  // Predicatives "надо", "можно", "нельзя" are VERB; "надо" the preposition stays ADP.
  EXPECT_EQ(DescribeTag(maker, "надо", "PRED,pres").upos, "VERB");
  EXPECT_EQ(DescribeTag(maker, "можно", "PRED,pres").upos, "VERB");
  EXPECT_EQ(DescribeTag(maker, "нельзя", "PRED,pres").upos, "VERB");
  EXPECT_EQ(DescribeTag(maker, "надо", "PREP Vpre").upos, "ADP");
  // "также", "однако", "впрочем", "где" are ADV whatever OpenCorpora calls them.
  EXPECT_EQ(DescribeTag(maker, "также", "CONJ").upos, "ADV");
  EXPECT_EQ(DescribeTag(maker, "однако", "CONJ,Prnt").upos, "ADV");
  EXPECT_EQ(DescribeTag(maker, "однако", "INTJ").upos, "ADV");
  EXPECT_EQ(DescribeTag(maker, "впрочем", "CONJ,Prnt").upos, "ADV");
  EXPECT_EQ(DescribeTag(maker, "где", "CONJ").upos, "ADV");
  // "данный", "многий" are ADJ, not DET; "другой" already is in the mapping.
  EXPECT_EQ(DescribeTag(maker, "данных", "ADJF,Apro plur,gent").upos, "ADJ");
  EXPECT_EQ(DescribeTag(maker, "многих", "ADJF,Apro plur,gent").upos, "ADJ");
  EXPECT_EQ(DescribeTag(maker, "другого", "ADJF,Subx,Apro masc,sing,gent").upos, "ADJ");
  // The reflexive pronoun has a case and nothing else.
  EXPECT_EQ(DescribeTag(maker, "себя", "NPRO,Anph sing,gent").feats, "Case=Gen");
  // "должен" is the lemma of the short form.
  EXPECT_EQ(DescribeTag(maker, "должна", "ADJS femn,sing").lemma, "должен");
}

TEST(CandidatesDescribe, LemmasOfSuperlativesOrdinalsAndPrepositions) {
  REQUIRE_MAKER();
  // Superlatives are their own lemma (morph_superlative_endings.tsv).
  EXPECT_EQ(DescribeTag(maker, "лучших", "ADJF,Supr,Qual plur,gent").lemma, "лучший");
  EXPECT_EQ(DescribeTag(maker, "высшем", "ADJF,Supr,Qual masc,sing,loct").lemma, "высший");
  // Ordinals: the ordinal, masculine nominative, ё folded.
  EXPECT_EQ(DescribeTag(maker, "первой", "ADJF,Anum femn,sing,gent").lemma, "первый");
  EXPECT_EQ(DescribeTag(maker, "четвёртая", "ADJF,Anum femn,sing,nomn").lemma, "четвертый");
  // Prepositions are their own lemma, lower case.
  EXPECT_EQ(DescribeTag(maker, "Во", "PREP Vpre").lemma, "во");
}

TEST(CandidatesDescribe, NonWords) {
  REQUIRE_MAKER();
  // Digits: NUM or ADJ ("в 2017 году"); lemma the number.
  const auto year = Describe(maker, "2017");
  ASSERT_EQ(year.size(), 2u) << Show(year);
  EXPECT_EQ(year[0].upos, "NUM");
  EXPECT_EQ(year[1].upos, "ADJ");
  EXPECT_EQ(year[1].lemma, "2017");
  // An ordinal in digits: ADJ only, lemma "N-й".
  const auto decade = Describe(maker, "1990-х");
  ASSERT_EQ(decade.size(), 1u) << Show(decade);
  EXPECT_EQ(decade[0].upos, "ADJ");
  EXPECT_EQ(decade[0].lemma, "1990-й");
  // Roman numerals: ADJ whatever reading, lemma the numeral, no features.
  for (const MorphAnalysis& a : Describe(maker, "XVIII")) {
    EXPECT_EQ(a.upos, "ADJ") << a.tag;
    EXPECT_EQ(a.lemma, "XVIII");
    EXPECT_EQ(a.feats, "");
  }
  // Unknown capitalized Cyrillic words are proper names, lemma the form.
  const auto unknown = Describe(maker, "Щщщ");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].upos, "PROPN");
  EXPECT_EQ(unknown[0].lemma, "Щщщ");
  // Symbols that Unicode calls punctuation (morph_punct.tsv), quotes typed as ``.
  EXPECT_EQ(Describe(maker, "%")[0].upos, "SYM");
  EXPECT_EQ(Describe(maker, "\xE2\x84\x96")[0].upos, "SYM");  // №
  EXPECT_EQ(Describe(maker, "``")[0].upos, "PUNCT");
  EXPECT_EQ(Describe(maker, "''")[0].upos, "PUNCT");
  EXPECT_EQ(Describe(maker, "!")[0].upos, "PUNCT");
  // Initials: three readings (morph_added_readings.tsv, class initial).
  const auto initial = Describe(maker, "В.");
  ASSERT_EQ(initial.size(), 3u) << Show(initial);
  EXPECT_EQ(initial[0].tag, "NOUN,anim,masc,Sgtm,Name,Fixd,Abbr,Init sing,nomn");
  EXPECT_EQ(initial[1].tag, "NOUN,anim,masc,Sgtm,Patr,Fixd,Abbr,Init sing,nomn");
  EXPECT_EQ(initial[2].tag, "NOUN,anim,femn,Sgtm,Name,Fixd,Abbr,Init sing,nomn");
  for (const MorphAnalysis& a : initial) {
    EXPECT_EQ(a.upos, "PROPN");
    EXPECT_EQ(a.lemma, "В");
  }
}

// ---- Build: the readings added to the analyzer's --------------------------------------------

TEST(CandidatesBuild, AddsNameReadingsByTheLastLetter) {
  REQUIRE_MAKER();
  SentenceCandidates s;
  std::vector<std::string_view> forms = {"Тезей", "Мопертюи", "Кукабара", "Кайрелл"};
  maker.Build(forms, &s);
  // Consonant-final ("й" is not listed in morph_name_endings.tsv): a masculine surname in the
  // nominative, lemma the form, beside the guesser's readings.
  auto rs = Readings(maker, s, 0);
  ASSERT_GE(rs.size(), 2u);
  EXPECT_EQ(rs.back().tag, "NOUN,anim,masc,Sgtm,Surn sing,nomn") << Show(rs);
  EXPECT_EQ(rs.back().upos, "PROPN");
  EXPECT_EQ(rs.back().lemma, "Тезей");
  EXPECT_EQ(rs.back().feats, "Animacy=Anim|Case=Nom|Gender=Masc|Number=Sing");
  EXPECT_EQ(s.cands[s.begin[1] - 1].rank, 3);  // added readings rank last
  // Final "и" is indeclinable: a masculine name in each of the six cases.
  rs = Readings(maker, s, 1);
  ASSERT_GE(rs.size(), 6u);
  const char* kCases[] = {"Nom", "Gen", "Dat", "Acc", "Ins", "Loc"};
  for (int c = 0; c < 6; ++c) {
    const MorphAnalysis& a = rs[rs.size() - 6 + c];
    EXPECT_EQ(a.upos, "PROPN");
    EXPECT_EQ(a.lemma, "Мопертюи");
    EXPECT_EQ(a.feats, std::string("Animacy=Anim|Case=") + kCases[c] + "|Gender=Masc|Number=Sing")
        << Show(rs);
  }
  // Final "а" declines: only the guesser's readings.
  for (uint32_t k = s.begin[2]; k < s.begin[3]; ++k) {
    EXPECT_EQ(s.parses[k].source, ParseSource::kGuesser) << Show(Readings(maker, s, 2));
  }
  rs = Readings(maker, s, 3);
  EXPECT_EQ(rs.back().tag, "NOUN,anim,masc,Sgtm,Surn sing,nomn") << Show(rs);
}

TEST(CandidatesBuild, AddsAbbreviationReadings) {
  REQUIRE_MAKER();
  SentenceCandidates s;
  std::vector<std::string_view> forms = {"ГРУ", "ССР"};
  maker.Build(forms, &s);
  for (size_t i = 0; i < 2; ++i) {
    const auto rs = Readings(maker, s, i);
    // The unknown-word reading, then an indeclinable singular proper noun of either common
    // gender in each case: masculine first.
    ASSERT_EQ(rs.size(), 13u) << Show(rs);
    EXPECT_EQ(rs[1].tag, "NOUN,inan,masc,Sgtm,Fixd,Abbr,Orgn sing,nomn");
    EXPECT_EQ(rs[7].tag, "NOUN,inan,femn,Sgtm,Fixd,Abbr,Orgn sing,nomn");
    EXPECT_EQ(rs[12].tag, "NOUN,inan,femn,Sgtm,Fixd,Abbr,Orgn sing,loct");
    for (size_t k = 1; k < rs.size(); ++k) {
      EXPECT_EQ(rs[k].upos, "PROPN");
      EXPECT_EQ(rs[k].lemma, std::string(forms[i]));
    }
  }
}

TEST(CandidatesBuild, AddsPronounToAndDropsAdverbsOfTimeNouns) {
  REQUIRE_MAKER();
  SentenceCandidates s;
  std::vector<std::string_view> forms = {"того", "тем", "том", "утром", "вечером"};
  maker.Build(forms, &s);
  // "до того", "тем не менее", "о том": PRON "то" beside DET "тот" (neuter singular only).
  auto has = [&](size_t i, std::string_view lemma, std::string_view upos, std::string_view feats) {
    for (const MorphAnalysis& a : Readings(maker, s, i)) {
      if (a.lemma == lemma && a.upos == upos && a.feats == feats) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(0, "то", "PRON", "Case=Gen|Gender=Neut|Number=Sing"))
      << Show(Readings(maker, s, 0));
  EXPECT_TRUE(has(0, "тот", "DET", "Case=Gen|Gender=Neut|Number=Sing"));
  EXPECT_FALSE(has(0, "то", "PRON", "Case=Gen|Gender=Masc|Number=Sing"));
  EXPECT_TRUE(has(1, "то", "PRON", "Case=Ins|Gender=Neut|Number=Sing"))
      << Show(Readings(maker, s, 1));
  EXPECT_TRUE(has(2, "то", "PRON", "Case=Loc|Gender=Neut|Number=Sing"))
      << Show(Readings(maker, s, 2));
  // "утром", "вечером" are nouns in UD: the adverb reading is not offered.
  for (size_t i = 3; i < 5; ++i) {
    const auto rs = Readings(maker, s, i);
    ASSERT_FALSE(rs.empty());
    for (const MorphAnalysis& a : rs) EXPECT_EQ(a.upos, "NOUN") << Show(rs);
  }
}

TEST(CandidatesBuild, StressMarksAreRemovedAndShortParticiplesWin) {
  REQUIRE_MAKER();
  SentenceCandidates s;
  std::vector<std::string_view> forms = {"Никола\xCC\x81й", "открыт"};
  maker.Build(forms, &s);
  EXPECT_EQ(s.tokens[0].form, "Николай");
  // "открыт": the short participle (VERB), not the short adjective.
  for (const MorphAnalysis& a : Readings(maker, s, 1)) {
    EXPECT_NE(a.tag.rfind("ADJS", 0), 0u) << a.tag;
  }
}

// ---- DescribeSentence: conventions that need the neighbours -----------------------------------

TEST(CandidatesSentence, KakBeforeANounPhraseIsAdp) {
  REQUIRE_MAKER();
  SentenceCandidates s;
  auto sconj_and_noun = [](size_t, const MorphAnalysis& a) {
    return a.upos == "SCONJ" || a.upos == "NOUN" || a.upos == "VERB";
  };
  auto out = Sentence(maker, {"как", "правило"}, sconj_and_noun, &s);
  EXPECT_EQ(out[0].upos, "ADP");
  EXPECT_EQ(out[0].lemma, "как");
  out = Sentence(maker, {"как", "пришёл"}, sconj_and_noun, &s);
  EXPECT_EQ(out[0].upos, "SCONJ");
  out = Sentence(maker, {"как"}, sconj_and_noun, &s);
  EXPECT_EQ(out[0].upos, "SCONJ");
}

TEST(CandidatesSentence, OrdinalsAgreeWithTheirHeadOrTheirEnding) {
  REQUIRE_MAKER();
  SentenceCandidates s;
  auto roman_and_loc = [](size_t i, const MorphAnalysis& a) {
    return i == 0 ? a.tag == "ROMN" : a.feats.find("Case=Loc") != std::string::npos;
  };
  // "XVIII веке": from the noun after it.
  auto out = Sentence(maker, {"XVIII", "веке"}, roman_and_loc, &s);
  EXPECT_EQ(out[0].upos, "ADJ");
  EXPECT_EQ(out[0].feats, "Case=Loc|Gender=Masc|Number=Sing");
  // "при Карле V": from the name before it.
  auto name_loc = [](size_t i, const MorphAnalysis& a) {
    return i != 1 ||
           (a.upos == "PROPN" && a.feats.find("Case=Loc|Gender=Masc") != std::string::npos);
  };
  out = Sentence(maker, {"при", "Карле", "V"}, name_loc, &s);
  EXPECT_EQ(out[2].feats, "Case=Loc|Gender=Masc|Number=Sing") << out[1].feats;
  // No head: the written ending (morph_ordinal_endings.tsv).
  auto first = [](size_t, const MorphAnalysis&) { return true; };
  EXPECT_EQ(Sentence(maker, {"3-им"}, first, &s)[0].feats, "Case=Ins|Gender=Masc|Number=Sing");
  EXPECT_EQ(Sentence(maker, {"1930-х"}, first, &s)[0].feats, "Case=Gen|Number=Plur");
  EXPECT_EQ(Sentence(maker, {"9-я"}, first, &s)[0].feats, "Case=Nom|Gender=Fem|Number=Sing");
  EXPECT_EQ(Sentence(maker, {"5-ти"}, first, &s)[0].feats, "");  // an ending not listed
}

TEST(CandidatesSentence, ProperNounsFollowCapitalization) {
  REQUIRE_MAKER();
  SentenceCandidates s;
  // A lower-case word is never PROPN, even when its name reading is chosen.
  auto name = [](size_t, const MorphAnalysis& a) { return a.upos == "PROPN"; };
  auto out = Sentence(maker, {"и", "вера"}, name, &s);
  EXPECT_EQ(out[1].upos, "NOUN");
  // A capitalized common noun inside a sentence takes its proper-noun reading, agreeing in
  // case.
  auto common = [](size_t, const MorphAnalysis& a) {
    return a.upos == "NOUN" || a.upos == "CCONJ";
  };
  out = Sentence(maker, {"и", "Вера"}, common, &s);
  EXPECT_EQ(out[1].upos, "PROPN");
  EXPECT_EQ(out[1].lemma, "Вера");
  EXPECT_EQ(out[1].feats, "Animacy=Anim|Case=Nom|Gender=Fem|Number=Sing");
}

TEST(NormalizeLemma, LowerCaseAndYo) {
  EXPECT_EQ(NormalizeLemma("ЁЖ Ёлка"), "еж елка");
  EXPECT_EQ(NormalizeLemma("Apple"), "apple");
  EXPECT_EQ(NormalizeLemma("ЀЁЂ"), "ѐеђ");
}

}  // namespace
}  // namespace svodka
