#include "ner/word_clusters.h"

#include <bit>
#include <cstring>
#include <vector>

#include "base/checksum.h"
#include "base/utf8.h"
#include "text/char_class.h"

namespace svodka {
namespace {

static_assert(std::endian::native == std::endian::little, "cluster files are little-endian");

constexpr char kMagic[8] = {'S', 'V', 'C', 'L', 'U', 'S', 'T', '\x01'};
constexpr size_t kChecksumOffset = kWordClustersChecksumOffset;
constexpr uint32_t kMaxWords = uint32_t{1} << 24;
constexpr uint32_t kMaxSlots = uint32_t{1} << 26;

template <typename T>
T ReadLe(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

size_t Pad8(size_t n) { return (n + 7) & ~size_t{7}; }

// Appends the UTF-8 of cp to buf[*n, kMaxKeyBytes); false when it does not fit.
bool Put(char32_t cp, char* buf, size_t* n) {
  char tmp[4];
  size_t len;
  if (cp < 0x80) {
    tmp[0] = static_cast<char>(cp);
    len = 1;
  } else if (cp < 0x800) {
    tmp[0] = static_cast<char>(0xC0 | (cp >> 6));
    tmp[1] = static_cast<char>(0x80 | (cp & 0x3F));
    len = 2;
  } else if (cp < 0x10000) {
    tmp[0] = static_cast<char>(0xE0 | (cp >> 12));
    tmp[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    tmp[2] = static_cast<char>(0x80 | (cp & 0x3F));
    len = 3;
  } else {
    tmp[0] = static_cast<char>(0xF0 | (cp >> 18));
    tmp[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    tmp[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    tmp[3] = static_cast<char>(0x80 | (cp & 0x3F));
    len = 4;
  }
  if (*n + len > WordClusters::kMaxKeyBytes) return false;
  std::memcpy(buf + *n, tmp, len);
  *n += len;
  return true;
}

}  // namespace

uint64_t WordClusters::FileChecksum(std::string_view file) {
  const uint64_t head = Fnv1a64Words(file.data(), kChecksumOffset);
  return Fnv1a64Words(file.data() + kChecksumOffset + 8, file.size() - kChecksumOffset - 8, head);
}

size_t WordClusters::Key(std::string_view form, char (&buf)[kMaxKeyBytes]) {
  const CharClasses& cc = CharClasses::Get();
  size_t n = 0;
  for (size_t i = 0; i < form.size();) {
    const unsigned char c = static_cast<unsigned char>(form[i]);
    if (c < 0x80) {  // ASCII: the same as below, without the tables
      if (n == kMaxKeyBytes) return 0;
      buf[n++] = c >= '0' && c <= '9' ? '0' : c >= 'A' && c <= 'Z' ? char(c + 32) : char(c);
      ++i;
      continue;
    }
    size_t len;
    char32_t cp;
    if (c >= 0xC2 && c < 0xE0 && i + 1 < form.size() &&
        (static_cast<unsigned char>(form[i + 1]) & 0xC0) == 0x80) {  // Cyrillic among others
      cp = (char32_t(c & 0x1F) << 6) | (static_cast<unsigned char>(form[i + 1]) & 0x3F);
      len = 2;
    } else {
      cp = DecodeUtf8(form, i, &len);
    }
    i += len;
    if (cp == 0x00AD || cp == 0x0300 || cp == 0x0301) continue;
    if (cc.Of(cp) == kCcDigit) {
      cp = '0';
    } else {
      cp = cc.ToLower(cp);
      if (cp == 0x0451) cp = 0x0435;  // ё -> е
    }
    if (!Put(cp, buf, &n)) return 0;
  }
  return n;
}

Status WordClusters::Init(std::string_view bytes, std::string_view name) {
  const std::string who(name);
  const char* p = bytes.data();
  if (bytes.size() < kWordClustersHeaderSize)
    return DataLoss(who + ": word clusters truncated: " + std::to_string(bytes.size()) +
                    " bytes, the header alone is 64");
  if (std::memcmp(p, kMagic, 8) != 0)
    return DataLoss(who + ": not a svodka word clusters file (bad magic at byte 0)");
  const uint32_t version = ReadLe<uint32_t>(p + 8);
  if (version != kWordClustersFormatVersion)
    return Unsupported(who + ": word clusters format version " + std::to_string(version) +
                       ", this build reads version " + std::to_string(kWordClustersFormatVersion));
  const uint32_t scheme = ReadLe<uint32_t>(p + 12);
  if (scheme != kWordClustersKeyScheme)
    return Unsupported(who + ": word clusters key scheme " + std::to_string(scheme) +
                       ", this build uses " + std::to_string(kWordClustersKeyScheme) +
                       "; rebuild the clusters");
  const uint32_t n = ReadLe<uint32_t>(p + 16);
  const uint32_t slots = ReadLe<uint32_t>(p + 20);
  const uint32_t clusters = ReadLe<uint32_t>(p + 24);
  const uint64_t strings_size = ReadLe<uint64_t>(p + 32);
  if (n == 0 || n > kMaxWords)
    return DataLoss(who + ": byte 16: word count " + std::to_string(n) + " out of range");
  if (!std::has_single_bit(slots) || slots < 2 * uint64_t{n} || slots > kMaxSlots)
    return DataLoss(who + ": byte 20: slot count " + std::to_string(slots) +
                    " is not a power of two in [2 * words, 2^26]");
  if (clusters == 0 || clusters > 65535)
    return DataLoss(who + ": byte 24: cluster count " + std::to_string(clusters) +
                    " out of range 1..65535");
  uint8_t prefix[WordClusterIds::kGranularities];
  std::memcpy(prefix, p + 28, sizeof prefix);
  for (int g = 0; g < WordClusterIds::kGranularities; ++g) {
    if (prefix[g] < 1 || prefix[g] > 30 || (g > 0 && prefix[g] <= prefix[g - 1]))
      return DataLoss(who + ": byte " + std::to_string(28 + g) + ": prefix length " +
                      std::to_string(prefix[g]) + " is not increasing within 1..30");
  }
  if (p[31] != 0 || ReadLe<uint64_t>(p + 48) != 0 || ReadLe<uint64_t>(p + 56) != 0)
    return DataLoss(who + ": reserved header bytes are not zero");
  if (strings_size > bytes.size())
    return DataLoss(who + ": byte 32: strings size " + std::to_string(strings_size) +
                    " is larger than the file");
  const size_t slots_offset = kWordClustersHeaderSize;
  const size_t entries_offset = slots_offset + Pad8(size_t{slots} * 4);
  const size_t strings_offset = entries_offset + size_t{n} * kWordClustersEntrySize;
  const size_t need = strings_offset + Pad8(strings_size);
  if (bytes.size() != need)
    return DataLoss(who + ": word clusters file is " + std::to_string(bytes.size()) +
                    " bytes, its header says " + std::to_string(need) +
                    (bytes.size() < need ? " (truncated)" : " (trailing bytes)"));
  const uint64_t checksum = ReadLe<uint64_t>(p + kChecksumOffset);
  if (FileChecksum(bytes) != checksum)
    return DataLoss(who + ": word clusters checksum mismatch (corrupt file)");

  // Every entry and slot, so that no lookup can read outside the file or probe forever.
  const char* entries = p + entries_offset;
  for (uint32_t i = 0; i < n; ++i) {
    const char* e = entries + size_t{i} * kWordClustersEntrySize;
    const uint32_t key_offset = ReadLe<uint32_t>(e);
    const uint8_t key_length = static_cast<uint8_t>(e[4]);
    const uint8_t path_length = static_cast<uint8_t>(e[5]);
    const uint16_t leaf = ReadLe<uint16_t>(e + 6);
    const uint32_t reserved = ReadLe<uint32_t>(e + 12);
    const uint64_t path = ReadLe<uint64_t>(e + 16);
    const size_t at = static_cast<size_t>(e - p);
    if (key_length == 0 || key_length > kMaxKeyBytes ||
        uint64_t{key_offset} + key_length > strings_size)
      return DataLoss(who + ": byte " + std::to_string(at) + ": entry " + std::to_string(i) +
                      " has a key outside the strings section");
    if (path_length > 64 || (path_length < 64 && (path >> path_length) != 0))
      return DataLoss(who + ": byte " + std::to_string(at + 5) + ": entry " + std::to_string(i) +
                      " has a bad path");
    if (leaf >= clusters)
      return DataLoss(who + ": byte " + std::to_string(at + 6) + ": entry " + std::to_string(i) +
                      " has leaf " + std::to_string(leaf) + " >= cluster count " +
                      std::to_string(clusters));
    if (reserved != 0)
      return DataLoss(who + ": byte " + std::to_string(at + 12) + ": reserved bytes are not zero");
  }
  std::vector<bool> seen(n, false);
  for (uint32_t s = 0; s < slots; ++s) {
    const uint32_t v = ReadLe<uint32_t>(p + slots_offset + size_t{s} * 4);
    if (v == 0) continue;
    if (v > n || seen[v - 1])
      return DataLoss(who + ": byte " + std::to_string(slots_offset + size_t{s} * 4) +
                      ": hash slot " + std::to_string(s) + " holds a bad or repeated entry " +
                      std::to_string(v));
    seen[v - 1] = true;
  }

  slots_ = p + slots_offset;
  entries_ = entries;
  strings_ = p + strings_offset;
  word_count_ = n;
  slot_mask_ = slots - 1;
  cluster_count_ = clusters;
  std::memcpy(prefix_, prefix, sizeof prefix_);
  return Status::Ok();
}

Result<WordClusters> WordClusters::Load(const std::string& path) {
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) {
    const Status& s = file.status();
    return Status(s.code(), "cannot open word clusters: " + s.message());
  }
  WordClusters w;  // a temporary: only a fully validated one is returned
  Status s = w.Init(file->data(), path);
  if (!s.ok()) return s;
  w.file_ = std::move(*file);  // the mapping does not move with the MappedFile
  return w;
}

Result<WordClusters> WordClusters::FromBytes(std::string_view bytes, std::string_view name) {
  WordClusters w;
  w.owned_.assign(bytes.begin(), bytes.end());
  Status s = w.Init(std::string_view(w.owned_.data(), w.owned_.size()), name);
  if (!s.ok()) return s;
  return w;
}

std::string_view WordClusters::KeyAt(size_t i) const {
  const char* e = entries_ + i * kWordClustersEntrySize;
  return {strings_ + ReadLe<uint32_t>(e), static_cast<uint8_t>(e[4])};
}

WordClusterIds WordClusters::IdsAt(size_t i) const {
  const char* e = entries_ + i * kWordClustersEntrySize;
  WordClusterIds ids;
  ids.path_length = static_cast<uint8_t>(e[5]);
  ids.leaf = ReadLe<uint16_t>(e + 6);
  ids.count = ReadLe<uint32_t>(e + 8);
  ids.path = ReadLe<uint64_t>(e + 16);
  for (int g = 0; g < WordClusterIds::kGranularities; ++g) {
    const uint32_t l = prefix_[g] < ids.path_length ? prefix_[g] : ids.path_length;
    const uint64_t prefix = l == 0 ? 0 : ids.path >> (ids.path_length - l);
    ids.id[g] = static_cast<uint32_t>((uint64_t{1} << l) | prefix);
  }
  return ids;
}

std::optional<WordClusterIds> WordClusters::Cluster(std::string_view form) const {
  if (word_count_ == 0) return std::nullopt;
  char buf[kMaxKeyBytes];
  const size_t n = Key(form, buf);
  if (n == 0) return std::nullopt;
  const std::string_view key(buf, n);
  for (uint32_t s = static_cast<uint32_t>(Fnv1a64Words(buf, n) >> 32) & slot_mask_;;
       s = (s + 1) & slot_mask_) {
    const uint32_t v = ReadLe<uint32_t>(slots_ + size_t{s} * 4);
    if (v == 0) return std::nullopt;  // Init checked that an empty slot exists
    if (KeyAt(v - 1) == key) return IdsAt(v - 1);
  }
}

std::string WordClusters::PathString(const WordClusterIds& ids) {
  std::string out;
  for (uint32_t b = ids.path_length; b-- > 0;) out += ((ids.path >> b) & 1) ? '1' : '0';
  return out;
}

}  // namespace svodka
