// Small inline helpers shared by the tokenizer, the razdel-scheme pass and the sentence
// splitter: decode the code point at a byte position of valid UTF-8 (with an ASCII fast path)
// and classify it; and the scanners of the token shapes that both token schemes share (signs,
// smileys, emoji sequences, digit atoms), so that the news tokenizer (tokenizer.cc) and the
// razdel pass (src/eval/razdel_scheme.cc) cannot drift apart on them.
//
// A scanner takes a position where a token starts and returns where it ends; it reads only
// inside its ScanRange.
#ifndef SVODKA_TEXT_SCAN_H_
#define SVODKA_TEXT_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "svodka/document.h"
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

// The stretch text[begin, end) of valid UTF-8 that one tokenization reads: no scanner looks
// before `begin` or at or after `end`, so a token never depends on text outside its range.
struct ScanRange {
  const CharClasses& cc;
  std::string_view text;
  size_t begin;
  size_t end;

  // ClassAt(cc, text, pos, end, cp, len); pos < end.
  CharClass ClassAt(size_t pos, char32_t* cp, size_t* len) const {
    return text_internal::ClassAt(cc, text, pos, end, cp, len);
  }
};

// End of the digit atom whose first digit ends at `pos`: more digits, then the marks after
// them ("5²"). A digit atom is one link of a compound number ("20", "03" and "2017" in
// "20.03.2017").
inline size_t DigitAtomEnd(const ScanRange& r, size_t pos) {
  char32_t cp;
  size_t len;
  while (pos < r.end && r.ClassAt(pos, &cp, &len) == kCcDigit) pos += len;
  while (pos < r.end && r.ClassAt(pos, &cp, &len) == kCcMark) pos += len;
  return pos;
}

// A smiley at pos, where text[pos] is ':', ';' or '=': razdel's [=:;]-?[)(]{1,3} (":)",
// ";-(", "=)))"). Its end, or 0 when there is none.
inline size_t SmileyEnd(const ScanRange& r, size_t pos) {
  size_t p = pos + 1;
  if (p < r.end && r.text[p] == '-') ++p;
  const size_t mouth = p;
  while (p < r.end && p - mouth < 3 && (r.text[p] == ')' || r.text[p] == '(')) ++p;
  return p > mouth ? p : 0;
}

// End of the emoji sequence whose first symbol `cp` ends at `pos`: the combining marks,
// variation selectors and skin-tone modifiers that follow, each ZWJ with the symbol it joins
// ("👨‍👩‍👧"), and a second regional indicator after a first (a flag, "🇷🇺"). For
// any other symbol ("$", "%") that is usually `pos` itself.
inline size_t EmojiSequenceEnd(const ScanRange& r, size_t pos, char32_t cp) {
  bool regional = cp >= 0x1F1E6 && cp <= 0x1F1FF;
  char32_t next;
  size_t len;
  while (pos < r.end) {
    const CharClass c = r.ClassAt(pos, &next, &len);
    if (c == kCcMark) {
      pos += len;
      if (next == 0x200D && pos < r.end && r.ClassAt(pos, &next, &len) == kCcSymbol &&
          next >= 0x2000) {
        pos += len;
      }
    } else if (next >= 0x1F3FB && next <= 0x1F3FF) {
      pos += len;
    } else if (regional && next >= 0x1F1E6 && next <= 0x1F1FF) {
      pos += len;
      regional = false;
    } else {
      break;
    }
  }
  return pos;
}

// The sign token at pos: one that starts with a character other than whitespace, a letter or
// a digit, here cp of class c, len bytes long. It is a smiley (SmileyEnd); a run of
// sentence-final signs ("...", "?!", "…"); a run of "-" ("--") or of "*" ("**"); an emoji
// sequence (EmojiSequenceEnd); otherwise the one character, so "»." is two tokens. Returns the
// end and sets *kind: kSymbol for symbols, kOther for marks and unassigned code points,
// kPunct for the rest. Both token schemes tokenize signs this way (the news scheme first tries
// its own domain zones, hashtags and character references).
inline size_t SignEnd(const ScanRange& r, size_t pos, char32_t cp, CharClass c, size_t len,
                      TokenKind* kind) {
  *kind = TokenKind::kPunct;
  if (cp == ':' || cp == ';' || cp == '=') {
    if (size_t smiley = SmileyEnd(r, pos)) return smiley;
  }
  size_t p = pos + len;
  switch (c) {
    case kCcTerminal: {
      char32_t next;
      size_t next_len;
      while (p < r.end && r.ClassAt(p, &next, &next_len) == kCcTerminal) p += next_len;
      return p;
    }
    case kCcHyphen:
      if (cp == '-') {
        while (p < r.end && r.text[p] == '-') ++p;
      }
      return p;
    case kCcSymbol:
      *kind = TokenKind::kSymbol;
      return EmojiSequenceEnd(r, p, cp);
    case kCcOther:
    case kCcMark:
      *kind = TokenKind::kOther;
      return p;
    default:
      if (cp == '*') {
        while (p < r.end && r.text[p] == '*') ++p;
      }
      return p;
  }
}

}  // namespace svodka::text_internal

#endif  // SVODKA_TEXT_SCAN_H_
