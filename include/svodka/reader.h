// Readers: bytes (a file, stdin or a buffer) -> svodka::Document, for plain-text wire stories,
// JSON objects / arrays, JSONL streams and HTML pages. docs/format.md "Input formats" is the
// user-facing description; the layout rules are in src/article (text_reader.h, structure.h,
// compose.h, json_reader.h, html_reader.h).
//
// Every Document has valid UTF-8 text (invalid input is repaired to U+FFFD with the warning
// "FILE: byte N: invalid UTF-8 replaced with U+FFFD" in Document::warnings, N a byte offset in
// the input) and an id: the record's "id" field, else the file stem, with ":N" appended for
// the N-th JSONL line or JSON array element (1-based).
//
// Errors. Problems with one document's content (malformed JSON, a bad JSONL line, binary or
// empty input, a record over the size limit) go to `on_error` as a Status whose message names
// the file and the position ("a.jsonl: line 7: ..."), and reading goes on with the next
// document. Only problems that stop the reading of the file itself (it cannot be opened or
// read) are returned.
//
// Thread-safety: the functions are reentrant; callbacks run on the calling thread.
#ifndef SVODKA_READER_H_
#define SVODKA_READER_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "svodka/document.h"
#include "svodka/status.h"

namespace svodka {

enum class InputFormat { kAuto, kText, kJson, kJsonl, kHtml };

// "auto", "text" (also "txt"), "json", "jsonl" (also "ndjson"), "html" (also "htm").
Result<InputFormat> ParseInputFormat(std::string_view name);
std::string_view InputFormatName(InputFormat format);

struct ReadOptions {
  // kAuto: by extension (.txt .text / .json / .jsonl .ndjson / .html .htm .xhtml, any case),
  // else by content (see docs/format.md, "Choosing the format").
  InputFormat format = InputFormat::kAuto;
  // Text, HTML and JSON files larger than this are refused (kResourceExhausted via on_error);
  // for JSONL the limit is per line, and other lines go on.
  size_t max_document_bytes = 64u << 20;
};

// Receives each document; return false to stop reading.
using DocumentSink = std::function<bool(Document&&)>;
using ErrorSink = std::function<void(const Status&)>;

// Reads every document in the file at `path` ("-" = standard input). JSONL is streamed line
// by line in memory bounded by max_document_bytes plus a 64 KiB buffer; other formats are read
// whole after a size check.
Status ReadDocumentsFromFile(const std::string& path, const ReadOptions& options,
                             const DocumentSink& sink, const ErrorSink& on_error);

// Same on an in-memory buffer; `name` is used for ids (its stem) and messages.
Status ReadDocuments(std::string_view bytes, std::string_view name, const ReadOptions& options,
                     const DocumentSink& sink, const ErrorSink& on_error);

// The format given by the extension of `path`, or kAuto when it does not tell.
InputFormat FormatFromExtension(std::string_view path);

}  // namespace svodka

#endif  // SVODKA_READER_H_
