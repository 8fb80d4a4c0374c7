// The tokenizer is one left-to-right scan. At each position the class of the code point
// picks the scanners to try, and the first that accepts gives the token:
//
//   whitespace         skipped
//   letter or digit    Url, Email (both start with an ASCII letter or digit), else Compound:
//                      atoms (letter runs, digit runs) glued by joiners (JoinsAtoms)
//   "."                DomainZone, else a sign
//   "#" "@"            Hashtag, else a sign
//   "&"                CharacterReference, else a sign
//   anything else      a sign (SignEnd in scan.h: smileys, runs of "." "?" "!" "-" "*",
//                      emoji sequences, single signs)
//
// Every scanner returns the end of its token, or 0 when the text at its position is not one.
// The sign, smiley and emoji rules live in scan.h because the razdel-scheme pass
// (src/eval/razdel_scheme.cc) shares them.
#include "text/tokenizer.h"

#include <algorithm>

#include "base/embedded.h"
#include "base/tsv.h"
#include "text/scan.h"

namespace svodka {

using text_internal::ScanRange;

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

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsEmailLocalChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// Characters that end a URL even without whitespace: quotes and angle brackets.
bool EndsUrl(char32_t cp, CharClass c) {
  return c == kCcSpace || c == kCcNewline || cp == 0xAB || cp == 0xBB || cp == '"' || cp == '<' ||
         cp == '>' || cp == 0x201C || cp == 0x201D;
}

// Punctuation at the end of a URL that belongs to the sentence around it.
bool IsUrlTrailer(char c) {
  switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case '\'':
    case ']':
    case ')':
    case '}':
      return true;
    default:
      return false;
  }
}

// End of the ".com"-style e-mail domain at text[pos]: labels of [A-Za-z0-9-] that neither
// start nor end with "-", separated by single dots, at least two labels, the last one
// alphabetic. 0 when there is none.
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
    if (p == s || text[s] == '-' || text[p - 1] == '-') break;
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

// Whether the character that ends an atom (class c1, code point cp) joins that atom — a
// digit atom when digit_atom, `atom_bytes` long — to the atom after it, which starts at `next`
// with a character of class c2:
//   a dash or "_" before a letter or digit         "что-то", "К_тому_же", "COVID-19", "25-го"
//   an apostrophe between letters                   "O'Neil", "д’Артаньян"
//   "." "," "/" "\" "+" between digits              "2,5", "20.03.2017", "1/2", "2+2"
//   ":" after 1-2 digits before exactly two digits  "15:30", "9:05:30" (not the score "2:1")
// A "." after letters is a domain, not a joiner (NewsScanner::Compound).
bool JoinsAtoms(const ScanRange& r, bool digit_atom, size_t atom_bytes, CharClass c1, char32_t cp,
                CharClass c2, size_t next) {
  switch (c1) {
    case kCcHyphen:
    case kCcConnector:
      return CharClasses::IsWordChar(c2) && c2 != kCcMark;
    case kCcApostrophe:
      return !digit_atom && CharClasses::IsLetter(c2);
    default:
      break;
  }
  if (!digit_atom || c2 != kCcDigit) return false;
  switch (cp) {
    case '.':
    case ',':
    case '/':
    case '\\':
    case '+':
      return true;
    case ':': {
      if (atom_bytes > 2) return false;
      size_t p = next;
      while (p < r.end && r.text[p] >= '0' && r.text[p] <= '9') ++p;
      return p - next == 2;
    }
    default:
      return false;
  }
}

// The scanners of one Tokenize call over text[range). Each returns the end of the token of its
// shape that starts at `pos`, or 0 when there is none there; each states which character it
// expects at `pos` (the caller has checked it).
class NewsScanner {
 public:
  NewsScanner(std::string_view text, Span range, const std::unordered_set<std::string>& domains)
      : r_{CharClasses::Get(), text, range.begin, std::min<size_t>(range.end, text.size())},
        domains_(domains) {}

  const ScanRange& range() const { return r_; }

  // A URL at an ASCII letter or digit: "http://", "https://", "ftp://" or "www." (any case)
  // and everything after it up to whitespace, a quote or an angle bracket, less the
  // punctuation at its end that belongs to the sentence ("www.tass.ru/a." is "www.tass.ru/a"
  // "."; a final ")" stays when the URL has a "(": "wiki/Foo_(bar)"). Nothing when no
  // character is left after the prefix ("http://", "www.").
  size_t Url(size_t pos) const {
    const char first = static_cast<char>(r_.text[pos] | 0x20);
    if (first != 'h' && first != 'w' && first != 'f') return 0;
    size_t body = 0;
    if (StartsWithNoCase(r_.text, pos, r_.end, "http://"))
      body = pos + 7;
    else if (StartsWithNoCase(r_.text, pos, r_.end, "https://"))
      body = pos + 8;
    else if (StartsWithNoCase(r_.text, pos, r_.end, "ftp://"))
      body = pos + 6;
    else if (StartsWithNoCase(r_.text, pos, r_.end, "www."))
      body = pos + 4;
    if (body == 0 || body >= r_.end) return 0;
    size_t p = body;
    bool paren = false;
    while (p < r_.end) {
      char32_t cp;
      size_t len;
      const CharClass c = r_.ClassAt(p, &cp, &len);
      if (EndsUrl(cp, c)) break;
      paren |= cp == '(';
      p += len;
    }
    while (p > body && IsUrlTrailer(r_.text[p - 1]) && !(r_.text[p - 1] == ')' && paren)) --p;
    return p > body ? p : 0;
  }

  // An e-mail address at an ASCII letter or digit, "a.b@mail.ru": ASCII letters, digits and
  // ". _ % + -", "@", and a domain (EmailDomainEnd). A failed attempt remembers how far its
  // name part reached and no later attempt starts before that, so "a.a.a.a..." stays linear.
  size_t Email(size_t pos) {
    if (pos < email_fail_until_) return 0;
    size_t p = pos;
    while (p < r_.end && IsEmailLocalChar(r_.text[p])) ++p;
    if (p > pos && p < r_.end && r_.text[p] == '@') {
      if (size_t domain_end = EmailDomainEnd(r_.text, p + 1, r_.end)) return domain_end;
    }
    email_fail_until_ = p;
    return 0;
  }

  // A compound word or number at a letter, digit or mark: atoms — a run of letters and
  // marks, or a digit atom (DigitAtomEnd) — glued by a joiner (JoinsAtoms) or directly where
  // letters meet digits ("HTML5", "3Com", "G20"). A letter atom followed by a known domain
  // ends the compound with it ("Lenta.ru", DomainEnd). *kind is kWord when there is a letter
  // atom, else kNumber.
  size_t Compound(size_t pos, TokenKind* kind) const {
    bool has_letter = false;
    size_t p = pos;
    for (;;) {
      char32_t cp;
      size_t len;
      const size_t atom_start = p;
      const bool digit_atom = r_.ClassAt(p, &cp, &len) == kCcDigit;
      p = digit_atom ? text_internal::DigitAtomEnd(r_, p + len) : LettersEnd(p + len);
      has_letter |= !digit_atom;
      if (p >= r_.end) break;
      const CharClass c1 = r_.ClassAt(p, &cp, &len);
      const size_t next = p + len;  // the next atom, when text[p] is a joiner
      // Known quirk: an atom glued directly at the very end of the range is not glued
      // ("HTML5" ending the range is "HTML" "5"). Testing the glue first fixes it but
      // changes the tokens of the gold data, which issue 6 kept byte-identical.
      if (next >= r_.end) break;
      if (digit_atom ? CharClasses::IsLetter(c1) : c1 == kCcDigit) continue;
      char32_t cp2;
      size_t len2;
      const CharClass c2 = r_.ClassAt(next, &cp2, &len2);
      if (!digit_atom && cp == '.' && CharClasses::IsLetter(c2)) {
        if (size_t domain_end = DomainEnd(p)) p = domain_end;
        break;
      }
      if (!JoinsAtoms(r_, digit_atom, p - atom_start, c1, cp, c2, next)) break;
      p = next;
    }
    *kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
    return p;
  }

  // A domain zone on its own at ".", as in " .РФ" or "«.eu»": "." at the start of a word
  // (OpensWord) with a domain tail (DomainEnd) that no letter or digit follows.
  size_t DomainZone(size_t pos) const {
    if (pos + 1 >= r_.end || !OpensWord(pos)) return 0;
    const size_t domain_end = DomainEnd(pos);
    if (domain_end == 0) return 0;
    char32_t cp;
    size_t len;
    if (domain_end < r_.end && CharClasses::IsWordChar(r_.ClassAt(domain_end, &cp, &len))) {
      return 0;
    }
    return domain_end;
  }

  // A hashtag or mention at "#" or "@": "#тег", "@user" — letters, digits, marks and "_"
  // after it, at least one of them a letter or "_" ("#1" is not a hashtag). Not after "&",
  // where "&#62;" is a character reference.
  size_t Hashtag(size_t pos) const {
    if (pos > r_.begin && r_.text[pos - 1] == '&') return 0;
    size_t p = pos + 1;
    bool letter = false;
    while (p < r_.end) {
      char32_t cp;
      size_t len;
      const CharClass c = r_.ClassAt(p, &cp, &len);
      if (!CharClasses::IsWordChar(c) && c != kCcConnector) break;
      letter |= CharClasses::IsLetter(c) || c == kCcConnector;
      p += len;
    }
    return letter ? p : 0;
  }

  // An HTML character reference left in scraped text at "&": "&#39;", "&#x27;", "&amp;" —
  // an optional "#", 1-10 ASCII letters or digits, ";".
  size_t CharacterReference(size_t pos) const {
    size_t p = pos + 1;
    if (p < r_.end && r_.text[p] == '#') ++p;
    const size_t name = p;
    while (p < r_.end && p - name < 10 && IsAsciiAlnum(r_.text[p])) ++p;
    return p > name && p < r_.end && r_.text[p] == ';' ? p + 1 : 0;
  }

 private:
  // End of the letters and marks from pos on.
  size_t LettersEnd(size_t pos) const {
    char32_t cp;
    size_t len;
    while (pos < r_.end) {
      const CharClass c = r_.ClassAt(pos, &cp, &len);
      if (!CharClasses::IsLetter(c) && c != kCcMark) break;
      pos += len;
    }
    return pos;
  }

  // End of the domain tail ".tld" or ".word.tld" at a "." (text[dot]): labels of letters,
  // digits, marks and inner "-", each after a "."; the last label is a top-level domain
  // (domains.tsv, any case). The longest such tail of at most four labels, or 0 when none.
  size_t DomainEnd(size_t dot) const {
    size_t best = 0;
    size_t p = dot;
    std::string label;
    // At most four labels keeps the look-ahead bounded.
    for (int labels = 0; labels < 4 && p < r_.end && r_.text[p] == '.'; ++labels) {
      const size_t start = p + 1;
      size_t q = start;
      while (q < r_.end) {
        char32_t cp;
        size_t len;
        const CharClass c = r_.ClassAt(q, &cp, &len);
        if (!CharClasses::IsWordChar(c) && !(cp == '-' && q > start)) break;
        q += len;
      }
      if (q == start) break;
      label.clear();
      text_internal::AppendLower(r_.cc, r_.text.substr(start, q - start), &label);
      if (domains_.count(label)) best = q;
      p = q;
    }
    return best;
  }

  // Whether the character before pos is absent (pos starts the range), an ASCII space, a
  // line end (any: "\r", U+2028, ...) or an opening bracket or quote.
  bool OpensWord(size_t pos) const {
    if (pos == r_.begin || r_.text[pos - 1] == ' ') return true;
    size_t before = pos;  // the previous character's first byte
    while (before > r_.begin && before + 4 > pos) {
      --before;
      if ((static_cast<unsigned char>(r_.text[before]) & 0xC0) != 0x80) break;
    }
    char32_t cp;
    size_t len;
    const CharClass c = r_.ClassAt(before, &cp, &len);
    return c == kCcOpen || c == kCcNewline;
  }

  const ScanRange r_;
  const std::unordered_set<std::string>& domains_;
  size_t email_fail_until_ = 0;  // e-mails starting before this are known not to exist
};

}  // namespace

Tokenizer::Tokenizer() {
  for (const TsvRow& row : EmbeddedTable("domains.tsv", {1, 1, 1})) domains_.emplace(row[0]);
}

void Tokenizer::Tokenize(std::string_view text, Span range, std::vector<Token>* tokens) const {
  NewsScanner scan(text, range, domains_);
  const ScanRange& r = scan.range();
  size_t pos = r.begin;
  while (pos < r.end) {
    char32_t cp;
    size_t len;
    const CharClass c = r.ClassAt(pos, &cp, &len);
    if (c == kCcSpace || c == kCcNewline) {
      pos += len;
      continue;
    }
    size_t end;
    TokenKind kind;
    if (CharClasses::IsWordChar(c)) {
      if (cp < 0x80 && (end = scan.Url(pos))) {
        kind = TokenKind::kUrl;
      } else if (cp < 0x80 && (end = scan.Email(pos))) {
        kind = TokenKind::kEmail;
      } else {
        end = scan.Compound(pos, &kind);
      }
    } else if (cp == '.' && (end = scan.DomainZone(pos))) {
      kind = TokenKind::kUrl;
    } else if ((cp == '#' || cp == '@') && (end = scan.Hashtag(pos))) {
      kind = TokenKind::kHashtag;
    } else if (cp == '&' && (end = scan.CharacterReference(pos))) {
      kind = TokenKind::kSymbol;
    } else {
      end = text_internal::SignEnd(r, pos, cp, c, len, &kind);
    }
    Token& t = tokens->emplace_back();
    t.span = Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)};
    t.kind = kind;
    pos = end;
  }
}

}  // namespace svodka
