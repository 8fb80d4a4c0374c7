// The JSON contract of `svodka analyze` (docs/format.md is the full schema): one object per
// Document, spans converted from bytes to code points of "text".
#ifndef SVODKA_DOCUMENT_JSON_H_
#define SVODKA_DOCUMENT_JSON_H_

#include <cstddef>
#include <functional>
#include <string>

#include "svodka/document.h"

namespace svodka {

struct DocumentJsonOptions {
  bool tokens = false;  // include "tokens" (with morphology when the tokens have it)
};

// Appends the compact JSON object for doc (no trailing newline). When `piece_done` is given,
// it is called whenever *out holds over kJsonPieceBytes, right after a complete element of a
// long array (paragraphs, sentences, tokens): the caller may write *out away and clear it, so
// that a document of millions of tokens is never held as one string (JsonPrettyPrinter accepts
// such pieces).
inline constexpr size_t kJsonPieceBytes = size_t{1} << 20;
void WriteDocumentJson(const Document& doc, const DocumentJsonOptions& options, std::string* out,
                       const std::function<void()>& piece_done = {});

}  // namespace svodka

#endif  // SVODKA_DOCUMENT_JSON_H_
