#include "base/offsets.h"

#include <cstring>

namespace svodka {
namespace {

constexpr uint32_t kBlock = 64;

// Number of bytes in p[0, n) that start a character (are not 10xxxxxx).
inline uint32_t CountLeadBytes(const unsigned char* p, uint32_t n) {
  uint32_t count = 0;
  uint32_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    // A continuation byte has bit7 = 1 and bit6 = 0. Counted by a multiply that sums the
    // eight 0/1 bytes into the top byte: no popcount instruction, which the x86-64 baseline
    // lacks (the builtin would call a slow library routine).
    const uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
    count += 8 - static_cast<uint32_t>((cont * 0x0101010101010101ULL) >> 56);
  }
  for (; i < n; ++i) count += (p[i] & 0xC0) != 0x80;
  return count;
}

}  // namespace

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t blocks = text.size() / kBlock + 1;
  block_start_.resize(blocks);
  uint32_t cps = 0;
  for (size_t k = 0; k < blocks; ++k) {
    block_start_[k] = cps;
    size_t begin = k * kBlock;
    size_t len = begin + kBlock <= text.size() ? kBlock : text.size() - begin;
    cps += CountLeadBytes(p + begin, static_cast<uint32_t>(len));
  }
}

uint32_t CodePointIndex::operator()(uint32_t b) const {
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  uint32_t k = b / kBlock;
  uint32_t begin = k * kBlock;
  return block_start_[k] + CountLeadBytes(p + begin, b - begin);
}

}  // namespace svodka
