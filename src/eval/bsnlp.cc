#include "eval/bsnlp.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <utility>

#include "base/text_input.h"
#include "base/utf8.h"
#include "text/char_class.h"

namespace svodka {
namespace {

namespace fs = std::filesystem;

// A gold or raw file is small; anything larger is not BSNLP data.
constexpr size_t kMaxFileBytes = size_t{64} << 20;

bool IsSpace(char32_t c) {
  const CharClass k = CharClasses::Get().Of(c);
  return k == kCcSpace || k == kCcNewline;
}

bool IsQuote(char32_t c) {
  switch (c) {
    case U'"':
    case U'\'':
    case U'«':
    case U'»':
    case U'“':
    case U'”':
    case U'„':
    case U'‟':
    case U'‘':
    case U'’':
    case U'‚':
    case U'‹':
    case U'›':
      return true;
    default:
      return false;
  }
}

// s without white space at its edges.
std::string_view Trim(std::string_view s) {
  while (!s.empty()) {
    size_t len = 1;
    if (!IsSpace(DecodeUtf8(s, 0, &len))) break;
    s.remove_prefix(len);
  }
  while (!s.empty()) {
    size_t b = s.size() - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    size_t len = 1;
    if (!IsSpace(DecodeUtf8(s, b, &len))) break;
    s.remove_suffix(s.size() - b);
  }
  return s;
}

// Trimmed, with every inner white space run as one space.
std::string Clean(std::string_view s) {
  s = Trim(s);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(s, i, &len);
    if (IsSpace(c)) {
      space = true;
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

// Lines of data without their line ends (LF, CRLF).
std::vector<std::string_view> Lines(std::string_view data) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = nl + 1;
  }
  return lines;
}

bool HasCapital(std::string_view s) {
  const CharClasses& cc = CharClasses::Get();
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(s, i, &len);
    if (cc.Of(c) == kCcUpper) return true;
    i += len;
  }
  return false;
}

Result<std::string> ReadChecked(const fs::path& path, const GoldFileCheck& check) {
  Result<std::string> data = ReadTextFile(path.string(), kMaxFileBytes);
  if (!data.ok()) return data.status();
  if (check) {
    if (std::optional<Status> bad =
            check(std::string_view(*data).substr(0, kGoldHeadBytes), path.string())) {
      return *bad;
    }
  }
  RepairUtf8(&*data);
  if (std::string_view(*data).substr(0, 3) == "\xEF\xBB\xBF") data->erase(0, 3);
  return data;
}

// The folder with a topic's files of one kind: raw/ru or raw.
fs::path KindDir(const fs::path& topic, const char* kind) {
  std::error_code ec;
  const fs::path ru = topic / kind / "ru";
  if (fs::is_directory(ru, ec)) return ru;
  return topic / kind;
}

bool IsTopic(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p / "raw", ec) && fs::is_directory(p / "annotated", ec);
}

std::vector<fs::path> Files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Status ReadTopic(const fs::path& topic, const GoldFileCheck& check,
                 std::vector<BsnlpDocument>* out) {
  const std::string name = topic.filename().string();
  std::map<std::string, size_t> by_id;  // document id -> index in *out
  const size_t first = out->size();
  for (const fs::path& raw : Files(KindDir(topic, "raw"))) {
    Result<std::string> data = ReadChecked(raw, check);
    if (!data.ok()) return data.status();
    const std::vector<std::string_view> lines = Lines(*data);
    if (lines.size() < 5) {
      return InvalidArgument(raw.string() +
                             ": not a BSNLP raw file (id, language, date, URL lines, then text)");
    }
    BsnlpDocument doc;
    doc.topic = name;
    doc.id = std::string(Trim(lines[0]));
    doc.raw_path = raw.string();
    for (size_t k = 4; k < lines.size(); ++k) {
      const std::string_view line = lines[k];
      if (!Trim(line).empty()) {
        const auto b = static_cast<uint32_t>(doc.text.size());
        doc.lines.push_back(Span{b, b + static_cast<uint32_t>(line.size())});
      }
      doc.text.append(line);
      doc.text.push_back('\n');
    }
    if (doc.id.empty()) return InvalidArgument(raw.string() + ":1: empty document id");
    if (by_id.count(doc.id)) {
      return InvalidArgument(raw.string() + ": document id '" + doc.id + "' also in " +
                             (*out)[by_id[doc.id]].raw_path);
    }
    by_id[doc.id] = out->size();
    out->push_back(std::move(doc));
  }
  std::vector<bool> annotated(out->size(), false);
  for (const fs::path& gold : Files(KindDir(topic, "annotated"))) {
    Result<std::string> data = ReadChecked(gold, check);
    if (!data.ok()) return data.status();
    const std::vector<std::string_view> lines = Lines(*data);
    const std::string id = lines.empty() ? std::string() : std::string(Trim(lines[0]));
    auto it = by_id.find(id);
    if (it == by_id.end()) {
      return InvalidArgument(gold.string() + ":1: document id '" + id + "' has no raw file in " +
                             KindDir(topic, "raw").string());
    }
    if (annotated[it->second]) {
      return InvalidArgument(gold.string() + ": a second annotation of document '" + id + "'");
    }
    annotated[it->second] = true;
    BsnlpDocument& doc = (*out)[it->second];
    doc.gold_path = gold.string();
    for (size_t k = 1; k < lines.size(); ++k) {
      if (Trim(lines[k]).empty()) continue;
      std::vector<std::string_view> f;
      size_t pos = 0;
      while (true) {
        const size_t tab = lines[k].find('\t', pos);
        f.push_back(lines[k].substr(pos, tab == std::string_view::npos ? tab : tab - pos));
        if (tab == std::string_view::npos) break;
        pos = tab + 1;
      }
      if (f.size() < 4 || Trim(f[0]).empty() || Trim(f[1]).empty() || Trim(f[2]).empty()) {
        return InvalidArgument(gold.string() + ":" + std::to_string(k + 1) +
                               ": expected form<TAB>base<TAB>type<TAB>id");
      }
      doc.mentions.push_back({Clean(f[0]), Clean(f[1]), std::string(Trim(f[2])),
                              std::string(Trim(f[3])), static_cast<int>(k + 1)});
    }
  }
  // Raw documents without annotations are not scored; the topic's case decides "exact".
  bool cased = false;
  std::vector<BsnlpDocument> kept;
  for (size_t k = first; k < out->size(); ++k) {
    if (!annotated[k]) continue;
    for (const BsnlpMention& m : (*out)[k].mentions) cased |= HasCapital(m.base);
    kept.push_back(std::move((*out)[k]));
  }
  for (BsnlpDocument& d : kept) d.cased = cased;
  out->resize(first);
  for (BsnlpDocument& d : kept) out->push_back(std::move(d));
  return Status::Ok();
}

}  // namespace

std::string FoldCase(std::string_view s) {
  const CharClasses& cc = CharClasses::Get();
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = cc.ToLower(DecodeUtf8(s, i, &len));
    if (c == U'ё') c = U'е';
    AppendUtf8(c, &out);
    i += len;
  }
  return out;
}

std::string FoldForSearch(std::string_view text, std::vector<uint32_t>* origin) {
  const CharClasses& cc = CharClasses::Get();
  std::string out;
  out.reserve(text.size());
  origin->clear();
  origin->reserve(text.size() + 1);
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    char32_t c = DecodeUtf8(text, i, &len);
    if (IsSpace(c)) {
      if (!space) {
        out.push_back(' ');
        origin->push_back(static_cast<uint32_t>(i));
      }
      space = true;
      i += len;
      continue;
    }
    space = false;
    c = cc.ToLower(c);
    if (c == U'ё') c = U'е';
    if (IsQuote(c)) c = U'"';
    if (c == U'\u2010' || c == U'\u2011') c = U'-';
    const size_t before = out.size();
    AppendUtf8(c, &out);
    for (size_t k = before; k < out.size(); ++k) origin->push_back(static_cast<uint32_t>(i));
    i += len;
  }
  origin->push_back(static_cast<uint32_t>(text.size()));
  return out;
}

void ForEachOccurrence(std::string_view text, std::string_view folded_text,
                       const std::vector<uint32_t>& origin, std::string_view form,
                       bool prefer_exact, const std::function<bool(Span)>& each) {
  std::vector<uint32_t> unused;
  const std::string key_storage = FoldForSearch(Trim(form), &unused);
  const std::string_view key = key_storage;
  if (key.empty()) return;
  const CharClasses& cc = CharClasses::Get();
  auto word_char_at = [&](size_t i) {
    size_t len = 1;
    return CharClasses::IsWordChar(cc.Of(DecodeUtf8(text, i, &len)));
  };
  auto boundary = [&](Span s) {
    if (s.begin > 0) {
      size_t b = s.begin - 1;
      while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
      if (word_char_at(b)) return false;
    }
    return s.end >= text.size() || !word_char_at(s.end);
  };
  for (int pass = prefer_exact ? 0 : 1; pass < 2; ++pass) {
    for (size_t pos = folded_text.find(key); pos != std::string_view::npos;
         pos = folded_text.find(key, pos + 1)) {
      const Span s{origin[pos], origin[pos + key.size()]};
      if (!boundary(s)) continue;
      if (pass == 0 && text.substr(s.begin, s.size()) != Trim(form)) continue;
      if (each(s)) return;
    }
  }
}

EntityType BsnlpEntityType(std::string_view type) {
  if (type == "PER") return EntityType::kPer;
  if (type == "LOC") return EntityType::kLoc;
  return EntityType::kOrg;
}

Result<std::vector<BsnlpDocument>> ReadBsnlp(const std::string& dir, const GoldFileCheck& check) {
  std::error_code ec;
  const fs::path root(dir);
  if (!fs::is_directory(root, ec)) return NotFound(dir + ": not a folder");
  std::vector<BsnlpDocument> docs;
  if (IsTopic(root)) {
    if (Status s = ReadTopic(root, check, &docs); !s.ok()) return s;
    return docs;
  }
  std::vector<fs::path> topics;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (IsTopic(it->path())) topics.push_back(it->path());
  }
  std::sort(topics.begin(), topics.end());
  if (topics.empty()) {
    return InvalidArgument(dir + ": no BSNLP topic (a folder with raw/ and annotated/)");
  }
  for (const fs::path& t : topics) {
    if (Status s = ReadTopic(t, check, &docs); !s.ok()) return s;
  }
  return docs;
}

Result<NormalScores> ScoreNormalization(const std::vector<BsnlpDocument>& docs,
                                        const DocumentFn& analyze, const DocumentFn& normalize) {
  NormalScores scores;
  std::map<std::string, NormalCounts> types;
  std::vector<uint32_t> origin;
  std::vector<std::pair<size_t, size_t>> order;
  Document doc;
  for (const BsnlpDocument& d : docs) {
    ++scores.documents;
    if (scores.topics.empty() || scores.topics.back().first != d.topic) {
      scores.topics.emplace_back(d.topic, NormalCounts{});
    }
    NormalCounts& topic = scores.topics.back().second;
    doc = Document{};
    doc.id = d.topic + "/" + d.id;
    doc.text = d.text;
    doc.paragraphs = d.lines;
    if (Status s = analyze(doc); !s.ok()) return s;
    const std::string folded = FoldForSearch(doc.text, &origin);
    // Every occurrence of every gold form on token boundaries becomes a mention, as a NER
    // stage would find them; a gold line is scored at its first occurrence that is not inside
    // an occurrence of a longer gold form (else at its first occurrence).
    struct Occurrence {
      Mention mention;
      size_t gold;
      bool nested = false;
    };
    std::vector<Occurrence> occurrences;
    for (size_t g = 0; g < d.mentions.size(); ++g) {
      const BsnlpMention& gm = d.mentions[g];
      ForEachOccurrence(doc.text, folded, origin, gm.form, d.cased, [&](Span s) {
        auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), s.begin,
                                      [](const Token& t, uint32_t b) { return t.span.begin < b; });
        if (first == doc.tokens.end() || first->span.begin != s.begin) return false;
        auto last = first;
        while (last != doc.tokens.end() && last->span.end < s.end) ++last;
        if (last == doc.tokens.end() || last->span.end != s.end) return false;
        for (const Occurrence& o : occurrences) {
          if (o.mention.span == s) return false;  // two gold lines with one form
        }
        Mention m;
        m.span = s;
        m.first_token = static_cast<uint32_t>(first - doc.tokens.begin());
        m.end_token = static_cast<uint32_t>(last - doc.tokens.begin()) + 1;
        m.type = BsnlpEntityType(gm.type);
        m.kind = MentionKind::kName;
        occurrences.push_back({m, g});
        return false;  // all of them
      });
    }
    for (Occurrence& o : occurrences) {
      for (const Occurrence& other : occurrences) {
        if (other.mention.span.Contains(o.mention.span) &&
            !(other.mention.span == o.mention.span)) {
          o.nested = true;
        }
      }
    }
    // The scored occurrence of each gold line (an index into occurrences), then the mentions:
    // the occurrences not nested in another, and the scored ones.
    std::vector<size_t> scored(d.mentions.size(), SIZE_MAX);
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t k = 0; k < occurrences.size(); ++k) {
        const Occurrence& o = occurrences[k];
        if ((pass == 0 && o.nested) || scored[o.gold] != SIZE_MAX) continue;
        if (k < occurrences.size()) scored[o.gold] = k;
      }
    }
    // Two gold lines with the same form share the occurrence found for the first of them.
    for (size_t g = 0; g < d.mentions.size(); ++g) {
      if (scored[g] != SIZE_MAX) continue;
      for (size_t h = 0; h < g; ++h) {
        if (scored[h] != SIZE_MAX && FoldCase(d.mentions[h].form) == FoldCase(d.mentions[g].form)) {
          scored[g] = scored[h];
          break;
        }
      }
    }
    std::vector<bool> in_doc(occurrences.size(), false);
    for (size_t k = 0; k < occurrences.size(); ++k) in_doc[k] = !occurrences[k].nested;
    for (size_t k : scored)
      if (k != SIZE_MAX) in_doc[k] = true;
    order.clear();
    for (size_t k = 0; k < occurrences.size(); ++k) {
      if (in_doc[k]) order.emplace_back(occurrences[k].mention.span.begin, k);
    }
    std::stable_sort(order.begin(), order.end());
    doc.entities.clear();
    std::vector<size_t> entity_of(occurrences.size(), SIZE_MAX);
    for (const auto& [begin, k] : order) {
      entity_of[k] = doc.entities.size();
      doc.entities.push_back(occurrences[k].mention);
    }
    for (size_t g = 0; g < d.mentions.size(); ++g) {
      NormalCounts& type = types[d.mentions[g].type];
      ++topic.gold;
      ++type.gold;
      ++scores.all.gold;
    }
    const auto t0 = std::chrono::steady_clock::now();
    if (Status s = normalize(doc); !s.ok()) return s;
    scores.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    scores.mentions_normalized += doc.entities.size();
    for (size_t g = 0; g < d.mentions.size(); ++g) {
      if (scored[g] == SIZE_MAX) {
        const BsnlpMention& gm = d.mentions[g];
        scores.not_found.push_back({d.topic, d.id, gm.type, gm.form, gm.base, ""});
        continue;
      }
      const BsnlpMention& gm = d.mentions[g];
      const std::string& predicted = doc.entities[entity_of[scored[g]]].normal;
      NormalCounts& type = types[gm.type];
      const bool exact = predicted == gm.base;
      const bool ci = exact || FoldCase(predicted) == FoldCase(gm.base);
      for (NormalCounts* c : {&topic, &type, &scores.all}) {
        ++c->found;
        c->case_insensitive += ci;
        if (d.cased) {
          ++c->exact_scored;
          c->exact += exact;
        }
      }
      if (!ci) {
        scores.mismatches.push_back({d.topic, d.id, gm.type, gm.form, gm.base, predicted});
      }
    }
  }
  scores.types.assign(types.begin(), types.end());
  return scores;
}

}  // namespace svodka
