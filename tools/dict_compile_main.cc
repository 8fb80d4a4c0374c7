// svodka-dict-compile --az DIR --out FILE [--stats]
//   Compiles az@0.2.3's package/dicts (fetched by tools/fetch-az.sh) into svodka's dictionary.
// svodka-dict-compile --check FILE
//   Loads a compiled dictionary, reports load time and the resident memory it adds.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "base/file.h"
#include "dict_builder.h"
#include "morph/analyzer.h"

namespace {

long RssKb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

int Usage() {
  std::fprintf(stderr,
               "usage: svodka-dict-compile --az DIR --out FILE [--stats]\n"
               "       svodka-dict-compile --tiny --out FILE   (a tiny test dictionary)\n"
               "       svodka-dict-compile --check FILE\n");
  return 2;
}

int Check(const std::string& path) {
  const long before = RssKb();
  const auto t0 = std::chrono::steady_clock::now();
  auto a = svodka::Analyzer::Load(path);
  const auto t1 = std::chrono::steady_clock::now();
  if (!a.ok()) {
    std::fprintf(stderr, "svodka-dict-compile: %s\n", a.status().ToString().c_str());
    return 1;
  }
  const long after_load = RssKb();
  std::vector<svodka::MorphParse> parses;
  size_t n = 0;
  for (const char* w : {"стали", "мыла", "Кисидой", "твитнул", "МИД", "еще"}) {
    a->Analyze(w, &parses);
    n += parses.size();
  }
  const long after_use = RssKb();
  std::printf(
      "load_ms=%.3f rss_before_kb=%ld rss_after_load_kb=%ld rss_after_lookups_kb=%ld "
      "parses=%zu\n",
      std::chrono::duration<double, std::milli>(t1 - t0).count(), before, after_load, after_use, n);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string az, out, check;
  bool stats = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--az" && i + 1 < argc)
      az = argv[++i];
    else if (a == "--out" && i + 1 < argc)
      out = argv[++i];
    else if (a == "--check" && i + 1 < argc)
      check = argv[++i];
    else if (a == "--stats")
      stats = true;
    else if (a == "--tiny")
      az = "<tiny>";
    else
      return Usage();
  }
  if (!check.empty()) return Check(check);
  if (az.empty() || out.empty()) return Usage();
  const auto t0 = std::chrono::steady_clock::now();
  auto src = az == "<tiny>" ? svodka::Result<svodka::DictSource>(svodka::TinyDictSource())
                            : svodka::ReadAzDicts(az);
  if (!src.ok()) {
    std::fprintf(stderr, "svodka-dict-compile: %s\n", src.status().ToString().c_str());
    return 1;
  }
  const auto t1 = std::chrono::steady_clock::now();
  svodka::BuildStats st;
  auto bytes = svodka::BuildDictionary(*src, &st);
  if (!bytes.ok()) {
    std::fprintf(stderr, "svodka-dict-compile: %s\n", bytes.status().ToString().c_str());
    return 1;
  }
  if (auto s = svodka::WriteFile(out, *bytes); !s.ok()) {
    std::fprintf(stderr, "svodka-dict-compile: %s\n", s.ToString().c_str());
    return 1;
  }
  const auto t2 = std::chrono::steady_clock::now();
  if (stats) {
    std::printf(
        "read_s=%.2f build_s=%.2f forms=%zu distinct_words=%zu probs=%zu guesses=%zu "
        "word_transitions=%zu guess_transitions=%zu bytes=%zu\n",
        std::chrono::duration<double>(t1 - t0).count(),
        std::chrono::duration<double>(t2 - t1).count(), st.forms, st.distinct_words, st.probs,
        st.guesses, st.word_transitions, st.guess_transitions, st.bytes);
  }
  return 0;
}
