#include "base/text_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/utf8.h"

namespace svodka {

// A clear error for data that is not text: NUL bytes (binary files, UTF-16), many control
// bytes, or mostly invalid UTF-8 (a legacy encoding such as Windows-1251). Looks at the first
// 64 KiB. nullopt for text.
std::optional<Status> CheckBinary(std::string_view bytes, std::string_view name) {
  std::string_view head = bytes.substr(0, kTextCheckBytes);
  size_t nul = head.find('\0');
  if (nul != head.npos)
    return InvalidArgument(std::string(name) + ": byte " + std::to_string(nul) +
                           ": NUL byte: binary data, not text (UTF-16 must be converted to "
                           "UTF-8)");
  size_t control = 0, non_ascii = 0, bad = 0;
  for (size_t i = 0, len; i < head.size(); i += len) {
    unsigned char c = static_cast<unsigned char>(head[i]);
    len = 1;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B)
      ++control;
    if (c < 0x80) continue;
    ++non_ascii;
    // A sequence cut by the 64 KiB window is not counted as bad.
    if (DecodeUtf8(head, i, &len) == kReplacementChar && i + 4 < head.size()) {
      bool literal = len == 3 && head.substr(i, 3) == "\xEF\xBF\xBD";
      if (!literal) ++bad;
    }
  }
  if (control * 10 > head.size())
    return InvalidArgument(std::string(name) + ": binary data (" + std::to_string(control) +
                           " control bytes in the first " + std::to_string(head.size()) +
                           "), not text");
  if (bad >= 16 && bad * 4 > non_ascii)
    return InvalidArgument(std::string(name) + ": not UTF-8 (" + std::to_string(bad) +
                           " invalid sequences in the first " + std::to_string(head.size()) +
                           " bytes); convert it, e.g. iconv -f cp1251 -t utf-8");
  return std::nullopt;
}

Result<InputFile> InputFile::Open(const std::string& path) {
  const bool is_stdin = path == "-";
  std::string name = is_stdin ? "<stdin>" : path;
  const int fd = is_stdin ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::string m = path + ": " + std::strerror(errno);
    return errno == ENOENT ? NotFound(m) : IoError(m);
  }
  InputFile file(fd, std::move(name), std::nullopt);
  struct stat st;
  if (::fstat(fd, &st) != 0) return IoError(file.name_ + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return InvalidArgument(file.name_ + ": is a directory");
  if (S_ISREG(st.st_mode)) file.size_ = static_cast<size_t>(st.st_size);
  return file;
}

InputFile::~InputFile() {
  if (fd_ > 0) ::close(fd_);
}

Status InputFile::ReadSome(size_t most, std::string* buf, bool* eof) {
  const size_t old = buf->size();
  buf->resize(old + most);
  for (;;) {
    const ssize_t n = ::read(fd_, buf->data() + old, most);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      buf->resize(old);
      return IoError(name_ + ": " + std::strerror(errno));
    }
    buf->resize(old + static_cast<size_t>(n));
    if (n == 0) *eof = true;
    return Status::Ok();
  }
}

Result<std::string> ReadTextFile(const std::string& path, size_t max_bytes) {
  Result<InputFile> file = InputFile::Open(path);
  if (!file.ok()) return file.status();
  auto too_large = [&] {
    return ResourceExhausted(file->name() + ": more than " + std::to_string(max_bytes) +
                             " bytes, over the limit");
  };
  if (file->size() && *file->size() > max_bytes) return too_large();
  std::string out;
  if (file->size()) out.reserve(*file->size());
  bool checked = false, eof = false;
  while (!eof) {
    if (Status s = file->ReadSome(kTextCheckBytes, &out, &eof); !s.ok()) return s;
    if (out.size() > max_bytes) return too_large();
    if (!checked && (out.size() >= kTextCheckBytes || eof)) {
      checked = true;
      if (auto bad = CheckBinary(out, file->name())) return *bad;
    }
  }
  return out;
}

}  // namespace svodka
