// Rule tables compiled into the library: every data/rules/*.tsv, embedded at build time by
// cmake/embed.cmake, so the runtime needs no data directory for its rules.
#ifndef SVODKA_BASE_EMBEDDED_H_
#define SVODKA_BASE_EMBEDDED_H_

#include <cstddef>
#include <string_view>

namespace svodka {

struct EmbeddedEntry {
  std::string_view name;  // file name, e.g. "abbreviations.tsv"
  std::string_view data;  // its bytes
};

// The table (generated); *count receives its size.
const EmbeddedEntry* EmbeddedFiles(size_t* count);

// The bytes of data/rules/<name> as embedded at build time; empty when there is no such file.
std::string_view EmbeddedFile(std::string_view name);

}  // namespace svodka

#endif  // SVODKA_BASE_EMBEDDED_H_
