#include "article/structure.h"

#include "article/rules.h"
#include "article/text_util.h"
#include "base/utf8.h"

namespace svodka {
namespace {

std::string_view Slice(std::string_view text, Span s) { return text.substr(s.begin, s.size()); }

// Length of a bullet marker and the spaces after it at the start of the unit, or 0.
size_t BulletLength(std::string_view u) {
  static const std::string_view kMarkers[] = {"-", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA2",
                                              "*"};
  for (std::string_view m : kMarkers) {
    if (u.substr(0, m.size()) != m) continue;
    size_t n = SpaceAt(u, m.size());
    if (n == 0) return 0;
    size_t i = m.size();
    while (size_t k = SpaceAt(u, i)) i += k;
    return i < u.size() ? i : 0;
  }
  return 0;
}

// Length of a related heading (and a following ":" and spaces) at the start, or 0.
// The length of a "see also" heading at the start of u, with its ":" and the spaces after it;
// 0 when there is none. The heading must end the line or be followed by ":" — "По теме
// переговоров Лавров ничего не сказал." is a sentence, not a heading — and of the headings that
// match, the longest wins ("Related stories:" over "Related").
size_t HeadingLength(std::string_view u) {
  std::string lower = LowerUtf8(u.substr(0, 64));
  size_t best = 0, best_heading = 0;
  for (const std::string& h : ArticleRules::Get().related_headings) {
    if (h.size() <= best_heading || lower.compare(0, h.size(), h) != 0) continue;
    // The heading must cover the same bytes in the original (case mapping may change lengths).
    size_t i = h.size();
    if (i > u.size() || LowerUtf8(u.substr(0, i)) != h) continue;
    while (size_t k = SpaceAt(u, i)) i += k;
    if (i < u.size() && u[i] != ':') continue;
    if (i < u.size()) ++i;
    while (size_t k = SpaceAt(u, i)) i += k;
    best = i;
    best_heading = h.size();
  }
  return best;
}

bool HasSpeechAttribution(std::string_view u) {
  return u.find(", \xE2\x80\x94") != u.npos || u.find(", -") != u.npos ||
         u.find(", \xE2\x80\x93") != u.npos;
}

// Ends in "." or "…" ("..." included: three dots are the ellipsis written with full stops).
bool EndsSentence(std::string_view u) {
  if (u.empty()) return false;
  return u.back() == '.' || (u.size() >= 3 && u.substr(u.size() - 3) == "\xE2\x80\xA6");
}

}  // namespace

bool LooksLikeHeadline(std::string_view text, Span unit, size_t max_chars, bool no_final_period) {
  std::string_view u = Slice(text, unit);
  if (u.empty() || HasLineEnd(u)) return false;
  if (CountCodePoints(u) > max_chars) return false;
  if (no_final_period && !u.empty() && u.back() == '.' &&
      !(u.size() >= 3 && u.substr(u.size() - 3) == "..."))
    return false;
  return true;
}

std::vector<Span> SplitUnits(std::string_view text, Span region) {
  struct Line {
    Span span;
    bool blank_before;
  };
  std::vector<Line> lines;
  bool blank = false;
  for (uint32_t pos = region.begin; pos < region.end;) {
    size_t len;
    uint32_t e = static_cast<uint32_t>(FindLineEnd(text, pos, region.end, &len));
    Span s = TrimSpan(text, {pos, e});
    if (s.empty()) {
      blank = true;
    } else {
      lines.push_back({s, blank && !lines.empty()});
      blank = false;
    }
    if (len == 0) break;
    pos = e + static_cast<uint32_t>(len);
  }
  // Group into blocks; decide the layout.
  std::vector<std::pair<size_t, size_t>> blocks;  // [first line, last line + 1)
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == 0 || lines[i].blank_before)
      blocks.push_back({i, i + 1});
    else
      blocks.back().second = i + 1;
  }
  auto is_list_block = [&](const std::pair<size_t, size_t>& b) {
    if (HeadingLength(Slice(text, lines[b.first].span))) return true;
    for (size_t i = b.first; i < b.second; ++i)
      if (!BulletLength(Slice(text, lines[i].span))) return false;
    return true;
  };
  bool wrapped = false;
  if (blocks.size() >= 2) {
    for (const auto& b : blocks)
      if (b.second - b.first >= 2 && !is_list_block(b)) wrapped = true;
  }
  std::vector<Span> units;
  for (const auto& b : blocks) {
    if (wrapped && !is_list_block(b)) {
      units.push_back({lines[b.first].span.begin, lines[b.second - 1].span.end});
    } else {
      for (size_t i = b.first; i < b.second; ++i) units.push_back(lines[i].span);
    }
  }
  return units;
}

std::vector<Span> TakeRelated(std::string_view text, std::vector<Span>* units) {
  std::vector<bool> related(units->size(), false);
  std::vector<Span> marker_free(*units);
  std::vector<bool> drop(units->size(), false);  // headings: neither paragraph nor related
  auto headline_like = [&](size_t i) {
    std::string_view u = Slice(text, (*units)[i]);
    size_t b = BulletLength(u);
    std::string_view t = u.substr(b);
    if (HasLineEnd(t) || HasSpeechAttribution(t) || EndsSentence(t)) return false;
    return CountCodePoints(t) <= 300;
  };
  auto strip_bullet = [&](size_t i) {
    size_t b = BulletLength(Slice(text, (*units)[i]));
    marker_free[i].begin += static_cast<uint32_t>(b);
  };
  // Headings anywhere.
  for (size_t i = 0; i < units->size(); ++i) {
    std::string_view u = Slice(text, (*units)[i]);
    size_t h = HeadingLength(u);
    if (h == 0) continue;
    if (h < u.size()) {  // "Читайте также: Заголовок"
      related[i] = true;
      marker_free[i].begin += static_cast<uint32_t>(h);
      continue;
    }
    drop[i] = true;
    size_t j = i + 1;
    for (; j < units->size() && headline_like(j) && !HeadingLength(Slice(text, (*units)[j])); ++j) {
      related[j] = true;
      strip_bullet(j);
    }
    i = j - 1;
  }
  // Trailing bullet lines.
  for (size_t i = units->size(); i-- > 0;) {
    if (related[i] || drop[i]) continue;
    if (!BulletLength(Slice(text, (*units)[i])) || !headline_like(i)) break;
    related[i] = true;
    strip_bullet(i);
  }
  std::vector<Span> out, kept;
  for (size_t i = 0; i < units->size(); ++i) {
    if (related[i])
      out.push_back(marker_free[i]);
    else if (!drop[i])
      kept.push_back((*units)[i]);
  }
  units->swap(kept);
  return out;
}

}  // namespace svodka
