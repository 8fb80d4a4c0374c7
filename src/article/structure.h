// Paragraph units and related headlines: the layout rules shared by the plain-text reader and
// the body text of JSON and HTML documents.
//
// Paragraphs. A region is split into lines at every line end of text_util.h's LineEndAt: "\n",
// "\r\n", a lone "\r", "\v", "\f", U+0085, U+2028 and U+2029 (so old Mac files and
// Unicode-separated text keep their structure); line ends and surrounding whitespace are left
// out of the spans. Two layouts are recognized:
//  * one paragraph per line (wire-story convention, e.g. examples/tass-*.txt), also when
//    paragraphs are separated by blank lines;
//  * hard-wrapped paragraphs: when blank lines separate blocks and at least one block of
//    ordinary lines has two or more lines, every block is one paragraph whose span runs from
//    its first line to its last (inner line breaks included). Blocks of bullet lines ("- ...")
//    or opened by a related heading are still split into lines.
//
// Related headlines.
//  * A unit starting with a heading from data/rules/related_headings.tsv ("Читайте также:",
//    "См. также") anywhere in the body: text after the heading on the same line is one related
//    headline; the units after a bare heading are related while they look like headlines
//    (bullet lines, or lines without a final period), and the heading itself is dropped.
//  * Trailing bullet lines ("- ", "— ", "– ", "• ", "* " then text) at the end of the body whose
//    text looks like a headline: no final "." or "…" and no speech attribution (", —", ", -"),
//    so closing dialogue lines ("— Спасибо, — сказал он.") stay paragraphs.
// Related spans exclude the bullet marker.
#ifndef SVODKA_ARTICLE_STRUCTURE_H_
#define SVODKA_ARTICLE_STRUCTURE_H_

#include <string_view>
#include <vector>

#include "svodka/document.h"

namespace svodka {

// Non-empty paragraph units of text[region] in order (see the file comment).
std::vector<Span> SplitUnits(std::string_view text, Span region);

// Moves related headlines out of *units into the returned vector (in text order).
std::vector<Span> TakeRelated(std::string_view text, std::vector<Span>* units);

// A single line of at most max_chars code points; with no_final_period, not ending in "."
// (an ellipsis "..." or "…" is allowed).
bool LooksLikeHeadline(std::string_view text, Span unit, size_t max_chars, bool no_final_period);

}  // namespace svodka

#endif  // SVODKA_ARTICLE_STRUCTURE_H_
