// Buffered standard output for the commands.
//
// Output accumulates in one string. When standard output is a regular file it is written in
// blocks of about 1 MB; when it is a pipe or a terminal (a live stream: `analyze --jsonl - |
// consumer`), every finished document is written at once (EndDocument), so a reader never
// waits for a megabyte of later documents.
//
// Write errors are never ignored: the first failed write (disk full, a closed pipe with
// SIGPIPE ignored, an I/O error) is reported on stderr as "svodka: error writing standard
// output: <reason>", failed() turns true, the exit status becomes 1, and the command stops
// reading input — there is no point analysing what cannot be written. main() also checks the
// final flush, for output written with printf.
#ifndef SVODKA_CLI_OUTPUT_H_
#define SVODKA_CLI_OUTPUT_H_

#include <cstdio>
#include <string>

namespace svodka::cli {

class Output {
 public:
  Output();
  ~Output() { Flush(); }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::string& buf() { return buf_; }
  // After each complete document: writes now on a live stream, else when a block is full.
  void EndDocument() {
    if (live_ || buf_.size() >= kBlock) Flush();
  }
  // Inside a long document: writes when a block is full.
  void MaybeFlush() {
    if (buf_.size() >= kBlock) Flush();
  }
  // Writes everything buffered; false (and failed()) once a write has failed.
  bool Flush();
  bool failed() const { return failed_; }

 private:
  static constexpr size_t kBlock = size_t{1} << 20;
  std::string buf_;
  bool live_ = false;
  bool failed_ = false;
};

// Reports a failed write of standard output once per process and sets exit status 1.
void ReportWriteError(int error_number);

}  // namespace svodka::cli

#endif  // SVODKA_CLI_OUTPUT_H_
