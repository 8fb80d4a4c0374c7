// Small inline helpers shared by the tokenizer and the sentence splitter: decode the code
// point at a byte position of valid UTF-8 (with an ASCII fast path) and classify it.
#ifndef SVODKA_TEXT_SCAN_H_
#define SVODKA_TEXT_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "text/char_class.h"

namespace svodka::text_internal {

// Decodes text[pos] (pos < end) into *cp and *len, clamping a sequence cut by `end` (which
// valid input never has) to a replacement character, and returns its class.
inline CharClass ClassAt(const CharClasses& cc, std::string_view text, size_t pos, size_t end,
                         char32_t* cp, size_t* len) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    *cp = c;
    *len = 1;
    return cc.Of(c);
  }
  size_t n;
  if (c < 0xC0) {
    n = 1;  // stray continuation byte: only reachable for ranges cut mid-character
  } else if (c < 0xE0) {
    n = 2;
  } else if (c < 0xF0) {
    n = 3;
  } else {
    n = 4;
  }
  if (n == 1 || pos + n > end) {
    *cp = kReplacementChar;
    *len = n == 1 ? 1 : end - pos;
    return kCcSymbol;
  }
  *cp = DecodeValidUtf8(reinterpret_cast<const unsigned char*>(text.data()) + pos, len);
  return cc.Of(*cp);
}

// Lower-cases valid UTF-8 s and appends it to *out.
inline void AppendLower(const CharClasses& cc, std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t len;
    ClassAt(cc, s, i, s.size(), &cp, &len);
    AppendUtf8(cc.ToLower(cp), out);
    i += len;
  }
}

}  // namespace svodka::text_internal

#endif  // SVODKA_TEXT_SCAN_H_
