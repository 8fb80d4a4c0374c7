#include "text/normalize.h"

#include "base/utf8.h"
#include "text/char_class.h"
#include "text/scan.h"

namespace svodka {

namespace {

// The Cyrillic letter a Latin letter imitates, or 0.
char32_t CyrillicLookAlike(char32_t c) {
  switch (c) {
    case 'A':
      return U'А';
    case 'a':
      return U'а';
    case 'B':
      return U'В';
    case 'C':
      return U'С';
    case 'c':
      return U'с';
    case 'E':
      return U'Е';
    case 'e':
      return U'е';
    case 'H':
      return U'Н';
    case 'K':
      return U'К';
    case 'k':
      return U'к';
    case 'M':
      return U'М';
    case 'O':
      return U'О';
    case 'o':
      return U'о';
    case 'P':
      return U'Р';
    case 'p':
      return U'р';
    case 'T':
      return U'Т';
    case 'X':
      return U'Х';
    case 'x':
      return U'х';
    case 'y':
      return U'у';
    case 'Y':
      return U'У';
    default:
      return 0;
  }
}

bool IsCyrillic(char32_t c) { return c >= 0x400 && c < 0x530; }

}  // namespace

void Normalize(std::string_view s, const NormalizeOptions& options, NormalizedText* out) {
  const CharClasses& cc = CharClasses::Get();
  out->text.clear();
  out->to_original.clear();
  out->text.reserve(s.size());
  out->to_original.reserve(s.size() + 1);
  size_t pos = 0;
  while (pos < s.size()) {
    // One word (letters and marks) or one other character at a time.
    char32_t cp;
    size_t len;
    CharClass c = text_internal::ClassAt(cc, s, pos, s.size(), &cp, &len);
    size_t word_end = pos + len;
    bool word = CharClasses::IsLetter(c);
    bool has_cyrillic = IsCyrillic(cp);
    bool latin_ok = true;  // every Latin letter in the word has a Cyrillic look-alike
    if (word) {
      if (cp < 0x80 && !CyrillicLookAlike(cp)) latin_ok = false;
      while (word_end < s.size()) {
        char32_t wcp;
        size_t wlen;
        CharClass wc = text_internal::ClassAt(cc, s, word_end, s.size(), &wcp, &wlen);
        if (!CharClasses::IsLetter(wc) && wc != kCcMark) break;
        has_cyrillic |= IsCyrillic(wcp);
        if (wcp < 0x80 && !CyrillicLookAlike(wcp)) latin_ok = false;
        word_end += wlen;
      }
    }
    const bool map_latin = word && has_cyrillic && latin_ok;
    for (size_t p = pos; p < word_end;) {
      char32_t x;
      size_t xl;
      CharClass xc = text_internal::ClassAt(cc, s, p, s.size(), &x, &xl);
      const uint32_t orig = static_cast<uint32_t>(p);
      p += xl;
      if (x == 0x00AD || x == 0x0301 || x == 0x0300) continue;
      if (xc == kCcSpace && x != '\t' && x < 0x10000 && x != 0xFEFF) x = ' ';
      if (map_latin && x < 0x80) {
        if (char32_t k = CyrillicLookAlike(x)) x = k;
      }
      if (options.lower_case) x = cc.ToLower(x);
      if (options.yo_to_e) {
        if (x == U'ё')
          x = U'е';
        else if (x == U'Ё')
          x = U'Е';
      }
      size_t before = out->text.size();
      AppendUtf8(x, &out->text);
      out->to_original.insert(out->to_original.end(), out->text.size() - before, orig);
    }
    pos = word_end;
  }
  out->to_original.push_back(static_cast<uint32_t>(s.size()));
}

}  // namespace svodka
