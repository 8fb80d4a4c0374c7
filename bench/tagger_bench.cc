// Throughput of morphological tagging in context (words/s, one thread): the full stage
// (analysis + candidate building + tagger + describing the chosen parse) and the tagger alone
// over precomputed candidates. Needs the compiled dictionary (<build>/data/ru.dict), the
// committed model (data/models/morph-tagger.bin) and a CoNLL-U text (UD_Russian-GSD dev from
// ../shared, or $SVODKA_BENCH_CONLLU).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "base/conllu.h"
#include "morph/morphology.h"

namespace svodka {
namespace {

struct Fixture {
  std::unique_ptr<Morphology> morph;
  std::vector<ConlluSentence> sentences;
  size_t words = 0;
  std::string error;
};

const Fixture& Get() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    Result<Morphology> m = Morphology::Load(SVODKA_TEST_BINDIR "/data/ru.dict",
                                            SVODKA_TEST_SRCDIR "/data/models/morph-tagger.bin");
    if (!m.ok()) {
      fx->error = m.status().ToString();
      return fx;
    }
    fx->morph = std::make_unique<Morphology>(std::move(*m));
    const char* env = std::getenv("SVODKA_BENCH_CONLLU");
    std::string path =
        env ? env : SVODKA_TEST_SHARED "/data/ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu";
    Result<std::vector<ConlluSentence>> s = ReadConlluFile(path);
    if (!s.ok()) {
      fx->error = s.status().ToString();
      return fx;
    }
    fx->sentences = std::move(*s);
    for (const auto& sent : fx->sentences) fx->words += sent.words.size();
    return fx;
  }();
  return *f;
}

void BM_MorphologyInContext(benchmark::State& state) {
  const Fixture& f = Get();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  SentenceCandidates scratch;
  std::vector<std::string_view> forms;
  std::vector<MorphAnalysis> analyses;
  size_t n = 0;
  for (auto _ : state) {
    for (const auto& sent : f.sentences) {
      forms.clear();
      for (const auto& w : sent.words) forms.push_back(w.form);
      f.morph->TagSentence(forms, &scratch);
      f.morph->DescribeSentence(scratch, &analyses);
      benchmark::DoNotOptimize(analyses.data());
    }
    n += f.words;
  }
  state.counters["words/s"] = benchmark::Counter(double(n), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MorphologyInContext)->Unit(benchmark::kMillisecond);

void BM_TaggerOnly(benchmark::State& state) {
  const Fixture& f = Get();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  // Candidates of every sentence, built once.
  std::vector<std::unique_ptr<SentenceCandidates>> prepared;
  std::vector<std::string_view> forms;
  for (const auto& sent : f.sentences) {
    forms.clear();
    for (const auto& w : sent.words) forms.push_back(w.form);
    prepared.push_back(std::make_unique<SentenceCandidates>());
    f.morph->candidates().Build(forms, prepared.back().get());
  }
  Result<TaggerModel> model = TaggerModel::Load(SVODKA_TEST_SRCDIR "/data/models/morph-tagger.bin");
  if (!model.ok()) return state.SkipWithError(model.status().ToString().c_str());
  Tagger t(&*model);
  TaggerScratch scratch;
  size_t n = 0;
  for (auto _ : state) {
    for (auto& p : prepared) t.Tag(p->tokens, &scratch, p->choice);
    n += f.words;
  }
  state.counters["words/s"] = benchmark::Counter(double(n), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TaggerOnly)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace svodka

BENCHMARK_MAIN();
