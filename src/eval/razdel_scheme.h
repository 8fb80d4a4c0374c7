// razdel's token conventions (natasha/razdel) as a pass over the news tokenizer's output, to
// score against razdel-made gold data (`svodka eval segment --scheme razdel`); the pipeline
// never uses it.
//
// razdel splits what our news conventions (tokenizer.h) keep whole: URLs, e-mail addresses,
// hashtags, domains ("Lenta.ru", " .РФ") and HTML character references fall into their
// pieces; clock times ("15:30") and sums ("2+2") into digits and signs; "O'Neil" into "O" "'"
// "Neil"; letters glued to digits ("HTML5") into letters and digits; and a change between
// Latin and Cyrillic script inside a letter run splits it ("Bлaдимир" with a Latin B and a
// is "B" "л" "a" "димир"). Signs — smileys, runs of "." "?" "!" "-" "*", emoji sequences,
// single signs — are the same in both schemes (text_internal::SignEnd).
//
// The pass keeps each news token that razdel gives unchanged (every sign except the news-only
// shapes) and re-scans the others with razdel's rules. A razdel token can run past the news
// token it starts in (news "Lenta.ru" "‐" "x" is razdel "Lenta" "." "ru‐x"): the news tokens
// it covers are dropped and the scan goes on inside the last one. News tokens cover every
// character but whitespace, and razdel's rules never look before a token's start, so the
// result is exactly what a razdel tokenizer scanning the whole range would give.
#ifndef SVODKA_EVAL_RAZDEL_SCHEME_H_
#define SVODKA_EVAL_RAZDEL_SCHEME_H_

#include <span>
#include <string_view>
#include <vector>

#include "svodka/document.h"

namespace svodka {

// Appends to *out (span and kind set, other fields empty) the razdel-scheme tokens of the
// stretch text[b, text.size()) that news_tokens cover: `text` ends where the tokenized range
// ended, as razdel's rules, like ours, never look past it. news_tokens are what Tokenizer
// (scheme kNews) gave for that range or, more generally, tokens in order that cover every
// character of it but whitespace, where each token of kind kPunct, kOther or kSymbol not
// starting with "&" is one sign as text_internal::SignEnd scans it (such tokens are kept; all
// others are re-scanned). Linear time; allocates only by appending to *out.
void AppendRazdelTokens(std::string_view text, std::span<const Token> news_tokens,
                        std::vector<Token>* out);

inline std::vector<Token> ToRazdelTokens(std::string_view text,
                                         std::span<const Token> news_tokens) {
  std::vector<Token> out;
  AppendRazdelTokens(text, news_tokens, &out);
  return out;
}

}  // namespace svodka

#endif  // SVODKA_EVAL_RAZDEL_SCHEME_H_
