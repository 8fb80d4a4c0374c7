#include "morph/alphabet.h"

#include "base/utf8.h"

namespace svodka::alphabet {

bool EncodeUtf8(std::string_view utf8, std::string* out) {
  out->clear();
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 1;
    const char32_t cp = DecodeUtf8(utf8, i, &len);
    i += len;
    const int b = Encode(cp);
    if (b < 0) return false;
    out->push_back(static_cast<char>(b));
  }
  return true;
}

void AppendCodePoint(char32_t cp, bool upper, std::string* out) {
  if (upper) {
    if (cp >= 0x430 && cp <= 0x44F)
      cp -= 0x20;
    else if (cp == 0x451)
      cp = 0x401;
    else if (cp >= 'a' && cp <= 'z')
      cp -= 0x20;
  }
  svodka::AppendUtf8(cp, out);
}

void AppendUtf8(std::string_view key, std::string* out) {
  for (unsigned char b : key) {
    const char32_t cp = Decode(b);
    svodka::AppendUtf8(cp == 0 ? kReplacementChar : cp, out);
  }
}

}  // namespace svodka::alphabet
