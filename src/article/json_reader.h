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
// title, lead and text is an error. Parsing uses simdjson On-Demand; values are copied out.
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

// Reads a whole JSON text (a single object or an array of objects) that is valid UTF-8.
// Syntax errors are reported once with their byte offset and no document of the file is
// produced; a non-object element or an element without text is reported and skipped.
// Returns false when the sink asked to stop.
bool ReadJsonText(std::string_view json, std::string_view name,
                  const std::optional<RepairNote>& repair, const DocumentSink& sink,
                  const ErrorSink& on_error);

// Parses JSONL lines one at a time, reusing its parser and buffer (not thread-safe; one per
// stream).
class JsonLineParser {
 public:
  explicit JsonLineParser(std::string_view name);
  ~JsonLineParser();
  // Parses line number line_no (1-based; valid UTF-8). Blank lines are skipped. Returns false
  // when the sink asked to stop.
  bool Parse(std::string_view line, size_t line_no, const std::optional<RepairNote>& repair,
             const DocumentSink& sink, const ErrorSink& on_error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace svodka

#endif  // SVODKA_ARTICLE_JSON_READER_H_
