// svodka-analyzer-eval --dict FILE CONLLU...
//   Context-free morphology on gold CoNLL-U: share of word tokens in the dictionary, top-1
//   lemma / UPOS accuracy and the lemma oracle (right lemma among all parses). Lemmas compare
//   case-insensitively with ё = е. Punctuation, symbols and multiword-token lines are skipped
//   for the lemma figures (they are trivial).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "morph/alphabet.h"
#include "morph/analyzer.h"

namespace {

std::string Norm(const std::string& s) {
  std::string key, out;
  if (!svodka::alphabet::EncodeUtf8(s, &key)) return s;
  for (char& c : key) {
    if (static_cast<uint8_t>(c) == svodka::alphabet::kYo)
      c = static_cast<char>(svodka::alphabet::kYe);
  }
  svodka::alphabet::AppendUtf8(key, &out);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dict;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--dict" && i + 1 < argc)
      dict = argv[++i];
    else
      files.push_back(a);
  }
  if (dict.empty() || files.empty()) {
    std::fprintf(stderr, "usage: svodka-analyzer-eval --dict FILE CONLLU...\n");
    return 2;
  }
  auto a = svodka::Analyzer::Load(dict);
  if (!a.ok()) {
    std::fprintf(stderr, "svodka-analyzer-eval: %s\n", a.status().ToString().c_str());
    return 1;
  }
  for (const auto& file : files) {
    std::ifstream in(file);
    if (!in) {
      std::fprintf(stderr, "svodka-analyzer-eval: cannot read %s\n", file.c_str());
      return 1;
    }
    size_t words = 0, in_dict = 0, lemma_ok = 0, oracle = 0, upos_ok = 0, all = 0, all_upos = 0;
    std::map<std::string, int> misses;
    std::vector<svodka::MorphParse> ps;
    std::string line;
    double secs = 0;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f;
      size_t b = 0;
      for (int k = 0; k < 10; ++k) {
        const size_t e = line.find('\t', b);
        f.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
        if (e == std::string::npos) break;
        b = e + 1;
      }
      if (f.size() < 6 || f[0].find_first_of("-.") != std::string::npos) continue;
      const auto t0 = std::chrono::steady_clock::now();
      a->Analyze(f[1], &ps);
      secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      ++all;
      if (svodka::UposName(ps[0].upos) == f[3]) ++all_upos;
      if (f[3] == "PUNCT" || f[3] == "SYM" || f[3] == "NUM" || f[3] == "X") continue;
      ++words;
      if (ps[0].source == svodka::ParseSource::kDictionary) ++in_dict;
      const std::string gold = Norm(f[2]);
      if (Norm(a->Lemma(f[1], ps[0])) == gold)
        ++lemma_ok;
      else
        ++misses[f[1] + " " + a->Lemma(f[1], ps[0]) + " gold=" + f[2]];
      for (const auto& p : ps) {
        if (Norm(a->Lemma(f[1], p)) == gold) {
          ++oracle;
          break;
        }
      }
      if (svodka::UposName(ps[0].upos) == f[3]) ++upos_ok;
    }
    std::printf(
        "%s\n  tokens=%zu words=%zu in_dict=%.2f%% lemma_top1=%.2f%% lemma_oracle=%.2f%% "
        "upos_top1(words)=%.2f%% upos_top1(all)=%.2f%% analyze=%.0f tokens/s\n",
        file.c_str(), all, words, 100.0 * in_dict / words, 100.0 * lemma_ok / words,
        100.0 * oracle / words, 100.0 * upos_ok / words, 100.0 * all_upos / all, all / secs);
    if (std::getenv("SVODKA_EVAL_MISSES")) {
      std::vector<std::pair<int, std::string>> v;
      for (auto& [k, c] : misses) v.emplace_back(c, k);
      std::sort(v.rbegin(), v.rend());
      for (size_t i = 0; i < v.size() && i < 40; ++i)
        std::printf("    %d %s\n", v[i].first, v[i].second.c_str());
    }
  }
  return 0;
}
