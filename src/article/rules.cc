#include "article/rules.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>

#include "article/text_util.h"
#include "base/embedded.h"
#include "base/tsv.h"

namespace svodka {

namespace {

ArticleRules Load() {
  ArticleRules r;
  // The tables are part of the library; a missing one is a build error, not an input error.
  for (const auto& row : ParseTsv(EmbeddedFile("months.tsv"))) {
    if (row.size() < 2) continue;
    r.months.emplace(LowerUtf8(row[0]), std::atoi(std::string(row[1]).c_str()));
  }
  for (const auto& row : ParseTsv(EmbeddedFile("agencies.tsv"))) {
    if (row.size() < 2) continue;
    r.agencies.emplace_back(std::string(row[0]), std::string(row[1]));
  }
  std::stable_sort(r.agencies.begin(), r.agencies.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& row : ParseTsv(EmbeddedFile("place_particles.tsv")))
    r.place_particles.insert(LowerUtf8(row[0]));
  for (const auto& row : ParseTsv(EmbeddedFile("related_headings.tsv")))
    r.related_headings.push_back(LowerUtf8(row[0]));
  int rank = 0;
  for (const auto& row : ParseTsv(EmbeddedFile("json_fields.tsv"))) {
    if (row.size() < 2) continue;
    r.json_fields.emplace(std::string(row[0]), std::make_pair(std::string(row[1]), rank++));
  }
  for (const auto& row : ParseTsv(EmbeddedFile("html_noise.tsv"))) {
    std::string w = LowerUtf8(row[0]);
    r.html_noise_words.insert(w);
    if (row.size() > 1 && row[1] == "prefix") r.html_noise_prefixes.push_back(w);
  }
  assert(!r.months.empty() && !r.agencies.empty() && "data/rules tables were not embedded");
  return r;
}

}  // namespace

const ArticleRules& ArticleRules::Get() {
  static const ArticleRules* rules = new ArticleRules(Load());
  return *rules;
}

}  // namespace svodka
