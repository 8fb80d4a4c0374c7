#include "article/text_util.h"

#include <utf8proc.h>

#include "base/utf8.h"

namespace svodka {

char32_t CodePointAt(std::string_view s, size_t i, size_t* len) {
  if (i >= s.size()) {
    *len = 0;
    return 0;
  }
  return DecodeUtf8(s, i, len);
}

std::string LowerUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0, len; i < s.size(); i += len) AppendUtf8(ToLower(DecodeUtf8(s, i, &len)), &out);
  return out;
}

bool IsUpperLetter(char32_t c) {
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}
bool IsLowerLetter(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL;
}
bool IsLetter(char32_t c) {
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}
char32_t ToUpper(char32_t c) {
  return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c)));
}
char32_t ToLower(char32_t c) {
  return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}

size_t SpaceAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0xAF || d == 0x89) return 3;  // U+202F, U+2009
  }
  return 0;
}

size_t WhitespaceAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  char c = s[i];
  if (c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;  // "\r\n" is two of these
  if (size_t n = LineEndAt(s, i)) return n;                        // NEL, U+2028, U+2029
  if (s.substr(i, 3) == "\xEF\xBB\xBF") return 3;                  // U+FEFF
  return SpaceAt(s, i);
}

size_t LineEndAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == '\n' || c == '\v' || c == '\f') return 1;
  if (c == '\r') return i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0xA8 || d == 0xA9) return 3;
  }
  return 0;
}

size_t FindLineEnd(std::string_view s, size_t from, size_t end, size_t* len) {
  for (size_t i = from; i < end; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // Every line end starts with one of these bytes; the rest are skipped at once.
    if (c > '\r' && c != 0xC2 && c != 0xE2) continue;
    if (size_t n = LineEndAt(s, i)) {
      *len = n;
      return i;
    }
  }
  *len = 0;
  return end;
}

bool HasLineEnd(std::string_view s) {
  size_t len;
  return FindLineEnd(s, 0, s.size(), &len) < s.size();
}

Span TrimSpan(std::string_view text, Span span) {
  uint32_t b = span.begin, e = span.end;
  while (b < e) {
    size_t n = WhitespaceAt(text, b);
    if (n == 0 || b + n > e) break;
    b += static_cast<uint32_t>(n);
  }
  while (e > b) {
    // Step back over one character: find its start.
    uint32_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
    size_t n = WhitespaceAt(text, k);
    if (n == 0 || k + n != e) break;
    e = k;
  }
  return {b, e};
}

std::string FileStem(std::string_view path) {
  if (path == "-" || path == "<stdin>" || path.empty()) return "stdin";
  size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  return std::string(base.empty() ? path : base);
}

std::optional<int> YearOf(std::string_view date) {
  for (size_t i = 0; i < date.size(); ++i) {
    if (date[i] < '0' || date[i] > '9') continue;
    size_t j = i;
    while (j < date.size() && date[j] >= '0' && date[j] <= '9') ++j;
    if (j - i == 4) {
      int y = (date[i] - '0') * 1000 + (date[i + 1] - '0') * 100 + (date[i + 2] - '0') * 10 +
              (date[i + 3] - '0');
      if (y >= 1900 && y <= 2099) return y;
    }
    i = j;
  }
  return std::nullopt;
}

std::optional<int> MonthOf(std::string_view date) {
  // ISO 8601: YYYY-MM...
  if (date.size() >= 7 && date[4] == '-') {
    for (size_t i : {0, 1, 2, 3, 5, 6})
      if (date[i] < '0' || date[i] > '9') return std::nullopt;
    int m = (date[5] - '0') * 10 + (date[6] - '0');
    if (m < 1 || m > 12) return std::nullopt;
    return m;
  }
  // RFC 822 (RSS pubDate): "Mon, 01 Jan 2018 09:00:00 +0000" — the English month abbreviation
  // after the day.
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string lower = LowerUtf8(date.substr(0, 40));
  for (size_t i = 0; i + 5 <= lower.size(); ++i) {
    if (lower[i] != ' ' || lower[i + 4] != ' ') continue;
    for (size_t m = 0; m < 12; ++m)
      if (lower.compare(i + 1, 3, kMonths[m]) == 0) return static_cast<int>(m) + 1;
  }
  return std::nullopt;
}

}  // namespace svodka
