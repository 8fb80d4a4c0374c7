// The builder of word clusters (svodka-word-clusters): reads unlabelled text, tokenizes it with
// our Segmenter so that the words are the pipeline's tokens, and runs Brown clustering with
// Liang's bounded active set; writes the file that src/ner/word_clusters.h reads (the format is
// described there; the tools may not include that layer, so the writer below repeats it, and
// tests/ner/word_clusters_test.cc round-trips the two).
//
// ALGORITHM (Brown et al. 1992; Liang 2005, ch. 3, "wcluster"). The words with at least
// min_count occurrences are sorted by frequency. The C most frequent start as C clusters; then,
// one word at a time, the next word becomes cluster C+1 and the two clusters whose merge loses
// the least average mutual information between adjacent clusters,
//   I = sum_{c,c'} p(c,c') log p(c,c') / (p(c) p(c')),
// are merged, so C clusters remain. When every word is in, the C clusters are merged down to
// one; those last C-1 merges form the binary tree whose root-to-leaf paths are the words' bit
// strings (the first merged cluster of a pair gets bit 0).
//   The merge losses L(s,t) of all pairs are kept in a (C+1)^2 table and updated after each
// change (Brown et al.'s incremental formulas: only the terms of the changed clusters move),
// split so that a step costs O(C^2) additions plus logarithms only next to the smaller merged
// cluster and the new word (Brown::UpdatePairs); the whole run is O(V C^2) for V words. A
// `verify` run checks every updated loss against its computation from scratch. The O(C^2)
// passes run on `threads` threads;
// each table cell is computed by one thread with the same operations whatever the count, and
// ties of the arg-min go to the first pair in row order, so the output does not depend on the
// number of threads or on timing: it is a function of the input alone.
//
// Probabilities: p(c) is the share of the kept tokens that belong to c; p(c,c') the share of
// the adjacent pairs of kept tokens inside a sentence (no pair spans a sentence, a line of a
// table or a skipped rare word).
#ifndef SVODKA_TOOLS_CLUSTER_BUILDER_H_
#define SVODKA_TOOLS_CLUSTER_BUILDER_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "svodka/status.h"

namespace svodka {

class Segmenter;

// The key of a token form under key scheme 1 (src/ner/word_clusters.h, KEYS): soft hyphens
// and stress marks dropped, lower case, ё -> е, decimal digits -> '0'. Writes it to *out and
// returns true, or false when it is empty or longer than 96 bytes (no cluster then).
bool ClusterKey(std::string_view form, std::string* out);

// Unlabelled text as sentences of word ids.
class ClusterCorpus {
 public:
  static constexpr uint32_t kBreak = UINT32_MAX;  // between sentences in stream()

  ClusterCorpus();
  ~ClusterCorpus();

  // Segments `text` (invalid UTF-8 repaired) and appends its sentences. A sentence of 4 tokens
  // or more that was seen before (byte for byte) is skipped: the corpora overlap (the same
  // wire story, the same treebank sentence in two files).
  void AddText(std::string_view text);

  // One input: a folder (its files, recursively, in name order: .txt, .tsv, .conllu,
  // .conllu.xz; others are skipped) or a file, read by its extension:
  //   .conllu, .conllu.xz  one sentence per CoNLL-U sentence ("# text =", else the forms);
  //   .tsv                 the cells of the columns whose header names a text, title or
  //                        sentence ("INPUT:first_text", "sentences"), one text per cell;
  //   anything else        plain UTF-8 text;
  // `razdel`: a razdel partition file (one text per line, "|" between its pieces, removed).
  // Errors name the file. Progress lines go to *log when it is not null.
  Status AddPath(const std::string& path, bool razdel, std::ostream* log);

  const std::vector<std::string>& words() const { return words_; }
  const std::vector<uint64_t>& counts() const { return counts_; }
  const std::vector<uint32_t>& stream() const { return stream_; }
  uint64_t tokens() const { return tokens_; }
  uint64_t sentences() const { return sentences_; }
  uint64_t duplicates() const { return duplicates_; }
  uint64_t files() const { return files_; }

 private:
  Status AddFile(const std::string& path, bool razdel);
  uint32_t Id(std::string_view key);

  std::unique_ptr<Segmenter> segmenter_;
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<uint64_t> counts_;
  std::vector<uint32_t> stream_;
  std::unordered_set<uint64_t> seen_;
  uint64_t tokens_ = 0, sentences_ = 0, duplicates_ = 0, files_ = 0;
};

struct BrownOptions {
  int clusters = 512;  // C: the active set, and the number of leaves of the tree
  int min_count = 3;   // words seen fewer times get no cluster
  int threads = 2;
  int prefixes[3] = {4, 10, 14};  // bits of the three granularities of WordClusterIds
  // Tests: after every step, check each incrementally updated loss against its computation
  // from scratch (O(C^3) per step) and fail with kInternal on a difference.
  bool verify = false;
};

// The result: one row per clustered word, most frequent first (ties by key bytes).
struct BrownClusters {
  std::vector<std::string> words;
  std::vector<uint32_t> counts;
  std::vector<uint64_t> paths;  // path_lengths[i] low bits, the first bit the most significant
  std::vector<uint8_t> path_lengths;
  std::vector<uint16_t> leaves;  // leaf number: leaves in path order
  uint32_t cluster_count = 0;
  int prefixes[3] = {4, 10, 14};
};

// Clusters the words of `corpus` (see ALGORITHM). Progress lines go to log. Deterministic.
// kInvalidArgument when no word reaches min_count or the options are out of range.
Result<BrownClusters> BrownCluster(const ClusterCorpus& corpus, const BrownOptions& options,
                                   std::ostream& log);

// The file image of the clusters (format version 1 of src/ner/word_clusters.h).
std::string SerializeWordClusters(const BrownClusters& clusters);

// Liang's "paths" text: "bits \t word \t count" per word, sorted by path then count.
std::string DumpWordClusters(const BrownClusters& clusters);

struct WordClusterBuildOptions {
  std::vector<std::string> inputs;         // AddPath(path, false)
  std::vector<std::string> razdel_inputs;  // AddPath(path, true)
  BrownOptions brown;
  std::string out_path;
  std::string dump_path;  // optional: DumpWordClusters
};

// The whole tool: reads the inputs, clusters, writes out_path (and dump_path), printing
// progress and the corpus size (tokens, vocabulary) to log.
Status BuildWordClusters(const WordClusterBuildOptions& options, std::ostream& log);

}  // namespace svodka

#endif  // SVODKA_TOOLS_CLUSTER_BUILDER_H_
