#include "morph/data_path.h"

#include <sys/stat.h>

#include <cstdlib>
#include <vector>

namespace svodka {

Result<std::string> FindDataFile(std::string_view name, std::string_view explicit_dir) {
  std::vector<std::string> dirs;
  if (!explicit_dir.empty()) dirs.emplace_back(explicit_dir);
  if (const char* env = std::getenv("SVODKA_DATA_DIR"); env != nullptr && *env != '\0') {
    dirs.emplace_back(env);
  }
#ifdef SVODKA_BUILD_DATA_DIR
  dirs.emplace_back(SVODKA_BUILD_DATA_DIR);
#endif
#ifdef SVODKA_SOURCE_DATA_DIR
  dirs.emplace_back(SVODKA_SOURCE_DATA_DIR);
#endif
  std::string tried;
  for (const std::string& dir : dirs) {
    std::string path = dir;
    if (!path.empty() && path.back() != '/') path += '/';
    path += name;
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return path;
    if (!tried.empty()) tried += ", ";
    tried += dir;
  }
  return NotFound("data file '" + std::string(name) +
                  "' not found in: " + (tried.empty() ? std::string("(no directories)") : tried) +
                  " (set SVODKA_DATA_DIR or build with -DSVODKA_BUILD_DICT=ON)");
}

}  // namespace svodka
