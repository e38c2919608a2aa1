// qingxi/text_extract.h — main-content detection for pages already flattened to text.
//
// A page dumped to text (w3m/lynx/html2text, a Common Crawl WET record) still carries its
// navigation: runs of short lines, link lists ("a | b | c", "· a · b", "[1] [2]"), bulleted
// teasers, sidebars, footers and repeated headings. TextExtractor finds the main block the way the
// text-density methods do (line-block distribution, BTE): every line gets a score from its own
// features (length, sentence punctuation, separator shape, bullets, w3m's [image]/[form] tokens,
// repetition within the page) and the contiguous run of lines with the largest total is the main
// content; short gaps inside it (subheadings, captions, the header line of a forum reply) are
// kept because the text on both sides outweighs them. It also finds the title above that block
// (a line echoed elsewhere on the page, or the one just above the date line) and undoes the hard
// wrapping of dumps made at a fixed width.
//
// Input that is already clean text (a plain article, a notice, a corpus file) is recognised —
// nearly all of its text is in the main block and what lies outside does not look like
// navigation — and is returned line for line, with nothing removed and no title chosen: the
// TextCleaner's line rules do the rest, as for any input.
//
// It only decides *where* the content is, like HtmlExtractor (qingxi/extract.h), and returns
// the same ExtractedPage. Every weight and threshold is in rules/text_extract.rules.
//
// Thread-safety: a TextExtractor is immutable after Create; Extract may run on many threads.
#ifndef QINGXI_TEXT_EXTRACT_H_
#define QINGXI_TEXT_EXTRACT_H_

#include <memory>
#include <string>
#include <string_view>

#include "qingxi/extract.h"
#include "qingxi/rule_sources.h"
#include "qingxi/status.h"

namespace qingxi {

class TextExtractor {
 public:
  // Loads rules/text_extract.rules from `rules_dir`; errors name the file and line.
  static Result<std::shared_ptr<const TextExtractor>> Create(const RuleSources& rules_dir);
  virtual ~TextExtractor() = default;
  // `utf8_text` is valid UTF-8. The page's lines (hard wraps undone) come back in
  // ExtractedPage::paragraphs: all of them for clean text, the main block otherwise (with the
  // date lines between the title and the block), none for a page of navigation only. `title` is
  // set only when one was found above the block. A text of more lines than a page has is
  // examined a window of lines at a time (rules/text_extract.rules `max_lines`), so memory stays
  // bounded by the window, not the input; `limits` is not used (text has no DOM to limit).
  // With `explain` set, every line left out is added to it (stage kExtract) with its reason.
  virtual Result<ExtractedPage> Extract(std::string_view utf8_text, const ExtractLimits& limits,
                                        Explanation* explain = nullptr) const = 0;
};

}  // namespace qingxi

#endif  // QINGXI_TEXT_EXTRACT_H_
