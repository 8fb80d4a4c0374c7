#include "eval/entity_eval.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "eval/razdel_scheme.h"

namespace svodka {

namespace {

double HarmonicMean(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

uint64_t Key(const Span& s) { return (uint64_t{s.begin} << 32) | s.end; }

bool Overlap(const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; }

// naeval's spans_io: whether each token is inside one of `spans` (sorted by begin,
// non-overlapping). A token is I from the first token starting at or after the current span's
// begin; the span is done at the first token ending at or after its end.
void TagInside(const std::vector<Span>& tokens, const std::vector<Span>& spans,
               std::vector<char>* inside) {
  inside->assign(tokens.size(), 0);
  size_t k = 0;
  for (size_t i = 0; i < tokens.size() && k < spans.size(); ++i) {
    if (tokens[i].begin >= spans[k].begin) (*inside)[i] = 1;
    if (tokens[i].end >= spans[k].end) ++k;
  }
}

// naeval's filter_misaligned_spans: the names of one type whose begin is some token's begin and
// whose end some token's end (tokens_begin / tokens_end sorted); counts the others.
std::vector<Span> Aligned(const std::vector<GoldName>& names, EntityType type,
                          const std::vector<uint32_t>& begins, const std::vector<uint32_t>& ends,
                          size_t* misaligned) {
  std::vector<Span> out;
  for (const GoldName& n : names) {
    if (n.type != type) continue;
    if (std::binary_search(begins.begin(), begins.end(), n.span.begin) &&
        std::binary_search(ends.begin(), ends.end(), n.span.end)) {
      out.push_back(n.span);
    } else {
      ++*misaligned;
    }
  }
  return out;
}

Status CheckText(const EntityGoldDocument& gold, const Document& doc) {
  if (doc.text == gold.text) return Status::Ok();
  return InvalidArgument(gold.path + ": the annotated document's text (" +
                         std::to_string(doc.text.size()) + " bytes) is not the gold text (" +
                         std::to_string(gold.text.size()) + " bytes)");
}

// Chain sizes of one side, by chain id.
std::unordered_map<uint32_t, double> ChainSizes(const std::vector<ChainMention>& side) {
  std::unordered_map<uint32_t, double> sizes;
  for (const ChainMention& m : side) sizes[m.chain] += 1;
  return sizes;
}

// For each (gold chain, predicted chain) pair, the mentions they share.
std::map<std::pair<uint32_t, uint32_t>, double> SharedMentions(
    const std::vector<ChainMention>& gold, const std::vector<ChainMention>& predicted) {
  std::unordered_map<uint64_t, uint32_t> predicted_chain;
  for (const ChainMention& m : predicted) predicted_chain.emplace(Key(m.span), m.chain);
  std::map<std::pair<uint32_t, uint32_t>, double> shared;
  for (const ChainMention& m : gold) {
    auto it = predicted_chain.find(Key(m.span));
    if (it != predicted_chain.end()) shared[{m.chain, it->second}] += 1;
  }
  return shared;
}

// MUC recall sums of `key` against `response`: Σ_K (|K| − |partition of K|), Σ_K (|K| − 1).
void MucSide(const std::vector<ChainMention>& key, const std::vector<ChainMention>& response,
             double* num, double* den) {
  std::unordered_map<uint64_t, uint32_t> response_chain;
  for (const ChainMention& m : response) response_chain.emplace(Key(m.span), m.chain);
  std::map<uint32_t, std::vector<uint32_t>> parts;  // key chain -> response chain of each mention
  std::map<uint32_t, size_t> unmatched, size;
  for (const ChainMention& m : key) {
    ++size[m.chain];
    auto it = response_chain.find(Key(m.span));
    if (it == response_chain.end()) {
      ++unmatched[m.chain];
    } else {
      parts[m.chain].push_back(it->second);
    }
  }
  for (const auto& [chain, n] : size) {
    std::vector<uint32_t>& p = parts[chain];
    std::sort(p.begin(), p.end());
    const size_t distinct = static_cast<size_t>(std::unique(p.begin(), p.end()) - p.begin());
    const size_t partition = distinct + unmatched[chain];
    *num += static_cast<double>(n - partition);
    *den += static_cast<double>(n - 1);
  }
}

// Maximum bipartite matching (Kuhn's augmenting paths) of gold items to predicted items, given
// which pairs may match; returns the number of pairs matched.
size_t MaxMatching(size_t gold, size_t predicted, const std::vector<std::vector<uint32_t>>& edges) {
  std::vector<int64_t> owner(predicted, -1);  // predicted -> gold
  size_t matched = 0;
  for (size_t g = 0; g < gold; ++g) {
    std::vector<char> seen(predicted, 0);
    // Iterative DFS over augmenting paths from g.
    std::vector<std::pair<size_t, size_t>> stack = {{g, 0}};
    std::vector<size_t> via;  // the predicted item taken at each level
    bool found = false;
    while (!stack.empty() && !found) {
      auto& [node, next] = stack.back();
      if (next == edges[node].size()) {
        stack.pop_back();
        if (!via.empty()) via.pop_back();
        continue;
      }
      const uint32_t p = edges[node][next++];
      if (seen[p]) continue;
      seen[p] = 1;
      via.push_back(p);
      if (owner[p] < 0) {
        found = true;
        break;
      }
      stack.push_back({static_cast<size_t>(owner[p]), 0});
    }
    if (!found) continue;
    // Flip the path: stack[i].first takes via[i].
    for (size_t i = 0; i < via.size(); ++i) owner[via[i]] = static_cast<int64_t>(stack[i].first);
    ++matched;
  }
  return matched;
}

}  // namespace

double MatchCounts::F1() const { return HarmonicMean(Precision(), Recall()); }

void MatchCounts::Add(const MatchCounts& o) {
  gold += o.gold;
  predicted += o.predicted;
  correct += o.correct;
}

double ChainScores::F1() const { return HarmonicMean(Precision(), Recall()); }

void ChainScores::Add(const ChainScores& o) {
  precision_num += o.precision_num;
  precision_den += o.precision_den;
  recall_num += o.recall_num;
  recall_den += o.recall_den;
}

void NerScores::Add(const NerScores& o) {
  documents += o.documents;
  tokens += o.tokens;
  for (int t = 0; t < kEntityTypes; ++t) {
    token[t].Add(o.token[t]);
    span[t].Add(o.span[t]);
  }
  gold_misaligned += o.gold_misaligned;
  predicted_misaligned += o.predicted_misaligned;
}

std::vector<GoldName> PredictedNames(const Document& doc) {
  std::vector<GoldName> names;
  for (const Mention& m : doc.entities) {
    if (m.kind != MentionKind::kName || m.span.empty() || m.span.end > doc.text.size()) continue;
    names.push_back(GoldName{m.span, m.type, m.object == kNoObject ? kNoChain : m.object});
  }
  KeepOutermost(&names);
  return names;
}

void ScoreNames(const std::vector<Span>& tokens, const std::vector<GoldName>& gold,
                const std::vector<GoldName>& predicted, NerScores* scores) {
  ++scores->documents;
  scores->tokens += tokens.size();
  std::vector<uint32_t> begins, ends;
  for (const Span& t : tokens) {
    begins.push_back(t.begin);
    ends.push_back(t.end);
  }
  std::sort(begins.begin(), begins.end());
  std::sort(ends.begin(), ends.end());
  std::vector<char> gold_in, predicted_in;
  for (int t = 0; t < kEntityTypes; ++t) {
    const EntityType type = static_cast<EntityType>(t);
    // Per token.
    const std::vector<Span> g = Aligned(gold, type, begins, ends, &scores->gold_misaligned);
    const std::vector<Span> p =
        Aligned(predicted, type, begins, ends, &scores->predicted_misaligned);
    TagInside(tokens, g, &gold_in);
    TagInside(tokens, p, &predicted_in);
    MatchCounts& c = scores->token[t];
    for (size_t i = 0; i < tokens.size(); ++i) {
      c.gold += gold_in[i];
      c.predicted += predicted_in[i];
      c.correct += gold_in[i] && predicted_in[i];
    }
    // Exact spans.
    std::vector<uint64_t> gs, ps;
    for (const GoldName& n : gold)
      if (n.type == type) gs.push_back(Key(n.span));
    for (const GoldName& n : predicted)
      if (n.type == type) ps.push_back(Key(n.span));
    std::sort(gs.begin(), gs.end());
    gs.erase(std::unique(gs.begin(), gs.end()), gs.end());
    std::sort(ps.begin(), ps.end());
    ps.erase(std::unique(ps.begin(), ps.end()), ps.end());
    std::vector<uint64_t> both;
    std::set_intersection(gs.begin(), gs.end(), ps.begin(), ps.end(), std::back_inserter(both));
    MatchCounts& s = scores->span[t];
    s.gold += gs.size();
    s.predicted += ps.size();
    s.correct += both.size();
  }
}

Status ScoreNer(const Segmenter& segmenter, const EntityGoldDocument& gold, const Document& doc,
                NerScores* scores) {
  if (Status s = CheckText(gold, doc); !s.ok()) return s;
  std::vector<Token> news;
  std::vector<Span> sentences;
  segmenter.Segment(gold.text, &news, &sentences);
  std::vector<Span> tokens;
  for (const Token& t : ToRazdelTokens(gold.text, news)) tokens.push_back(t.span);
  ScoreNames(tokens, gold.names, PredictedNames(doc), scores);
  return Status::Ok();
}

ChainScores MucScore(const std::vector<ChainMention>& gold,
                     const std::vector<ChainMention>& predicted) {
  ChainScores s;
  MucSide(gold, predicted, &s.recall_num, &s.recall_den);
  MucSide(predicted, gold, &s.precision_num, &s.precision_den);
  return s;
}

ChainScores B3Score(const std::vector<ChainMention>& gold,
                    const std::vector<ChainMention>& predicted) {
  ChainScores s;
  const auto gold_size = ChainSizes(gold);
  const auto predicted_size = ChainSizes(predicted);
  for (const auto& [chains, n] : SharedMentions(gold, predicted)) {
    s.recall_num += n * n / gold_size.at(chains.first);
    s.precision_num += n * n / predicted_size.at(chains.second);
  }
  s.recall_den = static_cast<double>(gold.size());
  s.precision_den = static_cast<double>(predicted.size());
  return s;
}

void LinkScores::Add(const LinkScores& o) {
  documents += o.documents;
  gold_mentions += o.gold_mentions;
  predicted_mentions += o.predicted_mentions;
  matched_mentions += o.matched_mentions;
  gold_chains += o.gold_chains;
  predicted_chains += o.predicted_chains;
  muc.Add(o.muc);
  b3.Add(o.b3);
}

Result<std::vector<ChainMention>> GoldChainMentions(const EntityGoldDocument& gold) {
  if (!gold.has_chains) {
    return InvalidArgument(gold.path + ": no coreference gold (a factRuEval .coref file)");
  }
  std::vector<ChainMention> out;
  for (const GoldName& n : gold.names) out.push_back(ChainMention{n.span, n.chain});
  return out;
}

std::vector<ChainMention> PredictedChainMentions(const Document& doc) {
  std::vector<ChainMention> out;
  uint32_t alone = static_cast<uint32_t>(doc.objects.size());  // chains of names without object
  for (const GoldName& n : PredictedNames(doc))
    out.push_back(ChainMention{n.span, n.chain == kNoChain ? alone++ : n.chain});
  return out;
}

Status ScoreLinking(const EntityGoldDocument& gold, const Document& doc, LinkScores* scores) {
  if (Status s = CheckText(gold, doc); !s.ok()) return s;
  Result<std::vector<ChainMention>> g = GoldChainMentions(gold);
  if (!g.ok()) return g.status();
  const std::vector<ChainMention> p = PredictedChainMentions(doc);
  LinkScores s;
  s.documents = 1;
  s.gold_mentions = g->size();
  s.predicted_mentions = p.size();
  for (const auto& [chains, n] : SharedMentions(*g, p))
    s.matched_mentions += static_cast<size_t>(n);
  s.gold_chains = ChainSizes(*g).size();
  s.predicted_chains = ChainSizes(p).size();
  s.muc = MucScore(*g, p);
  s.b3 = B3Score(*g, p);
  scores->Add(s);
  return Status::Ok();
}

void RoleScores::Add(const RoleScores& o) {
  documents += o.documents;
  overlap.Add(o.overlap);
  exact.Add(o.exact);
}

Status ScoreRoles(const EntityGoldDocument& gold, const Document& doc, RoleScores* scores) {
  if (Status s = CheckText(gold, doc); !s.ok()) return s;
  if (!gold.has_roles) {
    return InvalidArgument(gold.path + ": no Occupation gold (a factRuEval .facts file)");
  }
  struct Predicted {
    const EntityObject* object;
    const Role* role;
  };
  std::vector<Predicted> predicted;
  for (const EntityObject& o : doc.objects)
    for (const Role& r : o.roles) predicted.push_back({&o, &r});
  auto person_matches = [&](const GoldRole& g, const EntityObject& o) {
    for (uint32_t m : o.mentions) {
      if (m >= doc.entities.size()) continue;
      for (const Span& w : g.who_spans)
        if (Overlap(doc.entities[m].span, w)) return true;
    }
    return false;
  };
  std::vector<std::vector<uint32_t>> overlap(gold.roles.size()), exact(gold.roles.size());
  for (size_t i = 0; i < gold.roles.size(); ++i) {
    const GoldRole& g = gold.roles[i];
    for (size_t j = 0; j < predicted.size(); ++j) {
      const Span& r = predicted[j].role->position_span;
      bool any = false, same = false;
      for (const Span& pos : g.positions) {
        any = any || Overlap(r, pos);
        same = same || r == pos;
      }
      if (!any || !person_matches(g, *predicted[j].object)) continue;
      overlap[i].push_back(static_cast<uint32_t>(j));
      if (same) exact[i].push_back(static_cast<uint32_t>(j));
    }
  }
  RoleScores s;
  s.documents = 1;
  s.overlap.gold = s.exact.gold = gold.roles.size();
  s.overlap.predicted = s.exact.predicted = predicted.size();
  s.overlap.correct = MaxMatching(gold.roles.size(), predicted.size(), overlap);
  s.exact.correct = MaxMatching(gold.roles.size(), predicted.size(), exact);
  scores->Add(s);
  return Status::Ok();
}

size_t UseGoldNames(const EntityGoldDocument& gold, Document* doc) {
  doc->entities.clear();
  doc->objects.clear();
  doc->layers &= ~(kLayerNormal | kLayerObjects | kLayerRoles);
  doc->layers |= kLayerEntities;
  size_t left_out = 0;
  const std::vector<Token>& tokens = doc->tokens;
  for (const GoldName& g : gold.names) {
    // The first token that ends after the name begins; then every token that begins before
    // it ends.
    auto first = std::lower_bound(tokens.begin(), tokens.end(), g.span.begin,
                                  [](const Token& t, uint32_t b) { return t.span.end <= b; });
    auto last = first;
    while (last != tokens.end() && last->span.begin < g.span.end) ++last;
    if (first == last) {
      ++left_out;
      continue;
    }
    Mention m;
    m.first_token = static_cast<uint32_t>(first - tokens.begin());
    m.end_token = static_cast<uint32_t>(last - tokens.begin());
    m.span = g.span;
    m.type = g.type;
    m.kind = MentionKind::kName;
    doc->entities.push_back(std::move(m));
  }
  return left_out;
}

}  // namespace svodka
