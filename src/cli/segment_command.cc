// `svodka segment FILE...`: tokens and sentences as JSON lines, and `svodka eval segment`:
// errors against gold segmentations (see src/text/segment_eval.h for the error count).
#include <chrono>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "base/text_input.h"
#include "base/json_writer.h"
#include "base/utf8.h"
#include "article/reader.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "text/segment_eval.h"
#include "text/segmenter.h"

namespace svodka::cli {
namespace {

// Converts increasing byte offsets of one text to code point offsets by walking forward.
class CodePointCounter {
 public:
  CodePointCounter(std::string_view text, size_t origin)
      : text_(text), byte_(origin), origin_(origin) {}
  uint32_t operator()(uint32_t b) {
    if (b < byte_) {  // not monotone: restart (never happens for our spans)
      byte_ = origin_;
      cp_ = 0;
    }
    const unsigned char* p = reinterpret_cast<const unsigned char*>(text_.data());
    for (; byte_ < b; ++byte_) cp_ += (p[byte_] & 0xC0) != 0x80;
    return cp_;
  }

 private:
  std::string_view text_;
  size_t byte_, origin_;
  uint32_t cp_ = 0;
};

void AppendUint(uint32_t v, std::string* out) {
  char buf[16];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

template <typename GetSpan>
void AppendSpans(std::string_view text, size_t origin, size_t n, GetSpan get, std::string* out) {
  CodePointCounter cp(text, origin);
  out->push_back('[');
  for (size_t i = 0; i < n; ++i) {
    Span s = get(i);
    if (i) out->push_back(',');
    out->push_back('[');
    AppendUint(cp(s.begin), out);
    out->push_back(',');
    AppendUint(cp(s.end), out);
    out->push_back(']');
  }
  out->push_back(']');
}

struct SegmentOptions {
  std::vector<std::string> files;
  bool lines = false;
  size_t max_doc_mb = 4095;
};

// Segments text[range] and writes its JSON line. The text is segmented in pieces of about
// 1 MB (Segmenter::SegmentInPieces: the same result as one call, without holding the tokens of
// a 100 MB document); each piece's tokens are written at once.
void WriteDocument(const Segmenter& seg, std::string_view text, Span range, std::string_view id,
                   std::vector<Span>* sentences, Output* out) {
  sentences->clear();
  std::string& b = out->buf();
  b += "{\"id\": \"";
  JsonWriter::Escape(id, &b);
  b += "\", \"tokens\": [";
  CodePointCounter cp(text, range.begin);
  bool first = true;
  seg.SegmentInPieces(text, range, size_t{1} << 20,
                      [&](std::span<const Token> tokens, std::span<const Span> piece_sentences) {
                        for (const Token& t : tokens) {
                          if (!first) b.push_back(',');
                          first = false;
                          b.push_back('[');
                          AppendUint(cp(t.span.begin), &b);
                          b.push_back(',');
                          AppendUint(cp(t.span.end), &b);
                          b.push_back(']');
                        }
                        sentences->insert(sentences->end(), piece_sentences.begin(),
                                          piece_sentences.end());
                        out->MaybeFlush();
                      });
  b += "], \"sentences\": ";
  AppendSpans(text, range.begin, sentences->size(), [&](size_t i) { return (*sentences)[i]; }, &b);
  b += "}\n";
  out->EndDocument();
}

void RunSegment(const SegmentOptions& opt) {
  Segmenter seg;
  Output out;
  std::vector<Span> sentences;
  for (const std::string& file : opt.files) {
    if (out.failed()) return;
    // Binary data is refused after 64 KiB, an input over the limit as soon as it passes it.
    Result<std::string> data = ReadTextFile(file, opt.max_doc_mb << 20);
    if (!data.ok()) {
      out.Flush();
      fprintf(stderr, "svodka segment: %s\n", data.status().message().c_str());
      SetExitCode(1);
      continue;
    }
    std::string& text = *data;
    if (text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
      // Nothing to segment: say so, count it as a failed input, and emit no document.
      out.Flush();
      fprintf(stderr, "svodka segment: %s: empty file, nothing to segment\n", file.c_str());
      SetExitCode(1);
      continue;
    }
    Utf8Repair rep = RepairUtf8(&text);
    // Spans are 32-bit; checked after the repair, which can triple an invalid byte.
    if (text.size() > 0xFFFFFFF0u) {
      out.Flush();
      fprintf(stderr, "svodka segment: %s: larger than 4 GiB, skipped\n", file.c_str());
      SetExitCode(1);
      continue;
    }
    if (rep.replaced) {
      out.Flush();
      fprintf(stderr, "svodka segment: warning: %s: byte %zu: invalid UTF-8 replaced with U+FFFD\n",
              file.c_str(), rep.first_bad_offset);
    }
    std::string stem = file == "-" ? "stdin" : std::filesystem::path(file).stem().string();
    if (!opt.lines) {
      WriteDocument(seg, text, Span{0, static_cast<uint32_t>(text.size())}, stem, &sentences,
                    &out);
      continue;
    }
    size_t pos = 0, line_no = 0;
    std::string id;
    while (pos < text.size() && !out.failed()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      size_t e = nl;
      if (e > pos && text[e - 1] == '\r') --e;
      ++line_no;
      id = stem;
      id += ':';
      id += std::to_string(line_no);
      WriteDocument(seg, text, Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(e)}, id,
                    &sentences, &out);
      pos = nl + 1;
    }
  }
}

struct EvalOptions {
  std::vector<std::string> paths;
  std::string format = "auto";
  std::string scheme = "news";
  bool json = false;
  int show_errors = 0;
};

struct Counts {
  size_t docs = 0, gold = 0, predicted = 0, errors = 0;
};

void PrintExamples(const GoldDocument& doc, const std::vector<Span>& gold,
                   const std::vector<Span>& pred, const std::vector<uint32_t>& diffs,
                   const char* what, int* budget) {
  uint32_t last = 0;
  bool any = false;
  for (uint32_t d : diffs) {
    if (*budget <= 0) return;
    if (any && d < last + 20) continue;  // one example per neighbourhood
    any = true;
    last = d;
    --*budget;
    printf("%s error in %s at byte %u\n  gold: %s\n  pred: %s\n", what, doc.id.c_str(), d,
           ShowBoundaries(doc.text, gold, d).c_str(), ShowBoundaries(doc.text, pred, d).c_str());
  }
}

void RunEval(const EvalOptions& opt) {
  Result<GoldFormat> format = ParseGoldFormat(opt.format);
  if (!format.ok()) {
    fprintf(stderr, "svodka eval segment: %s\n", format.status().message().c_str());
    SetExitCode(2);
    return;
  }
  if (opt.scheme != "news" && opt.scheme != "razdel") {
    fprintf(stderr, "svodka eval segment: unknown --scheme '%s' (news, razdel)\n",
            opt.scheme.c_str());
    SetExitCode(2);
    return;
  }
  Segmenter seg(opt.scheme == "razdel" ? TokenScheme::kRazdel : TokenScheme::kNews);
  for (const std::string& path : opt.paths) {
    // Binary data (an executable, an image) is not gold: refused from its first 64 KiB.
    Result<std::vector<GoldDocument>> docs = ReadGold(path, *format, CheckBinary);
    if (!docs.ok()) {
      fprintf(stderr, "svodka eval segment: %s\n", docs.status().message().c_str());
      SetExitCode(1);
      continue;
    }
    if (docs->empty()) {  // an empty gold file would otherwise "score" 0 errors of 0
      fprintf(stderr, "svodka eval segment: %s: no gold documents\n", path.c_str());
      SetExitCode(1);
      continue;
    }
    Counts tok, sent;
    double seconds = 0;
    size_t bytes = 0;
    int tok_budget = opt.show_errors, sent_budget = opt.show_errors;
    std::vector<Token> tokens;
    std::vector<Span> token_spans, sentences;
    std::vector<uint32_t> diffs;
    for (const GoldDocument& doc : *docs) {
      tokens.clear();
      sentences.clear();
      auto t0 = std::chrono::steady_clock::now();
      seg.Segment(doc.text, &tokens, &sentences);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      bytes += doc.text.size();
      token_spans.clear();
      for (const Token& t : tokens) token_spans.push_back(t.span);
      if (doc.has_tokens) {
        diffs.clear();
        tok.docs++;
        tok.gold += doc.tokens.size();
        tok.predicted += token_spans.size();
        tok.errors += BoundaryErrors(doc.tokens, token_spans, &diffs);
        PrintExamples(doc, doc.tokens, token_spans, diffs, "token", &tok_budget);
      }
      if (doc.has_sentences) {
        diffs.clear();
        sent.docs++;
        sent.gold += doc.sentences.size();
        sent.predicted += sentences.size();
        sent.errors += BoundaryErrors(doc.sentences, sentences, &diffs);
        PrintExamples(doc, doc.sentences, sentences, diffs, "sentence", &sent_budget);
      }
    }
    auto per1000 = [](const Counts& c) { return c.gold ? 1000.0 * c.errors / c.gold : 0.0; };
    if (opt.json) {
      std::string out;
      JsonWriter w(&out);
      w.BeginObject();
      w.Key("path");
      w.String(path);
      w.Key("documents");
      w.Uint(docs->size());
      for (int k = 0; k < 2; ++k) {
        const Counts& c = k == 0 ? tok : sent;
        if (c.docs == 0) continue;
        w.Key(k == 0 ? "tokens" : "sentences");
        w.BeginObject();
        w.Key("gold");
        w.Uint(c.gold);
        w.Key("predicted");
        w.Uint(c.predicted);
        w.Key("errors");
        w.Uint(c.errors);
        w.Key("errors_per_1000");
        w.Double(per1000(c));
        w.EndObject();
      }
      w.Key("seconds");
      w.Double(seconds);
      w.Key("mb_per_second");
      w.Double(seconds > 0 ? bytes / 1e6 / seconds : 0);
      w.EndObject();
      printf("%s\n", out.c_str());
    } else {
      printf("%s: %zu documents, %.1f KB, segmented in %.3f s\n", path.c_str(), docs->size(),
             bytes / 1e3, seconds);
      if (tok.docs) {
        printf("  tokens:    gold %zu, predicted %zu, errors %zu, per 1000 gold tokens %.2f\n",
               tok.gold, tok.predicted, tok.errors, per1000(tok));
      }
      if (sent.docs) {
        printf("  sentences: gold %zu, predicted %zu, errors %zu, per 1000 gold sentences %.2f\n",
               sent.gold, sent.predicted, sent.errors, per1000(sent));
      }
    }
    fflush(stdout);
  }
}

}  // namespace

void RegisterSegmentCommands(CLI::App& app, CLI::App& eval) {
  auto seg_opt = std::make_shared<SegmentOptions>();
  CLI::App* seg = app.add_subcommand(
      "segment",
      "Split text into tokens and sentences. Prints one JSON line per document: "
      "{\"id\": <file stem>, \"tokens\": [[b,e],...], \"sentences\": [[b,e],...]} with "
      "code point offsets. Invalid UTF-8 is replaced with U+FFFD (with a warning); an "
      "unreadable file is reported and skipped (exit status 1).");
  seg->add_option("files", seg_opt->files, "Input text files (UTF-8); \"-\" is standard input")
      ->required();
  seg->add_option("--max-doc-mb", seg_opt->max_doc_mb,
                  "Refuse inputs larger than this (MB); spans are 32-bit, so at most 4095")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{4095}));
  seg->add_flag("--lines", seg_opt->lines,
                "Each input line is a document, id \"<stem>:<line number>\", offsets relative "
                "to the line");
  seg->callback([seg_opt] { RunSegment(*seg_opt); });

  auto eval_opt = std::make_shared<EvalOptions>();
  CLI::App* ev = eval.add_subcommand(
      "segment",
      "Score tokenization and sentence splitting against gold data: errors are the "
      "symmetric difference of span boundary sets (razdel's count), reported per 1000 gold "
      "tokens/sentences. Gold: a factRuEval folder or .tokens file, a .conllu file, or a "
      "razdel partition file (one document per line, chunks separated by '|').");
  ev->add_option("paths", eval_opt->paths, "Gold files or factRuEval folders")->required();
  ev->add_option("--format", eval_opt->format,
                 "auto (default: by path), factrueval, conllu, razdel-tokens, razdel-sents");
  ev->add_option("--scheme", eval_opt->scheme,
                 "Token conventions: news (default, what `svodka segment` uses) or razdel "
                 "(URLs, e-mails, domains, times, apostrophes split as razdel does)");
  ev->add_flag("--json", eval_opt->json, "One JSON object per path instead of text");
  ev->add_option("--show-errors", eval_opt->show_errors,
                 "Print up to N token and N sentence error examples (gold vs predicted bars)");
  ev->callback([eval_opt] { RunEval(*eval_opt); });
}

}  // namespace svodka::cli
