// Segmentation: tokens and sentences of Russian and English news text in one call. This is the
// entry point the pipeline uses; Tokenizer and SentenceSplitter are its two halves (see their
// headers for the rules).
#ifndef SVODKA_TEXT_SEGMENTER_H_
#define SVODKA_TEXT_SEGMENTER_H_

#include <string_view>
#include <vector>

#include "svodka/document.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

namespace svodka {

class Segmenter {
 public:
  // Loads the embedded rule tables once; immutable and thread-safe afterwards.
  // `scheme` picks the token conventions (see tokenizer.h); the pipeline uses the default.
  explicit Segmenter(TokenScheme scheme = TokenScheme::kNews) : tokenizer_(scheme) {}

  // Tokenizes text[range.begin, range.end) and splits it into sentences, APPENDING tokens
  // (Token::span, Token::kind; byte offsets into `text`) and sentence spans (bytes, each from
  // its first token's begin to its last token's end; together they cover all new tokens).
  // Every line break ends a sentence except a single line break inside a hard-wrapped
  // paragraph (next line starts lower-case, previous line has no final punctuation).
  // Precondition: `text` is valid UTF-8 and range lies on character boundaries within it.
  // Linear time; allocates only by growing the two vectors.
  void Segment(std::string_view text, Span range, std::vector<Token>* tokens,
               std::vector<Span>* sentences) const;

  // The whole text.
  void Segment(std::string_view text, std::vector<Token>* tokens,
               std::vector<Span>* sentences) const {
    Segment(text, Span{0, static_cast<uint32_t>(text.size())}, tokens, sentences);
  }

  const Tokenizer& tokenizer() const { return tokenizer_; }

 private:
  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
};

}  // namespace svodka

#endif  // SVODKA_TEXT_SEGMENTER_H_
