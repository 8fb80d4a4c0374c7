// The tokenizer is one left-to-right scan. At each position the class of the code point picks
// a scanner: whitespace is skipped; a letter or digit starts a "compound" — a chain of atoms
// (letter runs, digit runs) glued by joiners that are only allowed between certain atoms (see
// JoinAfter); ".?!…" start a terminal run; anything else is one sign, with a few multi-sign
// patterns (URLs, e-mails, hashtags, smileys, emoji sequences, "--").
#include "text/tokenizer.h"

#include <cstring>

#include "base/embedded.h"
#include "base/tsv.h"
#include "text/scan.h"

namespace svodka {

using text_internal::ClassAt;

namespace {

bool StartsWithNoCase(std::string_view text, size_t pos, size_t end, std::string_view prefix) {
  if (end - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// 1 Latin, 2 Cyrillic, 0 other scripts (for the razdel scheme's script-change split).
int Script(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xC0 && cp < 0x250)) return 1;
  if (cp >= 0x400 && cp < 0x530) return 2;
  return 0;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsEmailLocalChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// Characters that end a URL even without whitespace.
bool EndsUrl(char32_t cp, CharClass c) {
  return c == kCcSpace || c == kCcNewline || cp == 0xAB || cp == 0xBB || cp == '"' ||
         cp == '<' || cp == '>' || cp == 0x201C || cp == 0x201D;
}

// Length of the ".com"-style e-mail domain at text[pos]: labels of [A-Za-z0-9-] separated by
// single dots, at least two labels, the last one alphabetic. 0 when there is none.
size_t EmailDomainEnd(std::string_view text, size_t pos, size_t end) {
  size_t p = pos;
  int labels = 0;
  size_t last_end = 0;
  bool last_alpha = false;
  while (p < end) {
    size_t s = p;
    bool alpha = true;
    while (p < end && (IsAsciiAlnum(text[p]) || text[p] == '-')) {
      if (!((text[p] | 0x20) >= 'a' && (text[p] | 0x20) <= 'z')) alpha = false;
      ++p;
    }
    if (p == s) break;
    ++labels;
    last_end = p;
    last_alpha = alpha;
    if (p + 1 < end && text[p] == '.' && IsAsciiAlnum(text[p + 1])) {
      ++p;
    } else {
      break;
    }
  }
  return labels >= 2 && last_alpha ? last_end : 0;
}

}  // namespace

Tokenizer::Tokenizer(TokenScheme scheme) : news_(scheme == TokenScheme::kNews) {
  for (const auto& row : ParseTsv(EmbeddedFile("domains.tsv"))) domains_.emplace(row[0]);
}

size_t Tokenizer::DomainEnd(std::string_view text, size_t dot, size_t end) const {
  const CharClasses& cc = CharClasses::Get();
  size_t best = 0;
  size_t p = dot;
  std::string label;
  // At most four labels after the first word keeps the look-ahead bounded.
  for (int labels = 0; labels < 4 && p < end && text[p] == '.'; ++labels) {
    size_t s = p + 1, q = s;
    char32_t cp;
    size_t len;
    while (q < end) {
      CharClass c = ClassAt(cc, text, q, end, &cp, &len);
      if (!CharClasses::IsWordChar(c) && !(cp == '-' && q > s)) break;
      q += len;
    }
    if (q == s) break;
    label.clear();
    text_internal::AppendLower(cc, text.substr(s, q - s), &label);
    if (domains_.count(label)) best = q;
    p = q;
  }
  return best;
}

void Tokenizer::Tokenize(std::string_view text, Span range, std::vector<Token>* tokens) const {
  const CharClasses& cc = CharClasses::Get();
  size_t pos = range.begin;
  const size_t end = std::min<size_t>(range.end, text.size());
  size_t email_fail_until = 0;  // starts before this position are known not to be e-mails
  auto emit = [tokens](size_t b, size_t e, TokenKind kind) {
    Token& t = tokens->emplace_back();
    t.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    t.kind = kind;
  };
  char32_t cp, ncp;
  size_t len, nlen;
  while (pos < end) {
    CharClass c = ClassAt(cc, text, pos, end, &cp, &len);
    if (c == kCcSpace || c == kCcNewline) {
      pos += len;
      continue;
    }
    const size_t start = pos;
    if (CharClasses::IsWordChar(c)) {
      if (cp < 0x80 && news_) {
        // URLs and e-mails start with an ASCII letter or digit.
        if ((cp | 0x20) == 'h' || (cp | 0x20) == 'w' || (cp | 0x20) == 'f') {
          size_t body = 0;
          if (StartsWithNoCase(text, pos, end, "http://")) body = pos + 7;
          else if (StartsWithNoCase(text, pos, end, "https://")) body = pos + 8;
          else if (StartsWithNoCase(text, pos, end, "ftp://")) body = pos + 6;
          else if (StartsWithNoCase(text, pos, end, "www.")) body = pos + 4;
          if (body && body < end) {
            size_t p = body;
            bool paren = false;
            while (p < end) {
              CharClass uc = ClassAt(cc, text, p, end, &ncp, &nlen);
              if (EndsUrl(ncp, uc)) break;
              if (ncp == '(') paren = true;
              p += nlen;
            }
            while (p > body && (std::strchr(".,;:!?'])}", text[p - 1]) != nullptr) &&
                   !(text[p - 1] == ')' && paren)) {
              --p;
            }
            if (p > body) {
              emit(start, p, TokenKind::kUrl);
              pos = p;
              continue;
            }
          }
        }
        if (pos >= email_fail_until) {
          size_t p = pos;
          while (p < end && IsEmailLocalChar(text[p])) ++p;
          size_t dom = (p < end && text[p] == '@' && p > pos) ? EmailDomainEnd(text, p + 1, end)
                                                              : 0;
          if (dom) {
            emit(start, dom, TokenKind::kEmail);
            pos = dom;
            continue;
          }
          email_fail_until = p;
        }
      }
      // A compound: atoms glued by joiners.
      bool has_letter = false;
      size_t p = pos;
      for (;;) {
        CharClass ac = ClassAt(cc, text, p, end, &cp, &len);
        const bool digit_atom = ac == kCcDigit;
        const size_t atom_start = p;
        if (digit_atom) {
          do {
            p += len;
          } while (p < end && ClassAt(cc, text, p, end, &cp, &len) == kCcDigit);
        } else {
          has_letter = true;
          int script = news_ ? 0 : Script(cp);
          for (;;) {
            p += len;
            if (p >= end) break;
            CharClass lc = ClassAt(cc, text, p, end, &cp, &len);
            if (!CharClasses::IsLetter(lc) && lc != kCcMark) break;
            if (script && lc != kCcMark) {
              int s = Script(cp);
              if (s && s != script) break;
            }
          }
        }
        // Marks after digits ("5²") belong to the number.
        while (digit_atom && p < end && ClassAt(cc, text, p, end, &cp, &len) == kCcMark) p += len;
        if (p >= end) break;
        CharClass jc = ClassAt(cc, text, p, end, &cp, &len);
        const size_t q = p + len;
        if (q >= end) break;
        CharClass nc = ClassAt(cc, text, q, end, &ncp, &nlen);
        bool join = false;
        switch (jc) {
          case kCcHyphen:
          case kCcConnector:
            join = CharClasses::IsWordChar(nc) && nc != kCcMark;
            break;
          case kCcApostrophe:
            join = news_ && !digit_atom && CharClasses::IsLetter(nc);
            break;
          case kCcTerminal:
          case kCcPunct:
            if (cp == '.' || cp == ',') {
              if (digit_atom) {
                join = nc == kCcDigit;
              } else if (cp == '.' && news_ && CharClasses::IsLetter(nc)) {
                size_t d = DomainEnd(text, p, end);
                if (d) {
                  p = d;
                  goto compound_done;
                }
              }
            } else if (cp == '/' || cp == '\\') {
              join = digit_atom && nc == kCcDigit;
            } else if (cp == ':') {
              // Clock times: 1-2 digits, ':', exactly two digits ("15:30", "9:05:30").
              if (news_ && digit_atom && p - atom_start <= 2 && nc == kCcDigit) {
                size_t r = q;
                while (r < end && text[r] >= '0' && text[r] <= '9') ++r;
                join = r - q == 2;
              }
            }
            break;
          case kCcSymbol:
            join = news_ && cp == '+' && digit_atom && nc == kCcDigit;
            break;
          default:
            break;
        }
        // News scheme: letters and digits glued without a joiner stay one word: "HTML5",
        // "3Com", "G20" (razdel splits them).
        if (!join && news_ && (digit_atom ? CharClasses::IsLetter(jc) : jc == kCcDigit)) {
          continue;
        }
        if (!join) break;
        p = q;
      }
    compound_done:
      emit(start, p, has_letter ? TokenKind::kWord : TokenKind::kNumber);
      pos = p;
      continue;
    }
    size_t p = pos + len;
    TokenKind kind = TokenKind::kPunct;
    if (cp == ':' || cp == ';' || cp == '=') {
      // Smileys ":)", ";-(", ":)))", "=))": razdel's [=:;]-?[)(]{1,3}.
      size_t r = p;
      if (r < end && text[r] == '-') ++r;
      size_t s = r;
      while (r < end && r - s < 3 && (text[r] == ')' || text[r] == '(')) ++r;
      if (r > s) {
        emit(start, r, kind);
        pos = r;
        continue;
      }
    }
    size_t before = start;  // start of the previous character, for the domain-zone check
    while (before > range.begin && before + 4 > start) {
      --before;
      if ((static_cast<unsigned char>(text[before]) & 0xC0) != 0x80) break;
    }
    // Preceded by nothing, a space, a line end (any: "\r", U+2028, ...) or an opening bracket.
    auto opens_word = [&] {
      if (start == range.begin || text[start - 1] == ' ') return true;
      CharClass b = ClassAt(cc, text, before, end, &ncp, &nlen);
      return b == kCcOpen || b == kCcNewline;
    };
    if (cp == '.' && news_ && p < end && opens_word()) {
      // A domain zone on its own: " .РФ", "«.eu»".
      size_t d = DomainEnd(text, start, end);
      if (d && (d >= end || !CharClasses::IsWordChar(ClassAt(cc, text, d, end, &ncp, &nlen)))) {
        emit(start, d, TokenKind::kUrl);
        pos = d;
        continue;
      }
    }
    switch (c) {
      case kCcTerminal:
        while (p < end && ClassAt(cc, text, p, end, &ncp, &nlen) == kCcTerminal) p += nlen;
        break;
      case kCcHyphen:
        if (cp == '-') {
          while (p < end && text[p] == '-') ++p;
        }
        break;
      case kCcSymbol: {
        kind = TokenKind::kSymbol;
        // Emoji sequences: modifiers, variation selectors, ZWJ + next emoji, flag pairs.
        bool regional = cp >= 0x1F1E6 && cp <= 0x1F1FF;
        while (p < end) {
          CharClass ec = ClassAt(cc, text, p, end, &ncp, &nlen);
          if (ec == kCcMark) {
            p += nlen;
            if (ncp == 0x200D && p < end &&
                ClassAt(cc, text, p, end, &ncp, &nlen) == kCcSymbol && ncp >= 0x2000) {
              p += nlen;
            }
          } else if (ncp >= 0x1F3FB && ncp <= 0x1F3FF) {
            p += nlen;
          } else if (regional && ncp >= 0x1F1E6 && ncp <= 0x1F1FF) {
            p += nlen;
            regional = false;
          } else {
            break;
          }
        }
        break;
      }
      case kCcOther:
      case kCcMark:
        kind = TokenKind::kOther;
        break;
      default:
        if ((cp == '#' || cp == '@') && news_ &&
            !(start > range.begin && text[start - 1] == '&')) {
          // "#тег", "@user": needs a letter ("&#62;" and "#1" are not hashtags).
          size_t r = p;
          bool letter = false;
          while (r < end) {
            CharClass hc = ClassAt(cc, text, r, end, &ncp, &nlen);
            if (!CharClasses::IsWordChar(hc) && hc != kCcConnector) break;
            letter |= CharClasses::IsLetter(hc) || hc == kCcConnector;
            r += nlen;
          }
          if (r > p && letter) {
            p = r;
            kind = TokenKind::kHashtag;
          }
        } else if (cp == '*' || cp == '`') {
          while (p < end && text[p] == static_cast<char>(cp)) ++p;
        } else if (cp == '&' && news_) {
          // HTML character references left in scraped text: "&#39;", "&#x27;", "&amp;".
          size_t r = p;
          if (r < end && text[r] == '#') ++r;
          size_t s = r;
          while (r < end && r - s < 10 && IsAsciiAlnum(text[r])) ++r;
          if (r > s && r < end && text[r] == ';') {
            p = r + 1;
            kind = TokenKind::kSymbol;
          }
        }
        break;
    }
    emit(start, p, kind);
    pos = p;
  }
}

}  // namespace svodka
