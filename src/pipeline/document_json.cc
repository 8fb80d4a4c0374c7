// The JSON contract of `svodka analyze` (docs/format.md): one writer per section, in the order
// of the output. A new stage adds its section here.
#include "svodka/document_json.h"

#include "base/json_writer.h"
#include "base/offsets.h"

namespace svodka {
namespace {

class DocumentWriter {
 public:
  DocumentWriter(const Document& doc, std::string* out, const std::function<void()>& piece_done)
      : doc_(doc), cp_(doc.text), out_(out), w_(out), piece_done_(piece_done) {}

  void Write(const DocumentJsonOptions& options) {
    w_.BeginObject();
    w_.Key("id");
    w_.String(doc_.id);
    if (!doc_.url.empty()) {
      w_.Key("url");
      w_.String(doc_.url);
    }
    w_.Key("text");
    w_.String(doc_.text);
    TextField("title", doc_.title);
    TextField("lead", doc_.lead);
    Dateline();
    w_.Key("published");
    if (doc_.published) {
      w_.String(*doc_.published);
    } else {
      w_.Null();
    }
    Spans("paragraphs", doc_.paragraphs);
    Related();
    Spans("sentences", doc_.sentences);
    if (options.tokens) Tokens();
    if (doc_.layers & kLayerEntities) Entities();
    if (doc_.layers & kLayerObjects) Objects();
    if (doc_.layers & kLayerQuotes) Quotes();
    if (doc_.layers & kLayerDates) Dates();
    if (doc_.layers & kLayerEvents) Events();
    Metadata();
    w_.EndObject();
  }

 private:
  // After each element of a long array: lets the caller write the output away.
  void ElementDone() {
    if (piece_done_ && out_->size() > kJsonPieceBytes) piece_done_();
  }

  void SpanValue(const Span& s) { w_.Pair(cp_(s.begin), cp_(s.end)); }

  // {"text": ..., "span": [b, e]} or null.
  void TextField(const char* key, const std::optional<Span>& s) {
    w_.Key(key);
    if (!s) {
      w_.Null();
      return;
    }
    w_.BeginObject();
    w_.Key("text");
    w_.String(doc_.Slice(*s));
    w_.Key("span");
    SpanValue(*s);
    w_.EndObject();
  }

  void OptionalString(const char* key, const std::string& v) {
    w_.Key(key);
    if (v.empty()) {
      w_.Null();
    } else {
      w_.String(v);
    }
  }

  void Dateline() {
    w_.Key("dateline");
    if (!doc_.dateline) {
      w_.Null();
      return;
    }
    const svodka::Dateline& d = *doc_.dateline;
    w_.BeginObject();
    OptionalString("place", d.place);
    OptionalString("date", d.date);
    OptionalString("agency", d.agency);
    w_.Key("span");
    SpanValue(d.span);
    w_.EndObject();
  }

  void Spans(const char* key, const std::vector<Span>& spans) {
    w_.Key(key);
    w_.BeginArray();
    for (const Span& s : spans) {
      SpanValue(s);
      ElementDone();
    }
    w_.EndArray();
  }

  void Related() {
    w_.Key("related");
    w_.BeginArray();
    for (const Span& r : doc_.related) {
      w_.BeginObject();
      w_.Key("text");
      w_.String(doc_.Slice(r));
      w_.Key("span");
      SpanValue(r);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Tokens() {
    w_.Key("tokens");
    w_.BeginArray();
    for (const Token& t : doc_.tokens) {
      w_.BeginObject();
      w_.Key("span");
      SpanValue(t.span);
      w_.Key("text");
      w_.String(doc_.Slice(t.span));
      w_.Key("kind");
      w_.String(TokenKindName(t.kind));
      if (t.has_morphology()) {
        w_.Key("lemma");
        w_.String(doc_.Lemma(t));
        w_.Key("upos");
        w_.String(doc_.Upos(t));
        w_.Key("feats");
        w_.String(doc_.Feats(t));
        w_.Key("tag");
        w_.String(doc_.Tag(t));
      }
      w_.EndObject();
      ElementDone();
    }
    w_.EndArray();
  }

  // "T1", "T2", ...: an entity's id; "P1", "O2", "L3": an object's, its type's letter and its
  // place among all objects.
  static std::string EntityId(uint32_t i) { return "T" + std::to_string(i + 1); }
  std::string ObjectId(uint32_t i) const {
    const char letter = "POL"[static_cast<int>(doc_.objects[i].type)];
    return letter + std::to_string(i + 1);
  }
  void ObjectRef(uint32_t i) {
    if (i == kNoObject || i >= doc_.objects.size()) {
      w_.Null();
    } else {
      w_.String(ObjectId(i));
    }
  }

  void Entities() {
    w_.Key("entities");
    w_.BeginArray();
    for (uint32_t i = 0; i < doc_.entities.size(); ++i) {
      const Mention& m = doc_.entities[i];
      w_.BeginObject();
      w_.Key("id");
      w_.String(EntityId(i));
      w_.Key("type");
      w_.String(EntityTypeName(m.type));
      w_.Key("kind");
      w_.String(MentionKindName(m.kind));
      w_.Key("span");
      SpanValue(m.span);
      w_.Key("text");
      w_.String(doc_.Slice(m.span));
      if (doc_.layers & kLayerNormal) {
        w_.Key("normal");
        if (m.normal.empty()) {
          w_.Null();
        } else {
          w_.String(m.normal);
        }
      }
      if (doc_.layers & kLayerObjects) {
        w_.Key("ref");
        ObjectRef(m.object);
      }
      w_.EndObject();
      ElementDone();
    }
    w_.EndArray();
  }

  void Objects() {
    w_.Key("objects");
    w_.BeginArray();
    for (uint32_t i = 0; i < doc_.objects.size(); ++i) {
      const EntityObject& o = doc_.objects[i];
      w_.BeginObject();
      w_.Key("id");
      w_.String(ObjectId(i));
      w_.Key("type");
      w_.String(EntityTypeName(o.type));
      w_.Key("name");
      w_.String(o.name);
      w_.Key("mentions");
      w_.BeginArray();
      for (uint32_t m : o.mentions) w_.String(EntityId(m));
      w_.EndArray();
      if (doc_.layers & kLayerRoles) {
        w_.Key("roles");
        w_.BeginArray();
        for (const Role& r : o.roles) {
          w_.BeginObject();
          w_.Key("text");
          w_.String(doc_.Slice(r.span));
          w_.Key("span");
          SpanValue(r.span);
          w_.Key("position");
          w_.String(r.position);
          w_.Key("org");
          ObjectRef(r.org);
          w_.Key("place");
          ObjectRef(r.place);
          w_.EndObject();
        }
        w_.EndArray();
      }
      w_.EndObject();
      ElementDone();
    }
    w_.EndArray();
  }

  // {"text": ..., "span": [b, e]} for a span that is there, null otherwise.
  void SpanText(const std::optional<Span>& s) {
    if (!s) {
      w_.Null();
      return;
    }
    w_.BeginObject();
    w_.Key("text");
    w_.String(doc_.Slice(*s));
    w_.Key("span");
    SpanValue(*s);
    w_.EndObject();
  }

  void Quotes() {
    w_.Key("quotes");
    w_.BeginArray();
    for (const Quote& q : doc_.quotes) {
      w_.BeginObject();
      w_.Key("type");
      w_.String(QuoteTypeName(q.type));
      w_.Key("span");
      SpanValue(q.span);
      w_.Key("content");
      SpanText(q.content);
      w_.Key("speaker");
      if (!q.speaker) {
        w_.Null();
      } else {
        w_.BeginObject();
        w_.Key("ref");
        ObjectRef(q.speaker->object);
        w_.Key("name");
        w_.String(q.speaker->name);
        w_.Key("mention");
        SpanText(q.speaker->mention);
        w_.EndObject();
      }
      w_.Key("cue");
      SpanText(q.cue);
      if (q.negated) {
        w_.Key("negated");
        w_.Bool(true);
      }
      w_.EndObject();
      ElementDone();
    }
    w_.EndArray();
  }

  void Dates() {
    w_.Key("dates");
    w_.BeginArray();
    for (const DateMention& d : doc_.dates) {
      w_.BeginObject();
      w_.Key("text");
      w_.String(doc_.Slice(d.span));
      w_.Key("span");
      SpanValue(d.span);
      w_.Key("value");
      if (d.value.empty()) {
        w_.Null();
      } else {
        w_.String(d.value);
      }
      w_.EndObject();
      ElementDone();
    }
    w_.EndArray();
  }

  void Events() {
    w_.Key("events");
    w_.BeginArray();
    for (const Event& e : doc_.events) {
      w_.BeginObject();
      w_.Key("type");
      w_.String(e.type);
      w_.Key("trigger");
      SpanText(e.trigger);
      w_.Key("participants");
      w_.BeginArray();
      for (uint32_t p : e.participants) ObjectRef(p);
      w_.EndArray();
      w_.Key("place");
      ObjectRef(e.place);
      w_.Key("date");
      if (e.date.empty()) {
        w_.Null();
      } else {
        w_.String(e.date);
      }
      w_.Key("sentence");
      SpanValue(e.sentence);
      w_.EndObject();
      ElementDone();
    }
    w_.EndArray();
  }

  void Metadata() {
    if (doc_.metadata.empty()) return;
    w_.Key("metadata");
    w_.BeginObject();
    for (const auto& [key, raw] : doc_.metadata) {
      w_.Key(key);
      w_.Raw(raw);
    }
    w_.EndObject();
  }

  const Document& doc_;
  const CodePointIndex cp_;
  std::string* out_;
  JsonWriter w_;
  const std::function<void()>& piece_done_;
};

}  // namespace

void WriteDocumentJson(const Document& doc, const DocumentJsonOptions& options, std::string* out,
                       const std::function<void()>& piece_done) {
  DocumentWriter(doc, out, piece_done).Write(options);
}

}  // namespace svodka
