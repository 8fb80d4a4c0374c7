// Where the runtime finds data files it does not embed (the compiled dictionary "ru.dict").
#ifndef SVODKA_MORPH_DATA_PATH_H_
#define SVODKA_MORPH_DATA_PATH_H_

#include <string>
#include <string_view>

#include "svodka/status.h"

namespace svodka {

// Returns the path of data file `name`, searching in order:
//   1. explicit_dir, when not empty (e.g. from --data-dir);
//   2. $SVODKA_DATA_DIR;
//   3. the build tree's data directory (compile-time SVODKA_BUILD_DATA_DIR);
//   4. the source tree's data directory (compile-time SVODKA_SOURCE_DATA_DIR).
// A file is taken from the first directory where it exists as a regular file. kNotFound lists
// every directory tried.
Result<std::string> FindDataFile(std::string_view name, std::string_view explicit_dir = {});

}  // namespace svodka

#endif  // SVODKA_MORPH_DATA_PATH_H_
