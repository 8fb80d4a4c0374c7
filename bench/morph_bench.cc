// Morphology benchmarks: dictionary analysis throughput (words/s) on the word tokens of real
// text (examples/*.txt, and the UD GSD dev set when ../shared is present), dictionary load
// time, and the resident memory loading adds (reported as counters).
//   ./build/morph_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "morph/analyzer.h"

namespace {

const std::string kDict = SVODKA_TEST_BINDIR "/data/ru.dict";

long RssKb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

// Word-like tokens: maximal runs of letters, digits and inner hyphens.
void Words(const std::string& text, std::vector<std::string>* out) {
  std::string cur;
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const char32_t cp = svodka::DecodeUtf8(text, i, &len);
    const bool letter = (cp >= 0x400 && cp <= 0x4FF) || (cp >= 'a' && cp <= 'z') ||
                        (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
                        (cp == '-' && !cur.empty());
    if (letter) {
      cur.append(text, i, len);
    } else if (!cur.empty()) {
      while (!cur.empty() && cur.back() == '-') cur.pop_back();
      if (!cur.empty()) out->push_back(cur);
      cur.clear();
    }
    i += len;
  }
  if (!cur.empty()) out->push_back(cur);
}

const std::vector<std::string>& ExampleWords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w;
    const std::filesystem::path dir(SVODKA_TEST_SRCDIR "/examples");
    if (std::filesystem::is_directory(dir)) {
      for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() != ".txt") continue;
        std::ifstream f(e.path());
        Words(std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()), &w);
      }
    }
    return w;
  }();
  return words;
}

const std::vector<std::string>& GsdWords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w;
    std::ifstream f(SVODKA_TEST_SHARED "/data/ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu");
    std::string line;
    while (std::getline(f, line)) {
      if (line.empty() || line[0] == '#') continue;
      const size_t t1 = line.find('\t');
      const size_t t2 = line.find('\t', t1 + 1);
      const size_t t3 = line.find('\t', t2 + 1);
      const size_t t4 = line.find('\t', t3 + 1);
      if (t4 == std::string::npos) continue;
      const std::string upos = line.substr(t3 + 1, t4 - t3 - 1);
      if (upos == "PUNCT" || upos == "SYM" || upos == "NUM") continue;
      w.push_back(line.substr(t1 + 1, t2 - t1 - 1));
    }
    return w;
  }();
  return words;
}

const svodka::Analyzer* Shared() {
  static std::unique_ptr<svodka::Analyzer> a = []() -> std::unique_ptr<svodka::Analyzer> {
    auto r = svodka::Analyzer::Load(kDict);
    return r.ok() ? std::make_unique<svodka::Analyzer>(std::move(*r)) : nullptr;
  }();
  return a.get();
}

void RunAnalyze(benchmark::State& state, const std::vector<std::string>& words) {
  const svodka::Analyzer* a = Shared();
  if (a == nullptr) {
    state.SkipWithError("dictionary not built (build target `dictionary`)");
    return;
  }
  if (words.empty()) {
    state.SkipWithError("no words");
    return;
  }
  std::vector<svodka::MorphParse> parses;
  parses.reserve(64);
  size_t n = 0, bytes = 0;
  for (auto _ : state) {
    for (const auto& w : words) {
      a->Analyze(w, &parses);
      benchmark::DoNotOptimize(parses.data());
      bytes += w.size();
    }
    n += words.size();
  }
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_AnalyzeExamples(benchmark::State& state) { RunAnalyze(state, ExampleWords()); }
BENCHMARK(BM_AnalyzeExamples)->Unit(benchmark::kMillisecond);

void BM_AnalyzeGsdDev(benchmark::State& state) { RunAnalyze(state, GsdWords()); }
BENCHMARK(BM_AnalyzeGsdDev)->Unit(benchmark::kMillisecond);

void BM_AnalyzeAndLemmatize(benchmark::State& state) {
  const svodka::Analyzer* a = Shared();
  const auto& words = ExampleWords();
  if (a == nullptr || words.empty()) {
    state.SkipWithError("dictionary or examples missing");
    return;
  }
  std::vector<svodka::MorphParse> parses;
  size_t n = 0;
  for (auto _ : state) {
    for (const auto& w : words) {
      a->Analyze(w, &parses);
      benchmark::DoNotOptimize(a->Lemma(w, parses[0]));
    }
    n += words.size();
  }
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyzeAndLemmatize)->Unit(benchmark::kMillisecond);

void BM_LoadDictionary(benchmark::State& state) {
  long added = 0;
  for (auto _ : state) {
    const long before = RssKb();
    auto a = svodka::Analyzer::Load(kDict);
    if (!a.ok()) {
      state.SkipWithError(a.status().ToString().c_str());
      return;
    }
    // Touch it the way real use does: analyse the example words once.
    state.PauseTiming();
    std::vector<svodka::MorphParse> parses;
    for (const auto& w : ExampleWords()) a->Analyze(w, &parses);
    for (const auto& w : GsdWords()) a->Analyze(w, &parses);
    added = RssKb() - before;
    state.ResumeTiming();
  }
  state.counters["rss_added_kb"] = static_cast<double>(added);
}
BENCHMARK(BM_LoadDictionary)->Unit(benchmark::kMillisecond)->Iterations(20);

}  // namespace

BENCHMARK_MAIN();
