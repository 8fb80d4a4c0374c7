#include "article/text_reader.h"

#include <vector>

#include "article/dateline.h"
#include "article/structure.h"

namespace svodka {

std::optional<int> YearFromName(std::string_view name, std::string_view month_day) {
  if (month_day.size() != 7 || month_day.substr(0, 2) != "--") return std::nullopt;
  auto digits = [&](size_t i, size_t n) {
    for (size_t k = i; k < i + n; ++k)
      if (name[k] < '0' || name[k] > '9') return false;
    return true;
  };
  for (size_t i = 0; i + 10 <= name.size(); ++i) {
    if (!digits(i, 4) || name[i + 4] != '-' || !digits(i + 5, 2) || name[i + 7] != '-' ||
        !digits(i + 8, 2))
      continue;
    if ((i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9') ||
        (i + 10 < name.size() && name[i + 10] >= '0' && name[i + 10] <= '9'))
      continue;
    if (name.substr(i + 4, 6) != month_day.substr(1)) continue;
    int y = std::stoi(std::string(name.substr(i, 4)));
    bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    if (y >= 1900 && y <= 2099 && (month_day != "--02-29" || leap)) return y;
  }
  return std::nullopt;
}

void StructurePlainText(std::string_view name, Document* doc) {
  std::string_view text = doc->text;
  std::vector<Span> units = SplitUnits(text, {0, static_cast<uint32_t>(text.size())});
  size_t dateline_unit = units.size();
  std::optional<Dateline> dateline;
  for (size_t i = 0; i < units.size() && i < 3; ++i) {
    dateline = ParseDateline(text, units[i], std::nullopt);
    if (dateline) {
      dateline_unit = i;
      break;
    }
  }
  size_t body_start = 0;
  if (dateline && dateline_unit > 0) {
    if (LooksLikeHeadline(text, units[0], 300, /*no_final_period=*/false)) {
      doc->title = units[0];
      body_start = 1;
      if (dateline_unit == 2) {
        doc->lead = units[1];
        body_start = 2;
      }
    }
  } else if (!dateline && units.size() >= 2 &&
             LooksLikeHeadline(text, units[0], 200, /*no_final_period=*/true)) {
    doc->title = units[0];
    body_start = 1;
  }
  std::vector<Span> body(units.begin() + static_cast<std::ptrdiff_t>(body_start), units.end());
  doc->related = TakeRelated(text, &body);
  doc->paragraphs = std::move(body);
  if (dateline) {
    if (dateline->date.size() == 7) {
      if (auto year = YearFromName(name, dateline->date))
        dateline->date = std::to_string(*year) + dateline->date.substr(1);
    }
    doc->dateline = std::move(dateline);
  }
}

}  // namespace svodka
