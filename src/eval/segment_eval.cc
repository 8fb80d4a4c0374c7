#include "eval/segment_eval.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "base/conllu.h"
#include "base/file.h"
#include "base/utf8.h"
#include "eval/razdel_scheme.h"

namespace svodka {

namespace fs = std::filesystem;

Result<GoldFormat> ParseGoldFormat(const std::string& name) {
  if (name == "auto") return GoldFormat::kAuto;
  if (name == "factrueval") return GoldFormat::kFactRuEval;
  if (name == "conllu") return GoldFormat::kConllu;
  if (name == "razdel-tokens") return GoldFormat::kRazdelTokens;
  if (name == "razdel-sents") return GoldFormat::kRazdelSentences;
  return InvalidArgument("unknown gold format '" + name +
                         "' (auto, factrueval, conllu, razdel-tokens, razdel-sents)");
}

namespace {

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

// The whole file, once `check` (if any) has accepted its first kGoldHeadBytes: a binary file
// is refused after reading 64 KiB, not 2 GB.
Result<std::string> ReadChecked(const std::string& path, const GoldFileCheck& check) {
  if (check) {
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {  // else ReadFile names the problem
      std::string head(kGoldHeadBytes, '\0');
      const size_t n = std::fread(head.data(), 1, head.size(), f);
      std::fclose(f);
      head.resize(n);
      if (std::optional<Status> bad = check(head, path)) return *bad;
    }
  }
  return ReadFile(path);
}

// At most ~40 bytes of s, cut at a character boundary, for messages.
std::string Excerpt(std::string_view s) {
  if (s.size() <= 40) return std::string(s);
  size_t n = 40;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "...";
}

// Byte offset of every code point offset of text (size = code points + 1).
std::vector<uint32_t> CodePointToByte(std::string_view text) {
  std::vector<uint32_t> out;
  out.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      out.push_back(static_cast<uint32_t>(i));
  }
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

Status ReadFactRuFile(const std::string& tokens_path, const GoldFileCheck& check,
                      std::vector<GoldDocument>* docs) {
  std::string txt_path = tokens_path.substr(0, tokens_path.size() - 7) + ".txt";
  Result<std::string> tokens = ReadChecked(tokens_path, check);
  if (!tokens.ok()) return tokens.status();
  Result<std::string> text = ReadChecked(txt_path, check);
  if (!text.ok()) return text.status();
  GoldDocument doc;
  doc.id = fs::path(tokens_path).stem().string();
  doc.text = std::move(*text);
  RepairUtf8(&doc.text);
  doc.has_tokens = doc.has_sentences = true;
  std::vector<uint32_t> cp2b = CodePointToByte(doc.text);
  std::string_view data = *tokens;
  size_t pos = 0, line_no = 0;
  size_t sent_first = 0;
  auto close_sentence = [&] {
    if (doc.tokens.size() > sent_first) {
      doc.sentences.push_back(Span{doc.tokens[sent_first].begin, doc.tokens.back().end});
    }
    sent_first = doc.tokens.size();
  };
  while (pos <= data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (IsBlank(line)) {
      close_sentence();
      if (nl == data.size()) break;
      continue;
    }
    uint64_t f[3] = {0, 0, 0};
    const char* p = line.data();
    const char* e = line.data() + line.size();
    for (int k = 0; k < 3; ++k) {
      while (p < e && *p == ' ') ++p;
      auto r = std::from_chars(p, e, f[k]);
      if (r.ec != std::errc()) {
        return InvalidArgument(tokens_path + ": line " + std::to_string(line_no) +
                               ": expected 'id start length text'");
      }
      p = r.ptr;
    }
    // Written so that huge values cannot wrap around (start 2^64-1, length 1 passed a
    // `start + length >= size` check and indexed cp2b far out of bounds).
    if (f[1] >= cp2b.size() || f[2] >= cp2b.size() - f[1]) {
      return InvalidArgument(tokens_path + ": line " + std::to_string(line_no) +
                             ": token beyond the end of " + txt_path);
    }
    doc.tokens.push_back(Span{cp2b[f[1]], cp2b[f[1] + f[2]]});
    if (nl == data.size()) break;
  }
  close_sentence();
  if (doc.tokens.empty()) {
    return InvalidArgument(tokens_path +
                           ": no tokens ('id start length text' lines): not factRuEval gold");
  }
  docs->push_back(std::move(doc));
  return Status::Ok();
}

Status ReadConlluGold(const std::string& path, const GoldFileCheck& check,
                      std::vector<GoldDocument>* docs) {
  Result<std::string> data = ReadChecked(path, check);
  if (!data.ok()) return data.status();
  GoldDocument doc;
  doc.id = fs::path(path).stem().string();
  doc.has_tokens = doc.has_sentences = true;
  Status bad;
  Status st = ReadConllu(*data, path, [&](ConlluSentence&& s) {
    if (s.words.empty()) return true;
    for (size_t i = 0; i < s.words.size(); ++i) {
      if (!s.words[i].form.empty()) continue;
      // Comments come first; multi-word token lines and empty nodes sit among the words.
      size_t line = s.line + s.comments.size() + i;
      for (const auto& extra : s.extra_lines) line += extra.first <= i;
      bad = InvalidArgument(path + ": line " + std::to_string(line) + ": word " + s.words[i].id +
                            " has an empty FORM: a gold token has text");
      return false;
    }
    if (!doc.text.empty()) {
      bool new_par = false;
      for (const std::string& c : s.comments) {
        if (c.rfind("# newpar", 0) == 0 || c.rfind("# newdoc", 0) == 0) new_par = true;
      }
      doc.text += new_par ? '\n' : ' ';
    }
    uint32_t sent_begin = static_cast<uint32_t>(doc.text.size());
    for (size_t i = 0; i < s.words.size(); ++i) {
      uint32_t b = static_cast<uint32_t>(doc.text.size());
      doc.text += s.words[i].form;
      doc.tokens.push_back(Span{b, static_cast<uint32_t>(doc.text.size())});
      if (i + 1 < s.words.size() && s.words[i].SpaceAfter()) doc.text += ' ';
    }
    doc.sentences.push_back(Span{sent_begin, static_cast<uint32_t>(doc.text.size())});
    return true;
  });
  if (!st.ok()) return st;
  if (!bad.ok()) return bad;
  if (doc.sentences.empty()) return Status::Ok();  // no words: no document (caller reports)
  RepairUtf8(&doc.text);
  docs->push_back(std::move(doc));
  return Status::Ok();
}

Status ReadRazdel(const std::string& path, bool sentences, const GoldFileCheck& check,
                  std::vector<GoldDocument>* docs) {
  Result<std::string> data = ReadChecked(path, check);
  if (!data.ok()) return data.status();
  RepairUtf8(&*data);
  std::string_view all = *data;
  std::string stem = fs::path(path).stem().string();
  size_t pos = 0, line_no = 0;
  const size_t first_doc = docs->size();
  bool any_bar = false;
  Status bad;
  while (pos < all.size()) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    GoldDocument doc;
    doc.id = stem + ":" + std::to_string(line_no);
    doc.has_tokens = !sentences;
    doc.has_sentences = sentences;
    std::vector<Span>& spans = sentences ? doc.sentences : doc.tokens;
    std::string chunk;
    auto flush = [&] {
      uint32_t b = static_cast<uint32_t>(doc.text.size());
      doc.text += chunk;
      if (!chunk.empty() && !IsBlank(chunk)) {
        if (!sentences && bad.ok() && chunk.find_first_of(" \t") != std::string::npos) {
          bad = InvalidArgument(
              path + ": line " + std::to_string(line_no) + ": token '" + Excerpt(chunk) +
              "' contains whitespace: not razdel token gold (one document per line, tokens "
              "separated by '|')");
        }
        // Trim surrounding whitespace of a sentence chunk.
        uint32_t s = b, e = static_cast<uint32_t>(doc.text.size());
        while (s < e && (doc.text[s] == ' ' || doc.text[s] == '\t')) ++s;
        while (e > s && (doc.text[e - 1] == ' ' || doc.text[e - 1] == '\t')) --e;
        spans.push_back(Span{s, e});
      }
      chunk.clear();
    };
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
        chunk += '|';
        ++i;
      } else if (line[i] == '|') {
        any_bar = true;
        flush();
      } else {
        chunk += line[i];
      }
    }
    flush();
    if (!bad.ok()) return bad;
    docs->push_back(std::move(doc));
  }
  if (!any_bar && docs->size() > first_doc) {
    return InvalidArgument(
        path +
        ": no '|' between chunks on any line: not a razdel partition (one document "
        "per line, chunks separated by '|'; --format chooses another gold format)");
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<GoldDocument>> ReadGold(const std::string& path, GoldFormat format,
                                           const GoldFileCheck& check) {
  std::error_code ec;
  bool is_dir = fs::is_directory(path, ec);
  if (!is_dir && !fs::exists(path, ec)) return NotFound(path + ": no such file or directory");
  if (format == GoldFormat::kAuto) {
    std::string name = fs::path(path).filename().string();
    auto ends = [&](std::string_view suf) {
      return name.size() >= suf.size() &&
             name.compare(name.size() - suf.size(), suf.size(), suf) == 0;
    };
    if (is_dir || ends(".tokens")) {
      format = GoldFormat::kFactRuEval;
    } else if (ends(".conllu")) {
      format = GoldFormat::kConllu;
    } else if (name.find("sent") != std::string::npos) {
      format = GoldFormat::kRazdelSentences;
    } else {
      format = GoldFormat::kRazdelTokens;
    }
  }
  std::vector<GoldDocument> docs;
  Status st;
  switch (format) {
    case GoldFormat::kFactRuEval:
      if (is_dir) {
        std::vector<std::string> files;
        for (const auto& e : fs::directory_iterator(path, ec)) {
          if (e.path().extension() == ".tokens") files.push_back(e.path().string());
        }
        std::sort(files.begin(), files.end());
        if (files.empty()) return NotFound(path + ": no *.tokens files");
        for (const std::string& f : files) {
          st = ReadFactRuFile(f, check, &docs);
          if (!st.ok()) return st;
        }
      } else {
        st = ReadFactRuFile(path, check, &docs);
      }
      break;
    case GoldFormat::kConllu:
      st = ReadConlluGold(path, check, &docs);
      break;
    case GoldFormat::kRazdelTokens:
    case GoldFormat::kRazdelSentences:
      st = ReadRazdel(path, format == GoldFormat::kRazdelSentences, check, &docs);
      break;
    case GoldFormat::kAuto:
      break;
  }
  if (!st.ok()) return st;
  size_t spans = 0;
  for (const GoldDocument& d : docs) spans += d.tokens.size() + d.sentences.size();
  if (!docs.empty() && spans == 0) {
    return InvalidArgument(path + ": no gold documents: " + std::to_string(docs.size()) +
                           " documents without a token or sentence");
  }
  return docs;
}

std::vector<uint32_t> Boundaries(const std::vector<Span>& spans) {
  std::vector<uint32_t> out;
  out.reserve(spans.size() * 2);
  for (const Span& s : spans) {
    out.push_back(s.begin);
    out.push_back(s.end);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t BoundaryErrors(const std::vector<Span>& gold, const std::vector<Span>& predicted,
                      std::vector<uint32_t>* diffs) {
  std::vector<uint32_t> g = Boundaries(gold), p = Boundaries(predicted);
  std::vector<uint32_t> d;
  std::set_symmetric_difference(g.begin(), g.end(), p.begin(), p.end(), std::back_inserter(d));
  size_t n = d.size();
  if (diffs) diffs->insert(diffs->end(), d.begin(), d.end());
  return n;
}

std::string ShowBoundaries(const std::string& text, const std::vector<Span>& spans, uint32_t pos,
                           size_t radius) {
  size_t b = pos > radius ? pos - radius : 0;
  size_t e = std::min(text.size(), static_cast<size_t>(pos) + radius);
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
  std::vector<uint32_t> bounds;
  for (const Span& s : spans) {
    if (s.end < b || s.begin > e) continue;
    bounds.push_back(s.begin);
    bounds.push_back(s.end);
  }
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  std::string out;
  size_t k = 0;
  for (size_t i = b; i <= e; ++i) {
    while (k < bounds.size() && bounds[k] < i) ++k;
    if (k < bounds.size() && bounds[k] == i) out += '|';
    if (i == e) break;
    char c = text[i];
    if (c == '\n')
      out += "⏎";
    else if (c == '\r' || c == '\t')
      out += ' ';
    else
      out += c;
  }
  return out;
}

SegmentScores ScoreSegmentation(const Segmenter& segmenter, const std::vector<GoldDocument>& docs,
                                bool razdel, const std::function<void(const SegmentDiff&)>& each) {
  SegmentScores scores;
  std::vector<Token> tokens;
  std::vector<Span> token_spans, sentences;
  std::vector<uint32_t> diffs;
  auto count = [&](const GoldDocument& doc, const char* what, const std::vector<Span>& gold,
                   const std::vector<Span>& predicted, SegmentCounts* c) {
    diffs.clear();
    ++c->docs;
    c->gold += gold.size();
    c->predicted += predicted.size();
    c->errors += BoundaryErrors(gold, predicted, &diffs);
    if (each) each(SegmentDiff{doc, what, gold, predicted, diffs});
  };
  for (const GoldDocument& doc : docs) {
    tokens.clear();
    sentences.clear();
    const auto t0 = std::chrono::steady_clock::now();
    segmenter.Segment(doc.text, &tokens, &sentences);
    if (razdel) tokens = ToRazdelTokens(doc.text, tokens);
    scores.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    scores.bytes += doc.text.size();
    token_spans.clear();
    for (const Token& t : tokens) token_spans.push_back(t.span);
    if (doc.has_tokens) count(doc, "token", doc.tokens, token_spans, &scores.tokens);
    if (doc.has_sentences) count(doc, "sentence", doc.sentences, sentences, &scores.sentences);
  }
  return scores;
}

}  // namespace svodka
