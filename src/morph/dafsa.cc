#include "morph/dafsa.h"

#include <cstdint>

namespace svodka {

Result<Dafsa> Dafsa::Map(std::string_view bytes, const std::string& what) {
  if (reinterpret_cast<uintptr_t>(bytes.data()) % 4 != 0) {
    return DataLoss(what + ": automaton is not 4-byte aligned");
  }
  if (bytes.size() < 8) {
    return DataLoss(what + ": automaton header truncated (" + std::to_string(bytes.size()) +
                    " bytes)");
  }
  uint32_t count, root;
  std::memcpy(&count, bytes.data(), 4);
  std::memcpy(&root, bytes.data() + 4, 4);
  if (count >= kSink)
    return DataLoss(what + ": transition count " + std::to_string(count) + " too large");
  const uint64_t labels_size = (uint64_t{count} + 7) / 8 * 8;
  const uint64_t expected = 8 + labels_size + uint64_t{count} * 4;
  if (bytes.size() != expected) {
    return DataLoss(what + ": automaton of " + std::to_string(count) + " transitions needs " +
                    std::to_string(expected) + " bytes, section has " +
                    std::to_string(bytes.size()));
  }
  if (root >= count && root != kSink) {
    return DataLoss(what + ": root state " + std::to_string(root) + " out of range");
  }
  Dafsa d;
  for (uint32_t& x : d.root_next_) x = kNone;
  d.count_ = count;
  d.root_ = root;
  d.labels_ = reinterpret_cast<const uint8_t*>(bytes.data() + 8);
  d.next_ = reinterpret_cast<const uint32_t*>(bytes.data() + 8 + labels_size);
  for (int c = 0; c < 256; ++c) d.root_next_[c] = kNone;
  for (uint32_t i = root; i < count; ++i) {  // at most 256 transitions: labels are sorted
    d.root_next_[d.labels_[i]] = d.next_[i] & ~kLast;
    if ((d.next_[i] & kLast) || i - root >= 256) break;
  }
  return d;
}

}  // namespace svodka
