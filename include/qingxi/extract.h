// qingxi/extract.h — HTML main-content extraction: UTF-8 HTML in, title/date/paragraphs out.
//
// Parses with Gumbo (through qingxi's thin DOM wrapper; no Gumbo type is exposed), drops what
// is never content (script, style, template, hidden elements, ruby <rt>/<rp>, forms, nav
// chrome named in rules/html.rules), scores candidate blocks by text density, link density,
// CJK punctuation and class/id/tag hints (all weights in rules/), picks the main content and
// emits its paragraphs in reading order. The paragraphs then go through the same TextCleaner
// as plain-text input; this stage only decides *where* the content is.
//
// Limits (bytes, DOM nodes, nesting depth) are enforced here: input beyond them is truncated
// or rejected with ResourceExhausted, never allowed to exhaust memory or time.
//
// Thread-safety: an HtmlExtractor is immutable after Create; Extract may run on many threads.
#ifndef QINGXI_EXTRACT_H_
#define QINGXI_EXTRACT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "qingxi/explain.h"
#include "qingxi/rule_sources.h"
#include "qingxi/status.h"

namespace qingxi {

struct ExtractLimits {
  size_t max_bytes = 16u << 20;     // HTML beyond this is cut before parsing
  size_t max_depth = 400;           // deeper elements are flattened into their ancestor
  size_t max_nodes = 2000000;       // DOM nodes walked at most
};

// What a paragraph is: running text, which the line cleaners may cut and join, or
// preformatted text (<pre>, a code block, a line that is all <code>/<kbd>/<samp>), which is
// kept character for character with its line breaks and indentation and which no cleaner or
// conversion touches.
enum class BlockKind : uint8_t { kProse, kPreformatted };

struct ExtractedPage {
  std::string title;                    // best title: <h1> agreeing with <title>, og:title, ...
  std::string date;                     // ISO 8601 from meta/time/visible date, "" if none
  std::vector<std::string> paragraphs;  // main content in reading order, one block per entry
  std::vector<BlockKind> kinds;         // parallel to paragraphs (a preformatted block holds
                                        // its lines joined by '\n')
  std::vector<std::string> flags;       // e.g. "paywall" when a paywall element was dropped
  std::string lang;                     // <html lang>, lower-cased, may be empty
  std::string canonical_url;            // <link rel=canonical>, may be empty
};

class HtmlExtractor {
 public:
  // Loads the HTML rule files from `rules_dir` (rules/html.rules and its layers).
  static Result<std::shared_ptr<const HtmlExtractor>> Create(const RuleSources& rules_dir);
  virtual ~HtmlExtractor() = default;
  // With `explain` set, every block of visible text that is not emitted is added to it (stage
  // kExtract) with the decision that dropped it; null (the normal run) records nothing.
  virtual Result<ExtractedPage> Extract(std::string_view utf8_html, const ExtractLimits& limits,
                                        Explanation* explain = nullptr) const = 0;
};

}  // namespace qingxi

#endif  // QINGXI_EXTRACT_H_
