#include "article/rules.h"

#include <algorithm>
#include <cstdlib>

#include "article/text_util.h"
#include "base/embedded.h"
#include "base/tsv.h"

namespace svodka {

namespace {

// The tables are part of the library (base/embedded.h): a malformed one is a build defect.
ArticleRules Load() {
  ArticleRules r;
  for (const TsvRow& row : EmbeddedTable("months.tsv", {2, 2, 1}))
    r.months.emplace(LowerUtf8(row[0]), std::atoi(std::string(row[1]).c_str()));
  for (const TsvRow& row : EmbeddedTable("agencies.tsv", {2, 2, 1}))
    r.agencies.emplace_back(std::string(row[0]), std::string(row[1]));
  std::stable_sort(r.agencies.begin(), r.agencies.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const TsvRow& row : EmbeddedTable("place_particles.tsv", {1, 1, 1}))
    r.place_particles.insert(LowerUtf8(row[0]));
  for (const TsvRow& row : EmbeddedTable("related_headings.tsv", {1, 1, 1}))
    r.related_headings.push_back(LowerUtf8(row[0]));
  int rank = 0;
  for (const TsvRow& row : EmbeddedTable("json_fields.tsv", {2, 2, 1}))
    r.json_fields.emplace(std::string(row[0]), std::make_pair(std::string(row[1]), rank++));
  for (const TsvRow& row : EmbeddedTable("html_noise.tsv", {2, 2, 1})) {
    std::string w = LowerUtf8(row[0]);
    r.html_noise_words.insert(w);
    if (row[1] == "prefix") r.html_noise_prefixes.push_back(w);
  }
  return r;
}

}  // namespace

const ArticleRules& ArticleRules::Get() {
  static const ArticleRules* rules = new ArticleRules(Load());
  return *rules;
}

}  // namespace svodka
