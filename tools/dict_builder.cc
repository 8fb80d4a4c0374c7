// Reads az@0.2.3's OpenCorpora dictionary and writes svodka's dictionary file.
//
// Source facts (verified here, see ../shared/notes/opencorpora-az-format.md): words.dawg and
// prediction-suffixes-*.dawg are dawgdic DAWGs whose keys are CP1251 words, byte 0x01, then a
// payload of uint16 values, each as two bytes b0 b1 with v = ((b0 ^ 1) << 6) + (b1 >> 1);
// p_t_given_w.intdawg maps "word:tag text" to P(tag|word) * 10^6. Lower-case Cyrillic, ё, the
// hyphen and digits have the same byte in CP1251 and in our key alphabet; every other CP1251
// byte is re-encoded through Unicode (and a word with a character outside our alphabet is
// reported as an error).
#include "dict_builder.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>

#include "base/file.h"
#include "dafsa_builder.h"
#include "dawgdic_reader.h"
#include "morph/alphabet.h"
#include "morph/dict_format.h"

namespace svodka {
namespace {

// CP1251 0x80..0xBF to Unicode (0xC0..0xFF are U+0410..U+044F).
constexpr char16_t kCp1251High[64] = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409,
    0x2039, 0x040A, 0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0,
    0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB,
    0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6,
    0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457};

char32_t Cp1251ToUnicode(uint8_t b) {
  if (b < 0x80) return b;
  if (b >= 0xC0) return 0x410 + (b - 0xC0);
  return kCp1251High[b - 0x80];
}

// CP1251 bytes -> key alphabet. False for characters outside it.
bool Cp1251ToKey(std::string_view in, std::string* out) {
  out->clear();
  for (unsigned char b : in) {
    const int k = alphabet::Encode(Cp1251ToUnicode(b));
    if (k < 0x20) return false;
    out->push_back(static_cast<char>(k));
  }
  return true;
}

uint16_t AzValue(const unsigned char* p) {
  return static_cast<uint16_t>(((p[0] ^ 1) << 6) + (p[1] >> 1));
}

void PutBE(std::string* s, uint32_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) s->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

template <typename T>
void Put(std::string* s, T v) {
  s->append(reinterpret_cast<const char*>(&v), sizeof(v));
}

// The top-level JSON array of a file (every az dictionary JSON file is one). The array views
// parser-owned memory: valid until the parser's next load.
Result<simdjson::dom::array> LoadJsonArray(simdjson::dom::parser& parser, const std::string& path) {
  simdjson::dom::element e;
  auto err = parser.load(path).get(e);
  if (err) return InvalidArgument(path + ": " + simdjson::error_message(err));
  simdjson::dom::array arr;
  if (e.get_array().get(arr)) return InvalidArgument(path + ": expected an array");
  return arr;
}

std::string StringTable(const std::vector<std::string>& strings) {
  std::string s;
  Put<uint32_t>(&s, static_cast<uint32_t>(strings.size()));
  uint32_t off = 0;
  Put<uint32_t>(&s, 0);
  for (const auto& x : strings) {
    off += static_cast<uint32_t>(x.size());
    Put<uint32_t>(&s, off);
  }
  for (const auto& x : strings) s += x;
  return s;
}

}  // namespace

const char* const kNonWordTags[10] = {"PNCT",
                                      "NUMB,intg",
                                      "NUMB,real",
                                      "LATN",
                                      "ROMN",
                                      "UNKN",
                                      "SYMB",
                                      "NOUN,anim,masc,Sgtm,Name,Fixd,Abbr,Init sing,nomn",
                                      "NOUN,anim,femn,Sgtm,Name,Fixd,Abbr,Init sing,nomn",
                                      "NOUN,anim,masc,Sgtm,Patr,Fixd,Abbr,Init sing,nomn"};

DictSource TinyDictSource() {
  DictSource s;
  for (const char* g : {"POST", "NOUN", "ADJF", "VERB", "INFN", "NPRO", "CONJ", "PRCL", "ADVB",
                        "PREP", "NUMR", "PRED", "INTJ", "ADJS", "COMP", "PRTF", "PRTS", "GRND"}) {
    s.grammemes.emplace_back(g, std::string(g) == "POST" ? "" : "POST");
  }
  for (const char* g :
       {"anim", "inan", "masc", "femn", "neut", "sing", "plur", "nomn", "gent", "datv", "accs",
        "ablt", "loct", "Name", "Surn", "Geox", "Orgn", "Abbr", "Fixd", "Sgtm", "Pltm", "Patr",
        "Init", "impf", "perf", "past", "indc", "intr", "tran", "Qual", "Apro"}) {
    s.grammemes.emplace_back(g, "");
  }
  s.tags = {"NOUN,inan,masc sing,nomn",
            "NOUN,inan,masc sing,gent",
            "NOUN,inan,masc plur,nomn",
            "NOUN,inan,masc plur,gent",
            "VERB,perf,intr masc,sing,past,indc",
            "INFN,perf,intr",
            "CONJ",
            "NOUN,anim,masc,Sgtm,Surn sing,nomn",
            "NOUN,anim,masc,Sgtm,Surn sing,gent"};
  for (const char* t : kNonWordTags) s.tags.emplace_back(t);
  auto key = [](std::string_view utf8) {
    std::string k;
    alphabet::EncodeUtf8(utf8, &k);
    return k;
  };
  s.suffixes = {key(""), key("а"), key("ы"), key("ов"), key("л"), key("ть")};
  // 0: стол-like noun; 1: verb past + infinitive (infinitive first); 2: invariable CONJ;
  // 3: surname.
  s.paradigms = {
      {0, 1, 2, 3, 0, 1, 2, 3, 0, 0, 0, 0}, {5, 4, 5, 4, 0, 0}, {0, 6, 0}, {0, 1, 7, 8, 0, 0}};
  auto form = [&](std::string_view w, uint16_t p, uint16_t f) {
    s.forms.push_back({key(w), p, f});
  };
  for (const char* stem : {"стол", "стул", "дом", "завод", "мост", "лес"}) {
    const std::string st(stem);
    form(st, 0, 0);
    form(st + "а", 0, 1);
    form(st + "ы", 0, 2);
    form(st + "ов", 0, 3);
  }
  form("ёж", 0, 0);
  form("ёжа", 0, 1);
  form("стать", 1, 0);
  form("стал", 1, 1);
  form("и", 2, 0);
  form("лавров", 3, 0);
  form("лаврова", 3, 1);
  s.probs = {{key("стола"), 1, 900000}, {key("столы"), 2, 1000000}};
  s.guesses = {{0, key("ол"), 10, 0, 0}, {0, key("ола"), 8, 0, 1}, {0, key("ал"), 5, 1, 1}};
  s.license = "tiny test dictionary (CC BY-SA 3.0 like its source)\n";
  s.meta = "tiny=1\n";
  std::sort(s.forms.begin(), s.forms.end(),
            [](const auto& a, const auto& b) { return a.word < b.word; });
  return s;
}

Result<DictSource> ReadAzDicts(const std::string& dir) {
  DictSource src;
  simdjson::dom::parser parser;
  std::string meta_text;
  {
    const std::string path = dir + "/meta.json";
    auto arr = LoadJsonArray(parser, path);
    if (!arr.ok()) return arr.status();
    for (simdjson::dom::element kv : *arr) {
      simdjson::dom::array pair;
      std::string_view key;
      if (kv.get_array().get(pair) || pair.size() != 2 || pair.at(0).get_string().get(key)) {
        return InvalidArgument(path + ": expected [key, value] pairs");
      }
      std::string value = simdjson::minify(pair.at(1).value());
      if (value.size() >= 2 && value.front() == '"') value = value.substr(1, value.size() - 2);
      meta_text += "az." + std::string(key) + "=" + value + "\n";
    }
  }
  {
    const std::string path = dir + "/grammemes.json";
    auto arr = LoadJsonArray(parser, path);
    if (!arr.ok()) return arr.status();
    for (simdjson::dom::element g : *arr) {
      std::string_view name, parent;
      if (g.at(0).get_string().get(name) || g.at(1).get_string().get(parent)) {
        return InvalidArgument(path + ": bad grammeme entry");
      }
      src.grammemes.emplace_back(std::string(name), std::string(parent));
    }
  }
  {
    const std::string path = dir + "/gramtab-opencorpora-int.json";
    auto arr = LoadJsonArray(parser, path);
    if (!arr.ok()) return arr.status();
    for (simdjson::dom::element t : *arr) {
      std::string_view s;
      if (t.get_string().get(s)) return InvalidArgument(path + ": tag is not a string");
      src.tags.emplace_back(s);
    }
  }
  {
    const std::string path = dir + "/suffixes.json";
    auto arr = LoadJsonArray(parser, path);
    if (!arr.ok()) return arr.status();
    for (simdjson::dom::element t : *arr) {
      std::string_view s;
      std::string key;
      if (t.get_string().get(s) || !alphabet::EncodeUtf8(s, &key)) {
        return InvalidArgument(path + ": suffix #" + std::to_string(src.suffixes.size()) +
                               " is not a string in the key alphabet");
      }
      src.suffixes.push_back(std::move(key));
    }
  }
  {
    const std::string path = dir + "/paradigms.array";
    auto data = ReadFile(path);
    if (!data.ok()) return data.status();
    const std::string& d = *data;
    size_t pos = 0;
    auto next = [&](uint16_t* v) {
      if (pos + 2 > d.size()) return false;
      std::memcpy(v, d.data() + pos, 2);
      pos += 2;
      return true;
    };
    uint16_t count;
    if (!next(&count)) return DataLoss(path + ": truncated");
    for (uint16_t p = 0; p < count; ++p) {
      uint16_t len;
      if (!next(&len) || len % 3 != 0 || len == 0) {
        return DataLoss(path + ": paradigm " + std::to_string(p) + ": bad length at byte " +
                        std::to_string(pos));
      }
      std::vector<uint16_t> para(len);
      for (auto& v : para) {
        if (!next(&v)) return DataLoss(path + ": truncated in paradigm " + std::to_string(p));
      }
      const size_t n = len / 3;
      for (size_t i = 0; i < n; ++i) {
        if (para[i] >= src.suffixes.size() || para[n + i] >= src.tags.size() ||
            para[2 * n + i] >= dictfmt::kParadigmPrefixCount) {
          return DataLoss(path + ": paradigm " + std::to_string(p) + " form " + std::to_string(i) +
                          ": id out of range");
        }
      }
      src.paradigms.push_back(std::move(para));
    }
    if (pos != d.size())
      return DataLoss(path + ": " + std::to_string(d.size() - pos) + " trailing bytes");
  }
  {
    const std::string path = dir + "/words.dawg";
    auto dawg = DawgdicReader::Load(path);
    if (!dawg.ok()) return dawg.status();
    Status bad;
    std::string word;
    src.forms.reserve(5200000);
    Status st = dawg->ForEach([&](std::string_view key, uint32_t) {
      if (!bad.ok()) return;
      const size_t sep = key.find('\x01');
      if (sep == std::string_view::npos || key.size() != sep + 1 + dictfmt::kFormPayload ||
          !Cp1251ToKey(key.substr(0, sep), &word)) {
        std::string hex;
        for (unsigned char c : key) {
          static const char* kHex = "0123456789abcdef";
          hex += kHex[c >> 4];
          hex += kHex[c & 15];
        }
        bad = DataLoss(path + ": unexpected key #" + std::to_string(src.forms.size()) + " (" + hex +
                       ")");
        return;
      }
      const auto* p = reinterpret_cast<const unsigned char*>(key.data() + sep + 1);
      const uint16_t para = AzValue(p), form = AzValue(p + 2);
      if (para >= src.paradigms.size() || form >= src.paradigms[para].size() / 3) {
        bad = DataLoss(path + ": key #" + std::to_string(src.forms.size()) +
                       ": paradigm/form out of range");
        return;
      }
      src.forms.push_back({word, para, form});
    });
    if (!st.ok()) return st;
    if (!bad.ok()) return bad;
  }
  std::unordered_map<std::string, uint16_t> tag_ids;
  for (size_t i = 0; i < src.tags.size(); ++i) tag_ids.emplace(src.tags[i], i);
  auto tag_id = [&](const std::string& t) {
    auto [it, inserted] = tag_ids.emplace(t, static_cast<uint16_t>(src.tags.size()));
    if (inserted) src.tags.push_back(t);
    return it->second;
  };
  {
    const std::string path = dir + "/p_t_given_w.intdawg";
    auto dawg = DawgdicReader::Load(path);
    if (!dawg.ok()) return dawg.status();
    Status bad;
    std::string word;
    Status st = dawg->ForEach([&](std::string_view key, uint32_t value) {
      const size_t colon = key.rfind(':');
      if (colon == std::string_view::npos || value > 1000000) {
        if (bad.ok())
          bad = DataLoss(path + ": unexpected key #" + std::to_string(src.probs.size()));
        return;
      }
      if (!Cp1251ToKey(key.substr(0, colon), &word)) return;  // not a word we can look up
      src.probs.push_back({word, tag_id(std::string(key.substr(colon + 1))), value});
    });
    if (!st.ok()) return st;
    if (!bad.ok()) return bad;
  }
  for (const char* t : kNonWordTags) tag_id(t);
  for (int prefix = 0; prefix < dictfmt::kParadigmPrefixCount; ++prefix) {
    const std::string path = dir + "/prediction-suffixes-" + std::to_string(prefix) + ".dawg";
    auto dawg = DawgdicReader::Load(path);
    if (!dawg.ok()) return dawg.status();
    Status bad;
    std::string ending;
    Status st = dawg->ForEach([&](std::string_view key, uint32_t) {
      const size_t sep = key.find('\x01');
      if (sep == std::string_view::npos || key.size() != sep + 1 + dictfmt::kGuessPayload ||
          !Cp1251ToKey(key.substr(0, sep), &ending)) {
        if (bad.ok()) bad = DataLoss(path + ": unexpected key");
        return;
      }
      const auto* p = reinterpret_cast<const unsigned char*>(key.data() + sep + 1);
      const uint16_t count = AzValue(p), para = AzValue(p + 2), form = AzValue(p + 4);
      if (para >= src.paradigms.size() || form >= src.paradigms[para].size() / 3) {
        if (bad.ok()) bad = DataLoss(path + ": paradigm/form out of range");
        return;
      }
      src.guesses.push_back({static_cast<uint8_t>(prefix), ending, count, para, form});
    });
    if (!st.ok()) return st;
    if (!bad.ok()) return bad;
  }
  src.license =
      "svodka Russian morphology dictionary (ru.dict)\n"
      "\n"
      "Data: OpenCorpora dictionary 0.92, revision 394551 (http://opencorpora.org),\n"
      "licensed under Creative Commons Attribution-ShareAlike 3.0 (CC BY-SA 3.0),\n"
      "https://creativecommons.org/licenses/by-sa/3.0/. This file is a derived work and is\n"
      "distributed under the same license.\n"
      "\n"
      "Provenance: compiled by svodka-dict-compile from the dictionaries packaged in the npm\n"
      "package az@0.2.3 (pymorphy2 0.8 build of 2016-04-14; package code MIT), tarball\n"
      "az-0.2.3.tgz, integrity sha512-U8d6Tw8ohZ8dcEp8aKjFYo+DU3BT8JPmYqmW0A0BsWW8ocP+F6gLZvrt"
      "glHq7pYa84dCEp3NHAoZoC4W3Lth2w==\n";
  src.meta = meta_text;
  return src;
}

Result<std::string> BuildDictionary(const DictSource& src) { return BuildDictionary(src, nullptr); }

Result<std::string> BuildDictionary(const DictSource& src, BuildStats* stats) {
  BuildStats local;
  BuildStats& st = stats ? *stats : local;
  std::map<uint32_t, std::string> sections;
  {
    std::string g;
    for (const auto& [name, parent] : src.grammemes) g += name + "\t" + parent + "\n";
    sections[dictfmt::kGrammemes] = g;
    std::string t;
    for (const auto& tag : src.tags) {
      if (tag.find('\n') != std::string::npos) return InvalidArgument("tag contains a newline");
      t += tag + "\n";
    }
    sections[dictfmt::kTags] = t;
  }
  sections[dictfmt::kSuffixes] = StringTable(src.suffixes);
  {
    std::string s;
    Put<uint32_t>(&s, static_cast<uint32_t>(src.paradigms.size()));
    uint32_t off = 0;
    Put<uint32_t>(&s, 0);
    for (const auto& p : src.paradigms) {
      if (p.empty() || p.size() % 3 != 0) return InvalidArgument("bad paradigm length");
      off += static_cast<uint32_t>(p.size());
      Put<uint32_t>(&s, off);
    }
    for (const auto& p : src.paradigms)
      s.append(reinterpret_cast<const char*>(p.data()), p.size() * 2);
    sections[dictfmt::kParadigms] = s;
  }
  {
    std::vector<std::string> keys;
    keys.reserve(src.forms.size() + src.probs.size());
    for (const auto& f : src.forms) {
      if (f.paradigm >= src.paradigms.size() || f.form >= src.paradigms[f.paradigm].size() / 3) {
        return InvalidArgument("form entry out of range for word #" + std::to_string(keys.size()));
      }
      std::string k = f.word;
      k.push_back(dictfmt::kFormSep);
      PutBE(&k, f.paradigm, 2);
      PutBE(&k, f.form, 2);
      keys.push_back(std::move(k));
    }
    for (const auto& p : src.probs) {
      if (p.tag >= src.tags.size() || p.p_million > 1000000) return InvalidArgument("bad P(t|w)");
      std::string k = p.word;
      k.push_back(dictfmt::kProbSep);
      PutBE(&k, p.tag, 2);
      PutBE(&k, p.p_million, 3);
      keys.push_back(std::move(k));
    }
    std::sort(keys.begin(), keys.end());
    DafsaBuilder b;
    std::string_view prev_word;
    for (const auto& k : keys) {
      for (unsigned char c : k.substr(0, k.find_first_of("\x01\x02"))) {
        if (c < 0x20) return InvalidArgument("word with a control byte");
      }
      if (Status s = b.Add(k); !s.ok()) return s;
      std::string_view w(k.data(), k.find_first_of("\x01\x02"));
      if (w != prev_word) ++st.distinct_words;
      prev_word = w;
    }
    st.forms = src.forms.size();
    st.probs = src.probs.size();
    sections[dictfmt::kWords] = b.Finish();
    st.word_transitions = b.transition_count();
  }
  {
    std::vector<std::string> keys;
    for (const auto& g : src.guesses) {
      std::string k(1, static_cast<char>(dictfmt::kGuessPrefixBase + g.prefix));
      k += g.ending;
      k.push_back(dictfmt::kFormSep);
      PutBE(&k, g.count, 2);
      PutBE(&k, g.paradigm, 2);
      PutBE(&k, g.form, 2);
      keys.push_back(std::move(k));
    }
    std::sort(keys.begin(), keys.end());
    DafsaBuilder b;
    for (const auto& k : keys) {
      if (Status s = b.Add(k); !s.ok()) return s;
    }
    sections[dictfmt::kGuess] = b.Finish();
    st.guesses = keys.size();
    st.guess_transitions = b.transition_count();
  }
  {
    // Tag prior: corpus frequency of each tag as seen in P(tag|word) (each ambiguous word
    // contributes its distribution), plus add-one-per-form smoothing from the dictionary.
    std::vector<double> w(src.tags.size(), 0.0);
    for (const auto& p : src.probs) w[p.tag] += p.p_million / 1e6;
    double total = 0;
    for (double x : w) total += x;
    std::vector<double> forms(src.tags.size(), 0.0);
    for (const auto& f : src.forms) {
      const auto& para = src.paradigms[f.paradigm];
      forms[para[para.size() / 3 + f.form]] += 1;
    }
    double ftotal = 0;
    for (double x : forms) ftotal += x;
    std::string s;
    for (size_t t = 0; t < src.tags.size(); ++t) {
      const double v =
          0.9 * (total > 0 ? w[t] / total : 0) + 0.1 * (ftotal > 0 ? forms[t] / ftotal : 0) + 1e-7;
      Put<float>(&s, static_cast<float>(v));
    }
    sections[dictfmt::kTagPrior] = s;
  }
  sections[dictfmt::kLicense] = src.license;
  sections[dictfmt::kMeta] = src.meta + "forms=" + std::to_string(src.forms.size()) +
                             "\ndistinct_words=" + std::to_string(st.distinct_words) +
                             "\nparadigms=" + std::to_string(src.paradigms.size()) +
                             "\ntags=" + std::to_string(src.tags.size()) + "\n";

  // Assemble: header, table, aligned sections.
  if (sections.size() != dictfmt::kSectionCount) return Internal("section list incomplete");
  std::string out(dictfmt::kHeaderSize + dictfmt::kSectionEntrySize * sections.size(), '\0');
  std::vector<std::pair<uint64_t, uint64_t>> where;
  for (const auto& [id, bytes] : sections) {
    while (out.size() % 8 != 0) out.push_back('\0');
    where.emplace_back(out.size(), bytes.size());
    out += bytes;
  }
  std::memcpy(out.data(), dictfmt::kMagic, 8);
  const uint32_t version = dictfmt::kVersion, count = static_cast<uint32_t>(sections.size());
  const uint64_t size = out.size();
  std::memcpy(out.data() + 8, &version, 4);
  std::memcpy(out.data() + 12, &count, 4);
  std::memcpy(out.data() + 16, &size, 8);
  size_t i = 0;
  for (const auto& [id, bytes] : sections) {
    char* e = out.data() + dictfmt::kHeaderSize + dictfmt::kSectionEntrySize * i;
    const uint32_t sid = id, zero = 0;
    std::memcpy(e, &sid, 4);
    std::memcpy(e + 4, &zero, 4);
    std::memcpy(e + 8, &where[i].first, 8);
    std::memcpy(e + 16, &where[i].second, 8);
    ++i;
  }
  const uint64_t checksum = dictfmt::Checksum(out);  // last: it covers everything else
  std::memcpy(out.data() + dictfmt::kChecksumOffset, &checksum, 8);
  st.bytes = out.size();
  return out;
}

}  // namespace svodka
