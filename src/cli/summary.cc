#include "cli/summary.h"

#include <string_view>

#include "base/utf8.h"

namespace svodka::cli {
namespace {

// At most max_cp code points of s, with "…" when cut; line breaks shown as spaces.
std::string Clip(std::string_view s, size_t max_cp) {
  std::string out;
  size_t cps = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (cps == max_cp) {
      out += "…";
      break;
    }
    if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') out.push_back(' ');
    else out.append(s.substr(i, len));
    i += len;
    ++cps;
  }
  return out;
}

}  // namespace

void WriteSummary(const Document& doc, const std::string& source, std::string* out) {
  std::string& o = *out;
  o += "━━ " + doc.id + "  (" + source + ")\n";
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
    line("dateline  ", (d.place.empty() ? "?" : d.place) + " · " +
                           (d.date.empty() ? "?" : d.date) + " · " +
                           (d.agency.empty() ? "?" : d.agency));
  }
  if (doc.published) line("published ", *doc.published);
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
  if (!doc.sentences.empty() && !doc.tokens.empty() && !doc.tokens[0].upos.empty()) {
    o += "  morphology of sentence 1\n";
    const Span& s = doc.sentences[0];
    for (const Token& t : doc.tokens) {
      if (t.span.begin < s.begin) continue;
      if (t.span.end > s.end) break;
      std::string row = "    " + std::string(doc.Slice(t.span));
      size_t cps = CountCodePoints(doc.Slice(t.span));
      row.append(cps < 16 ? 16 - cps : 1, ' ');
      row += t.lemma;
      size_t lcps = CountCodePoints(t.lemma);
      row.append(lcps < 16 ? 16 - lcps : 1, ' ');
      row += t.upos + "  " + t.feats + "\n";
      o += row;
    }
  }
  for (const std::string& w : doc.warnings) o += "  warning   " + w + "\n";
  o += '\n';
}

}  // namespace svodka::cli
