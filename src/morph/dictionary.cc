#include "morph/dictionary.h"

#include <cstdio>
#include <cstring>

#include "morph/dict_format.h"

namespace svodka {
namespace {

template <typename T>
T Read(std::string_view d, uint64_t off) {
  T v;
  std::memcpy(&v, d.data() + off, sizeof(T));
  return v;
}

const char* SectionName(uint32_t id) {
  switch (id) {
    case dictfmt::kLicense:
      return "license";
    case dictfmt::kGrammemes:
      return "grammemes";
    case dictfmt::kTags:
      return "tags";
    case dictfmt::kSuffixes:
      return "suffixes";
    case dictfmt::kParadigms:
      return "paradigms";
    case dictfmt::kWords:
      return "words";
    case dictfmt::kGuess:
      return "guess";
    case dictfmt::kTagPrior:
      return "tag-prior";
    case dictfmt::kMeta:
      return "meta";
  }
  return "unknown";
}

std::vector<std::string_view> Lines(std::string_view s) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (b < s.size()) {
    size_t e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    out.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

}  // namespace

std::string_view Dictionary::prefix(uint16_t id) {
  static constexpr char kPo[] = {'\xEF', '\xEE'};
  static constexpr char kNai[] = {'\xED', '\xE0', '\xE8'};
  if (id == 1) return {kPo, 2};
  if (id == 2) return {kNai, 3};
  return {};
}

Result<Dictionary> Dictionary::Load(const std::string& path) {
  auto file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  Dictionary d;
  d.file_ = std::move(*file);
  const std::string_view data = d.file_.data();
  if (Status s = d.Init(data, path); !s.ok()) return s;
  return d;
}

Result<Dictionary> Dictionary::FromBytes(std::string_view bytes, const std::string& name) {
  Dictionary d;
  d.owned_.reset(new uint64_t[bytes.size() / 8 + 1]);
  if (!bytes.empty()) std::memcpy(d.owned_.get(), bytes.data(), bytes.size());
  const std::string_view data(reinterpret_cast<const char*>(d.owned_.get()), bytes.size());
  if (Status s = d.Init(data, name); !s.ok()) return s;
  return d;
}

Status Dictionary::Init(std::string_view data, const std::string& name) {
  size_ = data.size();
  // Magic and version first (they are where every format version has them), so that a file
  // of another version is named as such rather than as corrupt.
  if (data.size() < 12) {
    return DataLoss(name + ": " + std::to_string(data.size()) +
                    " bytes is too short for a dictionary header");
  }
  if (std::memcmp(data.data(), dictfmt::kMagic, 8) != 0) {
    return InvalidArgument(name + ": not a svodka dictionary (bad magic at offset 0)");
  }
  const uint32_t version = Read<uint32_t>(data, 8);
  if (version != dictfmt::kVersion) {
    return Unsupported(name + ": unsupported dictionary format version " + std::to_string(version) +
                       ", this build reads version " + std::to_string(dictfmt::kVersion) +
                       " (rebuild it with svodka-dict-compile)");
  }
  if (data.size() < dictfmt::kHeaderSize) {
    return DataLoss(name + ": " + std::to_string(data.size()) +
                    " bytes is too short for a dictionary header");
  }
  const uint32_t count = Read<uint32_t>(data, 12);
  const uint64_t file_size = Read<uint64_t>(data, 16);
  if (file_size != data.size()) {
    return DataLoss(name + ": header says " + std::to_string(file_size) + " bytes, file has " +
                    std::to_string(data.size()) + " (truncated or extended)");
  }
  // Nothing past the header is trusted before the whole file checks out.
  const uint64_t stored = Read<uint64_t>(data, dictfmt::kChecksumOffset);
  if (const uint64_t actual = dictfmt::Checksum(data); actual != stored) {
    char hex[64];
    std::snprintf(hex, sizeof hex, "0x%016llx, contents 0x%016llx",
                  static_cast<unsigned long long>(stored), static_cast<unsigned long long>(actual));
    return DataLoss(name + ": checksum mismatch (header " + hex +
                    "): the file is corrupt; rebuild it with svodka-dict-compile");
  }
  if (count != dictfmt::kSectionCount) {
    return DataLoss(name + ": " + std::to_string(count) + " sections, expected " +
                    std::to_string(dictfmt::kSectionCount));
  }
  const uint64_t table_end = dictfmt::kHeaderSize + uint64_t{count} * dictfmt::kSectionEntrySize;
  if (table_end > data.size()) return DataLoss(name + ": section table truncated");
  std::string_view sec[dictfmt::kSectionCount + 1];
  bool seen[dictfmt::kSectionCount + 1] = {};
  uint64_t expect = table_end;
  for (uint32_t i = 0; i < count; ++i) {
    const uint64_t e = dictfmt::kHeaderSize + uint64_t{i} * dictfmt::kSectionEntrySize;
    const uint32_t id = Read<uint32_t>(data, e);
    const uint64_t off = Read<uint64_t>(data, e + 8), size = Read<uint64_t>(data, e + 16);
    const std::string where = name + ": section #" + std::to_string(i) + " (" + SectionName(id) +
                              ", offset " + std::to_string(off) + ")";
    if (id < 1 || id > dictfmt::kSectionCount || seen[id]) {
      return DataLoss(where + ": unknown or repeated section id " + std::to_string(id));
    }
    if (Read<uint32_t>(data, e + 4) != 0) return DataLoss(where + ": reserved field not 0");
    const uint64_t aligned = (expect + 7) / 8 * 8;
    if (off != aligned) {
      return DataLoss(where + ": expected at offset " + std::to_string(aligned));
    }
    for (uint64_t p = expect; p < off && p < data.size(); ++p) {
      if (data[p] != 0) return DataLoss(where + ": non-zero padding at " + std::to_string(p));
    }
    if (off > data.size() || size > data.size() - off) {
      return DataLoss(where + ": " + std::to_string(size) +
                      " bytes run past the end of the file (" + std::to_string(data.size()) +
                      " bytes)");
    }
    seen[id] = true;
    sec[id] = data.substr(off, size);
    expect = off + size;
  }
  if (expect != data.size()) {
    return DataLoss(name + ": " + std::to_string(data.size() - expect) +
                    " bytes after the last section (file not fully consumed)");
  }
  auto err = [&](uint32_t id, const std::string& what) {
    const uint64_t off = static_cast<uint64_t>(sec[id].data() - data.data());
    return DataLoss(name + ": section " + SectionName(id) + " (offset " + std::to_string(off) +
                    "): " + what);
  };

  license_ = sec[dictfmt::kLicense];
  meta_ = sec[dictfmt::kMeta];
  grammemes_.clear();
  for (std::string_view line : Lines(sec[dictfmt::kGrammemes])) {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return err(dictfmt::kGrammemes, "line without a tab");
    grammemes_.emplace_back(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
  }
  if (grammemes_.empty() || grammemes_.size() > 120) {
    return err(dictfmt::kGrammemes,
               std::to_string(grammemes_.size()) + " grammemes (1..120 allowed)");
  }
  tags_ = Lines(sec[dictfmt::kTags]);
  if (tags_.empty() || tags_.size() >= 0xFFFF) return err(dictfmt::kTags, "bad tag count");
  {
    const std::string_view s = sec[dictfmt::kTagPrior];
    if (s.size() != tags_.size() * 4) {
      return err(dictfmt::kTagPrior,
                 std::to_string(s.size()) + " bytes for " + std::to_string(tags_.size()) + " tags");
    }
    tag_prior_ = reinterpret_cast<const float*>(s.data());
  }
  {
    const std::string_view s = sec[dictfmt::kSuffixes];
    if (s.size() < 8) return err(dictfmt::kSuffixes, "truncated");
    suffix_count_ = Read<uint32_t>(s, 0);
    const uint64_t head = 4 + (uint64_t{suffix_count_} + 1) * 4;
    if (suffix_count_ >= 0xFFFF || head > s.size()) return err(dictfmt::kSuffixes, "bad count");
    suffix_offsets_ = reinterpret_cast<const uint32_t*>(s.data() + 4);
    suffix_bytes_ = s.data() + head;
    if (suffix_offsets_[0] != 0) return err(dictfmt::kSuffixes, "first offset not 0");
    for (uint32_t i = 0; i < suffix_count_; ++i) {
      if (suffix_offsets_[i + 1] < suffix_offsets_[i] ||
          suffix_offsets_[i + 1] - suffix_offsets_[i] > 64) {
        return err(dictfmt::kSuffixes, "offset " + std::to_string(i + 1) + " out of order");
      }
    }
    if (head + suffix_offsets_[suffix_count_] != s.size()) {
      return err(dictfmt::kSuffixes, "size does not match the offsets");
    }
  }
  {
    const std::string_view s = sec[dictfmt::kParadigms];
    if (s.size() < 8) return err(dictfmt::kParadigms, "truncated");
    paradigm_count_ = Read<uint32_t>(s, 0);
    const uint64_t head = 4 + (uint64_t{paradigm_count_} + 1) * 4;
    if (paradigm_count_ >= 0xFFFF || head > s.size()) return err(dictfmt::kParadigms, "bad count");
    paradigm_offsets_ = reinterpret_cast<const uint32_t*>(s.data() + 4);
    if (head % 2 != 0) return err(dictfmt::kParadigms, "misaligned");
    paradigm_data_ = reinterpret_cast<const uint16_t*>(s.data() + head);
    if (paradigm_offsets_[0] != 0) return err(dictfmt::kParadigms, "first offset not 0");
    if (head + uint64_t{paradigm_offsets_[paradigm_count_]} * 2 != s.size()) {
      return err(dictfmt::kParadigms, "size does not match the offsets");
    }
    for (uint32_t p = 0; p < paradigm_count_; ++p) {
      const uint32_t b = paradigm_offsets_[p], e = paradigm_offsets_[p + 1];
      if (e <= b || e > paradigm_offsets_[paradigm_count_] || (e - b) % 3 != 0 ||
          (e - b) / 3 > 0xFFFF) {
        return err(dictfmt::kParadigms, "paradigm " + std::to_string(p) + ": bad length");
      }
      const uint32_t n = (e - b) / 3;
      for (uint32_t f = 0; f < n; ++f) {
        if (paradigm_data_[b + f] >= suffix_count_ || paradigm_data_[b + n + f] >= tags_.size() ||
            paradigm_data_[b + 2 * n + f] >= dictfmt::kParadigmPrefixCount) {
          return err(dictfmt::kParadigms, "paradigm " + std::to_string(p) + " form " +
                                              std::to_string(f) + ": id out of range");
        }
      }
    }
  }
  {
    auto w = Dafsa::Map(sec[dictfmt::kWords], name + ": section words");
    if (!w.ok()) return w.status();
    words_ = *w;
    auto g = Dafsa::Map(sec[dictfmt::kGuess], name + ": section guess");
    if (!g.ok()) return g.status();
    guess_ = *g;
  }
  return Status::Ok();
}

}  // namespace svodka
