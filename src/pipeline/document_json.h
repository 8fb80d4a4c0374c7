// The JSON contract of `svodka analyze` (docs/format.md is the full schema): one object per
// Document, spans converted from bytes to code points of "text".
#ifndef SVODKA_PIPELINE_DOCUMENT_JSON_H_
#define SVODKA_PIPELINE_DOCUMENT_JSON_H_

#include <string>

#include "svodka/document.h"

namespace svodka {

struct DocumentJsonOptions {
  bool tokens = false;  // include "tokens" (with morphology when the tokens have it)
};

// Appends the compact JSON object for doc (no trailing newline).
void WriteDocumentJson(const Document& doc, const DocumentJsonOptions& options, std::string* out);

}  // namespace svodka

#endif  // SVODKA_PIPELINE_DOCUMENT_JSON_H_
