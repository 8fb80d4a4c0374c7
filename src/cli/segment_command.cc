// `svodka segment FILE...`: tokens and sentences as JSON lines, and `svodka eval segment`:
// errors against gold segmentations (see src/eval/segment_eval.h for the error count).
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "article/reader.h"
#include "base/file.h"
#include "base/json_writer.h"
#include "base/offsets.h"
#include "base/text_input.h"
#include "base/utf8.h"
#include "cli/commands.h"
#include "cli/ordered_pool.h"
#include "cli/output.h"
#include "eval/segment_eval.h"
#include "text/segmenter.h"

namespace svodka::cli {
namespace {

struct SegmentOptions {
  std::vector<std::string> files;
  bool lines = false;
  size_t max_doc_mb = 4095;
  int threads = 0;
};

// Documents over this size are written in their turn, in pieces (Ticket::WriteInTurn).
constexpr size_t kStreamBytes = size_t{4} << 20;

// Segments text[range] and appends its JSON line to *json:
// {"id": ID, "tokens": [[b,e],...], "sentences": [[b,e],...]}, code points from range.begin.
// The text is segmented in pieces of about 1 MB (Segmenter::SegmentInPieces: the same result
// as one call, without holding the tokens of a 100 MB document); with `out`, each piece's
// tokens are written away at once.
void WriteDocument(const Segmenter& seg, std::string_view text, Span range, std::string_view id,
                   std::string* json, Output* out) {
  const std::string_view own = text.substr(range.begin, range.size());
  const CodePointIndex cp(own);
  std::vector<Span> sentences;
  JsonWriter w(json, /*spaced_top_level=*/true);
  w.BeginObject();
  w.Key("id");
  w.String(id);
  w.Key("tokens");
  w.BeginArray();
  seg.SegmentInPieces(text, range, size_t{1} << 20,
                      [&](std::span<const Token> tokens, std::span<const Span> piece_sentences) {
                        for (const Token& t : tokens)
                          w.Pair(cp(t.span.begin - range.begin), cp(t.span.end - range.begin));
                        sentences.insert(sentences.end(), piece_sentences.begin(),
                                         piece_sentences.end());
                        if (out) out->MaybeFlush();
                      });
  w.EndArray();
  w.Key("sentences");
  w.BeginArray();
  for (const Span& s : sentences) w.Pair(cp(s.begin - range.begin), cp(s.end - range.begin));
  w.EndArray();
  w.EndObject();
  json->push_back('\n');
}

void RunSegment(const SegmentOptions& opt) {
  const Segmenter seg;
  Output out;
  std::atomic<bool> write_failed{false};
  auto sink = [&](DocOutput& d) {
    if (!d.err.empty()) {
      out.Flush();
      std::fputs(d.err.c_str(), stderr);
    }
    if (d.failed) SetExitCode(1);
    out.buf() += d.out;
    out.EndDocument();
    if (out.failed()) write_failed = true;
  };
  const int threads = ResolveThreads(opt.threads);
  OrderedPool pool(threads, 4 * static_cast<size_t>(threads), size_t{64} << 20, sink);
  // A message takes its place in the output order like a document.
  auto message = [&](std::string m, bool failed) {
    pool.Submit(0, [m = std::move(m), failed](int, Ticket& ticket) {
      ticket.Write(DocOutput{{}, m, failed});
    });
  };
  // One document: text[range] of a file that the task keeps alive.
  auto submit = [&](std::shared_ptr<const std::string> text, Span range, std::string id) {
    pool.Submit(range.size(), [&seg, &out, text = std::move(text), range, id = std::move(id)](
                                  int, Ticket& ticket) {
      if (range.size() <= kStreamBytes) {
        DocOutput d;
        WriteDocument(seg, *text, range, id, &d.out, nullptr);
        return ticket.Write(std::move(d));
      }
      ticket.WriteInTurn([&] {
        WriteDocument(seg, *text, range, id, &out.buf(), &out);
        out.EndDocument();
      });
    });
  };
  for (const std::string& file : opt.files) {
    if (write_failed) break;
    // Binary data is refused after 64 KiB, an input over the limit as soon as it passes it.
    Result<std::string> data = ReadTextFile(file, opt.max_doc_mb << 20);
    if (!data.ok()) {
      message("svodka segment: " + data.status().message() + "\n", true);
      continue;
    }
    auto text = std::make_shared<std::string>(std::move(data).value());
    if (text->find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
      // Nothing to segment: say so, count it as a failed input, and emit no document.
      message("svodka segment: " + file + ": empty file, nothing to segment\n", true);
      continue;
    }
    Utf8Repair rep = RepairUtf8(text.get());
    // Spans are 32-bit; checked after the repair, which can triple an invalid byte.
    if (text->size() > 0xFFFFFFF0u) {
      message("svodka segment: " + file + ": larger than 4 GiB, skipped\n", true);
      continue;
    }
    if (rep.replaced) {
      message("svodka segment: warning: " + file + ": byte " +
                  std::to_string(rep.first_bad_offset) + ": invalid UTF-8 replaced with U+FFFD\n",
              false);
    }
    std::string stem = file == "-" ? "stdin" : std::filesystem::path(file).stem().string();
    if (!opt.lines) {
      const Span all{0, static_cast<uint32_t>(text->size())};
      submit(std::move(text), all, std::move(stem));
      continue;
    }
    // Lines go to the workers in batches (a task per line would cost more than the line):
    // up to kBatchLines lines or kBatchBytes bytes, written as one output, in order.
    constexpr size_t kBatchLines = 1024, kBatchBytes = 256 << 10;
    std::vector<Span> batch;
    size_t batch_bytes = 0, first_line = 1;
    auto submit_batch = [&] {
      if (batch.empty()) return;
      const size_t count = batch.size();
      pool.Submit(batch_bytes,
                  [&seg, text, lines = std::move(batch), first_line, stem](int, Ticket& ticket) {
                    DocOutput d;
                    for (size_t k = 0; k < lines.size(); ++k)
                      WriteDocument(seg, *text, lines[k],
                                    stem + ':' + std::to_string(first_line + k), &d.out, nullptr);
                    ticket.Write(std::move(d));
                  });
      first_line += count;
      batch.clear();
      batch_bytes = 0;
    };
    size_t pos = 0;
    while (pos < text->size() && !write_failed) {
      size_t nl = text->find('\n', pos);
      if (nl == std::string::npos) nl = text->size();
      size_t e = nl;
      if (e > pos && (*text)[e - 1] == '\r') --e;
      if (e - pos > kStreamBytes) {  // a huge line: a document of its own, streamed
        submit_batch();
        submit(text, Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(e)},
               stem + ':' + std::to_string(first_line));
        ++first_line;
      } else {
        batch.push_back(Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(e)});
        batch_bytes += e - pos;
        if (batch.size() >= kBatchLines || batch_bytes >= kBatchBytes) submit_batch();
      }
      pos = nl + 1;
    }
    submit_batch();
  }
  pool.Finish();
  out.Flush();
}

struct EvalOptions {
  std::vector<std::string> paths;
  std::string format = "auto";
  std::string scheme = "news";
  bool json = false;
  int show_errors = 0;
};

// Prints up to *budget examples of the differences, one per neighbourhood.
void PrintExamples(const SegmentDiff& d, int* budget) {
  uint32_t last = 0;
  bool any = false;
  for (uint32_t pos : d.differences) {
    if (*budget <= 0) return;
    if (any && pos < last + 20) continue;
    any = true;
    last = pos;
    --*budget;
    printf("%s error in %s at byte %u\n  gold: %s\n  pred: %s\n", d.what, d.doc.id.c_str(), pos,
           ShowBoundaries(d.doc.text, d.gold, pos).c_str(),
           ShowBoundaries(d.doc.text, d.predicted, pos).c_str());
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
  const Segmenter seg;
  const bool razdel = opt.scheme == "razdel";
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
    int tok_budget = opt.show_errors, sent_budget = opt.show_errors;
    const SegmentScores scores = ScoreSegmentation(seg, *docs, razdel, [&](const SegmentDiff& d) {
      PrintExamples(d, d.what[0] == 't' ? &tok_budget : &sent_budget);
    });
    const SegmentCounts& tok = scores.tokens;
    const SegmentCounts& sent = scores.sentences;
    const double seconds = scores.seconds;
    const size_t bytes = scores.bytes;
    auto per1000 = [](const SegmentCounts& c) { return c.ErrorsPer1000(); };
    if (opt.json) {
      std::string out;
      JsonWriter w(&out);
      w.BeginObject();
      w.Key("path");
      w.String(path);
      w.Key("documents");
      w.Uint(docs->size());
      for (int k = 0; k < 2; ++k) {
        const SegmentCounts& c = k == 0 ? tok : sent;
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
  seg->add_option("-j,--jobs", seg_opt->threads,
                  "Threads segmenting documents (default 0: all cores); output stays in input "
                  "order")
      ->capture_default_str()
      ->check(CLI::Range(0, 1024));
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
