// A read-only view of a minimized deterministic acyclic finite-state automaton (DAFSA) stored
// as flat arrays, as written by tools/dafsa_builder.h (incremental construction over sorted
// keys, Daciuk, Mihov, Watson & Watson, "Incremental construction of minimal acyclic
// finite-state automata", Computational Linguistics 26(1), 2000).
//
// The key sets stored here are prefix-free (every key ends in a separator byte and a payload
// of fixed length), so no "final" bits are needed: a key is accepted when the payload has been
// read. A state is the index of its first outgoing transition; a state's transitions are
// contiguous, sorted by label, and the last one carries kLast. Transitions into the single
// final state (no outgoing transitions) point to kSink.
//
// Section layout: uint32 count, uint32 root, uint8 labels[count] zero-padded to a multiple of
// 8 bytes, uint32 next[count] (bit 31 = kLast, bits 0..30 = target state or kSink).
//
// Map() checks sizes only (O(1)); every traversal step bounds-checks its state, and
// enumeration depth and result counts are bounded by the caller, so a corrupt automaton can
// give wrong answers but never reads out of bounds or loops forever.
#ifndef SVODKA_MORPH_DAFSA_H_
#define SVODKA_MORPH_DAFSA_H_

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "svodka/status.h"

namespace svodka {

static_assert(std::endian::native == std::endian::little,
              "svodka's binary files are mapped "
              "directly and need a little-endian host");

class Dafsa {
 public:
  static constexpr uint32_t kLast = 0x80000000u;
  static constexpr uint32_t kSink = 0x7FFFFFFEu;
  static constexpr uint32_t kNone = 0x7FFFFFFFu;

  Dafsa() {
    for (uint32_t& x : root_next_) x = kNone;
  }

  // Views `bytes` (must stay alive, 4-byte aligned). `what` names the section in errors.
  static Result<Dafsa> Map(std::string_view bytes, const std::string& what);

  uint32_t root() const { return root_; }
  uint32_t transition_count() const { return count_; }

  // The state reached from `state` by label c, kSink, or kNone if there is no such transition.
  // A state has at most 256 transitions (one per byte), so at most 256 are looked at, whatever
  // a corrupt file says.
  uint32_t Next(uint32_t state, uint8_t c) const {
    const uint32_t end = count_ - state > 256 ? state + 256 : count_;
    for (uint32_t i = state; i < end; ++i) {
      const uint8_t l = labels_[i];
      const uint32_t n = next_[i];
      if (l == c) return n & ~kLast;
      if (l > c || (n & kLast)) break;
    }
    return kNone;
  }

  // Next() from the root, through a 256-entry table built by Map (the root is the widest
  // state).
  uint32_t NextFromRoot(uint8_t c) const { return root_next_[c]; }

  // Follows a whole string; kNone when it leaves the automaton.
  uint32_t Walk(uint32_t state, std::string_view s) const {
    for (unsigned char c : s) {
      if (state >= count_) return kNone;
      state = Next(state, c);
    }
    return state;
  }

  // Calls f(const uint8_t* bytes) for every string of exactly `len` (<= 16) bytes leading from
  // `state` to the final state, in label order; stops after `limit` strings.
  // Returns the number of strings reported.
  //
  // Work is bounded by kStepsPerString * limit * len transitions looked at: in a well-formed
  // automaton every transition leads to the final state, so each string costs about `len`
  // steps; a corrupt one (dead ends, 256-way branching at every level: 256^len paths) is cut
  // off there instead of running for years.
  static constexpr size_t kStepsPerString = 64;
  template <typename F>
  int Enumerate(uint32_t state, int len, int limit, F&& f) const {
    uint8_t buf[16];
    uint32_t pos[16];  // transition index being explored at each depth
    if (len <= 0 || len > 16 || state >= count_ || limit <= 0) return 0;
    int found = 0;
    int depth = 0;
    pos[0] = state;
    size_t steps = kStepsPerString * static_cast<size_t>(limit) * static_cast<size_t>(len);
    while (depth >= 0) {
      if (steps-- == 0) return found;
      const uint32_t i = pos[depth];
      if (i >= count_) {  // corrupt: ran off the end
        --depth;
        if (depth >= 0) Advance(pos, &depth);
        continue;
      }
      buf[depth] = labels_[i];
      const uint32_t target = next_[i] & ~kLast;
      if (depth + 1 == len) {
        if (target == kSink) {
          f(static_cast<const uint8_t*>(buf));
          if (++found >= limit) return found;
        }
        Advance(pos, &depth);
      } else if (target < count_) {
        pos[++depth] = target;
      } else {
        Advance(pos, &depth);
      }
    }
    return found;
  }

 private:
  // Moves to the next sibling at *depth, popping finished levels.
  void Advance(uint32_t* pos, int* depth) const {
    while (*depth >= 0) {
      const uint32_t i = pos[*depth];
      if (i < count_ && !(next_[i] & kLast) && i + 1 < count_) {
        pos[*depth] = i + 1;
        return;
      }
      --*depth;
    }
  }

  uint32_t count_ = 0;
  uint32_t root_ = kNone;
  uint32_t root_next_[256];
  const uint8_t* labels_ = nullptr;
  const uint32_t* next_ = nullptr;
};

}  // namespace svodka

#endif  // SVODKA_MORPH_DAFSA_H_
