#include "article/json_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "article/compose.h"
#include "article/rules.h"
#include "article/text_util.h"

namespace svodka {
namespace {

namespace od = simdjson::ondemand;

// simdjson's errors, for the rare ones left once FindJsonSyntaxError accepted the text.
std::string Describe(simdjson::error_code e) {
  switch (e) {
    case simdjson::TAPE_ERROR:
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "malformed or truncated JSON: an object or array is not closed properly";
    case simdjson::UNCLOSED_STRING:
      return "malformed JSON: unclosed string";
    case simdjson::STRING_ERROR:
      return "malformed JSON: bad string escape or control character";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
    case simdjson::NUMBER_ERROR:
      return "malformed JSON: bad literal or number";
    case simdjson::TRAILING_CONTENT:
      return "malformed JSON: unexpected content after the value";
    case simdjson::EMPTY:
      return "empty JSON";
    case simdjson::DEPTH_ERROR:
      return "JSON nested too deeply";
    case simdjson::UTF8_ERROR:
      return "invalid UTF-8 in JSON";
    default:
      return std::string("malformed JSON: ") + simdjson::error_message(e);
  }
}

// How a message shows the character at json[i]: 'x' for printable ASCII and other characters
// (json is valid UTF-8), U+XXXX for control characters, "the end" past the end.
std::string Found(std::string_view json, size_t i) {
  if (i >= json.size()) return "the end";
  unsigned char c = static_cast<unsigned char>(json[i]);
  if (c < 0x20 || c == 0x7F) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "U+%04X", c);
    return hex;
  }
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return "'" + std::string(json.substr(i, n)) + "'";
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The string starting at json[*i] (a '"'); moves *i past its closing quote. Escapes are checked
// as simdjson decodes them: a \u escape of a surrogate must be a high-low pair.
std::optional<JsonSyntaxError> CheckString(std::string_view json, size_t* i) {
  const size_t open = *i, n = json.size();
  size_t k = open + 1;
  for (;;) {
    while (k < n) {
      unsigned char c = static_cast<unsigned char>(json[k]);
      if (c == '"' || c == '\\' || c < 0x20) break;
      ++k;
    }
    if (k >= n) return JsonSyntaxError{open, "malformed JSON: unclosed string"};
    unsigned char c = static_cast<unsigned char>(json[k]);
    if (c == '"') break;
    if (c < 0x20)
      return JsonSyntaxError{k, "malformed JSON: unescaped control character " + Found(json, k) +
                                    " in a string (write it as \\u00XX)"};
    // A backslash.
    if (k + 1 >= n) return JsonSyntaxError{open, "malformed JSON: unclosed string"};
    char e = json[k + 1];
    if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
        e == 't') {
      k += 2;
      continue;
    }
    if (e != 'u') return JsonSyntaxError{k, "malformed JSON: invalid escape sequence in a string"};
    auto hex4 = [&](size_t at, unsigned* cp) {
      if (at + 4 > n) return false;
      *cp = 0;
      for (size_t j = at; j < at + 4; ++j) {
        if (!IsHex(json[j])) return false;
        char h = json[j];
        *cp = *cp * 16 + static_cast<unsigned>(IsDigit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
      }
      return true;
    };
    unsigned cp;
    if (!hex4(k + 2, &cp))
      return JsonSyntaxError{
          k, "malformed JSON: invalid \\u escape in a string (4 hex digits expected)"};
    if (cp >= 0xDC00 && cp <= 0xDFFF)
      return JsonSyntaxError{k, "malformed JSON: unpaired surrogate escape in a string"};
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      unsigned low;
      if (k + 7 >= n || json[k + 6] != '\\' || json[k + 7] != 'u' || !hex4(k + 8, &low) ||
          low < 0xDC00 || low > 0xDFFF)
        return JsonSyntaxError{k, "malformed JSON: unpaired surrogate escape in a string"};
      k += 6;
    }
    k += 6;
  }
  *i = k + 1;
  return std::nullopt;
}

// The number starting at json[*i] ('-' or a digit): RFC 8259's grammar, any magnitude (its
// value is not computed). Moves *i past it.
std::optional<JsonSyntaxError> CheckNumber(std::string_view json, size_t* i) {
  const size_t start = *i, n = json.size();
  size_t k = start;
  auto digits = [&] {
    size_t b = k;
    while (k < n && IsDigit(json[k])) ++k;
    return k > b;
  };
  bool ok = true;
  if (json[k] == '-') ++k;
  if (k < n && json[k] == '0') {
    ++k;
  } else {
    ok = digits();
  }
  if (ok && k < n && json[k] == '.') {
    ++k;
    ok = digits();
  }
  if (ok && k < n && (json[k] == 'e' || json[k] == 'E')) {
    ++k;
    if (k < n && (json[k] == '+' || json[k] == '-')) ++k;
    ok = digits();
  }
  // "01", "1.5.2", "2x": the token runs on where no number can.
  if (ok && k < n &&
      (IsDigit(json[k]) || json[k] == '.' || json[k] == '+' || json[k] == '-' ||
       std::isalpha(static_cast<unsigned char>(json[k]))))
    ok = false;
  if (!ok) return JsonSyntaxError{start, "malformed JSON: invalid number"};
  *i = k;
  return std::nullopt;
}

}  // namespace

std::optional<JsonSyntaxError> FindJsonSyntaxError(std::string_view json) {
  const size_t n = json.size();
  std::string open;  // the brackets still open, innermost last
  enum class Want { kValue, kKey, kNext } want = Want::kValue;
  size_t i = 0;
  auto truncated = [&] {
    return JsonSyntaxError{n, "truncated JSON: " + std::to_string(open.size()) +
                                  " object(s)/array(s) not closed at the end"};
  };
  for (;;) {
    while (i < n && IsJsonSpace(json[i])) ++i;
    if (want == Want::kNext) {  // after a value
      if (open.empty()) {
        if (i < n) return JsonSyntaxError{i, "malformed JSON: content after the top-level value"};
        return std::nullopt;
      }
      if (i >= n) return truncated();
      char c = json[i];
      bool object = open.back() == '{';
      if (c == ',') {
        ++i;
        want = object ? Want::kKey : Want::kValue;
      } else if (c == (object ? '}' : ']')) {
        ++i;
        open.pop_back();
      } else if (c == '}' || c == ']') {
        return JsonSyntaxError{i, std::string("malformed JSON: unexpected '") + c + "'"};
      } else {
        return JsonSyntaxError{
            i, std::string("malformed JSON: expected ',' or '") +
                   (object ? "}' after an object member" : "]' after an array element") +
                   ", found " + Found(json, i)};
      }
      continue;
    }
    if (i >= n) {
      if (open.empty()) return JsonSyntaxError{0, "empty JSON"};
      return truncated();
    }
    char c = json[i];
    if (want == Want::kKey) {
      if (c != '"')
        return JsonSyntaxError{i, "malformed JSON: expected a string key, found " + Found(json, i)};
      if (auto e = CheckString(json, &i)) return e;
      while (i < n && IsJsonSpace(json[i])) ++i;
      if (i >= n) return truncated();
      if (json[i] != ':')
        return JsonSyntaxError{
            i, "malformed JSON: expected ':' after an object key, found " + Found(json, i)};
      ++i;
      want = Want::kValue;
      continue;
    }
    // A value.
    want = Want::kNext;
    if (c == '{' || c == '[') {
      if (open.size() >= kMaxJsonDepth)
        return JsonSyntaxError{
            i, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " arrays and objects",
            true};
      open.push_back(c);
      ++i;
      while (i < n && IsJsonSpace(json[i])) ++i;
      if (i < n && json[i] == (c == '{' ? '}' : ']')) {  // empty
        ++i;
        open.pop_back();
      } else {
        want = c == '{' ? Want::kKey : Want::kValue;
      }
    } else if (c == '"') {
      if (auto e = CheckString(json, &i)) return e;
    } else if (c == '-' || IsDigit(c)) {
      if (auto e = CheckNumber(json, &i)) return e;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t k = i;
      while (k < n && std::isalnum(static_cast<unsigned char>(json[k]))) ++k;
      std::string_view word = json.substr(i, k - i);
      if (word != "true" && word != "false" && word != "null")
        return JsonSyntaxError{i, "malformed JSON: invalid literal (true, false or null expected)"};
      i = k;
    } else {
      return JsonSyntaxError{i, "malformed JSON: expected a value, found " + Found(json, i)};
    }
  }
}

namespace {

// The raw JSON text of a value (objects and arrays verbatim; scalars as their token). The
// text was checked by FindJsonSyntaxError, so nothing is converted: a number keeps its digits
// whatever its magnitude (1e999, 123456789012345678901234567890, -0, 1E+2).
simdjson::error_code RawJson(od::value& v, std::string_view* raw) {
  od::json_type t;
  if (auto e = v.type().get(t)) return e;
  if (t == od::json_type::object) {
    od::object o;
    if (auto e = v.get_object().get(o)) return e;
    return o.raw_json().get(*raw);
  }
  if (t == od::json_type::array) {
    od::array a;
    if (auto e = v.get_array().get(a)) return e;
    return a.raw_json().get(*raw);
  }
  std::string_view tok = v.raw_json_token();
  while (!tok.empty() && IsJsonSpace(tok.back())) tok.remove_suffix(1);
  *raw = tok;
  return simdjson::SUCCESS;
}

struct Picked {
  int rank = 1 << 30;
  std::string key, raw, value;
  bool set = false;
  size_t index = 0;  // position of the field in the record
};

// Converts one object. On a syntax error returns its code (the caller knows the position);
// *problem is set instead for a well-formed record that cannot be a document.
simdjson::error_code RecordToDocument(od::object& obj, std::string_view name,
                                      const std::string& default_id, Document* doc,
                                      std::string* problem) {
  const auto& fields = ArticleRules::Get().json_fields;
  Picked id, url, title, lead, text, published;
  auto slot = [&](const std::string& f) -> Picked* {
    if (f == "id") return &id;
    if (f == "url") return &url;
    if (f == "title") return &title;
    if (f == "lead") return &lead;
    if (f == "text") return &text;
    if (f == "published") return &published;
    return nullptr;
  };
  // Metadata entries with their field positions, to keep record order.
  std::vector<std::pair<size_t, std::pair<std::string, std::string>>> meta;
  size_t index = 0;
  for (auto field : obj) {
    ++index;
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return e;
    od::value v;
    if (auto e = field.value().get(v)) return e;
    od::json_type t;
    if (auto e = v.type().get(t)) return e;
    auto it = fields.find(std::string(key));
    Picked* p = it == fields.end() ? nullptr : slot(it->second.first);
    bool usable = t == od::json_type::string || (t == od::json_type::number && p == &id);
    if (p && t == od::json_type::null) {
      bool is_null;
      if (auto e = v.is_null().get(is_null)) return e;
      if (!is_null) return simdjson::N_ATOM_ERROR;
      continue;
    }
    if (p && usable && it->second.second < p->rank) {
      std::string_view raw = v.raw_json_token();
      std::string value;
      if (t == od::json_type::string) {
        std::string_view s;
        if (auto e = v.get_string().get(s)) return e;
        value = std::string(s);
      } else {
        if (auto e = RawJson(v, &raw)) return e;
        value = std::string(raw);
      }
      while (!raw.empty() && IsJsonSpace(raw.back())) raw.remove_suffix(1);
      if (p->set) meta.push_back({p->index, {std::move(p->key), std::move(p->raw)}});
      *p = {it->second.second, std::string(key), std::string(raw), std::move(value), true, index};
      continue;
    }
    std::string_view raw;
    if (auto e = RawJson(v, &raw)) return e;
    meta.push_back({index, {std::string(key), std::string(raw)}});
  }
  std::stable_sort(meta.begin(), meta.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& m : meta) doc->metadata.push_back(std::move(m.second));
  if (!title.set && !lead.set && !text.set) {
    *problem = "record has no title, lead or text field (accepted names: see docs/format.md)";
    return simdjson::SUCCESS;
  }
  doc->id = id.set && !id.value.empty() ? id.value : default_id;
  doc->url = url.value;
  if (published.set) doc->published = published.value;
  ComposeDocument(name, title.value, lead.value, text.value, doc);
  if (doc->text.empty()) *problem = "record has an empty title, lead and text";
  return simdjson::SUCCESS;
}

// True when the whole input was consumed (current_location() is out of bounds).
bool AtEnd(od::document& d) {
  const char* loc = nullptr;
  return d.current_location().get(loc) != simdjson::SUCCESS;
}

std::string Where(std::string_view name, const char* base, od::document& d, size_t fallback) {
  const char* loc = nullptr;
  size_t offset = fallback;
  if (!d.current_location().get(loc) && loc >= base) offset = static_cast<size_t>(loc - base);
  return std::string(name) + ": byte " + std::to_string(offset);
}

}  // namespace

bool ReadJsonText(std::string_view json, std::string_view name,
                  const std::optional<RepairNote>& repair, const DocumentSink& sink,
                  const ErrorSink& on_error) {
  simdjson::padded_string padded(json);
  od::parser parser;
  od::document d;
  const char* base = padded.data();
  const std::string stem = FileStem(name);
  // Syntax is checked first, so every syntax error has its exact position; simdjson then only
  // extracts (an error from it after the check is unexpected and reported where it stopped).
  if (std::optional<JsonSyntaxError> bad = FindJsonSyntaxError(json)) {
    std::string message =
        std::string(name) + ": byte " + std::to_string(bad->offset) + ": " + bad->what;
    on_error(bad->too_deep ? ResourceExhausted(message) : InvalidArgument(message));
    return true;
  }
  auto fail = [&](simdjson::error_code e) {
    on_error(InvalidArgument(Where(name, base, d, json.size()) + ": " + Describe(e)));
    return true;
  };
  if (auto e = parser.iterate(padded).get(d)) {
    on_error(InvalidArgument(std::string(name) + ": " + Describe(e)));
    return true;
  }
  od::json_type t;
  if (auto e = d.type().get(t)) return fail(e);
  std::vector<Document> docs;
  std::vector<size_t> starts;
  if (t == od::json_type::object) {
    od::object obj;
    if (auto e = d.get_object().get(obj)) return fail(e);
    Document doc;
    std::string problem;
    if (auto e = RecordToDocument(obj, name, stem, &doc, &problem)) return fail(e);
    if (!problem.empty()) {
      on_error(InvalidArgument(std::string(name) + ": " + problem));
      return true;
    }
    docs.push_back(std::move(doc));
    starts.push_back(0);
  } else if (t == od::json_type::array) {
    od::array arr;
    if (auto e = d.get_array().get(arr)) return fail(e);
    size_t k = 0;
    for (auto element : arr) {
      ++k;
      od::value v;
      if (auto e = element.get(v)) return fail(e);
      const char* loc = nullptr;
      size_t offset = v.current_location().get(loc) ? 0 : static_cast<size_t>(loc - base);
      std::string where =
          std::string(name) + ": byte " + std::to_string(offset) + ": element " + std::to_string(k);
      od::json_type et;
      if (auto e = v.type().get(et)) return fail(e);
      if (et != od::json_type::object) {
        std::string_view raw;
        if (auto e = RawJson(v, &raw)) return fail(e);
        on_error(InvalidArgument(where + ": not a JSON object"));
        continue;
      }
      od::object obj;
      if (auto e = v.get_object().get(obj)) return fail(e);
      Document doc;
      std::string problem;
      if (auto e = RecordToDocument(obj, name, stem + ":" + std::to_string(k), &doc, &problem))
        return fail(e);
      if (!problem.empty()) {
        on_error(InvalidArgument(where + ": " + problem));
        continue;
      }
      docs.push_back(std::move(doc));
      starts.push_back(offset);
    }
    if (k == 0)
      on_error(InvalidArgument(std::string(name) + ": empty JSON array, nothing to analyse"));
  } else {
    on_error(InvalidArgument(std::string(name) +
                             ": byte 0: expected a JSON object or an array of objects"));
    return true;
  }
  if (!AtEnd(d)) return fail(simdjson::TRAILING_CONTENT);
  if (repair && !docs.empty()) {
    size_t i = 0;
    while (i + 1 < docs.size() && starts[i + 1] <= repair->offset) ++i;
    docs[i].warnings.push_back(repair->warning);
  }
  for (Document& doc : docs)
    if (!sink(std::move(doc))) return false;
  return true;
}

struct JsonLineParser::Impl {
  std::string name;
  std::string stem;
  od::parser parser;
  std::string buffer;  // the line plus simdjson's padding
};

JsonLineParser::JsonLineParser(std::string_view name) : impl_(std::make_unique<Impl>()) {
  impl_->name = std::string(name);
  impl_->stem = FileStem(name);
}

JsonLineParser::~JsonLineParser() = default;

bool JsonLineParser::Parse(std::string* line_buffer, size_t line_no,
                           const std::optional<RepairNote>& repair, const DocumentSink& sink,
                           const ErrorSink& on_error) {
  const std::string_view line = *line_buffer;
  Span t = TrimSpan(line, {0, static_cast<uint32_t>(line.size())});
  if (t.empty()) return true;
  std::string& buf = impl_->buffer;
  buf.assign(line);
  buf.resize(line.size() + simdjson::SIMDJSON_PADDING, ' ');
  std::string where = impl_->name + ": line " + std::to_string(line_no);
  if (std::optional<JsonSyntaxError> bad = FindJsonSyntaxError(line)) {
    std::string message = where + ", byte " + std::to_string(bad->offset) + ": " + bad->what;
    on_error(bad->too_deep ? ResourceExhausted(message) : InvalidArgument(message));
    return true;
  }
  auto fail = [&](simdjson::error_code e) {
    on_error(InvalidArgument(where + ": " + Describe(e)));
    return true;
  };
  od::document d;
  if (auto e = impl_->parser.iterate(buf.data(), line.size(), buf.size()).get(d)) return fail(e);
  od::object obj;
  od::json_type jt;
  if (auto e = d.type().get(jt)) return fail(e);
  if (jt != od::json_type::object) {
    on_error(InvalidArgument(where + ": not a JSON object"));
    return true;
  }
  if (auto e = d.get_object().get(obj)) return fail(e);
  Document doc;
  std::string problem;
  if (auto e = RecordToDocument(obj, impl_->name, impl_->stem + ":" + std::to_string(line_no), &doc,
                                &problem))
    return fail(e);
  if (!problem.empty()) {
    on_error(InvalidArgument(where + ": " + problem));
    return true;
  }
  if (!AtEnd(d)) return fail(simdjson::TRAILING_CONTENT);
  if (repair) doc.warnings.push_back(repair->warning);
  // The document holds its own copy of the text now: drop the line, its padded copy and the
  // parser's buffers (sized for the line) while the document is analysed.
  constexpr size_t kKeepBytes = size_t{1} << 20;
  line_buffer->clear();
  if (line_buffer->capacity() > kKeepBytes) std::string().swap(*line_buffer);
  if (buf.capacity() > kKeepBytes) std::string().swap(buf);
  if (impl_->parser.capacity() > kKeepBytes) impl_->parser = od::parser();
  return sink(std::move(doc));
}

}  // namespace svodka
