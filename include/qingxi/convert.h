// qingxi/convert.h — traditional to simplified Chinese, phrase-aware, and script detection.
//
// The Converter runs OpenCC's current dictionaries (rules/opencc/, Apache-2.0: the Taiwan and
// Hong Kong variant tables, then TSPhrases and TSCharacters, as OpenCC's tw2s/hk2s chains do)
// with qingxi's corrections from rules/t2s_corrections.rules on top (著/着, 瞭/了, ...), and
// judges scripts from rules/script_chars.rules (traditional-only and simplified-only characters,
// generated from Unihan). Every traditional-only character is converted wherever it stands,
// with the phrase around it, also inside a simplified sentence; characters both scripts write
// (著, 乾, 干, 后, 于, 里, 面) change only inside traditional text; text without a
// traditional-only character comes out byte for byte. See docs/conversion.md.
//
// Thread-safety: a Converter is immutable after Create and may be shared by all threads.
#ifndef QINGXI_CONVERT_H_
#define QINGXI_CONVERT_H_

#include <memory>
#include <string>
#include <string_view>

#include "qingxi/record.h"
#include "qingxi/rule_sources.h"
#include "qingxi/status.h"

namespace qingxi {

// Regional vocabulary (opt-in): besides converting characters, map Taiwan or Hong Kong words
// to the mainland ones (軟體 → 软件, 計程車 → 出租车) with OpenCC's TWPhrasesRev/HKPhrasesRev.
enum class Vocab { kNone, kTaiwan, kHongKong };

// Parses "tw", "hk" or "none" (the --vocab values); false for anything else.
bool ParseVocab(std::string_view name, Vocab* out);

struct ConvertOptions {
  Vocab vocab = Vocab::kNone;  // default: a character conversion, no word changes
};

class Converter {
 public:
  // `rules_dir` holds t2s_corrections.rules, script_chars.rules and opencc/ (OpenCC's text
  // dictionaries); QINGXI_OPENCC_DIR, when set, names another directory for the latter.
  // --extra-rules layers add to the two .rules files; opencc/ is read from the base directory.
  // The directories are checked first (RuleSources::Check: unknown *.rules names are errors).
  // Errors name the file (and line) at fault.
  static Result<std::shared_ptr<const Converter>> Create(const RuleSources& rules_dir,
                                                         const ConvertOptions& options = {});
  virtual ~Converter() = default;

  // Script of a text, judged from characters that exist only in one script.
  virtual Script Detect(std::string_view utf8) const = 0;
  // Converts to simplified. Input must be valid UTF-8; line breaks are preserved.
  virtual std::string ToSimplified(std::string_view utf8) const = 0;
  // True when the character belongs to traditional writing only (rules/script_chars.rules:
  // Unihan's traditional-only characters and the non-standard forms OpenCC changes).
  virtual bool IsTraditionalOnly(char32_t cp) const = 0;
};

}  // namespace qingxi

#endif  // QINGXI_CONVERT_H_
