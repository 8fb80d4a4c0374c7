// libFuzzer target: the HTML reader, with the span invariant checked on every document.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "article/reader.h"
#include "article_fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  svodka::ReadOptions options;
  options.format = svodka::InputFormat::kHtml;
  options.max_document_bytes = 1 << 20;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)svodka::ReadDocuments(
      bytes, "fuzz.html", options,
      [](svodka::Document&& d) {
        svodka::fuzz::CheckDocument(d);
        return true;
      },
      [](const svodka::Status&) {});
  return 0;
}
