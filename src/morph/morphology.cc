#include "morph/morphology.h"

#include <algorithm>

#include "morph/data_path.h"

namespace svodka {

Morphology::Morphology(std::shared_ptr<const Analyzer> analyzer,
                       std::shared_ptr<const TaggerModel> model)
    : analyzer_(std::move(analyzer)),
      model_(std::move(model)),
      maker_(analyzer_.get()),
      tagger_(model_.get()) {}

Result<Morphology> Morphology::Load(const std::string& dict_path, const std::string& model_path) {
  Result<Analyzer> analyzer = Analyzer::Load(dict_path);
  if (!analyzer.ok()) return analyzer.status();
  Result<TaggerModel> model = TaggerModel::Load(model_path);
  if (!model.ok()) return model.status();
  return Morphology(std::make_shared<const Analyzer>(std::move(*analyzer)),
                    std::make_shared<const TaggerModel>(std::move(*model)));
}

Result<Morphology> Morphology::LoadDefault(const std::string& dict_path,
                                           const std::string& model_path) {
  std::string dict = dict_path, model = model_path;
  if (dict.empty()) {
    Result<std::string> p = FindDataFile("ru.dict");
    if (!p.ok())
      return Status(p.status().code(), "no dictionary (pass --dict): " + p.status().message());
    dict = *p;
  }
  if (model.empty()) {
    Result<std::string> p = FindDataFile("models/morph-tagger.bin");
    if (!p.ok())
      return Status(p.status().code(), "no tagger model (pass --model): " + p.status().message());
    model = *p;
  }
  return Load(dict, model);
}

void Morphology::TagSentence(std::span<const std::string_view> forms, SentenceCandidates* s) const {
  maker_.Build(forms, s);
  tagger_.Tag(s->tokens, &s->tagger, s->choice);
}

namespace {

// What Annotate reuses between calls: candidates and annotations of one sentence.
struct MorphScratch {
  SentenceCandidates candidates;
  std::vector<std::string_view> forms;
  std::vector<MorphAnalysis> analyses;
};

}  // namespace

Status Morphology::Annotate(Document& doc, Scratch* scratch_memory) const {
  const std::string_view text = doc.text;
  std::vector<Token>& tokens = doc.tokens;
  const std::vector<Span>& sentences = doc.sentences;
  MorphScratch local;
  MorphScratch& mine = scratch_memory ? scratch_memory->For<MorphScratch>(this) : local;
  SentenceCandidates& scratch = mine.candidates;
  std::vector<std::string_view>& forms = mine.forms;
  std::vector<MorphAnalysis>& analyses = mine.analyses;
  size_t t = 0, s = 0;
  while (t < tokens.size()) {
    // The sentence of token t: the first sentence that ends after its begin.
    while (s < sentences.size() && sentences[s].end <= tokens[t].span.begin) ++s;
    size_t end = t + 1;
    const size_t last = std::min(tokens.size(), t + kMaxTaggedTokens);
    if (s < sentences.size() && sentences[s].begin <= tokens[t].span.begin) {
      while (end < last && tokens[end].span.begin < sentences[s].end) ++end;
    } else {
      uint32_t limit = s < sentences.size() ? sentences[s].begin : UINT32_MAX;
      while (end < last && tokens[end].span.begin < limit) ++end;
    }
    forms.clear();
    for (size_t k = t; k < end; ++k)
      forms.push_back(text.substr(tokens[k].span.begin, tokens[k].span.size()));
    TagSentence(forms, &scratch);
    DescribeSentence(scratch, &analyses);
    for (size_t k = t; k < end; ++k) {
      const MorphAnalysis& a = analyses[k - t];
      Token& tok = tokens[k];
      tok.lemma = doc.strings.Intern(a.lemma);
      tok.upos = doc.strings.Intern(a.upos);
      tok.feats = doc.strings.Intern(a.feats);
      tok.tag = doc.strings.Intern(a.tag);
    }
    t = end;
  }
  return Status::Ok();
}

}  // namespace svodka
