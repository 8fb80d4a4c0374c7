// Shared by the article reader fuzzers: aborts when a Document breaks the span invariant
// (include/svodka/document.h): text valid UTF-8, every span inside the text and on code point
// boundaries, paragraphs in order.
#ifndef SVODKA_TESTS_FUZZ_ARTICLE_FUZZ_CHECK_H_
#define SVODKA_TESTS_FUZZ_ARTICLE_FUZZ_CHECK_H_

#include <cstdlib>
#include <string>

#include "base/utf8.h"
#include "svodka/document.h"

namespace svodka::fuzz {

inline void CheckSpan(const std::string& text, const Span& s) {
  auto boundary = [&](uint32_t b) {
    return b == text.size() || (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80;
  };
  if (s.begin > s.end || s.end > text.size() || !boundary(s.begin) || !boundary(s.end))
    std::abort();
}

inline void CheckDocument(const Document& d) {
  if (FindInvalidUtf8(d.text) != std::string::npos) std::abort();
  if (d.id.empty()) std::abort();
  if (d.title) CheckSpan(d.text, *d.title);
  if (d.lead) CheckSpan(d.text, *d.lead);
  if (d.dateline) {
    CheckSpan(d.text, d.dateline->span);
    if (d.dateline->span.empty()) std::abort();
  }
  uint32_t last = 0;
  for (const Span& p : d.paragraphs) {
    CheckSpan(d.text, p);
    if (p.empty() || p.begin < last) std::abort();
    last = p.end;
  }
  for (const Span& r : d.related) CheckSpan(d.text, r);
}

}  // namespace svodka::fuzz

#endif  // SVODKA_TESTS_FUZZ_ARTICLE_FUZZ_CHECK_H_
