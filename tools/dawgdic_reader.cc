#include "dawgdic_reader.h"

#include <cstring>

#include "base/file.h"

namespace svodka {
namespace {

constexpr uint32_t kHasLeaf = 1u << 8;
constexpr uint32_t kExtension = 1u << 9;
constexpr uint32_t kIsLeaf = 1u << 31;

uint32_t Offset(uint32_t u) { return (u >> 10) << ((u & kExtension) >> 6); }
uint32_t Label(uint32_t u) { return u & (kIsLeaf | 0xFF); }

}  // namespace

Result<DawgdicReader> DawgdicReader::Load(const std::string& path) {
  auto data = ReadFile(path);
  if (!data.ok()) return data.status();
  const std::string& d = *data;
  DawgdicReader r;
  r.path_ = path;
  uint32_t n_units = 0, n_guide = 0;
  if (d.size() < 4) return DataLoss(path + ": truncated dawgdic header");
  std::memcpy(&n_units, d.data(), 4);
  const uint64_t guide_pos = 4 + uint64_t{n_units} * 4;
  if (guide_pos + 4 > d.size()) return DataLoss(path + ": truncated units");
  r.units_.resize(n_units);
  std::memcpy(r.units_.data(), d.data() + 4, size_t{n_units} * 4);
  std::memcpy(&n_guide, d.data() + guide_pos, 4);
  if (n_guide != 0 && n_guide != n_units) return DataLoss(path + ": guide size != unit count");
  if (guide_pos + 4 + uint64_t{n_guide} * 2 != d.size()) {
    return DataLoss(path + ": size " + std::to_string(d.size()) + " does not match header");
  }
  r.guide_.assign(d.begin() + guide_pos + 4, d.end());
  return r;
}

bool DawgdicReader::Follow(uint8_t c, uint32_t* index) const {
  const uint32_t next = *index ^ Offset(units_[*index]) ^ c;
  if (next >= units_.size() || Label(units_[next]) != c) return false;
  *index = next;
  return true;
}

int64_t DawgdicReader::Find(std::string_view key) const {
  if (units_.empty()) return -1;
  uint32_t i = 0;
  for (unsigned char c : key) {
    if (!Follow(c, &i)) return -1;
  }
  if (!(units_[i] & kHasLeaf)) return -1;
  const uint32_t v = i ^ Offset(units_[i]);
  if (v >= units_.size()) return -1;
  return units_[v] & ~kIsLeaf;
}

Status DawgdicReader::Visit(uint32_t index, std::string* key, int depth,
                            const std::function<void(std::string_view, uint32_t)>& f) const {
  if (depth > 255) return DataLoss(path_ + ": key longer than 255 bytes");
  if (units_[index] & kHasLeaf) {
    const uint32_t v = index ^ Offset(units_[index]);
    if (v >= units_.size()) return DataLoss(path_ + ": leaf out of range");
    f(*key, units_[v] & ~kIsLeaf);
  }
  uint8_t c = guide_[size_t{index} * 2];
  while (c != 0) {
    uint32_t child = index;
    if (!Follow(c, &child)) return DataLoss(path_ + ": guide label not in automaton");
    key->push_back(static_cast<char>(c));
    if (Status s = Visit(child, key, depth + 1, f); !s.ok()) return s;
    key->pop_back();
    c = guide_[size_t{child} * 2 + 1];
  }
  return Status::Ok();
}

Status DawgdicReader::ForEach(const std::function<void(std::string_view, uint32_t)>& f) const {
  if (units_.empty()) return Status::Ok();
  if (guide_.size() != units_.size() * 2) return DataLoss(path_ + ": no guide, cannot enumerate");
  std::string key;
  return Visit(0, &key, 0, f);
}

}  // namespace svodka
