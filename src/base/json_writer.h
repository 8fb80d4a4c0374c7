// A small, fast streaming JSON writer (appends to a std::string). Commas and nesting are
// handled by the writer; strings are escaped per RFC 8259 (input must be valid UTF-8, which
// Document::text always is). Not thread-safe; one writer per output buffer.
#ifndef SVODKA_BASE_JSON_WRITER_H_
#define SVODKA_BASE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace svodka {

class JsonWriter {
 public:
  // Compact output ({"a":1,"b":[1,2]}). With spaced_top_level, the members of the outermost
  // object are separated by ", " and ": " ({"a": 1, "b": [1,2]}), as `svodka segment` writes.
  explicit JsonWriter(std::string* out, bool spaced_top_level = false)
      : out_(out), spaced_top_level_(spaced_top_level) {}

  void BeginObject() {
    Value();
    out_->push_back('{');
    Push();
  }
  void EndObject() {
    Pop();
    out_->push_back('}');
  }
  void BeginArray() {
    Value();
    out_->push_back('[');
    Push();
  }
  void EndArray() {
    Pop();
    out_->push_back(']');
  }
  void Key(std::string_view k);  // inside an object, before its value
  void String(std::string_view s);
  void Int(int64_t v);
  void Uint(uint64_t v);
  void Double(double v);  // shortest round-trip form; NaN/Inf become null
  void Bool(bool v) {
    Value();
    out_->append(v ? "true" : "false");
  }
  void Null() {
    Value();
    out_->append("null");
  }
  void Raw(std::string_view json) {
    Value();
    out_->append(json);
  }                                   // a pre-formatted value
  void Pair(uint32_t a, uint32_t b);  // [a,b]: a span

  // Appends s escaped (without quotes) to out.
  static void Escape(std::string_view s, std::string* out);

 private:
  void Value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) {
        out_->push_back(',');
        if (spaced_top_level_ && first_.size() == 1) out_->push_back(' ');
      }
      first_.back() = false;
    }
  }
  void Push() { first_.push_back(true); }
  void Pop() { first_.pop_back(); }

  std::string* out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
  bool spaced_top_level_ = false;
};

}  // namespace svodka

#endif  // SVODKA_BASE_JSON_WRITER_H_

namespace svodka {

// Re-indents compact JSON (as JsonWriter writes it) with two spaces per level; arrays of
// numbers such as spans stay on one line. Input must be valid JSON.
std::string PrettyJson(std::string_view compact);

// The same, fed in pieces so that a huge document is never held whole: each piece must end
// right after a complete array element or object member (never inside a string or directly
// after an opening bracket); the output is byte-identical to PrettyJson of the concatenation.
class JsonPrettyPrinter {
 public:
  void Append(std::string_view piece, std::string* out);

 private:
  int depth_ = 0;
};

}  // namespace svodka
