#include "dafsa_builder.h"

#include <cstring>

#include "morph/dafsa.h"

namespace svodka {
namespace {

uint64_t HashTransitions(const std::pair<uint8_t, uint32_t>* t, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  for (size_t i = 0; i < n; ++i) {
    h ^= (uint64_t{t[i].first} << 32) | t[i].second;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  }
  return h;
}

}  // namespace

DafsaBuilder::DafsaBuilder() : path_(1), table_(1 << 16, 0) {}

void DafsaBuilder::Grow() {
  std::vector<uint32_t> old;
  old.swap(table_);
  table_.assign(old.size() * 2, 0);
  const size_t mask = table_.size() - 1;
  std::vector<std::pair<uint8_t, uint32_t>> tmp;
  for (uint32_t slot : old) {
    if (slot == 0) continue;
    tmp.clear();
    for (uint32_t i = slot - 1;; ++i) {
      tmp.emplace_back(labels_[i], next_[i] & ~Dafsa::kLast);
      if (next_[i] & Dafsa::kLast) break;
    }
    size_t p = HashTransitions(tmp.data(), tmp.size()) & mask;
    while (table_[p] != 0) p = (p + 1) & mask;
    table_[p] = slot;
  }
}

uint32_t DafsaBuilder::Freeze(std::vector<std::pair<uint8_t, uint32_t>>& trans) {
  if (trans.empty()) return Dafsa::kSink;
  if ((used_ + 1) * 2 > table_.size()) Grow();
  const size_t mask = table_.size() - 1;
  size_t p = HashTransitions(trans.data(), trans.size()) & mask;
  while (table_[p] != 0) {
    const uint32_t s = table_[p] - 1;
    size_t k = 0;
    for (;; ++k) {
      const uint32_t i = s + static_cast<uint32_t>(k);
      if (k >= trans.size() || labels_[i] != trans[k].first ||
          (next_[i] & ~Dafsa::kLast) != trans[k].second) {
        k = SIZE_MAX;
        break;
      }
      if (next_[i] & Dafsa::kLast) {
        if (k + 1 != trans.size()) k = SIZE_MAX;
        break;
      }
    }
    if (k != SIZE_MAX) return s;
    p = (p + 1) & mask;
  }
  const uint32_t s = static_cast<uint32_t>(labels_.size());
  for (size_t k = 0; k < trans.size(); ++k) {
    labels_.push_back(trans[k].first);
    next_.push_back(trans[k].second | (k + 1 == trans.size() ? Dafsa::kLast : 0));
  }
  table_[p] = s + 1;
  ++used_;
  return s;
}

Status DafsaBuilder::Add(std::string_view key) {
  if (finished_) return Internal("DafsaBuilder::Add after Finish");
  if (key.empty()) return InvalidArgument("empty key");
  if (keys_ > 0) {
    const int cmp = std::string_view(prev_).compare(key);
    if (cmp == 0) return Status::Ok();
    if (cmp > 0) return InvalidArgument("keys not sorted at key #" + std::to_string(keys_));
  }
  size_t p = 0;
  while (p < prev_.size() && p < key.size() && prev_[p] == key[p]) ++p;
  if (keys_ > 0 && p == prev_.size()) {
    return InvalidArgument("key #" + std::to_string(keys_) + " extends the previous key");
  }
  // Freeze the previous key's path below depth p.
  for (size_t d = path_.size() - 1; d > p; --d) {
    const uint32_t id = Freeze(path_[d]);
    path_[d - 1].back().second = id;
    path_.pop_back();
  }
  for (size_t i = p; i < key.size(); ++i) {
    path_[i].emplace_back(static_cast<uint8_t>(key[i]), Dafsa::kNone);
    path_.emplace_back();
  }
  prev_.assign(key);
  ++keys_;
  return Status::Ok();
}

std::string DafsaBuilder::Finish() {
  uint32_t root = Dafsa::kSink;
  if (keys_ > 0) {
    for (size_t d = path_.size() - 1; d > 0; --d) {
      const uint32_t id = Freeze(path_[d]);
      path_[d - 1].back().second = id;
      path_.pop_back();
    }
    root = Freeze(path_[0]);
  }
  finished_ = true;
  const uint32_t count = static_cast<uint32_t>(labels_.size());
  const size_t labels_size = (size_t{count} + 7) / 8 * 8;
  std::string out(8 + labels_size + size_t{count} * 4, '\0');
  std::memcpy(out.data(), &count, 4);
  std::memcpy(out.data() + 4, &root, 4);
  if (count > 0) {  // an empty automaton has no arrays (and memcpy from null is undefined)
    std::memcpy(out.data() + 8, labels_.data(), count);
    std::memcpy(out.data() + 8 + labels_size, next_.data(), size_t{count} * 4);
  }
  table_.clear();
  table_.shrink_to_fit();
  return out;
}

}  // namespace svodka
