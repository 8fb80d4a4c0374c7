#include "base/conllu.h"

#include "base/file.h"
#include "base/text_input.h"
#include "base/utf8.h"

namespace svodka {
namespace {

bool IsWordId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id)
    if (c < '0' || c > '9') return false;
  return true;
}

// The other ID shapes CoNLL-U allows: a multi-word token range "1-2" and an empty node "3.1".
// Anything else ("x", "-1", a stray BOM before "1") is an error rather than an extra line,
// which would silently drop the word from tagging and scoring.
bool IsRangeOrEmptyNodeId(std::string_view id) {
  size_t sep = id.find_first_of("-.");
  return sep != std::string_view::npos && IsWordId(id.substr(0, sep)) &&
         IsWordId(id.substr(sep + 1));
}

}  // namespace

bool ConlluWord::SpaceAfter() const { return misc.find("SpaceAfter=No") == std::string::npos; }

std::string ConlluSentence::Text() const {
  for (const auto& c : comments) {
    std::string_view v(c);
    if (v.rfind("# text = ", 0) == 0) return std::string(v.substr(9));
  }
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    out += words[i].form;
    if (i + 1 < words.size() && words[i].SpaceAfter()) out += ' ';
  }
  return out;
}

Status ReadConllu(std::string_view data, std::string_view name,
                  const std::function<bool(ConlluSentence&&)>& sink) {
  ConlluSentence cur;
  size_t line_no = 0;
  size_t pos = 0;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // a UTF-8 byte order mark is not data
  auto flush = [&]() -> bool {
    bool go = true;
    if (!cur.words.empty() || !cur.extra_lines.empty()) go = sink(std::move(cur));
    cur = ConlluSentence();
    return go;
  };
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Forms and lemmas are copied to the output and compared with gold strings, so bad bytes
    // would corrupt both silently: refuse them with their position.
    if (size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
      return InvalidArgument(std::string(name) + ": line " + std::to_string(line_no) +
                             ": invalid UTF-8 at byte " +
                             std::to_string(line.data() - data.data() + bad));
    }
    if (size_t nul = line.find('\0'); nul != std::string_view::npos) {
      return InvalidArgument(std::string(name) + ": line " + std::to_string(line_no) +
                             ": NUL byte at byte " +
                             std::to_string(line.data() - data.data() + nul) +
                             " (binary data, or UTF-16 instead of UTF-8)");
    }
    if (line.empty()) {
      if (!flush()) return Status::Ok();
      continue;
    }
    if (cur.words.empty() && cur.comments.empty() && cur.extra_lines.empty()) cur.line = line_no;
    if (line[0] == '#') {
      cur.comments.emplace_back(line);
      continue;
    }
    std::string_view cols[10];
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= line.size() && n < 10; ++i) {
      if (i == line.size() || line[i] == '\t') {
        cols[n++] = line.substr(start, i - start);
        start = i + 1;
      }
    }
    if (n != 10 || start <= line.size()) {
      return InvalidArgument(std::string(name) + ": line " + std::to_string(line_no) +
                             ": expected 10 tab-separated columns");
    }
    if (!IsWordId(cols[0])) {
      if (!IsRangeOrEmptyNodeId(cols[0])) {
        return InvalidArgument(std::string(name) + ": line " + std::to_string(line_no) + ": ID '" +
                               std::string(cols[0]) +
                               "' is not a word index (1), a range (1-2) or an empty node (1.1)");
      }
      cur.extra_lines.emplace_back(cur.words.size(), std::string(line));
      continue;
    }
    ConlluWord w;
    std::string* f[10] = {&w.id,    &w.form, &w.lemma,  &w.upos, &w.xpos,
                          &w.feats, &w.head, &w.deprel, &w.deps, &w.misc};
    for (size_t i = 0; i < 10; ++i) f[i]->assign(cols[i]);
    cur.words.push_back(std::move(w));
  }
  flush();
  return Status::Ok();
}

Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path) {
  auto data = ReadTextFile(path, size_t{2} << 30);  // binary data refused after 64 KiB
  if (!data.ok()) return data.status();
  std::vector<ConlluSentence> out;
  Status s = ReadConllu(*data, path, [&](ConlluSentence&& sent) {
    out.push_back(std::move(sent));
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

void WriteConllu(const ConlluSentence& s, std::string* out) {
  for (const auto& c : s.comments) {
    out->append(c);
    out->push_back('\n');
  }
  size_t extra = 0;
  for (size_t i = 0; i <= s.words.size(); ++i) {
    while (extra < s.extra_lines.size() && s.extra_lines[extra].first == i) {
      out->append(s.extra_lines[extra].second);
      out->push_back('\n');
      ++extra;
    }
    if (i == s.words.size()) break;
    const ConlluWord& w = s.words[i];
    const std::string* f[10] = {&w.id,    &w.form, &w.lemma,  &w.upos, &w.xpos,
                                &w.feats, &w.head, &w.deprel, &w.deps, &w.misc};
    for (size_t k = 0; k < 10; ++k) {
      if (k) out->push_back('\t');
      out->append(*f[k]);
    }
    out->push_back('\n');
  }
  out->push_back('\n');
}

std::string_view FeatValue(std::string_view feats, std::string_view name) {
  size_t pos = 0;
  while (pos < feats.size()) {
    size_t bar = feats.find('|', pos);
    if (bar == std::string_view::npos) bar = feats.size();
    std::string_view kv = feats.substr(pos, bar - pos);
    if (kv.size() > name.size() && kv.starts_with(name) && kv[name.size()] == '=')
      return kv.substr(name.size() + 1);
    pos = bar + 1;
  }
  return {};
}

}  // namespace svodka
