// Traditional to simplified conversion and script detection; see qingxi/convert.h.
//
// Data: OpenCC's t2s dictionaries (TSPhrases + TSCharacters, as /usr/share/opencc/t2s.json
// chains them) loaded through OpenCC's own MarisaDict reader, plus qingxi's corrections from
// rules/t2s_corrections.rules. OpenCC's t2s converter is forward maximum matching over the
// phrase dictionary followed by the character dictionary; we run the same forward maximum
// matching ourselves over the union of {corrections, TSPhrases, TSCharacters} so that a
// correction takes part in the longest-match decision (and wins ties) instead of being a
// second pass that could not see phrase boundaries. Running the matcher ourselves also keeps
// the common case cheap: OpenCC's Conversion builds an ostringstream per segment.
//
// Script detection uses characters that belong to one script only (built from OpenCC's
// character tables at start-up, see Init): traditional-only characters are those t2s changes
// that are not simplified characters in their own right (後, 這, 們); simplified-only ones are
// those s2t changes that no traditional writing uses (这, 们; but not 床 or 秘, which OpenCC
// maps to the orthodox 牀, 祕 while Taiwan and Hong Kong write 床, 秘). 著, 乾, 瞭, 后, 干 ...
// belong to both scripts and decide nothing, which is why simplified text containing them
// (显著, 乾隆, 瞭望, 皇后, 干部) is never touched.
//
// ToSimplified returns its input unchanged when it holds no traditional-only character (one
// table lookup per three-byte character, the common case). Otherwise the text is cut into
// spans (a line, or a sentence ending in 。！？；) and each span is converted only when its
// traditional-only characters outnumber its simplified-only ones (ties and spans without
// either follow the document's majority), so simplified sentences in a mixed document, and
// the odd traditional character a simplified author chose (a name), stay as written.
#include "qingxi/convert.h"

#include <opencc/Exception.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "qingxi/rule_file.h"
#include "qingxi/utf8.h"

namespace qingxi {
namespace {

constexpr const char* kCorrectionsFile = "t2s_corrections.rules";
// Debian's libopencc data; QINGXI_OPENCC_DIR overrides it (other distributions, tests).
constexpr const char* kDefaultOpenccDir = "/usr/share/opencc";

enum CharClass : uint8_t { kNeutral = 0, kTradOnly = 1, kSimpOnly = 2 };

// Decodes one code point of valid UTF-8 starting at s[i]; returns its byte length.
inline size_t DecodeAt(std::string_view s, size_t i, char32_t* cp) {
  unsigned char c = s[i];
  if (c < 0x80) { *cp = c; return 1; }
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

struct Lexicons {
  std::vector<std::pair<std::string, std::vector<std::string>>> ts_chars, ts_phrases, st_chars,
      tw_variants, hk_variants;
};

Status LoadOcd2(const std::string& path,
                std::vector<std::pair<std::string, std::vector<std::string>>>* out) {
  FILE* fp = std::fopen(path.c_str(), "rb");
  if (fp == nullptr) return Status::NotFound("convert: cannot open OpenCC dictionary " + path);
  try {
    opencc::MarisaDictPtr dict = opencc::MarisaDict::NewFromFile(fp);
    std::fclose(fp);
    fp = nullptr;
    opencc::LexiconPtr lex = dict->GetLexicon();
    out->reserve(lex->Length());
    for (const auto& e : *lex) out->emplace_back(e->Key(), e->Values());
  } catch (const std::exception& e) {  // OpenCC reports corrupt files by throwing
    if (fp != nullptr) std::fclose(fp);
    return Status::InvalidArgument("convert: bad OpenCC dictionary " + path + ": " + e.what());
  }
  return Status::Ok();
}

class OpenccConverter : public Converter {
 public:
  Status Init(const std::string& rules_dir);
  Script Detect(std::string_view utf8) const override;
  std::string ToSimplified(std::string_view utf8) const override;

 private:
  struct Counts {
    size_t trad = 0, simp = 0;
  };
  uint8_t Class(char32_t cp) const {
    if (cp < 0x10000) return bmp_class_[cp];
    auto it = supp_class_.find(cp);
    return it == supp_class_.end() ? static_cast<uint8_t>(kNeutral) : it->second;
  }
  Counts Count(std::string_view s) const;
  // Phrase-aware conversion of one span (forward maximum matching).
  void ConvertSpan(std::string_view s, std::string* out) const;

  std::vector<uint8_t> bmp_class_ = std::vector<uint8_t>(0x10000, kNeutral);
  std::unordered_map<char32_t, uint8_t> supp_class_;
  // Single characters: trad code point -> simplified UTF-8 (OpenCC's default value).
  std::unordered_map<char32_t, std::string> char_map_;
  // The same for the BMP as a flat table (index into char_values_, -1 for none) and the
  // longest phrase length per starting character: the per-character cost of ConvertSpan is
  // two array reads.
  std::vector<int32_t> bmp_map_ = std::vector<int32_t>(0x10000, -1);
  std::vector<std::string> char_values_;
  std::vector<uint8_t> bmp_max_len_ = std::vector<uint8_t>(0x10000, 0);
  // Phrases keyed by their traditional UTF-8; corrections are a separate table so that they
  // win ties against OpenCC's phrases of the same length.
  std::unordered_map<std::string, std::string> corrections_, phrases_;
  // Longest key (in code points) of a phrase or correction starting with a given character;
  // 0 when no multi-character key starts with it. Keeps the per-character cost one lookup.
  std::unordered_map<char32_t, uint8_t> max_len_;
};

Status OpenccConverter::Init(const std::string& rules_dir) {
  std::string dir = kDefaultOpenccDir;
  if (const char* env = std::getenv("QINGXI_OPENCC_DIR"); env && *env) dir = env;
  Lexicons lx;
  for (auto [name, vec] : {std::pair{"TSCharacters.ocd2", &lx.ts_chars},
                           std::pair{"TSPhrases.ocd2", &lx.ts_phrases},
                           std::pair{"STCharacters.ocd2", &lx.st_chars},
                           std::pair{"TWVariants.ocd2", &lx.tw_variants},
                           std::pair{"HKVariants.ocd2", &lx.hk_variants}}) {
    Status s = LoadOcd2(dir + "/" + name, vec);
    if (!s.ok()) return s;
  }

  // Character classes (see the file comment). A character is simplified-only when s2t would
  // change it (an STCharacters key not among its own values) and no traditional writing uses
  // it: OpenCC's traditional side holds orthodox forms (牀, 祕) where Taiwan and Hong Kong
  // write 床, 秘, so the TW/HK variant tables count as traditional usage. A character is
  // traditional-only when t2s would change it and it is no STCharacters key (not a
  // simplified character in its own right: 著, 乾, 瞭, 於 are).
  std::unordered_set<char32_t> st_keys, trad_usage;
  char32_t cp;
  auto single = [](const std::string& u, char32_t* c) {
    size_t p = 0;
    if (u.empty()) return false;
    *c = utf8::Next(u, &p);
    return p == u.size();
  };
  auto maps_to_self = [](const std::string& k, const std::vector<std::string>& vals) {
    return std::find(vals.begin(), vals.end(), k) != vals.end();
  };
  for (const auto& [k, vals] : lx.st_chars)
    if (single(k, &cp)) st_keys.insert(cp);
  for (const auto* variants : {&lx.tw_variants, &lx.hk_variants})
    for (const auto& [k, vals] : *variants)
      for (const auto& v : vals)
        if (single(v, &cp)) trad_usage.insert(cp);
  auto set_class = [this](char32_t c, uint8_t cls) {
    if (c < 0x10000) bmp_class_[c] = cls; else supp_class_[c] = cls;
  };
  for (const auto& [k, vals] : lx.ts_chars) {
    if (!single(k, &cp) || vals.empty()) continue;
    char_map_[cp] = vals[0];
    if (cp < 0x10000) {
      bmp_map_[cp] = static_cast<int32_t>(char_values_.size());
      char_values_.push_back(vals[0]);
    }
    if (!maps_to_self(k, vals) && !st_keys.count(cp)) set_class(cp, kTradOnly);
  }
  for (const auto& [k, vals] : lx.st_chars) {
    if (!single(k, &cp) || maps_to_self(k, vals) || trad_usage.count(cp)) continue;
    if (char_map_.count(cp)) continue;  // also a traditional character t2s changes
    set_class(cp, kSimpOnly);
  }

  auto note_len = [this](const std::string& key) {
    size_t p = 0;
    char32_t first = utf8::Next(key, &p);
    size_t n = utf8::CountCodePoints(key);
    uint8_t len = static_cast<uint8_t>(std::min<size_t>(n, 255));
    uint8_t& m = max_len_[first];
    m = std::max(m, len);
    if (first < 0x10000) bmp_max_len_[first] = m;
  };
  for (const auto& [k, vals] : lx.ts_phrases) {
    if (vals.empty() || utf8::CountCodePoints(k) < 2) continue;
    phrases_[k] = vals[0];
    note_len(k);
  }

  // qingxi's corrections.
  const std::string path = rules_dir + "/" + kCorrectionsFile;
  Result<RuleFile> rf = RuleFile::Load(path, {"phrase"});
  if (!rf.ok()) return rf.status();
  for (const RuleEntry& e : rf->entries()) {
    std::string_view key, repl;
    if (!SplitPair(e.value, &key, &repl))
      return rf->Error(e, "expected 'phrase TRADITIONAL SIMPLIFIED'");
    if (!utf8::IsValid(key) || !utf8::IsValid(repl))
      return rf->Error(e, "not valid UTF-8");
    if (corrections_.count(std::string(key)))
      return rf->Error(e, "duplicate key '" + std::string(key) + "'");
    corrections_.emplace(std::string(key), std::string(repl));
    note_len(std::string(key));
  }
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
    uint8_t k = Class(cp);
    c.trad += k == kTradOnly;
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

void OpenccConverter::ConvertSpan(std::string_view s, std::string* out) const {
  std::string key;  // reused: phrase lookups need a std::string key in C++17
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    size_t len = DecodeAt(s, i, &cp);
    size_t max_len = 0;
    if (cp < 0x10000) {
      max_len = bmp_max_len_[cp];
    } else if (auto ml = max_len_.find(cp); ml != max_len_.end()) {
      max_len = ml->second;
    }
    if (max_len > 0) {
      // Byte ends of the next up-to-max_len characters; try the longest key first.
      size_t ends[256];
      size_t k = 0, p = i;
      while (k < max_len && p < s.size()) {
        char32_t ignored;
        p += DecodeAt(s, p, &ignored);
        ends[k++] = p;
      }
      const std::string* repl = nullptr;
      size_t end = 0;
      for (size_t n = k; n >= 1 && repl == nullptr; --n) {
        key.assign(s.data() + i, ends[n - 1] - i);
        if (auto c = corrections_.find(key); c != corrections_.end()) {
          repl = &c->second;
        } else if (n >= 2) {
          if (auto ph = phrases_.find(key); ph != phrases_.end()) repl = &ph->second;
        }
        end = ends[n - 1];
      }
      if (repl != nullptr) {
        out->append(*repl);
        i = end;
        continue;
      }
    }
    if (cp < 0x10000) {
      int32_t v = bmp_map_[cp];
      if (v >= 0) out->append(char_values_[v]);
      else out->append(s.data() + i, len);
    } else if (auto it = char_map_.find(cp); it != char_map_.end()) {
      out->append(it->second);
    } else {
      out->append(s.data() + i, len);
    }
    i += len;
  }
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
      ConvertSpan(span, &out);
    } else {
      // Simplified (or undecided) spans are kept as written, including the odd traditional
      // character a simplified text uses on purpose (a name such as 罗鶄, whose simplified
      // form 䴖 few fonts have).
      out.append(span);
    }
    i = end;
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<const Converter>> Converter::Create(const std::string& rules_dir) {
  auto conv = std::make_shared<OpenccConverter>();
  Status s = conv->Init(rules_dir);
  if (!s.ok()) return s;
  return std::shared_ptr<const Converter>(std::move(conv));
}

}  // namespace qingxi
