// Readers, the parts private to svodka: format sniffing and the binary-data check. The public
// interface (ReadDocumentsFromFile, ReadOptions, ...) is include/svodka/reader.h.
#ifndef SVODKA_ARTICLE_READER_H_
#define SVODKA_ARTICLE_READER_H_

#include <string_view>

#include "base/text_input.h"  // CheckBinary
#include "svodka/reader.h"

namespace svodka {

// The format of a buffer whose name did not tell: HTML when it starts (after a BOM and
// whitespace) with "<!DOCTYPE", "<html", "<head", "<body", "<?xml" or an HTML comment, or
// starts with "<" and has "<html", "<body", "<p>", "<div" or "<article" within its first 1 KiB;
// JSONL when it starts with "{", its first line ends with "}" and its next non-blank line
// starts with "{"; JSON when it starts with "{" or "["; text otherwise.
InputFormat SniffFormat(std::string_view prefix);

}  // namespace svodka

#endif  // SVODKA_ARTICLE_READER_H_
