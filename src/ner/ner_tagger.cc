#include "ner/ner_tagger.h"

#include <limits>
#include <utility>

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
    MentionsFromLabels(doc, begin, s.labels, &doc.entities);
  });
  doc.layers |= kLayerEntities;
  return Status::Ok();
}

void RecordHistory(const Document& doc, uint32_t begin, const std::vector<int>& labels,
                   NerHistory* history) {
  for (size_t i = 0; i < labels.size(); ++i)
    history->Record(doc.tokens[begin + i],
                    labels[i] == 0 ? 0 : 1 + static_cast<int>(LabelType(labels[i])));
}

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
    Mention m;
    m.first_token = begin + static_cast<uint32_t>(i);
    m.end_token = begin + static_cast<uint32_t>(j) + 1;
    m.span = Span{doc.tokens[m.first_token].span.begin, doc.tokens[m.end_token - 1].span.end};
    m.type = LabelType(labels[i]);
    m.kind = MentionKind::kName;
    out->push_back(std::move(m));
    i = j;
  }
}

}  // namespace svodka
