// The checksums of svodka's binary files, both FNV-1a 64 (Fowler, Noll, Vo;
// http://www.isthe.com/chongo/tech/comp/fnv/): h starts at the offset basis and each step is
// h = (h ^ unit) * 0x100000001b3.
//  * Fnv1a64: the unit is a byte. The tagger model's checksum (tagger_model.h).
//  * Fnv1a64Words: the unit is a 64-bit little-endian word (the last n % 8 bytes byte-wise,
//    by Fnv1a64): eight times fewer multiplications, so ~1.2 ms instead of ~11 ms for the
//    8.6 MB dictionary, which is verified on every load (dict_format.h).
// Each step is a bijection of h for a fixed unit, and distinct units give distinct h, so two
// inputs of the same length that differ in one unit — in particular by one flipped bit —
// always get different checksums. Not cryptographic: they detect corruption, not tampering.
//
// FROZEN: the values are stored in files (tagger model format 1, dictionary format 2);
// changing either function changes those formats.
#ifndef SVODKA_BASE_CHECKSUM_H_
#define SVODKA_BASE_CHECKSUM_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace svodka {

inline constexpr uint64_t kFnv1a64Basis = 0xcbf29ce484222325ULL;
inline constexpr uint64_t kFnv1a64Prime = 0x100000001b3ULL;

// FNV-1a 64 of data[0, n), continuing from state h: Fnv1a64(b, nb, Fnv1a64(a, na)) is the
// checksum of a followed by b. O(n), no allocation.
inline uint64_t Fnv1a64(const void* data, size_t n, uint64_t h = kFnv1a64Basis) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= kFnv1a64Prime;
  }
  return h;
}

// FNV-1a 64 over the little-endian 64-bit words of data[0, n), then its last n % 8 bytes
// byte-wise; continues from h like Fnv1a64 when the first part's length is a multiple of 8.
// O(n), no allocation, any alignment.
inline uint64_t Fnv1a64Words(const void* data, size_t n, uint64_t h = kFnv1a64Basis) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
    h ^= w;
    h *= kFnv1a64Prime;
  }
  return Fnv1a64(p + i, n - i, h);
}

}  // namespace svodka

#endif  // SVODKA_BASE_CHECKSUM_H_
