#include "text/segmenter.h"

namespace svodka {

void Segmenter::Segment(std::string_view text, Span range, std::vector<Token>* tokens,
                        std::vector<Span>* sentences) const {
  const size_t first = tokens->size();
  tokenizer_.Tokenize(text, range, tokens);
  splitter_.Split(text, tokens->data() + first, tokens->size() - first, sentences);
}

}  // namespace svodka
