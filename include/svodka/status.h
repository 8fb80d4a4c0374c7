// Status and Result<T>: how the library reports expected failures (bad input, missing or
// corrupt model files, unsupported versions). Messages name the input and the position, e.g.
// "examples/a.json: byte 1532: expected ',' or '}'". Programmer errors use assert instead.
#ifndef SVODKA_STATUS_H_
#define SVODKA_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace svodka {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the input is malformed (bad JSON, bad flag, corrupt file)
  kNotFound,           // a file or model does not exist
  kIoError,            // reading or writing failed
  kDataLoss,           // a binary file is truncated or fails validation
  kUnsupported,        // a format version we do not read
  kResourceExhausted,  // an input over a documented limit
  kInternal,
};

// [[nodiscard]]: a Status or Result that is dropped is a bug (an error silently lost); write
// `(void)` before a call whose failure is deliberately ignored, with a comment saying why.
class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid argument: <message>" style text for people.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

namespace internal {
// Prints "svodka: Result::value() called on an error: <status>" and aborts: reading the value
// of a failed Result is a programmer error, caught in every build type (not only with asserts).
[[noreturn]] void DieOnErrorValue(const Status& status);
}  // namespace internal

// A value or the Status saying why there is none. Construct from either.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = Status(StatusCode::kInternal, "Result built from an OK status");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // The value; aborts with the error's message when there is none.
  T& value() & {
    Check();
    return *value_;
  }
  const T& value() const& {
    Check();
    return *value_;
  }
  T&& value() && {
    Check();
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  void Check() const {
    if (!status_.ok()) internal::DieOnErrorValue(status_);
  }
  Status status_;
  std::optional<T> value_;
};

}  // namespace svodka

#endif  // SVODKA_STATUS_H_
