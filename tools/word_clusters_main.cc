// svodka-word-clusters --out FILE [--min-count N] [--clusters K] [--prefixes A,B,C]
//                      [--threads N] [--dump PATHS.txt] [--razdel FILE]... INPUT...
//   Builds Brown word clusters from unlabelled text (tools/cluster_builder.h) into the file
//   that src/ner/word_clusters.h reads. INPUTs are text files, .tsv files, CoNLL-U files
//   (.conllu, .conllu.xz) and folders of them; --razdel FILE is a razdel partition file ("|"
//   between pieces). Prints progress and the corpus size to standard error.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "cluster_builder.h"

namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: svodka-word-clusters --out FILE [--min-count N] [--clusters K]\n"
               "           [--prefixes A,B,C] [--threads N] [--dump PATHS.txt]\n"
               "           [--razdel FILE]... INPUT...\n"
               "  INPUT: text files, .tsv (columns *text, *title, *sentence(s)), .conllu,\n"
               "         .conllu.xz, or folders of them (searched recursively)\n"
               "  defaults: --min-count 3 --clusters 512 --prefixes 4,10,14 --threads 2\n");
  return 2;
}

bool ParseInt(const char* s, int* out) {
  char* end = nullptr;
  const long v = std::strtol(s, &end, 10);
  if (end == s || *end != '\0' || v < 0 || v > 1000000) return false;
  *out = static_cast<int>(v);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  svodka::WordClusterBuildOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--help" || a == "-h") {
      Usage();
      return 0;
    } else if (a == "--out" && has_value) {
      options.out_path = argv[++i];
    } else if (a == "--dump" && has_value) {
      options.dump_path = argv[++i];
    } else if (a == "--razdel" && has_value) {
      options.razdel_inputs.push_back(argv[++i]);
    } else if (a == "--min-count" && has_value) {
      if (!ParseInt(argv[++i], &options.brown.min_count)) return Usage();
    } else if (a == "--clusters" && has_value) {
      if (!ParseInt(argv[++i], &options.brown.clusters)) return Usage();
    } else if (a == "--threads" && has_value) {
      if (!ParseInt(argv[++i], &options.brown.threads) || options.brown.threads < 1) return Usage();
    } else if (a == "--prefixes" && has_value) {
      int p[3];
      if (std::sscanf(argv[++i], "%d,%d,%d", &p[0], &p[1], &p[2]) != 3) return Usage();
      for (int g = 0; g < 3; ++g) options.brown.prefixes[g] = p[g];
    } else if (!a.empty() && a[0] == '-') {
      return Usage();
    } else {
      options.inputs.push_back(a);
    }
  }
  if (options.out_path.empty() || (options.inputs.empty() && options.razdel_inputs.empty()))
    return Usage();
  const svodka::Status s = svodka::BuildWordClusters(options, std::cerr);
  if (!s.ok()) {
    std::fprintf(stderr, "svodka-word-clusters: %s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}
