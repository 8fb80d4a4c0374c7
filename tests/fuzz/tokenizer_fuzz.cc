// libFuzzer target: segmentation and normalization of arbitrary bytes, repaired to valid UTF-8
// first as every reader does. Checks the output invariants: tokens are in order, non-empty,
// inside the range, and sentences cover the tokens in order; that segmenting in small pieces
// (Segmenter::SegmentInPieces) gives exactly the same result; and that razdel's token
// conventions (the evaluation's pass over our tokens) keep tokens in order and in range.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "eval/razdel_scheme.h"
#include "text/normalize.h"
#include "text/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const svodka::Segmenter* seg = new svodka::Segmenter();
  std::string text(reinterpret_cast<const char*>(data), size);
  svodka::RepairUtf8(&text);
  {
    std::vector<svodka::Token> tokens;
    std::vector<svodka::Span> sentences;
    seg->Segment(text, &tokens, &sentences);
    uint32_t prev = 0;
    for (const svodka::Token& t : tokens) {
      if (t.span.begin < prev || t.span.end <= t.span.begin || t.span.end > text.size()) abort();
      prev = t.span.end;
    }
    size_t k = 0;
    for (const svodka::Span& s : sentences) {
      if (k >= tokens.size() || tokens[k].span.begin != s.begin) abort();
      while (k < tokens.size() && tokens[k].span.end <= s.end) ++k;
      if (tokens[k - 1].span.end != s.end) abort();
    }
    if (k != tokens.size()) abort();
    // In pieces (as `svodka segment` does on long texts), exactly the same result.
    std::vector<svodka::Span> piece_tokens, piece_sentences;
    seg->SegmentInPieces(text, svodka::Span{0, static_cast<uint32_t>(text.size())}, 64,
                         [&](std::span<const svodka::Token> t, std::span<const svodka::Span> s) {
                           for (const svodka::Token& tok : t) piece_tokens.push_back(tok.span);
                           piece_sentences.insert(piece_sentences.end(), s.begin(), s.end());
                         });
    if (piece_tokens.size() != tokens.size() || piece_sentences != sentences) abort();
    for (size_t i = 0; i < tokens.size(); ++i)
      if (piece_tokens[i] != tokens[i].span) abort();
    prev = 0;
    for (const svodka::Token& t : svodka::ToRazdelTokens(text, tokens)) {
      if (t.span.begin < prev || t.span.end <= t.span.begin || t.span.end > text.size()) abort();
      prev = t.span.end;
    }
  }
  svodka::NormalizedText n = svodka::Normalize(text);
  if (n.to_original.size() != n.text.size() + 1) abort();
  return 0;
}
