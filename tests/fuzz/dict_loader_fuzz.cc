// libFuzzer target: arbitrary bytes as a compiled morphology dictionary. Loading must fail
// cleanly or succeed; a dictionary that loads is then used for analysis, lemmas, FEATS and
// inflection of a few words, none of which may crash or read out of bounds.
// Seeds: tests/fuzz/corpus/dict_loader_fuzz/ (a tiny dictionary from
// `svodka-dict-compile --tiny`).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "morph/analyzer.h"
#include "morph/dict_format.h"
#include "morph/dictionary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The whole-file checksum would reject nearly every mutation before the structural checks
  // run (it has its own tests in tests/morph/dictionary_test.cc): store the right checksum,
  // so the fuzzer explores what lies behind it.
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.size() >= svodka::dictfmt::kHeaderSize) {
    const uint64_t sum = svodka::dictfmt::Checksum(bytes);
    std::memcpy(bytes.data() + svodka::dictfmt::kChecksumOffset, &sum, sizeof sum);
  }
  auto dict = svodka::Dictionary::FromBytes(bytes, "fuzz.dict");
  if (!dict.ok()) return 0;
  auto a = svodka::Analyzer::Create(std::move(*dict), "fuzz.dict");
  if (!a.ok()) return 0;
  std::vector<svodka::MorphParse> parses;
  svodka::GrammemeSet nomn;
  nomn.Add(0);
  if (auto g = a->ParseGrammemes("nomn,sing")) nomn = *g;
  for (const char* w : {"стола", "Лаврова", "еж", "стал", "И", "столов", "пепола", "кто-то",
                        "интернет-столы", "2,5", "Apple", "В.", "%"}) {
    a->Analyze(w, &parses);
    if (parses.empty()) __builtin_trap();
    for (const auto& p : parses) {
      if (p.tag >= a->TagCount()) __builtin_trap();
      (void)a->Lemma(w, p);
      (void)a->Feats(p);
      (void)a->Inflect(w, p, nomn);
      (void)a->Lexeme(w, p);
    }
  }
  return 0;
}
