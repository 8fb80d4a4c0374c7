#include "article/compose.h"

#include <string>

#include "article/dateline.h"
#include "article/structure.h"
#include "article/text_util.h"
#include "base/utf8.h"

namespace svodka {

void ComposeDocument(std::string_view name, std::string_view title, std::string_view lead,
                     std::string_view body, Document* doc) {
  std::string& text = doc->text;
  text.clear();
  auto trimmed = [](std::string_view s) {
    Span t = TrimSpan(s, {0, static_cast<uint32_t>(s.size())});
    return s.substr(t.begin, t.size());
  };
  title = trimmed(title);
  lead = trimmed(lead);
  Span title_span, lead_span;
  if (!title.empty()) {
    title_span.begin = 0;
    text.append(title);
    title_span.end = static_cast<uint32_t>(text.size());
  }
  if (!lead.empty()) {
    if (!text.empty()) text += "\n\n";
    lead_span.begin = static_cast<uint32_t>(text.size());
    text.append(lead);
    lead_span.end = static_cast<uint32_t>(text.size());
  }
  Span body_region;
  if (!trimmed(body).empty()) {
    if (!text.empty()) text += "\n\n";
    body_region.begin = static_cast<uint32_t>(text.size());
    text.append(body);
    body_region.end = static_cast<uint32_t>(text.size());
  }
  // The parts come from parsers that already produce valid UTF-8; repairing here keeps the
  // invariant even if one does not (a replacement may shift later spans, so re-derive them).
  Utf8Repair repair = RepairUtf8(&text);
  if (repair.replaced > 0) {
    doc->warnings.push_back(std::string(name) + ": byte " +
                            std::to_string(repair.first_bad_offset) +
                            ": invalid UTF-8 replaced with U+FFFD");
    // Rare path: give up exact part boundaries and treat everything as body.
    title_span = lead_span = {};
    body_region = {0, static_cast<uint32_t>(text.size())};
  }
  doc->title.reset();
  doc->lead.reset();
  if (!title_span.empty()) doc->title = title_span;
  if (!lead_span.empty()) doc->lead = lead_span;
  std::vector<Span> units = SplitUnits(text, body_region);
  doc->related = TakeRelated(text, &units);
  doc->paragraphs = std::move(units);
  doc->dateline.reset();
  if (!doc->paragraphs.empty()) {
    std::optional<int> year = doc->published ? YearOf(*doc->published) : std::nullopt;
    std::optional<int> month = doc->published ? MonthOf(*doc->published) : std::nullopt;
    doc->dateline = ParseDateline(text, doc->paragraphs.front(), year, month);
  }
}

}  // namespace svodka
