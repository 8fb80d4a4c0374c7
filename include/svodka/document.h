// Document: one article — its immutable original text plus annotations that point into it.
//
// THE SPAN INVARIANT. Inside the process every Span is a half-open range [begin, end) of BYTE
// offsets into Document::text, which is valid UTF-8 (readers repair invalid input to U+FFFD
// before building a Document). Every writer that leaves the process (JSON, CoNLL-U, brat)
// converts spans to Unicode CODE POINT offsets (see base/offsets.h), so that Python's
// text[b:e] and brat tools select exactly the annotated string.
#ifndef SVODKA_DOCUMENT_H_
#define SVODKA_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace svodka {

// [begin, end) in bytes of Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// What a token is, decided by the tokenizer from its characters.
enum class TokenKind : uint8_t {
  kWord,    // letters, with inner hyphens/apostrophes: "Южно-Сахалинск", "кто-то", "O'Neil"
  kNumber,  // digits with inner separators: "2,5", "1 000" is two tokens, "15:30", "2+2"
  kPunct,   // punctuation and dashes, one sign or a run such as "..." "?!" "--"
  kSymbol,  // currency, math, emoji and other symbols: "$", "%", "№", "😀"
  kUrl,     // http://..., www.example.ru
  kEmail,
  kHashtag,  // #тег, @mention
  kOther,
};

std::string_view TokenKindName(TokenKind kind);  // "word", "number", ...

// A token and, once the morphology stage has run, its analysis in context.
struct Token {
  Span span;
  TokenKind kind = TokenKind::kOther;
  // Filled by morphology (empty before): lemma, UD UPOS, UD FEATS ("Case=Nom|Number=Sing"
  // or "" for none), OpenCorpora tag ("NOUN,anim,masc,Sgtm,Surn sing,nomn").
  std::string lemma;
  std::string upos;
  std::string feats;
  std::string tag;
};

// "ТОКИО, 20 марта. /ТАСС/." → place "Токио", date "2017-03-20" (or "--03-20" when the year
// is unknown), agency "ТАСС". Empty strings for parts that are absent.
struct Dateline {
  std::string place;
  std::string date;
  std::string agency;
  Span span;
};

// A named piece of text such as the title, the lead or a related headline.
struct TextField {
  Span span;
};

struct Document {
  std::string id;
  std::string text;  // the whole text analysed: UTF-8, never modified after reading
  std::optional<Span> title;
  std::optional<Span> lead;
  std::optional<Dateline> dateline;
  std::optional<std::string> published;  // as given by the source (ISO 8601 when known)
  std::string url;
  std::vector<Span> paragraphs;  // body paragraphs, in order (title/lead/related excluded)
  std::vector<Span> related;     // related headlines ("- ..." lines, "Читайте также:")
  std::vector<Span> sentences;
  std::vector<Token> tokens;
  // Source fields we do not interpret, kept verbatim: key and raw JSON value text.
  std::vector<std::pair<std::string, std::string>> metadata;
  // Non-fatal problems met while reading ("file.txt: byte 17: invalid UTF-8 replaced").
  std::vector<std::string> warnings;

  std::string_view Slice(const Span& s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
};

}  // namespace svodka

#endif  // SVODKA_DOCUMENT_H_
