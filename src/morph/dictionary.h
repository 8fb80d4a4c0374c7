// The compiled morphology dictionary (format: dict_format.h), memory-mapped and validated.
//
// Load checks the header (magic, format version, file size, then the whole-file checksum:
// a single flipped bit anywhere is rejected), the section table (every section present once,
// 8-byte aligned, in bounds, contiguous, the last ending at the end of the file) and the size
// and cross-references of every section (paradigm ids against the suffix, tag and prefix
// tables). Automata are checked for size only; their traversal is bounds-checked (dafsa.h).
// Loading is O(file size) for the checksum (~0.15 ns per byte: ~1.2 ms for the 8.6 MB
// ru.dict) plus O(number of paradigms + tags).
//
// Thread-safety: immutable after Load; all methods are const and safe to call concurrently.
#ifndef SVODKA_MORPH_DICTIONARY_H_
#define SVODKA_MORPH_DICTIONARY_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/file.h"
#include "morph/dafsa.h"
#include "svodka/status.h"

namespace svodka {

class Dictionary {
 public:
  Dictionary() = default;
  Dictionary(Dictionary&&) noexcept = default;
  Dictionary& operator=(Dictionary&&) noexcept = default;

  // Maps and validates the file; errors name the file and the section or offset.
  static Result<Dictionary> Load(const std::string& path);
  // Validates bytes held by the caller (copied into an owned, aligned buffer); `name` is used in
  // error messages. For tests and fuzzing.
  static Result<Dictionary> FromBytes(std::string_view bytes, const std::string& name);

  // Sections.
  std::string_view license() const { return license_; }
  std::string_view meta() const { return meta_; }
  // Grammemes: (name, parent name) in id order.
  const std::vector<std::pair<std::string, std::string>>& grammemes() const { return grammemes_; }
  // Tag texts in id order.
  const std::vector<std::string_view>& tags() const { return tags_; }
  float tag_prior(uint16_t tag) const { return tag_prior_[tag]; }

  size_t suffix_count() const { return suffix_count_; }
  // Ending `id` in the key alphabet. Precondition: id < suffix_count().
  std::string_view suffix(uint32_t id) const {
    return {suffix_bytes_ + suffix_offsets_[id], suffix_offsets_[id + 1] - suffix_offsets_[id]};
  }
  size_t paradigm_count() const { return paradigm_count_; }
  // Paradigm p: 3n ids (suffixes[n], tags[n], prefixes[n]). Precondition: p < paradigm_count().
  std::span<const uint16_t> paradigm(uint32_t p) const {
    return {paradigm_data_ + paradigm_offsets_[p], paradigm_offsets_[p + 1] - paradigm_offsets_[p]};
  }
  uint16_t form_count(uint32_t p) const {
    return static_cast<uint16_t>((paradigm_offsets_[p + 1] - paradigm_offsets_[p]) / 3);
  }
  uint16_t form_suffix(uint32_t p, uint16_t f) const {
    return paradigm_data_[paradigm_offsets_[p] + f];
  }
  uint16_t form_tag(uint32_t p, uint16_t f) const {
    return paradigm_data_[paradigm_offsets_[p] + form_count(p) + f];
  }
  uint16_t form_prefix(uint32_t p, uint16_t f) const {
    return paradigm_data_[paradigm_offsets_[p] + 2 * form_count(p) + f];
  }
  // Paradigm prefix text in the key alphabet: "", "по", "наи".
  static std::string_view prefix(uint16_t id);

  const Dafsa& words() const { return words_; }
  const Dafsa& guess() const { return guess_; }
  size_t file_size() const { return size_; }

 private:
  Status Init(std::string_view data, const std::string& name);

  MappedFile file_;
  std::unique_ptr<uint64_t[]> owned_;  // FromBytes copy
  size_t size_ = 0;
  std::string_view license_, meta_;
  std::vector<std::pair<std::string, std::string>> grammemes_;
  std::vector<std::string_view> tags_;
  const float* tag_prior_ = nullptr;
  uint32_t suffix_count_ = 0;
  const uint32_t* suffix_offsets_ = nullptr;
  const char* suffix_bytes_ = nullptr;
  uint32_t paradigm_count_ = 0;
  const uint32_t* paradigm_offsets_ = nullptr;
  const uint16_t* paradigm_data_ = nullptr;
  Dafsa words_, guess_;
};

}  // namespace svodka

#endif  // SVODKA_MORPH_DICTIONARY_H_
