#include "morph/guesser.h"

#include <algorithm>

#include "morph/dict_format.h"
#include "morph/dictionary.h"

namespace svodka {

void GuessParses(const Dictionary& dict, const std::vector<TagInfo>& tags, const uint8_t* key,
                 int n, std::vector<MorphParse>* out) {
  constexpr int kMinWord = 4, kMaxSuffix = 5, kMinStem = 1;
  if (n < kMinWord) return;
  const Dafsa& g = dict.guess();
  struct Cand {
    uint32_t count;
    uint16_t paradigm, form, tag;
    uint8_t prefix;
  };
  Cand cands[256];
  int nc = 0;
  uint32_t totals[dictfmt::kParadigmPrefixCount] = {1, 1, 1};
  for (int prefix = 0; prefix < dictfmt::kParadigmPrefixCount; ++prefix) {
    const std::string_view pre = Dictionary::prefix(static_cast<uint16_t>(prefix));
    if (static_cast<int>(pre.size()) >= n ||
        !std::equal(pre.begin(), pre.end(), reinterpret_cast<const char*>(key))) {
      continue;
    }
    const uint32_t root =
        g.Next(g.root(), static_cast<uint8_t>(dictfmt::kGuessPrefixBase + prefix));
    if (root >= g.transition_count()) continue;
    for (int len = kMaxSuffix; len >= 1; --len) {
      if (n - len < static_cast<int>(pre.size()) + kMinStem) continue;
      uint32_t s = root;
      for (int i = n - len; i < n && s < g.transition_count(); ++i) s = g.Next(s, key[i]);
      if (s >= g.transition_count()) continue;
      s = g.Next(s, dictfmt::kFormSep);
      if (s >= g.transition_count()) continue;
      g.Enumerate(s, dictfmt::kGuessPayload, 256, [&](const uint8_t* p) {
        const uint16_t count = static_cast<uint16_t>(p[0] << 8 | p[1]);
        const uint16_t para = static_cast<uint16_t>(p[2] << 8 | p[3]);
        const uint16_t form = static_cast<uint16_t>(p[4] << 8 | p[5]);
        if (para >= dict.paradigm_count() || form >= dict.form_count(para)) return;
        const uint16_t tag = dict.form_tag(para, form);
        if (!tags[tag].productive) return;
        totals[prefix] += count;
        for (int i = 0; i < nc; ++i) {
          if (cands[i].tag == tag && cands[i].paradigm == para) return;  // seen
        }
        if (nc < 256) cands[nc++] = {count, para, form, tag, static_cast<uint8_t>(prefix)};
      });
      if (totals[prefix] > 1) break;
    }
  }
  if (nc == 0) return;
  // Stable insertion sort by count / total (std::stable_sort may allocate).
  auto better = [&](const Cand& a, const Cand& b) {
    return static_cast<double>(a.count) / totals[a.prefix] >
           static_cast<double>(b.count) / totals[b.prefix];
  };
  for (int i = 1; i < nc; ++i) {
    const Cand x = cands[i];
    int j = i;
    while (j > 0 && better(x, cands[j - 1])) {
      cands[j] = cands[j - 1];
      --j;
    }
    cands[j] = x;
  }
  const int keep = std::min(nc, kMaxGuesses);
  for (int i = 0; i < keep; ++i) {
    MorphParse mp;
    mp.paradigm = cands[i].paradigm;
    mp.form = cands[i].form;
    mp.tag = cands[i].tag;
    mp.upos = tags[mp.tag].upos;
    mp.source = ParseSource::kGuesser;
    mp.score = static_cast<float>(0.5 * cands[i].count / totals[cands[i].prefix]);
    out->push_back(mp);
  }
}

}  // namespace svodka
