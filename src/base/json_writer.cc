#include "base/json_writer.h"

#include <charconv>
#include <cmath>

namespace svodka {

void JsonWriter::Key(std::string_view k) {
  Value();
  out_->push_back('"');
  Escape(k, out_);
  out_->append(spaced_top_level_ && first_.size() == 1 ? "\": " : "\":");
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
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
}

}  // namespace svodka

namespace svodka {

std::string PrettyJson(std::string_view in) {
  std::string out;
  out.reserve(in.size() + in.size() / 4);
  JsonPrettyPrinter().Append(in, &out);
  return out;
}

void JsonPrettyPrinter::Append(std::string_view in, std::string* out_ptr) {
  std::string& out = *out_ptr;
  int& depth = depth_;
  auto newline = [&](int d) {
    out.push_back('\n');
    out.append(static_cast<size_t>(2 * d), ' ');
  };
  // True when the array starting at in[i] == '[' holds only numbers (kept on one line).
  auto flat_array = [&](size_t i) {
    for (size_t k = i + 1; k < in.size(); ++k) {
      char c = in[k];
      if (c == ']') return true;
      if (!(c == ',' || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 'e' || c == 'E' ||
            c == '+'))
        return false;
    }
    return false;
  };
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '"') {
      size_t j = i + 1;
      while (j < in.size() && in[j] != '"') j += (in[j] == '\\') ? 2 : 1;
      out.append(in.substr(i, j + 1 - i));
      i = j;
      continue;
    }
    if ((c == '[' && flat_array(i))) {
      size_t j = in.find(']', i);
      for (size_t k = i; k <= j; ++k) {
        out.push_back(in[k]);
        if (in[k] == ',') out.push_back(' ');
      }
      i = j;
      continue;
    }
    if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      out.push_back(c);
      if (i + 1 < in.size() && in[i + 1] == close) {
        out.push_back(close);
        ++i;
        continue;
      }
      newline(++depth);
    } else if (c == '}' || c == ']') {
      newline(--depth);
      out.push_back(c);
    } else if (c == ',') {
      out.push_back(',');
      newline(depth);
    } else if (c == ':') {
      out.append(": ");
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace svodka
