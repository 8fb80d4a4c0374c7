#include "cli/summary.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "base/utf8.h"

namespace svodka::cli {
namespace {

// A C0 or C1 control character or DEL: printed raw, ESC and friends would drive the terminal.
bool IsControl(std::string_view s, size_t i, size_t len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (len == 1) return c < 0x20 || c == 0x7F;
  return len == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;  // U+0080-U+009F
}

// At most max_cp code points of s, with "…" when cut; control characters (line breaks
// included) shown as spaces.
std::string Clip(std::string_view s, size_t max_cp) {
  std::string out;
  size_t cps = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    len = std::min(len, s.size() - i);
    if (cps == max_cp) {
      out += "…";
      break;
    }
    if (IsControl(s, i, len))
      out.push_back(' ');
    else
      out.append(s.substr(i, len));
    i += len;
    ++cps;
  }
  return out;
}

std::string Printable(std::string_view s) { return Clip(s, SIZE_MAX); }

}  // namespace

void WriteSummary(const Document& doc, const std::string& source, std::string* out) {
  std::string& o = *out;
  o += "━━ " + Printable(doc.id) + "  (" + Printable(source) + ")\n";
  auto line = [&](const char* label, std::string_view value) {
    o += "  ";
    o += label;
    o += value;
    o += '\n';
  };
  if (doc.title) line("title     ", Clip(doc.Slice(*doc.title), 110));
  if (doc.lead) line("lead      ", Clip(doc.Slice(*doc.lead), 110));
  if (doc.dateline) {
    const Dateline& d = *doc.dateline;
    line("dateline  ", (d.place.empty() ? "?" : Printable(d.place)) + " · " +
                           (d.date.empty() ? "?" : Printable(d.date)) + " · " +
                           (d.agency.empty() ? "?" : Printable(d.agency)));
  }
  if (doc.published) line("published ", Printable(*doc.published));
  size_t words = 0;
  for (const Token& t : doc.tokens) words += t.kind == TokenKind::kWord;
  line("body      ", std::to_string(doc.paragraphs.size()) + " paragraphs, " +
                         std::to_string(doc.sentences.size()) + " sentences, " +
                         std::to_string(doc.tokens.size()) + " tokens (" + std::to_string(words) +
                         " words)");
  for (const Span& r : doc.related) line("related   ", "- " + Clip(doc.Slice(r), 100));
  o += "  sentences\n";
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    o += "    " + std::to_string(i + 1) + ". " + Clip(doc.Slice(doc.sentences[i]), 100) + "\n";
  }
  // Morphology of the first sentence, when the tokens carry it.
  if (!doc.sentences.empty() && !doc.tokens.empty() && doc.tokens[0].has_morphology()) {
    o += "  morphology of sentence 1\n";
    const Span& s = doc.sentences[0];
    for (const Token& t : doc.tokens) {
      if (t.span.begin < s.begin) continue;
      if (t.span.end > s.end) break;
      std::string row = "    " + Printable(doc.Slice(t.span));
      size_t cps = CountCodePoints(doc.Slice(t.span));
      row.append(cps < 16 ? 16 - cps : 1, ' ');
      row += Printable(doc.Lemma(t));
      size_t lcps = CountCodePoints(doc.Lemma(t));
      row.append(lcps < 16 ? 16 - lcps : 1, ' ');
      row += doc.Upos(t);
      row += "  ";
      row += doc.Feats(t);
      row += "\n";
      o += row;
    }
  }
  // Objects with their mentions (when linked), else the names found.
  if (doc.layers & kLayerObjects) {
    o += "  objects\n";
    for (size_t i = 0; i < doc.objects.size(); ++i) {
      const EntityObject& obj = doc.objects[i];
      std::string row =
          "    " + std::string(EntityTypeName(obj.type)) + " " + Printable(obj.name) + ":";
      for (size_t k = 0; k < obj.mentions.size(); ++k) {
        row += k == 0 ? " " : ", ";
        row += Clip(doc.Slice(doc.entities[obj.mentions[k]].span), 60);
      }
      for (const Role& r : obj.roles) row += " [" + Clip(doc.Slice(r.span), 60) + "]";
      o += Clip(row, 240) + "\n";
    }
  } else if (doc.layers & kLayerEntities) {
    o += "  entities\n";
    for (const Mention& m : doc.entities) {
      o += "    " + std::string(EntityTypeName(m.type)) + " " + Clip(doc.Slice(m.span), 80);
      if (!m.normal.empty() && m.normal != doc.Slice(m.span)) o += " → " + Printable(m.normal);
      o += "\n";
    }
  }
  for (const std::string& w : doc.warnings) o += "  warning   " + Printable(w) + "\n";
  o += '\n';
}

}  // namespace svodka::cli
