// Traditional to simplified conversion and script detection; see qingxi/convert.h.
//
// Data (all in the rules directory, nothing read from the system's OpenCC data):
//  * opencc/*.txt — OpenCC's current text dictionaries (Apache-2.0, see opencc/README.md), read
//    with OpenCC's own TextDict loader. Text rather than .ocd2: no build step and no dependence
//    on the marisa format of the installed library, diffable data, and the whole set (about
//    8,000 entries) loads in a few milliseconds.
//  * t2s_corrections.rules — qingxi's corrections (著/着, 瞭/了, ...).
//  * script_chars.rules — traditional-only, variant and simplified-only characters, generated
//    from Unihan by scripts/gen-script-chars.py.
//
// One table, one pass. OpenCC's tw2s chain converts in two stages: Taiwan (and here also Hong
// Kong) variant forms to OpenCC's standard forms (TWVariantsRevPhrases, TWVariants read value →
// key), then standard traditional to simplified (TSPhrases, TSCharacters). We compose the
// stages when loading: every first-stage entry gets, as its value, the second stage's
// conversion of its OpenCC value, and joins the second stage's entries in one table that
// forward maximum matching walks once (the longest key wins; for the same key a correction wins
// over a first-stage entry, which wins over OpenCC's second stage). tests/convert_test.cc
// checks the result against OpenCC's own two-stage converter on the same files. With
// --vocab, TWPhrasesRev or HKPhrasesRev join the first stage, as in OpenCC's tw2sp.
//
// What is converted. Every key of the table is marked "forced" when it holds a traditional-only
// or variant character. ToSimplified returns its input unchanged when it holds no such
// character (one table read per three-byte character: the common case of a simplified corpus).
// Otherwise the text is cut into spans (a line, or a sentence ending in 。！？；); a span whose
// traditional-only characters outnumber its simplified-only ones (ties and spans with neither
// follow the document's majority) is traditional and is converted whole, so 著, 乾, 瞭 become
// 着, 干, 了 there. In any other span only forced keys are converted: 問題 in a simplified
// sentence becomes 问题, while 著, 乾, 干, 后, 于 — characters a simplified author writes —
// stay as written.
#include "qingxi/convert.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <opencc/Exception.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/TextDict.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "qingxi/rule_file.h"
#include "qingxi/utf8.h"

namespace qingxi {

bool ParseVocab(std::string_view name, Vocab* out) {
  if (name == "none")
    *out = Vocab::kNone;
  else if (name == "tw")
    *out = Vocab::kTaiwan;
  else if (name == "hk")
    *out = Vocab::kHongKong;
  else
    return false;
  return true;
}

namespace {

constexpr const char* kCorrectionsFile = "t2s_corrections.rules";
constexpr const char* kScriptCharsFile = "script_chars.rules";
constexpr const char* kOpenccSubdir = "opencc";

// kTradKeep: traditional-only, but kept as written inside simplified sentences (script_chars.rules
// and t2s_corrections.rules `keep` lines).
enum CharClass : uint8_t { kNeutral = 0, kTradOnly = 1, kSimpOnly = 2, kTradKeep = 3 };

inline bool IsTrad(uint8_t c) { return c == kTradOnly || c == kTradKeep; }

// Decodes one code point of valid UTF-8 starting at s[i]; returns its byte length.
inline size_t DecodeAt(std::string_view s, size_t i, char32_t* cp) {
  unsigned char c = s[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t p = i;
  *cp = utf8::Next(s, &p);
  return p - i;
}

// Splits a VALUE of the form "KEY REPLACEMENT" at its single run of spaces.
bool SplitPair(std::string_view v, std::string_view* a, std::string_view* b) {
  size_t sp = v.find_first_of(" \t");
  if (sp == std::string_view::npos) return false;
  *a = v.substr(0, sp);
  size_t rest = v.find_first_not_of(" \t", sp);
  if (rest == std::string_view::npos) return false;
  *b = v.substr(rest);
  return b->find_first_of(" \t") == std::string_view::npos && !a->empty();
}

bool SingleCodePoint(std::string_view u, char32_t* c) {
  if (u.empty()) return false;
  size_t p = 0;
  *c = utf8::Next(u, &p);
  return p == u.size();
}

using Pairs = std::vector<std::pair<std::string, std::string>>;  // key, default value

// Reads one OpenCC text dictionary (KEY<TAB>VALUE[ VALUE...] lines) through OpenCC's TextDict:
// (key, first value) into `out`, and (key, other value) into `others` when given.
Status LoadTextDict(const std::string& path, Pairs* out, Pairs* others = nullptr) {
  FILE* fp = std::fopen(path.c_str(), "rb");
  if (fp == nullptr)
    return Status::NotFound("convert: cannot open OpenCC dictionary " + path +
                            " (the rules directory must hold opencc/; see docs/conversion.md)");
  try {
    opencc::TextDictPtr dict = opencc::TextDict::NewFromFile(fp);
    std::fclose(fp);
    fp = nullptr;
    opencc::LexiconPtr lex = dict->GetLexicon();
    out->reserve(lex->Length());
    for (const auto& e : *lex) {
      std::vector<std::string> values = e->Values();
      if (values.empty() || !utf8::IsValid(e->Key()) || !utf8::IsValid(values[0]))
        return Status::InvalidArgument("convert: bad entry '" + e->Key() + "' in " + path);
      out->emplace_back(e->Key(), values[0]);
      if (others != nullptr)
        for (size_t j = 1; j < values.size(); ++j) others->emplace_back(e->Key(), values[j]);
    }
  } catch (const std::exception& e) {  // OpenCC reports malformed files by throwing
    if (fp != nullptr) std::fclose(fp);
    return Status::InvalidArgument("convert: bad OpenCC dictionary " + path + ": " + e.what());
  }
  return Status::Ok();
}

// Character classes, from script_chars.rules.
class CharClasses {
 public:
  uint8_t Get(char32_t cp) const {
    if (cp < 0x10000) return bmp_[cp];
    auto it = supp_.find(cp);
    return it == supp_.end() ? static_cast<uint8_t>(kNeutral) : it->second;
  }
  void Set(char32_t cp, uint8_t c) {
    if (cp < 0x10000)
      bmp_[cp] = c;
    else
      supp_[cp] = c;
  }
  // True when `s` holds a character converted wherever it stands.
  bool AnyForced(std::string_view s) const {
    for (size_t i = 0; i < s.size();) {
      char32_t cp;
      i += DecodeAt(s, i, &cp);
      if (Get(cp) == kTradOnly) return true;
    }
    return false;
  }

 private:
  std::vector<uint8_t> bmp_ = std::vector<uint8_t>(0x10000, kNeutral);
  std::unordered_map<char32_t, uint8_t> supp_;
};

// Keys (traditional UTF-8) to simplified values, walked by forward maximum matching.
class Table {
 public:
  struct Entry {
    std::string value;
    bool forced = false;  // the key holds a character converted wherever it stands
  };

  // Adds or replaces the entry for `key`.
  void Put(const std::string& key, std::string value, const CharClasses& cls) {
    Entry e{std::move(value), cls.AnyForced(key)};
    char32_t cp;
    if (SingleCodePoint(key, &cp) && cp < 0x10000) {
      if (bmp_[cp] < 0) {
        bmp_[cp] = static_cast<int32_t>(entries_.size());
        entries_.push_back(std::move(e));
      } else {
        entries_[bmp_[cp]] = std::move(e);
      }
      return;
    }
    auto [it, fresh] = map_.try_emplace(key, static_cast<int32_t>(entries_.size()));
    if (fresh)
      entries_.push_back(std::move(e));
    else
      entries_[it->second] = std::move(e);
    size_t p = 0;
    char32_t first = utf8::Next(key, &p);
    uint8_t len = static_cast<uint8_t>(std::min<size_t>(utf8::CountCodePoints(key), 255));
    if (first < 0x10000) {
      bmp_max_len_[first] = std::max(bmp_max_len_[first], len);
    } else {
      uint8_t& m = supp_max_len_[first];
      m = std::max(m, len);
    }
  }

  // The entry of the longest key starting at s[i] (nullptr when none); *end is where it ends.
  // *cp and *len describe the character at i.
  const Entry* Match(std::string_view s, size_t i, char32_t* cp, size_t* len, size_t* end,
                     std::string* scratch) const {
    *len = DecodeAt(s, i, cp);
    size_t max_len = 0;
    if (*cp < 0x10000) {
      max_len = bmp_max_len_[*cp];
    } else if (auto ml = supp_max_len_.find(*cp); ml != supp_max_len_.end()) {
      max_len = ml->second;
    }
    if (max_len > 0) {
      size_t ends[256];
      size_t k = 0, p = i;
      while (k < max_len && p < s.size()) {
        char32_t ignored;
        p += DecodeAt(s, p, &ignored);
        ends[k++] = p;
      }
      for (size_t n = k; n >= 1; --n) {
        scratch->assign(s.data() + i, ends[n - 1] - i);
        if (auto it = map_.find(*scratch); it != map_.end()) {
          *end = ends[n - 1];
          return &entries_[it->second];
        }
      }
    }
    if (*cp < 0x10000 && bmp_[*cp] >= 0) {
      *end = i + *len;
      return &entries_[bmp_[*cp]];
    }
    return nullptr;
  }

  // Forward maximum matching over `s`; with `forced_only`, entries whose key holds no
  // traditional-only character are not applied (the character is copied and matching moves on
  // by one character, so a forced key starting inside it is still found).
  void Convert(std::string_view s, bool forced_only, std::string* out) const {
    std::string scratch;
    size_t i = 0;
    while (i < s.size()) {
      char32_t cp;
      size_t len, end;
      const Entry* e = Match(s, i, &cp, &len, &end, &scratch);
      if (e != nullptr && (e->forced || !forced_only)) {
        out->append(e->value);
        i = end;
      } else {
        out->append(s.data() + i, len);
        i += len;
      }
    }
  }

  std::string Convert(std::string_view s) const {
    std::string out;
    Convert(s, false, &out);
    return out;
  }

 private:
  std::vector<Entry> entries_;
  std::vector<int32_t> bmp_ = std::vector<int32_t>(0x10000, -1);
  std::vector<uint8_t> bmp_max_len_ = std::vector<uint8_t>(0x10000, 0);
  std::unordered_map<char32_t, uint8_t> supp_max_len_;
  std::unordered_map<std::string, int32_t> map_;  // multi-character and non-BMP keys
};

class OpenccConverter : public Converter {
 public:
  Status Init(const RuleSources& rules_dir, const ConvertOptions& options);
  Script Detect(std::string_view utf8) const override;
  std::string ToSimplified(std::string_view utf8) const override;
  bool IsTraditionalOnly(char32_t cp) const override { return IsTrad(classes_.Get(cp)); }

 private:
  struct Counts {
    size_t trad = 0, simp = 0;
  };
  Counts Count(std::string_view s) const;
  Status LoadScriptChars(const RuleSources& rules_dir, Pairs* unihan);
  Status LoadCorrections(const RuleSources& rules_dir, Pairs* out);

  CharClasses classes_;
  Table table_;
};

Status OpenccConverter::LoadScriptChars(const RuleSources& rules_dir, Pairs* unihan) {
  Result<RuleFile> rf = rules_dir.Load(kScriptCharsFile);
  if (!rf.ok()) return rf.status();
  for (const RuleEntry& e : rf->entries()) {
    std::string_view c = e.value, simp;
    if (e.directive == "trad" && e.value.find(' ') != std::string::npos &&
        !SplitPair(e.value, &c, &simp))
      return rf->Error(e, "expected 'trad CHAR [SIMPLIFIED]'");
    char32_t cp;
    if (!SingleCodePoint(c, &cp) || !utf8::IsHan(cp))
      return rf->Error(e, "expected one Han character");
    if (e.directive == "keep") {
      if (!IsTrad(classes_.Get(cp)))
        return rf->Error(e, "'keep' needs a trad or variant line before it");
      classes_.Set(cp, kTradKeep);
      continue;
    }
    classes_.Set(cp, e.directive == "simp" ? kSimpOnly : kTradOnly);
    if (!simp.empty()) unihan->emplace_back(std::string(c), std::string(simp));
  }
  return Status::Ok();
}

Status OpenccConverter::LoadCorrections(const RuleSources& rules_dir, Pairs* out) {
  Result<RuleFile> rf = rules_dir.Load(kCorrectionsFile);
  if (!rf.ok()) return rf.status();
  std::unordered_map<std::string, int> seen;
  for (const RuleEntry& e : rf->entries()) {
    if (e.directive == "keep") {
      char32_t cp;
      if (!SingleCodePoint(e.value, &cp) || !IsTrad(classes_.Get(cp)))
        return rf->Error(e, "'keep' takes one traditional-only character");
      classes_.Set(cp, kTradKeep);
      continue;
    }
    std::string_view key, repl;
    if (!SplitPair(e.value, &key, &repl))
      return rf->Error(e, "expected 'phrase TRADITIONAL SIMPLIFIED'");
    if (!utf8::IsValid(key) || !utf8::IsValid(repl)) return rf->Error(e, "not valid UTF-8");
    if (!seen.emplace(std::string(key), e.line).second)
      return rf->Error(e, "duplicate key '" + std::string(key) + "'");
    out->emplace_back(std::string(key), std::string(repl));
  }
  return Status::Ok();
}

Status OpenccConverter::Init(const RuleSources& rules_dir, const ConvertOptions& options) {
  std::string dict_dir = rules_dir.base() + "/" + kOpenccSubdir;
  if (const char* env = std::getenv("QINGXI_OPENCC_DIR"); env && *env) dict_dir = env;
  auto load = [&dict_dir](const char* name, Pairs* out, Pairs* others = nullptr) {
    return LoadTextDict(dict_dir + "/" + name, out, others);
  };

  Pairs unihan, corrections;
  if (Status s = LoadScriptChars(rules_dir, &unihan); !s.ok()) return s;
  if (Status s = LoadCorrections(rules_dir, &corrections); !s.ok()) return s;

  // Second stage: standard traditional -> simplified. Unihan's simplified form comes first so
  // that OpenCC's tables, where they have the character, decide (the rare characters OpenCC
  // keeps as they are, and the names, come out as its dictionaries say).
  Pairs ts_chars, ts_phrases;
  if (Status s = load("TSCharacters.txt", &ts_chars); !s.ok()) return s;
  if (Status s = load("TSPhrases.txt", &ts_phrases); !s.ok()) return s;
  Table stage2;
  for (const Pairs* p : {&unihan, &ts_chars, &ts_phrases, &corrections})
    for (const auto& [k, v] : *p) stage2.Put(k, v, classes_);

  // First stage: regional forms -> OpenCC's standard forms, composed with the second stage.
  std::vector<const char*> phrase_files = {"TWVariantsRevPhrases.txt", "HKVariantsRevPhrases.txt"};
  if (options.vocab == Vocab::kTaiwan)
    phrase_files.insert(phrase_files.begin(), "TWPhrasesRev.txt");
  if (options.vocab == Vocab::kHongKong)
    phrase_files.insert(phrase_files.begin(), "HKPhrasesRev.txt");
  std::map<std::string, std::string> stage1;  // first file that names a key wins
  for (const char* name : phrase_files) {
    Pairs p;
    if (Status s = load(name, &p); !s.ok()) return s;
    for (auto& [k, v] : p) stage1.emplace(k, stage2.Convert(v));
  }
  // The variant tables map standard -> regional; read value -> key. A regional form that
  // reverses to standard forms converting differently (么 from 幺 and from 麼) is left to the
  // second stage.
  std::map<std::string, std::vector<std::string>> reversed;
  for (const char* name : {"TWVariants.txt", "HKVariants.txt"}) {
    Pairs p;
    if (Status s = load(name, &p, &p); !s.ok()) return s;
    for (const auto& [standard, regional] : p)
      reversed[regional].push_back(stage2.Convert(standard));
  }
  for (auto& [regional, outs] : reversed) {
    const std::string& first = outs[0];  // a structured binding is not captured (clang 14)
    if (std::all_of(outs.begin(), outs.end(), [&first](const std::string& o) { return o == first; }))
      stage1.emplace(regional, first);
  }
  Pairs compat;
  if (Status s = load("CJK_Compatibility_Ideographs.txt", &compat); !s.ok()) return s;
  for (const auto& [k, v] : compat) stage1.emplace(k, stage2.Convert(v));

  // The one table: the second stage, the composed first stage over it, corrections on top.
  for (const Pairs* p : {&unihan, &ts_chars, &ts_phrases})
    for (const auto& [k, v] : *p) table_.Put(k, v, classes_);
  for (const auto& [k, v] : stage1) table_.Put(k, v, classes_);
  for (const auto& [k, v] : corrections) table_.Put(k, v, classes_);
  return Status::Ok();
}

OpenccConverter::Counts OpenccConverter::Count(std::string_view s) const {
  Counts c;
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = s[i];
    if (b < 0xE0) {  // ASCII and 2-byte sequences hold no Han characters
      ++i;
      continue;
    }
    char32_t cp;
    if (b < 0xF0 && i + 2 < n) {
      cp = ((b & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      i += 3;
    } else {
      i += DecodeAt(s, i, &cp);
    }
    uint8_t k = classes_.Get(cp);
    c.trad += IsTrad(k);
    c.simp += k == kSimpOnly;
  }
  return c;
}

Script OpenccConverter::Detect(std::string_view s) const {
  Counts c = Count(s);
  size_t total = c.trad + c.simp;
  if (total == 0) return Script::kUnknown;
  size_t minority = std::min(c.trad, c.simp);
  // A few characters of the other script are normal (a quoted name, a variant a site's input
  // method produced); a real mixture has a sizeable share of both.
  if (minority >= 3 && minority * 5 >= total) return Script::kMixed;
  return c.trad > c.simp ? Script::kHant : Script::kHans;
}

// A span ends after a line break or a sentence-final mark, so a simplified sentence inside a
// traditional document (or the reverse) is judged on its own.
size_t SpanEnd(std::string_view s, size_t i) {
  while (i < s.size()) {
    unsigned char b = s[i];
    if (b == '\n') return i + 1;
    if (b == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x82)  // 。 U+3002
      return i + 3;
    if (b == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
      unsigned char t = s[i + 2];
      if (t == 0x81 || t == 0x9F || t == 0x9B) return i + 3;  // ！ ？ ；
    }
    ++i;
  }
  return s.size();
}

std::string OpenccConverter::ToSimplified(std::string_view s) const {
  Counts total = Count(s);
  // The common case for a simplified corpus: nothing traditional, nothing to do.
  if (total.trad == 0) return std::string(s);
  const bool doc_traditional = total.trad > total.simp;
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  size_t i = 0;
  while (i < s.size()) {
    size_t end = SpanEnd(s, i);
    std::string_view span = s.substr(i, end - i);
    Counts c = Count(span);
    if (c.trad > c.simp || (c.trad == c.simp && doc_traditional)) {
      table_.Convert(span, /*forced_only=*/false, &out);
    } else if (c.trad > 0) {
      // A simplified sentence with a few traditional characters: convert those (and the
      // phrases they stand in), keep everything a simplified author may have written.
      table_.Convert(span, /*forced_only=*/true, &out);
    } else {
      out.append(span);
    }
    i = end;
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<const Converter>> Converter::Create(const RuleSources& rules_dir,
                                                           const ConvertOptions& options) {
  if (Status s = rules_dir.Check(); !s.ok()) return s;
  auto conv = std::make_shared<OpenccConverter>();
  Status s = conv->Init(rules_dir, options);
  if (!s.ok()) return s;
  return std::shared_ptr<const Converter>(std::move(conv));
}

}  // namespace qingxi
