// Segmentation: tokens and sentences of Russian and English news text. The pipeline's first
// stage (Annotate); Tokenizer and SentenceSplitter are its two halves (see their headers for
// the rules).
#ifndef SVODKA_TEXT_SEGMENTER_H_
#define SVODKA_TEXT_SEGMENTER_H_

#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "svodka/document.h"
#include "svodka/stage.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

namespace svodka {

class Segmenter : public Stage {
 public:
  // Loads the embedded rule tables once; immutable and thread-safe afterwards.
  Segmenter() = default;

  std::string_view name() const override { return "segment"; }
  // The stage: replaces doc.tokens and doc.sentences, and clears every layer that points into
  // the tokens (doc.strings with their morphology, entities, objects, doc.layers). Each title,
  // lead, paragraph and related headline is segmented on its own, so none of them runs into the
  // next; text outside those fields (blank lines) has no tokens. A document without any of them is
  // segmented whole. Always OK.
  Status Annotate(Document& doc, Scratch* scratch) const override;

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

  // The same result as Segment(text, range, ...), delivered a piece at a time so that a long
  // text never holds all its tokens: on_piece receives each piece's tokens and sentences (byte
  // spans into text, in order; concatenated they equal what Segment appends). A piece is
  // about piece_bytes long. Of each piece only the sentences followed by enough complete
  // tokens (kLookaheadTokens, and kLookaheadBytes before the piece's end) are delivered — no
  // tokenizer or splitter decision looks further ahead — and the next piece starts where the
  // first undelivered sentence begins. A piece with no such sentence (a sentence or a token
  // longer than the piece) is doubled until it has one or reaches the end: nothing is ever cut,
  // and memory grows with the longest sentence, not with the text.
  static constexpr size_t kLookaheadTokens = 8;
  static constexpr size_t kLookaheadBytes = 256;
  void SegmentInPieces(
      std::string_view text, Span range, size_t piece_bytes,
      const std::function<void(std::span<const Token>, std::span<const Span>)>& on_piece) const;

  const Tokenizer& tokenizer() const { return tokenizer_; }

 private:
  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
};

}  // namespace svodka

#endif  // SVODKA_TEXT_SEGMENTER_H_
