// libFuzzer target: JSON and JSONL readers (the first byte picks the format), with the span
// invariant checked on every document.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "article/reader.h"
#include "article_fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  svodka::ReadOptions options;
  options.format = data[0] & 1 ? svodka::InputFormat::kJsonl : svodka::InputFormat::kJson;
  options.max_document_bytes = 1 << 20;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  (void)svodka::ReadDocuments(
      bytes, "fuzz.json", options,
      [](svodka::Document&& d) {
        svodka::fuzz::CheckDocument(d);
        return true;
      },
      [](const svodka::Status&) {});
  return 0;
}
