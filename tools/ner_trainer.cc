#include "ner_trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <random>
#include <string_view>
#include <unordered_map>

#include "article/reader.h"
#include "eval/entity_gold.h"
#include "morph/morphology.h"
#include "ner/ner_decode.h"
#include "ner/ner_features.h"
#include "ner/ner_tagger.h"
#include "ner/word_clusters.h"
#include "text/segmenter.h"

namespace svodka {
namespace {

constexpr int L = kNerLabels;

// One sentence being trained on: its feature rows (per_token per token) and gold labels.
struct Sentence {
  std::vector<uint32_t> rows;
  std::vector<int> gold;
  std::vector<TokenKind> kinds;
};

// An analysed gold document: the runtime's tokens with morphology, gold labels per token.
struct TrainDoc {
  Document doc;
  std::vector<int> labels;
  std::vector<GoldName> names;
};

// Type counts of a gazetteer key.
using Counts = std::unordered_map<std::string, std::array<int, 3>>;

void CountNames(const TrainDoc& d, Counts* counts) {
  for (const GoldName& name : d.names) {
    for (uint32_t t = 0; t < d.doc.tokens.size(); ++t) {
      const Token& tok = d.doc.tokens[t];
      if (tok.span.end <= name.span.begin || tok.span.begin >= name.span.end) continue;
      if (tok.span.size() < 2 || tok.kind != TokenKind::kWord) continue;
      (*counts)[std::string(GazetteerKey(d.doc, tok))][static_cast<int>(name.type)]++;
    }
  }
}

NerModel::Gazetteer GazetteerOf(const Counts& counts, int min_count) {
  NerModel::Gazetteer g;
  for (const auto& [key, c] : counts) {
    uint8_t bits = 0;
    for (int t = 0; t < 3; ++t)
      if (c[t] >= min_count) bits |= static_cast<uint8_t>(1u << t);
    if (bits) g.emplace(key, bits);
  }
  return g;
}

// The perceptron's weights with Daumé's averaging trick: averaged = w - u / c.
struct Weights {
  std::vector<float> w, u;    // emissions, rows * L
  std::vector<float> tw, tu;  // transitions L * L, then start L, then end L
  double c = 1;

  explicit Weights(size_t rows)
      : w(rows * L, 0), u(rows * L, 0), tw(L * L + 2 * L, 0), tu(L * L + 2 * L, 0) {}

  void Update(std::vector<float>* vw, std::vector<float>* vu, size_t i, float delta) {
    (*vw)[i] += delta;
    (*vu)[i] += static_cast<float>(c) * delta;
  }
  std::vector<float> Averaged(const std::vector<float>& vw, const std::vector<float>& vu) const {
    std::vector<float> a(vw.size());
    for (size_t i = 0; i < vw.size(); ++i) a[i] = vw[i] - static_cast<float>(vu[i] / c);
    return a;
  }
};

// Decodes one sentence with emission weights `w` and transition weights `t` (layout of
// Weights::tw).
void Decode(const Sentence& s, int per_token, const std::vector<float>& w,
            const std::vector<float>& t, NerDecodeScratch* scratch, std::vector<float>* emissions,
            std::vector<int>* labels) {
  const int n = static_cast<int>(s.gold.size());
  emissions->assign(static_cast<size_t>(n) * L, 0);
  for (int i = 0; i < n; ++i) {
    float* e = emissions->data() + static_cast<size_t>(i) * L;
    for (int k = 0; k < per_token; ++k) {
      const float* row = w.data() + static_cast<size_t>(s.rows[i * per_token + k]) * L;
      for (int l = 0; l < L; ++l) e[l] += row[l];
    }
    for (int l = 0; l < L; ++l)
      if (!NerLabelAllowedOn(l, s.kinds[i])) e[l] = -std::numeric_limits<float>::infinity();
  }
  NerViterbi(
      n, [&](int i, int l) { return (*emissions)[static_cast<size_t>(i) * L + l]; },
      [&](int p, int l) { return t[p * L + l]; }, [&](int l) { return t[L * L + l]; },
      [&](int l) { return t[L * L + L + l]; }, scratch, labels);
}

// Exact-span counts of predicted against gold labels.
struct SpanCounts {
  size_t tp[3] = {0, 0, 0}, pred[3] = {0, 0, 0}, gold[3] = {0, 0, 0};
  void Add(const std::vector<int>& gold_labels, const std::vector<int>& pred_labels) {
    auto spans = [](const std::vector<int>& labels) {
      std::vector<std::tuple<int, int, int>> out;  // begin, end, type
      for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
        const Bilou p = LabelPosition(labels[i]);
        if (p != Bilou::kB && p != Bilou::kU) continue;
        int j = i;
        while (p == Bilou::kB && j + 1 < static_cast<int>(labels.size()) &&
               LabelPosition(labels[j]) != Bilou::kL)
          ++j;
        out.emplace_back(i, j, static_cast<int>(LabelType(labels[i])));
        i = j;
      }
      return out;
    };
    const auto g = spans(gold_labels), p = spans(pred_labels);
    for (const auto& s : g) ++gold[std::get<2>(s)];
    for (const auto& s : p) {
      ++pred[std::get<2>(s)];
      if (std::find(g.begin(), g.end(), s) != g.end()) ++tp[std::get<2>(s)];
    }
  }
  double F1(int type) const {
    const double p = pred[type] ? double(tp[type]) / pred[type] : 0;
    const double r = gold[type] ? double(tp[type]) / gold[type] : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double MicroF1() const {
    size_t a = 0, b = 0, c = 0;
    for (int t = 0; t < 3; ++t) a += tp[t], b += pred[t], c += gold[t];
    const double p = b ? double(a) / b : 0, r = c ? double(a) / c : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Gold BILOU labels of the tokens of d.doc; counts tokens only partly inside a name.
std::vector<int> GoldLabels(const Document& doc, const std::vector<GoldName>& names,
                            size_t* partial) {
  std::vector<int> labels(doc.tokens.size(), 0);
  size_t t = 0;
  for (const GoldName& name : names) {
    while (t < doc.tokens.size() && doc.tokens[t].span.end <= name.span.begin) ++t;
    size_t e = t;
    while (e < doc.tokens.size() && doc.tokens[e].span.begin < name.span.end) {
      if (doc.tokens[e].span.begin < name.span.begin || doc.tokens[e].span.end > name.span.end)
        ++*partial;
      ++e;
    }
    if (e == t) continue;
    // A name that reaches into an earlier name's tokens (a tokenization disagreement) is
    // left out rather than spelling an ill-formed sequence.
    bool taken = false;
    for (size_t k = t; k < e; ++k) taken = taken || labels[k] != 0;
    if (taken) continue;
    if (e - t == 1) {
      labels[t] = NerLabel(Bilou::kU, name.type);
    } else {
      labels[t] = NerLabel(Bilou::kB, name.type);
      for (size_t k = t + 1; k + 1 < e; ++k) labels[k] = NerLabel(Bilou::kI, name.type);
      labels[e - 1] = NerLabel(Bilou::kL, name.type);
    }
    t = e;
  }
  return labels;
}

}  // namespace

Status TrainNer(const NerTrainOptions& o, std::ostream& log) {
  const auto t0 = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  if (o.train.empty()) return InvalidArgument("no training data (--train FOLDER)");
  std::unique_ptr<WordClusters> clusters;
  if (!o.clusters_path.empty()) {
    Result<WordClusters> c = WordClusters::Load(o.clusters_path);
    if (!c.ok()) return c.status();
    clusters = std::make_unique<WordClusters>(std::move(c).value());
  }
  Result<Morphology> morph = Morphology::LoadDefault(o.dict_path, o.tagger_model_path);
  if (!morph.ok()) return morph.status();
  const Segmenter segmenter;

  // --- read and analyse ---------------------------------------------------------------------
  std::vector<TrainDoc> docs;
  size_t partial = 0, names = 0;
  for (const std::string& path : o.train) {
    Result<EntityGold> gold = ReadEntityGold(path, CheckBinary);
    if (!gold.ok()) return gold.status();
    log << path << ": " << gold->docs.size() << " documents (" << EntityCorpusName(gold->corpus)
        << ")\n";
    for (EntityGoldDocument& g : gold->docs) {
      TrainDoc d;
      ReadOptions ro;
      ro.format = InputFormat::kText;
      bool got = false;
      Status s = ReadDocuments(
          g.text, g.path, ro,
          [&](Document&& doc) {
            d.doc = std::move(doc);
            got = true;
            return true;
          },
          [&](const Status& e) { log << "  skipped: " << e.ToString() << "\n"; });
      if (!s.ok() || !got) continue;
      if (Status st = segmenter.Annotate(d.doc, nullptr); !st.ok()) return st;
      if (Status st = morph->Annotate(d.doc, nullptr); !st.ok()) return st;
      d.names = std::move(g.names);
      names += d.names.size();
      d.labels = GoldLabels(d.doc, d.names, &partial);
      docs.push_back(std::move(d));
    }
  }
  if (docs.size() < 10)
    return InvalidArgument("too few training documents (" + std::to_string(docs.size()) +
                           "), need 10");
  size_t tokens = 0;
  for (const TrainDoc& d : docs) tokens += d.doc.tokens.size();
  log << "analysed " << docs.size() << " documents, " << tokens << " tokens, " << names
      << " names (" << partial << " tokens only partly inside a name) in " << seconds() << " s\n";

  // --- gazetteers: per fold from the other folds, and one of all training documents ---------
  auto held_out = [](size_t i) { return i % 10 == 9; };
  std::vector<Counts> fold_counts(static_cast<size_t>(o.folds));
  for (size_t i = 0; i < docs.size(); ++i)
    if (!held_out(i)) CountNames(docs[i], &fold_counts[i % o.folds]);
  Counts all;
  for (const Counts& f : fold_counts)
    for (const auto& [k, c] : f)
      for (int t = 0; t < 3; ++t) all[k][t] += c[t];
  std::vector<NerModel::Gazetteer> fold_gazetteers;
  for (int f = 0; f < o.folds; ++f) {
    Counts others = all;
    for (const auto& [k, c] : fold_counts[f])
      for (int t = 0; t < 3; ++t) others[k][t] -= c[t];
    fold_gazetteers.push_back(GazetteerOf(others, o.gazetteer_min_count));
  }
  const NerModel::Gazetteer final_gazetteer = GazetteerOf(all, o.gazetteer_min_count);

  // --- the perceptron ------------------------------------------------------------------------
  // Documents are visited in a seeded random order, their sentences in text order, so that the
  // prediction-history features see what the tagger said earlier in the document, as at run
  // time. Features are extracted as the sentence comes (the history changes with the weights).
  const NerFeatures features(clusters.get());
  const int per_token = features.per_token();
  const uint64_t rows_count = uint64_t{1} << o.hash_bits;
  std::vector<size_t> train_docs, dev_docs;
  for (size_t i = 0; i < docs.size(); ++i) (held_out(i) ? dev_docs : train_docs).push_back(i);
  log << "training on " << train_docs.size() << " documents, " << dev_docs.size() << " held out; "
      << per_token << " rows per token, 2^" << o.hash_bits << " rows\n";
  NerFeatureScratch fs;
  NerHistory history;
  NerDecodeScratch ds;
  std::vector<float> emissions;
  std::vector<int> pred;
  Sentence s;
  // Runs the model with weights (ew, tw) over document i, sentence by sentence; calls
  // f(sentence, predicted labels) after each.
  auto run_document = [&](size_t i, const std::vector<float>& ew, const std::vector<float>& tw,
                          const auto& f) {
    const TrainDoc& d = docs[i];
    const NerModel::Gazetteer& g = held_out(i) ? final_gazetteer : fold_gazetteers[i % o.folds];
    auto lookup = [&](std::string_view key) -> uint8_t {
      auto it = g.find(key);
      return it == g.end() ? 0 : it->second;
    };
    history.Reset(d.doc);
    ForEachSentenceTokens(d.doc, [&](uint32_t b, uint32_t e) {
      s.rows.clear();
      features.Extract(d.doc, b, e, rows_count - 1, lookup, history, &fs, &s.rows);
      s.gold.assign(d.labels.begin() + b, d.labels.begin() + e);
      s.kinds.clear();
      for (uint32_t t = b; t < e; ++t) s.kinds.push_back(d.doc.tokens[t].kind);
      Decode(s, per_token, ew, tw, &ds, &emissions, &pred);
      f(s, pred);
      RecordHistory(d.doc, b, pred, &history);
    });
  };
  // Held-out span counts of the model (ew, tw).
  auto held_out_counts = [&](const std::vector<float>& ew, const std::vector<float>& tw) {
    SpanCounts counts;
    for (size_t i : dev_docs) {
      run_document(i, ew, tw, [&](const Sentence& s, const std::vector<int>& pred) {
        counts.Add(s.gold, pred);
      });
    }
    return counts;
  };
  // One member of the ensemble: a perceptron trained with its own document order; its
  // averaged weights of the best epoch on the held-out tenth are added to (sum_w, sum_t).
  std::vector<float> sum_w, sum_t;
  auto train_member = [&](int member) {
    Weights w(rows_count);
    std::mt19937_64 rng(o.seed + static_cast<uint64_t>(member));
    double best_f1 = -1;
    int best_epoch = 0;
    std::vector<float> best_w, best_t;
    for (int epoch = 1; epoch <= o.epochs; ++epoch) {
      std::shuffle(train_docs.begin(), train_docs.end(), rng);
      size_t mistakes = 0, sentences = 0;
      for (size_t i : train_docs) {
        run_document(i, w.w, w.tw, [&](const Sentence& s, const std::vector<int>& pred) {
          ++sentences;
          if (pred != s.gold) {
            ++mistakes;
            const int n = static_cast<int>(s.gold.size());
            for (int t = 0; t < n; ++t) {
              if (pred[t] == s.gold[t]) continue;
              for (int k = 0; k < per_token; ++k) {
                const size_t row = static_cast<size_t>(s.rows[t * per_token + k]) * L;
                w.Update(&w.w, &w.u, row + s.gold[t], 1);
                w.Update(&w.w, &w.u, row + pred[t], -1);
              }
            }
            for (int t = 0; t <= n; ++t) {
              // Transitions (start at t == 0, end at t == n).
              auto index = [&](const std::vector<int>& labels) -> size_t {
                if (t == 0) return L * L + labels[0];
                if (t == n) return L * L + L + labels[n - 1];
                return static_cast<size_t>(labels[t - 1]) * L + labels[t];
              };
              const size_t g = index(s.gold), p = index(pred);
              if (g == p) continue;
              w.Update(&w.tw, &w.tu, g, 1);
              w.Update(&w.tw, &w.tu, p, -1);
            }
          }
          w.c += 1;
        });
      }
      // The averaged weights on the held-out tenth.
      const std::vector<float> aw = w.Averaged(w.w, w.u), at = w.Averaged(w.tw, w.tu);
      const SpanCounts counts = held_out_counts(aw, at);
      char line[220];
      std::snprintf(
          line, sizeof line,
          "member %d epoch %d: %zu of %zu sentences wrong; held-out span F1 %.4f (PER %.4f, ORG "
          "%.4f, LOC %.4f); %.0f s\n",
          member + 1, epoch, mistakes, sentences, counts.MicroF1(), counts.F1(0), counts.F1(1),
          counts.F1(2), seconds());
      log << line << std::flush;
      if (counts.MicroF1() > best_f1) {
        best_f1 = counts.MicroF1();
        best_epoch = epoch;
        best_w = aw;
        best_t = at;
      }
    }
    log << "member " << member + 1 << ": best epoch " << best_epoch << " (held-out span F1 "
        << best_f1 << ")\n";
    if (sum_w.empty()) {
      sum_w = std::move(best_w);
      sum_t = std::move(best_t);
    } else {
      for (size_t k = 0; k < sum_w.size(); ++k) sum_w[k] += best_w[k];
      for (size_t k = 0; k < sum_t.size(); ++k) sum_t[k] += best_t[k];
    }
  };
  for (int member = 0; member < o.ensemble; ++member) train_member(member);
  // The ensemble is the mean of the members' weights: with linear scores, exactly the mean of
  // their scores, decoded once.
  const float inv = 1.0f / static_cast<float>(o.ensemble);
  for (float& x : sum_w) x *= inv;
  for (float& x : sum_t) x *= inv;
  std::vector<float> best_w = std::move(sum_w), best_t = std::move(sum_t);
  if (o.ensemble > 1) {
    const SpanCounts counts = held_out_counts(best_w, best_t);
    char line[160];
    std::snprintf(line, sizeof line,
                  "ensemble of %d: held-out span F1 %.4f (PER %.4f, ORG %.4f, LOC %.4f)\n",
                  o.ensemble, counts.MicroF1(), counts.F1(0), counts.F1(1), counts.F1(2));
    log << line;
  }

  NerModel::Parts parts;
  parts.hash_bits = o.hash_bits;
  parts.weights = std::move(best_w);
  parts.transitions.assign(best_t.begin(), best_t.begin() + L * L);
  parts.start.assign(best_t.begin() + L * L, best_t.begin() + L * L + L);
  parts.end.assign(best_t.begin() + L * L + L, best_t.end());
  parts.gazetteer.insert(final_gazetteer.begin(), final_gazetteer.end());
  const NerModel model = NerModel::FromParts(parts);
  if (!o.out_path.empty()) {
    if (Status s = model.Save(o.out_path); !s.ok()) return s;
    log << "wrote " << o.out_path << " in " << seconds() << " s\n";
  }
  return Status::Ok();
}

}  // namespace svodka
