// clean/extract_work.h — what the HTML extractor's stages share: the per-node working state
// of one extraction (Work) and the text helpers every stage and page family uses.
//
// Owns nothing beyond one Extract call; no global state. Used by clean/html_extract.cc (the
// common pipeline: removal, scoring, emission, title, date) and by the page families
// (clean/family_*.cc, behind clean/page_family.h).
//
// Thread-safety: a Work belongs to one Extract call; the functions are pure.
#ifndef QINGXI_CLEAN_EXTRACT_WORK_H_
#define QINGXI_CLEAN_EXTRACT_WORK_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dom.h"

namespace qingxi {
namespace html {

struct TextStats {
  uint32_t chars = 0;  // non-space code points
  uint32_t punct = 0;
  uint32_t words = 0;  // letters and ideographs (not digits, punctuation or symbols)
};

// Per-extraction working state, one entry per DOM node.
struct Work {
  const dom::Document* doc = nullptr;
  std::vector<uint8_t> alive;    // not inside a removed subtree
  std::vector<uint8_t> in_link;  // inside an <a>
  std::vector<uint32_t> block;   // nearest block ancestor (self for blocks)
  std::vector<int16_t> weight;   // class/id hint weight
  std::vector<uint8_t> positive;
  std::vector<uint8_t> caption;                      // class/id names a picture caption
  std::vector<uint8_t> code;                         // class/id names a code block
  std::vector<uint8_t> subreply;  // class/id names a reply nested in a post (楼中楼)
  std::vector<uint8_t> answer;    // class/id names one answer's text on a Q&A page
  std::vector<uint32_t> chars, link_chars, punct;    // whole subtree, alive only
  std::vector<uint32_t> dchars, dlink, dpunct, dbr;  // own text (not in nested blocks)
  std::vector<uint32_t> dwords;                      // own unlinked letters and ideographs
  std::vector<float> score;
  std::vector<TextStats> tstats;  // per alive text node, measured once
};

// Block elements end a paragraph; inline elements join it.
bool IsBlockTag(dom::Tag t);
// Blocks that are one paragraph by nature; their score goes to their container.
bool IsParagraphTag(dom::Tag t);
bool IsHeading(dom::Tag t);
// Inline elements that set code in running text (<code>, <kbd>, <samp>, <tt>).
bool IsCodeTag(dom::Tag t);
// Sentence punctuation that marks running prose (full-width and ASCII).
bool IsProsePunct(char32_t c);
// A letter or an ideograph, as opposed to digits, punctuation and symbols.
bool IsWordChar(char32_t c);
TextStats MeasureText(std::string_view s);
// Appends `s` to *out with every run of white space turned into one space; *pending_space
// carries a run across text nodes.
void AppendCollapsed(std::string_view s, std::string* out, bool* pending_space);
// `s` without any white space.
std::string StripSpaces(std::string_view s);
// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view s, size_t max);
// The text of subtree i (alive nodes only), collapsed, at most `max` bytes.
std::string SubtreeText(const Work& w, uint32_t i, size_t max);
// The text of a <pre> or a code block, verbatim (see extract_work.cc).
std::string PreformattedText(const Work& w, uint32_t i);
// Anchor `a` is one item of a list of links: its nearest <li> (at most two levels up) has at
// least two sibling <li> that hold an <a> too (among its list's first 128 children, each looked
// into for 64 nodes: bounded on hostile lists).
bool IsLinkListItem(const dom::Document& doc, uint32_t a);
// The share of subtree i's characters that are link text.
double LinkDensity(const Work& w, uint32_t i);

}  // namespace html
}  // namespace qingxi

#endif  // QINGXI_CLEAN_EXTRACT_WORK_H_
