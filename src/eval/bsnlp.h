// The BSNLP shared task's Russian data (2017 topics "ec", "trump"; 2019 "asia_bibi") and the
// score of base forms (`svodka eval normal`, docs/evaluation.md, "Base forms").
//
// DATA. A topic folder holds raw/ru/*.txt and annotated/ru/*.out (or *.txt). A raw file is
// four header lines — document id, language, date (may be empty), URL — then the text (title
// line, body). An annotated file starts with the same id line, then one line per distinct
// mention form of the document: "form<TAB>base form<TAB>type<TAB>cross-document id", types
// PER, LOC, ORG, PRO, EVT, MISC. The two files of a document are paired by their id line
// (file names differ between the topics). Annotations carry no offsets; the 2017 topics are
// lower-cased. Fields are trimmed (some gold fields end with a space), CRLF reads as LF.
//
// LOCATING A MENTION. A gold line is scored once, at the first occurrence of its form in the
// text that lies on token boundaries: the text and the form are compared with case folded,
// "ё" = "е", every quotation mark the same, and any run of white space matching any other;
// the occurrence must not be preceded or followed by a letter or digit. When the topic's gold
// is cased (any base form has a capital letter), an occurrence with the exact letters is
// preferred. A form with no such occurrence is "not found" and not scored. The found gold
// line becomes a Mention of kind kName over its tokens, with the type PER, LOC or ORG (PRO,
// EVT and MISC are scored as ORG: a product, event or treaty name is a phrase with a head
// and its dependents, as an organization's is).
//
// SCORE. Accuracy of Mention::normal against the gold base form over the found mentions:
// exact (byte equality; only for topics whose gold is cased) and case-insensitive (letters
// lower-cased, "ё" = "е"), per topic, per gold type and overall.
#ifndef SVODKA_EVAL_BSNLP_H_
#define SVODKA_EVAL_BSNLP_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/segment_eval.h"  // GoldFileCheck
#include "svodka/document.h"
#include "svodka/status.h"

namespace svodka {

struct BsnlpMention {
  std::string form;  // as annotated (trimmed)
  std::string base;  // the gold base form (trimmed, inner white space runs as one space)
  std::string type;  // PER, LOC, ORG, PRO, EVT, MISC
  std::string id;    // cross-document entity id
  int line = 0;      // in the annotated file
};

struct BsnlpDocument {
  std::string topic;  // the topic folder's name
  std::string id;     // the first line of both files
  std::string raw_path, gold_path;
  std::string text;         // the raw file after its header, CRLF as LF, valid UTF-8
  std::vector<Span> lines;  // its non-blank lines (title, paragraphs), bytes of text
  bool cased = false;       // the topic's gold has capital letters
  std::vector<BsnlpMention> mentions;
};

// Reads a BSNLP folder: a topic (it has raw/ and annotated/, each with a ru/ subfolder or
// the files directly) or a folder of topics (every subfolder that is one, sorted by name).
// Errors name the file (and line): a file `check` refuses, a raw file with fewer than five
// lines, an annotation line without four fields, an annotated document whose id has no raw
// file, two files with one id, a path with no topic at all. Raw files without an annotation
// are left out.
Result<std::vector<BsnlpDocument>> ReadBsnlp(const std::string& dir,
                                             const GoldFileCheck& check = nullptr);

// Folding used to find mentions: lower case, "ё" -> "е", quotation marks -> '"', white space
// runs -> one space. Returns the folded text; (*origin)[k] is the byte of `text` where folded
// byte k comes from (origin has folded.size() + 1 entries, the last = text.size()).
std::string FoldForSearch(std::string_view text, std::vector<uint32_t>* origin);

// Calls `each` with every occurrence of `form` in `text` at word boundaries (see LOCATING
// above), in text order — the exact-letter ones first when `prefer_exact` — until it returns
// true.
void ForEachOccurrence(std::string_view text, std::string_view folded_text,
                       const std::vector<uint32_t>& origin, std::string_view form,
                       bool prefer_exact, const std::function<bool(Span)>& each);

// Letters lower-cased (Cyrillic, Latin) and "ё" -> "е": the case-insensitive comparison.
std::string FoldCase(std::string_view s);

// Counts of one row of the report.
struct NormalCounts {
  size_t gold = 0;          // gold lines
  size_t found = 0;         // located on token boundaries (scored)
  size_t exact = 0;         // normal == gold base (counted only where the gold is cased)
  size_t exact_scored = 0;  // found mentions in cased topics
  size_t case_insensitive = 0;
  double ExactAccuracy() const { return exact_scored ? 100.0 * exact / exact_scored : 0; }
  double CaseInsensitiveAccuracy() const {
    return found ? 100.0 * static_cast<double>(case_insensitive) / found : 0;
  }
};

struct NormalMismatch {
  std::string topic, doc, type, form, gold, predicted;
};

struct NormalScores {
  std::vector<std::pair<std::string, NormalCounts>> topics;  // in reading order
  std::vector<std::pair<std::string, NormalCounts>> types;   // gold types, sorted
  NormalCounts all;
  size_t documents = 0;
  size_t mentions_normalized = 0;
  double seconds = 0;                      // spent in `normalize`
  std::vector<NormalMismatch> mismatches;  // case-insensitive mismatches, in reading order
  std::vector<NormalMismatch> not_found;   // gold lines not located (predicted "")
};

// Builds each document (text, its lines as paragraphs), runs `analyze` on it (segmentation +
// morphology), adds a Mention per found gold line, runs `normalize` (timed) and compares
// Mention::normal with the gold base forms. A failing callback stops with its Status.
using DocumentFn = std::function<Status(Document&)>;
Result<NormalScores> ScoreNormalization(const std::vector<BsnlpDocument>& docs,
                                        const DocumentFn& analyze, const DocumentFn& normalize);

// The gold type as a Mention's type: PER, LOC, ORG; PRO, EVT, MISC and others -> ORG.
EntityType BsnlpEntityType(std::string_view type);

}  // namespace svodka

#endif  // SVODKA_EVAL_BSNLP_H_
