// qingxi/text_cleaner.h — the line and paragraph cleaners shared by text and HTML input.
//
// Input is a document as lines (paragraphs from HTML, or lines of an already-flattened text
// page as in Common Crawl WET), plus what the HTML stage may already know (title, date). The
// cleaner, in order:
//   1. repairs mojibake spans (UTF-8 read as GBK and similar) or removes them,
//   2. strips pinyin flattened after characters (開(kāi)) where every syllable is valid pinyin,
//   3. removes SEO/ad spam lines, breadcrumbs and menus, metadata lines (moving date/author into
//      fields), site intros and disclaimers, share lines, related/also-read blocks, paywall stubs
//      (flagging "paywall"), repeated titles, counters and empty lines,
//   4. cuts watermarks injected inside sentences (from rules and from phrases that recur out of
//      place within the document), keeping the sentence around them.
// Every lexicon, pattern and threshold comes from rules/ (see docs/rules.md). Rules are written
// in simplified characters; matching is done on a simplified view of each line so they apply to
// traditional input too, and the output keeps the input's script (conversion is a later stage).
//
// Preformatted entries (CleanInput::kinds) skip every step and keep their place.
//
// Thread-safety: a TextCleaner is immutable after Create; Clean may run on many threads.
#ifndef QINGXI_TEXT_CLEANER_H_
#define QINGXI_TEXT_CLEANER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "qingxi/convert.h"
#include "qingxi/explain.h"
#include "qingxi/extract.h"
#include "qingxi/rule_sources.h"
#include "qingxi/status.h"

namespace qingxi {

struct CleanInput {
  std::vector<std::string> lines;  // valid UTF-8, one paragraph or source line each
  std::string title;               // title already known (HTML <title>/<h1>), may be empty
  std::string date;                // ISO 8601 date already known, may be empty
  bool from_html = false;          // lines are paragraphs chosen by the HTML extractor
  std::string url;                 // the document's URL, may be empty: rules in a `site HOST`
                                   // section apply only when its host is HOST or a subdomain
  // Parallel to lines, or empty (all prose). A kPreformatted entry (code, <pre>) is passed
  // through untouched: no cleaner cuts, joins, trims or drops it.
  std::vector<BlockKind> kinds;
};

struct CleanOutput {
  std::vector<std::string> paragraphs;  // cleaned body, input script, no empty entries
  std::vector<BlockKind> kinds;         // parallel to paragraphs
  std::string title;
  std::string date;                     // ISO 8601, "" if none found
  std::vector<std::string> flags;       // "paywall", "mojibake", ...
};

class TextCleaner {
 public:
  // Loads the cleaner's rule files from `rules_dir`. `converter` provides the simplified view
  // used for matching; it must outlive the cleaner.
  static Result<std::shared_ptr<const TextCleaner>> Create(
      const RuleSources& rules_dir, std::shared_ptr<const Converter> converter);
  virtual ~TextCleaner() = default;
  // With `explain` set, every line dropped and every span cut is added to it (stage kClean) with
  // its reason and rule; null (the normal run) records nothing.
  virtual CleanOutput Clean(const CleanInput& in, Explanation* explain = nullptr) const = 0;
  // Every entry of the line rules (spam, nav, meta, boilerplate, related, paywall) that matches
  // `line`, as "file:line directive value", whether or not it removes the line alone. For
  // `qingxi rules test`, which shows the rules that matched a kept line and why they did not
  // decide (a single spam phrase is below spam_min_hits).
  virtual std::vector<std::string> MatchingRules(std::string_view line) const = 0;
};

}  // namespace qingxi

#endif  // QINGXI_TEXT_CLEANER_H_
