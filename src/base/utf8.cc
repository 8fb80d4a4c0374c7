#include "base/utf8.h"

namespace svodka {

char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t n = s.size() - i;
  unsigned c = p[0];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  // Expected sequence length and the valid range of the second byte (Unicode Table 3-7).
  size_t need;
  unsigned lo = 0x80, hi = 0xBF;
  char32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *len = 1;
    return kReplacementChar;
  }
  for (size_t k = 1; k < need; ++k) {
    if (k >= n) {
      *len = k;
      return kReplacementChar;
    }
    unsigned b = p[k];
    unsigned l = (k == 1) ? lo : 0x80, h = (k == 1) ? hi : 0xBF;
    if (b < l || b > h) {
      *len = k;
      return kReplacementChar;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  *len = need;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementChar;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t cp = DecodeUtf8(s, i, &len);
    if (cp == kReplacementChar) {
      // A literal U+FFFD in the input is valid (EF BF BD).
      if (!(len == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD)) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

Utf8Repair RepairUtf8(std::string* text) {
  Utf8Repair r;
  size_t first = FindInvalidUtf8(*text);
  if (first == std::string_view::npos) return r;
  r.first_bad_offset = first;
  std::string out;
  out.reserve(text->size() + 16);
  out.append(*text, 0, first);
  std::string_view s(*text);
  size_t i = first;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    if (p[i] < 0x80) {
      out.push_back(s[i]);
      ++i;
      continue;
    }
    size_t len;
    char32_t cp = DecodeUtf8(s, i, &len);
    bool literal = len == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD;
    if (cp == kReplacementChar && !literal) ++r.replaced;
    if (cp == kReplacementChar)
      AppendUtf8(kReplacementChar, &out);
    else
      out.append(s.substr(i, len));
    i += len;
  }
  text->swap(out);
  return r;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace svodka
