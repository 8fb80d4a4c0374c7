#include "svodka/document.h"

namespace svodka {

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kPunct:
      return "punct";
    case TokenKind::kSymbol:
      return "symbol";
    case TokenKind::kUrl:
      return "url";
    case TokenKind::kEmail:
      return "email";
    case TokenKind::kHashtag:
      return "hashtag";
    case TokenKind::kOther:
      return "other";
  }
  return "other";
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPer:
      return "PER";
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kLoc:
      return "LOC";
  }
  return "PER";
}

std::string_view MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kName:
      return "name";
    case MentionKind::kDescription:
      return "description";
    case MentionKind::kPronoun:
      return "pronoun";
  }
  return "name";
}

std::string_view QuoteTypeName(QuoteType type) {
  switch (type) {
    case QuoteType::kDirect:
      return "direct";
    case QuoteType::kIndirect:
      return "indirect";
    case QuoteType::kMixed:
      return "mixed";
  }
  return "direct";
}

}  // namespace svodka

namespace svodka {

// The hash shapes no file format; it only has to spread short UTF-8 strings.
static inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL ^ s.size();
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h ^ (h >> 29);
}

StringPool::StringPool() : offsets_{0, 0}, table_(16, 0) { table_[HashBytes("") & 15] = 1; }

void StringPool::Clear() {
  data_.clear();
  offsets_.assign({0, 0});
  // The table keeps its size (up to 64K slots) for the next document of a similar size.
  const size_t slots = table_.size() <= (size_t{1} << 16) ? table_.size() : 16;
  table_.assign(slots, 0);
  table_[HashBytes("") & (slots - 1)] = 1;
}

void StringPool::Grow() {
  std::vector<uint32_t> old;
  old.swap(table_);
  table_.assign(old.size() * 2, 0);
  const size_t mask = table_.size() - 1;
  for (uint32_t slot : old) {
    if (slot == 0) continue;
    size_t i = HashBytes(Get(slot - 1)) & mask;
    while (table_[i] != 0) i = (i + 1) & mask;
    table_[i] = slot;
  }
}

uint32_t StringPool::Intern(std::string_view s) {
  const size_t mask = table_.size() - 1;
  size_t i = HashBytes(s) & mask;
  while (table_[i] != 0) {
    if (Get(table_[i] - 1) == s) return table_[i] - 1;
    i = (i + 1) & mask;
  }
  const uint32_t id = static_cast<uint32_t>(size());
  data_.append(s);
  offsets_.push_back(static_cast<uint32_t>(data_.size()));
  table_[i] = id + 1;
  if (size() * 2 > table_.size()) Grow();  // load factor <= 1/2
  return id;
}

}  // namespace svodka
