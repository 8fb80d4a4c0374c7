// The rule tables of src/article (data/rules/*.tsv, embedded into the library): month names,
// news agencies, place-name particles, "related" headings, JSON field aliases and the class/id
// words that mark HTML boilerplate. Loaded once, on first use, from EmbeddedFile().
//
// Thread-safety: ArticleRules::Get() is safe to call from any thread (a function-local static);
// the returned tables are immutable.
#ifndef SVODKA_ARTICLE_RULES_H_
#define SVODKA_ARTICLE_RULES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/tsv.h"

namespace svodka {

struct ArticleRules {
  // Lower-case month form ("марта", "mar") -> 1..12.
  std::unordered_map<std::string, int> months;
  // (form as written, canonical name), longest form first so a scan takes the longest match.
  std::vector<std::pair<std::string, std::string>> agencies;
  // Lower-case words kept in lower case inside place names ("на" in "Ростов-на-Дону").
  std::unordered_set<std::string> place_particles;
  // Lower-case headings that open a related-headlines block ("читайте также").
  std::vector<std::string> related_headings;
  // JSON field name -> (Document field, rank); a lower rank wins among names of one field.
  std::unordered_map<std::string, std::pair<std::string, int>> json_fields;
  // Lower-case class/id words marking HTML boilerplate; `prefix` words also match as prefixes.
  std::unordered_set<std::string> html_noise_words;
  std::vector<std::string> html_noise_prefixes;

  static const ArticleRules& Get();
};

}  // namespace svodka

#endif  // SVODKA_ARTICLE_RULES_H_
