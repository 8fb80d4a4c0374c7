// Reads a DAWG in the dawgdic file layout (as used by pymorphy2 and the npm package az):
// uint32 unit count, units, uint32 guide size, guide (2 bytes per unit: first-child label,
// next-sibling label). Only the builder uses it, to read OpenCorpora data from az@0.2.3.
#ifndef SVODKA_TOOLS_DAWGDIC_READER_H_
#define SVODKA_TOOLS_DAWGDIC_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "svodka/status.h"

namespace svodka {

class DawgdicReader {
 public:
  static Result<DawgdicReader> Load(const std::string& path);

  // Calls f(key, value) for every key in byte order. Fails on a malformed automaton.
  Status ForEach(const std::function<void(std::string_view, uint32_t)>& f) const;

  // The value stored for key, or -1.
  int64_t Find(std::string_view key) const;

  size_t unit_count() const { return units_.size(); }

 private:
  bool Follow(uint8_t c, uint32_t* index) const;
  Status Visit(uint32_t index, std::string* key, int depth,
               const std::function<void(std::string_view, uint32_t)>& f) const;
  std::vector<uint32_t> units_;
  std::vector<uint8_t> guide_;
  std::string path_;
};

}  // namespace svodka

#endif  // SVODKA_TOOLS_DAWGDIC_READER_H_
