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
  for (const auto& row : ParseTsv(EmbeddedFile("abbreviations.tsv"))) {
    if (row.size() < 2) continue;
    std::string form(row[0]);
    abbreviations_[form] = row[1] == "tail" ? AbbrKind::kTail : AbbrKind::kPrefix;
    max_parts_ = std::max<int>(max_parts_, 1 + static_cast<int>(std::count(form.begin(), form.end(), '.')));
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
      size_t t = i;
      i = j;
      if (j + 1 == n) break;
      if (LineBreaks(text, tokens[j].span.end, tokens[j + 1].span.begin) > 0) {
        emit(j);
        continue;
      }
      // Decide whether the sentence goes on.
      const Token& next = tokens[j + 1];
      char32_t ncp;
      CharClass nc = FirstClass(text, next, &ncp);
      bool split = true;
      if (nc == kCcLower) {
        split = false;
      } else if (j == t && tokens[t].span.end == next.span.begin && t > 0 &&
                 tokens[t - 1].span.end < tokens[t].span.begin) {
        split = false;  // " .РФ", " .NET": a dot glued to the next word, not to the last
      } else if (IsBullet(ncp)) {
        split = true;
      } else if (next.kind == TokenKind::kPunct &&
                 (ncp == ',' || ncp == ';' || ncp == ':' || nc == kCcClose)) {
        split = false;
      } else if (IsDash(text, next)) {
        if (j + 2 < n) {
          char32_t c2;
          if (FirstClass(text, tokens[j + 2], &c2) == kCcLower) split = false;
        }
      } else if (tokens[t].span.size() == 1 && text[tokens[t].span.begin] == '.' && j == t) {
        if (ncp == '/' && next.kind == TokenKind::kPunct) {
          split = false;  // "20 марта. /ТАСС/."
        } else if (t >= 3 && tokens[t - 1].kind == TokenKind::kPunct &&
                   text[tokens[t - 1].span.begin] == '/' &&
                   tokens[t - 3].kind == TokenKind::kPunct &&
                   text[tokens[t - 3].span.begin] == '/') {
          split = false;  // "/ТАСС/. Выработка"
        } else if (t >= 1) {
          const Token& prev = tokens[t - 1];
          char32_t pcp;
          size_t plen;
          const AbbrKind* abbr = nullptr;
          if (prev.kind == TokenKind::kWord && prev.span.end == tokens[t].span.begin &&
              ClassAt(CharClasses::Get(), text, prev.span.begin, prev.span.end, &pcp, &plen) ==
                  kCcUpper &&
              plen == prev.span.size() && nc == kCcUpper &&
              !(t >= 2 && tokens[t - 2].kind == TokenKind::kNumber)) {
            split = false;  // an initial: "В. В. Путин", "С.Лавров"
          } else if (prev.kind == TokenKind::kNumber && t - 1 == first) {
            split = false;  // a list number opening the sentence: "1. Михаил Саакашвили"
          } else if ((abbr = FindAbbreviation(text, tokens, t)) != nullptr) {
            // Which word started the abbreviation: for "after a number" look before it.
            bool after_number = false;
            size_t w = t - 1;
            while (w >= 2 && tokens[w - 1].span.size() == 1 &&
                   text[tokens[w - 1].span.begin] == '.' &&
                   tokens[w - 2].kind == TokenKind::kWord && t - w < 8) {
              w -= 2;
            }
            if (w >= 1 && tokens[w - 1].kind == TokenKind::kNumber) after_number = true;
            if (*abbr == AbbrKind::kPrefix && !after_number) {
              split = false;
            } else if (nc == kCcDigit) {
              split = false;
            }
          }
        }
      }
      if (split) emit(j);
      continue;
    }
    if (i + 1 < n) {
      int breaks = LineBreaks(text, tokens[i].span.end, tokens[i + 1].span.begin);
      if (breaks == 0) {
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
