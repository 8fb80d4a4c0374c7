#include "cluster_builder.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "base/checksum.h"
#include "base/conllu.h"
#include "base/file.h"
#include "base/utf8.h"
#include "morph_trainer.h"
#include "text/char_class.h"
#include "text/segmenter.h"

namespace svodka {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxKeyBytes = 96;    // WordClusters::kMaxKeyBytes
constexpr size_t kMinDedupTokens = 4;  // shorter sentences repeat legitimately ("Да.")
constexpr size_t kMaxInputBytes = size_t{1} << 30;

// ---- the file format: src/ner/word_clusters.h ----------------------------------------------
constexpr char kMagic[8] = {'S', 'V', 'C', 'L', 'U', 'S', 'T', '\x01'};
constexpr uint32_t kFormatVersion = 1;
constexpr uint32_t kKeyScheme = 1;
constexpr size_t kHeaderSize = 64;
constexpr size_t kChecksumOffset = 40;

template <typename T>
void PutLe(std::string* out, size_t at, T v) {
  std::memcpy(out->data() + at, &v, sizeof v);
}

size_t Pad8(size_t n) { return (n + 7) & ~size_t{7}; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// A fixed team of threads running one job at a time: Run(fn) calls fn(k) for k in
// [0, size()), k = 0 on the caller, and returns when every call has returned.
class Team {
 public:
  explicit Team(int n) : n_(std::max(1, n)) {
    for (int k = 1; k < n_; ++k) threads_.emplace_back([this, k] { Loop(k); });
  }
  ~Team() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    start_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  int size() const { return n_; }

  void Run(const std::function<void(int)>& fn) {
    if (n_ == 1) {
      fn(0);
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      job_ = &fn;
      pending_ = n_ - 1;
      ++generation_;
    }
    start_.notify_all();
    fn(0);
    std::unique_lock<std::mutex> lock(mu_);
    done_.wait(lock, [this] { return pending_ == 0; });
    job_ = nullptr;
  }

 private:
  void Loop(int k) {
    uint64_t seen = 0;
    for (;;) {
      const std::function<void(int)>* job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        start_.wait(lock, [&] { return stop_ || generation_ != seen; });
        if (stop_) return;
        seen = generation_;
        job = job_;
      }
      (*job)(k);
      std::lock_guard<std::mutex> lock(mu_);
      if (--pending_ == 0) done_.notify_one();
    }
  }

  int n_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable start_, done_;
  const std::function<void(int)>* job_ = nullptr;
  uint64_t generation_ = 0;
  int pending_ = 0;
  bool stop_ = false;
};

// ---- Brown clustering ------------------------------------------------------------------------

// The statistics of one cluster x that the pair updates read: P(.,x), P(x,.), their q terms
// and p(x), copied before a merge changes them.
struct Side {
  std::vector<double> to, from, qto, qfrom;  // P[s][x], P[x][s], Q[s][x], Q[x][s] by s
  double p = 0, lp = 0;
};

// The clustering state over m slots (C + 1 in the first phase): dense m x m tables of the
// adjacent-pair probabilities P, their transposes, the mutual information terms
// Q[s][t] = P log(P / (p(s) p(t))) and the merge losses L (upper triangle, s < t). Inactive
// slots have all-zero rows and columns, so sums over every slot need no activity test.
class Brown {
 public:
  Brown(int m, int threads)
      : m_(m),
        team_(threads),
        p1_(m, 0),
        lp1_(m, 0),
        p_(size_t(m) * m, 0),
        pt_(size_t(m) * m, 0),
        q_(size_t(m) * m, 0),
        qt_(size_t(m) * m, 0),
        l_(size_t(m) * m, 0),
        lpst_(size_t(m) * m, 0),
        active_(m, 0) {}

  int m() const { return m_; }
  bool active(int s) const { return active_[s] != 0; }
  int active_count() const { return active_count_; }

  // Activates slot s with unigram probability p; its P entries are set with AddP, then
  // FinishSlot computes its q terms.
  void Activate(int s, double p) {
    active_[s] = 1;
    ++active_count_;
    p1_[s] = p;
    lp1_[s] = std::log(p);
  }
  void AddP(int s, int t, double v) {
    P(s, t) += v;
    pt_[Idx(t, s)] += v;
  }
  void FinishSlot(int s) {
    for (int x = 0; x < m_; ++x) {
      SetQ(s, x);
      SetQ(x, s);
    }
    for (int x = 0; x < m_; ++x) {
      if (x == s || !active(x)) continue;
      lpst_[Idx(std::min(s, x), std::max(s, x))] = std::log(p1_[s] + p1_[x]);
    }
  }

  // Every pair's loss from scratch, O(m^3): for the first C clusters.
  void ComputeAllLosses() {
    team_.Run([&](int k) {
      for (int s = k; s < m_; s += team_.size()) {
        if (!active(s)) continue;
        for (int t = s + 1; t < m_; ++t)
          if (active(t)) l_[Idx(s, t)] = FullLoss(s, t);
      }
    });
  }

  // The loss of every pair of slot s with the other active slots, from scratch: O(m^2).
  void ComputeRow(int s) {
    team_.Run([&](int k) {
      for (int t = k; t < m_; t += team_.size()) {
        if (t == s || !active(t)) continue;
        l_[Idx(std::min(s, t), std::max(s, t))] = FullLoss(s, t);
      }
    });
  }

  // The pair (a, b), a < b, of least loss; ties go to the first pair in row order.
  std::pair<int, int> BestPair() {
    const int n = team_.size();
    std::vector<double> best(n, INFINITY);
    std::vector<std::pair<int, int>> at(n, {-1, -1});
    team_.Run([&](int k) {
      for (int s = k; s < m_; s += n) {
        if (!active(s)) continue;
        for (int t = s + 1; t < m_; ++t) {
          if (!active(t)) continue;
          const double v = l_[Idx(s, t)];
          if (v < best[k]) {
            best[k] = v;
            at[k] = {s, t};
          }
        }
      }
    });
    int w = -1;
    for (int k = 0; k < n; ++k) {
      if (at[k].first < 0) continue;
      if (w < 0 || best[k] < best[w] || (best[k] == best[w] && at[k] < at[w])) w = k;
    }
    return at[w];
  }

  // Merges slot b into slot a (b becomes inactive) and returns the statistics of a and b as
  // they were, for UpdatePairs.
  void Merge(int a, int b, Side* old_a, Side* old_b) {
    Save(a, old_a);
    Save(b, old_b);
    p1_[a] += p1_[b];
    lp1_[a] = std::log(p1_[a]);
    const double ab = P(a, b), ba = P(b, a), bb = P(b, b);
    for (int x = 0; x < m_; ++x) {
      if (x == a || x == b) continue;
      AddP(a, x, P(b, x));
      AddP(x, a, P(x, b));
    }
    AddP(a, a, ab + ba + bb);
    Deactivate(b);
    for (int x = 0; x < m_; ++x) {
      SetQ(a, x);
      SetQ(x, a);
    }
    for (int x = 0; x < m_; ++x) {
      if (x == a || !active(x)) continue;
      lpst_[Idx(std::min(a, x), std::max(a, x))] = std::log(p1_[a] + p1_[x]);
    }
  }

  // Brings every loss up to date after Merge(merged, b) (old_a, old_b: the two clusters
  // before; merged = -1 for none) and after a new slot `added` (-1 for none). The losses of
  // the new slot are computed from scratch (its row is sparse: a rare word); all others are
  // updated, each in O(1) plus O(1) per neighbour of the smaller merged cluster:
  //  * a pair (s, t) apart from the merged cluster changes by the terms of x = a, b, a+b:
  //    their q terms and probability parts split into a part of s plus a part of t (V below),
  //    except h(v) = v log v of a sum of both, which differs from the sum of the parts' h only
  //    where both a and b border s or t;
  //  * a pair (a+b, t) differs from the old (a, t) by the term of x = b, which is gone, by the
  //    neighbours x of b (whose summed probability with a+b has grown), and by parts that sum
  //    over x in O(1) from row sums.
  // Brown et al. (1992), section 3, give the same decomposition for the full-scan algorithm.
  void UpdatePairs(int merged, const Side& old_a, const Side& old_b, int added) {
    Side now, fresh;
    if (merged >= 0) Save(merged, &now);
    if (added >= 0) Save(added, &fresh);
    std::vector<double> v(m_, 0);
    if (merged >= 0) {
      const double da = now.lp - old_a.lp, db = now.lp - old_b.lp;
      for (int x = 0; x < m_; ++x) {
        v[x] = now.qto[x] + now.qfrom[x] - old_a.qto[x] - old_a.qfrom[x] - old_b.qto[x] -
               old_b.qfrom[x] + (old_a.to[x] + old_a.from[x]) * da +
               (old_b.to[x] + old_b.from[x]) * db;
      }
    }
    team_.Run([&](int k) {
      for (int s = k; s < m_; s += team_.size()) {
        if (!active(s) || s == merged || s == added) continue;
        for (int t = s + 1; t < m_; ++t) {
          if (!active(t) || t == merged || t == added) continue;
          double d = 0;
          if (merged >= 0) {
            d = v[s] + v[t];
            const double rb = old_b.to[s] + old_b.to[t], cb = old_b.from[s] + old_b.from[t];
            if (rb > 0) d -= HGain(old_a.to[s] + old_a.to[t], rb);
            if (cb > 0) d -= HGain(old_a.from[s] + old_a.from[t], cb);
          }
          if (added >= 0) d += Term(s, t, fresh, lpst_[Idx(s, t)]);
          l_[Idx(s, t)] += d;
        }
      }
    });
    if (merged >= 0) UpdateMergedRow(merged, old_a, old_b, now, added, fresh);
    if (added >= 0) ComputeRow(added);
  }

  // Checks every loss against FullLoss; the first pair that differs by more than `tolerance`
  // (relative to the largest q term) as "s t fast slow", or "" when all agree.
  std::string Verify(double tolerance) {
    double scale = 1e-300;
    for (double q : q_) scale = std::max(scale, std::abs(q));
    for (int s = 0; s < m_; ++s) {
      if (!active(s)) continue;
      for (int t = s + 1; t < m_; ++t) {
        if (!active(t)) continue;
        const double slow = FullLoss(s, t), fast = l_[Idx(s, t)];
        if (std::abs(slow - fast) > tolerance * scale)
          return std::to_string(s) + " " + std::to_string(t) + " " + std::to_string(fast) + " " +
                 std::to_string(slow);
      }
    }
    return "";
  }

 private:
  size_t Idx(int s, int t) const { return size_t(s) * m_ + t; }
  double& P(int s, int t) { return p_[Idx(s, t)]; }

  void SetQ(int s, int t) {
    const double v = p_[Idx(s, t)];
    const double q = v > 0 ? v * (std::log(v) - lp1_[s] - lp1_[t]) : 0.0;
    q_[Idx(s, t)] = q;
    qt_[Idx(t, s)] = q;
  }

  void Deactivate(int b) {
    active_[b] = 0;
    --active_count_;
    p1_[b] = 0;
    lp1_[b] = 0;
    for (int x = 0; x < m_; ++x) {
      p_[Idx(b, x)] = pt_[Idx(x, b)] = p_[Idx(x, b)] = pt_[Idx(b, x)] = 0;
      q_[Idx(b, x)] = qt_[Idx(x, b)] = q_[Idx(x, b)] = qt_[Idx(b, x)] = 0;
    }
  }

  void Save(int x, Side* side) const {
    side->to.assign(pt_.begin() + Idx(x, 0), pt_.begin() + Idx(x, 0) + m_);
    side->from.assign(p_.begin() + Idx(x, 0), p_.begin() + Idx(x, 0) + m_);
    side->qto.assign(qt_.begin() + Idx(x, 0), qt_.begin() + Idx(x, 0) + m_);
    side->qfrom.assign(q_.begin() + Idx(x, 0), q_.begin() + Idx(x, 0) + m_);
    side->p = p1_[x];
    side->lp = lp1_[x];
  }

  // The q term of the merged pair (s, t) with a third cluster: h = P log(P / (pl pr)) of the
  // summed probability a + b, where a (b) is the pair's s (t) part with q term qa (qb) and the
  // log-probability of s (t) is la (lb). The log is needed only when both parts are non-zero:
  // otherwise it is the part's own q term, re-based from p(s) to p(s) + p(t).
  static double MergedQ(double a, double qa, double la, double b, double qb, double lb, double lpst,
                        double lpx) {
    if (b == 0) return a == 0 ? 0.0 : qa + a * (la - lpst);
    if (a == 0) return qb + b * (lb - lpst);
    const double v = a + b;
    return v * (std::log(v) - lpst - lpx);
  }

  // The part of L(s, t) that comes from cluster x (x not s or t): the q terms of s and t with
  // x that merging s and t removes, minus the q terms of the merged cluster with x.
  double Term(int s, int t, const Side& x, double lpst) const {
    const double rs = x.to[s], rt = x.to[t], cs = x.from[s], ct = x.from[t];
    if (rs == 0 && rt == 0 && cs == 0 && ct == 0) return 0;
    const double ls = lp1_[s], lt = lp1_[t];
    return x.qto[s] + x.qfrom[s] + x.qto[t] + x.qfrom[t] -
           MergedQ(rs, x.qto[s], ls, rt, x.qto[t], lt, lpst, x.lp) -
           MergedQ(cs, x.qfrom[s], ls, ct, x.qfrom[t], lt, lpst, x.lp);
  }

  // h(a + b) - h(a) - h(b), h(v) = v log v: what merging adds to the h of two parts.
  static double HGain(double a, double b) {
    if (a == 0 || b == 0) return 0;
    const double v = a + b;
    return v * std::log(v) - a * std::log(a) - b * std::log(b);
  }

  // The losses L(a, t) after Merge(a, b), from the losses before (see UpdatePairs); the pair
  // with `added` is left to ComputeRow, and the added slot's terms are added with `fresh`.
  void UpdateMergedRow(int a, const Side& old_a, const Side& old_b, const Side& now, int added,
                       const Side& fresh) {
    // Per-merge sums over x outside {a, b, added}.
    double sda = 0, sb_row = 0, sbl_row = 0, sb_col = 0, sbl_col = 0, ra = 0, ca = 0;
    std::vector<double> da(m_, 0);
    std::vector<int> nb;  // x with P[b][x] > 0 or P[x][b] > 0
    for (int x = 0; x < m_; ++x) {
      if (x == a || x == added || !active(x)) continue;
      da[x] = now.qfrom[x] + now.qto[x] - old_a.qfrom[x] - old_a.qto[x];
      sda += da[x];
      sb_row += old_b.from[x];
      sbl_row += old_b.from[x] * lp1_[x];
      sb_col += old_b.to[x];
      sbl_col += old_b.to[x] * lp1_[x];
      ra += old_a.from[x];
      ca += old_a.to[x];
      if (old_b.from[x] > 0 || old_b.to[x] > 0) nb.push_back(x);
    }
    const double lpb = old_b.lp;
    team_.Run([&](int k) {
      for (int t = k; t < m_; t += team_.size()) {
        if (t == a || t == added || !active(t)) continue;
        const double lp_old = std::log(old_a.p + p1_[t]);
        const double lp_new = std::log(p1_[a] + p1_[t]);
        const double* prow = &p_[Idx(t, 0)];   // P[t][x]
        const double* pcol = &pt_[Idx(t, 0)];  // P[x][t]
        // The term of x = b in the old loss.
        const double tb =
            old_b.qto[a] + old_b.qfrom[a] + old_b.qto[t] + old_b.qfrom[t] -
            (HPlain(old_b.to[a] + old_b.to[t]) - (old_b.to[a] + old_b.to[t]) * (lp_old + lpb)) -
            (HPlain(old_b.from[a] + old_b.from[t]) -
             (old_b.from[a] + old_b.from[t]) * (lp_old + lpb));
        // Row sums of t outside {a, b, t, added} (P[t][b] is 0 now; P[t][a] holds a + b).
        double rt = 0, ct = 0;
        for (int x = 0; x < m_; ++x) {
          rt += prow[x];
          ct += pcol[x];
        }
        rt -= prow[a] + prow[t] + (added >= 0 ? prow[added] : 0);
        ct -= pcol[a] + pcol[t] + (added >= 0 ? pcol[added] : 0);
        double d = -tb + sda - da[t];
        d += lp_new * (sb_row - old_b.from[t]) + (sbl_row - old_b.from[t] * lp1_[t]);
        d += lp_new * (sb_col - old_b.to[t]) + (sbl_col - old_b.to[t] * lp1_[t]);
        d += (lp_new - lp_old) * (ra - old_a.from[t] + rt + ct + ca - old_a.to[t]);
        for (int x : nb) {
          if (x == t) continue;
          if (old_b.from[x] > 0) {
            const double base = old_a.from[x] + prow[x];
            d -= HPlain(base + old_b.from[x]) - HPlain(base);
          }
          if (old_b.to[x] > 0) {
            const double base = old_a.to[x] + pcol[x];
            d -= HPlain(base + old_b.to[x]) - HPlain(base);
          }
        }
        // The pair's own terms, before and after.
        const double self_old =
            old_a.qfrom[a] + old_a.qfrom[t] + old_a.qto[t] + q_[Idx(t, t)] -
            SelfQ(old_a.from[a] + old_a.from[t] + old_a.to[t] + prow[t], lp_old);
        const double self_new =
            q_[Idx(a, a)] + q_[Idx(a, t)] + q_[Idx(t, a)] + q_[Idx(t, t)] -
            SelfQ(p_[Idx(a, a)] + p_[Idx(a, t)] + p_[Idx(t, a)] + prow[t], lp_new);
        d += self_new - self_old;
        double& l = l_[Idx(std::min(a, t), std::max(a, t))];
        l += d;
        if (added >= 0) l += Term(a, t, fresh, lp_new);
      }
    });
  }

  static double HPlain(double v) { return v > 0 ? v * std::log(v) : 0.0; }
  // The q term of the merged pair with itself: v log(v / p^2), lp = log p.
  static double SelfQ(double v, double lp) { return v > 0 ? v * (std::log(v) - 2 * lp) : 0.0; }

  // L(s, t) from scratch: O(m).
  double FullLoss(int s, int t) const {
    const double lpst = std::log(p1_[s] + p1_[t]);
    const double ls = lp1_[s], lt = lp1_[t];
    const double* ps = &p_[Idx(s, 0)];
    const double* pt = &p_[Idx(t, 0)];
    const double* cs = &pt_[Idx(s, 0)];
    const double* ct = &pt_[Idx(t, 0)];
    const double* qs = &q_[Idx(s, 0)];
    const double* qtt = &q_[Idx(t, 0)];
    const double* qcs = &qt_[Idx(s, 0)];
    const double* qct = &qt_[Idx(t, 0)];
    double loss = 0;
    for (int x = 0; x < m_; ++x) {
      if (x == s || x == t) continue;
      if (ps[x] == 0 && pt[x] == 0 && cs[x] == 0 && ct[x] == 0) continue;
      loss += qs[x] + qcs[x] + qtt[x] + qct[x];
      loss -= MergedQ(ps[x], qs[x], ls, pt[x], qtt[x], lt, lpst, lp1_[x]);
      loss -= MergedQ(cs[x], qcs[x], ls, ct[x], qct[x], lt, lpst, lp1_[x]);
    }
    const double self = ps[s] + ps[t] + pt[s] + pt[t];
    loss += qs[s] + qs[t] + qtt[s] + qtt[t];
    if (self > 0) loss -= self * (std::log(self) - 2 * lpst);
    return loss;
  }

  int m_;
  Team team_;
  std::vector<double> p1_, lp1_;  // p(s), log p(s)
  std::vector<double> p_, pt_;    // P[s][t] and its transpose
  std::vector<double> q_, qt_;    // Q[s][t] and its transpose
  std::vector<double> l_;         // L[s][t], s < t
  std::vector<double> lpst_;      // log(p(s) + p(t)), s < t
  std::vector<uint8_t> active_;
  int active_count_ = 0;
};

// Adjacent pairs of kept words (ids in frequency order) with their counts, in both directions.
struct Bigrams {
  std::vector<uint32_t> right_begin, left_begin;           // per word, into the arrays below
  std::vector<std::pair<uint32_t, uint32_t>> right, left;  // (neighbour, count)
  uint64_t total = 0;
};

Bigrams CountBigrams(const std::vector<uint32_t>& stream, const std::vector<int32_t>& keep,
                     size_t v) {
  std::vector<uint64_t> pairs;
  pairs.reserve(stream.size());
  for (size_t i = 1; i < stream.size(); ++i) {
    const uint32_t x = stream[i - 1], y = stream[i];
    if (x == ClusterCorpus::kBreak || y == ClusterCorpus::kBreak) continue;
    if (keep[x] < 0 || keep[y] < 0) continue;
    pairs.push_back((uint64_t(uint32_t(keep[x])) << 32) | uint32_t(keep[y]));
  }
  Bigrams b;
  b.total = pairs.size();
  auto build = [&](std::vector<uint32_t>* begin, std::vector<std::pair<uint32_t, uint32_t>>* out) {
    std::sort(pairs.begin(), pairs.end());
    begin->assign(v + 1, 0);
    for (size_t i = 0; i < pairs.size();) {
      size_t j = i;
      while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
      const uint32_t first = uint32_t(pairs[i] >> 32), second = uint32_t(pairs[i]);
      out->push_back({second, uint32_t(j - i)});
      ++(*begin)[first + 1];
      i = j;
    }
    for (size_t w = 0; w < v; ++w) (*begin)[w + 1] += (*begin)[w];
  };
  build(&b.right_begin, &b.right);
  for (uint64_t& p : pairs) p = (p << 32) | (p >> 32);
  build(&b.left_begin, &b.left);
  return b;
}

}  // namespace

// ---- keys ----------------------------------------------------------------------------------

bool ClusterKey(std::string_view form, std::string* out) {
  const CharClasses& cc = CharClasses::Get();
  out->clear();
  for (size_t i = 0; i < form.size();) {
    size_t len;
    char32_t cp = DecodeUtf8(form, i, &len);
    i += len;
    if (cp == 0x00AD || cp == 0x0300 || cp == 0x0301) continue;
    if (cc.Of(cp) == kCcDigit) {
      cp = '0';
    } else {
      cp = cc.ToLower(cp);
      if (cp == 0x0451) cp = 0x0435;  // ё -> е
    }
    AppendUtf8(cp, out);
    if (out->size() > kMaxKeyBytes) return false;
  }
  return !out->empty();
}

// ---- the corpus ----------------------------------------------------------------------------

ClusterCorpus::ClusterCorpus() : segmenter_(std::make_unique<Segmenter>()) {}
ClusterCorpus::~ClusterCorpus() = default;

uint32_t ClusterCorpus::Id(std::string_view key) {
  auto [it, inserted] = ids_.try_emplace(std::string(key), uint32_t(words_.size()));
  if (inserted) {
    words_.emplace_back(key);
    counts_.push_back(0);
  }
  return it->second;
}

void ClusterCorpus::AddText(std::string_view raw) {
  std::string text(raw);
  RepairUtf8(&text);
  std::vector<Token> tokens;
  std::vector<Span> sentences;
  segmenter_->Segment(text, &tokens, &sentences);
  std::string key;
  size_t t = 0;
  for (const Span& sentence : sentences) {
    const size_t first = t;
    while (t < tokens.size() && tokens[t].span.begin < sentence.end) ++t;
    if (t == first) continue;
    if (t - first >= kMinDedupTokens) {
      const std::string_view bytes(text.data() + sentence.begin, sentence.size());
      if (!seen_.insert(Fnv1a64(bytes.data(), bytes.size())).second) {
        ++duplicates_;
        continue;
      }
    }
    ++sentences_;
    for (size_t i = first; i < t; ++i) {
      const Token& tok = tokens[i];
      const std::string_view form(text.data() + tok.span.begin, tok.span.size());
      uint32_t id;
      if (tok.kind == TokenKind::kUrl) {
        id = Id("<url>");
      } else if (tok.kind == TokenKind::kEmail) {
        id = Id("<email>");
      } else if (ClusterKey(form, &key)) {
        id = Id(key);
      } else {
        id = Id("<long>");
      }
      ++counts_[id];
      ++tokens_;
      stream_.push_back(id);
    }
    stream_.push_back(kBreak);
  }
}

Status ClusterCorpus::AddFile(const std::string& path, bool razdel) {
  const bool xz = EndsWith(path, ".conllu.xz");
  if (xz || EndsWith(path, ".conllu")) {
    Result<std::vector<ConlluSentence>> sentences = ReadConlluMaybeXz(path);
    if (!sentences.ok()) return sentences.status();
    for (const ConlluSentence& s : *sentences) AddText(s.Text());
    ++files_;
    return Status::Ok();
  }
  Result<std::string> data = ReadFile(path, kMaxInputBytes);
  if (!data.ok()) return data.status();
  if (data->find('\0') != std::string::npos)
    return InvalidArgument(path + ": byte " + std::to_string(data->find('\0')) +
                           ": a NUL byte; not a text file");
  ++files_;
  if (razdel) {
    size_t begin = 0;
    while (begin < data->size()) {
      size_t end = data->find('\n', begin);
      if (end == std::string::npos) end = data->size();
      std::string line = data->substr(begin, end - begin);
      line.erase(std::remove(line.begin(), line.end(), '|'), line.end());
      AddText(line);
      begin = end + 1;
    }
    return Status::Ok();
  }
  if (EndsWith(Lower(path), ".tsv")) {
    std::vector<bool> use;
    size_t line_no = 0;
    size_t begin = 0;
    while (begin < data->size()) {
      size_t end = data->find('\n', begin);
      if (end == std::string::npos) end = data->size();
      std::string_view line(data->data() + begin, end - begin);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      begin = end + 1;
      ++line_no;
      size_t col = 0;
      for (size_t f = 0;; ++col) {
        size_t tab = line.find('\t', f);
        const std::string_view cell = line.substr(f, tab == std::string_view::npos ? tab : tab - f);
        if (line_no == 1) {
          const std::string name = Lower(cell);
          use.push_back(EndsWith(name, "text") || EndsWith(name, "title") ||
                        EndsWith(name, "sentence") || EndsWith(name, "sentences"));
        } else if (col < use.size() && use[col]) {
          AddText(cell);
        }
        if (tab == std::string_view::npos) break;
        f = tab + 1;
      }
      if (line_no == 1 && std::find(use.begin(), use.end(), true) == use.end())
        return InvalidArgument(path + ": line 1: no column named *text, *title or *sentence(s)");
    }
    return Status::Ok();
  }
  AddText(*data);
  return Status::Ok();
}

Status ClusterCorpus::AddPath(const std::string& path, bool razdel, std::ostream* log) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    if (!fs::exists(path, ec)) return NotFound(path + ": no such file or folder");
    const uint64_t before = tokens_;
    Status s = AddFile(path, razdel);
    if (!s.ok()) return s;
    if (log) *log << "  " << path << ": " << tokens_ - before << " tokens\n";
    return Status::Ok();
  }
  std::vector<std::string> files;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string name = it->path().string();
    const std::string lower = Lower(name);
    if (EndsWith(lower, ".txt") || EndsWith(lower, ".tsv") || EndsWith(lower, ".conllu") ||
        EndsWith(lower, ".conllu.xz"))
      files.push_back(name);
  }
  if (ec) return IoError(path + ": " + ec.message());
  std::sort(files.begin(), files.end());
  const uint64_t before = tokens_;
  for (const std::string& f : files) {
    Status s = AddFile(f, razdel);
    if (!s.ok()) return s;
  }
  if (log)
    *log << "  " << path << ": " << files.size() << " files, " << tokens_ - before << " tokens\n";
  return Status::Ok();
}

// ---- clustering ----------------------------------------------------------------------------

Result<BrownClusters> BrownCluster(const ClusterCorpus& corpus, const BrownOptions& options,
                                   std::ostream& log) {
  if (options.clusters < 2 || options.clusters > 4096)
    return InvalidArgument("--clusters " + std::to_string(options.clusters) +
                           ": must be within 2..4096");
  if (options.min_count < 1) return InvalidArgument("--min-count must be at least 1");
  for (int g = 0; g < 3; ++g) {
    if (options.prefixes[g] < 1 || options.prefixes[g] > 30 ||
        (g > 0 && options.prefixes[g] <= options.prefixes[g - 1]))
      return InvalidArgument("prefix lengths must increase within 1..30");
  }
  const auto t0 = std::chrono::steady_clock::now();
  // The vocabulary: words seen min_count times, most frequent first, ties by bytes.
  std::vector<uint32_t> order;
  for (uint32_t w = 0; w < corpus.words().size(); ++w)
    if (corpus.counts()[w] >= uint64_t(options.min_count)) order.push_back(w);
  if (order.empty())
    return InvalidArgument("no word occurs " + std::to_string(options.min_count) +
                           " times: nothing to cluster");
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (corpus.counts()[a] != corpus.counts()[b]) return corpus.counts()[a] > corpus.counts()[b];
    return corpus.words()[a] < corpus.words()[b];
  });
  const size_t v = order.size();
  std::vector<int32_t> keep(corpus.words().size(), -1);
  uint64_t kept_tokens = 0;
  for (size_t i = 0; i < v; ++i) {
    keep[order[i]] = int32_t(i);
    kept_tokens += corpus.counts()[order[i]];
  }
  const Bigrams bigrams = CountBigrams(corpus.stream(), keep, v);
  log << "vocabulary: " << v << " words with at least " << options.min_count << " occurrences (of "
      << corpus.words().size() << "), covering " << kept_tokens << " of " << corpus.tokens()
      << " tokens; " << bigrams.total << " adjacent pairs, " << bigrams.right.size()
      << " distinct\n";

  const int c = int(std::min<size_t>(v, size_t(options.clusters)));
  const int m = v > size_t(c) ? c + 1 : c;
  Brown brown(m, options.threads);
  std::vector<int32_t> slot_of(v, -1);
  std::vector<std::vector<uint32_t>> members(m);
  const double nt = double(kept_tokens), nb = double(std::max<uint64_t>(bigrams.total, 1));

  // Puts word w into free slot s: its pairs with the words already in clusters.
  auto add_word = [&](uint32_t w, int s) {
    slot_of[w] = s;
    members[s].assign(1, w);
    brown.Activate(s, double(corpus.counts()[order[w]]) / nt);
    for (uint32_t i = bigrams.right_begin[w]; i < bigrams.right_begin[w + 1]; ++i) {
      const auto [y, n] = bigrams.right[i];
      if (slot_of[y] >= 0) brown.AddP(s, slot_of[y], n / nb);
    }
    for (uint32_t i = bigrams.left_begin[w]; i < bigrams.left_begin[w + 1]; ++i) {
      const auto [x, n] = bigrams.left[i];
      if (slot_of[x] >= 0 && x != w) brown.AddP(slot_of[x], s, n / nb);
    }
  };
  // The initial clusters see each other's pairs once all are placed.
  for (int s = 0; s < c; ++s) {
    slot_of[s] = s;
    members[s].assign(1, uint32_t(s));
    brown.Activate(s, double(corpus.counts()[order[s]]) / nt);
  }
  for (int w = 0; w < c; ++w) {
    for (uint32_t i = bigrams.right_begin[w]; i < bigrams.right_begin[w + 1]; ++i) {
      const auto [y, n] = bigrams.right[i];
      if (y < uint32_t(c)) brown.AddP(w, int(y), n / nb);
    }
  }
  for (int s = 0; s < c; ++s) brown.FinishSlot(s);
  brown.ComputeAllLosses();
  log << "initial " << c << " clusters: " << Seconds(t0) << " s\n";

  // Phase 1: words c.. join one at a time; phase 2: the tree over the last c clusters.
  std::vector<int> node_of(m, -1);
  std::vector<std::pair<int, int>> children;  // of internal node k: children[k - leaves]
  int leaves = -1;
  std::vector<int> word_leaf(v, -1);  // the leaf (a cluster when phase 2 starts) of each word
  int free_slot = m > c ? c : -1;
  uint32_t next = uint32_t(c);
  int merged = -1;
  Side old_a, old_b;
  size_t step = 0;
  const size_t report = std::max<size_t>(1, v / 20);
  for (;;) {
    int added = -1;
    if (next < v) {
      added = free_slot;
      add_word(next, added);
      brown.FinishSlot(added);
      ++next;
    }
    if (merged >= 0 || added >= 0) brown.UpdatePairs(merged, old_a, old_b, added);
    if (options.verify) {
      const std::string bad = brown.Verify(1e-7);
      if (!bad.empty())
        return Internal("merge " + std::to_string(step) + ": incremental loss differs: " + bad);
    }
    if (next >= v && leaves < 0 && brown.active_count() <= c) {
      leaves = 0;
      for (int s = 0; s < m; ++s) {
        if (!brown.active(s)) continue;
        for (uint32_t w : members[s]) word_leaf[w] = leaves;
        node_of[s] = leaves++;
      }
    }
    if (brown.active_count() <= 1) break;
    const auto [a, b] = brown.BestPair();
    if (leaves >= 0) {
      children.push_back({node_of[a], node_of[b]});
      node_of[a] = leaves + int(children.size()) - 1;
      node_of[b] = -1;
    }
    brown.Merge(a, b, &old_a, &old_b);
    for (uint32_t w : members[b]) slot_of[w] = a;
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    members[b].clear();
    merged = a;
    free_slot = b;
    if (++step % report == 0)
      log << "  " << std::min<size_t>(next, v) << " of " << v << " words placed, " << step
          << " merges, " << Seconds(t0) << " s\n";
  }
  log << "clustered in " << Seconds(t0) << " s\n";

  // Paths: root to leaf, the first child (the kept slot) 0, the second 1; leaves numbered in
  // path order.
  BrownClusters out;
  std::copy(options.prefixes, options.prefixes + 3, out.prefixes);
  out.cluster_count = uint32_t(leaves);
  std::vector<uint64_t> leaf_path(leaves, 0);
  std::vector<uint8_t> leaf_len(leaves, 0);
  std::vector<uint16_t> leaf_id(leaves, 0);
  struct Frame {
    int node;
    uint64_t path;
    int depth;
  };
  const int root = leaves + int(children.size()) - 1;
  std::vector<Frame> stack = {{root, 0, 0}};
  int numbered = 0;
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    if (f.node < leaves) {
      leaf_path[f.node] = f.path;
      leaf_len[f.node] = uint8_t(std::min(f.depth, 64));
      leaf_id[f.node] = uint16_t(numbered++);
      continue;
    }
    const auto [l, r] = children[f.node - leaves];
    const bool room = f.depth < 64;  // deeper bits are cut: such leaves share their path
    stack.push_back({r, room ? (f.path << 1) | 1 : f.path, f.depth + 1});
    stack.push_back({l, room ? f.path << 1 : f.path, f.depth + 1});
  }
  for (size_t w = 0; w < v; ++w) {
    const int leaf = word_leaf[w];
    out.words.push_back(corpus.words()[order[w]]);
    out.counts.push_back(uint32_t(std::min<uint64_t>(corpus.counts()[order[w]], UINT32_MAX)));
    out.paths.push_back(leaf_path[leaf]);
    out.path_lengths.push_back(leaf_len[leaf]);
    out.leaves.push_back(leaf_id[leaf]);
  }
  return out;
}

// ---- output --------------------------------------------------------------------------------

std::string SerializeWordClusters(const BrownClusters& c) {
  const size_t n = c.words.size();
  size_t slots = 1;
  while (slots < 2 * n) slots <<= 1;
  std::string strings;
  std::vector<uint32_t> offsets(n);
  for (size_t i = 0; i < n; ++i) {
    offsets[i] = uint32_t(strings.size());
    strings += c.words[i];
  }
  const size_t slots_offset = kHeaderSize;
  const size_t entries_offset = slots_offset + Pad8(slots * 4);
  const size_t strings_offset = entries_offset + n * 24;
  std::string out(strings_offset + Pad8(strings.size()), '\0');
  out.replace(0, 8, kMagic, 8);
  PutLe<uint32_t>(&out, 8, kFormatVersion);
  PutLe<uint32_t>(&out, 12, kKeyScheme);
  PutLe<uint32_t>(&out, 16, uint32_t(n));
  PutLe<uint32_t>(&out, 20, uint32_t(slots));
  PutLe<uint32_t>(&out, 24, c.cluster_count);
  for (int g = 0; g < 3; ++g) out[28 + g] = char(c.prefixes[g]);
  PutLe<uint64_t>(&out, 32, strings.size());
  for (size_t i = 0; i < n; ++i) {
    // Linear probing from the key's home slot (the high half of Fnv1a64Words; FROZEN).
    size_t s = (Fnv1a64Words(c.words[i].data(), c.words[i].size()) >> 32) & (slots - 1);
    while (std::memcmp(out.data() + slots_offset + s * 4, "\0\0\0\0", 4) != 0)
      s = (s + 1) & (slots - 1);
    PutLe<uint32_t>(&out, slots_offset + s * 4, uint32_t(i + 1));
    const size_t e = entries_offset + i * 24;
    PutLe<uint32_t>(&out, e, offsets[i]);
    out[e + 4] = char(uint8_t(c.words[i].size()));
    out[e + 5] = char(c.path_lengths[i]);
    PutLe<uint16_t>(&out, e + 6, c.leaves[i]);
    PutLe<uint32_t>(&out, e + 8, c.counts[i]);
    PutLe<uint64_t>(&out, e + 16, c.paths[i]);
  }
  out.replace(strings_offset, strings.size(), strings);
  const uint64_t head = Fnv1a64Words(out.data(), kChecksumOffset);
  PutLe<uint64_t>(
      &out, kChecksumOffset,
      Fnv1a64Words(out.data() + kChecksumOffset + 8, out.size() - kChecksumOffset - 8, head));
  return out;
}

std::string DumpWordClusters(const BrownClusters& c) {
  std::vector<size_t> idx(c.words.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  auto bits = [&](size_t i) {
    std::string b;
    for (int k = c.path_lengths[i]; k-- > 0;) b += ((c.paths[i] >> k) & 1) ? '1' : '0';
    return b;
  };
  std::vector<std::string> paths(idx.size());
  for (size_t i = 0; i < idx.size(); ++i) paths[i] = bits(i);
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (c.leaves[a] != c.leaves[b]) return c.leaves[a] < c.leaves[b];
    return c.counts[a] > c.counts[b];
  });
  std::string out;
  for (size_t i : idx)
    out += paths[i] + "\t" + c.words[i] + "\t" + std::to_string(c.counts[i]) + "\n";
  return out;
}

Status BuildWordClusters(const WordClusterBuildOptions& options, std::ostream& log) {
  if (options.out_path.empty()) return InvalidArgument("no output file (--out)");
  if (options.inputs.empty() && options.razdel_inputs.empty())
    return InvalidArgument("no input files or folders");
  const auto t0 = std::chrono::steady_clock::now();
  ClusterCorpus corpus;
  log << "reading:\n";
  for (const std::string& path : options.inputs) {
    Status s = corpus.AddPath(path, false, &log);
    if (!s.ok()) return s;
  }
  for (const std::string& path : options.razdel_inputs) {
    Status s = corpus.AddPath(path, true, &log);
    if (!s.ok()) return s;
  }
  log << "corpus: " << corpus.files() << " files, " << corpus.sentences() << " sentences ("
      << corpus.duplicates() << " repeated ones skipped), " << corpus.tokens() << " tokens, "
      << corpus.words().size() << " distinct keys; read in " << Seconds(t0) << " s\n";
  Result<BrownClusters> clusters = BrownCluster(corpus, options.brown, log);
  if (!clusters.ok()) return clusters.status();
  const std::string image = SerializeWordClusters(*clusters);
  Status s = WriteFile(options.out_path, image);
  if (!s.ok()) return s;
  log << "wrote " << options.out_path << ": " << clusters->words.size() << " words, "
      << clusters->cluster_count << " clusters, " << image.size() << " bytes; total " << Seconds(t0)
      << " s\n";
  if (!options.dump_path.empty()) {
    s = WriteFile(options.dump_path, DumpWordClusters(*clusters));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace svodka
