#include "ner/ner_tagger.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>

#include "base/embedded.h"
#include "morph/data_path.h"
#include "ner/word_clusters.h"

namespace svodka {

NerTagger::NerTagger(std::shared_ptr<const NerModel> model,
                     std::shared_ptr<const WordClusters> clusters)
    : model_(std::move(model)), clusters_(std::move(clusters)), features_(clusters_.get()) {}

Result<NerTagger> NerTagger::Load(const std::string& model_path, const std::string& clusters_path) {
  Result<NerModel> model = NerModel::Load(model_path);
  if (!model.ok()) return model.status();
  std::shared_ptr<const WordClusters> clusters;
  if (!clusters_path.empty()) {
    Result<WordClusters> c = WordClusters::Load(clusters_path);
    if (!c.ok()) return c.status();
    clusters = std::make_shared<const WordClusters>(std::move(c).value());
  }
  return NerTagger(std::make_shared<const NerModel>(std::move(model).value()), clusters);
}

Result<NerTagger> NerTagger::LoadDefault(const std::string& model_path) {
  std::string path = model_path;
  if (path.empty()) {
    Result<std::string> p = FindDataFile("models/ner.bin");
    if (!p.ok())
      return Status(p.status().code(), "no NER model (pass --ner-model): " + p.status().message());
    path = *p;
  }
  // The clusters beside the model are those it was trained with; a model trained without them
  // says so by its own file name (models/ner-noclusters.bin is never looked up).
  Result<std::string> clusters = FindDataFile("models/word-clusters.bin");
  if (!clusters.ok())
    return Status(clusters.status().code(),
                  "no word clusters for the NER model: " + clusters.status().message());
  return Load(path, *clusters);
}

void NerTagger::TagSentence(const Document& doc, uint32_t begin, uint32_t end,
                            TagScratch* s) const {
  const NerModel& m = *model_;
  s->rows.clear();
  features_.Extract(
      doc, begin, end, m.row_mask(), [&](std::string_view key) { return m.GazetteerTypes(key); },
      s->history, &s->features, &s->rows);
  const int n = static_cast<int>(end - begin);
  const int per = features_.per_token();
  // Emission scores: the int16 weights of every firing row summed per label, then scaled.
  s->emissions.assign(static_cast<size_t>(n) * kNerLabels, 0);
  for (int i = 0; i < n; ++i) {
    constexpr int kStride = NerModel::kRowStride;
    int32_t sum[kStride] = {};
    const uint32_t* rows = s->rows.data() + static_cast<size_t>(i) * per;
    // The rows are scattered over a table of megabytes: ask for the next token's rows while
    // this token's are summed, so that their cache misses overlap instead of queueing.
    if (i + 1 < n) {
      for (int k = 0; k < per; ++k) __builtin_prefetch(m.row(rows[per + k]));
    }
    for (int k = 0; k < per; ++k) {
      const int16_t* w = m.row(rows[k]);
      for (int l = 0; l < kStride; ++l) sum[l] += w[l];  // a fixed stride: vectorized
    }
    const TokenKind kind = doc.tokens[begin + i].kind;
    for (int l = 0; l < kNerLabels; ++l) {
      s->emissions[static_cast<size_t>(i) * kNerLabels + l] =
          NerLabelAllowedOn(l, kind) ? static_cast<float>(sum[l] * m.scale())
                                     : -std::numeric_limits<float>::infinity();
    }
  }
  NerViterbi(
      n, [&](int i, int l) { return s->emissions[static_cast<size_t>(i) * kNerLabels + l]; },
      [&](int p, int l) { return m.transition(p, l); }, [&](int l) { return m.start(l); },
      [&](int l) { return m.end(l); }, &s->decode, &s->labels);
}

namespace {

// data/rules/ner_head_types.tsv: head noun lemma -> type.
const std::unordered_map<std::string, EntityType>& HeadTypes() {
  static const auto* kTypes = [] {
    auto* m = new std::unordered_map<std::string, EntityType>();
    for (const TsvRow& row : EmbeddedTable("ner_head_types.tsv", {2, 2, 1})) {
      if (row[1] != "LOC" && row[1] != "ORG") {
        std::fprintf(stderr,
                     "svodka: embedded rule table data/rules/ner_head_types.tsv:%d: "
                     "type must be LOC or ORG\n",
                     row.line);
        std::abort();
      }
      m->emplace(std::string(row[0]), row[1] == "LOC" ? EntityType::kLoc : EntityType::kOrg);
    }
    return m;
  }();
  return *kTypes;
}

}  // namespace

void RetypeByHead(const Document& doc, std::vector<Mention>* mentions, size_t from) {
  const auto& types = HeadTypes();
  std::string lemma;
  for (size_t k = from; k < mentions->size(); ++k) {
    Mention& m = (*mentions)[k];
    if (m.type == EntityType::kPer || m.end_token - m.first_token < 2) continue;
    for (uint32_t t = m.first_token; t < m.end_token; ++t) {
      const Token& tok = doc.tokens[t];
      if (!tok.has_morphology()) break;
      const std::string_view upos = doc.Upos(tok);
      if (upos == "ADJ" || upos == "DET" || upos == "NUM" || upos == "PUNCT") continue;
      if (upos == "NOUN") {
        lemma.assign(doc.Lemma(tok));
        for (size_t at; (at = lemma.find("\xD1\x91")) != std::string::npos;)  // ё -> е
          lemma.replace(at, 2, "\xD0\xB5");
        auto it = types.find(lemma);
        if (it != types.end()) m.type = it->second;
      }
      break;  // only the first word that is not a modifier can be the head
    }
  }
}

Status NerTagger::Annotate(Document& doc, Scratch* scratch) const {
  TagScratch local;
  TagScratch& s = scratch ? scratch->For<TagScratch>(this) : local;
  doc.entities.clear();
  doc.objects.clear();
  doc.layers &= ~(kLayerEntities | kLayerNormal | kLayerObjects | kLayerRoles);
  s.history.Reset(doc);
  ForEachSentenceTokens(doc, [&](uint32_t begin, uint32_t end) {
    TagSentence(doc, begin, end, &s);
    RecordHistory(doc, begin, s.labels, &s.history);
    const size_t first = doc.entities.size();
    MentionsFromLabels(doc, begin, s.labels, &doc.entities);
    RetypeByHead(doc, &doc.entities, first);
  });
  doc.layers |= kLayerEntities;
  return Status::Ok();
}

void RecordHistory(const Document& doc, uint32_t begin, const std::vector<int>& labels,
                   NerHistory* history) {
  std::string lower;
  for (size_t i = 0; i < labels.size(); ++i) {
    const int type = labels[i] == 0 ? 0 : 1 + static_cast<int>(LabelType(labels[i]));
    history->Record(doc.tokens[begin + i], type);
    history->RecordStem(NerStemKey(doc, doc.tokens[begin + i], &lower), type);
  }
}

namespace {

// 1: an opening quotation mark (« „ “), 2: a closing one (» ”), 3: the straight " (either).
int QuoteKind(std::string_view s) {
  if (s == "\"") return 3;
  if (s == "\xC2\xAB" || s == "\xE2\x80\x9E" || s == "\xE2\x80\x9C") return 1;  // « „ “
  if (s == "\xC2\xBB" || s == "\xE2\x80\x9D") return 2;                         // » ”
  return 0;
}

// A name never holds half of a pair of quotation marks: the tagger may stop a name inside
// its quotes ("ОАО «Газпром" + "»") or start it at a quote whose partner it leaves out. Tokens
// [*i, *j] of the sentence [0, n) are widened by the partner right outside the name, or else
// lose the unpaired mark at their edge. The name stays non-empty.
void BalanceQuotes(const Document& doc, uint32_t begin, int n, int* i, int* j) {
  auto kind = [&](int k) { return QuoteKind(doc.Slice(doc.tokens[begin + k].span)); };
  for (int round = 0; round < 2; ++round) {
    int open = 0, unmatched_close = 0, straight = 0;
    for (int k = *i; k <= *j; ++k) {
      const int q = kind(k);
      if (q == 1) {
        ++open;
      } else if (q == 2) {
        if (open > 0) {
          --open;
        } else {
          ++unmatched_close;
        }
      } else if (q == 3) {
        ++straight;
      }
    }
    const bool odd_straight = straight % 2 == 1;
    if (open == 0 && unmatched_close == 0 && !odd_straight) return;
    if (open > 0 || odd_straight) {
      if (*j + 1 < n && (kind(*j + 1) & 2)) {
        ++*j;
        continue;
      }
      if (*i < *j && (kind(*i) & 1)) {
        ++*i;
        continue;
      }
    }
    if (unmatched_close > 0 || odd_straight) {
      if (*i > 0 && (kind(*i - 1) & 1)) {
        --*i;
        continue;
      }
      if (*i < *j && (kind(*j) & 2)) {
        --*j;
        continue;
      }
    }
    return;
  }
}

}  // namespace

void MentionsFromLabels(const Document& doc, uint32_t begin, const std::vector<int>& labels,
                        std::vector<Mention>* out) {
  const int n = static_cast<int>(labels.size());
  for (int i = 0; i < n; ++i) {
    const Bilou p = LabelPosition(labels[i]);
    if (p != Bilou::kB && p != Bilou::kU) continue;
    int j = i;
    if (p == Bilou::kB) {
      while (j + 1 < n && LabelPosition(labels[j + 1]) == Bilou::kI) ++j;
      if (j + 1 < n && LabelPosition(labels[j + 1]) == Bilou::kL) ++j;
    }
    const int last = j;  // the labels' own end: the next name starts after it
    int first = i;
    BalanceQuotes(doc, begin, n, &first, &j);
    Mention m;
    m.first_token = begin + static_cast<uint32_t>(first);
    m.end_token = begin + static_cast<uint32_t>(j) + 1;
    m.span = Span{doc.tokens[m.first_token].span.begin, doc.tokens[m.end_token - 1].span.end};
    m.type = LabelType(labels[i]);
    m.kind = MentionKind::kName;
    out->push_back(std::move(m));
    i = std::max(j, last);
  }
}

}  // namespace svodka
