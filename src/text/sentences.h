// Sentence splitting over the tokens of a text.
//
// A sentence ends
//  * at a line break ("\n", "\r\n", a lone "\r", "\v", "\f", U+0085 NEL, U+2028 LINE
//    SEPARATOR, U+2029 PARAGRAPH SEPARATOR; the two separators count as a blank line), always,
//    except inside a hard-wrapped paragraph: a single line break
//    (not a blank line) whose previous line does not end in . ? ! … (or those plus closing
//    quotes/brackets) and whose next line starts with a lower-case letter is read as a wrapped
//    line and joined. So headlines, datelines on their own line, list items and paragraphs
//    without final punctuation each end their sentence.
//  * before a list bullet (• ◦ ▪ ● ■ ‣ ⁃ ► ➢) that follows whitespace: "• Алжир • Ангола";
//  * after a run of . ? ! … (plus the closing quotes and brackets glued to it), unless what
//    follows shows the sentence goes on:
//      - a "." with a space before and a word glued after (" .РФ", " .NET");
//      - a lower-case word, or , ; : ) » next ("«Как так?!» — воскликнул он" is one sentence
//        via the next rule; "т. е. это" via this one);
//      - a dash followed by a lower-case word: the attribution of a quote
//        ("...?\" - спросил он");
//      - for a single ".": an abbreviation of kind `prefix` from data/rules/abbreviations.tsv
//        ("г. Москва", "проф. Иванов", "т. е."), unless it follows a number ("в 2016 г.
//        Россия" ends); an abbreviation of kind `tail` ("и т.д.") before a digit; an initial
//        (one upper-case letter, not after a number as in "10 G.") before an
//        upper-case word ("В. В. Путин", "С.Лавров");
//        a list number opening the sentence ("1. Михаил Саакашвили — 52 %");
//        a wire-story dateline, i.e. "." before "/" or after "/AGENCY/" ("ТОКИО, 20 марта.
//        /ТАСС/. Выработка ..." stays one sentence: the dateline is a prefix of the first
//        sentence, not a sentence a reader would quote).
//
// Complexity: linear in the number of tokens (abbreviation look-back is bounded).
#ifndef SVODKA_TEXT_SENTENCES_H_
#define SVODKA_TEXT_SENTENCES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "svodka/document.h"
#include "text/char_class.h"

namespace svodka {

class SentenceSplitter {
 public:
  SentenceSplitter();  // loads the embedded abbreviations.tsv; immutable afterwards

  // Appends to *sentences the sentences formed by tokens[0, n), which must be the tokens of
  // one stretch of `text` in order (as Tokenizer produced them). Each sentence spans from its
  // first token's begin to its last token's end (bytes). Every token is in exactly one
  // sentence.
  //
  // `context` tokens at the start are context only: they were split already (a sentence ends
  // just before tokens[context]); rules that look back (abbreviations, "after a number") may
  // read them, and sentences are appended from tokens[context] on.
  static constexpr size_t kMaxLookBehind = 24;  // tokens any rule reads before its position
  void Split(std::string_view text, const Token* tokens, size_t n, std::vector<Span>* sentences,
             size_t context = 0) const;

 private:
  enum class AbbrKind : uint8_t { kPrefix, kTail };
  bool GoesOn(std::string_view text, const Token* tokens, size_t n, size_t t, size_t j,
              size_t first) const;
  bool DotGoesOn(std::string_view text, const Token* tokens, size_t t, size_t first,
                 const Token& next, char32_t ncp, CharClass nc) const;
  // The abbreviation ending just before tokens[dot] (a "." token), if any.
  const AbbrKind* FindAbbreviation(std::string_view text, const Token* tokens, size_t dot) const;

  std::unordered_map<std::string, AbbrKind> abbreviations_;
  int max_parts_ = 1;
};

}  // namespace svodka

#endif  // SVODKA_TEXT_SENTENCES_H_
