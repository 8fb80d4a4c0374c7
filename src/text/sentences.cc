#include "text/sentences.h"

#include <algorithm>

#include "base/embedded.h"
#include "base/tsv.h"
#include "text/scan.h"

namespace svodka {

using text_internal::ClassAt;

namespace {

std::string_view Slice(std::string_view text, const Token& t) {
  return text.substr(t.span.begin, t.span.end - t.span.begin);
}

CharClass FirstClass(std::string_view text, const Token& t, char32_t* cp) {
  size_t len;
  return ClassAt(CharClasses::Get(), text, t.span.begin, t.span.end, cp, &len);
}

bool IsTerminal(std::string_view text, const Token& t) {
  char32_t cp;
  return t.kind == TokenKind::kPunct && FirstClass(text, t, &cp) == kCcTerminal;
}

bool IsCloser(std::string_view text, const Token& t) {
  if (t.kind == TokenKind::kSymbol && t.span.size() >= 5 && text[t.span.begin] == '&') {
    // HTML references to quotes left in scraped text: &#39; &quot; &raquo; &rdquo;
    std::string_view s = text.substr(t.span.begin, t.span.size());
    return s == "&#39;" || s == "&quot;" || s == "&raquo;" || s == "&rdquo;" || s == "&#34;";
  }
  if (t.kind != TokenKind::kPunct) return false;
  char32_t cp;
  CharClass c = FirstClass(text, t, &cp);
  return c == kCcClose || cp == '"' || cp == '\'';
}

// Line breaks in text[b, e): 0, 1, or 2 meaning "two or more" (a blank line).
int LineBreaks(std::string_view text, size_t b, size_t e) {
  int n = 0;
  for (size_t i = b; i < e; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == 0x0B || c == 0x0C) {
      ++n;
    } else if (c == '\r') {
      ++n;
      if (i + 1 < e && text[i + 1] == '\n') ++i;
    } else if (c == 0xE2 && i + 2 < e && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
      n += 2;  // LINE/PARAGRAPH SEPARATOR: never a soft wrap
    } else if (c == 0xC2 && i + 1 < e && static_cast<unsigned char>(text[i + 1]) == 0x85) {
      ++n;
    }
    if (n >= 2) return 2;
  }
  return n;
}

// List bullets: "• Афганистан • Алжир" is a list of items, each its own sentence.
bool IsBullet(char32_t cp) {
  return cp == 0x2022 || cp == 0x25E6 || cp == 0x25AA || cp == 0x25CF || cp == 0x25A0 ||
         cp == 0x2023 || cp == 0x2043 || cp == 0x25BA || cp == 0x27A2 || cp == 0x25AB;
}

bool IsDash(std::string_view text, const Token& t) {
  char32_t cp;
  return t.kind == TokenKind::kPunct && FirstClass(text, t, &cp) == kCcHyphen;
}

}  // namespace

SentenceSplitter::SentenceSplitter() {
  for (const TsvRow& row : EmbeddedTable("abbreviations.tsv", {2, 2, 1})) {
    std::string form(row[0]);
    abbreviations_[form] = row[1] == "tail" ? AbbrKind::kTail : AbbrKind::kPrefix;
    max_parts_ =
        std::max<int>(max_parts_, 1 + static_cast<int>(std::count(form.begin(), form.end(), '.')));
  }
}

const SentenceSplitter::AbbrKind* SentenceSplitter::FindAbbreviation(std::string_view text,
                                                                     const Token* tokens,
                                                                     size_t dot) const {
  // Collect up to max_parts_ words of the form w1 . w2 . ... wk before tokens[dot], each
  // word glued to its following dot.
  size_t word_idx[8];
  int parts = 0;
  size_t i = dot;
  while (parts < max_parts_ && parts < 8 && i >= 1) {
    const Token& w = tokens[i - 1];
    if (w.kind != TokenKind::kWord || w.span.end != tokens[i].span.begin) break;
    if (w.span.size() > 24) break;
    word_idx[parts++] = i - 1;
    if (i < 3) break;
    const Token& d = tokens[i - 2];
    if (d.span.size() != 1 || text[d.span.begin] != '.' || d.span.end + 1 < w.span.begin) break;
    i -= 2;
  }
  std::string key;
  const CharClasses& cc = CharClasses::Get();
  // Longest match first.
  for (int k = parts; k >= 1; --k) {
    key.clear();
    for (int j = k - 1; j >= 0; --j) {
      text_internal::AppendLower(cc, Slice(text, tokens[word_idx[j]]), &key);
      if (j) key.push_back('.');
    }
    auto it = abbreviations_.find(key);
    if (it != abbreviations_.end()) return &it->second;
  }
  return nullptr;
}

// Look-behind of the rules below, bounded by kMaxLookBehind (24 tokens): an abbreviation reads
// at most 8 words with their dots (16 tokens), "after a number" at most 9 tokens, the initial
// and dateline rules 3. Segmenter::SegmentInPieces relies on this bound.

// After a single "." at tokens[t] (the sentence began at tokens[first]), whether the word
// before it makes the dot part of the sentence: a dateline ("20 марта. /ТАСС/.", "/ТАСС/.
// Выработка"), an initial ("В. В. Путин", "С.Лавров"), a list number opening the sentence
// ("1. Михаил Саакашвили"), or an abbreviation ("г. Москва", "и т.д. 5") — not after a number
// ("в 2016 г. Россия" ends).
bool SentenceSplitter::DotGoesOn(std::string_view text, const Token* tokens, size_t t, size_t first,
                                 const Token& next, char32_t ncp, CharClass nc) const {
  if (ncp == '/' && next.kind == TokenKind::kPunct) return true;  // "20 марта. /ТАСС/."
  auto is_slash = [&](size_t k) {
    return tokens[k].kind == TokenKind::kPunct && text[tokens[k].span.begin] == '/';
  };
  if (t >= 3 && is_slash(t - 1) && is_slash(t - 3)) return true;  // "/ТАСС/. Выработка"
  if (t < 1) return false;
  const Token& prev = tokens[t - 1];
  char32_t pcp;
  size_t plen;
  if (prev.kind == TokenKind::kWord && prev.span.end == tokens[t].span.begin &&
      ClassAt(CharClasses::Get(), text, prev.span.begin, prev.span.end, &pcp, &plen) == kCcUpper &&
      plen == prev.span.size() && nc == kCcUpper &&
      !(t >= 2 && tokens[t - 2].kind == TokenKind::kNumber)) {
    return true;  // an initial: "В. В. Путин", "С.Лавров"
  }
  if (prev.kind == TokenKind::kNumber && t - 1 == first) return true;  // "1. Михаил ..."
  const AbbrKind* abbr = FindAbbreviation(text, tokens, t);
  if (abbr == nullptr) return false;
  // Which word started the abbreviation: for "after a number" look before it.
  size_t w = t - 1;
  while (w >= 2 && tokens[w - 1].span.size() == 1 && text[tokens[w - 1].span.begin] == '.' &&
         tokens[w - 2].kind == TokenKind::kWord && t - w < 8) {
    w -= 2;
  }
  const bool after_number = w >= 1 && tokens[w - 1].kind == TokenKind::kNumber;
  return (*abbr == AbbrKind::kPrefix && !after_number) || nc == kCcDigit;
}

// After a run of terminals tokens[t..j] followed, on the same line, by tokens[j + 1]: whether
// the sentence goes on (see the header for the rules).
bool SentenceSplitter::GoesOn(std::string_view text, const Token* tokens, size_t n, size_t t,
                              size_t j, size_t first) const {
  const Token& next = tokens[j + 1];
  char32_t ncp;
  const CharClass nc = FirstClass(text, next, &ncp);
  if (nc == kCcLower) return true;
  if (j == t && tokens[t].span.end == next.span.begin && t > 0 &&
      tokens[t - 1].span.end < tokens[t].span.begin) {
    return true;  // " .РФ", " .NET": a dot glued to the next word, not to the last
  }
  if (IsBullet(ncp)) return false;
  if (next.kind == TokenKind::kPunct && (ncp == ',' || ncp == ';' || ncp == ':' || nc == kCcClose))
    return true;
  if (IsDash(text, next)) {  // "...?\" - спросил он": an attribution
    char32_t c2;
    return j + 2 < n && FirstClass(text, tokens[j + 2], &c2) == kCcLower;
  }
  if (tokens[t].span.size() == 1 && text[tokens[t].span.begin] == '.' && j == t)
    return DotGoesOn(text, tokens, t, first, next, ncp, nc);
  return false;
}

void SentenceSplitter::Split(std::string_view text, const Token* tokens, size_t n,
                             std::vector<Span>* sentences, size_t context) const {
  if (n <= context) return;
  size_t first = context;
  auto emit = [&](size_t last) {
    sentences->push_back(Span{tokens[first].span.begin, tokens[last].span.end});
    first = last + 1;
  };
  for (size_t i = context; i < n; ++i) {
    if (IsTerminal(text, tokens[i])) {
      size_t j = i;
      // Glued closers and further terminals belong to this end: "?»." "!)" ".»".
      while (j + 1 < n && tokens[j + 1].span.begin == tokens[j].span.end &&
             (IsCloser(text, tokens[j + 1]) || IsTerminal(text, tokens[j + 1]))) {
        ++j;
      }
      const size_t t = i;
      i = j;
      if (j + 1 == n) break;
      if (LineBreaks(text, tokens[j].span.end, tokens[j + 1].span.begin) > 0 ||
          !GoesOn(text, tokens, n, t, j, first)) {
        emit(j);
      }
      continue;
    }
    if (i + 1 < n) {
      const int breaks = LineBreaks(text, tokens[i].span.end, tokens[i + 1].span.begin);
      if (breaks == 0) {  // a bullet after a space starts a sentence: "• Алжир • Ангола"
        char32_t bcp;
        FirstClass(text, tokens[i + 1], &bcp);
        if (IsBullet(bcp) && tokens[i + 1].span.begin > tokens[i].span.end) emit(i);
        continue;
      }
      char32_t ncp;
      if (breaks == 1 && FirstClass(text, tokens[i + 1], &ncp) == kCcLower &&
          !IsCloser(text, tokens[i])) {
        continue;  // a hard-wrapped line goes on
      }
      emit(i);
    }
  }
  if (first < n) emit(n - 1);
}

}  // namespace svodka
