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
  kWord,  // letters, with inner hyphens/apostrophes: "Южно-Сахалинск", "кто-то", "O'Neil"
  kNumber,  // digits with inner separators: "2,5", "1 000" is two tokens, "15:30", "2+2"
  kPunct,   // punctuation and dashes, one sign or a run such as "..." "?!" "--"
  kSymbol,  // currency, math, emoji and other symbols: "$", "%", "№", "😀"
  kUrl,     // http://..., www.example.ru
  kEmail,
  kHashtag,  // #тег, @mention
  kOther,
};

std::string_view TokenKindName(TokenKind kind);  // "word", "number", ...

// A token and, once the morphology stage has run, its analysis in context. The analysis is
// held as ids into Document::strings (lemmas and tags repeat, so a token is 28 bytes instead of
// four strings); read it with Document::Lemma/Upos/Feats/Tag. Id 0 is "" (no morphology yet).
struct Token {
  Span span;
  TokenKind kind = TokenKind::kOther;
  uint32_t lemma = 0;  // the lemma, "Лавров"
  uint32_t upos = 0;   // UD UPOS, "PROPN"
  uint32_t feats = 0;  // UD FEATS, "Case=Nom|Number=Sing"; "" when none
  uint32_t tag = 0;    // OpenCorpora tag, "NOUN,anim,masc,Sgtm,Surn sing,nomn"

  bool has_morphology() const { return upos != 0; }
};

// Strings interned once per document: Intern gives each distinct string one 32-bit id (0 is
// the empty string), Get returns it. Ids are stable until Clear. Memory: the distinct strings
// plus 12 bytes per string. Not thread-safe for writing.
class StringPool {
 public:
  StringPool();
  uint32_t Intern(std::string_view s);
  std::string_view Get(uint32_t id) const {
    return std::string_view(data_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  size_t size() const { return offsets_.size() - 1; }  // distinct strings, "" included
  void Clear();

 private:
  void Grow();
  std::string data_;
  std::vector<uint32_t> offsets_;  // string id's bytes are data_[offsets_[id], offsets_[id+1])
  std::vector<uint32_t> table_;    // open addressing: id + 1, 0 for an empty slot
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
  StringPool strings;  // the tokens' lemmas and tags (Token::lemma, ...)
  // Source fields we do not interpret, kept verbatim: key and raw JSON value text.
  std::vector<std::pair<std::string, std::string>> metadata;
  // Non-fatal problems met while reading ("file.txt: byte 17: invalid UTF-8 replaced").
  std::vector<std::string> warnings;

  std::string_view Slice(const Span& s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  std::string_view Lemma(const Token& t) const { return strings.Get(t.lemma); }
  std::string_view Upos(const Token& t) const { return strings.Get(t.upos); }
  std::string_view Feats(const Token& t) const { return strings.Get(t.feats); }
  std::string_view Tag(const Token& t) const { return strings.Get(t.tag); }
};

}  // namespace svodka

#endif  // SVODKA_DOCUMENT_H_
