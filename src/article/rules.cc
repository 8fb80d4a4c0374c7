#include "article/rules.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>

#include "article/text_util.h"
#include "base/embedded.h"

namespace svodka {

std::vector<std::vector<std::string_view>> ParseTsv(std::string_view data) {
  std::vector<std::vector<std::string_view>> rows;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields;
    size_t f = 0;
    for (;;) {
      size_t tab = line.find('\t', f);
      fields.push_back(line.substr(f, tab == std::string_view::npos ? line.npos : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

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
