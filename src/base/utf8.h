// UTF-8 decoding, validation and repair.
//
// Decoding follows the Unicode "maximal subpart" rule (Unicode 15, §3.9 U+FFFD substitution):
// each maximal ill-formed subsequence becomes one U+FFFD, so repair is deterministic and
// matches what browsers and Python's errors="replace" do.
#ifndef SVODKA_BASE_UTF8_H_
#define SVODKA_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace svodka {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at s[i]; sets *len to the bytes consumed (>= 1 when
// i < s.size()). Ill-formed input yields kReplacementChar and the length of the maximal
// ill-formed subpart. Precondition: i < s.size().
char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len);

// Fast path for well-formed text (Document::text): no validation. Precondition: s is valid
// UTF-8 and i < s.size().
inline char32_t DecodeValidUtf8(const unsigned char* p, size_t* len) {
  unsigned c = p[0];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  if (c < 0xE0) {
    *len = 2;
    return ((c & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (c < 0xF0) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  }
  *len = 4;
  return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

// Appends the UTF-8 encoding of cp (surrogates and values > 0x10FFFF become U+FFFD).
void AppendUtf8(char32_t cp, std::string* out);

// Byte offset of the first ill-formed sequence, or npos when s is valid UTF-8.
size_t FindInvalidUtf8(std::string_view s);

// Result of repairing a buffer: how many ill-formed subparts were replaced and where the first
// one started (byte offset in the input), for the warning "file: byte N: invalid UTF-8".
struct Utf8Repair {
  size_t replaced = 0;
  size_t first_bad_offset = 0;
};

// Replaces ill-formed subsequences of *text with U+FFFD in place (may grow the string).
// Valid input is left untouched at the cost of one validation pass.
Utf8Repair RepairUtf8(std::string* text);

// Number of code points in valid UTF-8.
size_t CountCodePoints(std::string_view s);

}  // namespace svodka

#endif  // SVODKA_BASE_UTF8_H_
