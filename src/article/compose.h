// Composing Document::text for sources that arrive in fields (JSON, HTML):
//
//   text = title + "\n\n" + lead + "\n\n" + body
//
// with absent or blank parts (and their separators) left out. Title and lead are trimmed of
// surrounding whitespace; the body is kept as given. title/lead spans select their parts;
// paragraphs and related headlines come from the body by the rules of structure.h; the
// dateline is parsed at the start of the first body paragraph with the year of `published`
// as the hint.
#ifndef SVODKA_ARTICLE_COMPOSE_H_
#define SVODKA_ARTICLE_COMPOSE_H_

#include <string_view>

#include "svodka/document.h"

namespace svodka {

// Sets doc->text, title, lead, paragraphs, related and dateline (other fields are untouched;
// doc->published must be set before the call to give the dateline its year). Invalid UTF-8 in
// the parts is repaired, with a warning naming `name` and the byte offset in doc->text.
void ComposeDocument(std::string_view name, std::string_view title, std::string_view lead,
                     std::string_view body, Document* doc);

}  // namespace svodka

#endif  // SVODKA_ARTICLE_COMPOSE_H_
