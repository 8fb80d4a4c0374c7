// Reading whole files and memory-mapping binary models.
#ifndef SVODKA_BASE_FILE_H_
#define SVODKA_BASE_FILE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "svodka/status.h"

namespace svodka {

// Reads the whole file ("-" is standard input). Files larger than max_bytes are refused with
// kResourceExhausted naming the file and its size; a directory or unreadable path gives a
// message naming it.
Result<std::string> ReadFile(const std::string& path, size_t max_bytes = size_t{1} << 31);

// Writes data to path atomically (temporary file + rename).
Status WriteFile(const std::string& path, std::string_view data);

// A read-only memory mapping of a whole file. Movable, not copyable; unmaps on destruction.
class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile();
  MappedFile(MappedFile&& o) noexcept;
  MappedFile& operator=(MappedFile&& o) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  static Result<MappedFile> Open(const std::string& path);

  std::string_view data() const { return {static_cast<const char*>(addr_), size_}; }
  size_t size() const { return size_; }

 private:
  void* addr_ = nullptr;
  size_t size_ = 0;
};

}  // namespace svodka

#endif  // SVODKA_BASE_FILE_H_
