// libFuzzer target: arbitrary bytes as an NER model. Loading must fail cleanly or succeed; a
// model that loads is then used to tag a few sentences, which must not crash or read out of
// bounds. The checksum is made to match (it would reject nearly every mutation before the
// structural checks; it has its own tests in tests/ner/ner_test.cc).
// Seed: tests/fuzz/corpus/ner_model_fuzz/tiny.bin (a model of 2^10 rows).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "base/checksum.h"
#include "ner/ner_model.h"
#include "ner/ner_tagger.h"
#include "text/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.size() >= 64) {
    const uint64_t sum = svodka::Fnv1a64Words(bytes.data() + 40, bytes.size() - 40,
                                              svodka::Fnv1a64Words(bytes.data(), 32));
    std::memcpy(bytes.data() + 32, &sum, sizeof sum);
  }
  auto model = svodka::NerModel::FromBytes(bytes, "fuzz.bin");
  if (!model.ok()) return 0;
  svodka::NerTagger tagger(std::make_shared<const svodka::NerModel>(std::move(model).value()),
                           nullptr);
  static const svodka::Segmenter* segmenter = new svodka::Segmenter();
  svodka::Document doc;
  doc.text = "Сергей Лавров прибыл в Токио. «Газпром» и МИД РФ — x 1 2.";
  if (!segmenter->Annotate(doc, nullptr).ok()) return 0;
  (void)tagger.Annotate(doc, nullptr);
  for (const svodka::Mention& m : doc.entities)
    if (m.end_token > doc.tokens.size() || m.first_token >= m.end_token) __builtin_trap();
  return 0;
}
