// Status and Result<T>: how the library reports expected failures (bad input, missing or
// corrupt model files, unsupported versions). Messages name the input and the position, e.g.
// "examples/a.json: byte 1532: expected ',' or '}'". Programmer errors use assert instead.
#ifndef SVODKA_STATUS_H_
#define SVODKA_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace svodka {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the input is malformed (bad JSON, bad flag, corrupt file)
  kNotFound,         // a file or model does not exist
  kIoError,          // reading or writing failed
  kDataLoss,         // a binary file is truncated or fails validation
  kUnsupported,      // a format version we do not read
  kResourceExhausted,  // an input over a documented limit
  kInternal,
};

class Status {
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

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// A value or the Status saying why there is none. Construct from either.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result built from an OK status carries no value");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace svodka

#endif  // SVODKA_STATUS_H_
