// Scoring segmentation against gold data, as razdel/naeval count it.
//
// ERRORS. A segmentation of a text into spans (tokens, or sentences) is reduced to its set of
// BOUNDARIES: every span's begin and end position. The number of errors is the size of the
// symmetric difference between the gold and predicted boundary sets: a boundary the gold has
// and we lack is one error (a missed split), one we have and the gold lacks is one error (an
// extra split). Gold "что-то|?" vs predicted "что|-|то?" is 3 errors. Whitespace between spans
// is not a boundary disagreement as long as both sides put the span edges at the same places.
// We report errors per 1000 gold spans. Positions are compared in bytes, which is the same
// as code points because every boundary lies on a character boundary.
//
// GOLD FORMATS (read into GoldDocument, spans in bytes of the reconstructed or given text):
//  * factRuEval-2016 `.tokens` (a file or a folder of them, `.txt` beside): "id start length
//    text" per line in code points of the .txt, blank line between sentences.
//  * CoNLL-U: tokens are FORMs, text rebuilt with SpaceAfter=No; sentences are the CoNLL-U
//    sentences, joined by a space (a "# newdoc"/"# newpar" comment starts a new line).
//  * razdel partitions: one document per line, chunks separated by "|" ("\|" is a literal bar);
//    whitespace-only chunks are fill; other chunks are the tokens (razdel-tokens) or the
//    sentences (razdel-sents).
#ifndef SVODKA_TEXT_SEGMENT_EVAL_H_
#define SVODKA_TEXT_SEGMENT_EVAL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "svodka/document.h"
#include "svodka/status.h"
#include "text/segmenter.h"

namespace svodka {

enum class GoldFormat { kAuto, kFactRuEval, kConllu, kRazdelTokens, kRazdelSentences };

// Parses "auto", "factrueval", "conllu", "razdel-tokens", "razdel-sents".
Result<GoldFormat> ParseGoldFormat(const std::string& name);

struct GoldDocument {
  std::string id;
  std::string text;
  std::vector<Span> tokens;     // empty when the format has no tokens
  std::vector<Span> sentences;  // empty when the format has no sentences
  bool has_tokens = false;
  bool has_sentences = false;
};

// Vets the first bytes of a file before it is read in full: called with at most
// kGoldHeadBytes from the start of every file ReadGold opens and the file's path; a Status
// refuses the file. The CLI passes CheckBinary (src/article/reader.h), so a binary file is
// refused without being read whole.
using GoldFileCheck =
    std::function<std::optional<Status>(std::string_view head, std::string_view path)>;
inline constexpr size_t kGoldHeadBytes = size_t{64} << 10;

// Reads gold documents from a path (file or factRuEval folder). kAuto picks by the path:
// a folder or *.tokens → factRuEval; *.conllu → CoNLL-U; otherwise a razdel partition file,
// sentences when the file name contains "sent", else tokens.
//
// Data that is not gold in the chosen format is an error naming the file (and line), never
// scored: a file `check` refuses; a factRuEval .tokens file without tokens; a CoNLL-U word
// with an empty FORM; a razdel file with no '|' between chunks anywhere (prose, not a
// partition), or, for tokens, a token chunk containing a space or TAB (razdel tokens never
// do: such a line is text, not tokens); documents that hold no gold span at all. A file with
// no documents (empty, or CoNLL-U comments only) gives an empty vector: the caller reports it.
Result<std::vector<GoldDocument>> ReadGold(const std::string& path, GoldFormat format,
                                           const GoldFileCheck& check = nullptr);

// Sorted, deduplicated begin/end positions of spans.
std::vector<uint32_t> Boundaries(const std::vector<Span>& spans);

// |gold △ predicted| on boundary sets; when diffs is non-null the differing positions are
// appended to it (sorted).
size_t BoundaryErrors(const std::vector<Span>& gold, const std::vector<Span>& predicted,
                      std::vector<uint32_t>* diffs = nullptr);

// One line of context around byte position pos: the text with a "|" at each boundary of
// `spans` within the window, newlines shown as "⏎".
std::string ShowBoundaries(const std::string& text, const std::vector<Span>& spans, uint32_t pos,
                           size_t radius = 30);

// Boundary-error counts of one kind of span (tokens or sentences) over a gold set.
struct SegmentCounts {
  size_t docs = 0;  // gold documents that have this kind of span
  size_t gold = 0, predicted = 0, errors = 0;
  double ErrorsPer1000() const { return gold ? 1000.0 * static_cast<double>(errors) / gold : 0.0; }
};

struct SegmentScores {
  SegmentCounts tokens, sentences;
  size_t bytes = 0;    // text segmented
  double seconds = 0;  // time spent segmenting (not scoring)
};

// What ScoreSegmentation found in one document, for reports: the gold and predicted spans and
// the byte offsets where their boundaries differ.
struct SegmentDiff {
  const GoldDocument& doc;
  const char* what;  // "token" or "sentence"
  const std::vector<Span>& gold;
  const std::vector<Span>& predicted;
  const std::vector<uint32_t>& differences;
};

// Segments every gold document's text whole (as `svodka segment` does) and counts boundary
// errors against its gold tokens and sentences. `razdel`: score razdel's token conventions
// (ToRazdelTokens over our tokens) instead of ours. `each`, when given, sees every document's
// differences.
SegmentScores ScoreSegmentation(const Segmenter& segmenter, const std::vector<GoldDocument>& docs,
                                bool razdel,
                                const std::function<void(const SegmentDiff&)>& each = {});

}  // namespace svodka

#endif  // SVODKA_TEXT_SEGMENT_EVAL_H_
