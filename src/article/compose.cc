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
  // The parts come from parsers that already produce valid UTF-8; repairing each part before
  // it is appended keeps the invariant even if one does not, with exact part boundaries. The
  // warning gives the offset in the composed text (the offset in the source is the parser's).
  Utf8Repair total;
  auto append = [&](std::string_view part) {
    std::string repaired(part);
    Utf8Repair r = RepairUtf8(&repaired);
    if (r.replaced > 0) {
      if (total.replaced == 0) total.first_bad_offset = text.size() + r.first_bad_offset;
      total.replaced += r.replaced;
    }
    text.append(repaired);
  };
  auto trimmed = [](std::string_view s) {
    Span t = TrimSpan(s, {0, static_cast<uint32_t>(s.size())});
    return s.substr(t.begin, t.size());
  };
  title = trimmed(title);
  lead = trimmed(lead);
  Span title_span, lead_span;
  if (!title.empty()) {
    title_span.begin = 0;
    append(title);
    title_span.end = static_cast<uint32_t>(text.size());
  }
  if (!lead.empty()) {
    if (!text.empty()) text += "\n\n";
    lead_span.begin = static_cast<uint32_t>(text.size());
    append(lead);
    lead_span.end = static_cast<uint32_t>(text.size());
  }
  Span body_region;
  if (!trimmed(body).empty()) {
    if (!text.empty()) text += "\n\n";
    body_region.begin = static_cast<uint32_t>(text.size());
    append(body);
    body_region.end = static_cast<uint32_t>(text.size());
  }
  if (total.replaced > 0) {
    std::string warning = std::string(name) + ": byte " + std::to_string(total.first_bad_offset) +
                          ": invalid UTF-8 replaced with U+FFFD";
    if (total.replaced > 1) warning += " (" + std::to_string(total.replaced) + " sequences)";
    doc->warnings.push_back(std::move(warning));
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
