// The razdel-scheme pass: razdel's compound rule, and which news tokens it leaves alone.
#include "eval/razdel_scheme.h"

#include <algorithm>

#include "text/scan.h"

namespace svodka {

using text_internal::ScanRange;

namespace {

// 1 Latin, 2 Cyrillic, 0 any other script.
int Script(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xC0 && cp < 0x250)) return 1;
  if (cp >= 0x400 && cp < 0x530) return 2;
  return 0;
}

// End of the letter atom at pos (a letter or mark, code point cp, len bytes): the letters and
// marks that follow, up to a Cyrillic letter when cp is Latin or a Latin one when cp is
// Cyrillic ("iPhoneа" is "iPhone" "а"). Letters of other scripts neither split nor switch
// the script: "mβж" is "mβ" "ж", and "βж" stays whole.
size_t LetterAtomEnd(const ScanRange& r, size_t pos, char32_t cp, size_t len) {
  const int script = Script(cp);
  size_t p = pos + len;
  while (p < r.end) {
    const CharClass c = r.ClassAt(p, &cp, &len);
    if (!CharClasses::IsLetter(c) && c != kCcMark) break;
    if (script && c != kCcMark) {
      const int s = Script(cp);
      if (s && s != script) break;
    }
    p += len;
  }
  return p;
}

// razdel's compound at a letter, digit or mark: atoms — letter atoms (LetterAtomEnd) and digit
// atoms (DigitAtomEnd) — glued by a dash or "_" before a letter or digit ("что-то",
// "К_тому_же", "COVID-19") or, between digits, by "." "," "/" "\" ("2,5", "20.03.2017", "1/2").
// *kind is kWord when there is a letter atom, else kNumber.
size_t CompoundEnd(const ScanRange& r, size_t pos, TokenKind* kind) {
  bool has_letter = false;
  size_t p = pos;
  for (;;) {
    char32_t cp;
    size_t len;
    const bool digit_atom = r.ClassAt(p, &cp, &len) == kCcDigit;
    p = digit_atom ? text_internal::DigitAtomEnd(r, p + len) : LetterAtomEnd(r, p, cp, len);
    has_letter |= !digit_atom;
    if (p >= r.end) break;
    const CharClass c1 = r.ClassAt(p, &cp, &len);
    const size_t next = p + len;
    if (next >= r.end) break;
    char32_t cp2;
    size_t len2;
    const CharClass c2 = r.ClassAt(next, &cp2, &len2);
    bool joins = false;
    if (c1 == kCcHyphen || c1 == kCcConnector) {
      joins = CharClasses::IsWordChar(c2) && c2 != kCcMark;
    } else if (cp == '.' || cp == ',' || cp == '/' || cp == '\\') {
      joins = digit_atom && c2 == kCcDigit;
    }
    if (!joins) break;
    p = next;
  }
  *kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
  return p;
}

// Appends the razdel token at pos, which is not whitespace, and returns its end.
size_t AppendToken(const ScanRange& r, size_t pos, std::vector<Token>* out) {
  char32_t cp;
  size_t len;
  const CharClass c = r.ClassAt(pos, &cp, &len);
  TokenKind kind;
  const size_t end = CharClasses::IsWordChar(c) ? CompoundEnd(r, pos, &kind)
                                                : text_internal::SignEnd(r, pos, cp, c, len, &kind);
  Token& t = out->emplace_back();
  t.span = Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)};
  t.kind = kind;
  return end;
}

// Whether razdel gives news token t unchanged: a sign made by SignEnd, which both schemes
// share. Not words and numbers (razdel joins less), URLs, e-mails, hashtags and domain zones,
// nor character references (symbols that start with "&").
bool SameInRazdel(std::string_view text, const Token& t) {
  switch (t.kind) {
    case TokenKind::kPunct:
    case TokenKind::kOther:
      return true;
    case TokenKind::kSymbol:
      return text[t.span.begin] != '&';
    default:
      return false;
  }
}

}  // namespace

void AppendRazdelTokens(std::string_view text, std::span<const Token> news_tokens,
                        std::vector<Token>* out) {
  if (news_tokens.empty()) return;
  const ScanRange r{CharClasses::Get(), text, news_tokens.front().span.begin, text.size()};
  size_t done = r.begin;  // razdel tokens cover the text up to here
  for (const Token& t : news_tokens) {
    if (t.span.end <= done) continue;  // inside a razdel token that ran past its news token
    if (t.span.begin >= done && SameInRazdel(text, t)) {
      Token& kept = out->emplace_back();
      kept.span = t.span;
      kept.kind = t.kind;
      done = t.span.end;
      continue;
    }
    size_t p = std::max<size_t>(done, t.span.begin);
    while (p < t.span.end) p = AppendToken(r, p, out);
    done = p;
  }
}

}  // namespace svodka
