// clean/page_family.h — page families: how the extractor's selection is refined for a kind of
// page. The common stages (clean/html_extract.cc) remove chrome, score blocks and select the
// article: the best block and the siblings that continue it. That selection suits the article
// family; every other family is a PageFamily that looks at the scored page and changes the
// selection when the page is one of its kind:
//   thread   (family_thread.cc)   forum threads, Q&A answers, short reviews, comment lists that
//                                 are the content: the posts joined in page order, flag
//                                 "thread"; a blog archive's separately titled entries are not
//                                 joined;
//   article end (family_article_end.cc)  a story's neighbours: the boxes of the next or related
//                                 stories inside the article and a second story after the
//                                 first one's end are not emitted;
//   listing  (family_listing.cc)  index, channel and search pages: no main text, flag "listing".
// Families run in the order PageFamilies() lists them, each on the previous one's result. To
// add one: write family_NAME.cc with a PageFamily subclass and a Make function, list it in
// page_family.cc, put its thresholds and word lists in rules/html.rules, and test it in
// tests/extract_test.cc (see docs/extraction.md).
//
// Thread-safety: families are stateless and immutable; Refine may run on many threads.
#ifndef QINGXI_CLEAN_PAGE_FAMILY_H_
#define QINGXI_CLEAN_PAGE_FAMILY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract_rules.h"
#include "extract_work.h"

namespace qingxi {
namespace html {

// The scored page, read-only.
struct PageView {
  const Work& w;
  const ExtractRules& rules;
  const std::vector<uint32_t>& title_like;     // headings and "title" boxes, document order
  std::string_view title_tag;                  // the text of <title>
  const std::vector<uint32_t>& comment_lists;  // comment sections kept as the content
  uint32_t body;                               // the <body> node (0 if none)
};

// What is emitted: the subtrees `roots` in document order; `top` is the main block.
struct Selection {
  uint32_t top = 0;
  std::vector<uint32_t> roots;
  std::vector<std::string> flags;  // added to the page's flags
  std::vector<uint32_t> drop;      // subtrees inside the roots that are not emitted
  uint32_t cut = UINT32_MAX;       // emission stops at this node (the story ends before it)
};

class PageFamily {
 public:
  virtual ~PageFamily() = default;
  virtual std::string_view name() const = 0;
  // Changes *sel when the page belongs to this family; leaves it alone otherwise.
  virtual void Refine(const PageView& page, Selection* sel) const = 0;
};

std::unique_ptr<const PageFamily> MakeThreadFamily();
std::unique_ptr<const PageFamily> MakeArticleEndFamily();
std::unique_ptr<const PageFamily> MakeListingFamily();

// The families after the article selection, in the order they run.
const std::vector<std::unique_ptr<const PageFamily>>& PageFamilies();

}  // namespace html
}  // namespace qingxi

#endif  // QINGXI_CLEAN_PAGE_FAMILY_H_
