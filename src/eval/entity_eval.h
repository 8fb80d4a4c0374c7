// Scoring what the pipeline puts in Document::entities / objects / roles against the gold of
// eval/entity_gold.h: `svodka eval ner`, `svodka eval link`, `svodka eval roles`
// (docs/evaluation.md, "Named entities", "Linking", "Roles").
//
// NAMES (ner). The predicted names are the Document's mentions of kind name; overlapping ones
// are resolved as gold's are (KeepOutermost: the outermost is kept). Two scores per type:
//  * per-token, exactly as natasha/naeval computes it (naeval/ner/score.py, bio.py, adapt.py):
//    the text is cut into razdel tokens (our tokenizer with razdel's conventions,
//    eval/razdel_scheme.h); gold and predicted names whose begin is not some token's begin or
//    whose end is not some token's end are dropped ("misaligned", naeval's
//    filter_misaligned_spans); each token is tagged I or O for the type by naeval's spans_io
//    walk (I from the first token starting at or after a name's begin, until a token ending at
//    or after its end); precision = tokens I in both / tokens I in the prediction, recall =
//    tokens I in both / tokens I in the gold, summed over all documents, and F1 = 2PR/(P+R).
//  * exact span: a predicted name is correct when a gold name of the same type has the same
//    begin and end (every gold name counts, misaligned or not).
//
// CHAINS (link). Over named mentions only: the gold mentions are the gold names with their
// factRuEval coreference chain; the predicted ones are the mentions of kind name, in the
// chain of their object (a name with no object is a chain of its own). A predicted and a gold
// mention are the same mention when their spans are equal (types are not compared). MUC
// (Vilain et al. 1995) and B³ (Bagga & Baldwin 1998) are computed as the CoNLL-2012 reference
// scorer does (Pradhan et al. 2014), singletons included:
//   B³ recall    = Σ_gold chains K Σ_predicted chains R |K∩R|² / |K|  /  gold mentions
//   B³ precision = the same with gold and predicted swapped
//   MUC recall   = Σ_K (|K| − |partition of K by the predicted chains|) / Σ_K (|K| − 1),
//                  a mention of K that no prediction has being a part of its own
//   MUC precision = the same with gold and predicted swapped
// so a mention found on one side only counts in that side's denominator and never in a
// numerator: a missed name lowers recall, an invented one lowers precision.
//
// ROLES. Gold: factRuEval Occupation facts (GoldRole). Predicted: every Role on every object.
// A predicted role matches a gold fact when (1) its object's mentions (of any kind) overlap
// one of the spans of the gold Who's objects, and (2) its span overlaps one of the Position's
// spans (share at least one character: "министр иностранных дел России" finds "министр
// иностранных дел"). Each gold fact and each predicted role is matched at most once (a
// maximum bipartite matching). `exact` counts the same with (2) requiring the role's span to
// equal one of the Position's spans. Where (org, place) is not compared.
#ifndef SVODKA_EVAL_ENTITY_EVAL_H_
#define SVODKA_EVAL_ENTITY_EVAL_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "eval/entity_gold.h"
#include "svodka/document.h"
#include "svodka/status.h"
#include "text/segmenter.h"

namespace svodka {

// Counts of a precision/recall score where a correct item is correct on both sides.
struct MatchCounts {
  size_t gold = 0, predicted = 0, correct = 0;
  double Precision() const { return predicted ? double(correct) / double(predicted) : 0.0; }
  double Recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double F1() const;
  void Add(const MatchCounts& o);
};

// Sums of a chain metric (MUC, B³): precision and recall with their own numerators.
struct ChainScores {
  double precision_num = 0, precision_den = 0, recall_num = 0, recall_den = 0;
  double Precision() const { return precision_den > 0 ? precision_num / precision_den : 0.0; }
  double Recall() const { return recall_den > 0 ? recall_num / recall_den : 0.0; }
  double F1() const;
  void Add(const ChainScores& o);
};

inline constexpr int kEntityTypes = 3;  // PER, ORG, LOC: index static_cast<int>(EntityType)

struct NerScores {
  size_t documents = 0;
  size_t tokens = 0;                                     // razdel-scheme tokens scored
  MatchCounts token[kEntityTypes];                       // naeval per-token
  MatchCounts span[kEntityTypes];                        // exact span
  size_t gold_misaligned = 0, predicted_misaligned = 0;  // names dropped from per-token
  void Add(const NerScores& o);
};

// The document's mentions of kind name as GoldName (chain = object, or kNoChain), outermost.
std::vector<GoldName> PredictedNames(const Document& doc);

// Scores predicted names against gold names over the given razdel-scheme tokens of one text
// (sorted, non-overlapping); adds to *scores (documents included).
void ScoreNames(const std::vector<Span>& tokens, const std::vector<GoldName>& gold,
                const std::vector<GoldName>& predicted, NerScores* scores);

// Segments gold.text into razdel-scheme tokens and scores doc's names against gold's. The
// document's text must be gold.text (an error otherwise).
Status ScoreNer(const Segmenter& segmenter, const EntityGoldDocument& gold, const Document& doc,
                NerScores* scores);

// A mention in a chain, for MucScore / B3Score: mentions are identified by span.
struct ChainMention {
  Span span;
  uint32_t chain = 0;
};
// Spans must be distinct within each side.
ChainScores MucScore(const std::vector<ChainMention>& gold,
                     const std::vector<ChainMention>& predicted);
ChainScores B3Score(const std::vector<ChainMention>& gold,
                    const std::vector<ChainMention>& predicted);

struct LinkScores {
  size_t documents = 0;
  size_t gold_mentions = 0, predicted_mentions = 0, matched_mentions = 0;
  size_t gold_chains = 0, predicted_chains = 0;  // chains with at least one named mention
  ChainScores muc, b3;
  void Add(const LinkScores& o);
};

// The gold names with their chains; an error when the gold has no coreference (brat).
Result<std::vector<ChainMention>> GoldChainMentions(const EntityGoldDocument& gold);
// The document's names in the chains of their objects (a name without one alone).
std::vector<ChainMention> PredictedChainMentions(const Document& doc);

Status ScoreLinking(const EntityGoldDocument& gold, const Document& doc, LinkScores* scores);

struct RoleScores {
  size_t documents = 0;
  MatchCounts overlap;  // the position spans overlap (the score)
  MatchCounts exact;    // the role's span equals a position span
  void Add(const RoleScores& o);
};

Status ScoreRoles(const EntityGoldDocument& gold, const Document& doc, RoleScores* scores);

// Replaces doc's entities with the gold names, as mentions of kind name over the tokens they
// cover (a token counts when it overlaps the name; a name over no token is left out and
// counted in the result): what `eval link|roles --gold-mentions` gives the linking stages, so
// that linking is measured apart from the names the tagger finds or misses. Clears the
// layers after names (base forms, objects, roles).
size_t UseGoldNames(const EntityGoldDocument& gold, Document* doc);

}  // namespace svodka

#endif  // SVODKA_EVAL_ENTITY_EVAL_H_
