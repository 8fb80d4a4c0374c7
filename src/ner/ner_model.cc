#include "ner/ner_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include "base/checksum.h"

namespace svodka {
namespace {

constexpr char kMagic[8] = {'S', 'V', 'N', 'E', 'R', 'M', 'D', '\x01'};
constexpr size_t kHeader = 64;
constexpr uint32_t kMinHashBits = 10, kMaxHashBits = 24;

size_t Pad8(size_t n) { return (n + 7) / 8 * 8; }

// The checksum covers the whole file but its own 8 bytes (offset 32).
uint64_t FileChecksum(std::string_view file) {
  return Fnv1a64Words(file.data() + 40, file.size() - 40, Fnv1a64Words(file.data(), 32));
}

template <typename T>
void Put(std::string* out, size_t at, T v) {
  std::memcpy(out->data() + at, &v, sizeof v);
}
template <typename T>
T Get(std::string_view in, size_t at) {
  T v;
  std::memcpy(&v, in.data() + at, sizeof v);
  return v;
}

// The sizes of the sections after the header: transitions + start + end (padded), weights.
size_t FloatsBytes() { return Pad8(sizeof(float) * (kNerLabels * kNerLabels + 2 * kNerLabels)); }
size_t WeightsBytes(uint32_t hash_bits) {
  return sizeof(int16_t) * kNerLabels * (size_t{1} << hash_bits);  // a multiple of 8
}

}  // namespace

NerModel NerModel::FromParts(const Parts& parts) {
  float largest = 0;
  for (float w : parts.weights) largest = std::max(largest, std::fabs(w));
  const double scale = largest > 0 ? largest / 32767.0 : 1.0;
  // The file image, built once; the model then parses it like a loaded file.
  std::string out(kHeader + FloatsBytes() + WeightsBytes(parts.hash_bits), '\0');
  std::memcpy(out.data(), kMagic, 8);
  Put<uint32_t>(&out, 8, kNerFormatVersion);
  Put<uint32_t>(&out, 12, parts.hash_bits);
  Put<uint32_t>(&out, 16, kNerFeatureSet);
  Put<uint32_t>(&out, 20, kNerLabels);
  Put<double>(&out, 24, scale);
  size_t at = kHeader;
  auto floats = [&](const std::vector<float>& v) {
    std::memcpy(out.data() + at, v.data(), v.size() * sizeof(float));
    at += v.size() * sizeof(float);
  };
  floats(parts.transitions);
  floats(parts.start);
  floats(parts.end);
  at = kHeader + FloatsBytes();
  for (size_t i = 0; i < parts.weights.size(); ++i) {
    const auto q = static_cast<int16_t>(std::lround(parts.weights[i] / scale));
    Put<int16_t>(&out, at + 2 * i, q);
  }
  // The gazetteer in key order, so that the file is the same for the same model.
  std::map<std::string, uint8_t> sorted(parts.gazetteer.begin(), parts.gazetteer.end());
  std::string gazetteer;
  for (const auto& [key, bits] : sorted) {
    gazetteer += key;
    gazetteer += '\t';
    gazetteer += std::to_string(bits);
    gazetteer += '\n';
  }
  Put<uint64_t>(&out, 40, gazetteer.size());
  out += gazetteer;
  out.resize(Pad8(out.size()), '\0');
  Put<uint64_t>(&out, 32, FileChecksum(out));
  NerModel m;
  m.owned_ = std::move(out);
  Status s = m.Parse(m.owned_, "trained model");
  (void)s;  // the image was just built to the format: it parses
  return m;
}

Result<NerModel> NerModel::Load(const std::string& path) {
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  NerModel m;
  m.file_ = std::move(file).value();
  if (Status s = m.Parse(m.file_.data(), path); !s.ok()) return s;
  return m;
}

Result<NerModel> NerModel::FromBytes(std::string_view bytes, std::string_view name) {
  NerModel m;
  m.owned_ = std::string(bytes);
  if (Status s = m.Parse(m.owned_, name); !s.ok()) return s;
  return m;
}

Status NerModel::Parse(std::string_view in, std::string_view name) {
  const std::string who(name);
  if (in.size() < kHeader || std::memcmp(in.data(), kMagic, 8) != 0)
    return DataLoss(who + ": not an NER model (bad magic or truncated header)");
  if (reinterpret_cast<uintptr_t>(in.data()) % 8 != 0)
    return Internal(who + ": model bytes are not 8-byte aligned");
  const uint32_t version = Get<uint32_t>(in, 8);
  if (version != kNerFormatVersion)
    return Unsupported(who + ": NER model format version " + std::to_string(version) +
                       ", this build reads version " + std::to_string(kNerFormatVersion));
  const uint32_t bits = Get<uint32_t>(in, 12);
  const uint32_t feature_set = Get<uint32_t>(in, 16);
  if (feature_set != kNerFeatureSet)
    return Unsupported(who + ": trained with NER feature set " + std::to_string(feature_set) +
                       ", this build computes set " + std::to_string(kNerFeatureSet) +
                       " (retrain with `svodka train ner`)");
  if (Get<uint32_t>(in, 20) != static_cast<uint32_t>(kNerLabels))
    return DataLoss(who + ": wrong label count");
  if (bits < kMinHashBits || bits > kMaxHashBits)
    return DataLoss(who + ": hash_bits " + std::to_string(bits) + " out of range");
  const double scale = Get<double>(in, 24);
  if (!std::isfinite(scale) || scale <= 0) return DataLoss(who + ": bad weight scale");
  const uint64_t gazetteer_size = Get<uint64_t>(in, 40);
  const uint64_t expected = kHeader + FloatsBytes() + WeightsBytes(bits) +
                            Pad8(std::min<uint64_t>(gazetteer_size, in.size()));
  if (gazetteer_size > in.size() || in.size() != expected)
    return DataLoss(who + ": " + std::to_string(in.size()) + " bytes, the header describes " +
                    std::to_string(expected));
  if (Get<uint64_t>(in, 32) != FileChecksum(in))
    return DataLoss(who + ": checksum mismatch (the file is corrupt)");
  for (size_t i = 48; i < kHeader; ++i)
    if (in[i] != 0) return DataLoss(who + ": reserved header bytes are not zero");
  const char* base = in.data() + kHeader;
  const auto* floats = reinterpret_cast<const float*>(base);
  for (int i = 0; i < kNerLabels * kNerLabels + 2 * kNerLabels; ++i)
    if (!std::isfinite(floats[i])) return DataLoss(who + ": a transition weight is not finite");
  hash_bits_ = bits;
  scale_ = scale;
  transitions_ = floats;
  start_ = floats + kNerLabels * kNerLabels;
  end_ = start_ + kNerLabels;
  const auto* weights = reinterpret_cast<const int16_t*>(base + FloatsBytes());
  const size_t rows = size_t{1} << bits;
  padded_.assign(rows * kRowStride, 0);
  for (size_t r = 0; r < rows; ++r)
    std::memcpy(padded_.data() + r * kRowStride, weights + r * kNerLabels,
                kNerLabels * sizeof(int16_t));
  gazetteer_.clear();
  std::string_view g = in.substr(kHeader + FloatsBytes() + WeightsBytes(bits), gazetteer_size);
  for (size_t pos = 0; pos < g.size();) {
    const size_t nl = g.find('\n', pos);
    const size_t tab = g.find('\t', pos);
    if (nl == g.npos || tab == g.npos || tab > nl || tab == pos)
      return DataLoss(who + ": gazetteer entry at byte " + std::to_string(pos) + " malformed");
    const std::string_view bits_text = g.substr(tab + 1, nl - tab - 1);
    int types = 0;
    for (char c : bits_text) {
      if (c < '0' || c > '9' || types > 255) return DataLoss(who + ": bad gazetteer type bits");
      types = types * 10 + (c - '0');
    }
    if (types == 0 || types > 7) return DataLoss(who + ": bad gazetteer type bits");
    gazetteer_.emplace(std::string(g.substr(pos, tab - pos)), static_cast<uint8_t>(types));
    pos = nl + 1;
  }
  return Status::Ok();
}

std::string NerModel::Serialize() const {
  return owned_.empty() ? std::string(file_.data()) : owned_;
}

Status NerModel::Save(const std::string& path) const { return WriteFile(path, Serialize()); }

uint8_t NerModel::GazetteerTypes(std::string_view key) const {
  auto it = gazetteer_.find(key);
  return it == gazetteer_.end() ? 0 : it->second;
}

}  // namespace svodka
