// Buffered standard output for the commands: output accumulates in one string and is written
// with fwrite in blocks of about 1 MB, and at the end. Flush before writing to stderr so that
// messages and output interleave in order on a terminal.
#ifndef SVODKA_CLI_OUTPUT_H_
#define SVODKA_CLI_OUTPUT_H_

#include <cstdio>
#include <string>

namespace svodka::cli {

class Output {
 public:
  ~Output() { Flush(); }
  std::string& buf() { return buf_; }
  void MaybeFlush() {
    if (buf_.size() >= kBlock) Flush();
  }
  void Flush() {
    if (!buf_.empty()) std::fwrite(buf_.data(), 1, buf_.size(), stdout);
    buf_.clear();
    std::fflush(stdout);
  }

 private:
  static constexpr size_t kBlock = size_t{1} << 20;
  std::string buf_;
};

}  // namespace svodka::cli

#endif  // SVODKA_CLI_OUTPUT_H_
