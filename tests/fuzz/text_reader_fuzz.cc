// libFuzzer target: the plain-text reader (and through it the dateline parser). Checks the
// span invariant on every document: spans inside the text, on UTF-8 boundaries, text valid.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "article/reader.h"
#include "article_fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  svodka::ReadOptions options;
  options.format = svodka::InputFormat::kText;
  options.max_document_bytes = 1 << 20;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)svodka::ReadDocuments(
      bytes, "fuzz-2017-03-20.txt", options,
      [](svodka::Document&& d) {
        svodka::fuzz::CheckDocument(d);
        return true;
      },
      [](const svodka::Status&) {});
  return 0;
}
