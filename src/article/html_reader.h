// HTML pages, parsed by libxml2's HTML parser into a compact DOM (html_dom.h).
//
//   title      og:title, else <title>, else the first <h1>; a trailing " - Site" / " | Site"
//              part is removed when it is og:site_name or a known agency (agencies.tsv)
//   lead       og:description, else <meta name="description">
//   published  article:published_time, else itemprop=datePublished, else <meta name=pubdate>,
//              else the first <time datetime>
//   url        og:url, else <link rel="canonical">
//   metadata   "site_name" (og:site_name) and "lang" (<html lang>) as JSON strings
//   body       the main content container: the first element with itemprop="articleBody",
//              else the <article> with the most paragraph text, else the element whose <p>
//              children (plus half of its <p> grandchildren, for one-<p> wrappers) hold the
//              most text, else <body>. Inside it boilerplate is skipped:
//              nav, header, footer, aside, script, style, noscript, template, form, button,
//              iframe, svg, figure, figcaption, elements with hidden / aria-hidden="true" /
//              role=navigation|banner|complementary, and elements whose class or id has a word
//              listed in data/rules/html_noise.tsv (ad, share, social, related, comment, menu,
//              ...). Block elements (p, div, li, h2-h6, blockquote, br, ...) end a paragraph;
//              whitespace runs become one space; <h1> and paragraphs equal to the title or lead
//              are dropped.
// Document::text is composed as in compose.h, body paragraphs joined with "\n".
// Limits (html_dom.h): elements nested deeper than 256 end the parse with a warning; a page
// whose DOM outgrows 16 bytes per input byte + 16 MB, or with a tag of over 1000 attributes, is
// refused. Time and memory are linear in the page.
#ifndef SVODKA_ARTICLE_HTML_READER_H_
#define SVODKA_ARTICLE_HTML_READER_H_

#include <string_view>

#include "svodka/document.h"
#include "svodka/status.h"

namespace svodka {

// Builds a Document from an HTML page (valid UTF-8). The id is the stem of `name`.
Result<Document> ReadHtmlDocument(std::string_view html, std::string_view name);

}  // namespace svodka

#endif  // SVODKA_ARTICLE_HTML_READER_H_
