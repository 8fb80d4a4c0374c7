// Inflection lives in the Analyzer (Analyzer::Inflect, Analyzer::Lexeme; analyzer.h), which
// owns the dictionary and the tag table. This header gives the free-function spelling used by
// normalizers ("Фумио Кисидой" -> "Фумио Кисида").
#ifndef SVODKA_MORPH_INFLECTOR_H_
#define SVODKA_MORPH_INFLECTOR_H_

#include <optional>
#include <string>
#include <string_view>

#include "morph/analyzer.h"

namespace svodka {

// The form of the most likely parse of `word` whose lexeme has a form with the grammemes
// named in `grammemes` ("nomn" or "nomn,sing"); nullopt when no parse can be inflected.
// Example: InflectWord(a, "Министерства", "nomn,sing") == "Министерство".
std::optional<std::string> InflectWord(const Analyzer& analyzer, std::string_view word,
                                       std::string_view grammemes);

}  // namespace svodka

#endif  // SVODKA_MORPH_INFLECTOR_H_
