// libFuzzer target: the HTML DOM builder and the HTML reader. Checks the DOM's invariants
// (nodes in document order, links in range, depth within the limit, text and attribute spans
// valid, memory within the budget) and the span invariant on every document. The dictionary
// tests/fuzz/html_reader_fuzz.dict and seeds with deep foreign content, formatting-element
// storms and nested tables steer it to the shapes that broke the earlier parser (issue 12).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "article/html_dom.h"
#include "article/reader.h"
#include "article_fuzz_check.h"

namespace {

void CheckDom(const svodka::HtmlDom& dom, const svodka::HtmlParseOptions& options, size_t input) {
  using svodka::HtmlNode;
  if (dom.size() == 0 || dom.node(0).kind != HtmlNode::Kind::kDocument) std::abort();
  if (dom.MemoryBytes() > options.memory_base + options.memory_per_input_byte * input + (1 << 20))
    std::abort();
  std::vector<uint32_t> depth(dom.size(), 0);
  for (uint32_t i = 1; i < dom.size(); ++i) {
    const HtmlNode& n = dom.node(i);
    if (n.parent >= i) std::abort();  // parents come first: no recursion needed anywhere
    depth[i] = depth[n.parent] + 1;
    if (depth[i] > options.max_depth + 2) std::abort();
    if (n.next_sibling != HtmlNode::kNone && n.next_sibling <= i) std::abort();
    if (n.kind == HtmlNode::Kind::kText) {
      if (n.begin > n.end) std::abort();
      (void)dom.Text(i);
    } else {
      (void)dom.Name(i);
      (void)dom.Attr(i, "class");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string text(bytes);
  svodka::RepairUtf8(&text);
  svodka::HtmlParseOptions options;
  options.max_depth = 64;  // reached by small inputs, so the stop path is exercised
  options.memory_base = 1 << 16;
  options.memory_per_input_byte = 8;
  auto dom = svodka::ParseHtml(text, "fuzz.html", options);
  if (dom.ok()) CheckDom(*dom, options, text.size());

  svodka::ReadOptions read;
  read.format = svodka::InputFormat::kHtml;
  read.max_document_bytes = 1 << 20;
  (void)svodka::ReadDocuments(
      bytes, "fuzz.html", read,
      [](svodka::Document&& d) {
        svodka::fuzz::CheckDocument(d);
        return true;
      },
      [](const svodka::Status&) {});
  return 0;
}
