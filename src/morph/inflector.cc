#include "morph/inflector.h"

#include <vector>

namespace svodka {

std::optional<std::string> InflectWord(const Analyzer& analyzer, std::string_view word,
                                       std::string_view grammemes) {
  auto want = analyzer.ParseGrammemes(grammemes);
  if (!want) return std::nullopt;
  std::vector<MorphParse> parses;
  analyzer.Analyze(word, &parses);
  for (const MorphParse& p : parses) {
    if (auto form = analyzer.Inflect(word, p, *want)) return form;
  }
  return std::nullopt;
}

}  // namespace svodka
