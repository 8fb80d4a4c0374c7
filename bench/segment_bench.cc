// Throughput of Segmenter::Segment (tokens + sentences) on realistic Russian news text: the
// example articles repeated to ~4 MB and, when ../shared/data exists, the factRuEval devset
// texts. Reports bytes/s (SetBytesProcessed). Run: build-*/segment_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/segmenter.h"

namespace {

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Corpus(const std::string& dir, const std::string& ext, size_t target) {
  std::string one;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return one;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ext) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) one += ReadAll(f) + "\n\n";
  if (one.empty()) return one;
  std::string out;
  while (out.size() < target) out += one;
  return out;
}

void Run(benchmark::State& state, const std::string& text) {
  if (text.empty()) {
    state.SkipWithError("corpus not found");
    return;
  }
  svodka::Segmenter seg;
  std::vector<svodka::Token> tokens;
  std::vector<svodka::Span> sentences;
  for (auto _ : state) {
    tokens.clear();
    sentences.clear();
    seg.Segment(text, &tokens, &sentences);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
  state.counters["tokens"] = tokens.size();
}

void BM_SegmentExamples(benchmark::State& state) {
  static const std::string text =
      Corpus(std::string(SVODKA_TEST_SRCDIR) + "/examples", ".txt", 4 << 20);
  Run(state, text);
}
BENCHMARK(BM_SegmentExamples)->Unit(benchmark::kMillisecond);

void BM_SegmentFactRuEval(benchmark::State& state) {
  static const std::string text =
      Corpus(std::string(SVODKA_TEST_SHARED) + "/data/factrueval-2016/devset", ".txt", 4 << 20);
  Run(state, text);
}
BENCHMARK(BM_SegmentFactRuEval)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
