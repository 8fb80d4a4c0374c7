#include "base/tsv.h"

#include <string>
#include <unordered_map>

#include "base/utf8.h"

namespace svodka {
namespace {

// Calls fn(line_number, line) for every line that is not a comment or empty, with a
// trailing CR removed: the one place where tables are split into lines and fields.
template <typename Fn>
void ForEachLine(std::string_view data, Fn fn) {
  size_t pos = 0;
  int line_no = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (!fn(line_no, line)) return;
  }
}

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t f = 0;
  for (;;) {
    const size_t tab = line.find('\t', f);
    fields.push_back(line.substr(f, tab == std::string_view::npos ? line.npos : tab - f));
    if (tab == std::string_view::npos) break;
    f = tab + 1;
  }
  return fields;
}

// White space a field must not start or end with: ASCII and Unicode spaces, the byte order
// mark, line and paragraph separators.
bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n' || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// The last code point of a non-empty, valid UTF-8 string.
char32_t LastCodePoint(std::string_view s) {
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  size_t len = 1;
  return DecodeUtf8(s, i, &len);
}

// Why `field` is malformed, or an empty string when it is fine.
std::string CheckField(std::string_view field) {
  if (field.empty()) return "is empty (write '-' for nothing)";
  if (FindInvalidUtf8(field) != std::string_view::npos) return "has invalid UTF-8";
  size_t len = 1;
  if (IsSpace(DecodeUtf8(field, 0, &len)) || IsSpace(LastCodePoint(field))) {
    return "has stray white space at its start or end";
  }
  for (size_t i = 0; i < field.size();) {
    const char32_t c = DecodeUtf8(field, i, &len);
    i += len;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return "has a control character";
  }
  return {};
}

}  // namespace

Result<std::vector<TsvRow>> ReadTsv(std::string_view name, std::string_view data,
                                    const TsvSchema& schema) {
  std::vector<TsvRow> rows;
  std::unordered_map<std::string, int> keys;  // key -> line of its first row
  Status error;
  ForEachLine(data, [&](int line_no, std::string_view line) {
    const std::string where = std::string(name) + ":" + std::to_string(line_no) + ": ";
    TsvRow row{line_no, SplitFields(line)};
    if (row.size() < schema.min_fields || row.size() > schema.max_fields) {
      std::string expected = std::to_string(schema.min_fields);
      if (schema.max_fields != schema.min_fields) {
        expected += " to " + std::to_string(schema.max_fields);
      }
      error = InvalidArgument(where + std::to_string(row.size()) + " TAB-separated field" +
                              (row.size() == 1 ? "" : "s") + ", expected " + expected);
      return false;
    }
    for (size_t i = 0; i < row.size(); ++i) {
      if (std::string problem = CheckField(row[i]); !problem.empty()) {
        error = InvalidArgument(where + "field " + std::to_string(i + 1) + " " + problem);
        return false;
      }
    }
    if (schema.key_fields > 0) {
      std::string key;
      for (size_t i = 0; i < schema.key_fields && i < row.size(); ++i) {
        if (i > 0) key += '\t';
        key += row[i];
      }
      auto [it, inserted] = keys.emplace(key, line_no);
      if (!inserted) {
        for (char& c : key) c = c == '\t' ? ' ' : c;
        error = InvalidArgument(where + "duplicate key '" + key + "' (first at line " +
                                std::to_string(it->second) + ")");
        return false;
      }
    }
    rows.push_back(std::move(row));
    return true;
  });
  if (!error.ok()) return error;
  return rows;
}

}  // namespace svodka
