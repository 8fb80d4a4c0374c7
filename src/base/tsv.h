// Reading the rule tables (data/rules/*.tsv): one code path for every table.
//
// Format: UTF-8 lines; fields separated by TAB; a line starting with '#' is a comment; blank
// lines are skipped; a trailing CR is ignored.
#ifndef SVODKA_BASE_TSV_H_
#define SVODKA_BASE_TSV_H_

#include <string_view>
#include <vector>

namespace svodka {

// The rows of a table, each as its fields (views into `data`, which must outlive them).
std::vector<std::vector<std::string_view>> ParseTsv(std::string_view data);

}  // namespace svodka

#endif  // SVODKA_BASE_TSV_H_
