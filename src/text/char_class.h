// Character classes for segmentation: one byte per code point, looked up in a table that is
// built once at startup from the Unicode general categories (utf8proc), so the tokenizer's hot
// loop never calls into utf8proc.
//
// Thread-safety: CharClasses::Get() builds the table on first use (a function-local static,
// thread-safe) and it is immutable afterwards.
#ifndef SVODKA_TEXT_CHAR_CLASS_H_
#define SVODKA_TEXT_CHAR_CLASS_H_

#include <cstdint>
#include <memory>

namespace svodka {

enum CharClass : uint8_t {
  kCcSpace = 0,   // Zs, tab, zero-width space, BOM, other controls
  kCcNewline,     // \n \r \v \f U+0085 U+2028 U+2029
  kCcLower,       // lower-case letters (Ll)
  kCcUpper,       // upper/title-case letters (Lu, Lt)
  kCcLetter,      // other letters (Lm, Lo: CJK, Hebrew, ...)
  kCcMark,        // combining marks, soft hyphen, ZWJ/ZWNJ, superscripts (No, Nl): extend a word
  kCcDigit,       // Nd
  kCcHyphen,      // dashes (Pd, U+2212): joiners inside words, dashes between them
  kCcConnector,   // Pc: "_"
  kCcApostrophe,  // ' ’
  kCcOpen,        // Ps, Pi and the ambiguous " „ ‚ : opening brackets and quotes
  kCcClose,       // Pe, Pf: closing brackets and quotes
  kCcTerminal,    // . ? ! … and other sentence-final signs
  kCcPunct,       // other punctuation (Po)
  kCcSymbol,      // Sm Sc Sk So, emoji
  kCcOther,       // private use, unassigned
};

class CharClasses {
 public:
  // The process-wide table.
  static const CharClasses& Get();

  // Class of a code point; code points outside the table are kCcOther.
  CharClass Of(char32_t cp) const {
    return cp < kSize ? static_cast<CharClass>(table_[cp]) : kCcOther;
  }
  static bool IsLetter(CharClass c) { return c >= kCcLower && c <= kCcLetter; }
  static bool IsWordChar(CharClass c) { return c >= kCcLower && c <= kCcDigit; }

  // Simple lower case of a code point (table-driven for the BMP, identity elsewhere).
  char32_t ToLower(char32_t cp) const { return cp < kLowerSize ? lower_[cp] : cp; }

  static constexpr char32_t kSize = 0x30000;
  static constexpr char32_t kLowerSize = 0x10000;

 private:
  CharClasses();
  std::unique_ptr<uint8_t[]> table_;
  std::unique_ptr<char16_t[]> lower_;
};

}  // namespace svodka

#endif  // SVODKA_TEXT_CHAR_CLASS_H_
