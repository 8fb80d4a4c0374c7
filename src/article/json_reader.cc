#include "article/json_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "article/compose.h"
#include "article/rules.h"
#include "article/text_util.h"

namespace svodka {
namespace {

namespace od = simdjson::ondemand;

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

// simdjson's first stage reports a structural error for the whole buffer, without a position.
// This linear scan (strings and escapes respected) finds where the structure breaks: a closing
// bracket that does not match, content after the top-level value, or brackets still open at
// the end. Returns "byte N: what", or an empty string when it finds nothing wrong.
std::string LocateStructureError(std::string_view json) {
  std::string open;  // the brackets still open, innermost last
  bool seen_value = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (open.empty() && seen_value)
      return "byte " + std::to_string(i) + ": malformed JSON: content after the top-level value";
    if (c == '"') {
      size_t j = i + 1;
      while (j < json.size() && json[j] != '"') j += json[j] == '\\' ? 2 : 1;
      if (j >= json.size()) return "byte " + std::to_string(i) + ": malformed JSON: unclosed string";
      i = j;
    } else if (c == '{' || c == '[') {
      open.push_back(c);
    } else if (c == '}' || c == ']') {
      if (open.empty() || open.back() != (c == '}' ? '{' : '['))
        return "byte " + std::to_string(i) + ": malformed JSON: unexpected '" + c + "'";
      open.pop_back();
    } else {
      // A scalar: skip to the next delimiter.
      while (i + 1 < json.size() && !std::strchr(" \t\n\r,:]}", json[i + 1])) ++i;
    }
    if (open.empty()) seen_value = true;
  }
  if (!open.empty())
    return "byte " + std::to_string(json.size()) + ": truncated JSON: " +
           std::to_string(open.size()) + " object(s)/array(s) not closed at the end";
  return {};
}

// The raw JSON text of a value (objects and arrays verbatim; scalars as their token).
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
  while (!tok.empty() &&
         (tok.back() == ' ' || tok.back() == '\t' || tok.back() == '\n' || tok.back() == '\r'))
    tok.remove_suffix(1);
  // Scalars must still be validated: a bad literal inside would otherwise pass unnoticed.
  if (t == od::json_type::string) {
    std::string_view s;
    if (auto e = v.get_string().get(s)) return e;
  } else if (t == od::json_type::number) {
    double d;
    if (v.get_double().get(d)) {  // big integers are fine; only malformed numbers fail here
      int64_t i;
      uint64_t u;
      if (v.get_int64().get(i) && v.get_uint64().get(u)) return simdjson::NUMBER_ERROR;
    }
  } else if (t == od::json_type::boolean) {
    bool b;
    if (auto e = v.get_bool().get(b)) return e;
  } else {
    bool is_null;
    if (auto e = v.is_null().get(is_null)) return e;
    if (!is_null) return simdjson::N_ATOM_ERROR;
  }
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
      while (!raw.empty() &&
             (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\t' || raw.back() == '\r'))
        raw.remove_suffix(1);
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
  auto fail = [&](simdjson::error_code e) {
    // Structural errors: say where the structure breaks, when the scan can tell.
    std::string at;
    if (e == simdjson::TAPE_ERROR || e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT ||
        e == simdjson::TRAILING_CONTENT)
      at = LocateStructureError(json);
    on_error(InvalidArgument(at.empty() ? Where(name, base, d, json.size()) + ": " + Describe(e)
                                        : std::string(name) + ": " + at));
    return true;
  };
  if (auto e = parser.iterate(padded).get(d)) {
    std::string where = LocateStructureError(json);
    on_error(InvalidArgument(std::string(name) + ": " + (where.empty() ? Describe(e) : where)));
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

bool JsonLineParser::Parse(std::string_view line, size_t line_no,
                           const std::optional<RepairNote>& repair, const DocumentSink& sink,
                           const ErrorSink& on_error) {
  Span t = TrimSpan(line, {0, static_cast<uint32_t>(line.size())});
  if (t.empty()) return true;
  std::string& buf = impl_->buffer;
  buf.assign(line);
  buf.resize(line.size() + simdjson::SIMDJSON_PADDING, ' ');
  std::string where = impl_->name + ": line " + std::to_string(line_no);
  auto fail = [&](simdjson::error_code e) {
    // Structural errors: say where in the line the structure breaks, when we can tell.
    std::string at;
    if (e == simdjson::TAPE_ERROR || e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT ||
        e == simdjson::TRAILING_CONTENT)
      at = LocateStructureError(line);
    on_error(InvalidArgument(at.empty() ? where + ": " + Describe(e) : where + ", " + at));
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
  return sink(std::move(doc));
}

}  // namespace svodka
