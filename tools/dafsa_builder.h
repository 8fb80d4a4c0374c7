// Builds a minimized DAFSA (src/morph/dafsa.h) from keys added in strictly increasing byte
// order, by the incremental algorithm for sorted data of Daciuk, Mihov, Watson & Watson (2000):
// the path of the last key stays mutable; when the next key diverges, the states below the
// divergence point are frozen and replaced by an equivalent registered state if one exists.
// Equivalence of frozen states is equality of their transition lists (labels and targets),
// found through an open-addressing hash table over the output arrays.
//
// The key set must be prefix-free (no key is a proper prefix of another); the dictionary's
// keys are (word, separator, fixed-length payload), which are.
#ifndef SVODKA_TOOLS_DAFSA_BUILDER_H_
#define SVODKA_TOOLS_DAFSA_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "svodka/status.h"

namespace svodka {

class DafsaBuilder {
 public:
  DafsaBuilder();
  // Keys must be strictly increasing; a key equal to the previous one is ignored.
  Status Add(std::string_view key);
  // Freezes everything and returns the section bytes (see src/morph/dafsa.h).
  std::string Finish();

  size_t key_count() const { return keys_; }
  size_t transition_count() const { return labels_.size(); }

 private:
  uint32_t Freeze(std::vector<std::pair<uint8_t, uint32_t>>& trans);
  void Grow();

  std::vector<std::vector<std::pair<uint8_t, uint32_t>>> path_;  // path_[d]: state at depth d
  std::string prev_;
  std::vector<uint8_t> labels_;
  std::vector<uint32_t> next_;
  std::vector<uint32_t> table_;  // state offset + 1, 0 = empty
  size_t used_ = 0;
  size_t keys_ = 0;
  bool finished_ = false;
};

}  // namespace svodka

#endif  // SVODKA_TOOLS_DAFSA_BUILDER_H_
