#include "eval/entity_gold.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>
#include <utility>

#include "base/file.h"
#include "base/utf8.h"
#include "text/char_class.h"

namespace svodka {

namespace fs = std::filesystem;

std::string_view EntityCorpusName(EntityCorpus corpus) {
  switch (corpus) {
    case EntityCorpus::kFactRuEval:
      return "factrueval";
    case EntityCorpus::kNerel:
      return "nerel";
    case EntityCorpus::kCollection5:
      return "collection5";
  }
  return "?";
}

namespace {

// The type tables of the header comment (docs/evaluation.md, "Named entities").
struct TypeRow {
  std::string_view label;
  EntityType type;
};
constexpr TypeRow kNerelTypes[] = {
    {"PERSON", EntityType::kPer},
    {"ORGANIZATION", EntityType::kOrg},
    {"COUNTRY", EntityType::kLoc},
    {"CITY", EntityType::kLoc},
    {"STATE_OR_PROVINCE", EntityType::kLoc},
    {"DISTRICT", EntityType::kLoc},
    {"LOCATION", EntityType::kLoc},
};
constexpr TypeRow kCollection5Types[] = {
    {"PER", EntityType::kPer}, {"ORG", EntityType::kOrg},      {"MEDIA", EntityType::kOrg},
    {"LOC", EntityType::kLoc}, {"GEOPOLIT", EntityType::kLoc},
};
// Every NEREL entity type (nerel/annotation.conf): a folder using any of them is NEREL.
constexpr std::string_view kNerelLabels[] = {
    "AGE",        "AWARD",        "CITY",
    "COUNTRY",    "CRIME",        "DATE",
    "DISEASE",    "DISTRICT",     "EVENT",
    "FACILITY",   "FAMILY",       "IDEOLOGY",
    "LANGUAGE",   "LAW",          "LOCATION",
    "MONEY",      "NATIONALITY",  "NUMBER",
    "ORDINAL",    "ORGANIZATION", "PENALTY",
    "PERCENT",    "PERSON",       "PRODUCT",
    "PROFESSION", "RELIGION",     "STATE_OR_PROVINCE",
    "TIME",       "WORK_OF_ART",
};

// naeval's QUOTES (adapt.py).
constexpr char32_t kQuotes[] = {U'"', U'\'', U'”', U'«', U'„', U'ʼ', U'»', U'“', U'ʻ'};

bool IsQuote(char32_t c) {
  return std::find(std::begin(kQuotes), std::end(kQuotes), c) != std::end(kQuotes);
}

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The whole file, once `check` (if any) has accepted its first kGoldHeadBytes.
Result<std::string> ReadGoldFile(const std::string& path, const GoldFileCheck& check) {
  if (check) {
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {  // else ReadFile names the problem
      std::string head(kGoldHeadBytes, '\0');
      const size_t n = std::fread(head.data(), 1, head.size(), f);
      std::fclose(f);
      head.resize(n);
      if (std::optional<Status> bad = check(head, path)) return *bad;
    }
  }
  return ReadFile(path);
}

// Byte offset of every code point offset of text (size = code points + 1).
std::vector<uint32_t> CodePointToByte(std::string_view text) {
  std::vector<uint32_t> out;
  out.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      out.push_back(static_cast<uint32_t>(i));
  }
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

// Lines of a file, without their "\n" or "\r\n"; line k (1-based) is lines[k - 1].
std::vector<std::string_view> Lines(std::string_view data) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    pos = nl + 1;
  }
  return out;
}

bool IsBlank(std::string_view s) {
  for (char c : s)
    if (!IsSpaceByte(c)) return false;
  return true;
}

// Whitespace-separated fields of s (spaces and tabs).
std::vector<std::string_view> Fields(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

bool ParseUint(std::string_view s, uint64_t* v) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string At(const std::string& file, size_t line) {
  return file + ": line " + std::to_string(line) + ": ";
}

// The code points [start, start + length) of a text whose code point → byte table is cp2b, in
// bytes, or an error naming file and line when they lie beyond the text. Written so that huge
// values cannot wrap around.
Result<Span> ToBytes(const std::vector<uint32_t>& cp2b, uint64_t start, uint64_t length,
                     const std::string& file, size_t line, const std::string& txt) {
  if (start >= cp2b.size() || length >= cp2b.size() - start) {
    return InvalidArgument(At(file, line) + "span at " + std::to_string(start) + " of length " +
                           std::to_string(length) + " beyond the end of " + txt + " (" +
                           std::to_string(cp2b.size() - 1) + " characters)");
  }
  return Span{cp2b[start], cp2b[start + length]};
}

// Trims ASCII whitespace at both edges of s.
Span TrimSpace(std::string_view text, Span s) {
  while (s.begin < s.end && IsSpaceByte(text[s.begin])) ++s.begin;
  while (s.end > s.begin && IsSpaceByte(text[s.end - 1])) --s.end;
  return s;
}

// naeval's strip_span_bounds with QUOTES: the span loses its leading and trailing quotes only
// when it has both («Газпром» → Газпром; ООО «Газпром» is kept).
Span StripQuoteBounds(std::string_view text, Span s) {
  Span r = s;
  while (r.begin < r.end) {
    size_t len = 0;
    const char32_t c = DecodeUtf8(text, r.begin, &len);
    if (!IsQuote(c)) break;
    r.begin += static_cast<uint32_t>(len);
  }
  while (r.end > r.begin) {
    uint32_t b = r.end - 1;
    while (b > r.begin && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
    size_t len = 0;
    const char32_t c = DecodeUtf8(text, b, &len);
    if (!IsQuote(c)) break;
    r.end = b;
  }
  return (r.begin > s.begin && r.end < s.end) ? r : s;
}

// --- factRuEval ------------------------------------------------------------------------------

struct FactSpan {
  std::string type;  // loc_name, org_name, surname, ...
  Span span;
};

struct FactObject {
  std::string type;  // Person, Org, Location, LocOrg, Project, Facility
  std::vector<const FactSpan*> spans;
  uint32_t chain = kNoChain;
};

Span Extent(const FactObject& o) {
  Span s = o.spans.front()->span;
  for (const FactSpan* p : o.spans) {
    s.begin = std::min(s.begin, p->span.begin);
    s.end = std::max(s.end, p->span.end);
  }
  return s;
}

Status ReadFactRuDocument(const std::string& stem, const GoldFileCheck& check,
                          EntityGoldDocument* doc) {
  doc->id = fs::path(stem).filename().string();
  doc->path = stem + ".txt";
  Result<std::string> text = ReadGoldFile(doc->path, check);
  if (!text.ok()) return text.status();
  doc->text = std::move(*text);
  RepairUtf8(&doc->text);
  const std::vector<uint32_t> cp2b = CodePointToByte(doc->text);

  // .spans: "id type start length first_token token_count  # ...".
  const std::string spans_path = stem + ".spans";
  Result<std::string> spans_data = ReadGoldFile(spans_path, check);
  if (!spans_data.ok()) return spans_data.status();
  std::unordered_map<std::string, FactSpan> spans;
  {
    const std::vector<std::string_view> lines = Lines(*spans_data);
    for (size_t k = 0; k < lines.size(); ++k) {
      std::string_view line = lines[k].substr(0, lines[k].find('#'));
      if (IsBlank(line)) continue;
      const std::vector<std::string_view> f = Fields(line);
      uint64_t start = 0, length = 0;
      if (f.size() < 4 || !ParseUint(f[2], &start) || !ParseUint(f[3], &length)) {
        return InvalidArgument(At(spans_path, k + 1) +
                               "expected 'id type start length ...': not factRuEval spans");
      }
      Result<Span> s = ToBytes(cp2b, start, length, spans_path, k + 1, doc->path);
      if (!s.ok()) return s.status();
      spans[std::string(f[0])] = FactSpan{std::string(f[1]), *s};
    }
  }

  // .objects: "id Type span_id span_id ... # text".
  const std::string objects_path = stem + ".objects";
  Result<std::string> objects_data = ReadGoldFile(objects_path, check);
  if (!objects_data.ok()) return objects_data.status();
  std::vector<FactObject> objects;
  std::unordered_map<std::string, size_t> object_index;
  {
    const std::vector<std::string_view> lines = Lines(*objects_data);
    for (size_t k = 0; k < lines.size(); ++k) {
      std::string_view line = lines[k].substr(0, lines[k].find('#'));
      if (IsBlank(line)) continue;
      const std::vector<std::string_view> f = Fields(line);
      if (f.size() < 3) {
        return InvalidArgument(At(objects_path, k + 1) +
                               "expected 'id Type span_id...': not factRuEval objects");
      }
      FactObject o;
      o.type = std::string(f[1]);
      for (size_t i = 2; i < f.size(); ++i) {
        auto it = spans.find(std::string(f[i]));
        if (it == spans.end()) {
          return InvalidArgument(At(objects_path, k + 1) + "span " + std::string(f[i]) +
                                 " is not in " + spans_path);
        }
        o.spans.push_back(&it->second);
      }
      object_index[std::string(f[0])] = objects.size();
      objects.push_back(std::move(o));
    }
  }

  // .coref: blocks "chain_id object_id..." + "key value" lines, separated by blank lines.
  std::unordered_map<std::string, uint32_t> chain_index;
  uint32_t chains = 0;
  const std::string coref_path = stem + ".coref";
  std::error_code ec;
  if (fs::exists(coref_path, ec)) {
    doc->has_chains = true;
    Result<std::string> coref = ReadGoldFile(coref_path, check);
    if (!coref.ok()) return coref.status();
    const std::vector<std::string_view> lines = Lines(*coref);
    bool head = true;
    for (size_t k = 0; k < lines.size(); ++k) {
      if (IsBlank(lines[k])) {
        head = true;
        continue;
      }
      if (!head) continue;  // "name Москва", "firstname Юрий", ...
      head = false;
      const std::vector<std::string_view> f = Fields(lines[k]);
      for (size_t i = 1; i < f.size(); ++i) {
        auto it = object_index.find(std::string(f[i]));
        if (it == object_index.end()) {
          return InvalidArgument(At(coref_path, k + 1) + "object " + std::string(f[i]) +
                                 " is not in " + objects_path);
        }
        objects[it->second].chain = chains;
      }
      chain_index[std::string(f[0])] = chains++;
    }
  }
  for (FactObject& o : objects) {
    if (o.chain == kNoChain) o.chain = chains++;  // an object in no chain is a chain alone
  }

  // Names, as naeval's adapt_factru selects them.
  for (const FactObject& o : objects) {
    if (o.spans.empty()) continue;
    if (o.type == "Person") {
      doc->names.push_back(GoldName{Extent(o), EntityType::kPer, o.chain});
      continue;
    }
    const bool org = o.type == "Org";
    const bool loc = o.type == "Location" || o.type == "LocOrg";
    if (!org && !loc) continue;  // Project, Facility
    std::vector<GoldName> own;
    for (const FactSpan* s : o.spans) {
      if (s->type == (org ? "org_name" : "loc_name"))
        own.push_back(GoldName{s->span, org ? EntityType::kOrg : EntityType::kLoc, o.chain});
    }
    KeepOutermost(&own);
    doc->names.insert(doc->names.end(), own.begin(), own.end());
  }
  for (GoldName& n : doc->names) n.span = TrimSpace(doc->text, n.span);
  std::erase_if(doc->names, [](const GoldName& n) { return n.span.empty(); });
  KeepOutermost(&doc->names);
  doc->chains.assign(chains, {});
  for (size_t i = 0; i < doc->names.size(); ++i)
    doc->chains[doc->names[i].chain].push_back(static_cast<uint32_t>(i));

  // .facts: Occupation facts ("Who obj48 ...", "Position span22777 мэра | span64007 ...").
  const std::string facts_path = stem + ".facts";
  if (!fs::exists(facts_path, ec)) return Status::Ok();
  doc->has_roles = true;
  Result<std::string> facts = ReadGoldFile(facts_path, check);
  if (!facts.ok()) return facts.status();
  const std::vector<std::string_view> lines = Lines(*facts);
  std::set<std::pair<uint32_t, std::vector<std::pair<uint32_t, uint32_t>>>> seen;
  size_t k = 0;
  while (k < lines.size()) {
    if (IsBlank(lines[k])) {
      ++k;
      continue;
    }
    const std::vector<std::string_view> head = Fields(lines[k]);
    GoldRole role;
    role.id = std::string(head[0]);
    const bool occupation = head.size() >= 2 && head[1] == "Occupation";
    bool has_who = false;
    for (++k; k < lines.size() && !IsBlank(lines[k]); ++k) {
      if (!occupation) continue;
      std::string_view line = lines[k];
      const size_t sp = line.find_first_of(" \t");
      if (sp == std::string_view::npos) continue;
      const std::string_view slot = line.substr(0, sp);
      if (slot != "Who" && slot != "Position") continue;
      // Alternatives: "span27603 Посол Японии в России | span27602 Посол".
      std::string_view rest = line.substr(sp + 1);
      while (!rest.empty()) {
        size_t bar = rest.find(" | ");
        std::string_view value = rest.substr(0, bar);
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 3);
        const std::vector<std::string_view> words = Fields(value);
        const std::string_view ref = words.empty() ? value : words[0];
        if (slot == "Who" && ref.substr(0, 3) == "obj" && !has_who) {
          auto it = chain_index.find(std::string(ref.substr(3)));
          if (it == chain_index.end()) {
            return InvalidArgument(At(facts_path, k + 1) + "Who " + std::string(ref) +
                                   " is not a chain of " + coref_path);
          }
          has_who = true;
          role.who = it->second;
        } else if (slot == "Position" && ref.substr(0, 4) == "span") {
          auto it = spans.find(std::string(ref.substr(4)));
          if (it == spans.end()) {
            return InvalidArgument(At(facts_path, k + 1) + "Position " + std::string(ref) +
                                   " is not in " + spans_path);
          }
          role.positions.push_back(it->second.span);
        }
      }
    }
    if (!occupation || !has_who || role.positions.empty()) continue;
    std::vector<std::pair<uint32_t, uint32_t>> key;
    for (const Span& s : role.positions) key.emplace_back(s.begin, s.end);
    std::sort(key.begin(), key.end());
    if (!seen.insert({role.who, key}).second) continue;  // same person and position
    for (const FactObject& o : objects) {
      if (o.chain == role.who && !o.spans.empty()) role.who_spans.push_back(Extent(o));
    }
    std::sort(role.who_spans.begin(), role.who_spans.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    doc->roles.push_back(std::move(role));
  }
  return Status::Ok();
}

// --- brat ------------------------------------------------------------------------------------

struct BratEntity {
  std::string label;
  std::vector<Span> fragments;  // bytes
};

struct BratDocument {
  EntityGoldDocument doc;
  std::vector<BratEntity> entities;
};

// Reads stem.txt and stem.ann: every "T<n><TAB>LABEL b e[;b e...]<TAB>text" line (other
// annotation lines — relations, normalizations, notes — are skipped).
Status ReadBratDocument(const std::string& stem, const GoldFileCheck& check, BratDocument* out) {
  EntityGoldDocument& doc = out->doc;
  doc.id = fs::path(stem).filename().string();
  doc.path = stem + ".txt";
  Result<std::string> text = ReadGoldFile(doc.path, check);
  if (!text.ok()) return text.status();
  doc.text = std::move(*text);
  RepairUtf8(&doc.text);
  const std::vector<uint32_t> cp2b = CodePointToByte(doc.text);
  const std::string ann_path = stem + ".ann";
  Result<std::string> ann = ReadGoldFile(ann_path, check);
  if (!ann.ok()) return ann.status();
  const std::vector<std::string_view> lines = Lines(*ann);
  for (size_t k = 0; k < lines.size(); ++k) {
    std::string_view line = lines[k];
    if (line.size() < 2 || line[0] != 'T' || line[1] < '0' || line[1] > '9') continue;
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    const std::string_view middle = tab1 == std::string_view::npos
                                        ? std::string_view()
                                        : line.substr(tab1 + 1, tab2 - tab1 - 1);
    const size_t sp = middle.find(' ');
    BratEntity e;
    bool good = sp != std::string_view::npos && sp > 0;
    if (good) {
      e.label = std::string(middle.substr(0, sp));
      std::string_view ranges = middle.substr(sp + 1);
      while (good && !ranges.empty()) {
        const size_t semi = ranges.find(';');
        const std::vector<std::string_view> f = Fields(ranges.substr(0, semi));
        ranges = semi == std::string_view::npos ? std::string_view() : ranges.substr(semi + 1);
        uint64_t b = 0, end = 0;
        good = f.size() == 2 && ParseUint(f[0], &b) && ParseUint(f[1], &end) && b <= end;
        if (!good) break;
        Result<Span> s = ToBytes(cp2b, b, end - b, ann_path, k + 1, doc.path);
        if (!s.ok()) return s.status();
        e.fragments.push_back(*s);
      }
      good = good && !e.fragments.empty();
    }
    if (!good) {
      return InvalidArgument(At(ann_path, k + 1) +
                             "expected 'T<n><TAB>TYPE begin end[;begin end]<TAB>text': not brat");
    }
    out->entities.push_back(std::move(e));
  }
  return Status::Ok();
}

// Names of a brat document once its corpus is known (see the header comment).
// NEREL marks geographic adjectives ("российских", "московского") as COUNTRY or CITY; the
// other corpora, and svodka, do not take them for names ("японским коллегой" describes a
// person). A one-word LOC that starts with a lower-case letter is such an adjective.
bool IsNerelGeoAdjective(std::string_view text, const Span& s, EntityType type) {
  if (type != EntityType::kLoc || s.empty()) return false;
  const std::string_view word = text.substr(s.begin, s.size());
  if (word.find(' ') != std::string_view::npos) return false;
  size_t len = 0;
  const char32_t first = DecodeUtf8(word, 0, &len);
  return CharClasses::Get().Of(first) == kCcLower;
}

// NEREL also marks descriptions of organizations as ORGANIZATION: "полиция", "правительства",
// "мэрии", "компании «Газпром»" (around the nested name). Collection5, factRuEval and svodka
// keep names only (a description is linked to its object, not tagged as a name). An ORG span
// whose first letter is a lower-case Cyrillic one is such a description; a nested name inside
// it ("«Газпром»") is then the outermost name.
bool IsNerelDescription(std::string_view text, const Span& s, EntityType type) {
  if (type != EntityType::kOrg) return false;
  const std::string_view span = text.substr(s.begin, s.size());
  const CharClasses& cc = CharClasses::Get();
  for (size_t i = 0; i < span.size();) {
    size_t len = 0;
    const char32_t c = DecodeUtf8(span, i, &len);
    const CharClass k = cc.Of(c);
    if (CharClasses::IsLetter(k)) return k == kCcLower && c >= 0x0400 && c <= 0x04FF;
    i += len == 0 ? 1 : len;
  }
  return false;
}

void BratNames(EntityCorpus corpus, const BratDocument& in, EntityGoldDocument* doc) {
  for (const BratEntity& e : in.entities) {
    EntityType type;
    if (!MapBratType(corpus, e.label, &type)) continue;
    for (const Span& f : e.fragments) {
      const Span s = TrimSpace(doc->text, f);
      if (s.empty()) continue;
      if (corpus == EntityCorpus::kNerel &&
          (IsNerelGeoAdjective(doc->text, s, type) || IsNerelDescription(doc->text, s, type)))
        continue;
      doc->names.push_back(GoldName{s, type, kNoChain});
    }
  }
  KeepOutermost(&doc->names);
  for (GoldName& n : doc->names) n.span = StripQuoteBounds(doc->text, n.span);
  std::erase_if(doc->names, [](const GoldName& n) { return n.span.empty(); });
}

Result<EntityCorpus> DetectBrat(const std::vector<BratDocument>& docs, const std::string& path) {
  bool any = false, nerel = false, c5_only = true;
  std::string odd;
  for (const BratDocument& d : docs) {
    for (const BratEntity& e : d.entities) {
      any = true;
      EntityType t;
      const bool c5 = MapBratType(EntityCorpus::kCollection5, e.label, &t);
      const bool ne = std::find(std::begin(kNerelLabels), std::end(kNerelLabels), e.label) !=
                      std::end(kNerelLabels);
      nerel = nerel || ne;
      if (!c5) {
        c5_only = false;
        if (!ne && odd.empty()) odd = e.label + " in " + d.doc.id + ".ann";
      }
    }
  }
  if (nerel) return EntityCorpus::kNerel;
  if (any && c5_only) return EntityCorpus::kCollection5;
  if (!any) {
    return InvalidArgument(path +
                           ": no entity ('T' line) in any .ann file: cannot tell NEREL "
                           "from Collection5");
  }
  return InvalidArgument(path + ": entity type " + odd +
                         " is neither NEREL's nor Collection5's (PER ORG LOC GEOPOLIT MEDIA)");
}

bool HasExtension(const fs::path& p, std::string_view ext) { return p.extension() == ext; }

}  // namespace

bool MapBratType(EntityCorpus corpus, std::string_view label, EntityType* type) {
  const std::span<const TypeRow> table =
      corpus == EntityCorpus::kNerel         ? std::span<const TypeRow>(kNerelTypes)
      : corpus == EntityCorpus::kCollection5 ? std::span<const TypeRow>(kCollection5Types)
                                             : std::span<const TypeRow>();
  for (const TypeRow& r : table) {
    if (r.label == label) {
      *type = r.type;
      return true;
    }
  }
  return false;
}

void KeepOutermost(std::vector<GoldName>* names) {
  std::stable_sort(names->begin(), names->end(), [](const GoldName& a, const GoldName& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  size_t kept = 0;
  for (size_t i = 0; i < names->size(); ++i) {
    if (kept > 0 && (*names)[kept - 1].span.end > (*names)[i].span.begin) continue;
    (*names)[kept++] = (*names)[i];
  }
  names->resize(kept);
}

Result<EntityGold> ReadEntityGold(const std::string& path, const GoldFileCheck& check) {
  std::error_code ec;
  const bool is_dir = fs::is_directory(path, ec);
  if (!is_dir && !fs::exists(path, ec)) return NotFound(path + ": no such file or directory");
  // The documents' stems (path without extension), by kind.
  std::vector<std::string> fact_stems, brat_stems;
  if (is_dir) {
    for (const auto& e : fs::directory_iterator(path, ec)) {
      const fs::path& p = e.path();
      std::string stem = (p.parent_path() / p.stem()).string();
      if (HasExtension(p, ".objects")) fact_stems.push_back(stem);
      if (HasExtension(p, ".ann")) brat_stems.push_back(stem);
    }
    if (ec) return IoError(path + ": cannot list the folder: " + ec.message());
  } else {
    const fs::path p(path);
    const std::string stem = (p.parent_path() / p.stem()).string();
    if (fs::exists(stem + ".objects", ec) && !HasExtension(p, ".ann")) {
      fact_stems.push_back(stem);
    } else if (fs::exists(stem + ".ann", ec)) {
      brat_stems.push_back(stem);
    }
  }
  std::sort(fact_stems.begin(), fact_stems.end());
  std::sort(brat_stems.begin(), brat_stems.end());
  EntityGold gold;
  if (!fact_stems.empty()) {
    gold.corpus = EntityCorpus::kFactRuEval;
    for (const std::string& stem : fact_stems) {
      EntityGoldDocument doc;
      if (Status s = ReadFactRuDocument(stem, check, &doc); !s.ok()) return s;
      gold.docs.push_back(std::move(doc));
    }
    return gold;
  }
  if (brat_stems.empty()) {
    return InvalidArgument(path +
                           ": no entity gold: neither factRuEval (*.objects, *.spans, "
                           "*.txt) nor brat (*.ann + *.txt) files");
  }
  std::vector<BratDocument> docs(brat_stems.size());
  for (size_t i = 0; i < brat_stems.size(); ++i) {
    if (Status s = ReadBratDocument(brat_stems[i], check, &docs[i]); !s.ok()) return s;
  }
  Result<EntityCorpus> corpus = DetectBrat(docs, path);
  if (!corpus.ok()) return corpus.status();
  gold.corpus = *corpus;
  for (BratDocument& d : docs) {
    BratNames(gold.corpus, d, &d.doc);
    gold.docs.push_back(std::move(d.doc));
  }
  return gold;
}

}  // namespace svodka
