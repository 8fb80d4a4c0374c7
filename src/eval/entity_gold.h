// Gold named entities, coreference chains and Occupation facts for `svodka eval ner|link|roles`
// (and for whatever trains on the same corpora), read from two kinds of folders:
//
//  * factRuEval-2016 (dialogue-evaluation/factRuEval-2016): `book_N.txt` with `.spans`
//    ("id type start length first_token token_count # ..."; start and length in code points
//    of the .txt), `.objects` ("id Type span_id... # ..."), `.coref` (blank-line separated
//    blocks: "chain_id object_id..." then "key value" lines) and `.facts` (blocks: "id Type"
//    then "Slot obj<chain>|span<id> text | ..." lines).
//  * brat standoff (`.txt` + `.ann`; "T1<TAB>TYPE b e[;b e...]<TAB>text", offsets in code
//    points of the LF text): NEREL (29 nested types) or Collection5 (PER, ORG, LOC, GEOPOLIT,
//    MEDIA), told apart by the types their .ann files use.
//
// NAMES: what the corpora call a named entity, reduced to PER / ORG / LOC as natasha/naeval
// adapts each corpus (naeval/ner/adapt.py), outermost span first:
//  * factRuEval: a Person object is one PER span from its first to its last span; an Org
//    object gives an ORG span for each of its org_name spans, a Location or LocOrg object a
//    LOC span for each of its loc_name spans (descriptors, geo_adj, job: no name); Project and
//    Facility objects are dropped.
//  * Collection5: PER → PER; ORG, MEDIA → ORG; LOC, GEOPOLIT → LOC. A span with a quote at
//    both ends («Газпром») loses them; one with a quote at one end only (ООО «Газпром») keeps
//    them.
//  * NEREL: PERSON → PER; ORGANIZATION → ORG; COUNTRY, CITY, STATE_OR_PROVINCE, DISTRICT,
//    LOCATION → LOC; every other type (FACILITY, NATIONALITY, PROFESSION, EVENT, ...) is
//    dropped. A discontinuous entity ("b1 e1;b2 e2") gives one span per fragment. Quotes as
//    for Collection5. NEREL's geographic adjectives (a one-word COUNTRY/CITY/... starting with
//    a lower-case letter: "российских", "московского") are dropped: the other corpora and
//    svodka do not take them for names.
//  * Every corpus: whitespace at a span's edges is trimmed (two Collection5 spans end in a
//    line break), empty spans are dropped, and then overlapping names are resolved as naeval
//    does: sorted by start and, at equal starts, longest first (stable), a span that overlaps
//    the last kept one is dropped — so a nested name ("Грузии" in "МИД Грузии") gives way to
//    the outermost one.
//
// Offsets are converted to bytes of `text` (the .txt, UTF-8 repaired); a span beyond the text
// or a reference to an unknown id is an error naming the file and line.
#ifndef SVODKA_EVAL_ENTITY_GOLD_H_
#define SVODKA_EVAL_ENTITY_GOLD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "eval/segment_eval.h"  // GoldFileCheck
#include "svodka/document.h"
#include "svodka/status.h"

namespace svodka {

enum class EntityCorpus { kFactRuEval, kNerel, kCollection5 };
std::string_view EntityCorpusName(EntityCorpus corpus);  // "factrueval", "nerel", "collection5"

inline constexpr uint32_t kNoChain = UINT32_MAX;

// One gold name: the outermost span of a kept type.
struct GoldName {
  Span span;  // bytes of EntityGoldDocument::text
  EntityType type = EntityType::kPer;
  // factRuEval: index into EntityGoldDocument::chains of the coreference chain of the object
  // the name belongs to (an object in no chain gets a chain of its own); kNoChain for brat.
  uint32_t chain = kNoChain;
};

// A factRuEval Occupation fact with a Who and a Position (facts without a Position cannot be
// found by their position span and are not kept; identical Who + Position pairs that differ
// only in Where are kept once).
struct GoldRole {
  std::string id;               // "100-0"
  uint32_t who = kNoChain;      // the person's chain
  std::vector<Span> who_spans;  // the spans of that chain's objects (first to last span each)
  std::vector<Span> positions;  // the Position's spans: alternatives, any of them is the role
};

struct EntityGoldDocument {
  std::string id;               // the file stem: "book_100", "001"
  std::string path;             // the .txt
  std::string text;             // the .txt, UTF-8 repaired
  std::vector<GoldName> names;  // sorted by span, non-overlapping
  // factRuEval: the coreference chains, each the indices into `names` of its names (a chain
  // may have none: objects without a name, such as an Org known only by a descriptor).
  std::vector<std::vector<uint32_t>> chains;
  std::vector<GoldRole> roles;  // factRuEval Occupation facts
  bool has_chains = false;      // a .coref file was read
  bool has_roles = false;       // a .facts file was read
};

struct EntityGold {
  EntityCorpus corpus = EntityCorpus::kFactRuEval;
  std::vector<EntityGoldDocument> docs;  // in file name order
};

// Reads a gold folder, or one document given by any of its files (book_1.txt, book_1.spans,
// 001.ann, ...). The kind is detected by content: *.objects files make a factRuEval folder;
// otherwise *.ann files are brat, NEREL when some entity type is a NEREL one (PERSON,
// ORGANIZATION, COUNTRY, ...), Collection5 when every type is one of PER ORG LOC GEOPOLIT
// MEDIA. `check` vets the first kGoldHeadBytes of every file before it is read whole (the CLI
// passes CheckBinary). Errors name the file and line; a folder with no gold is an error.
Result<EntityGold> ReadEntityGold(const std::string& path, const GoldFileCheck& check = nullptr);

// The type a corpus label maps to (the tables above), or false for a dropped label.
bool MapBratType(EntityCorpus corpus, std::string_view label, EntityType* type);

// naeval's filter_overlapping_spans on names: stable-sorts by (begin, longest first) and drops
// every name that overlaps the last one kept.
void KeepOutermost(std::vector<GoldName>* names);

}  // namespace svodka

#endif  // SVODKA_EVAL_ENTITY_GOLD_H_
