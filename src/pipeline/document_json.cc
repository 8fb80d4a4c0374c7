#include "svodka/document_json.h"

#include "base/json_writer.h"
#include "base/offsets.h"

namespace svodka {

void WriteDocumentJson(const Document& doc, const DocumentJsonOptions& options, std::string* out,
                       const std::function<void()>& piece_done) {
  const CodePointIndex cp(doc.text);
  JsonWriter w(out);
  auto element_done = [&] {
    if (piece_done && out->size() > kJsonPieceBytes) piece_done();
  };
  auto span = [&](const Span& s) { w.Pair(cp(s.begin), cp(s.end)); };
  auto text_field = [&](const char* key, const std::optional<Span>& s) {
    w.Key(key);
    if (!s) {
      w.Null();
      return;
    }
    w.BeginObject();
    w.Key("text");
    w.String(doc.Slice(*s));
    w.Key("span");
    span(*s);
    w.EndObject();
  };

  w.BeginObject();
  w.Key("id");
  w.String(doc.id);
  if (!doc.url.empty()) {
    w.Key("url");
    w.String(doc.url);
  }
  w.Key("text");
  w.String(doc.text);
  text_field("title", doc.title);
  text_field("lead", doc.lead);
  w.Key("dateline");
  if (doc.dateline) {
    const Dateline& d = *doc.dateline;
    w.BeginObject();
    auto opt = [&](const char* key, const std::string& v) {
      w.Key(key);
      if (v.empty()) w.Null(); else w.String(v);
    };
    opt("place", d.place);
    opt("date", d.date);
    opt("agency", d.agency);
    w.Key("span");
    span(d.span);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("published");
  if (doc.published) w.String(*doc.published); else w.Null();
  w.Key("paragraphs");
  w.BeginArray();
  for (const Span& p : doc.paragraphs) {
    span(p);
    element_done();
  }
  w.EndArray();
  w.Key("related");
  w.BeginArray();
  for (const Span& r : doc.related) {
    w.BeginObject();
    w.Key("text");
    w.String(doc.Slice(r));
    w.Key("span");
    span(r);
    w.EndObject();
  }
  w.EndArray();
  w.Key("sentences");
  w.BeginArray();
  for (const Span& s : doc.sentences) {
    span(s);
    element_done();
  }
  w.EndArray();
  if (options.tokens) {
    w.Key("tokens");
    w.BeginArray();
    for (const Token& t : doc.tokens) {
      w.BeginObject();
      w.Key("span");
      span(t.span);
      w.Key("text");
      w.String(doc.Slice(t.span));
      w.Key("kind");
      w.String(TokenKindName(t.kind));
      if (t.has_morphology()) {
        w.Key("lemma");
        w.String(doc.Lemma(t));
        w.Key("upos");
        w.String(doc.Upos(t));
        w.Key("feats");
        w.String(doc.Feats(t));
        w.Key("tag");
        w.String(doc.Tag(t));
      }
      w.EndObject();
      element_done();
    }
    w.EndArray();
  }
  if (!doc.metadata.empty()) {
    w.Key("metadata");
    w.BeginObject();
    for (const auto& [key, raw] : doc.metadata) {
      w.Key(key);
      w.Raw(raw);
    }
    w.EndObject();
  }
  w.EndObject();
}

}  // namespace svodka
