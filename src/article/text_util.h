// Small UTF-8 string helpers shared by the article readers: case mapping (utf8proc, simple
// one-to-one case mapping per code point), whitespace trimming of spans, file stems and years.
// All functions take valid UTF-8 (Document::text) unless they say otherwise.
#ifndef SVODKA_ARTICLE_TEXT_UTIL_H_
#define SVODKA_ARTICLE_TEXT_UTIL_H_

#include <optional>
#include <string>
#include <string_view>

#include "svodka/document.h"

namespace svodka {

std::string LowerUtf8(std::string_view s);

// Code point at s[i] (valid UTF-8) and its length in *len; 0 with *len = 0 at the end.
char32_t CodePointAt(std::string_view s, size_t i, size_t* len);

bool IsUpperLetter(char32_t c);  // Unicode Lu (and Lt)
bool IsLowerLetter(char32_t c);  // Unicode Ll
bool IsLetter(char32_t c);       // Unicode L*
char32_t ToUpper(char32_t c);
char32_t ToLower(char32_t c);

// Horizontal space: ' ', '\t', U+00A0 NO-BREAK SPACE, U+202F, U+2009 THIN SPACE. Returns its
// length in bytes at s[i], 0 when s[i] is not one.
size_t SpaceAt(std::string_view s, size_t i);
// Any whitespace including line ends (LineEndAt) and U+FEFF (a BOM); length at s[i] or 0.
size_t WhitespaceAt(std::string_view s, size_t i);

// The line end starting at s[i] and its length in bytes, 0 when none starts there: "\r\n" (2),
// "\n", "\r", "\v", "\f" (1), U+0085 NEXT LINE (2), U+2028 LINE SEPARATOR and U+2029
// PARAGRAPH SEPARATOR (3) — Unicode's mandatory line breaks (UAX #14 BK, CR, LF, NL), the
// breaks the sentence splitter ends a sentence at. A "\r" not followed by "\n" is a line end
// of its own (old Mac files), so "\r\r\n" is two.
size_t LineEndAt(std::string_view s, size_t i);

// The position of the first line end in s[from, end) (end <= s.size()), or `end` when there is
// none; its length goes to *len (0 when none). Linear in the bytes scanned.
size_t FindLineEnd(std::string_view s, size_t from, size_t end, size_t* len);

// True when s contains a line end.
bool HasLineEnd(std::string_view s);

// `span` with leading and trailing whitespace (WhitespaceAt) removed; empty spans stay put.
Span TrimSpan(std::string_view text, Span span);

// "dir/tass-2017.txt" -> "tass-2017"; "-" -> "stdin".
std::string FileStem(std::string_view path);

// The year of an ISO-8601-like date ("2017-03-20T10:15:00+03:00" -> 2017), or of an RFC 822
// date ("Mon, 20 Mar 2017 10:15:00 +0300"): the first run of exactly 4 digits in 1900..2099.
std::optional<int> YearOf(std::string_view date);
// The month of an ISO 8601 date ("2017-03-20T10:15:00+03:00" -> 3) or of an RFC 822 date
// ("Mon, 01 Jan 2018 09:00:00 +0000" -> 1); nullopt otherwise.
std::optional<int> MonthOf(std::string_view date);

}  // namespace svodka

#endif  // SVODKA_ARTICLE_TEXT_UTIL_H_
