// The whole pipeline on wire stories, one thread: the bundled example (5.0 KB, ~480 tokens)
// read once and annotated over and over — segmentation, morphology, NER, base forms, linking,
// roles, as `svodka analyze` runs them — in wire stories per second, and each stage alone.
// Also the time to load every model (the pipeline's Create). Needs the dictionary and the
// committed models; skipped with a message otherwise.
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "base/file.h"
#include "svodka/pipeline.h"
#include "svodka/reader.h"

namespace svodka {
namespace {

struct Fixture {
  std::unique_ptr<Pipeline> pipeline;
  Document doc;
  std::string error;
};

const Fixture& Get() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    Result<Pipeline> p = Pipeline::Create({});
    if (!p.ok()) {
      fx->error = p.status().ToString();
      return fx;
    }
    fx->pipeline = std::make_unique<Pipeline>(std::move(p).value());
    Status s = ReadDocumentsFromFile(
        SVODKA_TEST_SRCDIR "/examples/tass-2017-03-20-lavrov-kishida.txt", {},
        [&](Document&& d) {
          fx->doc = std::move(d);
          return false;
        },
        [](const Status&) {});
    if (!s.ok()) fx->error = s.ToString();
    return fx;
  }();
  return *f;
}

void BM_LoadAllModels(benchmark::State& state) {
  for (auto _ : state) {
    Result<Pipeline> p = Pipeline::Create({});
    if (!p.ok()) return state.SkipWithError(p.status().ToString().c_str());
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(BM_LoadAllModels)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_WholePipeline(benchmark::State& state) {
  const Fixture& f = Get();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  Scratch scratch;
  Document doc;
  size_t stories = 0, tokens = 0;
  for (auto _ : state) {
    doc = f.doc;
    if (!f.pipeline->Annotate(doc, &scratch).ok()) return state.SkipWithError("annotate failed");
    ++stories;
    tokens += doc.tokens.size();
  }
  state.counters["stories/s"] =
      benchmark::Counter(static_cast<double>(stories), benchmark::Counter::kIsRate);
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(stories * f.doc.text.size()));
}
BENCHMARK(BM_WholePipeline)->Unit(benchmark::kMicrosecond);

// Segmentation and morphology only: what the entity stages add is the difference.
void BM_WithoutEntities(benchmark::State& state) {
  const Fixture& f = Get();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  PipelineOptions o;
  o.entities = false;
  Result<Pipeline> p = Pipeline::Create(o);
  if (!p.ok()) return state.SkipWithError(p.status().ToString().c_str());
  Scratch scratch;
  Document doc;
  size_t stories = 0;
  for (auto _ : state) {
    doc = f.doc;
    if (!p->Annotate(doc, &scratch).ok()) return state.SkipWithError("annotate failed");
    ++stories;
  }
  state.counters["stories/s"] =
      benchmark::Counter(static_cast<double>(stories), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_WithoutEntities)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace svodka

BENCHMARK_MAIN();
