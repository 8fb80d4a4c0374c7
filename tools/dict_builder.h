// Compiles the OpenCorpora dictionary as packaged in npm az@0.2.3 (package/dicts/, see
// ../shared/notes/opencorpora-az-format.md) into svodka's dictionary file
// (src/morph/dict_format.h). Builder only; the runtime maps the result.
#ifndef SVODKA_TOOLS_DICT_BUILDER_H_
#define SVODKA_TOOLS_DICT_BUILDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "svodka/status.h"

namespace svodka {

// The source data in memory, decoded (words in the key alphabet of src/morph/alphabet.h).
struct DictSource {
  std::vector<std::pair<std::string, std::string>> grammemes;  // name, parent
  std::vector<std::string> tags;                               // OpenCorpora int notation
  std::vector<std::string> suffixes;                           // key alphabet
  std::vector<std::vector<uint16_t>> paradigms;                // 3n ids each
  struct Form {
    std::string word;
    uint16_t paradigm, form;
  };
  std::vector<Form> forms;  // every (word, paradigm, form)
  struct Prob {
    std::string word;
    uint16_t tag;
    uint32_t p_million;
  };
  std::vector<Prob> probs;  // P(tag|word) * 10^6
  struct Guess {
    uint8_t prefix;
    std::string ending;
    uint16_t count, paradigm, form;
  };
  std::vector<Guess> guesses;
  std::string license;  // license + provenance text
  std::string meta;     // key=value lines
};

// Reads az's package/dicts directory. Every cross-reference is checked (paradigm ids, form
// indexes, tag and suffix ids); errors name the file.
Result<DictSource> ReadAzDicts(const std::string& dir);

// Tags the runtime needs for tokens that are not dictionary words (punctuation, numbers,
// Latin, initials); ReadAzDicts appends them to the dictionary's tags.
extern const char* const kNonWordTags[10];

// A hand-made source of a few lexemes ("стол", "стать", "и", "Лавров", ...) for tests and the
// fuzzer's seed corpus.
DictSource TinyDictSource();

// Serializes a source into the dictionary file format.
Result<std::string> BuildDictionary(const DictSource& src);

struct BuildStats {
  size_t forms = 0, distinct_words = 0, probs = 0, guesses = 0;
  size_t word_transitions = 0, guess_transitions = 0, bytes = 0;
};
Result<std::string> BuildDictionary(const DictSource& src, BuildStats* stats);

}  // namespace svodka

#endif  // SVODKA_TOOLS_DICT_BUILDER_H_
