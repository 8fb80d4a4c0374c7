// Segmenter::SegmentInPieces against one Segment call over the whole text: the same tokens and
// sentences, whatever the piece size, on texts built to put tricky decisions (abbreviations,
// initials, quotes with attributions, numbers, URLs, wrapped lines, long sentences and tokens)
// near piece boundaries.
#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "test_util.h"

namespace svodka {
namespace {

std::string RandomText(std::mt19937* rng, size_t bytes) {
  static const char* const kUnits[] = {
      "Лавров",
      "заявил",
      "что",
      "в",
      "г.",
      "Москве",
      "т. е.",
      "проф.",
      "Иванов",
      "В. В.",
      "Путин",
      "1 000",
      "15:30",
      "2+2",
      "http://tass.ru/a?b=1.",
      "www.example.ru",
      "e-mail",
      "mail@site.ru",
      "«Да?!»",
      "— сказал он.",
      ".",
      "!",
      "?",
      "...",
      ",",
      "Он",
      "сказал",
      "\n",
      "\n\n",
      "в 2016 г.",
      "Россия",
      "1.",
      "США",
      "и т.д.",
      "(",
      ")",
      "№ 5",
      "ТОКИО, 20 марта. /ТАСС/.",
      "• пункт",
      "- Кисида заявил",
      "слово",
      "слово",
      "слово",
      "Конец.",
      "конец",
  };
  std::uniform_int_distribution<size_t> pick(0, std::size(kUnits) - 1);
  std::uniform_int_distribution<int> odd(0, 499);
  std::string text;
  while (text.size() < bytes) {
    const int r = odd(*rng);
    if (r == 0) {
      text += std::string(700, 'x');  // a token longer than a small piece
    } else if (r == 1) {
      for (int k = 0; k < 300; ++k) text += "слово ";  // a long sentence
    } else {
      text += kUnits[pick(*rng)];
    }
    text += ' ';
  }
  return text;
}

TEST(Segmenter, PiecesGiveTheSameResultAsOneCall) {
  const Segmenter& seg = testing_text::TheSegmenter();
  std::mt19937 rng(12345);
  for (int round = 0; round < 30; ++round) {
    const std::string text = RandomText(&rng, 20000 + 3000 * round);
    std::vector<Token> whole_tokens;
    std::vector<Span> whole_sentences;
    seg.Segment(text, &whole_tokens, &whole_sentences);
    for (size_t piece : {size_t{1}, size_t{600}, size_t{1500}, size_t{7000}}) {
      std::vector<Span> tokens, sentences;
      seg.SegmentInPieces(text, Span{0, static_cast<uint32_t>(text.size())}, piece,
                          [&](std::span<const Token> t, std::span<const Span> s) {
                            for (const Token& tok : t) tokens.push_back(tok.span);
                            sentences.insert(sentences.end(), s.begin(), s.end());
                          });
      ASSERT_EQ(tokens.size(), whole_tokens.size()) << "round " << round << " piece " << piece;
      for (size_t i = 0; i < tokens.size(); ++i)
        ASSERT_EQ(tokens[i], whole_tokens[i].span) << "round " << round << " token " << i;
      for (size_t i = 0; i < std::min(sentences.size(), whole_sentences.size()); ++i) {
        ASSERT_EQ(sentences[i], whole_sentences[i])
            << "round " << round << " piece " << piece << " sentence " << i << ": ["
            << text.substr(sentences[i].begin, sentences[i].size()) << "] vs ["
            << text.substr(whole_sentences[i].begin, whole_sentences[i].size()) << "]";
      }
      ASSERT_EQ(sentences.size(), whole_sentences.size())
          << "round " << round << " piece " << piece;
    }
  }
}

TEST(Segmenter, PiecesOfAnEmptyOrBlankRange) {
  const Segmenter& seg = testing_text::TheSegmenter();
  const std::string text(5000, ' ');
  int calls = 0;
  size_t tokens = 0;
  seg.SegmentInPieces(text, Span{0, 5000}, 600,
                      [&](std::span<const Token> t, std::span<const Span>) {
                        ++calls;
                        tokens += t.size();
                      });
  EXPECT_EQ(tokens, 0u);
  EXPECT_LE(calls, 1);
}

}  // namespace
}  // namespace svodka
