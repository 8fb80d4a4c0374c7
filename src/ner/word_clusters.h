// WordClusters: Brown clusters of words learned from unlabelled Russian text, read at run time
// as features of the named-entity tagger (ner_features.h). Each word of the vocabulary has a
// bit string, its path from the root of a binary merge tree (Brown et al. 1992, "Class-based
// n-gram models of natural language"; built by Liang's bounded active-set variant, Liang 2005,
// "Semi-supervised learning for natural language", in tools/cluster_builder.cc). Prefixes of
// the path are clusters at several granularities: a 4-bit prefix groups thousands of words
// ("names of people"), the whole path a few dozen ("surnames of politicians in the genitive").
// The data, the command and the figures are in data/models/word-clusters.md; the design and the
// measurements in docs/entities.md, "Word clusters".
//
// KEYS. A token's form is looked up under its key (key scheme 1): per code point, soft hyphens
// (U+00AD) and combining stress marks (U+0300, U+0301) are dropped, letters are lower-cased
// (CharClasses::ToLower), ё becomes е, and every decimal digit (class kCcDigit) becomes '0'
// ("Ёлке" -> "елке", "2017" -> "0000", "G20" -> "g00"); ill-formed UTF-8 becomes U+FFFD. Keys
// are at most kMaxKeyBytes bytes; longer words have no cluster. The builder
// (tools/cluster_builder.cc, ClusterKey) implements the same function — the tools may not
// include this layer — and tests/ner/word_clusters_test.cc checks that the two agree.
//
// FILE FORMAT (version 1), little-endian, every section 8-byte aligned:
//
//   offset  size  field
//   0       8     magic "SVCLUST\x01"
//   8       4     format version (kWordClustersFormatVersion)
//   12      4     key scheme (kWordClustersKeyScheme): the key function above
//   16      4     word_count n (1 .. 2^24)
//   20      4     slot_count: a power of two, 2n <= slot_count <= 2^26
//   24      4     cluster_count: leaves of the tree (1 .. 65535)
//   28      3     prefix lengths of the three granularities, increasing, 1..30 bits
//   31      1     reserved, 0
//   32      8     strings_size: bytes of the key strings section
//   40      8     checksum: FNV-1a 64 over 64-bit words (Fnv1a64Words, base/checksum.h) of
//                 bytes [0, 40) then [48, file size)
//   48      16    reserved, 0
//   64      4*slot_count     hash table: uint32 per slot, 0 = empty, else entry index + 1;
//                            a key's home slot is (Fnv1a64Words(key) >> 32) & (slot_count - 1)
//                            (the high half: the low bits of a word-wise FNV depend on the low
//                            bits of each word only), then linear probing; zero padding to 8
//   ..      24*n  entries: uint32 key_offset, uint8 key_length (1..kMaxKeyBytes), uint8
//                 path_length (0..64), uint16 leaf (< cluster_count), uint32 count (corpus
//                 occurrences), uint32 reserved (0), uint64 path (the path_length low bits; the
//                 first bit of the path is the most significant of them)
//   ..      strings_size  the keys' bytes (UTF-8), then zero padding to 8 bytes; end of file
//
// FROZEN: the hash (the high half of Fnv1a64Words of the key bytes) and the key function shape
// the file; changing either needs a new key scheme or format version.
//
// Load validates every size, offset, entry and slot (each entry in the table at most once, so
// a probe always meets an empty slot) and the checksum before trusting the file; a missing,
// truncated or corrupt file is an error naming it. Load maps the file (about 1 ms for 5 MB).
//
// Thread-safety: immutable after Load; every const method may be called from any thread.
#ifndef SVODKA_NER_WORD_CLUSTERS_H_
#define SVODKA_NER_WORD_CLUSTERS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/file.h"
#include "svodka/status.h"

namespace svodka {

inline constexpr uint32_t kWordClustersFormatVersion = 1;
inline constexpr uint32_t kWordClustersKeyScheme = 1;
inline constexpr size_t kWordClustersHeaderSize = 64;
inline constexpr size_t kWordClustersEntrySize = 24;
inline constexpr size_t kWordClustersChecksumOffset = 40;

// What the clusters say of one word.
struct WordClusterIds {
  static constexpr int kGranularities = 3;
  // Coarse to fine: the path's prefix at each of the file's prefix lengths (the whole path
  // when it is shorter), with a 1 bit above it so that prefixes of different lengths differ:
  // (1 << l) | prefix. Never 0, and less than 2^31.
  uint32_t id[kGranularities] = {0, 0, 0};
  uint32_t leaf = 0;         // the finest cluster, 0 .. cluster_count() - 1
  uint64_t path = 0;         // the whole bit string (path_length low bits)
  uint32_t path_length = 0;  // 0..64
  uint32_t count = 0;        // occurrences of the key in the corpus the clusters were built on
};

class WordClusters {
 public:
  static constexpr size_t kMaxKeyBytes = 96;

  WordClusters() = default;
  WordClusters(WordClusters&&) noexcept = default;
  WordClusters& operator=(WordClusters&&) noexcept = default;

  // Maps and validates a clusters file. Errors name the path: kNotFound when it is missing,
  // kDataLoss when truncated or corrupt, kUnsupported for another format version or key scheme.
  static Result<WordClusters> Load(const std::string& path);
  // The same validation over bytes in memory (copied; `name` is used in messages).
  static Result<WordClusters> FromBytes(std::string_view bytes, std::string_view name);

  // The clusters of a token's form (any case, as in the text), or nullopt when its key is not
  // in the vocabulary (a rare or unseen word, or a key over kMaxKeyBytes). O(form length); no
  // allocation.
  std::optional<WordClusterIds> Cluster(std::string_view form) const;

  // The key of `form` (see KEYS above) written to buf; its length, or 0 when the key is empty
  // or longer than kMaxKeyBytes. No allocation.
  static size_t Key(std::string_view form, char (&buf)[kMaxKeyBytes]);

  // The vocabulary, in file order (most frequent first), for tools and tests.
  size_t size() const { return word_count_; }
  std::string_view KeyAt(size_t i) const;
  WordClusterIds IdsAt(size_t i) const;

  uint32_t cluster_count() const { return cluster_count_; }
  // The prefix length in bits of granularity g (0..2).
  int prefix_length(int g) const { return prefix_[g]; }
  // "0110..." for people.
  static std::string PathString(const WordClusterIds& ids);

  // The checksum of a file image (see the format above): what the writer stores at
  // kWordClustersChecksumOffset. Precondition: file.size() >= kWordClustersHeaderSize.
  static uint64_t FileChecksum(std::string_view file);

 private:
  Status Init(std::string_view bytes, std::string_view name);

  MappedFile file_;
  std::vector<char> owned_;  // the bytes, for FromBytes (a move keeps the buffer in place)
  const char* slots_ = nullptr;
  const char* entries_ = nullptr;
  const char* strings_ = nullptr;
  uint32_t word_count_ = 0;
  uint32_t slot_mask_ = 0;
  uint32_t cluster_count_ = 0;
  uint8_t prefix_[WordClusterIds::kGranularities] = {0, 0, 0};
};

}  // namespace svodka

#endif  // SVODKA_NER_WORD_CLUSTERS_H_
