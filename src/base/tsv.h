// Reading the rule tables (data/rules/*.tsv): one code path for every table.
//
// Format: UTF-8 lines; fields separated by TAB; a line starting with '#' is a comment; empty
// lines are skipped; a trailing CR is ignored (a CRLF file reads like an LF file).
//
// ReadTsv is the strict reader: each row is checked against the table's TsvSchema and the
// first malformed row is an error naming the table and the line ("data/rules/x.tsv:12: ..."),
// so that a bad edit of a table fails at load, and in the test that loads every committed
// table (tests/morph/rule_tables_test.cc), instead of silently dropping or misreading a rule.
// Every table is read through ReadTsv: the morphology's tables by src/morph/analyzer_rules,
// the tables compiled into the library through EmbeddedTable (base/embedded.h).
//
// Cost: linear in the size of the data; fields are views into it (no copies).
#ifndef SVODKA_BASE_TSV_H_
#define SVODKA_BASE_TSV_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "svodka/status.h"

namespace svodka {

// The shape every row of a table must have.
struct TsvSchema {
  size_t min_fields = 1;  // fields a row must have
  size_t max_fields = 1;  // fields a row may have (>= min_fields)
  size_t key_fields = 1;  // the first key_fields fields of a row are its key and must not
                          // repeat an earlier row's key; 0 = rows need not be unique
};

// One row of a table.
struct TsvRow {
  int line = 0;                          // 1-based line number in the table
  std::vector<std::string_view> fields;  // views into the table's data

  size_t size() const { return fields.size(); }
  std::string_view operator[](size_t i) const { return fields[i]; }
};

// The rows of `data`, the table called `name` in messages (e.g. "data/rules/x.tsv"); views
// into `data`, which must outlive them. InvalidArgument "NAME:LINE: what" on the first row
//   * with fewer than schema.min_fields or more than schema.max_fields fields;
//   * with an empty field (tables write "-" for "nothing"), or made only of whitespace;
//   * with whitespace at the start or end of a field (spaces, no-break spaces, a byte order
//     mark, a CR before the line end), a control character, or invalid UTF-8 in a field;
//   * whose key (first schema.key_fields fields) an earlier row already has (the message
//     names both lines).
Result<std::vector<TsvRow>> ReadTsv(std::string_view name, std::string_view data,
                                    const TsvSchema& schema);

}  // namespace svodka

#endif  // SVODKA_BASE_TSV_H_
