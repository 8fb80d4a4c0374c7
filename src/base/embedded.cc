#include "base/embedded.h"

namespace svodka {

std::string_view EmbeddedFile(std::string_view name) {
  size_t n = 0;
  const EmbeddedEntry* table = EmbeddedFiles(&n);
  for (size_t i = 0; i < n; ++i)
    if (table[i].name == name) return table[i].data;
  return {};
}

}  // namespace svodka
