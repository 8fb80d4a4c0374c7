#include "morph/tagger_model.h"

#include <bit>
#include <cassert>
#include <cstdint>
#include <cstring>

#include "base/checksum.h"

namespace svodka {
namespace {

constexpr char kMagic[8] = {'S', 'V', 'T', 'A', 'G', 'G', 'R', '\x01'};
constexpr size_t kHeaderSize = 64;

template <typename T>
T ReadLe(const char* p) {  // the library targets little-endian hosts (checked below)
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <typename T>
void AppendLe(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

static_assert(std::endian::native == std::endian::little, "model files are little-endian");

// Validates the image; on success *bits and *weights point into `bytes`.
Status Validate(std::string_view bytes, std::string_view name, uint32_t* bits,
                const float** weights) {
  std::string who(name);
  if (bytes.size() < kHeaderSize)
    return DataLoss(who + ": tagger model truncated: " + std::to_string(bytes.size()) +
                    " bytes, the header alone is 64");
  if (std::memcmp(bytes.data(), kMagic, 8) != 0)
    return DataLoss(who + ": not a svodka tagger model (bad magic at byte 0)");
  const char* p = bytes.data();
  uint32_t version = ReadLe<uint32_t>(p + 8);
  if (version != kTaggerFormatVersion)
    return Unsupported(who + ": tagger model format version " + std::to_string(version) +
                       ", this build reads version " + std::to_string(kTaggerFormatVersion));
  uint32_t hash_bits = ReadLe<uint32_t>(p + 12);
  uint32_t feature_set = ReadLe<uint32_t>(p + 16);
  if (feature_set != kTaggerFeatureSet)
    return Unsupported(who + ": tagger model was trained with feature set " +
                       std::to_string(feature_set) + ", this build uses " +
                       std::to_string(kTaggerFeatureSet) + "; retrain it");
  if (hash_bits < 10 || hash_bits > 26)
    return DataLoss(who + ": byte 12: hash_bits " + std::to_string(hash_bits) +
                    " out of range 10..26");
  uint64_t off = ReadLe<uint64_t>(p + 24), count = ReadLe<uint64_t>(p + 32);
  uint64_t checksum = ReadLe<uint64_t>(p + 40);
  if (off != kHeaderSize) return DataLoss(who + ": byte 24: bad weights offset");
  if (count != (uint64_t{1} << hash_bits))
    return DataLoss(who + ": byte 32: weights count " + std::to_string(count) +
                    " does not match hash_bits " + std::to_string(hash_bits));
  uint64_t need = off + count * sizeof(float);
  if (bytes.size() != need)
    return DataLoss(who + ": tagger model is " + std::to_string(bytes.size()) +
                    " bytes, expected " + std::to_string(need) +
                    (bytes.size() < need ? " (truncated)" : " (trailing bytes)"));
  if (Fnv1a64(p + off, count * sizeof(float)) != checksum)
    return DataLoss(who + ": tagger model checksum mismatch (corrupt file)");
  *bits = hash_bits;
  *weights = reinterpret_cast<const float*>(p + off);
  return Status::Ok();
}

}  // namespace

TaggerModel TaggerModel::FromWeights(std::vector<float> weights) {
  TaggerModel m;
  uint32_t bits = 0;
  while ((size_t{1} << bits) < weights.size()) ++bits;
  assert((size_t{1} << bits) == weights.size() && bits >= 10 && bits <= 26);
  m.owned_ = std::move(weights);
  m.weights_ = m.owned_.data();
  m.hash_bits_ = bits;
  return m;
}

Result<TaggerModel> TaggerModel::Load(const std::string& path) {
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) {
    const Status& s = file.status();
    return Status(s.code(), "cannot open tagger model: " + s.message());
  }
  TaggerModel m;  // a temporary: only a fully validated model is returned
  uint32_t bits = 0;
  const float* w = nullptr;
  Status s = Validate(file->data(), path, &bits, &w);
  if (!s.ok()) return s;
  if (reinterpret_cast<uintptr_t>(w) % alignof(float) != 0)
    return DataLoss(path + ": misaligned weights");
  m.file_ = std::move(*file);
  m.weights_ = w;  // the mapping does not move when MappedFile is moved
  m.hash_bits_ = bits;
  return m;
}

Result<TaggerModel> TaggerModel::FromBytes(std::string_view bytes, std::string_view name) {
  uint32_t bits = 0;
  const float* w = nullptr;
  Status s = Validate(bytes, name, &bits, &w);
  if (!s.ok()) return s;
  std::vector<float> weights(size_t{1} << bits);
  std::memcpy(weights.data(), bytes.data() + kHeaderSize, weights.size() * sizeof(float));
  return FromWeights(std::move(weights));
}

std::string TaggerModel::Serialize() const {
  std::string out;
  size_t n = size_t{1} << hash_bits_;
  out.reserve(kHeaderSize + n * sizeof(float));
  out.append(kMagic, 8);
  AppendLe<uint32_t>(&out, kTaggerFormatVersion);
  AppendLe<uint32_t>(&out, hash_bits_);
  AppendLe<uint32_t>(&out, kTaggerFeatureSet);
  AppendLe<uint32_t>(&out, 0);
  AppendLe<uint64_t>(&out, kHeaderSize);
  AppendLe<uint64_t>(&out, n);
  AppendLe<uint64_t>(&out, Fnv1a64(weights_, n * sizeof(float)));
  out.append(kHeaderSize - out.size(), '\0');
  out.append(reinterpret_cast<const char*>(weights_), n * sizeof(float));
  return out;
}

Status TaggerModel::Save(const std::string& path) const {
  if (empty()) return InvalidArgument(path + ": refusing to save an empty tagger model");
  return WriteFile(path, Serialize());
}

}  // namespace svodka
