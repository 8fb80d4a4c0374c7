// Tokenizer for Russian and English news: splits text into word, number, punctuation, symbol,
// URL, e-mail and hashtag tokens, each a byte span into the original text.
//
// Conventions follow razdel (natasha/razdel), which mimics SynTagRus, OpenCorpora, GICRYA and
// RNC: letters and digits form separate tokens unless joined by a dash or "_" ("COVID-19",
// "что-то", "К_тому_же", "25-го"); numbers keep inner "." "," "/" ("2,5", "1/2", "20.03.2017");
// runs of . ? ! … stay together ("...", "?!"); "--" and "**" stay together; smileys (":)))")
// are one token; every other punctuation sign is its own token ("»." is two). Where razdel is
// silent or, we think, wrong, we choose: times "15:30" and sums "2+2" are one number,
// "O'Neil" is one word, letters glued to digits are one word ("HTML5", "3Com", "G20"),
// a domain zone after a space is one token (" .РФ"), "Lenta.ru" (word + "." + a top-level
// domain from data/rules/domains.tsv) is one token, mixed-script words ("Bлaдимир") are one
// word, emoji sequences (with ZWJ, variation selectors, skin tones, flag pairs) are one
// symbol, HTML character references left in scraped text ("&#39;", "&amp;") are one symbol.
//
// razdel's own conventions, where they differ from ours by design (URLs, e-mails, domains,
// clock times, "2+2" and apostrophes split into their pieces, a Latin/Cyrillic script change
// splitting a word), are only for scoring against razdel-made gold data: a pass over these
// tokens in the evaluation component (src/eval/razdel_scheme.h), not a mode of the tokenizer.
//
// Complexity: linear in the input; every byte is looked at a bounded number of times (the
// e-mail scan remembers how far a failed attempt reached so it is never repeated). Allocates
// nothing except by appending to the output vector.
#ifndef SVODKA_TEXT_TOKENIZER_H_
#define SVODKA_TEXT_TOKENIZER_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "svodka/document.h"

namespace svodka {

class Tokenizer {
 public:
  // Loads the embedded domains.tsv; immutable and thread-safe afterwards.
  Tokenizer();

  // Appends the tokens of text[range.begin, range.end) to *tokens (span and kind set, other
  // fields empty), in order, without overlaps; whitespace is never inside a token, and every
  // other character is inside one. No token depends on text outside the range.
  // Precondition: text is valid UTF-8 and range lies on character boundaries.
  void Tokenize(std::string_view text, Span range, std::vector<Token>* tokens) const;

 private:
  std::unordered_set<std::string> domains_;  // lower-case top-level domain labels
};

}  // namespace svodka

#endif  // SVODKA_TEXT_TOKENIZER_H_
