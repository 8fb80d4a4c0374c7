// `svodka eval ner|link|roles DIR...`: runs the pipeline (the one `svodka analyze` runs) on
// every gold text of a factRuEval, NEREL or Collection5 folder and scores the document's
// entities, objects and roles against the gold (src/eval/entity_gold.h, entity_eval.h;
// definitions in docs/evaluation.md).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "base/json_writer.h"
#include "base/text_input.h"
#include "cli/commands.h"
#include "cli/ordered_pool.h"
#include "eval/entity_eval.h"
#include "eval/entity_gold.h"
#include "svodka/pipeline.h"
#include "svodka/reader.h"
#include "text/segmenter.h"

namespace svodka::cli {
namespace {

enum class Task { kNer, kLink, kRoles };

const char* TaskName(Task task) {
  switch (task) {
    case Task::kNer:
      return "ner";
    case Task::kLink:
      return "link";
    case Task::kRoles:
      return "roles";
  }
  return "?";
}

struct EntityEvalOptions {
  std::vector<std::string> paths;
  bool json = false;
  bool gold_mentions = false;
  std::string dict, model, ner_model;
  int threads = 0;
};

// The Document the pipeline analyses for a gold text: the plain-text reader's (title, lead,
// dateline and paragraphs found as for `svodka analyze FILE.txt`), whose text is the file
// byte for byte; a bare Document of the text should the reader ever give something else.
Document ToDocument(const EntityGoldDocument& gold) {
  Document out;
  bool have = false;
  ReadOptions options;
  options.format = InputFormat::kText;
  Status s = ReadDocuments(
      gold.text, gold.path, options,
      [&](Document&& doc) {
        if (!have && doc.text == gold.text) {
          out = std::move(doc);
          have = true;
        }
        return false;  // one document per text
      },
      [](const Status&) {});
  if (!s.ok() || !have) {
    out = Document();
    out.text = gold.text;
  }
  out.id = gold.id;
  return out;
}

// Per-document results of one task, summed in document order.
struct DocResult {
  NerScores ner;
  LinkScores link;
  RoleScores roles;
  std::string error;
};

void WriteCounts(JsonWriter& w, const MatchCounts& c) {
  w.BeginObject();
  w.Key("gold");
  w.Uint(c.gold);
  w.Key("predicted");
  w.Uint(c.predicted);
  w.Key("correct");
  w.Uint(c.correct);
  w.Key("precision");
  w.Double(c.Precision());
  w.Key("recall");
  w.Double(c.Recall());
  w.Key("f1");
  w.Double(c.F1());
  w.EndObject();
}

void WriteChain(JsonWriter& w, const ChainScores& c) {
  w.BeginObject();
  w.Key("precision");
  w.Double(c.Precision());
  w.Key("recall");
  w.Double(c.Recall());
  w.Key("f1");
  w.Double(c.F1());
  w.EndObject();
}

void PrintCountsHeader(const char* title, const char* first) {
  std::printf("  %s\n  %-8s %7s %7s %7s  %6s %6s %6s\n", title, first, "gold", "pred", "correct",
              "prec", "recall", "F1");
}

void PrintCountsRow(const char* label, const MatchCounts& c) {
  std::printf("  %-8s %7zu %7zu %7zu  %6.4f %6.4f %6.4f\n", label, c.gold, c.predicted, c.correct,
              c.Precision(), c.Recall(), c.F1());
}

void Report(Task task, const std::string& path, const EntityGold& gold, const DocResult& sum,
            size_t failed, double seconds, bool json) {
  const std::string_view corpus = EntityCorpusName(gold.corpus);
  const size_t scored = gold.docs.size() - failed;
  if (json) {
    std::string out;
    JsonWriter w(&out, /*spaced_top_level=*/true);
    w.BeginObject();
    w.Key("path");
    w.String(path);
    w.Key("corpus");
    w.String(corpus);
    w.Key("documents");
    w.Uint(scored);
    if (task == Task::kNer) {
      w.Key("tokens");
      w.Uint(sum.ner.tokens);
      for (int k = 0; k < 2; ++k) {
        w.Key(k == 0 ? "per_token" : "exact");
        w.BeginObject();
        for (int t = 0; t < kEntityTypes; ++t) {
          w.Key(EntityTypeName(static_cast<EntityType>(t)));
          WriteCounts(w, k == 0 ? sum.ner.token[t] : sum.ner.span[t]);
        }
        w.EndObject();
      }
      w.Key("misaligned");
      w.BeginObject();
      w.Key("gold");
      w.Uint(sum.ner.gold_misaligned);
      w.Key("predicted");
      w.Uint(sum.ner.predicted_misaligned);
      w.EndObject();
    } else if (task == Task::kLink) {
      const LinkScores& l = sum.link;
      w.Key("mentions");
      w.BeginObject();
      w.Key("gold");
      w.Uint(l.gold_mentions);
      w.Key("predicted");
      w.Uint(l.predicted_mentions);
      w.Key("matched");
      w.Uint(l.matched_mentions);
      w.EndObject();
      w.Key("chains");
      w.BeginObject();
      w.Key("gold");
      w.Uint(l.gold_chains);
      w.Key("predicted");
      w.Uint(l.predicted_chains);
      w.EndObject();
      w.Key("muc");
      WriteChain(w, l.muc);
      w.Key("b3");
      WriteChain(w, l.b3);
    } else {
      w.Key("overlap");
      WriteCounts(w, sum.roles.overlap);
      w.Key("exact");
      WriteCounts(w, sum.roles.exact);
    }
    w.Key("seconds");
    w.Double(seconds);
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return;
  }
  if (task == Task::kNer) {
    const NerScores& n = sum.ner;
    std::printf("%s: %.*s, %zu documents, %zu tokens, annotated in %.2f s\n", path.c_str(),
                static_cast<int>(corpus.size()), corpus.data(), scored, n.tokens, seconds);
    PrintCountsHeader("per token (naeval):", "type");
    for (int t = 0; t < kEntityTypes; ++t)
      PrintCountsRow(EntityTypeName(static_cast<EntityType>(t)).data(), n.token[t]);
    PrintCountsHeader("exact span:", "type");
    for (int t = 0; t < kEntityTypes; ++t)
      PrintCountsRow(EntityTypeName(static_cast<EntityType>(t)).data(), n.span[t]);
    std::printf("  names off razdel token edges, left out of per-token: gold %zu, predicted %zu\n",
                n.gold_misaligned, n.predicted_misaligned);
  } else if (task == Task::kLink) {
    const LinkScores& l = sum.link;
    std::printf(
        "%s: %.*s, %zu documents, annotated in %.2f s\n  named mentions: gold %zu, predicted "
        "%zu, same span %zu; chains: gold %zu, predicted %zu\n",
        path.c_str(), static_cast<int>(corpus.size()), corpus.data(), scored, seconds,
        l.gold_mentions, l.predicted_mentions, l.matched_mentions, l.gold_chains,
        l.predicted_chains);
    std::printf("  %-8s %6s %6s %6s\n", "", "prec", "recall", "F1");
    std::printf("  %-8s %6.4f %6.4f %6.4f\n", "MUC", l.muc.Precision(), l.muc.Recall(), l.muc.F1());
    std::printf("  %-8s %6.4f %6.4f %6.4f\n", "B3", l.b3.Precision(), l.b3.Recall(), l.b3.F1());
  } else {
    std::printf("%s: %.*s, %zu documents, annotated in %.2f s\n", path.c_str(),
                static_cast<int>(corpus.size()), corpus.data(), scored, seconds);
    PrintCountsHeader("Occupation facts:", "match");
    PrintCountsRow("overlap", sum.roles.overlap);
    PrintCountsRow("exact", sum.roles.exact);
  }
}

void RunEntityEval(Task task, const EntityEvalOptions& opt) {
  const std::string name = std::string("svodka eval ") + TaskName(task);
  PipelineOptions popts;
  popts.dictionary_path = opt.dict;
  popts.tagger_model_path = opt.model;
  popts.ner_model_path = opt.ner_model;
  Result<Pipeline> pipeline = Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), pipeline.status().message().c_str());
    SetExitCode(1);
    return;
  }
  const Segmenter segmenter;
  const int threads = ResolveThreads(opt.threads);
  for (const std::string& path : opt.paths) {
    Result<EntityGold> gold = ReadEntityGold(path, CheckBinary);
    if (!gold.ok()) {
      std::fprintf(stderr, "%s: %s\n", name.c_str(), gold.status().message().c_str());
      SetExitCode(1);
      continue;
    }
    if (task != Task::kNer && gold->corpus != EntityCorpus::kFactRuEval) {
      std::fprintf(stderr,
                   "%s: %s: %s gold has no %s; `eval %s` needs a factRuEval folder (.coref, "
                   ".facts)\n",
                   name.c_str(), path.c_str(), EntityCorpusName(gold->corpus).data(),
                   task == Task::kLink ? "coreference" : "Occupation facts", TaskName(task));
      SetExitCode(1);
      continue;
    }
    const std::vector<EntityGoldDocument>& docs = gold->docs;
    std::vector<DocResult> results(docs.size());
    std::atomic<size_t> next{0};
    const auto t0 = std::chrono::steady_clock::now();
    auto work = [&] {
      Scratch scratch;
      for (size_t i = next++; i < docs.size(); i = next++) {
        Document doc = ToDocument(docs[i]);
        DocResult& r = results[i];
        Status s = opt.gold_mentions ? pipeline->Annotate(doc, &scratch,
                                                          [&](std::string_view stage, Document& d) {
                                                            if (stage == "ner")
                                                              UseGoldNames(docs[i], &d);
                                                          })
                                     : pipeline->Annotate(doc, &scratch);
        if (s.ok()) {
          s = task == Task::kNer    ? ScoreNer(segmenter, docs[i], doc, &r.ner)
              : task == Task::kLink ? ScoreLinking(docs[i], doc, &r.link)
                                    : ScoreRoles(docs[i], doc, &r.roles);
        }
        if (!s.ok()) r.error = docs[i].path + ": " + s.message();
      }
    };
    const size_t n_threads = std::min<size_t>(static_cast<size_t>(threads), docs.size());
    std::vector<std::thread> pool;
    for (size_t k = 1; k < n_threads; ++k) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    DocResult sum;
    size_t failed = 0;
    for (const DocResult& r : results) {
      if (!r.error.empty()) {
        std::fprintf(stderr, "%s: %s\n", name.c_str(), r.error.c_str());
        ++failed;
        continue;
      }
      sum.ner.Add(r.ner);
      sum.link.Add(r.link);
      sum.roles.Add(r.roles);
    }
    if (failed) SetExitCode(1);
    Report(task, path, *gold, sum, failed, seconds, opt.json);
    std::fflush(stdout);
  }
}

void RegisterOne(CLI::App& eval, Task task, const char* help) {
  auto o = std::make_shared<EntityEvalOptions>();
  CLI::App* cmd = eval.add_subcommand(TaskName(task), help);
  cmd->add_option("paths", o->paths,
                  task == Task::kNer ? "Gold folders (factRuEval, NEREL or Collection5; detected "
                                       "by content) or single gold files"
                                     : "factRuEval gold folders or single gold files")
      ->required();
  cmd->add_flag("--json", o->json, "One JSON object per path instead of the table");
  if (task != Task::kNer) {
    cmd->add_flag("--gold-mentions", o->gold_mentions,
                  "Link the gold names instead of the tagger's (measures linking alone)");
  }
  cmd->add_option("--dict", o->dict, "Compiled dictionary (default: looked up)");
  cmd->add_option("--model", o->model, "Tagger model (default: looked up)");
  cmd->add_option("--ner-model", o->ner_model, "NER model (default: looked up)");
  cmd->add_option("-j,--jobs", o->threads, "Threads annotating documents (default 0: all cores)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1024));
  cmd->callback([task, o] { RunEntityEval(task, *o); });
}

}  // namespace

void RegisterEntityEvalCommands(CLI::App& eval) {
  RegisterOne(eval, Task::kNer,
              "Score named entities (Document::entities of kind name) against gold PER/ORG/LOC: "
              "per-token F1 per type as natasha/naeval computes it, and exact-span P/R/F1 "
              "(definitions in docs/evaluation.md)");
  RegisterOne(eval, Task::kLink,
              "Score linking (Document::objects) on factRuEval coreference: MUC and B3 over "
              "named mentions aligned by span (docs/evaluation.md)");
  RegisterOne(eval, Task::kRoles,
              "Score roles (EntityObject::roles) on factRuEval Occupation facts: P/R/F1, a fact "
              "found when the person and the position span match (docs/evaluation.md)");
}

}  // namespace svodka::cli
