// Reading and checking the morphology rule tables; see analyzer_rules.h for the contract and
// each table's header comment for its columns.
#include "morph/analyzer_rules.h"

#include <algorithm>
#include <cstdlib>

#include "base/embedded.h"
#include "base/tsv.h"
#include "base/utf8.h"
#include "morph/alphabet.h"

namespace svodka {
namespace {

constexpr std::string_view kOpenCorporaUd = "opencorpora_ud.tsv";
constexpr std::string_view kGrammemeClasses = "morph_grammeme_classes.tsv";
constexpr std::string_view kHyphenParticles = "morph_hyphen_particles.tsv";
constexpr std::string_view kPunct = "morph_punct.tsv";
constexpr std::string_view kAddedReadings = "morph_added_readings.tsv";
constexpr std::string_view kNameEndings = "morph_name_endings.tsv";
constexpr std::string_view kTimeNouns = "morph_time_nouns.tsv";
constexpr std::string_view kConventions = "morph_ud_conventions.tsv";
constexpr std::string_view kSuperlatives = "morph_superlative_endings.tsv";
constexpr std::string_view kOrdinals = "morph_ordinal_endings.tsv";

std::string Where(std::string_view table, int line) {
  return "data/rules/" + std::string(table) + ":" + std::to_string(line) + ": ";
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (true) {
    const size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

int FeatSlot(std::string_view name) {
  for (int i = 0; i < kUdFeatCount; ++i) {
    if (kUdFeatNames[i] == name) return i;
  }
  return -1;
}

// "A=B|-C" -> edits; "-" = none. Empty string when fine, else what is wrong.
std::string ParseFeatEdits(std::string_view edits, std::vector<MorphRules::FeatEdit>* out) {
  if (edits == "-") return {};
  for (std::string_view e : Split(edits, '|')) {
    const bool remove = !e.empty() && e[0] == '-';
    if (remove) e.remove_prefix(1);
    const size_t eq = e.find('=');
    const std::string_view name = e.substr(0, eq);
    const int slot = FeatSlot(name);
    if (slot < 0) return "unknown UD feature '" + std::string(name) + "'";
    if (remove != (eq == std::string_view::npos) || (!remove && eq + 1 >= e.size())) {
      return "bad FEATS edit '" + std::string(e) + "' (expected Name=Value or -Name)";
    }
    out->push_back({slot, remove ? std::string() : std::string(e.substr(eq + 1))});
  }
  return {};
}

// An OpenCorpora grammeme name: ASCII letters and digits ("NOUN", "Sgtm", "1per").
bool IsGrammemeName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
      return false;
    }
  }
  return true;
}

// A word the analyzer can look up: lower-case letters of its alphabet (Cyrillic, Latin),
// hyphens.
bool IsLowerWord(std::string_view s) {
  if (s.empty() || FindInvalidUtf8(s) != std::string_view::npos) return false;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(s, i, &len);
    i += len;
    alphabet::Case k;
    if (alphabet::Encode(c, &k) < 0 || k == alphabet::Case::kUpper) return false;
    if (k == alphabet::Case::kNone && c != '-') return false;
  }
  return true;
}

// The only code point of s, or nullopt when s is not exactly one.
std::optional<char32_t> OneCodePoint(std::string_view s) {
  if (s.empty()) return std::nullopt;
  size_t len = 1;
  const char32_t c = DecodeUtf8(s, 0, &len);
  if (len != s.size()) return std::nullopt;
  return c;
}

class Reader {
 public:
  explicit Reader(const std::function<std::string_view(std::string_view)>& file) : file_(file) {}

  // The rows of `table`, checked against schema; *error on failure. Valid until the next
  // call.
  bool Rows(std::string_view table, const TsvSchema& schema, std::vector<TsvRow>* rows,
            Status* error) {
    std::string_view data = file_(table);
    if (data.empty()) {
      *error = Internal("data/rules/" + std::string(table) +
                        " is missing (not embedded into the library?)");
      return false;
    }
    // Rows are views: keep a copy of the bytes while the caller turns them into rules.
    data_.assign(data);
    auto r = ReadTsv("data/rules/" + std::string(table), data_, schema);
    if (!r.ok()) {
      *error = r.status();
      return false;
    }
    *rows = std::move(*r);
    return true;
  }

 private:
  const std::function<std::string_view(std::string_view)>& file_;
  std::string data_;  // the table being read
};

Status ReadOpenCorporaUd(Reader& reader, MorphRules* rules) {
  std::vector<TsvRow> rows;
  Status error;
  if (!reader.Rows(kOpenCorporaUd, {3, 4, 2}, &rows, &error)) return error;
  for (const TsvRow& row : rows) {
    const std::string where = Where(kOpenCorporaUd, row.line);
    const std::string_view kind = row[0];
    const size_t want = kind == "pos" || kind == "gram" ? 4 : 3;
    if (kind != "pos" && kind != "gram" && kind != "feat" && kind != "lemma") {
      return InvalidArgument(where + "unknown kind '" + std::string(kind) +
                             "' (pos, gram, feat or lemma)");
    }
    if (row.size() != want) {
      return InvalidArgument(where + "a " + std::string(kind) + " row has " + std::to_string(want) +
                             " fields, not " + std::to_string(row.size()));
    }
    if (kind == "lemma") {
      const size_t slash = row[1].rfind('/');
      MorphRules::LexemeRule r;
      if (slash == std::string_view::npos || slash == 0 || slash + 1 == row[1].size()) {
        return InvalidArgument(where + "key '" + std::string(row[1]) + "' is not lemma/POS");
      }
      r.lemma = std::string(row[1].substr(0, slash));
      r.pos = std::string(row[1].substr(slash + 1));
      if (!IsLowerWord(r.lemma)) {
        return InvalidArgument(where + "lemma '" + r.lemma +
                               "' is not a lower-case word of the dictionary's alphabet");
      }
      if (r.pos != "*" && !IsGrammemeName(r.pos)) {
        return InvalidArgument(where + "bad part of speech '" + r.pos + "'");
      }
      const auto upos = UposFromName(row[2]);
      if (!upos) return InvalidArgument(where + "unknown UPOS '" + std::string(row[2]) + "'");
      r.upos = *upos;
      r.line = row.line;
      // One reading per lexeme: "x/*" may not stand beside "x/VERB".
      for (const auto& other : rules->lexeme_rules) {
        if (other.lemma == r.lemma && (other.pos == "*" || r.pos == "*")) {
          return InvalidArgument(where + "'" + std::string(row[1]) + "' overlaps '" + other.lemma +
                                 "/" + other.pos + "' (line " + std::to_string(other.line) + ")");
        }
      }
      rules->lexeme_rules.push_back(std::move(r));
      continue;
    }
    MorphRules::TagRule r;
    r.kind = kind == "pos"    ? MorphRules::TagRule::Kind::kPos
             : kind == "gram" ? MorphRules::TagRule::Kind::kGram
                              : MorphRules::TagRule::Kind::kFeat;
    r.grammeme = std::string(row[1]);
    r.line = row.line;
    if (!IsGrammemeName(r.grammeme)) {
      return InvalidArgument(where + "bad grammeme '" + r.grammeme + "'");
    }
    std::string problem;
    if (kind == "feat") {
      problem = ParseFeatEdits(row[2], &r.feats);
      if (problem.empty() && (r.feats.size() != 1 || r.feats[0].value.empty())) {
        problem = "a feat row sets one feature (Name=Value)";
      }
    } else {
      if (row[2] != "-" || kind == "pos") {
        r.upos = UposFromName(row[2]);
        if (!r.upos) return InvalidArgument(where + "unknown UPOS '" + std::string(row[2]) + "'");
      }
      problem = ParseFeatEdits(row[3], &r.feats);
    }
    if (!problem.empty()) return InvalidArgument(where + problem);
    rules->tag_rules.push_back(std::move(r));
  }
  return Status::Ok();
}

Status ReadGrammemeClasses(Reader& reader, MorphRules* rules) {
  std::vector<TsvRow> rows;
  Status error;
  if (!reader.Rows(kGrammemeClasses, {2, 2, 2}, &rows, &error)) return error;
  for (const TsvRow& row : rows) {
    const std::string where = Where(kGrammemeClasses, row.line);
    std::vector<std::string>* out = row[0] == "closed"      ? &rules->closed_grammemes
                                    : row[0] == "proper"    ? &rules->proper_grammemes
                                    : row[0] == "own_lemma" ? &rules->own_lemma_grammemes
                                                            : nullptr;
    if (out == nullptr) {
      return InvalidArgument(where + "unknown class '" + std::string(row[0]) +
                             "' (closed, proper or own_lemma)");
    }
    if (!IsGrammemeName(row[1])) {
      return InvalidArgument(where + "bad grammeme '" + std::string(row[1]) + "'");
    }
    out->emplace_back(row[1]);
  }
  return Status::Ok();
}

Status ReadHyphenParticles(Reader& reader, MorphRules* rules) {
  std::vector<TsvRow> rows;
  Status error;
  if (!reader.Rows(kHyphenParticles, {1, 1, 1}, &rows, &error)) return error;
  for (const TsvRow& row : rows) {
    if (!IsLowerWord(row[0]) || row[0].find('-') != std::string_view::npos) {
      return InvalidArgument(Where(kHyphenParticles, row.line) + "'" + std::string(row[0]) +
                             "' is not a lower-case word without hyphens");
    }
    rules->hyphen_particles.emplace_back(row[0]);
  }
  return Status::Ok();
}

Status ReadPunct(Reader& reader, MorphRules* rules) {
  std::vector<TsvRow> rows;
  Status error;
  if (!reader.Rows(kPunct, {2, 2, 2}, &rows, &error)) return error;
  std::vector<std::pair<char32_t, int>> seen;  // character -> line
  for (const TsvRow& row : rows) {
    const std::string where = Where(kPunct, row.line);
    const std::optional<char32_t> c = OneCodePoint(row[1]);
    if (!c) return InvalidArgument(where + "'" + std::string(row[1]) + "' is not one character");
    for (const auto& [other, line] : seen) {
      if (other == *c) {
        return InvalidArgument(where + "'" + std::string(row[1]) + "' is already listed at line " +
                               std::to_string(line));
      }
    }
    seen.emplace_back(*c, row.line);
    if (row[0] == "SYM") {
      rules->sym_tokens.emplace_back(row[1]);
    } else if (row[0] == "PUNCT") {
      rules->quote_chars.push_back(*c);
    } else {
      return InvalidArgument(where + "UPOS '" + std::string(row[0]) + "' is not SYM or PUNCT");
    }
  }
  return Status::Ok();
}

Status ReadAddedReadings(Reader& reader, MorphRules* rules) {
  std::vector<TsvRow> rows;
  Status error;
  if (!reader.Rows(kAddedReadings, {4, 4, 2}, &rows, &error)) return error;
  for (const TsvRow& row : rows) {
    const std::string where = Where(kAddedReadings, row.line);
    MorphRules::AddedReading r;
    r.cls = std::string(row[0]);
    r.key = std::string(row[1]);
    r.line = row.line;
    if (r.cls != "initial" && r.cls != "abbreviation" && r.cls != "consonant_name" &&
        r.cls != "indeclinable_name" && r.cls != "neuter_pronoun") {
      return InvalidArgument(where + "unknown class '" + r.cls + "'");
    }
    const auto upos = UposFromName(row[2]);
    if (!upos) return InvalidArgument(where + "unknown UPOS '" + std::string(row[2]) + "'");
    r.upos = *upos;
    if (r.cls == "neuter_pronoun" ? !IsLowerWord(r.key) : r.key.find(' ') == std::string::npos) {
      return InvalidArgument(where + (r.cls == "neuter_pronoun"
                                          ? "'" + r.key + "' is not a lower-case word"
                                          : "'" + r.key + "' is not an OpenCorpora tag"));
    }
    if (r.cls == "initial") {
      char* end = nullptr;
      const std::string s(row[3]);
      r.score = std::strtof(s.c_str(), &end);
      if (end != s.c_str() + s.size() || !(r.score > 0 && r.score <= 1)) {
        return InvalidArgument(where + "score '" + s + "' is not a number in (0, 1]");
      }
    } else if (row[3] != "-") {
      return InvalidArgument(where + "a " + r.cls +
                             " reading has no score ('-'): the tagger "
                             "weighs it");
    }
    rules->added_readings.push_back(std::move(r));
  }
  return Status::Ok();
}

Status ReadNameEndings(Reader& reader, MorphRules* rules) {
  std::vector<TsvRow> rows;
  Status error;
  if (!reader.Rows(kNameEndings, {2, 2, 1}, &rows, &error)) return error;
  for (const TsvRow& row : rows) {
    const std::string where = Where(kNameEndings, row.line);
    const std::optional<char32_t> c = OneCodePoint(row[0]);
    if (!c || !IsLowerWord(row[0])) {
      return InvalidArgument(where + "'" + std::string(row[0]) + "' is not one lower-case letter");
    }
    if (row[1] != "indeclinable_name" && row[1] != "none") {
      return InvalidArgument(where + "class '" + std::string(row[1]) +
                             "' is not indeclinable_name or none (consonant_name is the "
                             "default for letters not listed)");
    }
    rules->name_endings.emplace_back(*c, std::string(row[1]));
  }
  return Status::Ok();
}

Status ReadTimeNouns(Reader& reader, MorphRules* rules) {
  std::vector<TsvRow> rows;
  Status error;
  if (!reader.Rows(kTimeNouns, {1, 1, 1}, &rows, &error)) return error;
  for (const TsvRow& row : rows) rules->time_nouns.emplace_back(row[0]);
  return Status::Ok();
}

// Whether two conventions can apply to the same reading.
bool Overlap(const MorphRules::Convention& a, const MorphRules::Convention& b) {
  return (a.lemma.empty() || b.lemma.empty() || a.lemma == b.lemma) &&
         (!a.upos || !b.upos || *a.upos == *b.upos) &&
         (a.grammeme.empty() || b.grammeme.empty() || a.grammeme == b.grammeme) &&
         (a.next_upos == 0 || b.next_upos == 0 || (a.next_upos & b.next_upos) != 0);
}

Status ReadConventions(Reader& reader, MorphRules* rules) {
  std::vector<TsvRow> rows;
  Status error;
  if (!reader.Rows(kConventions, {6, 7, 3}, &rows, &error)) return error;
  for (const TsvRow& row : rows) {
    const std::string where = Where(kConventions, row.line);
    MorphRules::Convention c;
    c.line = row.line;
    if (row[0] != "*") {
      if (!IsLowerWord(row[0])) {
        return InvalidArgument(where + "lemma '" + std::string(row[0]) +
                               "' is not a lower-case word");
      }
      c.lemma = std::string(row[0]);
    }
    auto upos = [&](std::string_view s, std::optional<Upos>* out) {
      *out = UposFromName(s);
      return out->has_value();
    };
    if (row[1] != "*" && !upos(row[1], &c.upos)) {
      return InvalidArgument(where + "unknown UPOS '" + std::string(row[1]) + "'");
    }
    if (row[2] != "*") {
      if (!IsGrammemeName(row[2])) {
        return InvalidArgument(where + "bad grammeme '" + std::string(row[2]) + "'");
      }
      c.grammeme = std::string(row[2]);
    }
    if (row[3] != "-" && !upos(row[3], &c.set_upos)) {
      return InvalidArgument(where + "unknown UPOS '" + std::string(row[3]) + "'");
    }
    if (row[4] != "-") {
      if (!IsLowerWord(row[4])) {
        return InvalidArgument(where + "lemma '" + std::string(row[4]) +
                               "' is not a lower-case word");
      }
      c.set_lemma = std::string(row[4]);
    }
    if (row[5] == "_") {
      c.feats = MorphRules::Convention::Feats::kClear;
    } else if (row[5] != "-") {
      c.feats = MorphRules::Convention::Feats::kKeepOnly;
      for (std::string_view f : Split(row[5], '|')) {
        if (FeatSlot(f) < 0) {
          return InvalidArgument(where + "unknown UD feature '" + std::string(f) + "'");
        }
        c.keep_feats.emplace_back(f);
      }
    }
    if (row.size() > 6) {
      for (std::string_view u : Split(row[6], '|')) {
        std::optional<Upos> next;
        if (!upos(u, &next))
          return InvalidArgument(where + "unknown UPOS '" + std::string(u) + "'");
        c.next_upos |= 1u << static_cast<int>(*next);
      }
    }
    if (!c.set_upos && c.set_lemma.empty() && c.feats == MorphRules::Convention::Feats::kKeep) {
      return InvalidArgument(where + "the row changes nothing");
    }
    // One reading: conventions that can apply to the same reading may not disagree, and a
    // convention may not give a lexeme another UPOS than opencorpora_ud.tsv gives it.
    for (const auto& other : rules->conventions) {
      if (!Overlap(c, other)) continue;
      if ((c.set_upos && other.set_upos && *c.set_upos != *other.set_upos) ||
          (!c.set_lemma.empty() && !other.set_lemma.empty() && c.set_lemma != other.set_lemma) ||
          (c.feats != MorphRules::Convention::Feats::kKeep &&
           other.feats != MorphRules::Convention::Feats::kKeep &&
           (c.feats != other.feats || c.keep_feats != other.keep_feats))) {
        return InvalidArgument(where + "contradicts line " + std::to_string(other.line));
      }
    }
    // (A convention with a next-token condition refines a reading in context: "как" is
    // SCONJ, and ADP before a noun phrase.)
    if (c.set_upos && !c.lemma.empty() && c.next_upos == 0) {
      for (const auto& r : rules->lexeme_rules) {
        if (r.lemma == c.lemma && (!c.upos || *c.upos == r.upos) && r.upos != *c.set_upos) {
          return InvalidArgument(where + "makes '" + c.lemma + "' " + UposName(*c.set_upos) +
                                 ", but data/rules/opencorpora_ud.tsv:" + std::to_string(r.line) +
                                 " makes '" + r.lemma + "/" + r.pos + "' " + UposName(r.upos));
        }
      }
    }
    rules->conventions.push_back(std::move(c));
  }
  return Status::Ok();
}

Status ReadSuperlatives(Reader& reader, MorphRules* rules) {
  std::vector<TsvRow> rows;
  Status error;
  if (!reader.Rows(kSuperlatives, {2, 2, 1}, &rows, &error)) return error;
  for (const TsvRow& row : rows) {
    if (!IsLowerWord(row[0]) || !IsLowerWord(row[1])) {
      return InvalidArgument(Where(kSuperlatives, row.line) + "endings are lower-case letters");
    }
    rules->superlative_endings.emplace_back(row[0], row[1]);
  }
  // The longest ending wins.
  std::stable_sort(rules->superlative_endings.begin(), rules->superlative_endings.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return Status::Ok();
}

Status ReadOrdinals(Reader& reader, MorphRules* rules) {
  std::vector<TsvRow> rows;
  Status error;
  if (!reader.Rows(kOrdinals, {4, 4, 1}, &rows, &error)) return error;
  constexpr std::string_view kCases[] = {"Nom", "Gen", "Dat", "Acc", "Ins", "Loc"};
  constexpr std::string_view kGenders[] = {"Masc", "Fem", "Neut"};
  constexpr std::string_view kNumbers[] = {"Sing", "Plur"};
  for (const TsvRow& row : rows) {
    const std::string where = Where(kOrdinals, row.line);
    if (!IsLowerWord(row[0])) return InvalidArgument(where + "the ending is lower-case letters");
    auto value = [&](std::string_view v, auto& allowed, std::string* out) {
      if (v == "-") return true;
      for (std::string_view a : allowed) {
        if (v == a) {
          *out = std::string(v);
          return true;
        }
      }
      return false;
    };
    MorphRules::OrdinalEnding e;
    e.ending = std::string(row[0]);
    if (!value(row[1], kCases, &e.gcase) || !value(row[2], kGenders, &e.gender) ||
        !value(row[3], kNumbers, &e.number)) {
      return InvalidArgument(where + "bad Case, Gender or Number (UD values or '-')");
    }
    rules->ordinal_endings.push_back(std::move(e));
  }
  return Status::Ok();
}

}  // namespace

std::optional<Upos> UposFromName(std::string_view name) {
  for (int i = 0; i < kUposCount; ++i) {
    if (name == UposName(static_cast<Upos>(i))) return static_cast<Upos>(i);
  }
  return std::nullopt;
}

const std::vector<std::string_view>& MorphRules::TableNames() {
  static const std::vector<std::string_view> kNames = {
      kOpenCorporaUd, kGrammemeClasses, kHyphenParticles, kPunct,        kAddedReadings,
      kNameEndings,   kTimeNouns,       kConventions,     kSuperlatives, kOrdinals};
  return kNames;
}

Result<MorphRules> MorphRules::LoadEmbedded() {
  // The embedded tables never change: read them once per process.
  static const Result<MorphRules>* const kEmbedded =
      new Result<MorphRules>(Load([](std::string_view name) { return EmbeddedFile(name); }));
  return *kEmbedded;
}

Result<MorphRules> MorphRules::Load(const std::function<std::string_view(std::string_view)>& file) {
  MorphRules rules;
  Reader reader(file);
  // opencorpora_ud.tsv first: the conventions are checked against its lexemes.
  for (auto read :
       {ReadOpenCorporaUd, ReadGrammemeClasses, ReadHyphenParticles, ReadPunct, ReadAddedReadings,
        ReadNameEndings, ReadTimeNouns, ReadConventions, ReadSuperlatives, ReadOrdinals}) {
    if (Status s = read(reader, &rules); !s.ok()) return s;
  }
  return rules;
}

}  // namespace svodka
