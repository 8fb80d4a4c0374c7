// Dateline recognition: a hand-written recursive-descent matcher over the grammar in
// dateline.h. Every step takes a byte position in the paragraph and returns the position after
// what it matched (or npos), so the result's span is exact and nothing is copied until the end.
#include "article/dateline.h"

#include <cstdio>

#include "article/rules.h"
#include "article/text_util.h"
#include "base/utf8.h"

namespace svodka {
namespace {

constexpr size_t kNo = std::string_view::npos;

size_t SkipSpaces(std::string_view p, size_t i) {
  while (size_t n = SpaceAt(p, i)) i += n;
  return i;
}

bool IsDigit(std::string_view p, size_t i) { return i < p.size() && p[i] >= '0' && p[i] <= '9'; }

// True when p[i] starts a letter or a digit (so a word does not end at i).
bool WordCharAt(std::string_view p, size_t i) {
  if (i >= p.size()) return false;
  if (IsDigit(p, i)) return true;
  size_t len;
  return IsLetter(CodePointAt(p, i, &len));
}

// "-", "--", "–" (U+2013), "—" (U+2014): the position after the dash, or kNo.
size_t Dash(std::string_view p, size_t i) {
  if (p.substr(i, 2) == "--") return i + 2;
  if (p.substr(i, 1) == "-") return i + 1;
  if (p.substr(i, 3) == "\xE2\x80\x93" || p.substr(i, 3) == "\xE2\x80\x94") return i + 3;
  return kNo;
}

// Upper-case place words. Sets *end to the position after the last word.
bool Place(std::string_view p, size_t i, size_t* end) {
  size_t letters = 0, words = 0;
  size_t last_end = kNo;
  while (words < 6) {
    size_t j = i, word_letters = 0, len;
    for (;;) {
      char32_t c = CodePointAt(p, j, &len);
      if (len > 0 && IsUpperLetter(c)) {
        j += len;
        ++word_letters;
        continue;
      }
      // Inner hyphen or apostrophe between upper-case letters: НЬЮ-ЙОРК, O'HARE.
      if (word_letters > 0 && (c == '-' || c == '\'')) {
        size_t len2;
        char32_t d = CodePointAt(p, j + 1, &len2);
        if (len2 > 0 && IsUpperLetter(d)) {
          j += 1;
          continue;
        }
      }
      break;
    }
    if (word_letters == 0) break;
    if (WordCharAt(p, j)) return false;  // "МОСКВАх", "ТОКИО2": not an upper-case word
    // An abbreviated word may end with a period when another word follows: "ST. LOUIS".
    if (word_letters <= 3 && j < p.size() && p[j] == '.' && SpaceAt(p, j + 1)) ++j;
    letters += word_letters;
    ++words;
    last_end = j;
    size_t k = j + SpaceAt(p, j);
    if (k == j) break;
    size_t next_len;
    if (!IsUpperLetter(CodePointAt(p, k, &next_len)) || next_len == 0) break;
    i = k;
  }
  if (letters < 2 || last_end == kNo) return false;
  *end = last_end;
  return true;
}

size_t Day(std::string_view p, size_t i, int* day) {
  if (!IsDigit(p, i)) return kNo;
  int d = p[i] - '0';
  size_t j = i + 1;
  if (IsDigit(p, j)) d = d * 10 + (p[j++] - '0');
  if (IsDigit(p, j) || WordCharAt(p, j) || d < 1 || d > 31) return kNo;
  *day = d;
  return j;
}

size_t Month(std::string_view p, size_t i, int* month) {
  size_t j = i, len;
  while (j < p.size() && IsLetter(CodePointAt(p, j, &len))) j += len;
  if (j == i || IsDigit(p, j)) return kNo;
  const auto& months = ArticleRules::Get().months;
  auto it = months.find(LowerUtf8(p.substr(i, j - i)));
  if (it == months.end()) return kNo;
  *month = it->second;
  return j;
}

size_t Year(std::string_view p, size_t i, int* year) {
  if (!IsDigit(p, i) || !IsDigit(p, i + 1) || !IsDigit(p, i + 2) || !IsDigit(p, i + 3)) return kNo;
  if (IsDigit(p, i + 4) || WordCharAt(p, i + 4)) return kNo;
  int y = std::atoi(std::string(p.substr(i, 4)).c_str());
  if (y < 1900 || y > 2099) return kNo;
  *year = y;
  size_t j = i + 4, k = SkipSpaces(p, j);
  if (p.substr(k, 3) == "г.") return k + 3;
  if (p.substr(k, 8) == "года" && !WordCharAt(p, k + 8)) return k + 8;
  return j;
}

// DAY MONTH [YEAR] | MONTH ["."] DAY ["," YEAR].
size_t Date(std::string_view p, size_t i, int* day, int* month, int* year) {
  size_t j = Day(p, i, day);
  if (j != kNo) {
    size_t k = SkipSpaces(p, j);
    if (k == j) return kNo;
    k = Month(p, k, month);
    if (k == kNo) return kNo;
    size_t y = SkipSpaces(p, k);
    if (y > k) {
      size_t e = Year(p, y, year);
      if (e != kNo) return e;
    }
    return k;
  }
  j = Month(p, i, month);
  if (j == kNo) return kNo;
  size_t k = j;
  if (k < p.size() && p[k] == '.') ++k;
  size_t d = SkipSpaces(p, k);
  if (d == k) return kNo;
  j = Day(p, d, day);
  if (j == kNo) return kNo;
  if (j < p.size() && p[j] == ',') {
    size_t y = SkipSpaces(p, j + 1), e;
    if (y > j + 1 && (e = Year(p, y, year)) != kNo) return e;
  }
  return j;
}

// A known agency starting at i, as a whole word; its canonical name in *name.
size_t KnownAgency(std::string_view p, size_t i, std::string* name) {
  for (const auto& [form, canonical] : ArticleRules::Get().agencies) {
    if (p.substr(i, form.size()) == form && !WordCharAt(p, i + form.size())) {
      *name = canonical;
      return i + form.size();
    }
  }
  return kNo;
}

// "(" AGENCY ")" DASH. Unknown agencies are accepted only when allow_unknown.
size_t ParenAgency(std::string_view p, size_t i, bool allow_unknown, std::string* name) {
  if (i >= p.size() || p[i] != '(') return kNo;
  size_t close = p.find(')', i + 1);
  if (close == kNo || close - i > 60) return kNo;
  std::string_view inside = p.substr(i + 1, close - i - 1);
  if (inside.find('\n') != kNo || inside.empty()) return kNo;
  size_t e = KnownAgency(p, i + 1, name);
  if (e != close) {
    size_t len;
    if (!allow_unknown || !IsUpperLetter(CodePointAt(p, i + 1, &len))) return kNo;
    *name = std::string(inside);
  }
  size_t d = Dash(p, SkipSpaces(p, close + 1));
  return d;
}

// "/" ... "/" ["."]: the agency is the first known agency inside, else the whole content.
size_t SlashBlock(std::string_view p, size_t i, std::string* name) {
  if (i >= p.size() || p[i] != '/') return kNo;
  size_t close = p.find('/', i + 1);
  if (close == kNo || close - i > 120) return kNo;
  std::string_view inside = p.substr(i + 1, close - i - 1);
  if (inside.find('\n') != kNo) return kNo;
  name->clear();
  for (size_t k = i + 1; k < close; ++k) {
    bool boundary = k == i + 1 || !WordCharAt(p, k - 1);
    // Only code point starts can begin a word.
    if (!boundary || (static_cast<unsigned char>(p[k]) & 0xC0) == 0x80) continue;
    size_t e = KnownAgency(p, k, name);
    if (e != kNo && e <= close) break;
    name->clear();
  }
  if (name->empty()) {
    Span t = TrimSpan(p, {static_cast<uint32_t>(i + 1), static_cast<uint32_t>(close)});
    if (t.empty()) return kNo;
    *name = std::string(p.substr(t.begin, t.size()));
  }
  size_t j = close + 1;
  if (j < p.size() && p[j] == '.') ++j;
  return j;
}

int DaysIn(int month, std::optional<int> year) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year && !(*year % 4 == 0 && (*year % 100 != 0 || *year % 400 == 0))) return 28;
  return kDays[month - 1];
}

}  // namespace

std::string NormalizePlaceCase(std::string_view place) {
  const auto& particles = ArticleRules::Get().place_particles;
  std::string out;
  size_t i = 0;
  bool first_word = true;
  while (i < place.size()) {
    size_t j = i, len;
    while (j < place.size()) {
      char32_t c = DecodeUtf8(place, j, &len);
      if (c == ' ' || c == '-' || c == 0xA0) break;
      j += len;
    }
    std::string lower = LowerUtf8(place.substr(i, j - i));
    if (first_word || !particles.count(lower)) {
      // Title-case: upper-case the first letter.
      size_t l;
      char32_t c = DecodeUtf8(lower, 0, &l);
      if (!lower.empty()) {
        AppendUtf8(ToUpper(c), &out);
        out.append(lower, l);
      }
    } else {
      out += lower;
    }
    first_word = false;
    if (j < place.size()) {
      char32_t c = DecodeUtf8(place, j, &len);
      out += c == '-' ? "-" : " ";
      j += len;
    }
    i = j;
  }
  return out;
}

std::optional<Dateline> ParseDateline(std::string_view text, Span paragraph,
                                      std::optional<int> year_hint, std::optional<int> month_hint) {
  if (paragraph.end > text.size() || paragraph.begin > paragraph.end) return std::nullopt;
  std::string_view p = text.substr(paragraph.begin, paragraph.size());
  size_t start = 0;
  while (size_t n = WhitespaceAt(p, start)) start += n;

  Dateline d;
  size_t end = kNo;
  if (start < p.size() && p[start] == '(') {  // "(Reuters) -"
    end = ParenAgency(p, start, /*allow_unknown=*/false, &d.agency);
  } else {
    size_t place_end;
    if (!Place(p, start, &place_end)) return std::nullopt;
    d.place = NormalizePlaceCase(p.substr(start, place_end - start));
    size_t k = SkipSpaces(p, place_end);
    size_t after_dash;
    if (k < p.size() && p[k] == '(') {  // "LONDON (Reuters) -"
      end = ParenAgency(p, k, /*allow_unknown=*/true, &d.agency);
    } else if (k > place_end && (after_dash = Dash(p, k)) != kNo) {  // "МОСКВА — РИА Новости."
      end = KnownAgency(p, SkipSpaces(p, after_dash), &d.agency);
      if (end != kNo && end < p.size() && p[end] == '.') ++end;
    } else if (k < p.size() && p[k] == ',') {
      int day = 0, month = 0, year = 0;
      size_t t = Date(p, SkipSpaces(p, k + 1), &day, &month, &year);
      if (t == kNo) return std::nullopt;
      std::optional<int> y = year ? std::optional<int>(year) : year_hint;
      // Written before it was published: a month far after the publication month is last year's.
      if (!year && y && month_hint && month - *month_hint > 6) y = *y - 1;
      // A written year that lacks the day makes no dateline; a hinted one (from `published`)
      // that lacks it (29 February) is only not used: the place and agency still stand.
      if (!year && y && day > DaysIn(month, y)) y = std::nullopt;
      if (day > DaysIn(month, y)) return std::nullopt;
      char buf[16];
      if (y && *y >= 0 && *y <= 9999)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *y, month, day);
      else
        std::snprintf(buf, sizeof buf, "--%02d-%02d", month, day);
      d.date = buf;
      // The tail after the date.
      size_t u = t < p.size() && p[t] == '.' ? t + 1 : t;
      size_t s = SkipSpaces(p, u), v = SkipSpaces(p, t);
      if (s < p.size() && p[s] == '/') {
        end = SlashBlock(p, s, &d.agency);
      } else if (v < p.size() && p[v] == '(') {
        end = ParenAgency(p, v, /*allow_unknown=*/true, &d.agency);
      } else if (size_t e = Dash(p, s); e != kNo && s > u) {
        size_t a = KnownAgency(p, SkipSpaces(p, e), &d.agency);
        end = a == kNo ? e : (a < p.size() && p[a] == '.' ? a + 1 : a);
      } else if (u > t) {
        end = u;  // "МОСКВА, 20 марта. Текст": a dateline without an agency
      }
    }
  }
  if (end == kNo) return std::nullopt;
  // A dateline is followed by the story: a space, a line break or the end.
  if (end < p.size() && WhitespaceAt(p, end) == 0) return std::nullopt;
  d.span = {static_cast<uint32_t>(paragraph.begin + start),
            static_cast<uint32_t>(paragraph.begin + end)};
  return d;
}

}  // namespace svodka
