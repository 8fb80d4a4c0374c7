#include "cli/output.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli/commands.h"

namespace svodka::cli {

Output::Output() {
  struct stat st;
  const int fd = ::fileno(stdout);
  live_ = ::isatty(fd) || (::fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)));
}

bool Output::Flush() {
  if (failed_) {
    buf_.clear();
    return false;
  }
  errno = 0;
  const bool written =
      buf_.empty() || std::fwrite(buf_.data(), 1, buf_.size(), stdout) == buf_.size();
  buf_.clear();
  if (!written || std::fflush(stdout) != 0) {
    failed_ = true;
    ReportWriteError(errno);
  }
  return !failed_;
}

void ReportWriteError(int error_number) {
  static bool reported = false;
  SetExitCode(1);
  if (reported) return;
  reported = true;
  std::fprintf(stderr, "svodka: error writing standard output: %s\n",
               error_number ? std::strerror(error_number) : "write failed");
}

}  // namespace svodka::cli
