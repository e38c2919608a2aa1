// clean/watermark.h — cuts watermarks injected inside sentences, keeping the sentence around them.
//
// Two detectors:
//  (a) patterns from rules/watermark.rules (RE2::Set, one pass per line; the matching patterns are
//      then run alone to find the spans): "公务员之家版权所有,全国公务员共同的天地!",
//      "本文来自XX网", "更多范文请访问XX网";
//  (b) phrases that recur out of place within one document: the same span of at least
//      min_chars characters, ending in "!" or "?", found at least min_repeats times, each time
//      starting mid-sentence and followed by more of the sentence. A quoted
//      slogan repeated as its own sentence does not qualify; a site name pasted into the middle of
//      a clause does;
//  (c) a clause that recurs verbatim between clause marks and is a site name (ends like one:
//      site_suffix in rules/watermark.rules) or holds a web address ("第一范文网 www.x.com 整理").
// Spans are found on the simplified view of each line and cut from the original line (the two are
// aligned character by character when their lengths agree; otherwise (a) runs on the original).
//
// Thread-safety: immutable after Create; Cut may run on many threads.
#ifndef QINGXI_CLEAN_WATERMARK_H_
#define QINGXI_CLEAN_WATERMARK_H_

#include <memory>
#include <string>
#include <vector>

#include "qingxi/rule_file.h"
#include "qingxi/rule_sources.h"
#include "qingxi/status.h"

namespace qingxi {

class WatermarkCutter {
 public:
  struct Options {
    int min_chars = 8;
    int min_repeats = 2;
    int site_clause_max_chars = 12;  // a site name standing as a clause of its own, at most
    int address_clause_max_chars = 40;  // a recurring clause holding a web address, at most
  };
  // Built from rules/watermark.rules (with its layers); `sites` numbers the `site` sections
  // its entries are scoped to (the caller's table, shared with the other line rules).
  static Result<std::unique_ptr<WatermarkCutter>> Create(const RuleFile& file,
                                                         const Options& options,
                                                         SiteTable* sites);
  ~WatermarkCutter();
  // Cuts watermarks from `lines` in place; `simplified` is the simplified view, line by line
  // (same size). Returns the number of spans cut. Lines may become empty. `active` is the
  // document's SiteTable::Active: site-scoped patterns apply only where it says so.
  int Cut(std::vector<std::string>* lines, const std::vector<std::string>& simplified,
          const std::vector<char>& active = {}) const;
  // Whether a rule pattern matches the (simplified) line: such a line is a sentence with a
  // watermark inside, to be cut, not a disclaimer to drop whole.
  bool MatchesRule(const std::string& simplified, const std::vector<char>& active = {}) const;
  // The rule behind a cut span (its simplified text): "watermark.rules:12 regex …", or the
  // recurrence detector and its thresholds. For explanations only.
  std::string Describe(const std::string& simplified_span) const;

 private:
  WatermarkCutter();
  struct Patterns;
  Options options_;
  std::unique_ptr<Patterns> patterns_;
  std::vector<std::u32string> site_suffixes_;  // "网", "之家": how site names end
};

}  // namespace qingxi

#endif  // QINGXI_CLEAN_WATERMARK_H_
