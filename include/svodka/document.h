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

// --- entities (src/ner) and the objects they are linked into (src/link) --------------------

// What an entity is: a person, an organization, or a place (countries and cities included).
enum class EntityType : uint8_t { kPer, kOrg, kLoc };
std::string_view EntityTypeName(EntityType type);  // "PER", "ORG", "LOC"

// How a mention refers to its entity: by a name ("Сергей Лавров", "МИД РФ"), by a
// description ("глава МИД РФ", "японский коллега"), or by a pronoun ("он").
enum class MentionKind : uint8_t { kName, kDescription, kPronoun };
std::string_view MentionKindName(MentionKind kind);  // "name", "description", "pronoun"

inline constexpr uint32_t kNoObject = UINT32_MAX;

// One mention of a person, organization or place ("entities" in the output). Names are found by
// the NER stage; descriptions and pronouns by linking.
struct Mention {
  Span span;                 // the outermost name, as the corpora annotate it
  uint32_t first_token = 0;  // its tokens are Document::tokens[first_token, end_token)
  uint32_t end_token = 0;
  EntityType type = EntityType::kPer;
  MentionKind kind = MentionKind::kName;
  std::string normal;  // base form: "Фумио Кисидой" -> "Фумио Кисида"; "" when none
  uint32_t object = kNoObject;  // index into Document::objects once linked
};

// An occupation the text states ("министр иностранных дел России Сергей Лавров"): factRuEval's
// Occupation fact (Who, Position, Where).
struct Role {
  Span span;                   // the role phrase in the text: "глава МИД Японии"
  Span position_span;          // its position words: "глава"
  std::string position;        // "министр иностранных дел"
  uint32_t org = kNoObject;    // the organization's object, when the text names it
  uint32_t place = kNoObject;  // the place's object
};

// One thing the article is about ("objects" in the output): its mentions linked together.
struct EntityObject {
  EntityType type = EntityType::kPer;
  std::string name;                // canonical: the fullest base form of its names
  std::vector<uint32_t> mentions;  // indices into Document::entities, in text order
  std::vector<Role> roles;         // persons only
};

// --- quotes (src/quotes), dates (src/dates), events (src/events) ---------------------------

// How a quotation is given: in quotation marks (direct), paraphrased in a clause ("заявил,
// что ...", "по словам X", indirect), or a paraphrase with quoted words inside (mixed).
enum class QuoteType : uint8_t { kDirect, kIndirect, kMixed };
std::string_view QuoteTypeName(QuoteType type);  // "direct", "indirect", "mixed"

// Who is quoted. `name` is the canonical name of the speaker's object ("Сергей Лавров"), or,
// for a source the text only describes, the description as written ("источник в
// правительстве"); `object` is kNoObject then. `mention` is where the text names or refers to
// the speaker for this quote ("он", "министр", "Лавров").
struct QuoteSpeaker {
  std::string name;
  uint32_t object = kNoObject;
  std::optional<Span> mention;
};

// One quotation: who said what. `span` covers the content, the cue and the source mention
// when they are adjacent; `content` is what was said (for direct quotes without the
// quotation marks).
struct Quote {
  QuoteType type = QuoteType::kDirect;
  Span span;
  Span content;
  std::optional<QuoteSpeaker> speaker;  // nullopt when the text names no source
  std::optional<Span> cue;  // "заявил", "по словам", "отметил министр" -> "отметил"
  bool negated = false;  // "не заявил, что ..." (the cue's negation, kept)
};

// A date or time expression and its value, ISO 8601 where it is a calendar value: "2017-03-20",
// "2016-12", "2017-W11", "2016/2017", "--03-18" (year unknown), "T15:00" (a time), "20" for a
// century ("в XXI веке"). Values are anchored to the dateline or Document::published; without
// either, relative expressions keep partial values and no year is invented.
struct DateMention {
  Span span;
  std::string value;  // "" when the expression has no value the text makes certain
};

// Something that happened between participants: a meeting, talks, a visit, a phone call,
// consultations, an agreement. Speech acts are Document::quotes, not events.
struct Event {
  std::string type;                    // "meeting", "talks", "visit", "call", "consultations", ...
  Span trigger;                        // the word that names it: "переговоры"
  std::vector<uint32_t> participants;  // object indices
  uint32_t place = kNoObject;          // a LOC object
  std::string date;                    // a DateMention value, "" when none
  Span sentence;                       // the sentence it is stated in
};

// Which layers of annotation the stages have produced, so that a writer leaves out what was
// not computed (an empty list means "none found", an absent key "not looked for").
enum Layer : uint32_t {
  kLayerEntities = 1u << 0,  // Document::entities
  kLayerNormal = 1u << 1,    // Mention::normal
  kLayerObjects = 1u << 2,   // Document::objects, Mention::object
  kLayerRoles = 1u << 3,     // EntityObject::roles
  kLayerQuotes = 1u << 4,    // Document::quotes
  kLayerDates = 1u << 5,     // Document::dates
  kLayerEvents = 1u << 6,    // Document::events
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
  StringPool strings;                 // the tokens' lemmas and tags (Token::lemma, ...)
  std::vector<Mention> entities;      // in text order
  std::vector<EntityObject> objects;  // in order of their first mention
  std::vector<Quote> quotes;          // in text order of their content
  std::vector<DateMention> dates;     // in text order
  std::vector<Event> events;          // in text order of their trigger
  uint32_t layers = 0;                // Layer bits: what the stages have produced
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
