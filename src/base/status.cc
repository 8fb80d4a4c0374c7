#include "svodka/status.h"

#include <cstdio>
#include <cstdlib>

namespace svodka {

std::string Status::ToString() const {
  const char* name = "ok";
  switch (code_) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      name = "invalid argument";
      break;
    case StatusCode::kNotFound:
      name = "not found";
      break;
    case StatusCode::kIoError:
      name = "i/o error";
      break;
    case StatusCode::kDataLoss:
      name = "corrupt data";
      break;
    case StatusCode::kUnsupported:
      name = "unsupported";
      break;
    case StatusCode::kResourceExhausted:
      name = "too large";
      break;
    case StatusCode::kInternal:
      name = "internal error";
      break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace svodka

namespace svodka::internal {

void DieOnErrorValue(const Status& status) {
  std::fprintf(stderr, "svodka: Result::value() called on an error: %s\n",
               status.ToString().c_str());
  std::abort();
}

}  // namespace svodka::internal
