// The plain-text wire-story reader (convention of examples/tass-2017-03-20-lavrov-kishida.txt):
//
//   headline                      <- Document::title
//   lead                          <- Document::lead (only when the dateline paragraph follows)
//   ТОКИО, 20 марта. /ТАСС/. ...  <- first body paragraph, carries the dateline
//   body paragraphs ...
//   - related headline            <- Document::related
//
// Paragraph units and related headlines follow structure.h. Then:
//  * The dateline is looked for at the start of the first three units. Found in unit 0: no
//    title. In unit 1: unit 0 is the title if it is a single line of <= 300 characters. In
//    unit 2: unit 0 is the title and unit 1 the lead (same test on unit 0).
//  * Without a dateline, unit 0 is the title when more units follow and it is a single line of
//    <= 200 characters without a final period; there is no lead (a lead cannot be told from a
//    first paragraph without the dateline to mark the body's start).
//  * Every other unit that is not related is a body paragraph, including the dateline's.
//  * The year of the dateline: when the name contains a date YYYY-MM-DD whose month and day
//    equal the dateline's ("tass-2017-03-20-....txt" and "20 марта"), that year is used;
//    a year mentioned in the story is not (it is usually some other event's).
// Lines end at "\n", "\r\n", a lone "\r" (old Mac), "\v", "\f", U+0085 NEXT LINE, U+2028 LINE
// SEPARATOR and U+2029 PARAGRAPH SEPARATOR (structure.h). The text is kept byte for byte, line
// ends included; no span includes a line end character at its edges.
#ifndef SVODKA_ARTICLE_TEXT_READER_H_
#define SVODKA_ARTICLE_TEXT_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "svodka/document.h"

namespace svodka {

// Fills title, lead, dateline, paragraphs and related of *doc from doc->text, which must be
// valid UTF-8. `name` is the file name (for the year rule above).
void StructurePlainText(std::string_view name, Document* doc);

// The year of a YYYY-MM-DD date in `name` whose month and day equal `month_day` ("--03-20").
std::optional<int> YearFromName(std::string_view name, std::string_view month_day);

}  // namespace svodka

#endif  // SVODKA_ARTICLE_TEXT_READER_H_
