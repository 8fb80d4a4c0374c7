#include "morph_trainer.h"

#include <lzma.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <random>

#include "base/conllu.h"
#include "base/file.h"
#include "eval/morph_eval.h"

namespace svodka {
namespace {

Result<std::string> DecompressXz(const std::string& data, const std::string& path) {
  lzma_stream strm = LZMA_STREAM_INIT;
  if (lzma_stream_decoder(&strm, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
    return Internal(path + ": cannot initialize the xz decoder");
  std::string out;
  out.resize(std::max<size_t>(data.size() * 6, 1 << 20));
  strm.next_in = reinterpret_cast<const uint8_t*>(data.data());
  strm.avail_in = data.size();
  size_t written = 0;
  lzma_ret ret = LZMA_OK;
  while (true) {
    if (written == out.size()) out.resize(out.size() * 2);
    strm.next_out = reinterpret_cast<uint8_t*>(out.data() + written);
    strm.avail_out = out.size() - written;
    ret = lzma_code(&strm, LZMA_FINISH);
    written = out.size() - strm.avail_out;
    if (ret == LZMA_STREAM_END) break;
    if (ret != LZMA_OK && ret != LZMA_BUF_ERROR) break;
    if (ret == LZMA_BUF_ERROR && strm.avail_in == 0 && strm.avail_out != 0) break;
  }
  lzma_end(&strm);
  if (ret != LZMA_STREAM_END)
    return DataLoss(path + ": corrupt or truncated xz data (liblzma error " +
                    std::to_string(static_cast<int>(ret)) + ") after " + std::to_string(written) +
                    " output bytes");
  out.resize(written);
  return out;
}

// Coarse classes under which gold and candidate parts of speech are comparable across the
// corpora's conventions (participles are ADJ in MorphoRuEval-2017, VERB in UD).
char Coarse(std::string_view upos, std::string_view feats) {
  if (FeatValue(feats, "VerbForm") == "Part") return 'A';
  if (upos == "NOUN" || upos == "PROPN") return 'N';
  if (upos == "ADJ" || upos == "DET" || upos == "PRON" || upos == "NUM") return 'A';
  if (upos == "VERB" || upos == "AUX") return 'V';
  if (upos == "CCONJ" || upos == "SCONJ" || upos == "CONJ") return 'C';
  if (upos == "ADV") return 'D';
  if (upos == "ADP") return 'P';
  if (upos == "PART") return 'R';
  if (upos == "INTJ") return 'I';
  return 'X';
}

std::string_view NormNumber(std::string_view v) { return v == "Ptan" ? "Plur" : v; }
std::string_view NormCase(std::string_view v) {
  if (v == "Par") return "Gen";
  if (v == "Loc2") return "Loc";
  return v;
}

bool HasLetter(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0xC0 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

// A UD v2 UPOS, or MorphoRuEval-2017's CONJ. "_" (not annotated) and other tag sets are
// not: "_" would otherwise "match" every featureless X candidate (Latin words).
bool IsGoldUpos(std::string_view upos) {
  if (upos == "CONJ") return true;
  for (int u = 0; u < kUposCount; ++u)
    if (upos == UposName(static_cast<Upos>(u))) return true;
  return false;
}

// Bit k set: candidate k is an acceptable reading of the gold word (see the header).
uint64_t MatchGold(const ConlluWord& g, const CandidateMaker& maker, const SentenceCandidates& s,
                   size_t i) {
  if (g.upos == "PUNCT" || g.upos == "SYM" || !HasLetter(g.form) || !IsGoldUpos(g.upos)) return 0;
  const std::string glemma = NormalizeLemma(g.lemma);
  const char gcoarse = Coarse(g.upos, g.feats);
  const std::string_view gcase = NormCase(FeatValue(g.feats, "Case"));
  const std::string_view gnum = NormNumber(FeatValue(g.feats, "Number"));
  const std::string_view ggen = FeatValue(g.feats, "Gender");
  uint64_t mask = 0;
  int best = -1;
  const uint32_t b = s.begin[i], e = s.begin[i + 1];
  for (uint32_t k = b; k < e && k - b < 64; ++k) {
    MorphAnalysis a = maker.Describe(s.tokens[i].form, s.parses[k], s.cands[k]);
    if (Coarse(a.upos, a.feats) != gcoarse) continue;
    bool lemma_eq = NormalizeLemma(a.lemma) == glemma;
    bool case_eq = NormCase(FeatValue(a.feats, "Case")) == gcase;
    bool num_eq = NormNumber(FeatValue(a.feats, "Number")) == gnum;
    bool gen_eq = FeatValue(a.feats, "Gender") == ggen || (ggen.empty() && gnum == "Plur");
    if (!lemma_eq && !(case_eq && num_eq && gen_eq)) continue;
    // MorphoRuEval-2017 (OpenCorpora) tags participles as ADJ with their own lemma; UD
    // treebanks make them VERB, VerbForm=Part: prefer the participle reading.
    bool participle = g.upos == "ADJ" && FeatValue(a.feats, "VerbForm") == "Part";
    int score =
        8 * lemma_eq + 5 * participle + 4 * (a.upos == g.upos) + 3 * case_eq + 2 * num_eq + gen_eq;
    if (score > best) {
      best = score;
      mask = 0;
    }
    if (score == best) mask |= uint64_t{1} << (k - b);
  }
  return mask;
}

// The averaged perceptron's weights: w, and u = sum of (step × update) for averaging
// (Daumé's trick: average = w - u / steps).
struct Weights {
  std::vector<float> w;
  std::vector<double> u;
  uint64_t mask;
  explicit Weights(uint32_t bits)
      : w(size_t{1} << bits), u(size_t{1} << bits), mask((uint64_t{1} << bits) - 1) {}
  void Update(const uint64_t* f, int n, float delta, double step) {
    for (int k = 0; k < n; ++k) {
      size_t idx = f[k] & mask;
      w[idx] += delta;
      u[idx] += step * delta;
    }
  }
  std::vector<float> Averaged(double steps) const {
    std::vector<float> out(w.size());
    for (size_t i = 0; i < w.size(); ++i)
      out[i] = static_cast<float>(w[i] - u[i] / std::max(steps, 1.0));
    return out;
  }
};

struct TrainSentence {
  uint32_t tok_begin, tok_end;
};

}  // namespace

std::vector<float> TrainPerceptron(
    const TaggerTrainingSet& set, int epochs, uint32_t hash_bits, uint64_t seed,
    const std::function<void(int, size_t, size_t, const std::vector<float>&)>& on_epoch) {
  Weights weights(hash_bits);
  std::vector<uint32_t> order(set.sentences.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
  std::mt19937_64 rng(seed);
  TaggerScratch scratch;
  std::vector<uint16_t> choice;
  uint64_t feats[Tagger::kMaxFeatures], gold_feats[Tagger::kMaxFeatures];
  std::vector<float> scores, avg;
  double step = 1;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t errors = 0, seen = 0;
    for (uint32_t si : order) {
      const auto [tb, te] = set.sentences[si];
      std::span<const TagToken> toks(set.tokens.data() + tb, te - tb);
      Tagger::Prepare(toks, &scratch);
      choice.assign(toks.size(), 0);
      for (size_t i = 0; i < toks.size(); ++i) {
        const uint32_t nc = toks[i].num_candidates;
        const uint64_t g = set.gold[tb + i];
        if (nc <= 1) continue;
        scores.assign(nc, 0);
        int pred = 0, best_gold = -1;
        for (uint32_t c = 0; c < nc; ++c) {
          int nf =
              Tagger::CandidateFeatures(toks, scratch, choice, i, toks[i].candidates[c], feats);
          float s = 0;
          for (int f = 0; f < nf; ++f) s += weights.w[feats[f] & weights.mask];
          scores[c] = s;
          if (s > scores[pred]) pred = static_cast<int>(c);
          if (c < 64 && ((g >> c) & 1) && (best_gold < 0 || s > scores[best_gold]))
            best_gold = static_cast<int>(c);
        }
        if (g) {
          ++seen;
          if (!(pred < 64 && ((g >> pred) & 1))) {
            ++errors;
            int nf = Tagger::CandidateFeatures(toks, scratch, choice, i,
                                               toks[i].candidates[best_gold], gold_feats);
            weights.Update(gold_feats, nf, 1.0f, step);
            nf = Tagger::CandidateFeatures(toks, scratch, choice, i, toks[i].candidates[pred],
                                           feats);
            weights.Update(feats, nf, -1.0f, step);
          }
          ++step;
        }
        choice[i] = static_cast<uint16_t>(pred);
      }
    }
    avg = weights.Averaged(step);
    if (on_epoch) on_epoch(epoch, errors, seen, avg);
  }
  return avg;
}

Result<std::vector<ConlluSentence>> ReadConlluMaybeXz(const std::string& path) {
  if (path.size() < 3 || path.compare(path.size() - 3, 3, ".xz") != 0) return ReadConlluFile(path);
  Result<std::string> raw = ReadFile(path);
  if (!raw.ok()) return raw.status();
  Result<std::string> text = DecompressXz(*raw, path);
  if (!text.ok()) return text.status();
  std::vector<ConlluSentence> out;
  Status s = ReadConllu(*text, path, [&](ConlluSentence&& sent) {
    out.push_back(std::move(sent));
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

Result<TaggerModel> TrainTagger(std::shared_ptr<const Analyzer> analyzer,
                                const std::vector<ConlluSentence>& train,
                                const std::vector<std::vector<ConlluSentence>>& dev,
                                const MorphTrainOptions& options, std::ostream& log) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  auto secs = [&] { return std::chrono::duration<double>(Clock::now() - t0).count(); };
  CandidateMaker maker(analyzer.get());

  // 1. Analyze the training data once; keep candidates and gold masks.
  std::vector<std::string_view> forms;
  std::vector<TagCandidate> cands;
  std::vector<uint32_t> cand_begin;
  std::vector<uint64_t> gold;
  std::vector<TrainSentence> sents;
  SentenceCandidates sc;
  std::vector<std::string_view> sent_forms;
  size_t learnable = 0, words = 0, usable = 0;
  for (const ConlluSentence& sent : train) {
    if (sent.words.empty()) continue;
    sent_forms.clear();
    for (const ConlluWord& w : sent.words) sent_forms.push_back(w.form);
    maker.Build(sent_forms, &sc);
    TrainSentence ts{static_cast<uint32_t>(forms.size()), 0};
    for (size_t i = 0; i < sent.words.size(); ++i) {
      forms.push_back(sent_forms[i]);
      cand_begin.push_back(static_cast<uint32_t>(cands.size()));
      cands.insert(cands.end(), sc.cands.begin() + sc.begin[i], sc.cands.begin() + sc.begin[i + 1]);
      uint64_t m = MatchGold(sent.words[i], maker, sc, i);
      gold.push_back(m);
      if (HasLetter(sent.words[i].form) && sent.words[i].upos != "PUNCT") ++words;
      if (m) ++learnable;
      if (m && sc.begin[i + 1] - sc.begin[i] > 1) ++usable;
    }
    ts.tok_end = static_cast<uint32_t>(forms.size());
    sents.push_back(ts);
  }
  cand_begin.push_back(static_cast<uint32_t>(cands.size()));
  std::vector<TagToken> tokens(forms.size());
  for (size_t t = 0; t < forms.size(); ++t)
    tokens[t] = TagToken{forms[t], &cands[cand_begin[t]], cand_begin[t + 1] - cand_begin[t]};
  log << "train: " << sents.size() << " sentences, " << forms.size() << " tokens, " << words
      << " word tokens, " << learnable << " with a matching candidate ("
      << (words ? 100.0 * learnable / words : 0.0) << "%), " << usable << " of them ambiguous, "
      << secs() << " s\n";
  // The perceptron learns only where the gold picks among several candidates; without such a
  // token every weight stays 0 and the "model" would silently tag by the analyzer's order.
  if (usable == 0) {
    return InvalidArgument(
        "nothing to learn from: of " + std::to_string(words) + " word tokens, " +
        std::to_string(learnable) +
        " have a gold reading (UD UPOS, LEMMA, FEATS) that matches "
        "one of the dictionary's candidates" +
        (learnable ? ", and each of those has only one candidate" : "") +
        "; the training data must be annotated CoNLL-U (UD, GramEval2020) and --dict the "
        "dictionary it is tagged for; no model written");
  }
  if (learnable * 2 < words) {
    log << "warning: only " << learnable << " of " << words << " word tokens have a gold "
        << "reading that matches a candidate (UD-style annotation expected)\n";
  }

  TaggerTrainingSet set;
  set.tokens = std::move(tokens);
  set.gold = std::move(gold);
  for (const TrainSentence& ts : sents) set.sentences.emplace_back(ts.tok_begin, ts.tok_end);

  // 2. Epochs of the averaged perceptron; keep the epoch that scores best on dev.
  std::vector<float> best_weights;
  double best_dev = -1;
  int best_epoch = 0;
  TrainPerceptron(set, options.epochs, options.hash_bits, options.seed,
                  [&](int epoch, size_t errors, size_t seen, const std::vector<float>& avg) {
                    log << "epoch " << epoch << ": train errors " << errors << "/" << seen << " ("
                        << (seen ? 100.0 * errors / seen : 0.0) << "%), " << secs() << " s\n";
                    if (dev.empty()) {
                      best_weights = avg;
                      best_epoch = epoch;
                      return;
                    }
                    auto model = std::make_shared<const TaggerModel>(TaggerModel::FromWeights(avg));
                    Morphology morph(analyzer, model);
                    double sum = 0;
                    for (const auto& d : dev) {
                      MorphScores s = EvaluateMorph(morph, d);
                      log << "  dev: lemma " << 100 * s.lemma.Accuracy() << " upos "
                          << 100 * s.upos.Accuracy() << " case " << 100 * s.gcase.Accuracy()
                          << " number " << 100 * s.number.Accuracy() << " gender "
                          << 100 * s.gender.Accuracy() << " feats " << 100 * s.feats.Accuracy()
                          << "\n";
                      sum += s.lemma.Accuracy() + s.upos.Accuracy() + s.gcase.Accuracy() +
                             s.number.Accuracy() + s.gender.Accuracy();
                    }
                    if (sum > best_dev) {
                      best_dev = sum;
                      best_epoch = epoch;
                      best_weights = avg;
                    }
                  });
  log << "using the weights of epoch " << best_epoch << "\n";
  return TaggerModel::FromWeights(std::move(best_weights));
}

Status TrainMorph(const MorphTrainOptions& options, std::ostream& log) {
  if (options.train_files.empty()) return InvalidArgument("no --train file given");
  Result<Analyzer> analyzer = Analyzer::Load(options.dict_path);
  if (!analyzer.ok()) return analyzer.status();
  auto shared = std::make_shared<const Analyzer>(std::move(*analyzer));
  std::vector<ConlluSentence> train;
  for (const std::string& f : options.train_files) {
    Result<std::vector<ConlluSentence>> s = ReadConlluMaybeXz(f);
    if (!s.ok()) return s.status();
    log << f << ": " << s->size() << " sentences\n";
    if (s->empty()) return InvalidArgument(f + ": no sentences to train on");
    for (auto& x : *s) train.push_back(std::move(x));
  }
  std::vector<std::vector<ConlluSentence>> dev;
  for (const std::string& f : options.dev_files) {
    Result<std::vector<ConlluSentence>> s = ReadConlluMaybeXz(f);
    if (!s.ok()) return s.status();
    dev.push_back(std::move(*s));
  }
  Result<TaggerModel> model = TrainTagger(shared, train, dev, options, log);
  if (!model.ok()) {
    std::string files;
    for (const std::string& f : options.train_files) files += (files.empty() ? "" : ", ") + f;
    return Status(model.status().code(), files + ": " + model.status().message());
  }
  if (!options.out_path.empty()) {
    Status s = model->Save(options.out_path);
    if (!s.ok()) return s;
    log << "wrote " << options.out_path << "\n";
  }
  return Status::Ok();
}

}  // namespace svodka
