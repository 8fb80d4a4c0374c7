#include "base/embedded.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace svodka {

std::string_view EmbeddedFile(std::string_view name) {
  size_t n = 0;
  const EmbeddedEntry* table = EmbeddedFiles(&n);
  for (size_t i = 0; i < n; ++i)
    if (table[i].name == name) return table[i].data;
  return {};
}

std::vector<TsvRow> EmbeddedTable(std::string_view name, const TsvSchema& schema) {
  const std::string path = "data/rules/" + std::string(name);
  const std::string_view data = EmbeddedFile(name);
  Result<std::vector<TsvRow>> rows = ReadTsv(path, data, schema);
  if (data.empty() || !rows.ok()) {
    std::fprintf(stderr, "svodka: embedded rule table %s: %s\n", path.c_str(),
                 data.empty() ? "missing" : rows.status().message().c_str());
    std::abort();
  }
  return std::move(rows).value();
}

}  // namespace svodka
