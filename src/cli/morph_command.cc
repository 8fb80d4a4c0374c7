// `svodka morph` (analysis, inflection, tagging of CoNLL-U), `svodka eval morph` and
// `svodka train morph`. The logic lives in src/morph (runtime) and tools/morph_trainer
// (training); this file only parses flags, loads models and formats output.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "article/reader.h"
#include "base/conllu.h"
#include "base/file.h"
#include "base/text_input.h"
#include "base/utf8.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "eval/morph_eval.h"
#include "morph/analyzer.h"
#include "morph/data_path.h"
#include "morph/morphology.h"
#include "morph_trainer.h"

namespace svodka::cli {
namespace {

// Word lists and CoNLL-U files are read whole; larger ones are refused while reading.
constexpr size_t kMaxTextInput = size_t{2} << 30;

struct MorphFlags {
  std::vector<std::string> words;
  std::string words_file, conllu_file, inflect, dict, model, out;
};

void Fail(const std::string& what, const Status& s, int code = 1) {
  std::fprintf(stderr, "svodka morph: %s%s\n", what.c_str(), s.ToString().c_str());
  SetExitCode(code);
}

Result<std::string> DictPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  return FindDataFile("ru.dict");
}

Result<Analyzer> LoadAnalyzer(const std::string& flag) {
  Result<std::string> path = DictPath(flag);
  if (!path.ok())
    return Status(path.status().code(),
                  "no dictionary (pass --dict PATH): " + path.status().message());
  Result<Analyzer> a = Analyzer::Load(*path);
  if (!a.ok()) return Status(a.status().code(), "cannot load dictionary: " + a.status().message());
  return a;
}

// An output path that cannot be written is reported before the work (training takes long),
// not after it.
Status CheckWritable(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return InvalidArgument(path + ": is a directory");
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  if (!fs::is_directory(parent, ec)) {
    return NotFound(path + ": directory " + parent.string() + " does not exist");
  }
  if (access(parent.c_str(), W_OK) != 0) {
    return IoError(path + ": directory " + parent.string() + " is not writable");
  }
  return Status::Ok();
}

// A word given on the command line with invalid UTF-8 is repaired (U+FFFD) with a warning, as
// file inputs are, instead of being analysed and echoed as raw bytes.
std::string RepairWordArg(const std::string& word, size_t index) {
  std::string w = word;
  Utf8Repair rep = RepairUtf8(&w);
  if (rep.replaced) {
    std::fprintf(stderr,
                 "svodka morph: warning: word %zu: byte %zu: invalid UTF-8 replaced "
                 "with U+FFFD\n",
                 index + 1, rep.first_bad_offset);
  }
  return w;
}

// True for the code points that must not reach a TSV field: C0 and C1 controls (TAB, LF,
// CR, NEL, ...), DEL, and the Unicode line and paragraph separators.
bool BreaksTsv(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

// `field` with every code point that BreaksTsv replaced by a space; `field` itself (no copy)
// when it has none. `field` is valid UTF-8 (inputs are repaired first).
std::string_view TsvField(std::string_view field, std::string* buf) {
  // The common, clean case is found by bytes, decoding nothing: C0 controls and DEL are single
  // bytes, C1 controls are C2 80..C2 9F, the separators E2 80 A8 / E2 80 A9.
  bool clean = true;
  for (size_t i = 0; i < field.size() && clean; ++i) {
    const auto c = static_cast<unsigned char>(field[i]);
    clean =
        c >= 0x20 && c != 0x7F &&
        !(c == 0xC2 && i + 1 < field.size() && static_cast<unsigned char>(field[i + 1]) <= 0x9F) &&
        !(c == 0xE2 && field.substr(i + 1, 1) == "\x80" &&
          (field.substr(i + 2, 1) == "\xA8" || field.substr(i + 2, 1) == "\xA9"));
  }
  if (clean) return field;
  buf->clear();
  for (size_t i = 0; i < field.size();) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(field, i, &len);
    if (BreaksTsv(c)) {
      buf->push_back(' ');
    } else {
      buf->append(field.substr(i, len));
    }
    i += len;
  }
  return *buf;
}

// lemma<TAB>UPOS<TAB>FEATS; each field made TSV-safe (a lemma is made from the word, which
// is already clean, but the output contract must not depend on that).
void AppendAnalysis(const MorphAnalysis& a, std::string* out) {
  thread_local std::string buf;  // used only for a field that needs cleaning
  out->append(TsvField(a.lemma, &buf));
  out->push_back('\t');
  out->append(TsvField(a.upos, &buf));
  out->push_back('\t');
  out->append(a.feats.empty() ? "_" : TsvField(a.feats, &buf));
}

void RunWords(const MorphFlags& f) {
  Result<Analyzer> analyzer = LoadAnalyzer(f.dict);
  if (!analyzer.ok()) return Fail("", analyzer.status());
  CandidateMaker maker(&*analyzer);
  std::vector<MorphParse> parses;
  MorphAnalysis a;
  Output out;
  std::string clean;
  // Every output line is TSV with a fixed number of fields: control characters in a word
  // (a TAB inside a line of the --words file, a CR in a command-line word) become spaces,
  // and the word is analysed as echoed.
  auto analyze_one = [&](std::string_view raw, bool all) {
    const std::string_view w = TsvField(raw, &clean);
    analyzer->Analyze(w, &parses);
    for (size_t k = 0; k < (all ? parses.size() : 1); ++k) {
      out.buf().append(w);
      out.buf().push_back('\t');
      maker.DescribeInto(w, parses[k], TagCandidate{}, &a);
      AppendAnalysis(a, &out.buf());
      if (all) {
        out.buf().push_back('\t');
        out.buf().append(analyzer->Tag(parses[k].tag).text);
        char score[32];
        std::snprintf(score, sizeof score, "\t%.4f", parses[k].score);
        out.buf().append(score);
      }
      out.buf().push_back('\n');
    }
    out.MaybeFlush();
  };
  for (size_t i = 0; i < f.words.size(); ++i) analyze_one(RepairWordArg(f.words[i], i), true);
  if (!f.words_file.empty()) {
    // The word list gets the checks of every text input (docs/format.md): binary data is
    // refused after its first 64 KiB (not after gigabytes of /dev/zero), invalid UTF-8
    // repaired with a warning, an empty list reported, a BOM skipped (it would otherwise glue
    // itself to the first word and make it unknown).
    Result<std::string> data = ReadTextFile(f.words_file, kMaxTextInput);
    if (!data.ok()) return Fail("", data.status());
    Utf8Repair rep = RepairUtf8(&*data);
    if (rep.replaced) {
      std::fprintf(stderr,
                   "svodka morph: warning: %s: byte %zu: invalid UTF-8 replaced with "
                   "U+FFFD (%zu sequences)\n",
                   f.words_file.c_str(), rep.first_bad_offset, rep.replaced);
    }
    std::string_view text = *data;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      std::fprintf(stderr, "svodka morph: %s: empty file, nothing to analyse\n",
                   f.words_file.c_str());
      SetExitCode(1);
      return;
    }
    size_t pos = 0;
    while (pos < text.size() && !out.failed()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view w = text.substr(pos, nl - pos);
      pos = nl + 1;
      if (!w.empty() && w.back() == '\r') w.remove_suffix(1);
      if (w.empty()) {
        out.buf().push_back('\n');
        continue;
      }
      analyze_one(w, false);
    }
  }
}

void RunInflect(const MorphFlags& f) {
  Result<Analyzer> analyzer = LoadAnalyzer(f.dict);
  if (!analyzer.ok()) return Fail("", analyzer.status());
  std::optional<GrammemeSet> want = analyzer->ParseGrammemes(f.inflect);
  if (!want) {
    std::fprintf(stderr,
                 "svodka morph: --inflect '%s': unknown grammeme (use OpenCorpora "
                 "names, e.g. nomn,sing)\n",
                 RepairWordArg(f.inflect, 0).c_str());
    SetExitCode(2);
    return;
  }
  // An empty list ("", ",,,") would print every word unchanged with exit status 0; and
  // "sing,plur" would too, since Inflect relaxes the number when no form has it.
  if (want->Empty()) {
    std::fprintf(stderr, "svodka morph: --inflect '%s': no grammemes given (e.g. nomn,sing)\n",
                 f.inflect.c_str());
    SetExitCode(2);
    return;
  }
  if (want->Has(analyzer->GrammemeId("sing")) && want->Has(analyzer->GrammemeId("plur"))) {
    std::fprintf(stderr, "svodka morph: --inflect '%s': sing and plur exclude each other\n",
                 f.inflect.c_str());
    SetExitCode(2);
    return;
  }
  std::vector<MorphParse> parses;
  for (size_t i = 0; i < f.words.size(); ++i) {
    const std::string w = RepairWordArg(f.words[i], i);
    analyzer->Analyze(w, &parses);
    std::optional<std::string> form;
    for (const MorphParse& p : parses)
      if ((form = analyzer->Inflect(w, p, *want))) break;
    if (form) {
      std::printf("%s\t%s\n", w.c_str(), form->c_str());
    } else {
      std::fprintf(stderr, "svodka morph: '%s' has no form with %s\n", w.c_str(),
                   f.inflect.c_str());
      std::printf("%s\t%s\n", w.c_str(), w.c_str());
      SetExitCode(1);
    }
  }
}

Result<Morphology> LoadMorphology(const std::string& dict, const std::string& model) {
  return Morphology::LoadDefault(dict, model);
}

void RunConllu(const MorphFlags& f) {
  Result<Morphology> morph = LoadMorphology(f.dict, f.model);
  if (!morph.ok()) return Fail("", morph.status());
  Result<std::string> data = ReadTextFile(f.conllu_file, kMaxTextInput);
  if (!data.ok()) return Fail("", data.status());
  SentenceCandidates scratch;
  std::vector<std::string_view> forms;
  std::vector<MorphAnalysis> analyses;
  Output out;
  size_t sentences = 0;
  Status s = ReadConllu(*data, f.conllu_file, [&](ConlluSentence&& sent) {
    ++sentences;
    forms.clear();
    for (const ConlluWord& w : sent.words) forms.push_back(w.form);
    morph->TagSentence(forms, &scratch);
    morph->DescribeSentence(scratch, &analyses);
    for (size_t i = 0; i < sent.words.size(); ++i) {
      MorphAnalysis& a = analyses[i];
      sent.words[i].lemma = std::move(a.lemma);
      sent.words[i].upos = std::move(a.upos);
      sent.words[i].feats = a.feats.empty() ? "_" : std::move(a.feats);
    }
    WriteConllu(sent, &out.buf());
    out.MaybeFlush();
    return !out.failed();  // nothing more can be written: stop
  });
  if (!s.ok()) return Fail("", s);
  // An empty (or comment-only) file is a failed input, not a silent success.
  if (sentences == 0) Fail("", InvalidArgument(f.conllu_file + ": no sentences"));
}

// `svodka morph`.
void RegisterMorph(CLI::App& app) {
  auto flags = std::make_shared<MorphFlags>();
  CLI::App* morph = app.add_subcommand(
      "morph",
      "Morphological analysis: all parses of words, one best parse per line of a "
      "word list, inflection, or tagging a CoNLL-U file in context");
  morph->add_option("words", flags->words,
                    "Words to analyse (all parses, most likely first: "
                    "word, lemma, UPOS, FEATS, OpenCorpora tag, score)");
  morph->add_option("--words", flags->words_file,
                    "File with one word per line ('-' = stdin); prints "
                    "word<TAB>lemma<TAB>UPOS<TAB>FEATS of the most likely parse, one line "
                    "per input line (a blank line stays blank). A line is one word: TABs and "
                    "other control characters in it are replaced by spaces, in the echoed "
                    "word and in what is analysed, so every other line has exactly 4 fields");
  morph->add_option("--conllu", flags->conllu_file,
                    "CoNLL-U file: keep its tokens, predict LEMMA, UPOS, FEATS in context");
  morph->add_option("--inflect", flags->inflect,
                    "OpenCorpora grammemes, e.g. 'nomn,sing': print each word's form with them "
                    "(word<TAB>form); a word without such a form is printed unchanged, reported "
                    "\"has no form\", and the exit status is 1");
  morph->add_option("--dict", flags->dict,
                    "Compiled dictionary (default: ru.dict in the data path)");
  morph->add_option("--model", flags->model,
                    "Tagger model (default: models/morph-tagger.bin in the data path)");
  morph->callback([flags, morph] {
    const MorphFlags& f = *flags;
    // Modes are told by whether the flag was given, not by an empty value: `--inflect ""`
    // must not fall back to plain analysis, nor `--inflect nomn` without words exit 0.
    const bool inflect = morph->count("--inflect") > 0;
    const bool words_file = morph->count("--words") > 0;
    const bool conllu = morph->count("--conllu") > 0;
    int modes = words_file + conllu + inflect;
    if (modes > 1 || (modes == 0 && f.words.empty()) || (conllu && !f.words.empty()) ||
        (inflect && f.words.empty()) || (words_file && f.words_file.empty()) ||
        (conllu && f.conllu_file.empty())) {
      std::fprintf(stderr,
                   "svodka morph: give WORD..., --words FILE, --conllu FILE or "
                   "--inflect GRAMMEMES WORD... (see --help)\n");
      SetExitCode(2);
      return;
    }
    if (inflect) return RunInflect(f);
    if (!f.conllu_file.empty()) return RunConllu(f);
    RunWords(f);
  });
}

// `svodka eval morph`.
void RegisterEvalMorph(CLI::App& eval) {
  struct EvalFlags {
    std::vector<std::string> files;
    std::string dict, model, out;
    bool json = false;
    size_t show_errors = 0;
  };
  auto ef = std::make_shared<EvalFlags>();
  CLI::App* ev =
      eval.add_subcommand("morph",
                          "Score lemma, UPOS, Case/Number/Gender and FEATS against gold CoNLL-U "
                          "(gold tokenization kept; definitions in docs/evaluation.md)");
  ev->add_option("gold", ef->files, "Gold CoNLL-U files")->required();
  ev->add_option("--dict", ef->dict, "Compiled dictionary (default: ru.dict in the data path)");
  ev->add_option("--model", ef->model, "Tagger model (default: models/morph-tagger.bin)");
  ev->add_flag("--json", ef->json, "One JSON object per file instead of text");
  ev->add_option("--predicted", ef->out,
                 "Also write the predictions as CoNLL-U to this file (all inputs concatenated)");
  ev->add_option("--show-errors", ef->show_errors,
                 "Also print the N most frequent confusions (UPOS, Case, Number, Gender, "
                 "lemma, and gold readings missing from the candidates), with examples");
  ev->callback([ef] {
    if (!ef->out.empty()) {
      if (Status st = CheckWritable(ef->out); !st.ok()) return Fail("--predicted: ", st);
    }
    Result<Morphology> morph = Morphology::LoadDefault(ef->dict, ef->model);
    if (!morph.ok()) return Fail("", morph.status());
    std::string predicted_all;
    for (const std::string& file : ef->files) {
      Result<std::vector<ConlluSentence>> gold = ReadConlluFile(file);
      if (!gold.ok()) {
        Fail("", gold.status());
        continue;
      }
      if (gold->empty()) {  // scores of 0/0 would look like a result
        Fail("", InvalidArgument(file + ": no sentences"));
        continue;
      }
      std::vector<ConlluSentence> predicted;
      auto t0 = std::chrono::steady_clock::now();
      MorphErrorLog errors;
      MorphScores s = EvaluateMorph(*morph, *gold, ef->out.empty() ? nullptr : &predicted,
                                    ef->show_errors ? &errors : nullptr);
      double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      for (const auto& sent : predicted) WriteConllu(sent, &predicted_all);
      if (ef->json) {
        std::printf("%s\n", MorphScoresJson(file, s).c_str());
      } else {
        std::printf("%s\n%s  (%.0f tokens/s)\n", file.c_str(), FormatMorphScores(s).c_str(),
                    sec > 0 ? s.tokens / sec : 0.0);
      }
      if (ef->show_errors) std::printf("%s", errors.Format(ef->show_errors).c_str());
    }
    if (!ef->out.empty()) {
      Status st = WriteFile(ef->out, predicted_all);
      if (!st.ok()) Fail("", st);
    }
  });
}

// `svodka train morph`.
void RegisterTrainMorph(CLI::App& train) {
  auto tf = std::make_shared<MorphTrainOptions>();
  CLI::App* tr = train.add_subcommand(
      "morph", "Train the morphological tagger (averaged perceptron over analyzer candidates)");
  tr->add_option("--train", tf->train_files, "Training CoNLL-U files (.xz allowed), repeatable")
      ->required();
  tr->add_option("--dev", tf->dev_files,
                 "Development CoNLL-U files scored after each epoch; the best epoch is kept");
  tr->add_option("--dict", tf->dict_path,
                 "Compiled dictionary (default: ru.dict in the data path)");
  tr->add_option("--out", tf->out_path, "Where to write the model")->required();
  tr->add_option("--epochs", tf->epochs, "Training epochs (default 8)")
      ->check(CLI::Range(1, 10000));
  tr->add_option("--hash-bits", tf->hash_bits, "log2 of the weight table size (default 21)")
      ->check(CLI::Range(10, 26));
  tr->callback([tf] {
    if (tf->dict_path.empty()) {
      Result<std::string> p = FindDataFile("ru.dict");
      if (!p.ok()) return Fail("no dictionary (pass --dict PATH): ", p.status());
      tf->dict_path = *p;
    }
    if (Status st = CheckWritable(tf->out_path); !st.ok()) return Fail("--out: ", st);
    Status s = TrainMorph(*tf, std::cerr);
    if (!s.ok()) Fail("training failed: ", s);
  });
}

}  // namespace

void RegisterMorphCommands(CLI::App& app, CLI::App& eval, CLI::App& train) {
  RegisterMorph(app);
  RegisterEvalMorph(eval);
  RegisterTrainMorph(train);
}

}  // namespace svodka::cli
