#include "text/segmenter.h"

#include <algorithm>

namespace svodka {

Status Segmenter::Annotate(Document& doc, Scratch* scratch) const {
  doc.tokens.clear();
  doc.sentences.clear();
  doc.strings.Clear();
  doc.entities.clear();  // every later layer points into the tokens
  doc.objects.clear();
  doc.layers = 0;
  // The fields that hold text, in order of position.
  std::vector<Span> local;
  std::vector<Span>& fields = scratch ? scratch->For<std::vector<Span>>(this) : local;
  fields.clear();
  if (doc.title) fields.push_back(*doc.title);
  if (doc.lead) fields.push_back(*doc.lead);
  fields.insert(fields.end(), doc.paragraphs.begin(), doc.paragraphs.end());
  fields.insert(fields.end(), doc.related.begin(), doc.related.end());
  if (fields.empty() && !doc.text.empty())
    fields.push_back(Span{0, static_cast<uint32_t>(doc.text.size())});
  std::sort(fields.begin(), fields.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  uint32_t done = 0;  // fields never overlap in a well-formed document; skip any that would
  for (const Span& f : fields) {
    if (f.begin < done || f.empty()) continue;
    Segment(doc.text, f, &doc.tokens, &doc.sentences);
    done = f.end;
  }
  return Status::Ok();
}

void Segmenter::Segment(std::string_view text, Span range, std::vector<Token>* tokens,
                        std::vector<Span>* sentences) const {
  const size_t first = tokens->size();
  tokenizer_.Tokenize(text, range, tokens);
  splitter_.Split(text, tokens->data() + first, tokens->size() - first, sentences);
}

void Segmenter::SegmentInPieces(
    std::string_view text, Span range, size_t piece_bytes,
    const std::function<void(std::span<const Token>, std::span<const Span>)>& on_piece) const {
  std::vector<Token> tokens;
  std::vector<Span> sentences;
  // The next piece tokenizes from `context_begin` (the start of a token at most
  // kMaxLookBehind tokens before `start`) so that rules looking back see what they saw in one
  // call; its sentences start with the token that begins at `start`.
  size_t context_begin = range.begin, start = range.begin;
  while (start < range.end) {
    size_t size = std::max<size_t>(piece_bytes, 2 * kLookaheadBytes);
    for (;;) {
      size_t end = std::min<size_t>(range.end, start + size);
      while (end < range.end && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      tokens.clear();
      sentences.clear();
      tokenizer_.Tokenize(
          text, Span{static_cast<uint32_t>(context_begin), static_cast<uint32_t>(end)}, &tokens);
      size_t context = 0;
      while (context < tokens.size() && tokens[context].span.begin < start) ++context;
      splitter_.Split(text, tokens.data(), tokens.size(), &sentences, context);
      const std::span<const Token> own(tokens.data() + context, tokens.size() - context);
      if (end == range.end) {
        on_piece(own, sentences);
        return;
      }
      // Tokens [0, safe) are followed by kLookaheadTokens complete tokens that end
      // kLookaheadBytes before the piece does: their tokens and sentence ends are final.
      size_t complete = own.size();
      while (complete > 0 && own[complete - 1].span.end + kLookaheadBytes > end) --complete;
      const size_t safe = complete > kLookaheadTokens ? complete - kLookaheadTokens : 0;
      size_t keep = 0, keep_tokens = 0;
      while (keep < sentences.size() && keep_tokens < safe) {
        // The tokens of sentence `keep`; it is final when its last token is before `safe`.
        size_t t = keep_tokens;
        while (t < own.size() && own[t].span.end <= sentences[keep].end) ++t;
        if (t > safe) break;
        keep_tokens = t;
        ++keep;
      }
      if (keep > 0 && keep < sentences.size()) {
        on_piece(own.first(keep_tokens), std::span<const Span>(sentences.data(), keep));
        start = sentences[keep].begin;
        const size_t next_first = context + keep_tokens;  // index in `tokens` of `start`
        context_begin = tokens[next_first > SentenceSplitter::kMaxLookBehind
                                   ? next_first - SentenceSplitter::kMaxLookBehind
                                   : 0]
                            .span.begin;
        break;
      }
      size *= 2;  // no final sentence yet (one longer than the piece): look further
    }
  }
}

}  // namespace svodka
