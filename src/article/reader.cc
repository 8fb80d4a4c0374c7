// Format dispatch, input checks (size, empty, binary, UTF-8 repair) and the JSONL stream.
#include "article/reader.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>

#include "article/html_reader.h"
#include "article/json_reader.h"
#include "article/text_reader.h"
#include "article/text_util.h"
#include "base/utf8.h"

namespace svodka {
namespace {

constexpr size_t kChunk = 64 << 10;

bool IsBlank(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = WhitespaceAt(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// Spans are 32-bit byte offsets, so no document may reach 4 GiB whatever the option says.
constexpr size_t kMaxSpanBytes = UINT32_MAX - 16;

ReadOptions Clamped(const ReadOptions& options) {
  ReadOptions o = options;
  o.max_document_bytes = std::min<size_t>(o.max_document_bytes, kMaxSpanBytes);
  return o;
}

// The input limit is not enough: UTF-8 repair turns each invalid byte into three, so a text
// can outgrow the input it came from. Every document passes through here on its way out.
DocumentSink SpanSafe(const DocumentSink& sink, const ErrorSink& on_error) {
  return [&sink, &on_error](Document&& doc) {
    if (doc.text.size() > kMaxSpanBytes) {
      on_error(ResourceExhausted(doc.id + ": text of " + std::to_string(doc.text.size()) +
                                 " bytes after UTF-8 repair reaches 4 GiB, the span limit"));
      return true;
    }
    return sink(std::move(doc));
  };
}

std::optional<RepairNote> Repair(std::string* text, std::string_view name, size_t base_offset) {
  Utf8Repair r = RepairUtf8(text);
  if (r.replaced == 0) return std::nullopt;
  RepairNote note;
  note.offset = r.first_bad_offset;
  note.warning = std::string(name) + ": byte " + std::to_string(base_offset + r.first_bad_offset) +
                 ": invalid UTF-8 replaced with U+FFFD";
  if (r.replaced > 1) note.warning += " (" + std::to_string(r.replaced) + " sequences)";
  return note;
}

std::string EmptyMessage(std::string_view name) {
  return std::string(name) + ": empty file, nothing to analyse";
}

std::string TooLarge(std::string_view name, size_t size, size_t limit, bool at_least) {
  return std::string(name) + ": " + (at_least ? "more than " : "") + std::to_string(size) +
         " bytes is over the limit of " + std::to_string(limit) + " bytes per document";
}

// JSONL from a stream of chunks: bounded memory (one line, at most max_document_bytes, plus
// one chunk). Lines over the limit are skipped up to their newline without being stored.
class JsonlStream {
 public:
  JsonlStream(std::string_view name, const ReadOptions& options, const DocumentSink& sink,
              const ErrorSink& on_error)
      : name_(name), options_(options), sink_(sink), on_error_(on_error), parser_(name) {}

  // Feeds bytes; returns false when the sink asked to stop.
  bool Feed(std::string_view data) {
    while (!data.empty() && !stopped_) {
      size_t nl = data.find('\n');
      std::string_view piece = data.substr(0, nl == data.npos ? data.size() : nl);
      if (!skipping_) {
        if (line_.size() + piece.size() > options_.max_document_bytes) {
          skipping_ = true;
          skipped_bytes_ = line_.size();
          line_.clear();
          line_.shrink_to_fit();
        } else {
          line_.append(piece);
        }
      }
      if (skipping_) skipped_bytes_ += piece.size();
      if (nl == data.npos) break;
      EndLine(/*newline=*/true);
      data.remove_prefix(nl + 1);
    }
    return !stopped_;
  }

  // At end of input: the last line without a newline; the empty-file message.
  void Finish() {
    if (stopped_) return;
    if (!line_.empty() || skipping_) EndLine(/*newline=*/false);
    if (!saw_content_) on_error_(InvalidArgument(EmptyMessage(name_)));
  }

 private:
  void EndLine(bool newline) {
    ++line_no_;
    size_t length = skipping_ ? skipped_bytes_ : line_.size();
    if (skipping_) {
      saw_content_ = true;
      on_error_(ResourceExhausted(name_ + ": line " + std::to_string(line_no_) + ": " +
                                  std::to_string(length) + " bytes is over the limit of " +
                                  std::to_string(options_.max_document_bytes) +
                                  " bytes per document, skipped"));
    } else {
      if (line_no_ == 1 && line_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_.replace(0, 3, "   ");
      if (!IsBlank(line_)) {
        saw_content_ = true;
        std::optional<RepairNote> note = Repair(&line_, name_, offset_);
        if (!parser_.Parse(&line_, line_no_, note, sink_, on_error_)) stopped_ = true;
      }
    }
    offset_ += length + (newline ? 1 : 0);
    skipping_ = false;
    skipped_bytes_ = 0;
    line_.clear();
    // Do not keep a huge buffer alive for the rest of the stream.
    if (line_.capacity() > (kChunk << 4)) line_.shrink_to_fit();
  }

  std::string name_;
  const ReadOptions& options_;
  const DocumentSink& sink_;
  const ErrorSink& on_error_;
  JsonLineParser parser_;
  std::string line_;
  size_t line_no_ = 0, offset_ = 0, skipped_bytes_ = 0;
  bool skipping_ = false, stopped_ = false, saw_content_ = false;
};

// One whole document-bearing buffer in a known format (not kAuto or kJsonl). Takes the buffer over,
// so that a plain-text document becomes Document::text without a copy and an HTML page's bytes are
// released before the document is passed on.
void ReadWhole(std::string&& owned, std::string_view name, InputFormat format,
               const ReadOptions& options, const DocumentSink& sink, const ErrorSink& on_error) {
  std::string_view bytes = owned;
  if (bytes.size() > options.max_document_bytes) {
    on_error(ResourceExhausted(TooLarge(name, bytes.size(), options.max_document_bytes, false)));
    return;
  }
  if (IsBlank(bytes)) {
    on_error(InvalidArgument(EmptyMessage(name)));
    return;
  }
  if (auto bad = CheckBinary(bytes, name)) {
    on_error(*bad);
    return;
  }
  std::string text = std::move(owned);
  std::optional<RepairNote> note = Repair(&text, name, 0);
  switch (format) {
    case InputFormat::kText: {
      Document doc;
      doc.id = FileStem(name);
      doc.text = std::move(text);
      if (note) doc.warnings.push_back(note->warning);
      StructurePlainText(name, &doc);
      sink(std::move(doc));
      return;
    }
    case InputFormat::kHtml: {
      Result<Document> doc = ReadHtmlDocument(text, name);
      std::string().swap(text);
      if (!doc.ok()) {
        on_error(doc.status());
        return;
      }
      if (note) doc->warnings.insert(doc->warnings.begin(), note->warning);
      sink(std::move(doc).value());
      return;
    }
    default: {  // kJson
      if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.replace(0, 3, "   ");
      ReadJsonText(text, name, note, sink, on_error);
      return;
    }
  }
}

}  // namespace

Result<InputFormat> ParseInputFormat(std::string_view name) {
  std::string n = LowerUtf8(name);
  if (n == "auto") return InputFormat::kAuto;
  if (n == "text" || n == "txt") return InputFormat::kText;
  if (n == "json") return InputFormat::kJson;
  if (n == "jsonl" || n == "ndjson") return InputFormat::kJsonl;
  if (n == "html" || n == "htm") return InputFormat::kHtml;
  return InvalidArgument("unknown input format \"" + std::string(name) +
                         "\" (expected auto, text, json, jsonl or html)");
}

std::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kJson:
      return "json";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kHtml:
      return "html";
  }
  return "auto";
}

InputFormat FormatFromExtension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.rfind('.');
  if (dot == path.npos || (slash != path.npos && dot < slash)) return InputFormat::kAuto;
  std::string ext = LowerUtf8(path.substr(dot + 1));
  if (ext == "txt" || ext == "text") return InputFormat::kText;
  if (ext == "json") return InputFormat::kJson;
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::kJsonl;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::kHtml;
  return InputFormat::kAuto;
}

InputFormat SniffFormat(std::string_view prefix) {
  size_t i = 0;
  if (prefix.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < prefix.size() && WhitespaceAt(prefix, i)) i += WhitespaceAt(prefix, i);
  std::string_view s = prefix.substr(i);
  if (s.empty()) return InputFormat::kText;
  if (s[0] == '<') {
    std::string head = LowerUtf8(s.substr(0, 1024));
    for (std::string_view start : {"<!doctype", "<html", "<head", "<body", "<?xml", "<!--"})
      if (head.compare(0, start.size(), start) == 0) return InputFormat::kHtml;
    for (std::string_view tag : {"<html", "<body", "<p>", "<div", "<article"})
      if (head.find(tag) != std::string::npos) return InputFormat::kHtml;
    return InputFormat::kText;
  }
  if (s[0] == '[') return InputFormat::kJson;
  if (s[0] == '{') {
    // JSONL when another line starting with "{" follows the first line.
    size_t nl = s.find('\n');
    while (nl != s.npos) {
      size_t j = nl + 1;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
      if (j < s.size() && s[j] == '\n') {
        nl = j;
        continue;
      }
      if (j < s.size() && s[j] == '{') {
        // Only when the first line looks complete: a one-line record ends with "}".
        Span first = TrimSpan(s, {0, static_cast<uint32_t>(std::min<size_t>(nl, s.size()))});
        if (!first.empty() && s[first.end - 1] == '}') return InputFormat::kJsonl;
      }
      break;
    }
    return InputFormat::kJson;
  }
  return InputFormat::kText;
}

namespace {

// Whether SniffFormat can already decide on `prefix` of a longer input: it starts with
// something other than "{" (after a BOM and whitespace), or a newline is followed by a
// non-blank character (JSONL vs JSON).
bool SniffDecidable(std::string_view prefix) {
  size_t i = 0;
  if (prefix.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < prefix.size() && WhitespaceAt(prefix, i)) i += WhitespaceAt(prefix, i);
  if (i >= prefix.size()) return false;
  if (prefix[i] != '{') return prefix[i] != '<' || prefix.size() - i >= 1024;
  for (size_t nl = prefix.find('\n', i); nl != prefix.npos; nl = prefix.find('\n', nl + 1)) {
    size_t j = nl + 1;
    while (j < prefix.size() &&
           (prefix[j] == ' ' || prefix[j] == '\t' || prefix[j] == '\r' || prefix[j] == '\n'))
      ++j;
    if (j < prefix.size()) return true;
  }
  return false;
}

}  // namespace

Status ReadDocuments(std::string_view bytes, std::string_view name, const ReadOptions& options,
                     const DocumentSink& sink, const ErrorSink& on_error) {
  InputFormat format = options.format;
  if (format == InputFormat::kAuto) format = FormatFromExtension(name);
  if (format == InputFormat::kAuto) format = SniffFormat(bytes.substr(0, kChunk));
  const ReadOptions clamped = Clamped(options);
  const DocumentSink safe_sink = SpanSafe(sink, on_error);
  if (format == InputFormat::kJsonl) {
    if (auto bad = CheckBinary(bytes, name)) {
      on_error(*bad);
      return Status::Ok();
    }
    JsonlStream stream(name, clamped, safe_sink, on_error);
    if (stream.Feed(bytes)) stream.Finish();
    return Status::Ok();
  }
  if (bytes.size() > clamped.max_document_bytes) {  // before copying it
    on_error(ResourceExhausted(TooLarge(name, bytes.size(), clamped.max_document_bytes, false)));
    return Status::Ok();
  }
  ReadWhole(std::string(bytes), name, format, clamped, safe_sink, on_error);
  return Status::Ok();
}

Status ReadDocumentsFromFile(const std::string& path, const ReadOptions& given_options,
                             const DocumentSink& given_sink, const ErrorSink& on_error) {
  const ReadOptions options = Clamped(given_options);
  const DocumentSink sink = SpanSafe(given_sink, on_error);
  Result<InputFile> file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  const std::string& name = file->name();
  std::string buf;
  bool eof = false;
  auto read_some = [&](size_t most) { return file->ReadSome(most, &buf, &eof); };
  // Reads until `want` more bytes are in buf or the input ends.
  auto read_more = [&](size_t want) -> Status {
    const size_t target = buf.size() + want;
    while (!eof && buf.size() < target) {
      if (Status s = read_some(target - buf.size()); !s.ok()) return s;
    }
    return Status::Ok();
  };

  InputFormat format = options.format;
  if (format == InputFormat::kAuto) format = FormatFromExtension(path);
  if (format == InputFormat::kJsonl) {
    // A live stream: start with what has arrived, do not wait for 64 KiB.
    if (Status s = read_some(kChunk); !s.ok()) return s;
  } else if (format == InputFormat::kAuto) {
    // Enough to tell the format: 64 KiB, the end of input, or a second line begun.
    while (!eof && buf.size() < kChunk && !SniffDecidable(buf)) {
      if (Status s = read_some(kChunk - buf.size()); !s.ok()) return s;
    }
    format = SniffFormat(buf);
  } else {
    if (Status s = read_more(kChunk); !s.ok()) return s;
  }
  // Binary data is refused on its first chunk, before anything more is read (/dev/zero).
  if (auto bad = CheckBinary(buf, name)) {
    on_error(*bad);
    return Status::Ok();
  }

  if (format == InputFormat::kJsonl) {
    // Each line is analysed as soon as it has arrived (a streaming filter).
    JsonlStream stream(name, options, sink, on_error);
    for (;;) {
      if (!stream.Feed(buf)) return Status::Ok();
      if (eof) break;
      buf.clear();
      if (Status s = read_some(kChunk); !s.ok()) return s;
    }
    stream.Finish();
    return Status::Ok();
  }
  const size_t limit = options.max_document_bytes;
  if (file->size() && *file->size() > limit) {
    on_error(ResourceExhausted(TooLarge(name, *file->size(), limit, false)));
    return Status::Ok();
  }
  while (!eof) {
    if (buf.size() > limit) {
      on_error(ResourceExhausted(TooLarge(name, limit, limit, true)));
      return Status::Ok();
    }
    if (Status s = read_more(kChunk); !s.ok()) return s;
  }
  ReadWhole(std::move(buf), name, format, options, sink, on_error);
  return Status::Ok();
}

}  // namespace svodka
