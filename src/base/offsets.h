// Byte offset → code point offset conversion for writers (see the span invariant in
// include/svodka/document.h).
//
// The index stores the code point count at the start of every 64-byte block (4 bytes per 64
// bytes of text, ~6% overhead), and a query counts the non-continuation bytes inside the block
// with 8-byte words: O(1), at most 8 word operations.
#ifndef SVODKA_BASE_OFFSETS_H_
#define SVODKA_BASE_OFFSETS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace svodka {

class CodePointIndex {
 public:
  // Keeps a view of text: the text must outlive the index.
  explicit CodePointIndex(std::string_view text);

  // Code point offset of byte offset b (0 <= b <= text.size()). A b inside a multi-byte
  // character maps to that character's offset.
  uint32_t operator()(uint32_t b) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> block_start_;  // code points before block k (k * 64 bytes)
};

}  // namespace svodka

#endif  // SVODKA_BASE_OFFSETS_H_
