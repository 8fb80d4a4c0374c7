// Rule tables compiled into the library: every data/rules/*.tsv, embedded at build time by
// cmake/embed.cmake, so the runtime needs no data directory for its rules.
#ifndef SVODKA_BASE_EMBEDDED_H_
#define SVODKA_BASE_EMBEDDED_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "base/tsv.h"

namespace svodka {

struct EmbeddedEntry {
  std::string_view name;  // file name, e.g. "abbreviations.tsv"
  std::string_view data;  // its bytes
};

// The table (generated); *count receives its size.
const EmbeddedEntry* EmbeddedFiles(size_t* count);

// The bytes of data/rules/<name> as embedded at build time; empty when there is no such file.
std::string_view EmbeddedFile(std::string_view name);

// The rows of the embedded table data/rules/<name>, read by the one strict TSV reader
// (ReadTsv) with `schema`. The tables are part of the library and the suite loads every one of
// them (tests/morph/rule_tables_test.cc), so a missing or malformed table is a defect of the
// build, not of any input: it aborts with ReadTsv's message naming the table and the line.
std::vector<TsvRow> EmbeddedTable(std::string_view name, const TsvSchema& schema);

}  // namespace svodka

#endif  // SVODKA_BASE_EMBEDDED_H_
