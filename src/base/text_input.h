// Reading text inputs with the checks every command applies while reading (docs/format.md,
// "Checks common to all formats"): binary data is refused after its first 64 KiB, not after
// the whole file has been read, and a size limit stops the reading when it is reached.
#ifndef SVODKA_BASE_TEXT_INPUT_H_
#define SVODKA_BASE_TEXT_INPUT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "svodka/status.h"

namespace svodka {

// How much of the start of an input CheckBinary looks at.
inline constexpr size_t kTextCheckBytes = size_t{64} << 10;

// A clear error when `bytes` are not text: NUL bytes (binary files, UTF-16), many control
// bytes, or mostly invalid UTF-8 (a legacy encoding such as Windows-1251); looks at the first
// 64 KiB. nullopt for text. `name` starts the message.
std::optional<Status> CheckBinary(std::string_view bytes, std::string_view name);

// An input opened for reading: a file, or standard input for "-" (named "<stdin>" in
// messages). Directories are refused. Closes the descriptor on destruction. Movable.
class InputFile {
 public:
  static Result<InputFile> Open(const std::string& path);
  InputFile(InputFile&& o) noexcept : fd_(o.fd_), name_(std::move(o.name_)), size_(o.size_) {
    o.fd_ = -1;
  }
  InputFile& operator=(InputFile&&) = delete;
  ~InputFile();

  const std::string& name() const { return name_; }
  // The size of a regular file; nullopt for pipes, terminals and devices.
  std::optional<size_t> size() const { return size_; }
  // One read() of at most `most` bytes appended to *buf (on a pipe, what has arrived so far;
  // retried on EINTR). Sets *eof when the input has ended. Errors name the input.
  Status ReadSome(size_t most, std::string* buf, bool* eof);

 private:
  InputFile(int fd, std::string name, std::optional<size_t> size)
      : fd_(fd), name_(std::move(name)), size_(size) {}
  int fd_;
  std::string name_;
  std::optional<size_t> size_;
};

// Reads a whole text file ("-" is standard input) in chunks: refused as soon as its first
// 64 KiB fail CheckBinary (so /dev/zero or a binary stream costs 64 KiB, not gigabytes), or as
// soon as it exceeds max_bytes (kResourceExhausted naming the file and the limit). The bytes
// are returned as read (no UTF-8 repair). Errors name the path.
Result<std::string> ReadTextFile(const std::string& path, size_t max_bytes);

}  // namespace svodka

#endif  // SVODKA_BASE_TEXT_INPUT_H_
