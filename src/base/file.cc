#include "base/file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

namespace svodka {
namespace {

std::string Errno(const std::string& path) { return path + ": " + std::strerror(errno); }

}  // namespace

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  int fd = path == "-" ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? NotFound(Errno(path)) : IoError(Errno(path));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    Status s = IoError(Errno(path));
    if (fd != 0) ::close(fd);
    return s;
  }
  if (S_ISDIR(st.st_mode)) {
    if (fd != 0) ::close(fd);
    return InvalidArgument(path + ": is a directory");
  }
  if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > max_bytes) {
    if (fd != 0) ::close(fd);
    return ResourceExhausted(path + ": " + std::to_string(st.st_size) +
                             " bytes is over the limit of " + std::to_string(max_bytes));
  }
  std::string out;
  if (S_ISREG(st.st_mode)) out.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      Status s = IoError(Errno(path));
      if (fd != 0) ::close(fd);
      return s;
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      if (fd != 0) ::close(fd);
      return ResourceExhausted(path + ": more than " + std::to_string(max_bytes) +
                               " bytes, over the limit");
    }
    out.append(buf, static_cast<size_t>(n));
  }
  if (fd != 0) ::close(fd);
  return out;
}

Status WriteFile(const std::string& path, std::string_view data) {
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return IoError(Errno(tmp));
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    std::remove(tmp.c_str());  // never leave a partial "<path>.tmp" behind
    return IoError(tmp + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    Status s = IoError(Errno(path));  // before remove() changes errno
    std::remove(tmp.c_str());         // e.g. path is a directory: drop the orphaned temporary
    return s;
  }
  return Status::Ok();
}

MappedFile::~MappedFile() {
  if (addr_ && size_) ::munmap(addr_, size_);
}

MappedFile::MappedFile(MappedFile&& o) noexcept
    : addr_(std::exchange(o.addr_, nullptr)), size_(std::exchange(o.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& o) noexcept {
  if (this != &o) {
    if (addr_ && size_) ::munmap(addr_, size_);
    addr_ = std::exchange(o.addr_, nullptr);
    size_ = std::exchange(o.size_, 0);
  }
  return *this;
}

Result<MappedFile> MappedFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? NotFound(Errno(path)) : IoError(Errno(path));
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return IoError(path + ": not a regular file");
  }
  MappedFile m;
  m.size_ = static_cast<size_t>(st.st_size);
  if (m.size_ > 0) {
    void* a = ::mmap(nullptr, m.size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (a == MAP_FAILED) {
      Status s = IoError(Errno(path));
      ::close(fd);
      m.size_ = 0;
      return s;
    }
    m.addr_ = a;
  }
  ::close(fd);
  return m;
}

}  // namespace svodka
