// NerModel: the weights of the named-entity tagger (ner_tagger.h) and their file format.
//
// FILE FORMAT (version 1), little-endian, every section 8-byte aligned:
//
//   offset  size  field
//   0       8     magic "SVNERMD\x01"
//   8       4     format version (kNerFormatVersion)
//   12      4     hash_bits: the feature table has 2^hash_bits rows (10..24)
//   16      4     feature_set: version of the feature templates (kNerFeatureSet); a model
//                 trained with other templates is refused
//   20      4     label count (kNerLabels)
//   24      8     scale: a weight is int16 * scale (float64)
//   32      8     checksum: Fnv1a64Words over every other byte of the file (header included)
//   40      8     gazetteer size in bytes (G)
//   48      16    reserved, 0
//   64      4*L*L float32 transition weights, [previous][next], L = kNerLabels
//   ...     4*L   float32 start weights, then 4*L float32 end weights (padded to 8)
//   ...     2*L*R int16 feature weights, row-major: row r holds the weights of feature row r
//                 for the L labels, R = 2^hash_bits
//   ...     G     the gazetteer: lines "key<TAB>type bits\n" (see ner_features.h), padded to 8
//
// The file must end exactly after the gazetteer's padding. Feature rows are indexed through
// the frozen hashes of ner_features.cc: changing them changes the meaning of every weight, so
// they are versioned together with the file (feature_set).
//
// Thread-safety: immutable after loading; shared by all threads.
#ifndef SVODKA_NER_NER_MODEL_H_
#define SVODKA_NER_NER_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/file.h"
#include "ner/ner_labels.h"
#include "svodka/status.h"

namespace svodka {

inline constexpr uint32_t kNerFormatVersion = 1;
inline constexpr uint32_t kNerFeatureSet = 2;

class NerModel {
 public:
  NerModel() = default;
  NerModel(NerModel&&) noexcept = default;
  NerModel& operator=(NerModel&&) noexcept = default;

  // What a trained model is made of (the trainer builds it; Serialize writes it).
  struct Parts {
    uint32_t hash_bits = 0;
    std::vector<float> weights;      // (1 << hash_bits) * kNerLabels
    std::vector<float> transitions;  // kNerLabels * kNerLabels
    std::vector<float> start, end;   // kNerLabels each
    std::unordered_map<std::string, uint8_t> gazetteer;
  };
  // Heterogeneous lookup: a string_view finds a std::string key without a copy.
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using Gazetteer = std::unordered_map<std::string, uint8_t, StringHash, std::equal_to<>>;
  // Quantizes the weights to int16 (the scale keeps the largest weight exact).
  static NerModel FromParts(const Parts& parts);

  // Maps and validates a model file. Errors name the path: kNotFound when it is missing,
  // kDataLoss when truncated or corrupt, kUnsupported for another version or feature set.
  static Result<NerModel> Load(const std::string& path);
  // The same validation over bytes in memory (copied).
  static Result<NerModel> FromBytes(std::string_view bytes, std::string_view name);

  std::string Serialize() const;
  Status Save(const std::string& path) const;

  uint32_t hash_bits() const { return hash_bits_; }
  uint64_t row_mask() const { return (uint64_t{1} << hash_bits_) - 1; }
  double scale() const { return scale_; }
  // The int16 weights of feature row r: kNerLabels of them, then zeros up to kRowStride (rows
  // are padded in memory so that summing them vectorizes).
  static constexpr int kRowStride = 16;
  const int16_t* row(uint64_t r) const { return padded_.data() + r * kRowStride; }
  float transition(int prev, int next) const { return transitions_[prev * kNerLabels + next]; }
  float start(int label) const { return start_[label]; }
  float end(int label) const { return end_[label]; }
  // Type bits (1 << EntityType) the training data gave `key`, 0 when none.
  uint8_t GazetteerTypes(std::string_view key) const;

 private:
  Status Parse(std::string_view bytes, std::string_view name);

  MappedFile file_;
  std::string owned_;  // the file image when not mapped
  uint32_t hash_bits_ = 0;
  double scale_ = 1;
  const float* transitions_ = nullptr;
  const float* start_ = nullptr;
  const float* end_ = nullptr;
  std::vector<int16_t> padded_;  // the weights, rows of kRowStride
  Gazetteer gazetteer_;
};

}  // namespace svodka

#endif  // SVODKA_NER_NER_MODEL_H_
