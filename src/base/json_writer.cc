#include "base/json_writer.h"

#include <charconv>
#include <cmath>

namespace svodka {

void JsonWriter::Key(std::string_view k) {
  Value();
  out_->push_back('"');
  Escape(k, out_);
  out_->append("\":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  Value();
  out_->push_back('"');
  Escape(s, out_);
  out_->push_back('"');
}

void JsonWriter::Int(int64_t v) {
  Value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}

void JsonWriter::Uint(uint64_t v) {
  Value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}

void JsonWriter::Double(double v) {
  Value();
  if (!std::isfinite(v)) {
    out_->append("null");
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}

void JsonWriter::Pair(uint32_t a, uint32_t b) {
  Value();
  char buf[24];
  out_->push_back('[');
  auto r = std::to_chars(buf, buf + sizeof buf, a);
  out_->append(buf, r.ptr);
  out_->push_back(',');
  r = std::to_chars(buf, buf + sizeof buf, b);
  out_->append(buf, r.ptr);
  out_->push_back(']');
}

void JsonWriter::Escape(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  size_t run = 0;  // start of the pending run of bytes that need no escaping
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
}

}  // namespace svodka
