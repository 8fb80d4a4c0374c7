// `svodka analyze`: read articles, run the pipeline, write the JSON contract (docs/format.md)
// or a readable summary. Documents stream through one at a time, so memory stays flat on a
// JSONL stream of any length.
#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "base/json_writer.h"
#include "cli/commands.h"
#include "cli/ordered_pool.h"
#include "cli/output.h"
#include "cli/summary.h"
#include "pipeline/brat_writer.h"
#include "svodka/document_json.h"
#include "svodka/pipeline.h"
#include "svodka/reader.h"

namespace svodka::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> inputs;
  std::string format = "auto";
  bool jsonl = false;
  bool tokens = false;
  bool summary = false;
  std::string brat_dir;
  bool no_morph = false;
  bool no_entities = false;
  std::string ner_model;
  std::string dict;
  std::string model;
  size_t max_doc_mb = 64;
  int threads = 0;
};

// Documents over this size are written in their turn, in pieces (Ticket::WriteInTurn).
constexpr size_t kStreamBytes = size_t{4} << 20;
// Text bytes of the documents read but not yet written (a document's analysis takes about 6x
// its text): with -j N, N to 4N small documents, or one or two large ones, are in flight.
constexpr size_t kMaxBytesInFlight = size_t{64} << 20;

// Compact (--jsonl) or indented JSON of doc appended to *text; with `out`, written away in
// pieces as it grows (a document of millions of tokens is never held as one string).
void WriteDocument(const Document& doc, const DocumentJsonOptions& options, bool jsonl,
                   std::string* text, Output* out) {
  if (jsonl) {
    WriteDocumentJson(doc, options, text, [&] {
      if (out) out->MaybeFlush();
    });
  } else {
    JsonPrettyPrinter pretty;
    std::string compact;
    WriteDocumentJson(doc, options, &compact, [&] {
      pretty.Append(compact, text);
      compact.clear();
      if (out) out->MaybeFlush();
    });
    pretty.Append(compact, text);
  }
  text->push_back('\n');
}

int RunAnalyze(const AnalyzeOptions& o) {
  auto format = ParseInputFormat(o.format);
  if (!format.ok()) {
    std::fprintf(stderr, "svodka analyze: %s\n", format.status().message().c_str());
    return 2;
  }
  PipelineOptions popts;
  popts.dictionary_path = o.dict;
  popts.tagger_model_path = o.model;
  popts.morphology = !o.no_morph;
  popts.entities = !o.no_morph && !o.no_entities;
  popts.ner_model_path = o.ner_model;
  auto pipeline = Pipeline::Create(popts);
  int rc = 0;
  if (!pipeline.ok() && popts.entities) {
    // Without the NER model the rest still works; a model the user named that cannot be loaded
    // is a failed input (exit 1).
    std::fprintf(stderr, "svodka analyze: entities disabled: %s\n",
                 pipeline.status().message().c_str());
    if (!o.ner_model.empty()) rc = 1;
    popts.entities = false;
    pipeline = Pipeline::Create(popts);
  }
  if (!pipeline.ok() && popts.morphology) {
    // Segmentation and structure still work without the morphology models. But a --dict or
    // --model the user named that cannot be loaded is a failed input: exit 1, not a silent 0
    // with lemmas and tags missing from the output.
    std::fprintf(stderr, "svodka analyze: morphology disabled: %s\n",
                 pipeline.status().message().c_str());
    if (!o.dict.empty() || !o.model.empty()) rc = 1;
    popts.morphology = false;
    pipeline = Pipeline::Create(popts);
  }
  if (!pipeline.ok()) {
    std::fprintf(stderr, "svodka analyze: %s\n", pipeline.status().message().c_str());
    return 1;
  }

  ReadOptions ropts;
  ropts.format = *format;
  ropts.max_document_bytes = o.max_doc_mb << 20;
  DocumentJsonOptions jopts;
  jopts.tokens = o.tokens;
  Output out;
  // Writes a document's output (under the pool's lock, in input order): messages first, on
  // stderr after what stdout already has, then the output.
  std::atomic<bool> write_failed{false};  // read by the reading thread
  auto sink = [&](DocOutput& d) {
    if (!d.err.empty()) {
      out.Flush();
      std::fputs(d.err.c_str(), stderr);
    }
    if (d.failed) rc = 1;
    out.buf() += d.out;
    out.EndDocument();
    if (out.failed()) write_failed = true;
  };
  const int threads = ResolveThreads(o.threads);
  // Documents in flight: enough to keep every core busy, few enough for flat memory.
  OrderedPool pool(threads, 4 * static_cast<size_t>(threads), kMaxBytesInFlight, sink);
  std::vector<Scratch> scratches(static_cast<size_t>(threads));
  const Pipeline& p = *pipeline;

  // Analyses one document on a worker and hands its output to the ticket. A document larger
  // than kStreamBytes is written in its turn, straight to the output in pieces, never held
  // whole as JSON.
  auto analyze = [&](Document& doc, const std::string& path, int worker, Ticket& ticket) {
    DocOutput d;
    for (const std::string& w : doc.warnings) d.err += "svodka analyze: warning: " + w + "\n";
    if (Status s = p.Annotate(doc, &scratches[static_cast<size_t>(worker)]); !s.ok()) {
      d.err += "svodka analyze: " + doc.id + ": " + s.message() + "\n";
      d.failed = true;
      return ticket.Write(std::move(d));
    }
    if (o.summary) {
      WriteSummary(doc, path, &d.out);
      return ticket.Write(std::move(d));
    }
    if (!o.brat_dir.empty()) {  // files, not standard output
      if (Status s = WriteBrat(doc, o.brat_dir); !s.ok()) {
        d.err += "svodka analyze: " + s.message() + "\n";
        d.failed = true;
      }
      return ticket.Write(std::move(d));
    }
    if (doc.text.size() <= kStreamBytes) {
      WriteDocument(doc, jopts, o.jsonl, &d.out, nullptr);
      return ticket.Write(std::move(d));
    }
    ticket.WriteInTurn([&] {
      sink(d);  // the messages
      WriteDocument(doc, jopts, o.jsonl, &out.buf(), &out);
      out.EndDocument();
    });
  };

  std::vector<std::string> inputs = o.inputs;
  if (inputs.empty()) inputs.push_back("-");
  for (const std::string& path : inputs) {
    // A reader's message takes its place in the output order like a document.
    auto on_error = [&](const Status& s) {
      pool.Submit(0, [m = "svodka analyze: " + s.message() + "\n"](int, Ticket& ticket) {
        ticket.Write(DocOutput{{}, m, true});
      });
    };
    Status s = ReadDocumentsFromFile(
        path, ropts,
        [&](Document&& doc) {
          const size_t bytes = doc.text.size();
          pool.Submit(bytes,
                      [&analyze, &path, doc = std::move(doc)](int worker, Ticket& ticket) mutable {
                        analyze(doc, path, worker, ticket);
                      });
          return !write_failed;  // nothing more can be written: stop reading
        },
        on_error);
    if (!s.ok()) on_error(s);
    if (write_failed) break;
  }
  pool.Finish();
  out.Flush();
  return out.failed() ? 1 : rc;
}

}  // namespace

void RegisterAnalyzeCommand(CLI::App& app) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Read articles (text, JSON, JSONL, HTML) and write their structure, sentences and tokens "
      "as JSON (docs/format.md)");
  cmd->add_option("inputs", o->inputs, "Input files; '-' or none reads standard input");
  cmd->add_option("--format", o->format, "Input format: auto, text, json, jsonl, html")
      ->capture_default_str();
  cmd->add_flag("--jsonl", o->jsonl, "One compact JSON object per line (default: indented)");
  cmd->add_flag("--tokens", o->tokens, "Include tokens (with lemma, upos, feats, tag)");
  cmd->add_flag("--summary", o->summary, "A readable summary instead of JSON");
  cmd->add_option("--brat", o->brat_dir,
                  "Write brat files instead of JSON: DIR/<id>.txt and DIR/<id>.ann (entities, "
                  "base forms, coreference)")
      ->check(CLI::ExistingDirectory);
  cmd->add_flag("--no-morph", o->no_morph, "Skip morphology (no dictionary or model needed)");
  cmd->add_flag("--no-entities", o->no_entities, "Skip named entities (no NER model needed)");
  cmd->add_option("--ner-model", o->ner_model, "NER model (default: looked up)");
  cmd->add_option("--dict", o->dict, "Compiled dictionary (default: looked up)");
  cmd->add_option("--model", o->model, "Tagger model (default: looked up)");
  cmd->add_option("-j,--jobs", o->threads,
                  "Threads analysing documents (default 0: all cores); output stays in input "
                  "order")
      ->capture_default_str()
      ->check(CLI::Range(0, 1024));
  // Bounded: `-1` or a huge value used to wrap around in `max_doc_mb << 20` (an arbitrary
  // limit), and spans are 32-bit byte offsets, so a document must stay under 4 GiB.
  cmd->add_option("--max-doc-mb", o->max_doc_mb, "Refuse documents larger than this (MB)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{4095}));
  cmd->callback([o] { SetExitCode(RunAnalyze(*o)); });
}

}  // namespace svodka::cli
