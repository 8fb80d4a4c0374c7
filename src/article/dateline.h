// Datelines: the place/date/agency opening of a wire story's first paragraph.
//
//   ТОКИО, 20 марта. /ТАСС/.             МОСКВА, 4 авг - РИА Новости.
//   ВАШИНГТОН, 5 мая. /Корр. ТАСС Иван Иванов/.   МОСКВА, 12 января — Интерфакс.
//   MOSCOW, March 20 (Reuters) -        LONDON (Reuters) -        (Reuters) -
//
// Grammar (spaces may be U+00A0; dashes are "-", "--", "–", "—"):
//   dateline := PLACE "," DATE tail | PLACE "(" AGENCY ")" DASH | "(" AGENCY ")" DASH
//             | PLACE DASH KNOWN_AGENCY ["."]
//   PLACE    := 1-6 upper-case words (letters, inner "-", "'" or a final "."), >= 2 letters
//   DATE     := DAY MONTH [YEAR ["г." | "года"]] | MONTH DAY ["," YEAR]
//   tail     := ["."] "/" SLASHED "/" ["."]        agency: a known agency inside, else SLASHED
//             | DASH [KNOWN_AGENCY ["."]]  |  "(" AGENCY ")" DASH  |  "."  (no agency)
// Month names and agencies are data (data/rules/months.tsv, agencies.tsv). An upper-case PLACE
// is required, so "Москва, 20 марта ..." and "МОСКВА — столица ..." are not datelines.
#ifndef SVODKA_ARTICLE_DATELINE_H_
#define SVODKA_ARTICLE_DATELINE_H_

#include <optional>
#include <string>
#include <string_view>

#include "svodka/document.h"

namespace svodka {

// Finds a dateline at the start of `paragraph` (a span of `text`; leading whitespace is
// skipped). The result's span covers the dateline including its trailing punctuation
// (". /ТАСС/.", " -") but not the space after it. date is "YYYY-MM-DD" when the year is
// written in the dateline or `year_hint` is given (e.g. from the publication date), else
// "--MM-DD"; "" when the dateline has no date. With `month_hint` (the publication month),
// a dateline month more than six months after it belongs to the year before (a story
// published on 1 January with the dateline "31 декабря"). place is normalized to title case
// ("НЬЮ-ЙОРК" -> "Нью-Йорк", "РОСТОВ-НА-ДОНУ" -> "Ростов-на-Дону"); agency is canonical
// ("ИТАР-ТАСС" -> "ТАСС"). O(paragraph length); thread-safe.
std::optional<Dateline> ParseDateline(std::string_view text, Span paragraph,
                                      std::optional<int> year_hint,
                                      std::optional<int> month_hint = std::nullopt);

// "НИЖНИЙ НОВГОРОД" -> "Нижний Новгород": each word title-cased except particles listed in
// data/rules/place_particles.tsv when not first.
std::string NormalizePlaceCase(std::string_view place);

}  // namespace svodka

#endif  // SVODKA_ARTICLE_DATELINE_H_
