// TaggerModel: the weights of the morphological tagger (see tagger.h) and their file format.
//
// FILE FORMAT (version 1), little-endian, every section 8-byte aligned:
//
//   offset  size  field
//   0       8     magic "SVTAGGR\x01"
//   8       4     format version (kTaggerFormatVersion)
//   12      4     hash_bits: the weight table has 2^hash_bits entries (10..26)
//   16      4     feature_set: version of the feature templates the weights were trained
//                 with (kTaggerFeatureSet); a model trained with other templates is refused
//   20      4     reserved, 0
//   24      8     weights_offset (64)
//   32      8     weights_count (== 2^hash_bits)
//   40      8     checksum: FNV-1a 64 over the weight bytes
//   48      16    reserved, 0
//   64      4*n   float32 weights[n]
//
// The file must end exactly after the weights. Feature hashes index the table through the
// frozen hash functions in tagger.cc (FeatureIndex); changing them changes the meaning of
// every weight, so they are versioned together with the file (feature_set).
//
// A loaded model either owns its weights (built in memory by the trainer) or maps the file;
// in both cases it is immutable and safe to share between threads.
#ifndef SVODKA_MORPH_TAGGER_MODEL_H_
#define SVODKA_MORPH_TAGGER_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/file.h"
#include "svodka/status.h"

namespace svodka {

inline constexpr uint32_t kTaggerFormatVersion = 1;
inline constexpr uint32_t kTaggerFeatureSet = 3;
inline constexpr uint32_t kTaggerDefaultHashBits = 21;  // 2M weights, 8 MiB

class TaggerModel {
 public:
  TaggerModel() = default;
  TaggerModel(TaggerModel&&) noexcept = default;
  TaggerModel& operator=(TaggerModel&&) noexcept = default;

  // A model owning `weights` (size must be a power of two between 2^10 and 2^26).
  static TaggerModel FromWeights(std::vector<float> weights);

  // Maps and validates a model file. Errors name the path: kNotFound when it is missing,
  // kDataLoss when truncated or corrupt, kUnsupported for another version/feature set.
  static Result<TaggerModel> Load(const std::string& path);
  // Same validation over bytes already in memory (copied into the model).
  static Result<TaggerModel> FromBytes(std::string_view bytes, std::string_view name);

  // The file image of this model.
  std::string Serialize() const;
  Status Save(const std::string& path) const;

  const float* weights() const { return weights_; }
  uint32_t hash_bits() const { return hash_bits_; }
  uint64_t mask() const { return (uint64_t{1} << hash_bits_) - 1; }
  bool empty() const { return weights_ == nullptr; }

 private:
  MappedFile file_;
  std::vector<float> owned_;
  const float* weights_ = nullptr;
  uint32_t hash_bits_ = 0;
};

}  // namespace svodka

#endif  // SVODKA_MORPH_TAGGER_MODEL_H_
