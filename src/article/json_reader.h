// JSON input: one object, an array of objects, or JSONL (one object per line).
//
// Fields (data/rules/json_fields.tsv; the first-listed name wins when a record has several):
//   id        id, _id, guid (a string or a number)
//   url       url, link, href, canonical_url
//   title     title, headline
//   lead      lead, description, summary, subtitle, annotation
//   text      text, body, content, article, full_text
//   published published, published_at, publishedAt, datePublished, date_published, pubDate,
//             date, datetime
// Every other field (and a known name whose value is not a string, or lost to a preferred
// name) goes to Document::metadata as its raw JSON text, in record order; a null value of a
// known name counts as absent. Document::text is composed as in compose.h. A record with no
// title, lead and text is an error. The syntax is checked first (FindJsonSyntaxError, one linear
// pass), so every syntax error has an exact position and ignored values are validated too
// (simdjson On-Demand skips them unchecked); then simdjson On-Demand extracts the fields and
// values are copied out. Numbers are never converted (a number id is its literal text).
#ifndef SVODKA_ARTICLE_JSON_READER_H_
#define SVODKA_ARTICLE_JSON_READER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "article/reader.h"

namespace svodka {

// A UTF-8 repair made on the input before parsing: where (byte offset in the repaired input,
// which equals the original offset of the first bad byte) and the warning text.
struct RepairNote {
  size_t offset = 0;
  std::string warning;
};

// The deepest nesting of arrays and objects accepted (simdjson's default max_depth). simdjson
// On-Demand does not enforce it while skipping a value; a deeper value is no news record, and
// indenting it for output would cost time and memory quadratic in its depth.
inline constexpr size_t kMaxJsonDepth = 1024;

// The first syntax error of a JSON text.
struct JsonSyntaxError {
  size_t offset = 0;      // byte offset in the text (the text's size for a truncated text)
  std::string what;       // "malformed JSON: expected ',' or '}' after an object member, ..."
  bool too_deep = false;  // nested deeper than kMaxJsonDepth: a limit, not malformed JSON
};

// Checks that `json` is one JSON value (RFC 8259; valid UTF-8 assumed) nested at most
// kMaxJsonDepth deep, with the string escapes simdjson accepts (a \u surrogate escape must be
// a high-low pair). Returns the first error, whose offset points at the character where the
// text stops being JSON: the token found where a ',' or ':' or a value was expected, an
// unescaped control character or a bad escape in a string, the first byte of a bad number or
// literal, the opening quote of an unclosed string, the first byte after the top-level value,
// or the end of a truncated text. Numbers are checked for syntax only, never converted, so
// any magnitude is valid. nullopt for valid JSON. One linear pass, an explicit stack (no
// recursion), O(depth) memory.
std::optional<JsonSyntaxError> FindJsonSyntaxError(std::string_view json);

// Reads a whole JSON text (a single object or an array of objects) that is valid UTF-8.
// Syntax errors (FindJsonSyntaxError) are reported once as "NAME: byte N: ..." and no document
// of the file is produced; a non-object element or an element without text is reported and
// skipped. Returns false when the sink asked to stop.
bool ReadJsonText(std::string_view json, std::string_view name,
                  const std::optional<RepairNote>& repair, const DocumentSink& sink,
                  const ErrorSink& on_error);

// Parses JSONL lines one at a time, reusing its parser and buffer (not thread-safe; one per
// stream).
class JsonLineParser {
 public:
  explicit JsonLineParser(std::string_view name);
  ~JsonLineParser();
  // Parses line number line_no (1-based; valid UTF-8). Blank lines are skipped. A syntax error
  // is reported as "NAME: line L, byte N: ..." (N counted from the start of the line). Returns
  // false when the sink asked to stop. *line is cleared once its document is built, before
  // the sink runs, and its memory released when it is large: the document's analysis does not
  // run beside two or three copies of a 60 MB line.
  bool Parse(std::string* line, size_t line_no, const std::optional<RepairNote>& repair,
             const DocumentSink& sink, const ErrorSink& on_error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace svodka

#endif  // SVODKA_ARTICLE_JSON_READER_H_
