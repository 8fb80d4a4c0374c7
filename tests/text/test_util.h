// Helpers shared by the text tests.
#ifndef SVODKA_TESTS_TEXT_TEST_UTIL_H_
#define SVODKA_TESTS_TEXT_TEST_UTIL_H_

#include <string>
#include <vector>

#include "text/segmenter.h"

namespace svodka::testing_text {

inline const Segmenter& TheSegmenter() {
  static const Segmenter* const kSeg = new Segmenter();
  return *kSeg;
}

inline std::vector<std::string> Tokens(const std::string& text) {
  std::vector<Token> tokens;
  std::vector<Span> sentences;
  TheSegmenter().Segment(text, &tokens, &sentences);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(text.substr(t.span.begin, t.span.size()));
  return out;
}

inline std::vector<std::string> Sentences(const std::string& text) {
  std::vector<Token> tokens;
  std::vector<Span> sentences;
  TheSegmenter().Segment(text, &tokens, &sentences);
  std::vector<std::string> out;
  for (const Span& s : sentences) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

}  // namespace svodka::testing_text

#endif  // SVODKA_TESTS_TEXT_TEST_UTIL_H_
