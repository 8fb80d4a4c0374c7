#include "morph/tagger.h"

#include <algorithm>
#include <cassert>

#include "base/utf8.h"

namespace svodka {
namespace {

// FROZEN (kTaggerFeatureSet 1): murmur3's 64-bit finalizer and the combination of two hashes.
// Changing either invalidates every trained model.
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
inline uint64_t Combine3(uint64_t a, uint64_t b, uint64_t c) { return Combine(Combine(a, b), c); }

// POS ids of verbs, as assigned in candidates.cc (kPosNames order + 1).
constexpr uint8_t kNounPos = 1, kAdjfPos = 2, kVerbPos = 5, kInfnPos = 6, kPrtfPos = 7,
                  kNumrPos = 10, kAdvbPos = 11, kNproPos = 12, kPrepPos = 14;
constexpr uint8_t kConjPos = 15, kPnctPos = 19;
constexpr uint8_t kNomnCase = 1;

// Sentinels for positions outside the sentence.
constexpr uint64_t kBos = 0x0B05, kEos = 0x0E05;

// Lower-cases Cyrillic and Latin letters and folds ё to е: the forms the features see.
char32_t Fold(char32_t c) {
  if (c >= U'А' && c <= U'Я') return c + 0x20;
  if (c == U'Ё' || c == U'ё') return U'е';
  if (c >= U'A' && c <= U'Z') return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

uint64_t HashChars(const char32_t* p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<uint64_t>(p[i]);
    h *= 0x100000001b3ULL;
  }
  return Fmix(h ^ n);
}

uint64_t Shape(std::span<const char32_t> raw, std::span<const char32_t> folded) {
  uint64_t s = 0;
  size_t n = raw.size();
  bool all_upper = n > 0, has_digit = false, has_hyphen = false, latin = false, cyr = false;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = raw[i];
    bool letter_changed = folded[i] != c && c != U'ё';
    bool is_lower_letter = (c >= U'а' && c <= U'я') || c == U'ё' || (c >= U'a' && c <= U'z');
    if (is_lower_letter || !letter_changed) all_upper = all_upper && !is_lower_letter;
    if (c >= U'0' && c <= U'9') has_digit = true;
    if (c == U'-') has_hyphen = true;
    if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) latin = true;
    if (c >= 0x400 && c <= 0x4FF) cyr = true;
  }
  bool first_upper = n > 0 && folded[0] != raw[0];
  s = first_upper | (all_upper && n > 1) << 1 | has_digit << 2 | has_hyphen << 3 | latin << 4 |
      cyr << 5;
  s |= static_cast<uint64_t>(std::min<size_t>(n, 4)) << 6;
  return s;
}

const TagCandidate& Chosen(std::span<const TagToken> tokens, std::span<const uint16_t> choice,
                           size_t j) {
  return tokens[j].candidates[choice[j]];
}

}  // namespace

uint64_t TaggerHash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Fmix(h);
}

void Tagger::Prepare(std::span<const TagToken> tokens, TaggerScratch* scratch) {
  const size_t n = tokens.size();
  scratch->info.resize(n);
  for (size_t i = 0; i < n; ++i) {
    TaggerScratch::TokenInfo& t = scratch->info[i];
    std::string_view f = tokens[i].form;
    auto& chars = scratch->chars;
    chars.clear();
    for (size_t k = 0; k < f.size();) {
      size_t len = 1;
      chars.push_back(DecodeUtf8(f, k, &len));
      k += len;
    }
    size_t m = chars.size();
    chars.resize(2 * m);
    for (size_t k = 0; k < m; ++k) chars[m + k] = Fold(chars[k]);
    const char32_t* folded = chars.data() + m;
    t.word = HashChars(folded, m);
    for (size_t s = 0; s < 4; ++s) {
      size_t len = std::min(m, s + 1);
      t.suffix[s] = HashChars(folded + m - len, len) + s;
    }
    t.shape = Shape(std::span(chars.data(), m), std::span(folded, m));
    t.amb = 0;
    t.pos_mask = 0;
    t.case_mask = 0;
    t.agr_mask = 0;
    t.verb_tag = 0;
    t.verb_number = t.verb_gender = 0;
    for (uint32_t c = 0; c < tokens[i].num_candidates; ++c) {
      const TagCandidate& cand = tokens[i].candidates[c];
      t.amb += Fmix(cand.tag);
      t.pos_mask |= 1u << (cand.pos & 31);
      t.case_mask |= 1u << (cand.gcase & 15);
      t.agr_mask |= 1u << ((cand.gcase * 7 + cand.number * 3 + cand.gender) & 31);
      if (cand.pos == kVerbPos && t.verb_tag == 0) {
        t.verb_tag = cand.tag;
        t.verb_number = cand.number;
        t.verb_gender = cand.gender;
      }
    }
  }
  scratch->static_features.resize(n * kNumStatic);
  auto word = [&](ptrdiff_t j) -> uint64_t {
    if (j < 0) return kBos;
    if (j >= static_cast<ptrdiff_t>(n)) return kEos;
    return scratch->info[j].word;
  };
  auto info = [&](ptrdiff_t j) -> TaggerScratch::TokenInfo {
    if (j < 0 || j >= static_cast<ptrdiff_t>(n)) {
      TaggerScratch::TokenInfo e;
      e.word = e.amb = e.shape = j < 0 ? kBos : kEos;
      for (auto& s : e.suffix) s = e.word;
      e.pos_mask = e.case_mask = 0x80000000u;
      return e;
    }
    return scratch->info[j];
  };
  for (size_t i = 0; i < n; ++i) {
    uint64_t* o = &scratch->static_features[i * kNumStatic];
    ptrdiff_t p = static_cast<ptrdiff_t>(i);
    const auto& t = scratch->info[i];
    TaggerScratch::TokenInfo prev = info(p - 1), next = info(p + 1), next2 = info(p + 2);
    int k = 0;
    o[k++] = Combine(1, 0);
    o[k++] = Combine(2, t.word);
    for (int s = 0; s < 4; ++s) o[k++] = Combine(3 + s, t.suffix[s]);
    o[k++] = Combine3(7, t.shape, i == 0);
    o[k++] = Combine(8, word(p - 1));
    o[k++] = Combine(9, word(p + 1));
    o[k++] = Combine(10, word(p - 2));
    o[k++] = Combine(11, word(p + 2));
    o[k++] = Combine(12, prev.suffix[2]);
    o[k++] = Combine(13, next.suffix[2]);
    o[k++] = Combine(14, t.amb);
    o[k++] = Combine3(15, next.pos_mask, next.case_mask);
    o[k++] = Combine(16, next2.pos_mask);
    o[k++] = Combine3(17, prev.word, t.word);
    o[k++] = Combine3(18, t.word, next.word);
    o[k++] = Combine3(19, t.suffix[1], next.pos_mask);
    o[k++] = Combine3(20, prev.pos_mask, prev.case_mask);
  }
}

int Tagger::StaticCandidateFeatures(std::span<const TagToken> tokens, const TaggerScratch& scratch,
                                    size_t i, const TagCandidate& c, uint64_t* out) {
  int k = 0;
  const uint64_t* st = &scratch.static_features[i * kNumStatic];
  for (int s = 0; s < kNumStatic; ++s) out[k++] = Combine(st[s], c.tag);

  const auto& t = scratch.info[i];
  const uint64_t pc = c.pos | uint64_t{c.gcase} << 8;
  const uint64_t pcng = pc | uint64_t{c.number} << 16 | uint64_t{c.gender} << 24;
  uint64_t w1 = i >= 1 ? scratch.info[i - 1].word : kBos;
  uint64_t w2 = i >= 2 ? scratch.info[i - 2].word : kBos;
  out[k++] = Combine3(40, w1, pc);
  out[k++] = Combine3(41, w2, pc);
  out[k++] = Combine3(42, t.word, c.lemma);
  out[k++] = Combine(43, c.lemma);
  // The right context: can the next word agree in case with this candidate?
  uint32_t next_pos = i + 1 < tokens.size() ? scratch.info[i + 1].pos_mask : 0x80000000u;
  uint32_t next_case = i + 1 < tokens.size() ? scratch.info[i + 1].case_mask : 0x80000000u;
  out[k++] = Combine3(49, ((next_case >> (c.gcase & 15)) & 1) | uint64_t{c.pos} << 8, next_pos);
  out[k++] = Combine3(50, next_case, pcng);
  out[k++] = Combine3(51, uint64_t{c.score} | uint64_t{c.rank} << 8, c.pos);
  uint64_t w_next = i + 1 < tokens.size() ? scratch.info[i + 1].word : kEos;
  out[k++] = Combine3(53, w_next, pc);
  out[k++] = Combine3(54, t.suffix[2], pcng);
  // Can the next word agree with this candidate in case, number and gender?
  if (i + 1 < tokens.size()) {
    uint32_t agr = 1u << ((c.gcase * 7 + c.number * 3 + c.gender) & 31);
    out[k++] = Combine3(55, ((scratch.info[i + 1].agr_mask & agr) != 0) | uint64_t{c.pos} << 8,
                        scratch.info[i + 1].pos_mask);
  } else {
    out[k++] = Combine(56, c.pos);
  }
  // Subject or object? The nearest possible finite verb on the right (its tag carries
  // transitivity and reflexivity), whether punctuation comes between, and whether it can
  // agree with this candidate in number and gender as with a subject.
  uint64_t right_verb = kEos;
  uint64_t right_agr = 0;
  bool punct = false;
  for (size_t j = i + 1; j < tokens.size() && j < i + 7; ++j) {
    const auto& r = scratch.info[j];
    if (r.verb_tag) {
      right_verb = r.verb_tag;
      right_agr = 1 | (r.verb_number == c.number) << 1 |
                  (r.verb_gender == 0 || r.verb_gender == c.gender) << 2 | punct << 3;
      break;
    }
    if (r.pos_mask & (1u << kPnctPos)) punct = true;
  }
  if (c.gcase == 0) right_verb = right_agr = punct = 0;
  out[k++] = Combine3(64, right_verb, pc | uint64_t{punct} << 24);
  out[k++] = Combine3(65, right_agr, pcng);
  return k;
}

int Tagger::HistoryFeatures(std::span<const TagToken> tokens, const TaggerScratch& scratch,
                            std::span<const uint16_t> choice, size_t i, const TagCandidate& c,
                            uint64_t* out) {
  int k = 0;
  const uint64_t pc = c.pos | uint64_t{c.gcase} << 8;
  const uint64_t pcng = pc | uint64_t{c.number} << 16 | uint64_t{c.gender} << 24;
  // History: the analyses already chosen on the left.
  uint64_t prev_tag = kBos, prev_pcng = kBos, prev_pos = kBos, prev2_pos = kBos, prev2_pc = kBos;
  uint64_t agree = 0;
  if (i >= 1) {
    const TagCandidate& p = Chosen(tokens, choice, i - 1);
    prev_tag = p.tag;
    prev_pos = p.pos;
    prev_pcng =
        p.pos | uint64_t{p.gcase} << 8 | uint64_t{p.number} << 16 | uint64_t{p.gender} << 24;
    agree = (p.gcase == c.gcase) | (p.number == c.number) << 1 | (p.gender == c.gender) << 2 |
            uint64_t{p.pos} << 8;
  }
  if (i >= 2) {
    const TagCandidate& p2 = Chosen(tokens, choice, i - 2);
    prev2_pos = p2.pos;
    prev2_pc = p2.pos | uint64_t{p2.gcase} << 8;
  }
  out[k++] = Combine3(44, prev_tag, c.tag);
  out[k++] = Combine3(45, Combine(prev2_pos, prev_pos), c.pos);
  out[k++] = Combine3(46, prev_pcng, pcng);
  out[k++] = Combine3(47, Combine(prev2_pc, prev_pos), pc);
  out[k++] = Combine3(48, agree, c.pos);
  // Clause context for case: is there a verb on the left (chosen) / on the right (possible)?
  bool verb_left = false, nom_left = false;
  uint64_t left_verb_tag = kBos, left_verb_word = kBos;
  size_t left_verb_pos = 0;
  for (size_t j = i; j-- > 0 && j + 8 > i;) {
    const TagCandidate& l = Chosen(tokens, choice, j);
    if (l.pos == kNounPos && l.gcase == kNomnCase) nom_left = true;
    if (l.pos == kVerbPos || l.pos == kInfnPos) {
      verb_left = true;
      left_verb_tag = l.tag;
      left_verb_word = scratch.info[j].word;
      left_verb_pos = j;
      break;
    }
  }
  out[k++] = Combine3(57, left_verb_tag, pc);
  // Agreement with the verb on the left, and whether it already has a nominative noun or
  // pronoun before it (then a later noun is rather its object).
  if (verb_left && c.gcase != 0) {
    const TagCandidate& v = Chosen(tokens, choice, left_verb_pos);
    bool subj = false;
    for (size_t j = left_verb_pos; j-- > 0 && j + 10 > left_verb_pos;) {
      const TagCandidate& l = Chosen(tokens, choice, j);
      if ((l.pos == kNounPos || l.pos == kNproPos) && l.gcase == kNomnCase) subj = true;
      if (l.pos == kConjPos || l.pos == kVerbPos) break;
    }
    uint64_t agr = (v.number == c.number) | (v.gender == 0 || v.gender == c.gender) << 1 |
                   subj << 2 | nom_left << 3;
    out[k++] = Combine3(63, agr, pcng);
    out[k++] = Combine3(66, Combine(left_verb_tag, subj), pc);
  } else {
    out[k++] = Combine3(63, kBos, pcng);
  }
  // Coordination and apposition: "X и Y", "X, Y" take the case of X.
  if (i >= 2) {
    const TagCandidate& p = Chosen(tokens, choice, i - 1);
    if ((p.pos == kConjPos || p.pos == kPnctPos) && c.gcase != 0) {
      const TagCandidate& x = Chosen(tokens, choice, i - 2);
      out[k++] = Combine3(
          62, p.pos | uint64_t{x.pos} << 8 | uint64_t{x.gcase} << 16 | uint64_t{x.number} << 24,
          pcng);
    }
  }
  out[k++] = Combine3(61, left_verb_word, pcng);
  // The nearest preposition on the left across a noun phrase's modifiers ("в самом большом
  // городе"): it governs the case of the head noun several words away.
  uint64_t left_prep = kBos;
  for (size_t j = i; j-- > 0 && j + 5 > i;) {
    const TagCandidate& l = Chosen(tokens, choice, j);
    if (l.pos == kPrepPos) {
      left_prep = scratch.info[j].word;
      break;
    }
    if (l.pos != kAdjfPos && l.pos != kNumrPos && l.pos != kAdvbPos && l.pos != kPrtfPos &&
        l.pos != kNproPos)
      break;
  }
  out[k++] = Combine3(59, left_prep, pcng);
  out[k++] = Combine3(58, nom_left | verb_left << 1, pcng);
  bool verb_right = false;
  for (size_t j = i + 1; j < tokens.size() && j < i + 6; ++j)
    if (scratch.info[j].pos_mask & ((1u << kVerbPos) | (1u << kInfnPos))) verb_right = true;
  out[k++] = Combine3(52, verb_left | verb_right << 1 | uint64_t{c.pos} << 8, pc | prev_pos << 24);
  return k;
}

int Tagger::CandidateFeatures(std::span<const TagToken> tokens, const TaggerScratch& scratch,
                              std::span<const uint16_t> choice, size_t i, const TagCandidate& c,
                              uint64_t* out) {
  int k = StaticCandidateFeatures(tokens, scratch, i, c, out);
  return k + HistoryFeatures(tokens, scratch, choice, i, c, out + k);
}

void Tagger::Tag(std::span<const TagToken> tokens, TaggerScratch* scratch,
                 std::span<uint16_t> choice) const {
  assert(choice.size() == tokens.size());
  Prepare(tokens, scratch);
  const float* w = model_->weights();
  const uint64_t mask = model_->mask();
  uint64_t feats[kMaxFeatures];
  for (size_t i = 0; i < tokens.size(); ++i) {
    choice[i] = 0;
    const uint32_t nc = tokens[i].num_candidates;
    if (nc <= 1) continue;
    float best = -1e30f;
    for (uint32_t c = 0; c < nc; ++c) {
      int nf = CandidateFeatures(tokens, *scratch, choice, i, tokens[i].candidates[c], feats);
      float s = 0;
      for (int f = 0; f < nf; ++f) s += w[feats[f] & mask];
      if (s > best) {
        best = s;
        choice[i] = static_cast<uint16_t>(c);
      }
    }
  }
}

}  // namespace svodka
