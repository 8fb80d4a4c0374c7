// `svodka eval normal DIR...`: accuracy of the base forms of named mentions (src/ner/normalizer.h)
// against the BSNLP gold (src/eval/bsnlp.h; docs/evaluation.md, "Base forms").
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "base/json_writer.h"
#include "base/text_input.h"
#include "cli/commands.h"
#include "eval/bsnlp.h"
#include "ner/normalizer.h"
#include "svodka/pipeline.h"

namespace svodka::cli {
namespace {

struct NormalEvalFlags {
  std::vector<std::string> dirs;
  std::string dict, model;
  bool json = false;
  size_t show_errors = 0;
};

void Fail(const std::string& what) {
  std::fprintf(stderr, "svodka eval normal: %s\n", what.c_str());
  SetExitCode(1);
}

std::string Percent(size_t n, size_t of) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", of ? 100.0 * static_cast<double>(n) / of : 0.0);
  return buf;
}

void PrintRow(const std::string& name, const NormalCounts& c) {
  const std::string exact = c.exact_scored ? Percent(c.exact, c.exact_scored) : "-";
  std::printf("  %-10s %6zu %6zu %7s %8s %10s\n", name.c_str(), c.gold, c.found,
              Percent(c.found, c.gold).c_str(), exact.c_str(),
              Percent(c.case_insensitive, c.found).c_str());
}

void WriteCounts(JsonWriter& w, const NormalCounts& c) {
  w.BeginObject();
  w.Key("gold");
  w.Uint(c.gold);
  w.Key("found");
  w.Uint(c.found);
  w.Key("exact");
  if (c.exact_scored) {
    w.Double(c.ExactAccuracy());
  } else {
    w.Null();
  }
  w.Key("exact_scored");
  w.Uint(c.exact_scored);
  w.Key("case_insensitive");
  w.Double(c.CaseInsensitiveAccuracy());
  w.EndObject();
}

void PrintMismatches(const NormalScores& s, size_t n) {
  // Grouped by (type, form, predicted, gold) case-insensitively; the most frequent first.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, size_t> groups;
  for (const NormalMismatch& m : s.mismatches) {
    ++groups[{m.type, FoldCase(m.form), FoldCase(m.predicted), FoldCase(m.gold)}];
  }
  std::vector<std::pair<size_t, decltype(groups)::key_type>> sorted;
  for (const auto& [key, count] : groups) sorted.emplace_back(count, key);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::printf("%zu mismatches (case-insensitive), %zu distinct; the %zu most frequent:\n",
              s.mismatches.size(), sorted.size(), std::min(n, sorted.size()));
  for (size_t k = 0; k < sorted.size() && k < n; ++k) {
    const auto& [type, form, predicted, gold] = sorted[k].second;
    std::printf("  %3zu  %-4s %s -> %s  (gold: %s)\n", sorted[k].first, type.c_str(), form.c_str(),
                predicted.c_str(), gold.c_str());
  }
  if (!s.not_found.empty()) {
    std::printf("%zu gold mentions not found on token boundaries:\n", s.not_found.size());
    for (size_t k = 0; k < s.not_found.size() && k < n; ++k) {
      const NormalMismatch& m = s.not_found[k];
      std::printf("  %s/%s  %-4s %s\n", m.topic.c_str(), m.doc.c_str(), m.type.c_str(),
                  m.form.c_str());
    }
  }
}

void Run(const NormalEvalFlags& f) {
  // Segmentation and morphology: the mentions are the gold ones.
  PipelineOptions options;
  options.dictionary_path = f.dict;
  options.tagger_model_path = f.model;
  options.entities = false;
  options.entities = false;  // the gold mentions are given
  Result<Pipeline> pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) return Fail(pipeline.status().ToString());
  Result<Normalizer> normalizer = Normalizer::LoadDefault(f.dict);
  if (!normalizer.ok()) return Fail(normalizer.status().ToString());
  Scratch scratch;
  for (const std::string& dir : f.dirs) {
    Result<std::vector<BsnlpDocument>> docs = ReadBsnlp(dir, CheckBinary);
    if (!docs.ok()) {
      Fail(docs.status().message());
      continue;
    }
    if (docs->empty()) {
      Fail(dir + ": no annotated documents");
      continue;
    }
    Result<NormalScores> s = ScoreNormalization(
        *docs, [&](Document& d) { return pipeline->Annotate(d, &scratch); },
        [&](Document& d) { return normalizer->Annotate(d, &scratch); });
    if (!s.ok()) {
      Fail(s.status().ToString());
      continue;
    }
    const double rate = s->seconds > 0 ? s->mentions_normalized / s->seconds : 0;
    if (f.json) {
      std::string out;
      JsonWriter w(&out);
      w.BeginObject();
      w.Key("path");
      w.String(dir);
      w.Key("documents");
      w.Uint(s->documents);
      w.Key("all");
      WriteCounts(w, s->all);
      w.Key("topics");
      w.BeginObject();
      for (const auto& [name, c] : s->topics) {
        w.Key(name);
        WriteCounts(w, c);
      }
      w.EndObject();
      w.Key("types");
      w.BeginObject();
      for (const auto& [name, c] : s->types) {
        w.Key(name);
        WriteCounts(w, c);
      }
      w.EndObject();
      w.Key("mentions_per_second");
      w.Double(rate);
      w.EndObject();
      std::printf("%s\n", out.c_str());
    } else {
      std::printf(
          "%s: %zu documents, base forms of the gold mentions found (accuracy %%; exact only "
          "where the gold is cased)\n",
          dir.c_str(), s->documents);
      std::printf("  %-10s %6s %6s %7s %8s %10s\n", "", "gold", "found", "found%", "exact",
                  "case-insens");
      for (const auto& [name, c] : s->topics) PrintRow(name, c);
      std::printf("  by gold type (PRO, EVT, MISC are normalized as ORG):\n");
      for (const auto& [name, c] : s->types) PrintRow(name, c);
      PrintRow("all", s->all);
      std::printf("  %zu mentions normalized in %.3f s (%.0f mentions/s)\n", s->mentions_normalized,
                  s->seconds, rate);
    }
    if (f.show_errors) PrintMismatches(*s, f.show_errors);
    std::fflush(stdout);
  }
}

}  // namespace

void RegisterNormalEvalCommand(CLI::App& eval) {
  auto flags = std::make_shared<NormalEvalFlags>();
  CLI::App* ev = eval.add_subcommand(
      "normal",
      "Score the base forms of named mentions against BSNLP gold (raw/ + annotated/ of a topic, "
      "or a folder of topics): each gold mention is located at its first occurrence on token "
      "boundaries, normalized in context, and compared with its gold base form (exact where "
      "the gold is cased, and case-insensitively); see docs/evaluation.md");
  ev->add_option("dirs", flags->dirs, "BSNLP folders (a topic or a folder of topics)")->required();
  ev->add_option("--dict", flags->dict, "Compiled dictionary (default: ru.dict in the data path)");
  ev->add_option("--model", flags->model, "Tagger model (default: models/morph-tagger.bin)");
  ev->add_flag("--json", flags->json, "One JSON object per folder instead of the table");
  ev->add_option("--show-errors", flags->show_errors,
                 "Also print the N most frequent mismatches (type, form -> predicted, gold)");
  ev->callback([flags] { Run(*flags); });
}

}  // namespace svodka::cli
