// The quality floors of tests/eval/floors.tsv (the one table that tools/eval-all.sh and these
// tests read), for the evaluation tests.
#ifndef SVODKA_TESTS_EVAL_FLOORS_H_
#define SVODKA_TESTS_EVAL_FLOORS_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/file.h"
#include "base/tsv.h"

namespace svodka::testing_eval {

struct Floor {
  std::string eval, corpus, flags, metric, op;
  double limit = 0;
  // Whether `value` meets the floor.
  bool Met(double value) const { return op == "<=" ? value <= limit : value >= limit; }
};

// The rows of floors.tsv for one command and corpus, read by the strict TSV reader; empty
// (and the caller's expectations fail) when the table cannot be read.
inline std::vector<Floor> FloorsFor(const std::string& eval, const std::string& corpus) {
  std::vector<Floor> out;
  Result<std::string> table = ReadFile(SVODKA_TEST_SRCDIR "/tests/eval/floors.tsv");
  if (!table.ok()) return out;
  Result<std::vector<TsvRow>> rows = ReadTsv("tests/eval/floors.tsv", *table, {6, 6, 4});
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (!rows.ok()) return out;
  for (const TsvRow& row : *rows) {
    if (row[0] != eval || row[1] != corpus) continue;
    out.push_back({std::string(row[0]), std::string(row[1]), std::string(row[2]),
                   std::string(row[3]), std::string(row[4]), std::stod(std::string(row[5]))});
  }
  return out;
}

}  // namespace svodka::testing_eval

#endif  // SVODKA_TESTS_EVAL_FLOORS_H_
