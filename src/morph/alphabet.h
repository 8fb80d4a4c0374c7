// The dictionary's one-byte key alphabet (see dict_format.h): lower-case ASCII as is,
// Cyrillic а..я = 0xE0..0xFF (CP1251 positions), ё = 0xB8. Upper case folds to lower case.
// Frozen: changing it changes the file format.
#ifndef SVODKA_MORPH_ALPHABET_H_
#define SVODKA_MORPH_ALPHABET_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace svodka::alphabet {

inline constexpr uint8_t kYo = 0xB8;  // ё
inline constexpr uint8_t kYe = 0xE5;  // е

// Case of one input character, for restoring capitalization.
enum class Case : uint8_t { kNone, kLower, kUpper };

// The key byte for code point cp (lower-cased), or -1 when cp is not in the alphabet.
inline int Encode(char32_t cp, Case* c = nullptr) {
  Case k = Case::kNone;
  int b = -1;
  if (cp >= 0x430 && cp <= 0x44F) {
    k = Case::kLower;
    b = 0xE0 + (cp - 0x430);
  } else if (cp >= 0x410 && cp <= 0x42F) {
    k = Case::kUpper;
    b = 0xE0 + (cp - 0x410);
  } else if (cp == 0x451) {
    k = Case::kLower;
    b = kYo;
  } else if (cp == 0x401) {
    k = Case::kUpper;
    b = kYo;
  } else if (cp >= 'a' && cp <= 'z') {
    k = Case::kLower;
    b = static_cast<int>(cp);
  } else if (cp >= 'A' && cp <= 'Z') {
    k = Case::kUpper;
    b = static_cast<int>(cp - 'A' + 'a');
  } else if (cp >= 0x20 && cp < 0x7F) {
    b = static_cast<int>(cp);
  } else if (cp == 0x2019 || cp == 0x02BC) {
    b = '\'';
  }  // typographic apostrophes
  if (c != nullptr) *c = k;
  return b;
}

// The code point of key byte b (lower case), or 0 for bytes outside the alphabet.
inline char32_t Decode(uint8_t b) {
  if (b >= 0xE0) return 0x430 + (b - 0xE0);
  if (b == kYo) return 0x451;
  if (b >= 0x20 && b < 0x7F) return b;
  return 0;
}

inline bool IsCyrillic(uint8_t b) { return b >= 0xE0 || b == kYo; }

// Encodes a UTF-8 string; false when some character is outside the alphabet.
bool EncodeUtf8(std::string_view utf8, std::string* out);
// Appends the UTF-8 of key bytes; with upper = true, in upper case.
void AppendUtf8(std::string_view key, std::string* out);
// Appends one code point in the given case.
void AppendCodePoint(char32_t cp, bool upper, std::string* out);

}  // namespace svodka::alphabet

#endif  // SVODKA_MORPH_ALPHABET_H_
