#include "ner/normalizer.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "morph/analyzer_rules.h"
#include "morph/candidates.h"
#include "morph/data_path.h"
#include "text/char_class.h"

namespace svodka {

// Grammeme ids of the analyzer's tag set, resolved once (-1 when the dictionary lacks one).
struct Normalizer::Ids {
  int nomn, gent, gen1, gen2, datv, accs, acc2, ablt, loct, loc1, loc2, voct;
  int sing, plur, masc, femn, neut, msf, gndr, pltm;
  int fixd, abbr, init, name, surn, patr, geox, orgn, trad;
  int noun, adjf, prtf, verb, past, anim, supr;
};

// One token of the mention being normalized.
struct Normalizer::Word {
  uint32_t token = 0;
  std::string_view form;
  bool is_word = false;    // TokenKind::kWord
  bool has_tag = false;    // the token's tag is one of the analyzer's
  bool has_parse = false;  // a reading with a paradigm: the tagger's, or one chosen for it
  MorphParse parse;
  GrammemeSet g;  // the grammemes of `parse` (of the token's tag before a reading is chosen)
  int gcase = -1;
  bool noun = false, adj = false;
  bool upper_first = false, all_caps = false;
  bool keep = false;       // stays as written
  bool evidence = false;   // `out` is a nominative the document attests (not inflected)
  bool name_word = false;  // a capitalized word of a name: its nominative may be remembered
  std::string out;         // the replacement when changed
  bool changed = false;
};

// A reading of a word considered for it: the analyzer's or the guesser's.
struct Normalizer::Reading {
  MorphParse p;
  GrammemeSet g;
  int gcase = -1;
  bool tagger = false;   // the reading the tagger chose
  bool guessed = false;  // from Analyzer::Guess, not the analyzer's own readings
};

// What a call reuses: the words of the mention, readings, and the document's evidence.
struct Normalizer::Buffers {
  std::vector<Word> words;
  size_t count = 0;  // words[0, count) are the mention's
  std::vector<MorphParse> parses, guesses, other;
  std::vector<Reading> readings;
  std::vector<std::vector<Reading>> cached;  // per word of a person's name: its Readings
  std::vector<size_t> pre, ordinals;         // NormalizePhrase: words before the head
  EntityType type = EntityType::kPer;
  // Nominatives the first pass over the document's names found reliable: capitalized words
  // left as written in the nominative ("Асия", "Кисида", "Биби"), and the words of names whose
  // gender the text gives. The second pass prefers readings whose nominative is one of them.
  std::unordered_set<std::string> kept;
  std::vector<std::string> kept_sorted;  // the same, sorted: by their first two letters
  bool evidence = false;                 // the second pass
  // Gender votes (masculine, feminine) of the document's person names, by GroupKey.
  std::unordered_map<std::string, std::pair<int, int>> genders;
  bool gender_from_text = false;  // the current person mention's context gives its gender
  int context_case = -1;          // the case the sentence gives the current person mention
  // ContextGender of the current mention when Annotate has computed it (-2: not yet).
  int known_gender = -2, known_case = -1;
  // Per mention of the document: its context (gender, case) and its first-pass base form.
  std::vector<std::pair<int, int>> contexts;
  std::vector<std::string> first;
  // The name words of the current mention: their base forms, and whether evidence could
  // change them (a form kept as written that may be an oblique form of a kept nominative).
  std::vector<std::pair<std::string, bool>> outputs;
  std::vector<std::vector<std::pair<std::string, bool>>> mention_outputs;  // per mention
};

namespace {

bool IsUpperCp(char32_t c) {
  return (c >= U'А' && c <= U'Я') || c == U'Ё' || (c >= U'A' && c <= U'Z');
}
bool IsLowerCp(char32_t c) {
  return (c >= U'а' && c <= U'я') || c == U'ё' || (c >= U'a' && c <= U'z');
}
char32_t ToUpperCp(char32_t c) {
  if (c >= U'а' && c <= U'я') return c - 0x20;
  if (c == U'ё') return U'Ё';
  if (c >= U'a' && c <= U'z') return c - 0x20;
  return c;
}

// Whether the first letter is a capital, and whether every letter is (two letters or more).
void Shape(std::string_view s, bool* upper_first, bool* all_caps) {
  size_t i = 0, letters = 0, upper = 0;
  *upper_first = false;
  bool first = true;
  while (i < s.size()) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(s, i, &len);
    if (IsUpperCp(c) || IsLowerCp(c)) {
      ++letters;
      if (IsUpperCp(c)) ++upper;
      if (first) *upper_first = IsUpperCp(c);
      first = false;
    }
    i += len;
  }
  *all_caps = letters >= 2 && upper == letters;
}

bool HasYo(std::string_view s) {
  return s.find("\xD1\x91") != std::string_view::npos ||  // ё
         s.find("\xD0\x81") != std::string_view::npos;    // Ё
}

// "ё" -> "е" (and capitals) in place: the output keeps the writer's spelling.
void DropYo(std::string* s) {
  for (size_t i = 0; i + 1 < s->size(); ++i) {
    if ((*s)[i] == '\xD1' && (*s)[i + 1] == '\x91') {
      (*s)[i] = '\xD0';
      (*s)[i + 1] = '\xB5';
    } else if ((*s)[i] == '\xD0' && (*s)[i + 1] == '\x81') {
      (*s)[i + 1] = '\x95';
    }
  }
}

// The word's first letter in capitals.
void CapitalizeFirst(std::string* s) {
  if (s->empty()) return;
  size_t len = 1;
  const char32_t c = DecodeUtf8(*s, 0, &len);
  if (!IsLowerCp(c)) return;
  std::string up;
  AppendUtf8(ToUpperCp(c), &up);
  s->replace(0, len, up);
}

// The last letter of the word is a consonant (or "ь"; not "й", "м"): a woman's surname
// that ends so does not decline ("Меркель", "Клинтон").
bool EndsInConsonant(std::string_view s) {
  size_t last = s.size();
  while (last > 0 && (static_cast<unsigned char>(s[last - 1]) & 0xC0) == 0x80) --last;
  if (last == 0) return false;
  size_t len = 1;
  char32_t c = DecodeUtf8(s, last - 1, &len);
  if (IsUpperCp(c)) c = c + 0x20;
  if (c == U'Ё' + 0x20) c = U'ё';
  if (!IsLowerCp(c)) return false;
  // Not a vowel, and not the "й" or "м" of a declined form ("Обамой", "Лавровым").
  static constexpr std::u32string_view kNotConsonants = U"аеёиоуыэюяймaeiouy";
  return kNotConsonants.find(c) == std::u32string_view::npos;
}

// Appends text between two tokens: any white space run becomes one space.
void AppendGap(std::string_view gap, std::string* out) {
  const CharClasses& cc = CharClasses::Get();
  bool space = false;
  for (size_t i = 0; i < gap.size();) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(gap, i, &len);
    const CharClass k = cc.Of(c);
    if (k == kCcSpace || k == kCcNewline) {
      space = true;
    } else {
      if (space && !out->empty()) out->push_back(' ');
      space = false;
      out->append(gap.substr(i, len));
    }
    i += len;
  }
  if (space && !out->empty()) out->push_back(' ');
}

// The mentions of one person share it: the first three letters of each capitalized word,
// lower case, "ё" as "е" ("Асии Биби" and "Асия Биби": "аси|биб").
std::string GroupKey(const Document& doc, const Mention& m) {
  const CharClasses& cc = CharClasses::Get();
  std::string key;
  const uint32_t end = std::min<uint32_t>(m.end_token, doc.tokens.size());
  for (uint32_t t = m.first_token; t < end; ++t) {
    const std::string_view w = doc.Slice(doc.tokens[t].span);
    bool up = false, caps = false;
    Shape(w, &up, &caps);
    if (doc.tokens[t].kind != TokenKind::kWord || !up) continue;
    if (!key.empty()) key.push_back('|');
    for (size_t i = 0, n = 0; i < w.size() && n < 3; ++n) {
      size_t len = 1;
      char32_t c = cc.ToLower(DecodeUtf8(w, i, &len));
      if (c == U'ё') c = U'е';
      AppendUtf8(c, &key);
      i += len;
    }
  }
  return key;
}

}  // namespace

Normalizer::Normalizer(std::shared_ptr<const Analyzer> analyzer)
    : Normalizer(analyzer, analyzer.get()) {}

Normalizer::Normalizer(const Morphology& morphology)
    : Normalizer(nullptr, &morphology.analyzer()) {}

Normalizer::Normalizer(std::shared_ptr<const Analyzer> owned, const Analyzer* analyzer)
    : owned_(std::move(owned)), analyzer_(analyzer) {
  const Analyzer& a = *analyzer_;
  auto id = [&](std::string_view n) { return a.GrammemeId(n); };
  ids_ = std::make_unique<const Ids>(
      Ids{id("nomn"), id("gent"), id("gen1"), id("gen2"), id("datv"), id("accs"),
          id("acc2"), id("ablt"), id("loct"), id("loc1"), id("loc2"), id("voct"),
          id("sing"), id("plur"), id("masc"), id("femn"), id("neut"), id("Ms-f"),
          id("GNdr"), id("Pltm"), id("Fixd"), id("Abbr"), id("Init"), id("Name"),
          id("Surn"), id("Patr"), id("Geox"), id("Orgn"), id("Trad"), id("NOUN"),
          id("ADJF"), id("PRTF"), id("VERB"), id("past"), id("anim"), id("Supr")});
  tag_ids_.reserve(a.TagCount());
  for (size_t t = 0; t < a.TagCount(); ++t) {
    tag_ids_.emplace(a.Tag(static_cast<uint16_t>(t)).text, static_cast<uint16_t>(t));
  }
}

Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;
Normalizer::~Normalizer() = default;

Result<Normalizer> Normalizer::LoadDefault(const std::string& dict_path) {
  std::string path = dict_path;
  if (path.empty()) {
    Result<std::string> p = FindDataFile("ru.dict");
    if (!p.ok())
      return Status(p.status().code(), "no dictionary (pass --dict): " + p.status().message());
    path = *p;
  }
  Result<Analyzer> a = Analyzer::Load(path);
  if (!a.ok()) return a.status();
  return Normalizer(std::make_shared<const Analyzer>(std::move(*a)));
}

bool Normalizer::EndsIndeclinable(std::string_view form) const {
  size_t last = form.size();
  while (last > 0 && (static_cast<unsigned char>(form[last - 1]) & 0xC0) == 0x80) --last;
  if (last == 0) return false;
  size_t len = 1;
  const char32_t c = CharClasses::Get().ToLower(DecodeUtf8(form, last - 1, &len));
  for (const auto& [letter, cls] : analyzer_->rules().name_endings) {
    if (letter == c) return cls == "indeclinable_name";
  }
  return false;
}

int Normalizer::CaseOf(const GrammemeSet& g) const {
  const Ids& i = *ids_;
  if (g.Has(i.nomn) || g.Has(i.voct)) return i.nomn;
  if (g.Has(i.gent) || g.Has(i.gen1) || g.Has(i.gen2)) return i.gent;
  if (g.Has(i.datv)) return i.datv;
  if (g.Has(i.accs) || g.Has(i.acc2)) return i.accs;
  if (g.Has(i.ablt)) return i.ablt;
  if (g.Has(i.loct) || g.Has(i.loc1) || g.Has(i.loc2)) return i.loct;
  return -1;
}

int Normalizer::GenderOf(const GrammemeSet& g) const {
  const Ids& i = *ids_;
  if (g.Has(i.msf) || g.Has(i.gndr)) return -1;
  if (g.Has(i.masc)) return i.masc;
  if (g.Has(i.femn)) return i.femn;
  if (g.Has(i.neut)) return i.neut;
  return -1;
}

bool Normalizer::IsPerson(const GrammemeSet& g) const {
  const Ids& i = *ids_;
  return g.Has(i.name) || g.Has(i.surn) || g.Has(i.patr);
}

bool Normalizer::IsProper(const GrammemeSet& g) const {
  const Ids& i = *ids_;
  return IsPerson(g) || g.Has(i.geox) || g.Has(i.orgn) || g.Has(i.trad);
}

bool Normalizer::FindParse(std::string_view form, uint16_t tag, std::string_view lemma, Buffers* b,
                           MorphParse* out) const {
  analyzer_->Analyze(form, &b->parses);
  int found = -1, count = 0;
  for (size_t k = 0; k < b->parses.size(); ++k) {
    const MorphParse& p = b->parses[k];
    if (p.tag != tag || p.paradigm == MorphParse::kNoParadigm) continue;
    if (count++ == 0) found = static_cast<int>(k);
  }
  if (found < 0) return false;
  if (count > 1) {  // the same tag in two lexemes ("стали"): the one with the token's lemma
    const std::string want = NormalizeLemma(lemma);
    for (const MorphParse& p : b->parses) {
      if (p.tag == tag && p.paradigm != MorphParse::kNoParadigm &&
          NormalizeLemma(analyzer_->Lemma(form, p)) == want) {
        *out = p;
        return true;
      }
    }
  }
  *out = b->parses[found];
  return true;
}

void Normalizer::Describe(const Document& doc, const Mention& m, Buffers* b) const {
  b->count = 0;
  b->type = m.type;
  const uint32_t end = std::min<uint32_t>(m.end_token, doc.tokens.size());
  for (uint32_t t = m.first_token; t < end; ++t) {
    const Token& tok = doc.tokens[t];
    if (tok.span.begin < m.span.begin || tok.span.end > m.span.end) continue;
    if (b->count == b->words.size()) b->words.emplace_back();
    Word& w = b->words[b->count++];
    w = Word{};
    w.token = t;
    w.form = doc.Slice(tok.span);
    w.is_word = tok.kind == TokenKind::kWord;
    Shape(w.form, &w.upper_first, &w.all_caps);
    if (!w.is_word || !tok.has_morphology()) continue;
    auto it = tag_ids_.find(doc.Tag(tok));
    if (it == tag_ids_.end()) continue;
    w.has_tag = true;
    const TagInfo& info = analyzer_->Tag(it->second);
    w.g = info.grammemes;
    w.gcase = CaseOf(w.g);
    w.noun = w.g.Has(ids_->noun);
    w.adj = w.g.Has(ids_->adjf) || w.g.Has(ids_->prtf);
    w.has_parse = FindParse(w.form, it->second, doc.Lemma(tok), b, &w.parse);
  }
}

// Whether a word with grammemes g can agree with mention m: every word of the name has a
// singular noun reading in g's case and not of g's other gender — an indeclinable one, a
// person's or place's, an animate one, or a guess ("Асия") — but not an inanimate common noun
// of the dictionary ("путина").
bool Normalizer::Agrees(const Document& doc, const Mention& m, const GrammemeSet& g,
                        Buffers* b) const {
  const Ids& ids = *ids_;
  const int gcase = CaseOf(g);
  const int gender = GenderOf(g);
  for (uint32_t k = m.first_token; k < m.end_token; ++k) {
    if (doc.tokens[k].kind != TokenKind::kWord) continue;
    const std::string_view form = doc.Slice(doc.tokens[k].span);
    bool can = false;
    for (int source = 0; source < 2 && !can; ++source) {
      if (source == 0) {
        analyzer_->Analyze(form, &b->other);
      } else {
        analyzer_->Guess(form, &b->other);
      }
      for (const MorphParse& p : b->other) {
        const GrammemeSet& pg = analyzer_->Tag(p.tag).grammemes;
        if (!pg.Has(ids.noun) || !pg.Has(ids.sing) || CaseOf(pg) != gcase) continue;
        const int pgender = GenderOf(pg);
        if ((gender == ids.masc || gender == ids.femn) &&
            (pgender == ids.masc || pgender == ids.femn) && pgender != gender &&
            !pg.Has(ids.fixd)) {
          continue;
        }
        if (p.source == ParseSource::kDictionary && !pg.Has(ids.anim) && !pg.Has(ids.fixd) &&
            !IsProper(pg)) {
          continue;
        }
        can = true;
      }
    }
    if (!can) return false;
  }
  return true;
}

// The gender the text gives the person of mention m, from the words around it: a past-tense
// verb after a name that starts a clause ("Асия Биби была", "Асия Биби якобы произнесла"), an
// adjective or participle right before it ("Сама Асия Биби"), "который" or a participle
// after a comma ("Асия Биби, которая", "Асия Биби, приговоренная"), a person noun in
// apposition before it ("христианке Асии Биби"). -1 when none says. *gcase (when given)
// receives the case those words give the name (the verb's subject is in the nominative, an
// agreeing word shares its case), -1 when none does.
int Normalizer::ContextGender(const Document& doc, const Mention& m, Buffers* b, int* gcase) const {
  const Ids& ids = *ids_;
  int case_seen = -1;
  if (gcase) *gcase = -1;
  auto grammemes = [&](size_t t, GrammemeSet* g) {
    const Token& tok = doc.tokens[t];
    if (tok.kind != TokenKind::kWord || !tok.has_morphology()) return false;
    auto it = tag_ids_.find(doc.Tag(tok));
    if (it == tag_ids_.end()) return false;
    *g = analyzer_->Tag(it->second).grammemes;
    return true;
  };
  auto gender_of = [&](const GrammemeSet& g) {
    if (!g.Has(ids.sing) && !g.Has(ids.verb)) return -1;
    const int gg = GenderOf(g);
    return gg == ids.masc || gg == ids.femn ? gg : -1;
  };
  int votes[2] = {0, 0};  // masc, femn
  auto vote = [&](int gg) {
    if (gg == ids.masc) ++votes[0];
    if (gg == ids.femn) ++votes[1];
  };
  const size_t n = doc.tokens.size();
  if (m.end_token > n || m.first_token >= m.end_token) return -1;
  GrammemeSet g;
  // Before: an agreeing adjective or participle; otherwise the name must start a clause for a
  // verb after it to be its predicate.
  bool clause_start = true;
  if (m.first_token > 0) {
    const size_t t = m.first_token - 1;
    const Token& tok = doc.tokens[t];
    const std::string_view upos = doc.Upos(tok);
    // An adjective, participle or person noun right before the name that agrees with it
    // ("Сама Асия Биби", "католичка Асия Биби", "христианке Асии Биби"); "организованная
    // Хафизом Саидом", "агент Путина", "жена Барака Обамы" do not agree.
    const bool modifier = grammemes(t, &g) && g.Has(ids.sing) && CaseOf(g) >= 0 &&
                          (g.Has(ids.adjf) || g.Has(ids.prtf) ||
                           (g.Has(ids.noun) && g.Has(ids.anim) && !IsProper(g)));
    if (modifier) {
      if (Agrees(doc, m, g, b)) {
        vote(gender_of(g));
        case_seen = CaseOf(g);
      }
      clause_start = false;
    } else if (tok.kind == TokenKind::kWord && upos != "CCONJ" && upos != "SCONJ" &&
               upos != "PART" && upos != "ADV") {
      clause_start = false;
    }
  }
  size_t t = m.end_token;
  if (t < n && doc.tokens[t].kind == TokenKind::kPunct && doc.Slice(doc.tokens[t].span) == ",") {
    if (t + 1 < n && grammemes(t + 1, &g)) {
      const std::string_view lemma = doc.Lemma(doc.tokens[t + 1]);
      if (lemma == "который") vote(gender_of(g));
      if (g.Has(ids.prtf) && g.Has(ids.sing) && CaseOf(g) == ids.nomn && Agrees(doc, m, g, b)) {
        vote(gender_of(g));
        if (case_seen < 0) case_seen = ids.nomn;
      }
    }
  } else if (clause_start) {
    for (int skipped = 0; t < n && skipped <= 3; ++t, ++skipped) {
      const std::string_view upos = doc.Upos(doc.tokens[t]);
      if (upos == "ADV" || upos == "PART") continue;
      if (grammemes(t, &g) && g.Has(ids.verb) && g.Has(ids.past) && g.Has(ids.sing)) {
        vote(gender_of(g));
        if (case_seen < 0) case_seen = ids.nomn;
      }
      break;
    }
  }
  if (gcase) *gcase = case_seen;
  if (votes[0] == votes[1]) return -1;
  return votes[0] > votes[1] ? ids.masc : ids.femn;
}

// b->readings: the noun readings of w (adjective readings when the tagger read it as one) the
// analyzer and, for a capitalized word, the guesser give, in their order; for a person
// singular only and not the dictionary's place or organization names, for a place or
// organization singular or plural-only. With a gender, first-name readings of the other gender are
// left out when any reading remains (indeclinable ones stay).
void Normalizer::Readings(const Word& w, bool person, int gender, Buffers* b) const {
  const Ids& ids = *ids_;
  b->readings.clear();
  auto add = [&](const std::vector<MorphParse>& parses, bool guessed) {
    for (const MorphParse& p : parses) {
      if (p.paradigm == MorphParse::kNoParadigm) continue;
      const GrammemeSet& g = analyzer_->Tag(p.tag).grammemes;
      if (!g.Has(ids.noun) && !(w.adj && (g.Has(ids.adjf) || g.Has(ids.prtf)))) continue;
      if (g.Has(ids.plur) && (person || !g.Has(ids.pltm))) continue;
      if (person && p.source == ParseSource::kDictionary &&
          (g.Has(ids.geox) || g.Has(ids.orgn) || g.Has(ids.trad))) {
        continue;  // "Таяни" is no form of the place "Таянь"
      }
      bool dup = false;
      for (const Reading& r : b->readings) {
        dup |= r.p.paradigm == p.paradigm && r.p.form == p.form && r.p.tag == p.tag;
      }
      if (dup) continue;
      Reading r;
      r.p = p;
      r.g = g;
      r.gcase = CaseOf(g);
      r.tagger = w.has_parse && p.paradigm == w.parse.paradigm && p.form == w.parse.form &&
                 p.tag == w.parse.tag;
      r.guessed = guessed;
      b->readings.push_back(r);
    }
  };
  analyzer_->Analyze(w.form, &b->parses);
  add(b->parses, false);
  if (w.upper_first && !w.all_caps) {
    analyzer_->Guess(w.form, &b->guesses);
    add(b->guesses, true);
  }
  if (gender < 0) return;
  auto other = [&](const Reading& r) {  // a first name of the other gender ("Асий")
    const int gg = GenderOf(r.g);
    return r.g.Has(ids.name) && !r.g.Has(ids.fixd) && (gg == ids.masc || gg == ids.femn) &&
           gg != gender;
  };
  const auto kept = std::count_if(b->readings.begin(), b->readings.end(),
                                  [&](const Reading& r) { return !other(r); });
  if (kept > 0) std::erase_if(b->readings, other);
}

std::optional<std::string> Normalizer::Nominative(std::string_view form, const MorphParse& p,
                                                  GrammemeSet want) const {
  std::optional<std::string> r = analyzer_->Inflect(form, p, want);
  if (r && !HasYo(form)) DropYo(&*r);
  return r;
}

// Chooses w's reading among b->readings (see Readings): the tagger's when it is in the case of
// the phrase, else one in that case (a name's first), else — a phrase in the nominative —
// none: w stays as written. In the second pass, a reading whose nominative the document
// attests wins (FromEvidence). False when w has no reading (it stays as written).
bool Normalizer::Resolve(Word& w, int phrase_case, int gender, bool person, Buffers* b,
                         const std::vector<Reading>* readings) const {
  const Ids& ids = *ids_;
  if (readings) {
    b->readings.assign(readings->begin(), readings->end());
  } else {
    Readings(w, person, gender, b);
  }
  if (b->readings.empty()) {
    w.keep = true;
    return false;
  }
  // A word the analyzer reads as an indeclinable name ("Мишель"; "Биби", by the guesser) is
  // that name: its declinable homonyms ("Бибя") are rare names of their own.
  if (person) {
    for (const Reading& r : b->readings) {
      if (!r.guessed && r.g.Has(ids.fixd) && IsPerson(r.g)) {
        w.keep = true;
        if (b->evidence) OfKeptNominative(w, phrase_case, person, b);
        return false;
      }
    }
  }
  // A word only the guesser reads, and not as a name, that ends in a letter of names that do
  // not decline (data/rules/morph_name_endings.tsv: "Таяни", "Доди"), stays as written unless
  // the sentence gives the name a case ("телеведущей Опре Уинфри").
  if (person && b->context_case < 0 && EndsIndeclinable(w.form) &&
      !analyzer_->InDictionary(w.form)) {
    bool name = false;
    for (const Reading& r : b->readings) name |= IsPerson(r.g);
    if (!name) {
      w.keep = true;
      if (b->evidence) OfKeptNominative(w, phrase_case, person, b);
      return false;
    }
  }
  const Reading* tagger = nullptr;
  for (const Reading& r : b->readings)
    if (r.tagger) tagger = &r;
  auto best = [&](int c) -> const Reading* {
    const Reading* any = nullptr;
    for (const Reading& r : b->readings) {
      if (c >= 0 && r.gcase != c) continue;
      if (!any) any = &r;
      if (IsPerson(r.g) || !person) return &r;
    }
    return any;
  };
  // A capitalized word the tagger read as a common noun or adjective ("Лавровым" as
  // "лавровый") is the name when the analyzer has a name reading in the same case.
  if (person && tagger && !IsPerson(tagger->g)) {
    for (const Reading& r : b->readings) {
      if (IsPerson(r.g) && r.g.Has(ids.noun) && r.gcase == tagger->gcase) {
        tagger = &r;
        break;
      }
    }
  }
  const Reading* pick = nullptr;
  if (tagger && (phrase_case < 0 || tagger->gcase == phrase_case)) {
    pick = tagger;
  } else if ((pick = best(phrase_case)) == nullptr) {
    if (phrase_case == ids.nomn) {
      w.keep = true;
      return false;
    }
    pick = tagger ? tagger : best(-1);
  }
  w.parse = pick->p;
  w.g = pick->g;
  w.gcase = pick->gcase;
  w.has_parse = true;
  w.noun = w.g.Has(ids.noun);
  w.adj = !w.noun;
  if (b->evidence) FromEvidence(w, phrase_case, person, b);
  return true;
}

// Second pass: when w's nominative is not among the words the document's names keep in the
// nominative, but w itself is ("Кисида" read as the genitive of "Кисид"), w as written; when
// another reading's nominative is ("Асии": not "Асий" but "Асия"), or w is a form of one of
// them ("Кисиде" of "Кисида"), that nominative.
bool Normalizer::FromEvidence(Word& w, int gcase, bool person, Buffers* b) const {
  const Ids& ids = *ids_;
  GrammemeSet want;
  want.Add(ids.nomn);
  want.Add(ids.sing);
  const std::optional<std::string> own = Nominative(w.form, w.parse, want);
  if (!own || *own == w.form || b->kept.count(*own)) return false;
  if (person && b->kept.count(std::string(w.form))) {
    // The document uses this very form as a nominative ("- Кисида заявил"), not "Кисид".
    w.out.assign(w.form);
    w.changed = false;
    w.evidence = true;
    return true;
  }
  for (const Reading& r : b->readings) {
    if (r.p.paradigm == w.parse.paradigm) continue;
    std::optional<std::string> n = Nominative(w.form, r.p, want);
    if (n && *n != *own && b->kept.count(*n)) {
      w.parse = r.p;
      w.g = r.g;
      w.gcase = r.gcase;
      w.noun = w.g.Has(ids.noun);
      w.adj = !w.noun;
      return true;
    }
  }
  return OfKeptNominative(w, gcase, person, b);
}

// Second pass: a kept nominative V that the analyzer puts in one lexeme with w (w is a
// singular form of V's lexeme: "Кисиде" and "Кисида") is w's nominative.
bool Normalizer::OfKeptNominative(Word& w, int gcase, bool person, Buffers* b) const {
  const Ids& ids = *ids_;
  const int cases[] = {ids.gent, ids.datv, ids.accs, ids.ablt, ids.loct};
  if (w.form.size() < 4) return false;
  const std::string_view prefix = w.form.substr(0, 4);
  for (auto it = std::lower_bound(b->kept_sorted.begin(), b->kept_sorted.end(), prefix);
       it != b->kept_sorted.end() && std::string_view(*it).substr(0, 4) == prefix; ++it) {
    const std::string_view v = *it;
    if (v == w.form) continue;
    if (v.size() + 8 < w.form.size() || w.form.size() + 8 < v.size()) continue;
    analyzer_->Analyze(v, &b->other);
    analyzer_->Guess(v, &b->guesses);
    b->other.insert(b->other.end(), b->guesses.begin(), b->guesses.end());
    for (size_t k = 0; k < b->other.size(); ++k) {
      const MorphParse& p = b->other[k];
      if (p.paradigm == MorphParse::kNoParadigm) continue;
      const GrammemeSet& g = analyzer_->Tag(p.tag).grammemes;
      // For a person any singular reading: V is a nominative by the document's word, whatever
      // the analyzer makes of it alone ("Кисида" as the genitive of "Кисид").
      if (!g.Has(ids.noun) || g.Has(ids.plur) || (!person && CaseOf(g) != ids.nomn)) continue;
      if (person && p.source == ParseSource::kDictionary && !IsPerson(g) && !g.Has(ids.fixd)) {
        continue;  // not a form of a common noun
      }
      for (int c : cases) {
        if (gcase >= 0 && gcase != ids.nomn && c != gcase) continue;
        GrammemeSet f;
        f.Add(c);
        f.Add(ids.sing);
        std::optional<std::string> form = Nominative(v, p, f);
        if (form && *form == w.form) {
          w.out.assign(v);
          w.changed = true;
          w.evidence = true;
          return true;
        }
      }
    }
  }
  return false;
}

bool Normalizer::InflectWord(Word& w, GrammemeSet want, bool keep_gender) const {
  if (!w.has_parse) return false;
  std::optional<std::string> r = Nominative(w.form, w.parse, want);
  if (!r && keep_gender) {
    const Ids& i = *ids_;
    want.Remove(i.masc);
    want.Remove(i.femn);
    want.Remove(i.neut);
    r = Nominative(w.form, w.parse, want);
  }
  if (!r) return false;
  if (w.g.Has(ids_->supr)) {
    // A superlative's lexeme holds several ("высший", "высочайший"): the one written alike.
    auto common = [&](std::string_view a) {
      size_t k = 0;
      while (k < a.size() && k < w.form.size() && a[k] == w.form[k]) ++k;
      return k;
    };
    for (auto& [form, tag] : analyzer_->Lexeme(w.form, w.parse)) {
      const GrammemeSet& g = analyzer_->Tag(tag).grammemes;
      if (!g.Contains(want) || !g.Has(ids_->supr) || common(form) <= common(*r)) continue;
      if (!HasYo(w.form)) DropYo(&form);
      r = std::move(form);
    }
  }
  w.out = std::move(*r);
  w.changed = w.out != w.form;
  return true;
}

// Inflects pieces of a hyphenated word: for a person every capitalized part ("Саифа-ул-Мулука",
// "Азию-Биби"), for a place the first part before a lower-case part ("Ростове-на-Дону"), and
// the word before a number ("потока-1"). Each piece is read in case `gcase` (-1: any).
bool Normalizer::InflectParts(Word& w, int gcase, GrammemeSet want, Buffers* b) const {
  const Ids& ids = *ids_;
  const std::string_view form = w.form;
  std::vector<std::string_view> parts;
  for (size_t i = 0; i <= form.size();) {
    size_t j = form.find('-', i);
    if (j == std::string_view::npos) j = form.size();
    parts.push_back(form.substr(i, j - i));
    i = j + 1;
  }
  if (parts.size() < 2) return false;
  auto is_digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto capitalized = [](std::string_view s) {
    bool up = false, caps = false;
    Shape(s, &up, &caps);
    return up && !caps && CountCodePoints(s) >= 3;
  };
  std::vector<bool> inflect(parts.size(), false);
  if (b->type == EntityType::kPer) {
    for (size_t k = 0; k < parts.size(); ++k) inflect[k] = capitalized(parts[k]);
  } else if (parts.size() == 2 && is_digits(parts[1])) {
    inflect[0] = true;
  } else if (parts.size() >= 3 && capitalized(parts[0])) {
    bool lower_middle = false;
    for (size_t k = 1; k + 1 < parts.size(); ++k) {
      bool up = false, caps = false;
      Shape(parts[k], &up, &caps);
      lower_middle |= !up && !parts[k].empty();
    }
    if (!lower_middle) return false;
    inflect[0] = true;
  } else {
    return false;
  }
  std::string out;
  bool changed = false;
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out.push_back('-');
    const std::string_view piece = parts[k];
    std::optional<std::string> r;
    if (inflect[k]) {
      analyzer_->Analyze(piece, &b->parses);
      // The part's reading in the word's case; for a person's name part that cannot be a
      // nominative, its most likely reading in any case ("Азию-Биби" read as genitive).
      bool nominative = false;
      for (const MorphParse& p : b->parses) {
        const GrammemeSet& g = analyzer_->Tag(p.tag).grammemes;
        nominative |= CaseOf(g) == ids.nomn || g.Has(ids.fixd);
      }
      int want_case = gcase;
      if (b->type == EntityType::kPer && !nominative) {
        bool in_case = false;
        for (const MorphParse& p : b->parses) {
          const GrammemeSet& g = analyzer_->Tag(p.tag).grammemes;
          in_case |= p.paradigm != MorphParse::kNoParadigm && g.Has(ids.noun) &&
                     CaseOf(g) == gcase && !g.Has(ids.plur);
        }
        if (!in_case) want_case = -1;
      }
      for (const MorphParse& p : b->parses) {
        if (p.paradigm == MorphParse::kNoParadigm) continue;
        const GrammemeSet& g = analyzer_->Tag(p.tag).grammemes;
        if (!g.Has(ids.noun) && !g.Has(ids.adjf)) continue;
        if (g.Has(ids.plur) && !g.Has(ids.pltm)) continue;
        if (g.Has(ids.fixd)) break;
        if (want_case >= 0 && CaseOf(g) != want_case) continue;
        if (CaseOf(g) == ids.nomn) break;
        GrammemeSet wt = want;
        if (b->type == EntityType::kPer && !IsPerson(g)) {
          wt.Remove(ids.masc);
          wt.Remove(ids.femn);
        }
        r = Nominative(piece, p, wt);
        if (!r) {
          wt.Remove(ids.masc);
          wt.Remove(ids.femn);
          wt.Remove(ids.neut);
          r = Nominative(piece, p, wt);
        }
        break;
      }
    }
    if (r) {
      changed |= *r != piece;
      out += *r;
    } else {
      out.append(piece);
    }
  }
  if (!changed) return false;
  w.out = std::move(out);
  w.changed = true;
  return true;
}

void Normalizer::NormalizePerson(const Document& doc, const Mention& m, Buffers* b) const {
  const Ids& ids = *ids_;
  Word* words = b->words.data();
  const size_t n = b->count;
  int context_case = b->known_case;
  int context_gender =
      b->known_gender != -2 ? b->known_gender : ContextGender(doc, m, b, &context_case);
  // Only the mention's own context makes its nominatives evidence for the others.
  b->gender_from_text = context_gender >= 0;
  if (context_gender < 0) {
    // The other mentions of the name ("Асии Биби" after "Асия Биби была").
    auto it = b->genders.find(GroupKey(doc, m));
    if (it != b->genders.end() && it->second.first != it->second.second) {
      context_gender = it->second.first > it->second.second ? ids.masc : ids.femn;
    }
  }
  // The case of the name: the case its words' readings agree on best. Each word weighs each
  // case by its best reading in it: a name reading of the dictionary 2, another of the
  // dictionary 1, a guess 0.5, plus 1 for the tagger's choice (indeclinable readings say
  // nothing); ties go to the case first in the tag set.
  float weight[128] = {};
  for (size_t i = 0; i < n; ++i) {
    Word& w = words[i];
    if (!w.is_word || w.all_caps || w.form.find('-') != std::string_view::npos) continue;
    float best_of[128] = {};
    if (!w.upper_first) {
      if (w.has_parse && (w.noun || w.adj) && w.gcase >= 0) best_of[w.gcase & 127] = 1;
    } else {
      Readings(w, /*person=*/true, context_gender, b);
      if (b->cached.size() <= i) b->cached.resize(i + 1);
      b->cached[i].assign(b->readings.begin(), b->readings.end());  // for Resolve
      for (const Reading& r : b->readings) {
        if (r.gcase < 0 || r.g.Has(ids.fixd)) continue;
        float v = r.p.source == ParseSource::kGuesser ? 0.5f : IsPerson(r.g) ? 2.0f : 1.0f;
        if (r.tagger) v += 1;
        best_of[r.gcase & 127] = std::max(best_of[r.gcase & 127], v);
      }
    }
    for (int c = 0; c < 128; ++c) weight[c] += best_of[c];
  }
  int phrase_case = -1;
  float best = 0;
  for (int c = 0; c < 128; ++c) {
    if (weight[c] > best) {
      best = weight[c];
      phrase_case = c;
    }
  }
  // A mention whose first noun is a common one ("пророка Мухаммеда", "пресс-служба
  // посольства") is in that noun's case.
  bool described = false;  // the mention's first noun is a common noun
  for (size_t i = 0; i < n; ++i) {
    const Word& w = words[i];
    if (!w.is_word || (w.adj && !w.upper_first)) continue;
    if (!w.upper_first && w.has_parse && w.noun && w.gcase >= 0) {
      phrase_case = w.gcase;
      described = true;
    }
    break;
  }
  if (context_case >= 0) phrase_case = context_case;  // the sentence says
  b->context_case = context_case;
  // Each word's reading.
  for (size_t i = 0; i < n; ++i) {
    Word& w = words[i];
    if (!w.is_word || w.all_caps) {
      w.keep = true;
      continue;
    }
    if (w.form.find('-') != std::string_view::npos) {
      // A name's parts below ("Саифа-ул-Мулука"); an adjective agreeing with the name
      // ("Народно-республиканской") as it is read.
      if (w.adj) w.keep = !w.has_parse || (phrase_case >= 0 && w.gcase != phrase_case);
      continue;
    }
    if (w.has_tag && (w.g.Has(ids.init) || w.g.Has(ids.abbr))) {
      w.keep = true;
      continue;
    }
    if (!w.upper_first) {
      // A common noun or adjective agreeing with the name ("пророка", "американцев"); one in
      // another case depends on a word of it ("всея Руси", "посольства Белоруссии").
      w.keep = !w.has_parse || !(w.noun || w.adj) || (phrase_case >= 0 && w.gcase != phrase_case);
      continue;
    }
    if (described && w.has_parse && w.noun && w.gcase != phrase_case) {
      w.keep = true;  // a dependent of the noun ("источник в МИД Китая")
      continue;
    }
    w.name_word = true;
    Resolve(w, phrase_case, context_gender, /*person=*/true, b, &b->cached[i]);
  }
  // The person's gender: the text's, else the first name's, else the surname's.
  int gender = context_gender;
  for (int pass = 0; pass < 2 && gender < 0; ++pass) {
    for (size_t i = 0; i < n && gender < 0; ++i) {
      const Word& w = words[i];
      if (w.keep || !w.has_parse) continue;
      if (pass == 0 ? !w.g.Has(ids.name) : !(w.g.Has(ids.surn) || w.g.Has(ids.patr))) continue;
      const int gg = GenderOf(w.g);
      if (gg == ids.masc || gg == ids.femn) gender = gg;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    Word& w = words[i];
    if (w.keep || w.evidence || !w.is_word) continue;
    if (w.form.find('-') != std::string_view::npos && !w.adj) {
      GrammemeSet want;
      want.Add(ids.nomn);
      want.Add(ids.sing);
      if (gender >= 0) want.Add(gender);
      const int c = phrase_case >= 0 ? phrase_case : w.has_tag ? w.gcase : -1;
      InflectParts(w, c, want, b);
      continue;
    }
    if (!w.has_parse || w.g.Has(ids.fixd)) continue;
    const bool proper = IsProper(w.g) || w.upper_first;
    const bool plural = w.g.Has(ids.plur);
    const bool gendered = gender >= 0 && (IsPerson(w.g) || w.adj) && !plural;
    if (w.gcase == ids.nomn && !plural && (!gendered || GenderOf(w.g) == gender)) continue;
    // A woman's surname whose masculine nominative ends in a consonant does not decline
    // ("Корине Крецу" is not a form of "Крец"; "Мишель Обамой" is of "Обама").
    if (gender == ids.femn && GenderOf(w.g) == ids.masc && !w.g.Has(ids.name)) {
      GrammemeSet nomn;
      nomn.Add(ids.nomn);
      nomn.Add(ids.sing);
      const std::optional<std::string> masculine = Nominative(w.form, w.parse, nomn);
      if (masculine && EndsInConsonant(*masculine)) continue;
    }
    GrammemeSet want;
    want.Add(ids.nomn);
    if (proper || !plural) want.Add(ids.sing);
    if (gendered) want.Add(gender);
    InflectWord(w, want, gendered);
  }
}

void Normalizer::NormalizePhrase(const Document& doc, Buffers* b) const {
  const Ids& ids = *ids_;
  Word* words = b->words.data();
  const size_t n = b->count;
  size_t i = 0;
  while (i < n && !words[i].is_word && doc.tokens[words[i].token].kind == TokenKind::kPunct) ++i;
  const size_t first_word = i;
  std::vector<size_t>& pre = b->pre;            // adjectives and participles before the head
  std::vector<size_t>& ordinals = b->ordinals;  // "101-й"
  pre.clear();
  ordinals.clear();
  size_t head = n;
  for (; i < n; ++i) {
    const Word& w = words[i];
    if (w.is_word && w.adj && !w.all_caps) {
      pre.push_back(i);
      continue;
    }
    if (!w.form.empty() && w.form[0] >= '0' && w.form[0] <= '9') {
      ordinals.push_back(i);
      continue;
    }
    if (!w.is_word) break;
    head = i;
    break;
  }
  int out_number = -1, gender = -1;
  bool head_nominative = false;
  if (head < n) {
    Word& h = words[head];
    const bool hyphen = h.form.find('-') != std::string_view::npos;
    GrammemeSet sing_nomn;
    sing_nomn.Add(ids.nomn);
    sing_nomn.Add(ids.sing);
    // The case of the phrase, where the adjectives before the head say it.
    int adj_case = -1;
    for (size_t k : pre) {
      if (words[k].has_tag && words[k].gcase >= 0) adj_case = words[k].gcase;
    }
    if (!h.all_caps && h.upper_first && !hyphen && h.is_word &&
        !(h.has_tag && (h.g.Has(ids.abbr) || h.g.Has(ids.fixd)))) {
      // A capitalized head: a reading the tagger did not give a paradigm (an unknown word read
      // as a surname, "Европарламентом"), or a plural one of a name that is not plural-only
      // ("Вест" read as "Веста"), is chosen again among the singular and plural-only ones.
      const bool plural_name =
          h.has_parse && h.g.Has(ids.plur) && !h.g.Has(ids.pltm) && IsProper(h.g);
      if (!h.has_parse || plural_name) {
        const int c = adj_case >= 0 ? adj_case : plural_name ? h.gcase : -1;
        Readings(h, /*person=*/false, -1, b);
        const Reading* pick = nullptr;
        bool nominative = false;
        for (const Reading& r : b->readings) {
          nominative |= r.gcase == ids.nomn;
          if (!pick && (c < 0 || r.gcase == c)) pick = &r;
        }
        if (nominative && (c < 0 || c == ids.nomn || !pick)) {
          h.keep = true;  // it can be the nominative: as written
          head_nominative = true;
        } else if (pick) {
          h.parse = pick->p;
          h.g = pick->g;
          h.gcase = pick->gcase;
          h.has_parse = true;
          h.noun = true;
        }
      }
    }
    const bool inflectable =
        !h.keep && h.has_parse && h.noun && !h.all_caps && !h.g.Has(ids.fixd) && !h.g.Has(ids.abbr);
    bool done = false;
    if (hyphen && !h.all_caps) {
      // "Ростове-на-Дону", "потока-1": the first part, read in the case of the adjectives
      // before it or of the whole word.
      int c = h.has_tag ? h.gcase : -1;
      if (adj_case >= 0) c = adj_case;
      if (c != ids.nomn && InflectParts(h, c, sing_nomn, b)) done = true;
    }
    if (inflectable) {
      if (h.upper_first && !done) {
        h.name_word = true;
        if (b->evidence) {
          Readings(h, /*person=*/false, -1, b);
          FromEvidence(h, h.gcase, /*person=*/false, b);
        }
      }
      const bool proper = IsProper(h.g);
      const bool plural = h.g.Has(ids.plur);
      out_number = (proper && !h.g.Has(ids.pltm)) || !plural ? ids.sing : ids.plur;
      gender = GenderOf(h.g);
      head_nominative = h.gcase == ids.nomn && (out_number == ids.plur) == plural;
      if (!head_nominative && !h.evidence && !done) {
        GrammemeSet want;
        want.Add(ids.nomn);
        want.Add(out_number);
        InflectWord(h, want, false);
      }
      // A name in apposition to a lower-case head agrees with it ("городе Москве", "реке
      // Волге"); not in the genitive, where it is a complement ("совета Европы").
      const int c = h.gcase;
      if (!h.upper_first && !head_nominative && c != ids.gent && c >= 0 && head + 1 < n) {
        Word& a = words[head + 1];
        if (a.is_word && a.upper_first && !a.all_caps && a.has_parse && a.noun && IsProper(a.g) &&
            !a.g.Has(ids.fixd) && a.gcase == c) {
          GrammemeSet want;
          want.Add(ids.nomn);
          want.Add(a.g.Has(ids.pltm) ? ids.plur : ids.sing);
          InflectWord(a, want, false);
        }
      }
    }
  }
  // The adjectives before the head agree with it (or, without an inflectable head, go to the
  // nominative of their own number and gender).
  if (!head_nominative) {
    for (size_t k : pre) {
      Word& w = words[k];
      if (!w.has_parse || w.gcase == ids.nomn) continue;
      GrammemeSet want;
      want.Add(ids.nomn);
      if (out_number >= 0) {
        want.Add(out_number);
        if (out_number == ids.sing && gender >= 0) want.Add(gender);
      }
      InflectWord(w, want, out_number == ids.sing && gender >= 0);
    }
  }
  // An ordinal in digits takes the nominative ending of the head's gender and number from
  // data/rules/morph_ordinal_endings.tsv ("101-й ... дивизии" -> "101-я ... дивизия").
  if (!head_nominative && out_number >= 0) {
    const char* number = out_number == ids.plur ? "Plur" : "Sing";
    const char* gen = out_number == ids.plur ? "-"
                      : gender == ids.masc   ? "Masc"
                      : gender == ids.femn   ? "Fem"
                                             : "";
    for (size_t k : ordinals) {
      Word& w = words[k];
      const size_t dash = w.form.find('-');
      if (dash == std::string_view::npos || *gen == 0) continue;
      const std::string_view ending = w.form.substr(dash + 1);
      const MorphRules& rules = analyzer_->rules();
      bool known = false;
      for (const auto& e : rules.ordinal_endings) known |= e.ending == ending;
      if (!known) continue;
      const size_t letters = CountCodePoints(ending);
      for (const auto& e : rules.ordinal_endings) {
        if (e.gcase != "Nom" || e.number != number || e.gender != gen) continue;
        if ((CountCodePoints(e.ending) > 1) != (letters > 1)) continue;
        w.out.assign(w.form.substr(0, dash + 1));
        w.out += e.ending;
        w.changed = w.out != w.form;
        break;
      }
    }
  }
  // Capitalization: a lower-case adjective starting a name whose head is capitalized.
  if (!pre.empty() && pre.front() == first_word && head < n && words[head].upper_first &&
      !words[pre.front()].upper_first) {
    Word& w = words[pre.front()];
    if (!w.changed) w.out.assign(w.form);
    CapitalizeFirst(&w.out);
    w.changed = w.out != w.form;
  }
}

// After the first pass over a mention: its capitalized name words left as written in the
// nominative, and the nominatives of a person whose gender the text gives, become evidence
// for the second pass.
void Normalizer::Remember(Buffers* b) const {
  const Ids& ids = *ids_;
  b->outputs.clear();
  for (size_t i = 0; i < b->count; ++i) {
    const Word& w = b->words[i];
    if (!w.name_word || w.all_caps) continue;
    b->outputs.emplace_back(w.changed ? std::string_view(w.out) : w.form, w.keep);
    if (b->type == EntityType::kPer && b->gender_from_text && (w.has_parse || w.keep)) {
      b->kept.emplace(w.changed ? std::string_view(w.out) : w.form);  // its gender is known
      continue;
    }
    if (w.changed) continue;
    const bool plural = w.has_parse && w.g.Has(ids.plur) && !w.g.Has(ids.pltm);
    if (w.keep || (w.has_parse && !plural && (w.gcase == ids.nomn || w.g.Has(ids.fixd)))) {
      b->kept.emplace(w.form);
    }
  }
}

std::string Normalizer::NormalizeMention(const Document& doc, const Mention& m, Buffers* b) const {
  std::string out;
  if (m.span.end > doc.text.size() || m.span.begin > m.span.end) return out;
  Describe(doc, m, b);
  if (m.type == EntityType::kPer) {
    NormalizePerson(doc, m, b);
  } else {
    NormalizePhrase(doc, b);
  }
  uint32_t pos = m.span.begin;
  for (size_t i = 0; i < b->count; ++i) {
    const Word& w = b->words[i];
    const Span s = doc.tokens[w.token].span;
    AppendGap(doc.Slice(Span{pos, s.begin}), &out);
    if (w.changed) {
      out += w.out;
    } else {
      out.append(w.form);
    }
    pos = s.end;
  }
  AppendGap(doc.Slice(Span{pos, m.span.end}), &out);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Normalizer::Normalize(const Document& doc, const Mention& m, Scratch* scratch) const {
  Buffers local;
  Buffers& b = scratch ? scratch->For<Buffers>(this) : local;
  b.kept.clear();
  b.kept_sorted.clear();
  b.genders.clear();
  b.evidence = false;
  return NormalizeMention(doc, m, &b);
}

Status Normalizer::Annotate(Document& doc, Scratch* scratch) const {
  Buffers local;
  Buffers& b = scratch ? scratch->For<Buffers>(this) : local;
  // The gender each person name's context gives, pooled over the mentions of one name.
  b.genders.clear();
  b.contexts.assign(doc.entities.size(), {-1, -1});
  for (size_t k = 0; k < doc.entities.size(); ++k) {
    const Mention& m = doc.entities[k];
    if (m.kind != MentionKind::kName || m.type != EntityType::kPer) continue;
    int gcase = -1;
    const int g = ContextGender(doc, m, &b, &gcase);
    b.contexts[k] = {g, gcase};
    if (g < 0) continue;
    auto& votes = b.genders[GroupKey(doc, m)];
    (g == ids_->masc ? votes.first : votes.second) += 1;
  }
  // First pass: every name on its own; the words it keeps in the nominative are the
  // document's evidence for the second pass.
  b.kept.clear();
  b.evidence = false;
  b.first.assign(doc.entities.size(), std::string());
  std::vector<std::vector<std::pair<std::string, bool>>>& outputs = b.mention_outputs;
  outputs.resize(std::max(outputs.size(), doc.entities.size()));
  for (size_t k = 0; k < doc.entities.size(); ++k) {
    const Mention& m = doc.entities[k];
    outputs[k].clear();
    if (m.kind != MentionKind::kName) continue;
    b.known_gender = b.contexts[k].first;
    b.known_case = b.contexts[k].second;
    b.first[k] = NormalizeMention(doc, m, &b);
    Remember(&b);
    outputs[k].assign(b.outputs.begin(), b.outputs.end());
  }
  b.kept_sorted.assign(b.kept.begin(), b.kept.end());
  std::sort(b.kept_sorted.begin(), b.kept_sorted.end());
  // Second pass, for the names with a word whose nominative the first pass does not attest,
  // or kept as written where it may be a form of an attested one.
  b.evidence = true;
  for (size_t k = 0; k < doc.entities.size(); ++k) {
    Mention& m = doc.entities[k];
    if (m.kind != MentionKind::kName) continue;
    bool again = false;
    for (const auto& [word, kept_as_written] : outputs[k]) {
      if (!b.kept.count(word)) again = true;
      if (!kept_as_written || word.size() < 4) continue;
      const std::string_view prefix = std::string_view(word).substr(0, 4);
      auto it = std::lower_bound(b.kept_sorted.begin(), b.kept_sorted.end(), prefix);
      for (; it != b.kept_sorted.end() && std::string_view(*it).substr(0, 4) == prefix; ++it) {
        again |= *it != word;
      }
    }
    if (!again) {
      m.normal = std::move(b.first[k]);
      continue;
    }
    b.known_gender = b.contexts[k].first;
    b.known_case = b.contexts[k].second;
    m.normal = NormalizeMention(doc, m, &b);
  }
  b.known_gender = -2;
  b.known_case = -1;
  b.kept.clear();
  b.kept_sorted.clear();
  b.genders.clear();
  doc.layers |= kLayerNormal;
  return Status::Ok();
}

}  // namespace svodka
