// The binary layout of svodka's compiled morphology dictionary ("ru.dict"), shared by the
// writer (tools/dict_builder.cc) and the reader (src/morph/dictionary.cc).
//
// File := Header SectionEntry[section_count] Section*
//   Header (32 bytes): magic "SVDKDICT", uint32 format version (2), uint32 section_count,
//                      uint64 file size, uint64 checksum.
//   The checksum is FNV-1a 64 over 64-bit little-endian words (Fnv1a64Words in
//   src/base/checksum.h, next to the tagger model's byte-wise FNV-1a) of the whole file except
//   the checksum field itself: bytes [0, 24) then [32, file size); see Checksum below. The
//   loader verifies it before reading anything past the header, so any single flipped bit is
//   rejected (format 1 had no checksum: most flips loaded silently).
//   SectionEntry (24 bytes): uint32 id, uint32 reserved (0), uint64 offset, uint64 size.
//   Sections follow the table in table order, each starting at the next 8-byte boundary
//   (zero padding); the last one ends exactly at the file size. Every section id below must
//   appear exactly once. All integers little-endian.
//
// Key alphabet (one byte per character, CP1251-like): ASCII 0x20..0x7F as is (upper case is
// never stored), Cyrillic а..я = 0xE0..0xFF, ё = 0xB8. Bytes 0x00..0x1F never occur in words:
// 0x01 separates a word from a form payload, 0x02 from a probability payload; guesser keys
// start with 0x02 + paradigm-prefix id.
#ifndef SVODKA_MORPH_DICT_FORMAT_H_
#define SVODKA_MORPH_DICT_FORMAT_H_

#include <cstdint>
#include <string_view>

#include "base/checksum.h"

namespace svodka::dictfmt {

inline constexpr char kMagic[8] = {'S', 'V', 'D', 'K', 'D', 'I', 'C', 'T'};
inline constexpr uint32_t kVersion = 2;  // 1: no checksum, 24-byte header
inline constexpr uint64_t kHeaderSize = 32;
inline constexpr uint64_t kChecksumOffset = 24;  // uint64 in the header
inline constexpr uint64_t kSectionEntrySize = 24;

enum SectionId : uint32_t {
  // UTF-8 text: license and provenance of the data.
  kLicense = 1,
  // UTF-8 text, one grammeme per line: name \t parent (may be empty).
  kGrammemes = 2,
  // UTF-8 text, one OpenCorpora tag per line ("NOUN,anim,masc sing,nomn"); line i = tag id i.
  kTags = 3,
  // String table of paradigm endings in the key alphabet: uint32 count, uint32
  // offsets[count + 1] (non-decreasing, last = byte count), bytes.
  kSuffixes = 4,
  // uint32 count, uint32 offsets[count + 1] into the uint16 array that follows (in uint16
  // units). Paradigm p with n forms is 3n uint16: suffix ids[n], tag ids[n], prefix ids[n]
  // (prefix 0 = "", 1 = "по", 2 = "наи"). Form 0 is the normal form.
  kParadigms = 5,
  // Dafsa (src/morph/dafsa.h) of: word 0x01 paradigm(2, BE) form(2, BE)
  //                           and word 0x02 tag(2, BE) P(tag|word)*10^6 (3, BE).
  kWords = 6,
  // Dafsa of guesser endings: (0x02 + prefix id) ending 0x01 count(2) paradigm(2) form(2), BE.
  kGuess = 7,
  // float32 per tag: how often the tag occurs in the OpenCorpora corpus (smoothed, sums to 1);
  // the score of dictionary parses without P(tag|word).
  kTagPrior = 8,
  // UTF-8 text "key=value" lines: counts and provenance for tools.
  kMeta = 9,
};
inline constexpr uint32_t kSectionIds[] = {kLicense, kGrammemes, kTags,     kSuffixes, kParadigms,
                                           kWords,   kGuess,     kTagPrior, kMeta};
inline constexpr int kSectionCount = 9;

inline constexpr uint8_t kFormSep = 0x01;
inline constexpr uint8_t kProbSep = 0x02;
inline constexpr uint8_t kGuessPrefixBase = 0x02;
inline constexpr int kFormPayload = 4;
inline constexpr int kProbPayload = 5;
inline constexpr int kGuessPayload = 6;
inline constexpr int kParadigmPrefixCount = 3;

// The checksum of a dictionary image (see the file format above): what the writer stores at
// kChecksumOffset and the loader compares with it. Precondition: file.size() >= kHeaderSize.
// O(file size), ~0.15 ns per byte.
inline uint64_t Checksum(std::string_view file) {
  const uint64_t head = Fnv1a64Words(file.data(), kChecksumOffset);
  return Fnv1a64Words(file.data() + kHeaderSize, file.size() - kHeaderSize, head);
}

}  // namespace svodka::dictfmt

#endif  // SVODKA_MORPH_DICT_FORMAT_H_
