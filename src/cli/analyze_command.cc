// `svodka analyze`: read articles, run the pipeline, write the JSON contract (docs/format.md)
// or a readable summary. Documents stream through one at a time, so memory stays flat on a
// JSONL stream of any length.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "article/reader.h"
#include "base/json_writer.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/summary.h"
#include "pipeline/document_json.h"
#include "svodka/pipeline.h"

namespace svodka::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> inputs;
  std::string format = "auto";
  bool jsonl = false;
  bool tokens = false;
  bool summary = false;
  bool no_morph = false;
  std::string dict;
  std::string model;
  size_t max_doc_mb = 64;
};

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
  auto pipeline = Pipeline::Create(popts);
  int rc = 0;
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
  std::string compact;  // the compact JSON of the document being written (indented output)
  std::vector<std::string> inputs = o.inputs;
  if (inputs.empty()) inputs.push_back("-");
  for (const std::string& path : inputs) {
    auto on_error = [&](const Status& s) {
      std::fprintf(stderr, "svodka analyze: %s\n", s.message().c_str());
      rc = 1;
    };
    Status s = ReadDocumentsFromFile(
        path, ropts,
        [&](Document&& doc) {
          for (const std::string& w : doc.warnings)
            std::fprintf(stderr, "svodka analyze: warning: %s\n", w.c_str());
          pipeline->Annotate(doc);
          if (o.summary) {
            WriteSummary(doc, path, &out.buf());
          } else if (o.jsonl) {
            WriteDocumentJson(doc, jopts, &out.buf(), [&] { out.MaybeFlush(); });
            out.buf().push_back('\n');
          } else {
            // Indented output is made from the compact form piece by piece: a document of
            // millions of tokens is never held as one string.
            JsonPrettyPrinter pretty;
            compact.clear();
            WriteDocumentJson(doc, jopts, &compact, [&] {
              pretty.Append(compact, &out.buf());
              compact.clear();
              out.MaybeFlush();
            });
            pretty.Append(compact, &out.buf());
            out.buf().push_back('\n');
          }
          out.EndDocument();
          return !out.failed();  // nothing more can be written: stop reading
        },
        on_error);
    if (!s.ok()) on_error(s);
    if (out.failed()) break;
  }
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
  cmd->add_flag("--no-morph", o->no_morph, "Skip morphology (no dictionary or model needed)");
  cmd->add_option("--dict", o->dict, "Compiled dictionary (default: looked up)");
  cmd->add_option("--model", o->model, "Tagger model (default: looked up)");
  // Bounded: `-1` or a huge value used to wrap around in `max_doc_mb << 20` (an arbitrary
  // limit), and spans are 32-bit byte offsets, so a document must stay under 4 GiB.
  cmd->add_option("--max-doc-mb", o->max_doc_mb, "Refuse documents larger than this (MB)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{4095}));
  cmd->callback([o] { SetExitCode(RunAnalyze(*o)); });
}

}  // namespace svodka::cli
