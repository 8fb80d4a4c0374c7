#include "eval/morph_eval.h"

#include <algorithm>
#include <cstdio>

#include "base/conllu.h"
#include "base/json_writer.h"
#include "base/utf8.h"

namespace svodka {
namespace {

bool HasLetter(std::string_view s, bool cyrillic_only) {
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = DecodeUtf8(s, i, &len);
    i += len;
    bool cyr = (c >= 0x400 && c <= 0x4FF);
    if (cyr) return true;
    if (!cyrillic_only &&
        ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x24F)))
      return true;
  }
  return false;
}

std::vector<std::string_view> SortedFeats(std::string_view feats) {
  std::vector<std::string_view> out;
  if (feats == "_") return out;
  size_t pos = 0;
  while (pos < feats.size()) {
    size_t bar = feats.find('|', pos);
    if (bar == std::string_view::npos) bar = feats.size();
    if (bar > pos) out.push_back(feats.substr(pos, bar - pos));
    pos = bar + 1;
  }
  std::sort(out.begin(), out.end());
  return out;
}

void Score(MorphScores::Count* c, std::string_view gold, std::string_view pred) {
  if (gold.empty() && pred.empty()) return;
  ++c->total;
  if (gold == pred) ++c->correct;
}

void AddCount(MorphScores::Count* a, const MorphScores::Count& b) {
  a->total += b.total;
  a->correct += b.correct;
}

}  // namespace

void MorphScores::Add(const MorphScores& o) {
  sentences += o.sentences;
  tokens += o.tokens;
  AddCount(&lemma, o.lemma);
  AddCount(&upos, o.upos);
  AddCount(&gcase, o.gcase);
  AddCount(&number, o.number);
  AddCount(&gender, o.gender);
  AddCount(&feats, o.feats);
  AddCount(&oracle, o.oracle);
}

void MorphErrorLog::Add(const std::string& key, std::string_view form) {
  Entry& e = entries[key];
  ++e.count;
  if (e.examples.size() < 8) e.examples.emplace_back(form);
}

std::string MorphErrorLog::Format(size_t n) const {
  std::vector<std::pair<size_t, const std::string*>> order;
  for (const auto& [k, e] : entries) order.emplace_back(e.count, &k);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && *a.second < *b.second);
  });
  std::string out;
  for (size_t i = 0; i < order.size() && i < n; ++i) {
    const Entry& e = entries.at(*order[i].second);
    out += "  " + std::to_string(e.count) + "\t" + *order[i].second + "\t";
    for (size_t k = 0; k < e.examples.size(); ++k) out += (k ? " " : "") + e.examples[k];
    out += "\n";
  }
  return out;
}

MorphScores EvaluateMorph(const Morphology& morph, const std::vector<ConlluSentence>& gold,
                          std::vector<ConlluSentence>* predicted, MorphErrorLog* errors) {
  MorphScores s;
  SentenceCandidates scratch;
  std::vector<std::string_view> forms;
  std::vector<MorphAnalysis> analyses;
  if (predicted) *predicted = gold;
  for (size_t si = 0; si < gold.size(); ++si) {
    const ConlluSentence& sent = gold[si];
    ++s.sentences;
    forms.clear();
    for (const ConlluWord& w : sent.words) forms.push_back(w.form);
    morph.TagSentence(forms, &scratch);
    morph.DescribeSentence(scratch, &analyses);
    for (size_t i = 0; i < sent.words.size(); ++i) {
      const ConlluWord& g = sent.words[i];
      const MorphAnalysis& a = analyses[i];
      if (predicted) {
        ConlluWord& p = (*predicted)[si].words[i];
        p.lemma = a.lemma;
        p.upos = a.upos;
        p.feats = a.feats.empty() ? "_" : a.feats;
      }
      ++s.tokens;
      if (g.upos == "PUNCT" || g.upos == "SYM" || !HasLetter(g.form, false)) continue;
      if (HasLetter(g.form, true)) {
        ++s.lemma.total;
        if (NormalizeLemma(g.lemma) == NormalizeLemma(a.lemma))
          ++s.lemma.correct;
        else if (errors)
          errors->Add("lemma " + g.upos + ">" + a.upos, g.form + "/" + g.lemma + "/" + a.lemma);
      }
      ++s.upos.total;
      if (g.upos == a.upos) ++s.upos.correct;
      if (errors) {
        if (g.upos != a.upos) errors->Add("UPOS " + g.upos + ">" + a.upos, g.form);
        for (std::string_view f : {"Case", "Number", "Gender"}) {
          std::string_view gv = FeatValue(g.feats, f), pv = FeatValue(a.feats, f);
          if (gv != pv)
            errors->Add(std::string(f) + " " + std::string(gv.empty() ? "-" : gv) + ">" +
                            std::string(pv.empty() ? "-" : pv) + " (" + g.upos + ">" + a.upos + ")",
                        g.form);
        }
      }
      Score(&s.gcase, FeatValue(g.feats, "Case"), FeatValue(a.feats, "Case"));
      Score(&s.number, FeatValue(g.feats, "Number"), FeatValue(a.feats, "Number"));
      Score(&s.gender, FeatValue(g.feats, "Gender"), FeatValue(a.feats, "Gender"));
      ++s.feats.total;
      if (SortedFeats(g.feats) == SortedFeats(a.feats)) ++s.feats.correct;
      ++s.oracle.total;
      const std::string_view gcase = FeatValue(g.feats, "Case");
      for (uint32_t k = scratch.begin[i]; k < scratch.begin[i + 1]; ++k) {
        MorphAnalysis c = morph.candidates().Describe(scratch.tokens[i].form, scratch.parses[k],
                                                      scratch.cands[k]);
        if (c.upos == g.upos && FeatValue(c.feats, "Case") == gcase) {
          ++s.oracle.correct;
          break;
        }
        if (errors && k + 1 == scratch.begin[i + 1])
          errors->Add("oracle " + g.upos + "/" + std::string(gcase.empty() ? "-" : gcase), g.form);
      }
    }
  }
  return s;
}

std::string FormatMorphScores(const MorphScores& s) {
  std::string out;
  char buf[160];
  std::snprintf(buf, sizeof buf, "  sentences %zu, tokens %zu, word tokens %zu\n", s.sentences,
                s.tokens, s.upos.total);
  out += buf;
  const std::pair<const char*, const MorphScores::Count*> rows[] = {
      {"lemma", &s.lemma},   {"UPOS", &s.upos},   {"Case", &s.gcase},   {"Number", &s.number},
      {"Gender", &s.gender}, {"FEATS", &s.feats}, {"oracle", &s.oracle}};
  for (const auto& [name, c] : rows) {
    std::snprintf(buf, sizeof buf, "  %-7s %6.2f%%  (%zu/%zu)\n", name, 100.0 * c->Accuracy(),
                  c->correct, c->total);
    out += buf;
  }
  return out;
}

std::string MorphScoresJson(const std::string& file, const MorphScores& s) {
  std::string out;
  JsonWriter j(&out);
  j.BeginObject();
  j.Key("file");
  j.String(file);
  j.Key("sentences");
  j.Uint(s.sentences);
  j.Key("tokens");
  j.Uint(s.tokens);
  const std::pair<const char*, const MorphScores::Count*> rows[] = {
      {"lemma", &s.lemma},
      {"upos", &s.upos},
      {"case", &s.gcase},
      {"number", &s.number},
      {"gender", &s.gender},
      {"feats", &s.feats},
      {"candidates_oracle", &s.oracle}};
  for (const auto& [name, c] : rows) {
    j.Key(name);
    j.BeginObject();
    j.Key("accuracy");
    j.Double(c->Accuracy());
    j.Key("correct");
    j.Uint(c->correct);
    j.Key("total");
    j.Uint(c->total);
    j.EndObject();
  }
  j.EndObject();
  return out;
}

}  // namespace svodka
