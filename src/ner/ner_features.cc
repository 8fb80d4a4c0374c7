#include "ner/ner_features.h"

#include <algorithm>

#include "ner/word_clusters.h"
#include "text/char_class.h"
#include "text/scan.h"

namespace svodka {
namespace {

using text_internal::AppendLower;
using text_internal::ClassAt;

// The frozen hashes (kNerFeatureSet 1 and 2): FNV-1a over bytes, a 64-bit finalizer, and the
// combination of a template id with a value.
constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL, kFnvPrime = 0x100000001b3ULL;
inline uint64_t Hash(std::string_view s) {
  uint64_t h = kFnvBasis;
  for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
  return h;
}
inline uint64_t Fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}
inline uint64_t Combine(uint64_t a, uint64_t b) {
  return Fmix(a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL);
}

// The value hashes of positions outside the sentence.
constexpr uint64_t kBefore = 0x1111111111111111ULL, kAfter = 0x2222222222222222ULL;

// The last n code points (suffix) or the first n (prefix) of valid UTF-8 s.
std::string_view Suffix(std::string_view s, int n) {
  size_t i = s.size();
  while (i > 0 && n > 0) {
    --i;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) --n;
  }
  return s.substr(i);
}
std::string_view Prefix(std::string_view s, int n) {
  size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --n;
  }
  return s.substr(0, i);
}

// The grammemes of the dictionary that mark names, as bits.
uint8_t NameMarks(std::string_view tag) {
  static constexpr std::string_view kMarks[] = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"};
  uint8_t bits = 0;
  size_t i = 0;
  while (i < tag.size()) {
    size_t j = i;
    while (j < tag.size() && tag[j] != ',' && tag[j] != ' ') ++j;
    const std::string_view g = tag.substr(i, j - i);
    for (size_t k = 0; k < std::size(kMarks); ++k)
      if (g == kMarks[k]) bits |= static_cast<uint8_t>(1u << k);
    i = j + 1;
  }
  return bits;
}

// The value of Case= in UD FEATS, "" when none.
std::string_view CaseOf(std::string_view feats) {
  const size_t at = feats.find("Case=");
  if (at == feats.npos) return {};
  const size_t end = feats.find('|', at);
  return feats.substr(at + 5, end == feats.npos ? feats.npos : end - at - 5);
}

bool IsOpeningQuote(std::string_view s) {
  return s == "\xC2\xAB" || s == "\"" || s == "\xE2\x80\x9E" || s == "\xE2\x80\x9C";  // « " „ “
}
bool IsClosingQuote(std::string_view s) {
  return s == "\xC2\xBB" || s == "\"" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x9C";  // » " ” “
}

}  // namespace

uint64_t NerStemKey(const Document& doc, const Token& token, std::string* lower) {
  if (token.kind != TokenKind::kWord) return 0;
  const std::string_view form = doc.Slice(token.span);
  const CharClasses& cc = CharClasses::Get();
  char32_t cp;
  size_t len;
  if (form.empty() || ClassAt(cc, form, 0, form.size(), &cp, &len) != kCcUpper) return 0;
  lower->clear();
  AppendLower(cc, Prefix(form, 5), lower);
  const uint64_t h = Fmix(Hash(*lower) ^ 0x5354454D5354454DULL);  // "STEM"
  return h == 0 ? 1 : h;
}

void NerFeatures::Describe(const Document& doc, uint32_t begin, uint32_t end,
                           NerFeatureScratch* scratch) const {
  const CharClasses& cc = CharClasses::Get();
  scratch->info.assign(end - begin, NerTokenInfo{});
  bool in_quotes = false;
  for (uint32_t t = begin; t < end; ++t) {
    const Token& tok = doc.tokens[t];
    NerTokenInfo& info = scratch->info[t - begin];
    const std::string_view form = doc.Slice(tok.span);
    std::string& lower = scratch->lower;
    lower.clear();
    AppendLower(cc, form, &lower);
    info.lower = Hash(lower);
    // Shape: X for upper-case letters, x lower, d digits, other characters as they are; runs
    // of one class collapse to two ("Xxx" for "Москва", "XX" for "МИД", "dd.dd").
    std::string& shape = scratch->shape;
    shape.clear();
    int uppers = 0, lowers = 0;
    char last = 0;
    int run = 0;
    for (size_t i = 0; i < form.size();) {
      char32_t cp;
      size_t len;
      const CharClass c = ClassAt(cc, form, i, form.size(), &cp, &len);
      char s = '?';
      if (c == kCcUpper) {
        s = 'X';
        ++uppers;
      } else if (CharClasses::IsLetter(c)) {
        s = 'x';
        ++lowers;
      } else if (c == kCcDigit) {
        s = 'd';
      } else if (cp < 0x80) {
        s = static_cast<char>(cp);
      }
      run = s == last ? run + 1 : 1;
      last = s;
      if (run <= 2) shape.push_back(s);
      i += len;
    }
    info.shape = Hash(shape);
    info.cap = uppers + lowers == 0                    ? 0
               : uppers == 0                           ? 1
               : lowers == 0                           ? (uppers == 1 && form.size() <= 2 ? 2 : 3)
               : (shape.size() > 0 && shape[0] == 'X') ? 2
                                                       : 4;
    if (tok.has_morphology()) {
      info.lemma = Hash(doc.Lemma(tok));
      info.upos = Hash(doc.Upos(tok));
      info.gcase = Hash(CaseOf(doc.Feats(tok)));
      info.marks = NameMarks(doc.Tag(tok));
    } else {
      info.lemma = info.lower;
    }
    if (clusters_ != nullptr) {
      if (std::optional<WordClusterIds> c = clusters_->Cluster(form)) {
        for (int g = 0; g < 3; ++g) info.cluster[g] = c->id[g];
      }
    }
    info.suffix2 = Hash(Suffix(lower, 2));
    info.suffix3 = Hash(Suffix(lower, 3));
    info.suffix4 = Hash(Suffix(lower, 4));
    info.prefix3 = Hash(Prefix(lower, 3));
    // Quotes: «...» around a name is a strong ORG signal in news ("компания «Газпром»").
    if (IsOpeningQuote(form) && !in_quotes) {
      in_quotes = true;
    } else if (IsClosingQuote(form) && in_quotes) {
      in_quotes = false;
    } else if (in_quotes) {
      info.quote |= 4;
    }
    if (t > begin && IsOpeningQuote(doc.Slice(doc.tokens[t - 1].span))) info.quote |= 1;
    if (t + 1 < end && IsClosingQuote(doc.Slice(doc.tokens[t + 1].span))) info.quote |= 2;
    info.stem = NerStemKey(doc, tok, &scratch->shape);
    info.title = doc.title && doc.title->Contains(tok.span);
    info.dateline = doc.dateline && doc.dateline->span.Contains(tok.span);
    info.starts = t == begin || (doc.dateline && !info.dateline &&
                                 doc.dateline->span.Contains(doc.tokens[t - 1].span));
  }
}

void NerFeatures::Rows(uint32_t begin, uint32_t end, uint64_t mask,
                       const NerFeatureScratch& scratch, std::vector<uint32_t>* rows) const {
  const std::vector<NerTokenInfo>& v = scratch.info;
  const int n = static_cast<int>(end - begin);
  auto at = [&](int i) -> const NerTokenInfo* { return i >= 0 && i < n ? &v[i] : nullptr; };
  for (int i = 0; i < n; ++i) {
    const NerTokenInfo& c = v[i];
    const NerTokenInfo* p1 = at(i - 1);
    const NerTokenInfo* p2 = at(i - 2);
    const NerTokenInfo* n1 = at(i + 1);
    const NerTokenInfo* n2 = at(i + 2);
    auto lower = [](const NerTokenInfo* x, uint64_t edge) { return x ? x->lower : edge; };
    auto lemma = [](const NerTokenInfo* x, uint64_t edge) { return x ? x->lemma : edge; };
    auto shape = [](const NerTokenInfo* x, uint64_t edge) { return x ? x->shape : edge; };
    auto upos = [](const NerTokenInfo* x, uint64_t edge) { return x ? x->upos : edge; };
    auto cap = [](const NerTokenInfo* x) -> uint64_t { return x ? x->cap : 9; };
    uint64_t f[48];
    int k = 0;
    auto add = [&](uint64_t template_id, uint64_t value) { f[k++] = Combine(template_id, value); };
    add(1, 0);  // bias
    add(2, c.lower);
    add(3, c.lemma);
    add(4, c.shape);
    add(5, c.upos);
    add(6, Combine(c.gcase, c.upos));
    add(7, c.suffix2);
    add(8, c.suffix3);
    add(9, c.suffix4);
    add(10, c.prefix3);
    add(11, Combine(c.cap, c.upos));
    add(12, c.marks);
    add(13, lower(p1, kBefore));
    add(14, lower(n1, kAfter));
    add(15, lemma(p1, kBefore));
    add(16, lemma(n1, kAfter));
    add(17, lower(p2, kBefore));
    add(18, lower(n2, kAfter));
    add(19, Combine(shape(p1, kBefore), c.shape));
    add(20, Combine(c.shape, shape(n1, kAfter)));
    add(21, Combine(upos(p1, kBefore), c.upos));
    add(22, Combine(c.upos, upos(n1, kAfter)));
    add(23, p1 ? p1->marks : 99);
    add(24, n1 ? n1->marks : 99);
    add(25, c.gazetteer);
    add(26, p1 ? p1->gazetteer : 99);
    add(27, n1 ? n1->gazetteer : 99);
    add(28, c.quote);
    add(29, Combine(c.starts, c.cap));
    add(30, Combine(c.title, c.cap));
    add(31, Combine(Combine(cap(p1), c.cap), cap(n1)));
    add(32, Combine(lemma(p1, kBefore), c.lemma));
    add(33, Combine(c.lemma, lemma(n1, kAfter)));
    add(34, Combine(c.marks, c.gcase));
    add(40, lemma(p2, kBefore));
    add(41, lemma(n2, kAfter));
    add(42, c.history);
    add(43, Combine(c.history, c.cap));
    add(44, Combine(c.dateline, c.shape));
    add(45, c.stem_history);
    add(46, Combine(c.stem_history, Combine(c.cap, c.history)));
    if (clusters_ != nullptr) {
      add(35, c.cluster[0]);
      add(36, c.cluster[1]);
      add(37, c.cluster[2]);
      add(38, p1 ? p1->cluster[1] : kBefore);
      add(39, n1 ? n1->cluster[1] : kAfter);
    }
    for (int j = 0; j < k; ++j) rows->push_back(static_cast<uint32_t>(f[j] & mask));
  }
}

}  // namespace svodka
